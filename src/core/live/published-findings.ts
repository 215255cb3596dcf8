import type { Finding } from '../rules/rule';
import { findRule } from '../rules/registry';
import { severityOf } from '../lint/lint-document';
import type { DecisionWorkspace } from '../workspace/decision-workspace';
import { changedPaths, group } from './findings-by-path';

/**
 * What LiveWorkspace publishes for each file, put together: the file's own findings, the cross-file
 * ones, those other engines worked out (the evidence rules, by source), and, on a reload, the body
 * findings of the load before until the body phase reaches the file.
 */
export class PublishedFindings {
  /** The cross-file findings of the published index, by file. */
  crossFile = new Map<string, Finding[]>();
  /** The workspace of the load before: its body findings stand in until the body phase reaches a file. */
  previous: DecisionWorkspace | undefined;
  /** Findings other engines worked out over this folder's records (the evidence rules), by source. */
  private readonly external = new Map<string, Map<string, Finding[]>>();

  /** A file's findings in `workspace`; `bodiesPending` are the files the body phase has not reached yet. */
  findingsFor(path: string, workspace: DecisionWorkspace, bodiesPending: ReadonlySet<string>): Finding[] {
    const external = [...this.external.values()].flatMap((byPath) => byPath.get(path) ?? []);
    return [...workspace.fileFindings(path), ...this.carriedBodyFindings(path, workspace, bodiesPending), ...(this.crossFile.get(path) ?? []), ...external];
  }

  /** Publishes newer cross-file findings; returns the files whose cross-file findings changed. */
  replaceCrossFile(after: Map<string, Finding[]>): string[] {
    const changed = changedPaths(this.crossFile, after);
    this.crossFile = after;
    return changed;
  }

  /** Every file with a finding of any kind: `workspace`'s records and the files only others' findings name. */
  allPaths(workspace: DecisionWorkspace | undefined): string[] {
    const paths = this.paths();
    for (const entry of workspace?.index.entries() ?? []) paths.add(entry.path);
    return [...paths];
  }

  /** Replaces the findings of `source`; returns the files whose findings changed. */
  setFindingsOf(source: string, findings: readonly Finding[]): string[] {
    const before = this.external.get(source) ?? new Map<string, Finding[]>();
    const after = group(findings);
    this.external.set(source, after);
    return changedPaths(before, after);
  }

  /** The findings `source` published last. */
  findingsOf(source: string): Finding[] {
    return [...(this.external.get(source)?.values() ?? [])].flat();
  }

  /** Every file with a finding of the cross-file rules or of another engine. */
  paths(): Set<string> {
    const paths = new Set<string>(this.crossFile.keys());
    for (const byPath of this.external.values()) for (const path of byPath.keys()) paths.add(path);
    return paths;
  }

  /**
   * On a reload, a file the body phase has not reached yet keeps the body findings of the load
   * before (while their rule still has that severity): the Problems panel does not flicker.
   */
  private carriedBodyFindings(path: string, workspace: DecisionWorkspace, bodiesPending: ReadonlySet<string>): Finding[] {
    const config = workspace.options.config;
    if (!this.previous || !bodiesPending.has(path)) return [];
    return this.previous.fileFindings(path).filter((finding) => {
      const rule = findRule(finding.ruleId);
      return rule?.scope === 'body' && severityOf(rule, config) === finding.severity;
    });
  }
}
