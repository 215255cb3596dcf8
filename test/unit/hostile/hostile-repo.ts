import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { runCli, tempDir, type RunResult } from '../cli/cli-process';

/**
 * A crafted repository beside a decoy folder, for issue 12's attacks: each test builds the
 * repository it needs at run time, runs the CLI on it with a time limit, and checks that nothing
 * outside the repository changed (every file of the decoy, by checksum, and every link) and that
 * nothing from outside was printed (the decoy's files hold a marker string).
 *
 *   <temp>/repo/    the untrusted repository (the CLI's current folder)
 *   <temp>/decoy/   what an attacker would like read or overwritten: `secret.md`, `id_rsa`, a folder of records
 */
export interface HostileRepo {
  readonly base: string;
  readonly repo: string;
  readonly decoy: string;
  /** The string every decoy file holds: it must never appear in output. */
  readonly marker: string;
  /** Writes files into the repository (paths relative to it; folders are made). */
  write(files: Readonly<Record<string, string | Buffer>>): Promise<void>;
  /** Runs the CLI in the repository; fails the test if it takes longer than `limitMs`. */
  run(args: readonly string[], options?: { limitMs?: number; cwd?: string; env?: Readonly<Record<string, string | undefined>> }): Promise<RunResult>;
  /** Fails if any decoy file or link changed, appeared or vanished since the repository was made. */
  assertDecoyUntouched(): Promise<void>;
  /** Fails if `text` holds the decoy's marker (something outside was read and printed). */
  assertNoLeak(text: string): void;
}

export const MARKER = 'DECOY-7f3a9c-MUST-NOT-LEAK';

/** Default time limit of one CLI run on a hostile repository: generous for a busy 2-core machine, far below a hang. */
export const HOSTILE_LIMIT_MS = 20_000;

export async function hostileRepo(): Promise<HostileRepo> {
  const base = await tempDir('legible-hostile-');
  const repo = path.join(base, 'repo');
  const decoy = path.join(base, 'decoy');
  await mkdir(repo, { recursive: true });
  await mkdir(path.join(decoy, 'decisions'), { recursive: true });
  await writeFile(path.join(decoy, 'secret.md'), `# ${MARKER} secret title\n\n${MARKER}\n`);
  await writeFile(path.join(decoy, 'id_rsa'), `-----BEGIN ${MARKER}-----\n`);
  await writeFile(path.join(decoy, 'README.md'), `# Decoy\n\n${MARKER}\n`);
  await writeFile(path.join(decoy, 'decisions', '0001-outside.md'), `---\ntype: adr\ntitle: ${MARKER}\n---\n# ${MARKER}\n`);
  const before = await checksums(decoy);

  return {
    base,
    repo,
    decoy,
    marker: MARKER,
    async write(files) {
      for (const [relative, content] of Object.entries(files)) {
        const file = path.join(repo, relative);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, content);
      }
    },
    async run(args, options = {}) {
      const limit = options.limitMs ?? HOSTILE_LIMIT_MS;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`legible ${args.join(' ')} took longer than ${limit} ms on a hostile repository`)), limit);
      });
      try {
        return await Promise.race([runCli(args, { cwd: options.cwd ?? repo, env: options.env }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async assertDecoyUntouched() {
      assert.deepEqual(await checksums(decoy), before, 'a file outside the repository was changed, created or removed');
    },
    assertNoLeak(text) {
      assert.ok(!text.includes(MARKER), `output holds text from outside the repository:\n${text.slice(0, 2000)}`);
    },
  };
}

/** Every file (by SHA-256) and link (by target) below a folder. */
async function checksums(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) out[relative] = `link ${await readlink(full)}`;
    else if (stat.isFile()) out[relative] = `file ${createHash('sha256').update(await readFile(full)).digest('hex')} ${stat.mode.toString(8)}`;
    else if (stat.isDirectory()) out[relative] = 'folder';
  }
  return out;
}
