import type { DocumentRule } from './rule';

/** Frontmatter that cannot be read: each YAML problem at its own position in the document. */
export const frontmatterMalformed: DocumentRule = {
  id: 'frontmatter-malformed',
  description: 'Frontmatter is well-formed YAML between `---` fences on the first line.',
  defaultSeverity: 'error',
  scope: 'document',
  check(context) {
    const { doc } = context;
    const block = doc.block;
    if (block.kind === 'none') {
      if (block.displaced) {
        context.report({
          message: 'The frontmatter must start on the very first line: remove the blank line(s) before this `---`, or Markdown reads it as a heading underline.',
          span: block.displaced,
        });
      }
      return;
    }
    if (block.kind === 'unclosed') {
      context.report({ message: 'This frontmatter is never closed: add a line with `---` after the last field, or the whole file is read as frontmatter.', span: block.open });
      return;
    }
    if (block.fence === 'toml') {
      context.report({ message: 'Legible reads YAML frontmatter between `---` fences; this file uses TOML (`+++`).', span: block.open });
      return;
    }
    const problems = doc.yaml?.problems ?? [];
    for (const problem of problems) context.report({ message: `YAML: ${problem.message}`, span: problem.span });
    if (!problems.length && !doc.data) context.report({ message: 'The frontmatter is empty: which record is this (type, title, status, date, owners)?', span: block.open, fix: { kind: 'add-frontmatter' } });
  },
};
