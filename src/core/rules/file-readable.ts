import type { DocumentRule } from './rule';

/** A file in a decisions folder that cannot be read as UTF-8 text, or only in part: said once, never a crash. */
export const fileReadable: DocumentRule = {
  id: 'file-readable',
  description: 'Every Markdown file in a decisions folder is UTF-8 text within the size limit.',
  defaultSeverity: 'error',
  scope: 'document',
  check(context) {
    if (context.doc.readProblem) context.report({ message: context.doc.readProblem, range: context.doc.lines.lineRange(0) });
  },
};
