import { parseDecisionDocument, type DecisionDocument } from '../document/decision-document';
import { planFrontmatter, type PlanOptions } from '../fixes/add-frontmatter';
import { applyEdits, toTextEdits, type TextEdit } from '../fixes/text-edit';
import type { Limits } from '../parse/limits';
import { question } from '../rules/rule-helpers';
import { ID_PREFIX } from '../schema/schema-registry';
import { statusesOf } from '../schema/statuses';

/** What `legible migrate` does with one file. */
export type MigrationResult =
  | {
      readonly outcome: 'migrated';
      /** The whole new text: the original with the frontmatter inserted, every other byte kept. */
      readonly text: string;
      /** The same change as edits on the original, for an editor to apply. */
      readonly edits: readonly TextEdit[];
      readonly type: 'adr' | 'rfc';
      /** The record's status, kept as written because it is none of the type's words. */
      readonly unmappedStatus?: string;
      /** What a human should look at: each names the field and asks its question. */
      readonly notes: readonly string[];
      /** `date` is a placeholder: the record names none (a caller with git may give `addedOn` and migrate again). */
      readonly undated?: boolean;
    }
  | { readonly outcome: 'legible' }
  /** Left untouched: `reason` says why and what to change first. */
  | { readonly outcome: 'unparseable'; readonly reason: string };

/**
 * Migrates one record to Legible frontmatter: the edits of the "Add Legible frontmatter" quick fix,
 * applied, and checked by reading the result back. The CLI's `migrate` asks this for every file and
 * only writes; an editor command can apply `edits` the same way.
 */
export function migrateRecord(doc: DecisionDocument, limits: Limits, options: PlanOptions = {}): MigrationResult {
  if (doc.legible && doc.readProblem === undefined) return { outcome: 'legible' };
  const plan = planFrontmatter(doc, options);
  if ('problem' in plan) return { outcome: 'unparseable', reason: plan.problem };
  const edits = toTextEdits(doc.lines, plan.edits);
  const text = applyEdits(doc.text, edits);

  // Never write what would not read back as a Legible record: the file stays as it was instead.
  const after = parseDecisionDocument(doc.path, text, limits);
  const problem = after.yaml?.problems[0]?.message ?? (after.block.kind !== 'closed' ? 'no frontmatter block' : !after.legible ? 'no Legible keys' : undefined);
  if (problem !== undefined) {
    return { outcome: 'unparseable', reason: `The frontmatter Legible would write does not read back (${problem}); the file is left as it was. Is its frontmatter larger than Legible reads?` };
  }

  const notes: string[] = [];
  const kind = ID_PREFIX[plan.type];
  if (plan.unmappedStatus !== undefined) {
    notes.push(`\`status\` ${JSON.stringify(plan.unmappedStatus)} is kept as written, but it is none of the ${kind} statuses (${statusesOf(plan.type).join(', ')}). ${question(plan.type, '/status')}`);
  }
  if (!plan.carried.includes('title') && !plan.notCarried.includes('title')) {
    notes.push(`\`title\` is a placeholder: the record has no \`# heading\` or title to carry. ${question(plan.type, '/title')}`);
  }
  if (plan.datedByHistory) {
    notes.push(`\`date\` is ${options.addedOn}, the day git first recorded this file: the record names no date of its own. Was it decided then? ${question(plan.type, '/date')}`);
  }
  for (const name of plan.notCarried) {
    notes.push(`\`${name}\` is a placeholder: what the record says there is too long to carry into frontmatter (the record still holds it). ${question(plan.type, `/${name}`)}`);
  }
  return { outcome: 'migrated', text, edits, type: plan.type, unmappedStatus: plan.unmappedStatus, notes, ...(plan.undated && { undated: true }) };
}
