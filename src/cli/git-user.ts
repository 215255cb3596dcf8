import { spawnSync } from 'node:child_process';

/** `git config user.name`, when git is installed and knows one; never throws, never waits long. */
export function gitUserName(cwd: string): string | undefined {
  try {
    const result = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
    const name = result.status === 0 ? result.stdout.trim() : '';
    return name || undefined;
  } catch {
    return undefined;
  }
}
