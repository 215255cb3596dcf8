import type { GovernsIndex } from '../code/governs-index';
import type { ResolvedConfig } from '../config/config';
import { DecisionIndex } from '../index/decision-index';
import { lintEvidence } from '../lint/lint-evidence';
import { RULES } from '../rules/registry';
import type { Finding } from '../rules/rule';
import type { Evidence } from './evidence';
import { RecordEvidenceCache } from './record-evidence';

/** The evidence rules' ids, in the registry's order: the order a full run reports in. */
const EVIDENCE_RULES = RULES.filter((rule) => rule.scope === 'evidence').map((rule) => rule.id);

/**
 * The evidence rules' findings over one history, kept per record across changes to the records
 * and the code (the editor's): after a change, the rules check again only the records whose
 * evidence inputs changed (RecordEvidenceCache.update), and the list comes out as a run over every
 * record would give it. Each evidence rule reports on the record it checks, so a record's findings
 * are those with its path. Another configuration checks every record again.
 */
export class EvidenceFindings {
  private records: RecordEvidenceCache | undefined;
  /** Records whose inputs changed since their findings were worked out (a hover may update the cache first). */
  private readonly dirty = new Set<string>();
  private readonly byRecord = new Map<string, Finding[]>();
  private last: { config: ResolvedConfig; list: Finding[] } | undefined;

  constructor(readonly evidence: Evidence) {}

  /** Each record's evidence for the index and governs index as they are now, worked out again where its inputs changed. */
  update(index: DecisionIndex, governs: GovernsIndex): RecordEvidenceCache {
    const { records, changed } = RecordEvidenceCache.update(this.records, index, governs, this.evidence);
    this.records = records;
    for (const path of changed) this.dirty.add(path);
    return records;
  }

  /** The evidence rules' findings over every record of the last `update`, in a full run's order. */
  findings(config: ResolvedConfig): Finding[] {
    const records = this.records;
    if (!records) return [];
    if (this.last && this.last.config === config && !this.dirty.size) return this.last.list;
    const index = records.index;
    const entries = index.entries();
    const all = this.last?.config !== config || this.dirty.size === entries.length;
    const checked = all ? entries : [...this.dirty.keys()].flatMap((path) => index.get(path) ?? []);
    // The rules look across records only through `records` (the whole index): they are given the records to check.
    const scope = all ? index : new DecisionIndex();
    if (!all) for (const entry of checked) scope.set(entry);
    for (const path of this.dirty) this.byRecord.delete(path);
    for (const entry of checked) this.byRecord.set(entry.path, []);
    for (const finding of lintEvidence(scope, records.governs, this.evidence, config, records)) this.byRecord.get(finding.path)?.push(finding);
    this.dirty.clear();
    const list: Finding[] = [];
    for (const rule of EVIDENCE_RULES) {
      for (const entry of entries) for (const finding of this.byRecord.get(entry.path) ?? []) if (finding.ruleId === rule) list.push(finding);
    }
    this.last = { config, list };
    return list;
  }
}
