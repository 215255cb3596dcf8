import { LEGACY_FORMAT_NAMES } from '../document/legacy';
import type { DocumentRule } from './rule';

/** Records without Legible frontmatter, legacy ones included: one diagnostic each, with a fix. */
export const frontmatterMissing: DocumentRule = {
  id: 'frontmatter-missing',
  description: 'A decision record has Legible frontmatter (legacy MADR, adr-tools, log4brains, RFC and Docusaurus records get this one finding).',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const { doc } = context;
    if (doc.legible || !doc.legacy) return;
    const legacy = doc.legacy;
    const carried = [legacy.status && `status ${legacy.status.value}`, legacy.date && `dated ${legacy.date.value}`].filter(Boolean).join(', ');
    const what = legacy.format === 'plain' && !legacy.status ? 'No Legible frontmatter' : `${LEGACY_FORMAT_NAMES[legacy.format]} record${carried ? ` (${carried})` : ''} without Legible frontmatter`;
    const line = legacy.title?.span && legacy.title.span.end > 3 ? doc.lines.position(legacy.title.span.start).line : 0;
    context.report({
      message: `${what}: how reversible is this decision, what does it risk and trade, and who else can carry it?`,
      range: doc.lines.lineRange(line),
      fix: { kind: 'add-frontmatter' },
    });
  },
};
