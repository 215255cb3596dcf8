import { readAnswers } from '../document/answers';
import { isRecordType } from '../schema/schema-registry';
import { closeQuote } from '../templates/yaml-scalar';
import { pointerOf } from '../text/json-pointer';
import { brokenAnswers, inBrokenAnswer, lostAnswers } from './answer-trouble';
import type { DocumentRule } from './rule';
import { field } from './rule-helpers';

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
          fix: { kind: 'repair-fence' },
        });
      }
      return;
    }
    if (block.kind === 'unclosed') {
      context.report({ message: 'This frontmatter is never closed: add a line with `---` after the last field, or the whole file is read as frontmatter.', span: block.open, fix: { kind: 'repair-fence' } });
      return;
    }
    if (block.fence === 'toml') {
      context.report({ message: 'Legible reads YAML frontmatter between `---` fences; this file uses TOML (`+++`).', span: block.open });
      return;
    }
    const problems = doc.yaml?.problems ?? [];
    // A sentence that breaks the YAML is said once, on the sentence, in a writer's words, with its
    // repair; the errors that lie in it are that finding. Any other error keeps YAML's words.
    const answers = problems.some((problem) => problem.code === 'syntax') ? readAnswers(doc) : undefined;
    const broken = answers ? brokenAnswers(doc, answers, problems) : [];
    for (const problem of problems) {
      if (answers && inBrokenAnswer(doc, answers, broken, problem)) continue;
      const repeated = problem.code === 'duplicate-key' && problem.key !== undefined;
      context.report({
        message: `YAML: ${problem.message}`,
        span: problem.span,
        ...(repeated && { fix: { kind: 'remove-repeated-key', line: doc.lines.position(problem.span.start).line, name: problem.key! } }),
      });
    }
    for (const trouble of broken) {
      const unclosed = closeQuote(doc.text.slice(trouble.span.start, trouble.span.end)) !== undefined;
      context.report({
        message: `${field(pointerOf(trouble.path))}: this answer ${trouble.reason} — ${unclosed ? 'close the quote, quote the whole answer' : 'quote it'}, or write it as a block.`,
        span: trouble.span,
        // The text as typed is the only reading, so `lint --fix` may write it; an unclosed quote
        // may be unfinished quoting or a quote character, which is the author's to say.
        fix: { kind: 'write-as-text', line: trouble.line, block: trouble.prose, ...(!unclosed && { safe: true }) },
      });
    }
    if (!problems.length && !doc.data) context.report({ message: 'The frontmatter is empty: which record is this (type, title, status, date, owners)?', span: block.open, fix: { kind: 'add-frontmatter' } });
    if (!problems.length && isRecordType(context.type)) {
      for (const lost of lostAnswers(doc, context.type)) {
        context.report({
          message: `${field(pointerOf(lost.path))}: YAML reads this answer as ${JSON.stringify(lost.read)}, not as written: it ${lost.reason}. Quote it, or write it as a block.`,
          span: lost.span,
          fix: { kind: 'write-as-text', line: lost.line, block: true },
        });
      }
    }
  },
};
