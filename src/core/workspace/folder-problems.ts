import { isInside, joinPath } from '../port/paths';

/**
 * What is wrong with the decisions folders a configuration names (`folders` in `.legible.json`),
 * once they are looked up: one that lies outside the workspace, or one that does not exist (a typo,
 * a folder not created yet), except behind a symbolic link that leads out (said on its own). One
 * message each, as every front-end says them: `legible lint` warns them, the language server shows
 * them, the MCP server adds them to its answers.
 */
export function configuredFolderProblems(root: string, configured: readonly string[], found: readonly string[], linksOut: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const name of configured) {
    const folder = joinPath(root, name);
    if (!isInside(root, folder)) problems.push(`the folder ${name} lies outside the workspace; ignored.`);
    else if (!found.includes(folder) && !linksOut.some((link) => isInside(joinPath(root, link), folder))) problems.push(`the folder ${name} does not exist.`);
  }
  return problems;
}
