import type { GovernsIndex } from '../code/governs-index';
import type { ResolvedConfig } from '../config/config';
import type { Evidence } from '../evidence/evidence';
import { observeChange, type ObservedChange } from '../evidence/observed-change';
import { RecordEvidenceCache } from '../evidence/record-evidence';
import type { DecisionIndex } from '../index/decision-index';
import { lintEvidence } from '../lint/lint-evidence';
import type { AffectedReport } from './affected';

export interface AffectedEvidenceInput {
  readonly index: DecisionIndex;
  /** `governs` matched against the tracked files, as the evidence paths name them. */
  readonly governs: GovernsIndex;
  readonly evidence: Evidence;
  readonly config: ResolvedConfig;
  /** A changed file's path (repository-relative) as the evidence names it (workspace-relative); undefined outside the workspace. */
  readonly evidencePath: (path: string) => string | undefined;
}

/**
 * The report with what the history says of each decision touched — who changed that code inside
 * the window, which named successor has not — and the evidence rules' findings on those decisions.
 */
export function withEvidence(report: AffectedReport, input: AffectedEvidenceInput): AffectedReport {
  const records = new RecordEvidenceCache(input.index, input.governs, input.evidence);
  const observed = new Map<string, ObservedChange>();
  for (const { record, files } of report.decisions) {
    const entry = input.index.get(record.path);
    if (!entry) continue;
    const touched = files.filter((file) => file.kind !== 'deleted').flatMap((file) => input.evidencePath(file.path) ?? []);
    observed.set(entry.path, observeChange(entry, touched, records));
  }
  const touchedRecords = new Set(report.decisions.map(({ record }) => record.path));
  const findings = lintEvidence(input.index, input.governs, input.evidence, input.config, records).filter((finding) => touchedRecords.has(finding.path));
  return { ...report, observed, findings: [...report.findings, ...findings] };
}
