import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { joinPath } from '../../core/port/paths';
import { CONFIG_FILE } from '../../core/workspace/load-config';
import { RECORD_TYPES } from '../../core/schema/schema-registry';
import type { CliContext } from '../context';
import { toPortable } from '../context';
import type { OpenedWorkspace } from '../open-workspace';
import { VERSION } from '../version';
import { LintCache } from './lint-cache';

export const DEFAULT_CACHE = 'node_modules/.cache/legible/lint-cache.json';

async function bytes(path: string): Promise<Uint8Array | undefined> {
  return readFile(path).catch(() => undefined);
}

/**
 * The lint cache of a workspace: inside it (not a shared temporary folder), keyed on what results
 * depend on besides the files themselves.
 */
export async function openCache(opened: OpenedWorkspace, today: string, location: string | undefined, context: CliContext): Promise<LintCache> {
  const hasModules = await stat(joinPath(opened.root, 'node_modules')).then((s) => s.isDirectory(), () => false);
  const path = location ? toPortable(resolve(context.cwd, location)) : joinPath(opened.root, hasModules ? DEFAULT_CACHE : '.legible-cache/lint-cache.json');
  const config = opened.loaded.config;
  const extensions = await Promise.all(RECORD_TYPES.map((type) => (config.schemaExtensions[type] ? bytes(joinPath(opened.root, config.schemaExtensions[type]!)) : undefined)));
  // The running bundle's size and time: a rebuilt Legible (new rules) never reuses old results.
  const self = await stat(process.argv[1] ?? '').then((s) => `${s.size}:${s.mtimeMs}`, () => '');
  const key = LintCache.key([VERSION, self, today, await bytes(joinPath(opened.root, CONFIG_FILE)), ...extensions]);
  return LintCache.load(path, key);
}
