import { parseDecisionDocument } from '../document/decision-document';
import { addLinkFix, applyEdits, type TextEdit } from '../fixes/fixes';
import { reserveName } from '../numbering/create-record';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import { scalarText } from '../text/scalar-text';
import { draftRecord, type DraftContext } from './draft-record';
import { referenceTo } from './record-reference';
import { statusVocabulary } from './set-status';
import { carriedValues, withCarried } from './carry-over';
import { placeholderSnippet } from '../templates/placeholder-snippet';
import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { parseIdRef } from '../index/ids';
import { sharedBy } from '../index/shared-id';
import { recordNameOf } from '../numbering/record-name';
import { basename, withoutMarkdownExtension } from '../port/paths';

export interface SupersedeRequest {
  /** The record being replaced: its path, its text as it is now (an editor's, or the disk's), its decisions folder. */
  readonly old: { readonly path: string; readonly text: string; readonly folder: string };
  /** The new decision's title. */
  readonly title: string;
  readonly date: string;
  readonly owner?: string;
  /** Epoch milliseconds, for the name reservation. */
  readonly now: number;
  /**
   * The records the workspace holds (its index, the old record's folder included), to resolve ids
   * as references resolve: an id that would name another record too is never written.
   */
  readonly index: Pick<DecisionIndex, 'resolve'>;
}

/**
 * Both halves of a supersession, for the front-end to apply together: a new record (which must be
 * created without overwriting anything) that `supersedes` the old one, and the edits that give the
 * old one `superseded-by` and `status: superseded`. The new file's name stays reserved until
 * `release` is called, which the front-end does once it has applied both (or given up).
 */
export interface SupersedePlan {
  readonly type: RecordType;
  readonly path: string;
  readonly text: string;
  /** How each names the other: `ADR-0016`, `ADR-0007`. */
  readonly newId: string;
  readonly oldId: string;
  readonly oldEdits: readonly TextEdit[];
  readonly oldStatus?: string;
  /** The new record as a snippet whose tab stops are its placeholders (what the editor inserts). */
  readonly snippet: string;
  /** The fields the new record took over from the old one (`owners`, `risk.level`). */
  readonly carried: readonly string[];
  /** The new file's name as titled, when `ignore` hides it and the slug was reworded. */
  readonly hidden?: string;
  readonly warnings: readonly string[];
  release(): Promise<void>;
}

/**
 * Supersede Decision and `legible supersede`: the new record goes into the old one's folder, in
 * its naming convention, drafted as `new` drafts one (template, owner from git), then linked both
 * ways. It carries over what the old record answers about people, risk and filing (CARRIED_FIELDS:
 * owners — unless the user named the owner —, deciders, related, tags, risk level and blast radius,
 * holders and successors); placeholders are never carried. A record without Legible frontmatter,
 * or of a type that is never superseded (an exit plan), gets a problem instead, about the old
 * record (the front-end says which file it is). A record already superseded by a record of the
 * same title (the same command run twice) is `unchanged`: nothing is reserved or written.
 */
export async function planSupersede(context: DraftContext, request: SupersedeRequest): Promise<SupersedePlan | SupersedeRefusal> {
  const { config } = context;
  const oldDoc = parseDecisionDocument(request.old.path, request.old.text, config.limits);
  const type = oldDoc.data?.type;
  if (!oldDoc.legible || !isRecordType(type) || oldDoc.block.kind !== 'closed') {
    return { problem: 'this record has no Legible frontmatter with a `type`, so it cannot name its successor in `superseded-by`; add Legible frontmatter first.' };
  }
  if (!statusVocabulary(type).values.includes('superseded')) {
    return { problem: `an ${type} is never superseded; which \`status\` says what became of it (${statusVocabulary(type).values.join(', ')})?` };
  }
  const oldId = referenceTo(type, request.old.path);
  if (oldId === undefined) return { problem: withoutIdProblem(request.old.path) };
  const alsoOld = othersNamed(request, oldId, request.old.path);
  if (alsoOld.length) {
    return { problem: `its id ${oldId} also names ${sharedBy(alsoOld)}${sameDay(request.old.path)}, so no reference names this record alone: the new record's \`supersedes: [${oldId}]\` would not say which one it replaces. Nothing was written.` };
  }
  const already = namedSuccessor(request, oldDoc.data?.['superseded-by']);
  if (already) return { unchanged: true, problem: `already superseded by ${referenceTo(type, already.path) ?? already.id}, "${already.title}" (${basename(already.path)}); nothing changed.` };
  const draft = await draftRecord(context, { type, title: request.title, date: request.date, folder: request.old.folder, owner: request.owner });
  const reservation = await reserveName({ fs: context.fs, folder: draft.folder, now: request.now, title: draft.title, convention: draft.convention, date: draft.date, ignore: config.ignore, type });
  try {
    // A new name always carries an id (the next number, or the day): reserveName writes no other.
    const newId = referenceTo(type, reservation.path);
    if (newId === undefined) throw new Problem(`the new record's name ${basename(reservation.path)} carries no id, so \`superseded-by\` could not name it. Nothing was written.`);
    const alsoNew = othersNamed(request, newId, reservation.path);
    if (alsoNew.length) {
      throw new Problem(
        `the new record would be ${newId}, which ${sharedBy(alsoNew)} already ${alsoNew.length === 1 ? 'is' : 'are'}${sameDay(reservation.path)}, so \`superseded-by: [${newId}]\` would not say which record replaces this one. Nothing was written; supersede it on a day no other ${type} in this folder is named for.`,
      );
    }
    const template = draft.render(reservation.id).text;
    const link = addLinkFix(parseDecisionDocument(reservation.path, template, config.limits), 'supersedes', oldId);
    if (!link) throw new Problem(`The ${type} template has no frontmatter Legible can add \`supersedes: [${oldId}]\` to; which template is configured for ${type}?`);
    const back = addLinkFix(oldDoc, 'superseded-by', newId);
    if (!back) throw new Problem(`\`superseded-by\` cannot be added without rewriting its frontmatter (a flow mapping or an unusual list); link ${newId} by hand.`);
    const values = carriedValues(oldDoc, config.placeholder, request.owner?.trim() ? ['owners'] : []);
    const carried = withCarried(reservation.path, applyEdits(template, link.edits), values, { type, limits: config.limits });
    const skipped = carried.skipped.length ? [`${carried.skipped.map((name) => `\`${name}\``).join(', ')} of ${oldId} could not be written into the new record's template (a flow mapping?); copy ${carried.skipped.length === 1 ? 'it' : 'them'} by hand.`] : [];
    return {
      type,
      path: reservation.path,
      text: carried.text,
      snippet: placeholderSnippet(parseDecisionDocument(reservation.path, carried.text, config.limits), config.placeholder),
      carried: carried.carried,
      newId,
      oldId,
      oldEdits: back.edits,
      oldStatus: scalarText(oldDoc.data?.status),
      hidden: reservation.hidden,
      warnings: [...draft.warnings, ...skipped],
      release: () => reservation.release(),
    };
  } catch (error) {
    await reservation.release();
    if (error instanceof Problem) return { problem: error.message };
    throw error;
  }
}

/** Why nothing was planned, about the old record; `unchanged` when there was nothing to do (no failure). */
export interface SupersedeRefusal {
  readonly problem: string;
  readonly unchanged?: true;
}

class Problem extends Error {}

/**
 * A record named by its slug alone (`use-postgres.md`, a record through `recordsWithoutId`): ids are
 * what `supersedes` holds (the schema's `decision-id`), so its successor could not name it.
 */
function withoutIdProblem(path: string): string {
  return `its file name carries no id, and \`supersedes\` names records by id only (0007, ADR-0007), so the new record could not name the one it replaces. Nothing was written. Which number should it have? Rename the file to carry one (NNNN-${withoutMarkdownExtension(basename(path))}.md, the folder's next free number), then supersede it.`;
}

/**
 * The records other than `self` that `id`, written in a record of the old one's folder, would name
 * too. References prefer their own folder's records, and both records are in that folder: only
 * its records count.
 */
function othersNamed(request: SupersedeRequest, id: string, self: string): DecisionEntry[] {
  const folder = request.old.folder;
  return request.index.resolve(parseIdRef(id), { folder }).filter((entry) => entry.folder === folder && entry.path !== self);
}

/**
 * The successor `superseded-by` already names in the old record's folder whose title is the new
 * one's (letter case and spacing aside): superseding by it again would write a second record of
 * the same decision.
 */
function namedSuccessor(request: SupersedeRequest, successors: unknown): DecisionEntry | undefined {
  const wanted = sameTitle(request.title);
  const ids = Array.isArray(successors) ? successors : successors === undefined ? [] : [successors];
  for (const id of ids) {
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const ref = parseIdRef(id);
    if (ref.number === undefined) continue;
    const named = request.index.resolve(ref, { folder: request.old.folder }).filter((entry) => entry.folder === request.old.folder);
    if (named.length === 1 && sameTitle(named[0].title) === wanted) return named[0];
  }
  return undefined;
}

function sameTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Why a date-named record shares its id, said where it does. */
function sameDay(path: string): string {
  return recordNameOf(path)?.kind === 'date' ? ' (records named for the same day share their id)' : '';
}
