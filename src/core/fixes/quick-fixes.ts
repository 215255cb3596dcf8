import { legacyOptionsAt } from '../config/folder-settings';
import type { ResolvedConfig } from '../config/config';
import { parseDecisionDocument, type DecisionDocument } from '../document/decision-document';
import { dirname } from '../port/paths';
import type { Finding } from '../rules/rule';
import { addLinkFix, disableRuleFix, fixesFor } from './fixes';
import type { FixAction } from './text-edit';

/**
 * A record's text parsed as its fixes see it: a folder `.legible.json` calls an RFC folder makes
 * "Add Legible frontmatter" write an RFC, as the index reads it. `root` is the workspace folder's.
 */
export function documentForFixes(path: string, text: string, config: ResolvedConfig, root?: string): DecisionDocument {
  const legacy = root === undefined ? {} : legacyOptionsAt(config, root, dirname(path));
  return parseDecisionDocument(path, text, config.limits, undefined, legacy);
}

/** One diagnostic an editor asks fixes for: its rule, and the finding behind it when still published. */
export interface FixRequest {
  readonly ruleId?: string;
  readonly finding?: Finding;
}

/** A quick fix and the request (by position in the list) it answers. */
export interface QuickFix {
  readonly request: number;
  readonly action: FixAction;
  /** "Disable for this file": never the preferred fix. */
  readonly disable?: true;
}

/**
 * The quick fixes an editor offers for some diagnostics of `doc`: each finding's repairs, then, in
 * a record, one "Disable for this file" per rule, after every repair. A link to add on another record edits that
 * record, as `otherDocument` reads it (an editor's open text wins over the file); undefined: none.
 */
export async function quickFixesFor(
  doc: DecisionDocument,
  requests: readonly FixRequest[],
  config: ResolvedConfig,
  otherDocument: (path: string) => Promise<DecisionDocument | undefined>,
  /**
   * False for a file outside the decisions folders (code, a README citing a record): no
   * `legible-disable` comment is read there (a code rule is turned off by severity or
   * `code.exclude`), so "Disable for this file" is not offered.
   */
  isRecord = true,
): Promise<QuickFix[]> {
  const repairs: QuickFix[] = [];
  const disables: QuickFix[] = [];
  const disabled = new Set<string>();
  for (let request = 0; request < requests.length; request++) {
    const { finding, ruleId } = requests[request];
    if (finding) {
      let fixes: FixAction[] = fixesFor(doc, finding, config);
      if (finding.fix?.kind === 'add-link' && finding.fix.path !== doc.path) {
        const other = await otherDocument(finding.fix.path);
        const action = other && addLinkFix(other, finding.fix.key, finding.fix.id);
        fixes = action ? [{ ...action, path: finding.fix.path }] : [];
      }
      for (const action of fixes) repairs.push({ request, action });
    }
    if (isRecord && ruleId && !disabled.has(ruleId)) {
      disabled.add(ruleId);
      const action = disableRuleFix(doc, ruleId);
      if (action) disables.push({ request, action, disable: true });
    }
  }
  return [...repairs, ...disables];
}
