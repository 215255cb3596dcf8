import type { ResolvedConfig } from '../config/config';
import { parseDecisionDocument, type DecisionDocument } from '../document/decision-document';
import type { Finding } from '../rules/rule';
import type { DecisionWorkspace } from '../workspace/decision-workspace';
import { fixesFor } from './fixes';
import { applyEdits, type FixAction } from './text-edit';

/** Passes over the workspace before `fixWorkspace` gives up: a chain of back-links settles in a few. */
export const MAX_FIX_PASSES = 8;

/** A finding whose fix `legible lint --fix` applies: one that invents nothing (see `FixData.safe`). */
export function hasSafeFix(finding: Finding): boolean {
  return finding.fix?.safe === true;
}

/**
 * The safe fixes of one document applied at once: each finding's preferred action, skipping one
 * whose edits touch an edit already taken (two `superseded-by` keys added at the same place would
 * be a duplicate key); the next pass, on the new text, takes it. Undefined when nothing applies.
 */
export function applySafeFixes(doc: DecisionDocument, findings: readonly Finding[], config: ResolvedConfig): { text: string; titles: string[] } | undefined {
  const taken: Array<{ start: number; end: number }> = [];
  const chosen: FixAction[] = [];
  for (const finding of findings) {
    if (!hasSafeFix(finding)) continue;
    const action = fixesFor(doc, finding, config).find((candidate) => candidate.isPreferred);
    if (!action || (action.path !== undefined && action.path !== doc.path) || !action.edits.length) continue;
    const spans = action.edits.map((edit) => ({ start: doc.lines.offset(edit.range.start), end: doc.lines.offset(edit.range.end) }));
    // Closed intervals: insertions at one offset, or an edit ending where another starts, conflict.
    if (spans.some((span) => taken.some((other) => span.start <= other.end && other.start <= span.end))) continue;
    taken.push(...spans);
    chosen.push(action);
  }
  if (!chosen.length) return undefined;
  return { text: applyEdits(doc.text, chosen.flatMap((action) => action.edits)), titles: chosen.map((action) => action.title) };
}

export interface FixedFile {
  /** The new text (a BOM kept if the original had one). */
  readonly text: string;
  /** What was done, one title per fix, in order. */
  readonly applied: readonly string[];
}

export interface FixWorkspaceOptions {
  /** A file's current text as stored, a BOM kept; undefined when it must not be rewritten. */
  textOf(path: string): Promise<string | undefined>;
  /** Only these files are fixed (the ones `lint` was asked about). */
  shows(path: string): boolean;
  /** Run the body rules again on a changed file (as the lint that follows will). Default true. */
  readonly body?: boolean;
}

/**
 * `lint --fix` in the core: passes over a scanned workspace, each applying the safe fixes of every
 * file, until a pass changes nothing or MAX_FIX_PASSES. The workspace is updated in memory after
 * each pass, so the next one (and the findings the caller prints) see the new texts; the caller
 * writes the files.
 */
export async function fixWorkspace(workspace: DecisionWorkspace, options: FixWorkspaceOptions): Promise<Map<string, FixedFile>> {
  const fixed = new Map<string, FixedFile>();
  const refused = new Set<string>();
  const config = workspace.options.config;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const findings = await workspace.findings();
    const changes: Array<{ path: string; text: string }> = [];
    for (const [path, list] of findings) {
      if (refused.has(path) || !options.shows(path) || !list.some(hasSafeFix)) continue;
      const text = fixed.get(path)?.text ?? (await options.textOf(path));
      if (text === undefined) {
        refused.add(path);
        continue;
      }
      const result = applySafeFixes(parseDecisionDocument(path, text, config.limits), list, config);
      if (!result || result.text === text) continue;
      fixed.set(path, { text: result.text, applied: [...(fixed.get(path)?.applied ?? []), ...result.titles] });
      changes.push({ path, text: result.text });
    }
    if (!changes.length) break;
    // The workspace reads texts without a BOM, as a scan does, so positions in findings stay the same.
    for (const change of changes) await workspace.update(change.path, withoutBom(change.text), { body: options.body !== false });
  }
  return fixed;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
