// fs.promises, which Node loads on first use: importing node:fs/promises would load it on activation.
import { constants, promises as fsp } from 'node:fs';
import * as path from 'node:path';

/**
 * Where to look for a program, and what never to run. Everything is given, not read from the
 * process, so the Windows rules can be tested on any machine.
 */
export interface ExecutableSearch {
  readonly platform: NodeJS.Platform;
  /** The PATH variable as the environment holds it. */
  readonly path: string | undefined;
  /** The PATHEXT variable (Windows only; its usual value when unset). */
  readonly pathext?: string;
  /** The current folder: a PATH entry naming it is skipped like `.`. */
  readonly current?: string;
  /**
   * Absolute folders whose programs never run, nor those of any folder below them: the repository.
   * A PATH entry there (the checkout's `node_modules/.bin`, which `npx` puts first) could hold a
   * `git` the repository ships.
   */
  readonly untrusted: readonly string[];
  /** Whether the file exists, is a regular file and may be run. */
  readonly isExecutable: (file: string) => Promise<boolean>;
}

/** Windows' own default, for a PATHEXT that is unset or empty. */
const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/**
 * Extensions Node can start without a shell. A `.bat` or `.cmd` runs through cmd.exe, which parses
 * its arguments again (Node refuses them without `shell: true` since CVE-2024-27980); Legible never
 * starts a shell, so those are skipped even when PATHEXT names them.
 */
const SPAWNABLE = new Set(['.com', '.exe']);

/**
 * The absolute path of the program `name`, found on PATH the way a shell would, but never in the
 * current folder: empty entries, `.` and every relative entry (which POSIX shells and Windows
 * resolve against the current folder) are skipped, and so is every entry inside an untrusted
 * folder. Windows also looks in the current folder before PATH and runs a `git.exe` found there;
 * an absolute path closes that too. Undefined when no entry holds it.
 */
export async function findExecutable(name: string, search: ExecutableSearch): Promise<string | undefined> {
  const windows = search.platform === 'win32';
  const flavour = windows ? path.win32 : path.posix;
  const key = (folder: string) => comparable(flavour.normalize(folder), search.platform);
  const untrusted = search.untrusted.filter((folder) => isAbsoluteFolder(folder, windows)).map(key);
  const current = search.current !== undefined && isAbsoluteFolder(search.current, windows) ? key(search.current) : undefined;
  const names = candidateNames(name, search);
  for (const raw of (search.path ?? '').split(windows ? ';' : ':')) {
    // Windows keeps quotes around an entry holding the separator: "C:\Program Files;x\bin".
    const entry = windows ? raw.trim().replace(/^"(.*)"$/, '$1') : raw;
    if (!isAbsoluteFolder(entry, windows)) continue;
    const folder = flavour.normalize(entry);
    if (key(folder) === current || untrusted.some((bad) => isSameOrInside(bad, key(folder), flavour.sep))) continue;
    for (const candidate of names) {
      const file = flavour.join(folder, candidate);
      if (await search.isExecutable(file)) return file;
    }
  }
  return undefined;
}

/** `git` on POSIX; on Windows `git.exe` and the like, in PATHEXT's order, or the name as given when it names its extension. */
function candidateNames(name: string, search: ExecutableSearch): string[] {
  if (search.platform !== 'win32') return [name];
  const extensions = (search.pathext || DEFAULT_PATHEXT)
    .split(';')
    .map((ext) => ext.trim().toLowerCase())
    .filter((ext) => SPAWNABLE.has(ext));
  const own = path.win32.extname(name).toLowerCase();
  if (own) return SPAWNABLE.has(own) ? [name] : [];
  return [...new Set(extensions)].map((ext) => name + ext);
}

/**
 * Absolute in the strict sense: on Windows a drive and a separator (`C:\`) or a UNC share
 * (`\\server\share`); `\bin` (the current drive's root) and `C:bin` (relative to that drive's
 * current folder) are not.
 */
function isAbsoluteFolder(entry: string, windows: boolean): boolean {
  return windows ? /^(?:[a-zA-Z]:[\\/]|[\\/]{2}[^\\/])/.test(entry) : entry.startsWith('/');
}

/** Windows and macOS compare names without regard to case (by default); refusing too much is safe. */
function comparable(folder: string, platform: NodeJS.Platform): string {
  const trimmed = folder.length > 1 ? folder.replace(/[\\/]+$/, '') : folder;
  return platform === 'win32' || platform === 'darwin' ? trimmed.toLowerCase() : trimmed;
}

function isSameOrInside(parent: string, child: string, sep: string): boolean {
  if (child === parent) return true;
  return child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** The search on this machine: its PATH and PATHEXT, and the file system. */
export function nodeExecutableSearch(untrusted: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ExecutableSearch {
  return {
    platform,
    path: variable(env, 'PATH', platform),
    pathext: variable(env, 'PATHEXT', platform),
    current: process.cwd(),
    untrusted,
    isExecutable: async (file) => {
      const found = await fsp.stat(file).catch(() => undefined);
      if (!found?.isFile()) return false;
      return platform === 'win32' || (await fsp.access(file, constants.X_OK).then(() => true, () => false));
    },
  };
}

/** Windows' variable names ignore case (`Path`); a copied environment object does not. */
function variable(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}
