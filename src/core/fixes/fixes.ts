import type { DecisionDocument } from '../document/decision-document';
import type { ResolvedConfig } from '../config/config';
import type { Finding } from '../rules/rule';
import { addFieldsFix } from './add-fields';
import { addFrontmatterFix } from './add-frontmatter';
import { addLinkFix } from './add-link';
import { addSectionFix } from './add-section';
import { removeFieldFix } from './remove-field';
import { removeRepeatedKeyFix } from './remove-repeated-key';
import { repairFenceFix } from './repair-fence';
import { replaceValueFixes } from './replace-value';
import { writeAsTextFixes } from './write-as-text';
import type { FixAction } from './text-edit';

export type { FixAction, TextEdit } from './text-edit';
export { applyEdits } from './text-edit';
export { addLinkFix, type LinkKey } from './add-link';
export { disableRuleFix } from './disable-rule';

/**
 * The quick fixes for a finding, as text edits on `doc` (the document the finding is in, parsed from
 * the text the edits apply to). Pure: the extension turns them into WorkspaceEdits, the CLI could
 * apply them with `applyEdits`. Empty when the finding has no fix, or when no edit would be clean.
 *
 * `add-link` edits the record named in the fix: when that is not `doc`, call `addLinkFix` with that
 * record's document. "Disable for this file" is `disableRuleFix`, offered for any finding.
 */
export function fixesFor(doc: DecisionDocument, finding: Finding, config: ResolvedConfig): FixAction[] {
  const fix = finding.fix;
  if (!fix) return [];
  switch (fix.kind) {
    case 'add-fields':
      return addFieldsFix(doc, fix.pointer, fix.fields);
    case 'replace-value':
      return replaceValueFixes(doc, fix.pointer, fix.suggestions);
    case 'add-link': {
      if (fix.path !== doc.path) return [];
      const action = addLinkFix(doc, fix.key, fix.id);
      return action ? [action] : [];
    }
    case 'add-section': {
      const action = addSectionFix(doc, fix.heading, fix.prompt, config);
      return action ? [action] : [];
    }
    case 'add-frontmatter': {
      const action = addFrontmatterFix(doc);
      return action ? [action] : [];
    }
    case 'write-as-text':
      return writeAsTextFixes(doc, fix.line, fix.block);
    case 'remove-field': {
      const action = removeFieldFix(doc, fix.pointer);
      return action ? [action] : [];
    }
    case 'repair-fence': {
      const action = repairFenceFix(doc);
      return action ? [action] : [];
    }
    case 'remove-repeated-key': {
      const action = removeRepeatedKeyFix(doc, fix.line, fix.name);
      return action ? [action] : [];
    }
    case 'cite-successor':
      // The citation is plain text in any file: no frontmatter to read, only its place.
      return [{ title: `Cite ${fix.id} instead`, edits: [{ range: finding.range, newText: fix.id }], isPreferred: true }];
  }
}
