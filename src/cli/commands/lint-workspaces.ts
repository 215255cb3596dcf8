import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside } from '../../core/port/paths';
import { UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { openWorkspace, requireFolders, rootOf, type OpenedWorkspace } from '../open-workspace';
import { lintTargets, type LintTargets } from './lint-targets';
import { findRepository } from '../../node/repository';
import { processBounds } from '../../node/root-search';

/** The paths named to `legible lint` that share one workspace root, in the order given. */
export interface WorkspaceGroup {
  /** Absolute, '/'-separated: the nearest folder above the paths holding `.legible.json` or `.git`. */
  readonly root: string;
  readonly paths: readonly string[];
}

export interface WorkspaceGroups {
  readonly groups: readonly WorkspaceGroup[];
  /**
   * The repository that holds every group (the folder holding `.git`, else the one workspace's
   * root): GitHub annotations and SARIF's %SRCROOT% name files from there, whatever the group.
   */
  readonly repository: string;
}

/**
 * Splits the paths of `legible lint <paths…>` by workspace, each path's root found for it alone
 * (as `legible lint <path>` would find it). A monorepo's pre-commit hook passes the staged records
 * of all its projects in one run; each project must be linted with its own `.legible.json`, folders
 * and rules, not the first path's. Paths in another repository are still refused: one run prints
 * one report whose paths (GitHub's, SARIF's) resolve from one repository root.
 */
export async function groupByWorkspace(paths: readonly string[], context: CliContext): Promise<WorkspaceGroups> {
  // Every path's search may pass the same shared folder (/tmp/.legible.json): said once.
  const said = new Set<string>();
  const bounds = processBounds((message) => {
    if (!said.has(message)) context.warn(message);
    said.add(message);
  });
  const groups = new Map<string, { root: string; paths: string[] }>();
  for (const given of paths) {
    // A missing path would be looked up from the current folder's root, and refused there as lying
    // outside it: the real problem is that it does not exist.
    if (!(await lstat(resolve(context.cwd, given)).catch(() => undefined))) throw new UsageError(`no such file or folder: ${given}`);
    const root = await rootOf(context, given, bounds);
    const group = groups.get(root) ?? { root, paths: [] };
    group.paths.push(given);
    groups.set(root, group);
  }
  const found = [...groups.values()];
  const repositories = await Promise.all(found.map(async (group) => (await findRepository(group.root))?.root ?? group.root));
  // The outermost repository: a submodule's workspace lies in its superproject's.
  const repository = repositories.find((candidate) => found.every((group) => isInside(candidate, group.root)));
  if (repository === undefined) {
    const outside = found.find((group) => !isInside(repositories[0], group.root)) ?? found[1];
    throw new UsageError(`${outside.paths[0]} lies outside the repository of the first path (${displayPath(context.cwd, repositories[0])}); lint each repository on its own`);
  }
  return { groups: found, repository };
}

/** A workspace to lint, and what to lint in it. */
export interface LintWorkspace {
  readonly opened: OpenedWorkspace;
  readonly targets: LintTargets;
}

/**
 * The workspaces of `legible lint [paths…]`: with no paths, the current folder's; with paths, one
 * per workspace they lie in. Every workspace's paths are checked (a usage error, exit 2) before any
 * is linted, so a `--fix` never rewrites one project's records for a run that then stops.
 */
export async function openLintWorkspaces(paths: readonly string[], context: CliContext): Promise<{ workspaces: LintWorkspace[]; repository: string }> {
  if (!paths.length) {
    const opened = await openWorkspace(context);
    await requireFolders(opened, context, 'lint');
    return { workspaces: [{ opened, targets: await lintTargets([], opened, context) }], repository: (await findRepository(opened.root))?.root ?? opened.root };
  }
  const { groups, repository } = await groupByWorkspace(paths, context);
  const workspaces: LintWorkspace[] = [];
  for (const group of groups) {
    const opened = await openWorkspace(context, group.paths, group.root);
    workspaces.push({ opened, targets: await lintTargets(group.paths, opened, context) });
  }
  return { workspaces, repository };
}
