import type { DecisionDocument } from '../document/decision-document';
import { readAnswers } from '../document/answers';
import { displayPath } from '../schema/field-info';
import { PROSE_BLOCK, closeQuote, foldedLines, yamlString } from '../templates/yaml-scalar';
import { lineEnding, toTextEdits, type FixAction } from './text-edit';

/**
 * An answer YAML does not read as the text the author typed (`reduces-risk: incidents: 4 of 11`),
 * rewritten so that it does, keeping every character: as a folded block (`>-`, the text on the
 * line below, as templates write prose) or quoted. `block` says which one is preferred (the one
 * `legible lint --fix` applies). `line` is the document line of the answer's key; the answer's
 * continuation lines, if any, are joined as YAML joins a plain value's lines. An answer that opens a
 * quote and never closes it is offered the closing quote first.
 */
export function writeAsTextFixes(doc: DecisionDocument, line: number, block: boolean): FixAction[] {
  const answers = readAnswers(doc);
  const answer = answers?.at(line);
  if (!answers || !answer || answer.line !== line) return [];
  const name = `\`${displayPath(answer.path)}\``;
  const eol = lineEnding(doc.text);
  const { start, end } = answer.span;
  const actions: FixAction[] = [];
  const folded = foldedLines(answer.lines, ' '.repeat(answer.column) + answers.indentUnit);
  if (folded) {
    const edits = toTextEdits(doc.lines, [{ start, end, text: [PROSE_BLOCK, ...folded].join(eol) }]);
    actions.push({ title: `Write ${name} as a block (\`${PROSE_BLOCK}\`), keeping every character`, edits, isPreferred: block, path: doc.path });
  }
  const quoted = { title: `Quote ${name}, keeping every character`, edits: toTextEdits(doc.lines, [{ start, end, text: yamlString(answer.text) }]), isPreferred: !block || !folded, path: doc.path };
  const ordered = block ? [...actions, quoted] : [quoted, ...actions];
  // A quote opened and never closed is most likely YAML quoting left unfinished: closing it comes first.
  const closed = answer.lines.length === 1 ? closeQuote(answer.text) : undefined;
  if (closed === undefined) return ordered;
  const close = { title: `Close the quote ${name} opens`, edits: toTextEdits(doc.lines, [{ start: end, end, text: closed.slice(-1) }]), isPreferred: true, path: doc.path };
  return [close, ...ordered.map((action) => ({ ...action, isPreferred: false }))];
}
