import { basename, isMarkdownPath } from '../port/paths';
import type { WorkspaceRule } from './rule';

/**
 * A symbolic link in a decisions folder, or an artifact link, that leads outside the repository.
 * Legible neither follows nor looks up such a link — a repository is untrusted input, and what lies
 * elsewhere on the machine is none of its records' business — so the record it stands for is not
 * read and the artifact is not checked: the link itself is the finding, once, named with its question.
 */
export const linkOutsideRepository: WorkspaceRule = {
  id: 'link-outside-repository',
  description: 'Symbolic links in decisions folders and artifact links stay inside the repository.',
  defaultSeverity: 'warning',
  scope: 'workspace',
  async check(context) {
    const line = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const link of context.outsideLinks) {
      const what = isMarkdownPath(link) ? 'record' : 'folder of records';
      context.report(link, {
        message: `${basename(link)} is a symbolic link that leads outside the repository, so Legible does not read it. Should this ${what} live in the repository, or is the link left over?`,
        range: line,
      });
    }
    for (const entry of context.index.entries()) {
      if (entry.legacy) continue;
      const key = entry.type === 'exit-plan' ? 'artifacts' : 'knowledge-exit-path.artifacts';
      for (const link of entry.artifacts) {
        if (!link.resolved || context.config.placeholder.test(link.target)) continue;
        if ((await context.presence(link.resolved)) !== 'outside') continue;
        context.report(entry.path, {
          message: `\`${key}\` links ${link.target}, which lies outside the repository, so Legible does not check it. Where in the repository does the successor find this artifact?`,
          range: link.range,
        });
      }
    }
  },
};
