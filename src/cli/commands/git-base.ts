import { readBaseRecords } from '../../core/affected/base-records';
import { lintAgainstBase } from '../../core/lint/lint-base';
import { refProblem } from '../../core/port/repository';
import type { Finding } from '../../core/rules/rule';
import { byPosition, type DecisionWorkspace } from '../../core/workspace/decision-workspace';
import type { OpenedWorkspace } from '../open-workspace';
import { findRepository } from '../../node/repository';
import { NodeGitRepository } from '../../node/git-repository';
import { UsageError } from '../args';
import { displayPath, type CliContext } from '../context';

/** What `--base`/`--head` must be: a ref, refused before git sees it when it could be read as anything else. */
export function checkedRef(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const problem = refProblem(value);
  if (problem) throw new UsageError(`${option} ${JSON.stringify(value)} ${problem}; give a branch, tag or commit (main, origin/main, v1.2, HEAD~3)`);
  return value;
}

/**
 * The git repository holding the workspace, as the port that asks git about it. Without one (no
 * `.git` above the workspace, or no git on PATH) the command cannot compare branches: a usage error
 * (exit 2) that says so, and nothing else of Legible needs git.
 */
export async function gitRepositoryFor(root: string, command: string, context: CliContext): Promise<NodeGitRepository> {
  const found = await findRepository(root);
  if (!found) throw new UsageError(`${displayPath(context.cwd, root)} is not in a git repository: ${command} compares branches with git`);
  const repository = new NodeGitRepository(found.root, context.env);
  if (!(await repository.available())) {
    throw new UsageError(repository.missing ? `${command} needs git, and git is not installed (no git on PATH)` : `git does not answer in ${displayPath(context.cwd, found.root)}${repository.problem ? `: ${repository.problem}` : ''}`);
  }
  return repository;
}

/** The message for a question git could not answer: what was asked, git's reason, and the usual cause. */
export function gitFailure(asked: string, repository: NodeGitRepository, base: string): UsageError {
  const why = repository.problem ? `: ${repository.problem}` : '';
  if (repository.noCommonCommit === 'shallow') return new UsageError(`git could not list ${asked}${why}. Fetch the history: in GitHub Actions, check out with fetch-depth: 0 (else git fetch --unshallow).`);
  if (repository.noCommonCommit === 'unrelated') return new UsageError(`git could not list ${asked}${why}. Is ${base} the branch this one will be merged into?`);
  return new UsageError(`git could not list ${asked}${why}. Is ${base} a branch, tag or commit of this repository? (A shallow clone lacks the history: in GitHub Actions, check out with fetch-depth: 0.)`);
}

/**
 * `lint --base <ref>`: the base-scoped rules' findings added to each file's (the working tree
 * against the merge base, uncommitted and untracked records included, as `affected` without --head).
 */
export async function addBaseFindings(byFile: Map<string, Finding[]>, workspace: DecisionWorkspace, opened: OpenedWorkspace, base: string, context: CliContext): Promise<void> {
  const repository = await gitRepositoryFor(opened.root, 'lint --base', context);
  const changed = await repository.changedFiles(base);
  if (changed === undefined) throw gitFailure(`the files changed since the merge base of ${base} and HEAD`, repository, base);
  const records = await readBaseRecords(repository, base, changed, repository.root, workspace.options.folders);
  if (records === undefined) throw gitFailure(`the decision records at ${base}`, repository, base);
  for (const finding of lintAgainstBase(workspace.index, opened.loaded.config, records)) {
    const list = byFile.get(finding.path) ?? [];
    list.push(finding);
    list.sort(byPosition);
    byFile.set(finding.path, list);
  }
}
