import type { GovernsIndex } from '../code/governs-index';
import type { ResolvedConfig } from '../config/config';
import { plannedDecisions, type Evidence } from '../evidence/evidence';
import { observeChange, type ObservedChange } from '../evidence/observed-change';
import { RecordEvidenceCache } from '../evidence/record-evidence';
import type { DecisionEntry } from '../index/decision-entry';
import { DecisionIndex } from '../index/decision-index';
import { lintEvidence } from '../lint/lint-evidence';
import type { AffectedReport } from './affected';

export interface AffectedEvidenceInput {
  readonly index: DecisionIndex;
  /**
   * The globs of `evidenceEntries` matched against the tracked files, as the evidence paths name
   * them; the files the history read knows are enough (the evidence counts no other).
   */
  readonly governs: GovernsIndex;
  readonly evidence: Evidence;
  readonly config: ResolvedConfig;
  /** A changed file's path (repository-relative) as the evidence names it (workspace-relative); undefined outside the workspace. */
  readonly evidencePath: (path: string) => string | undefined;
}

/**
 * The records whose code the evidence of the report's decisions looks at: each decision touched,
 * and for an exit plan among them the decisions it plans the exit from (decisionFiles).
 */
export function evidenceEntries(report: AffectedReport, index: DecisionIndex): DecisionEntry[] {
  const entries = new Map<string, DecisionEntry>();
  for (const { record } of report.decisions) {
    const entry = index.get(record.path);
    if (!entry) continue;
    entries.set(entry.path, entry);
    for (const decision of plannedDecisions(entry, index)) entries.set(decision.path, decision);
  }
  return [...entries.values()];
}

/**
 * The report with what the history says of each decision touched — who changed that code inside
 * the window, which named successor has not — and the evidence rules' findings on those decisions.
 */
export function withEvidence(report: AffectedReport, input: AffectedEvidenceInput): AffectedReport {
  const records = new RecordEvidenceCache(input.index, input.governs, input.evidence);
  const observed = new Map<string, ObservedChange>();
  // The evidence rules look at each record alone (its code through `records`, which resolves an
  // exit plan's decisions in the whole index): they run over the decisions touched, not every record.
  const touchedRecords = new DecisionIndex();
  for (const { record, files } of report.decisions) {
    const entry = input.index.get(record.path);
    if (!entry) continue;
    touchedRecords.set(entry);
    // Who changed this code before the change: a renamed file under both names, a deleted one under its last.
    const touched = [...new Set(files.flatMap((file) => [file.path, ...(file.from ? [file.from] : [])]).flatMap((path) => input.evidencePath(path) ?? []))];
    observed.set(entry.path, observeChange(entry, touched, records));
  }
  const findings = lintEvidence(touchedRecords, input.governs, input.evidence, input.config, records);
  return { ...report, observed, findings: [...report.findings, ...findings] };
}
