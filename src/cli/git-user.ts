import { execFile } from 'node:child_process';
import type { GitPort } from '../core/port/git';

/** `git config user.name`, when git is installed and knows one; never rejects, never waits long. */
export function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 5000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
    } catch {
      resolve(undefined);
    }
  });
}

/** The git port on Node: git run in the given folder (the repository's own configuration applies). */
export function nodeGit(cwd: string): GitPort {
  return { userName: () => gitUserName(cwd) };
}
