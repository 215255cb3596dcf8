import { documentCitations } from '../code/document-citations';
import type { DecisionEntry, IdRef } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { CompiledPattern } from '../port/regex-engine';
import { refOf } from '../report/knowledge-risk';
import type { Range } from '../text/position';

/** A place in a record's frontmatter that leads to a file: a referenced record or a local artifact. */
export interface RecordLink {
  readonly range: Range;
  /** Absolute path of the file it opens. */
  readonly target: string;
  readonly tooltip: string;
}

/** A link's tooltip to a record, by the id the code and the records write (`Open ADR-0007: Title`). */
export function openRecordTooltip(entry: DecisionEntry): string {
  return `Open ${refOf(entry).id}: ${entry.title}`;
}

/**
 * The one record a reference leads to; none when it names several (date-named records of one day
 * share their id; one number in two folders): a link has one target, and opening one of them would
 * pick it arbitrarily, which status-consistency never does either. The hover lists them all.
 */
function onlyRecord(records: readonly DecisionEntry[]): DecisionEntry | undefined {
  return records.length === 1 ? records[0] : undefined;
}

/**
 * The links of a record as the index read it: each id in `supersedes`, `superseded-by`, `related`,
 * `decisions` and `knowledge-exit-path.plan` that names one record, and each local artifact link.
 * A dangling id or an unfilled placeholder leads nowhere (reference-resolves reports them).
 */
export function recordLinks(index: DecisionIndex, path: string, placeholder?: CompiledPattern): RecordLink[] {
  const entry = index.get(path);
  if (!entry || entry.legacy) return [];
  const links: RecordLink[] = [];
  const refs: IdRef[] = [...entry.supersedes, ...entry.supersededBy, ...entry.related, ...entry.decisions, ...(entry.plan ? [entry.plan] : [])];
  for (const ref of refs) {
    if (ref.number === undefined) continue;
    const target = onlyRecord(index.resolve(ref, entry));
    if (target) links.push({ range: ref.range, target: target.path, tooltip: openRecordTooltip(target) });
  }
  for (const artifact of entry.artifacts) {
    if (!artifact.resolved || placeholder?.test(artifact.target)) continue;
    links.push({ range: artifact.range, target: artifact.resolved, tooltip: `Open ${artifact.target}` });
  }
  return links;
}

/** The links of a code file: each cited id that names one record (the extension's and the language server's). */
export function citationLinks(text: string, index: DecisionIndex): RecordLink[] {
  return documentCitations(text, index).flatMap(({ citation, records }) => {
    const target = onlyRecord(records);
    return target ? [{ range: citation.range, target: target.path, tooltip: openRecordTooltip(target) }] : [];
  });
}
