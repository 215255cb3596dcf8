import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { baseEnv, tempDir } from '../cli/cli-process';

/** One scripted commit: who, when, and what each file becomes (null: deleted; `{ from }`: renamed). */
export interface ScriptedCommit {
  readonly name: string;
  readonly email: string;
  /** ISO date-time, UTC. */
  readonly date: string;
  readonly files: Readonly<Record<string, string | null | { readonly from: string }>>;
}

/** Runs git in `dir` as `who` at `date` (author and committer), with no user configuration. */
export function gitAs(dir: string, who: { name: string; email: string; date: string } | undefined, ...args: string[]): string {
  const identity = who && { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: who.date, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: who.date };
  return execFileSync('git', args, { cwd: dir, env: { ...baseEnv(dir), ...identity }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

/** A fresh repository holding the commits, in order; returns its folder. */
export async function scriptedRepository(commits: readonly ScriptedCommit[], dir?: string): Promise<string> {
  const root = dir ?? (await tempDir('legible-evidence-'));
  if (!dir) gitAs(root, undefined, 'init', '--quiet', '--initial-branch=main');
  for (const commit of commits) await addCommit(root, commit);
  return root;
}

export async function addCommit(root: string, commit: ScriptedCommit): Promise<void> {
  for (const [file, content] of Object.entries(commit.files)) {
    const full = path.join(root, file);
    if (content === null) await rm(full);
    else if (typeof content === 'object') {
      await mkdir(path.dirname(full), { recursive: true });
      gitAs(root, undefined, 'mv', content.from, file);
    } else {
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, content);
    }
  }
  gitAs(root, undefined, 'add', '--all');
  gitAs(root, commit, 'commit', '--quiet', '--allow-empty', '--message', `by ${commit.name}`);
}

/** `n` numbered lines, from `start`. */
export function lines(n: number, start = 0): string {
  return Array.from({ length: n }, (_, i) => `line ${start + i}\n`).join('');
}
