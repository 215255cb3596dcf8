import type { GitPort } from '../core/port/git';
import { toPortable } from './portable-path';
import { runGit } from './git-process';
import { findRepository } from './repository';

/**
 * `git config user.name` for a folder, when git is installed and knows one; never rejects, never
 * waits long. Git runs at the root of the repository holding the folder (found as the workspace
 * root is: not above the home, not in a folder others write to), so the repository's own
 * configuration applies and no other repository's does.
 */
export async function gitUserName(folder: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const portable = toPortable(folder);
  const repository = await findRepository(portable).catch(() => undefined);
  const out = await runGit(['config', 'user.name'], repository?.root ?? portable, env);
  return out?.trim() || undefined;
}

/** The git port on Node: git run for the given folder (the repository's own configuration applies). */
export function nodeGit(cwd: string): GitPort {
  return { userName: () => gitUserName(cwd) };
}
