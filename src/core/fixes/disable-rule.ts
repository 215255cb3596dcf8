import type { DecisionDocument } from '../document/decision-document';
import { disableDirectives } from '../parse/suppressions';
import { lineEnding, toTextEdits, type FixAction } from './text-edit';

const RULE_ID = /^[\w-]+$/;

/**
 * "Disable rule-id for this file": adds the rule to the file's `legible-disable` comment, or writes
 * one right after the frontmatter (at the top of a file without frontmatter). No fix when the rule
 * is already off in the file, or when every rule is (`<!-- legible-disable -->`).
 */
export function disableRuleFix(doc: DecisionDocument, ruleId: string): FixAction | undefined {
  if (!RULE_ID.test(ruleId)) return undefined;
  const title = `Disable \`${ruleId}\` for this file`;
  let extend: number | undefined;
  // The directives the linter reads (src/core/parse/suppressions.ts): `<!-- legible-disable rule-a, rule-b -->`.
  for (const directive of disableDirectives(doc.text)) {
    const list = directive.list?.text.trim();
    if (!list || !directive.list) return undefined;
    const ids = list.split(/[\s,]+/);
    if (ids.includes(ruleId)) return undefined;
    // After the last rule id in the first directive: `<!-- legible-disable a, b -->` → `a, b, rule-id`.
    extend ??= directive.list.start + directive.list.text.trimEnd().length;
  }
  if (extend !== undefined) return { title, edits: toTextEdits(doc.lines, [{ start: extend, end: extend, text: `, ${ruleId}` }]), path: doc.path };

  const eol = lineEnding(doc.text);
  const comment = `<!-- legible-disable ${ruleId} -->`;
  const block = doc.block;
  let offset: number;
  let text: string;
  if (block.kind === 'closed') {
    offset = block.bodyStart;
    const closed = offset > 0 && /[\r\n]/.test(doc.text.charAt(offset - 1));
    text = `${closed ? '' : eol}${comment}${eol}`;
  } else if (block.kind === 'unclosed' || block.displaced) {
    // Above a fence, even one that is not on the first line, the comment would change what the
    // frontmatter is (or stop it being taken for one): it goes at the end instead.
    offset = doc.text.length;
    const closed = offset === 0 || /[\r\n]/.test(doc.text.charAt(offset - 1));
    text = `${closed ? '' : eol}${comment}${eol}`;
  } else {
    offset = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    text = `${comment}${eol}`;
  }
  return { title, edits: toTextEdits(doc.lines, [{ start: offset, end: offset, text }]), path: doc.path };
}
