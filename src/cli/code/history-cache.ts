import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { basename, dirname, joinPath } from '../../core/port/paths';
import type { Repository } from '../../node/repository';

/**
 * What the folded history depends on besides HEAD and the window, which the history cache is keyed
 * on: `.mailmap`, through which git names every author (a line added joins two identities in
 * commits long past), and the shallow boundary (`git fetch --unshallow` or `--deepen` adds old
 * commits and leaves HEAD where it was). Empty when neither is there: a full clone without a
 * `.mailmap`, the common case, keeps the plain name.
 */
export async function historyShape(repository: Repository): Promise<string> {
  const mailmap = await regularFile(joinPath(repository.root, '.mailmap'));
  // A worktree's shallow file is its repository's: in the folder its `commondir` names.
  const common = repository.gitDir && (await readFile(joinPath(repository.gitDir, 'commondir'), 'utf8').catch(() => undefined))?.trim();
  const gitDir = repository.gitDir && (common ? resolve(repository.gitDir, common) : repository.gitDir);
  const shallow = gitDir === undefined ? undefined : await regularFile(joinPath(gitDir, 'shallow'));
  if (mailmap === undefined && shallow === undefined) return '';
  const hash = createHash('sha256');
  for (const part of [mailmap, shallow]) hash.update(part === undefined ? 'none' : `${part.length}:`).update(part ?? '');
  return hash.digest('hex').slice(0, 16);
}

/** Files larger than this are keyed by their size and time: a hash must not read a planted giant. */
const MAX_HASHED_BYTES = 4 * 1024 * 1024;

/**
 * A file's bytes, or undefined when it is missing or no regular file. A link is not followed (git
 * reads no `.mailmap` through one either), nor a FIFO waited on: the file comes from the checkout.
 */
async function regularFile(path: string): Promise<Uint8Array | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0)).catch(() => undefined);
  if (!handle) return undefined;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_HASHED_BYTES) return Buffer.from(`${stat.size}:${stat.mtimeMs}`);
    return await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * Beside the lint cache, in the folder `--cache` made safe: `lint-cache-….json` →
 * `lint-history-….json`, with the history's shape after another dash when it has one.
 */
export function historyCacheFile(lintCache: string, shape = ''): string {
  return joinPath(dirname(lintCache), `${historyPrefix(lintCache)}${shape ? `-${shape}` : ''}.json`);
}

function historyPrefix(lintCache: string): string {
  const name = basename(lintCache);
  return name.startsWith('lint-cache-') && name.endsWith('.json') ? name.slice(0, -'.json'.length).replace('lint-cache-', 'lint-history-') : `${name}.history`;
}

/**
 * Removes the histories of this lint cache kept for other shapes (a `.mailmap` since edited, a clone
 * since deepened): each would be read again only if the shape came back, and each can be as large
 * as the history. Best effort: a file left behind costs disk, not a wrong result.
 */
export async function forgetOtherHistories(lintCache: string, keep: string): Promise<void> {
  const folder = dirname(lintCache);
  const prefix = historyPrefix(lintCache);
  const names = await readdir(folder).catch(() => [] as string[]);
  const ours = (name: string) => name === `${prefix}.json` || (name.startsWith(`${prefix}-`) && /^-[0-9a-f]{16}\.json$/.test(name.slice(prefix.length)));
  await Promise.all(names.filter((name) => ours(name) && joinPath(folder, name) !== keep).map((name) => rm(joinPath(folder, name), { force: true }).catch(() => undefined)));
}
