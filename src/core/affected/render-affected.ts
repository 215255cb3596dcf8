import { personKey } from '../knowledge/predicates';
import { relativePath } from '../port/paths';
import type { ChangedFile } from '../port/repository';
import { plural } from '../text/plural';
import { printable, printableJson } from '../text/printable';
import { markdownLine as md } from '../text/markdown-text';
import type { AffectedReport } from './affected';
import type { RecordSummary } from '../code/record-summary';
import { observedSentence } from '../evidence/observed-change';
import { listAnd } from '../text/word-list';

/** Files named per decision in the comment: a sweeping change lists the first few, JSON lists all. */
const FILES_NAMED = 10;

/** "accepted · one-way door · risk high": what a reviewer weighs first. */
export function weight(entry: Pick<RecordSummary, 'status' | 'door' | 'risk'>): string {
  return [entry.status ?? 'no status', entry.door ? `${entry.door} door` : 'door not stated', entry.risk ? `risk ${entry.risk}` : 'risk not stated'].join(' · ');
}

/**
 * Who holds the knowledge and whom to ask: "only amira holds this; successors: jonas — ask one of
 * them to review". `gone`: those of them the history says have left or stopped committing, who are
 * not asked. Names are repository text: the caller escapes the sentence for its format.
 */
export function whoToAsk(entry: Pick<RecordSummary, 'owners' | 'holders' | 'successors'>, gone: readonly string[] = []): string {
  const holders = entry.holders;
  const held = new Set(holders.map(personKey));
  const successors = entry.successors.filter((name) => !held.has(personKey(name)));
  const away = new Set(gone.map(personKey));
  if (!holders.length) {
    if (!entry.owners.length) return 'No one is named as holding this knowledge: who should review this change?';
    return `No one is named as holding this knowledge; owners: ${listAnd(entry.owners)} — ask ${entry.owners.length > 1 ? 'one of them' : 'them'} to review.`;
  }
  const who = holders.length === 1 ? `Only ${holders[0]} holds this` : `${listAnd(holders)} hold this`;
  const next = successors.length ? `successors: ${successors.join(', ')}` : 'no successor is named';
  const people = [...holders, ...successors];
  const left = people.filter((name) => away.has(personKey(name)));
  const here = people.filter((name) => !away.has(personKey(name)));
  if (!left.length) return `${who}; ${next} — ask ${people.length > 1 ? 'one of them' : 'them'} to review.`;
  // The history says these have left or stopped committing: a review request would go unanswered.
  const gonePart = `${listAnd(left)} ${left.length > 1 ? 'have' : 'has'} left or stopped committing`;
  if (!here.length) return `${who}; ${next}; ${gonePart}: who else can review this change?`;
  return `${who}; ${next}; ${gonePart} — ask ${here.length > 1 ? `one of ${listAnd(here)}` : here[0]} to review.`;
}

/** A path in a code span, whatever backticks it holds, control characters shown escaped. */
export function codeSpan(text: string): string {
  const shown = printable(text);
  const longest = Math.max(0, ...[...shown.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

function change(file: ChangedFile): string {
  return file.from !== undefined ? `${codeSpan(file.from)} → ${codeSpan(file.path)} (${file.kind})` : `${codeSpan(file.path)} (${file.kind})`;
}

/** What the summary line says the change is measured against. */
function range(report: AffectedReport): string {
  return `the merge base of ${codeSpan(report.base)} and ${report.head === undefined ? 'the working tree (uncommitted changes included)' : codeSpan(report.head)}`;
}

/**
 * The pull-request comment: per decision, what the change touches, its door and risk, and whom to
 * ask; then the records the change adds or edits, and what must be fixed before merging. Every
 * text from the repository is folded to its line and escaped (`md`, `codeSpan`).
 */
export function renderAffectedMarkdown(report: AffectedReport, repoRoot: string): string {
  const lines = ['## Decisions this change touches', '', `${plural(report.changed.length, 'file')} changed since ${range(report)}.`, ''];
  if (!report.decisions.length) lines.push('No decision governs the files this change touches.', '');
  for (const { record, files } of report.decisions) {
    lines.push(`### ${md(record.id)} ${md(record.title)}`, '', md(weight(record)), '');
    const shown = files.slice(0, FILES_NAMED).map(change);
    if (files.length > FILES_NAMED) shown.push(`and ${plural(files.length - FILES_NAMED, 'more file')}`);
    lines.push(`This change touches ${shown.join(', ')}.`, '');
    const observed = report.observed?.get(record.path);
    lines.push(md(whoToAsk(record, observed?.gone)), '');
    if (observed) lines.push(md(observedSentence(observed)), '');
  }
  if (report.records.length) {
    lines.push('### Records this change adds or edits', '');
    for (const { change: file, record } of report.records) {
      lines.push(`- ${change(file)}${record ? `: ${md(record.id)} ${md(record.title)} (${md(record.status ?? 'no status')})` : ''}`);
    }
    lines.push('');
  }
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  if (report.findings.length) {
    lines.push(`### ${errors ? '❌' : '⚠️'} ${plural(report.findings.length, 'problem')} to settle before merging`, '');
    for (const finding of report.findings) lines.push(`- ${codeSpan(relativePath(repoRoot, finding.path))} (\`${finding.ruleId}\`): ${md(finding.message)}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function changeJson(file: ChangedFile): Record<string, string> {
  return file.from !== undefined ? { kind: file.kind, path: file.path, from: file.from } : { kind: file.kind, path: file.path };
}

function recordJson(entry: RecordSummary, repoRoot: string): Record<string, unknown> {
  return {
    id: entry.id,
    path: relativePath(repoRoot, entry.path),
    type: entry.type,
    title: entry.title,
    status: entry.status ?? null,
    door: entry.door ?? null,
    risk: entry.risk ?? null,
    owners: entry.owners,
    holders: entry.holders,
    successors: entry.successors,
  };
}

/** The same data as JSON, every path repository-relative (as git names them); see the README. */
export function renderAffectedJson(report: AffectedReport, repoRoot: string): string {
  const data = {
    base: report.base,
    head: report.head ?? null,
    changed: report.changed.map(changeJson),
    decisions: report.decisions.map(({ record, files }) => ({ ...recordJson(record, repoRoot), files: files.map(changeJson), ...(report.observed && { observed: report.observed.get(record.path) ?? null }) })),
    records: report.records.map(({ change: file, record }) => ({ ...changeJson(file), record: record ? recordJson(record, repoRoot) : null })),
    findings: report.findings.map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, path: relativePath(repoRoot, finding.path), line: finding.range.start.line + 1 })),
  };
  return `${printableJson(JSON.stringify(data, null, 2))}\n`;
}
