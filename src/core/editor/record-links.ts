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
 * The links of a record as the index read it: each id in `supersedes`, `superseded-by`, `related`,
 * `decisions` and `knowledge-exit-path.plan` that names a record, and each local artifact link.
 * A dangling id or an unfilled placeholder leads nowhere (reference-resolves reports them).
 */
export function recordLinks(index: DecisionIndex, path: string, placeholder?: CompiledPattern): RecordLink[] {
  const entry = index.get(path);
  if (!entry || entry.legacy) return [];
  const links: RecordLink[] = [];
  const refs: IdRef[] = [...entry.supersedes, ...entry.supersededBy, ...entry.related, ...entry.decisions, ...(entry.plan ? [entry.plan] : [])];
  for (const ref of refs) {
    if (ref.number === undefined) continue;
    const target: DecisionEntry | undefined = index.resolve(ref, entry)[0];
    if (target) links.push({ range: ref.range, target: target.path, tooltip: openRecordTooltip(target) });
  }
  for (const artifact of entry.artifacts) {
    if (!artifact.resolved || placeholder?.test(artifact.target)) continue;
    links.push({ range: artifact.range, target: artifact.resolved, tooltip: `Open ${artifact.target}` });
  }
  return links;
}
