import { chmod, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { tempDir } from '../cli/cli-process';

export interface RecordingGit {
  /** The PATH with the recording `git` first, for the environment of the process under test. */
  readonly path: string;
  /** The arguments of every call so far, one line a call. */
  calls(): Promise<string[]>;
}

/**
 * A `git` first on PATH that writes down its arguments and fails: a test that a process runs no
 * git (an untrusted repository's configuration can make git run programs) asserts it was never
 * called, and a run that does call git shows the recording works. POSIX shell: not on Windows.
 */
export async function recordingGit(): Promise<RecordingGit> {
  const dir = await tempDir('legible-fake-git-');
  const log = path.join(dir, 'calls.log');
  const git = path.join(dir, 'git');
  await writeFile(git, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexit 1\n`);
  await chmod(git, 0o755);
  return {
    path: `${dir}${path.delimiter}${process.env.PATH ?? ''}`,
    calls: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean),
  };
}
