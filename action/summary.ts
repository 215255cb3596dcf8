// The job summary (GITHUB_STEP_SUMMARY): the verdict, then the findings as a table whose rows link
// to the lines. File names and messages come from the repository: each cell is one line with `|`
// escaped (markdownCell), and links are percent-encoded, so a record cannot add rows or headings.
import { markdownCell } from '../src/core/text/markdown-text';

/** One file of `legible lint --format json`. */
export interface JsonFile {
  readonly path: string;
  /** A record, or a code file whose citations were checked (a runbook in Markdown can be one). */
  readonly kind: 'record' | 'code';
  readonly findings: ReadonlyArray<{ readonly ruleId: string; readonly severity: 'error' | 'warning' | 'info'; readonly message: string; readonly line: number; readonly docs?: string }>;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly notices: number;
  readonly records: number;
}

export function countJson(files: readonly JsonFile[]): Counts {
  const all = files.flatMap((file) => file.findings);
  return {
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    notices: all.filter((f) => f.severity === 'info').length,
    // Code files with findings are in the list too; they are not decision records.
    records: files.filter((file) => file.kind === 'record').length,
  };
}

export interface SummaryInput {
  readonly version: string;
  readonly counts: Counts;
  /** Paths relative to the repository root ('/'-separated). */
  readonly files: readonly JsonFile[];
  readonly passed: boolean;
  readonly maxWarnings: string | undefined;
  /** `https://github.com/owner/repo/blob/<sha>`, when GitHub said which commit this is. */
  readonly blobBase: string | undefined;
}

/** Rows past this many are counted, not listed: a summary page has a size limit (1 MiB). */
export const MAX_ROWS = 50;

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderSummary(input: SummaryInput): string {
  const { counts } = input;
  const verdict = input.passed ? '✅' : '❌';
  const problems = counts.errors + counts.warnings + counts.notices;
  const found = problems ? [count(counts.errors, 'error'), count(counts.warnings, 'warning'), ...(counts.notices ? [count(counts.notices, 'notice')] : [])].join(', ') : 'no problems';
  const lines = [`### ${verdict} Legible: ${found} in ${count(counts.records, 'decision record')}`, ''];
  if (!input.passed && !counts.errors && input.maxWarnings !== undefined) lines.push(`More warnings than \`max-warnings\` allows (${input.maxWarnings}).`, '');
  const rows = input.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
  if (rows.length) {
    // Code files have rows too when `lint` ran the code rules (a citation of no record): then the column is of files.
    lines.push(`| | ${rows.some(({ file }) => file.kind === 'code') ? 'File' : 'Record'} | Line | Rule | Finding |`, '| --- | --- | --- | --- | --- |');
    for (const { file, finding } of rows.slice(0, MAX_ROWS)) {
      const href = input.blobBase ? `${input.blobBase}/${file.path.split('/').map((s) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29')).join('/')}#L${finding.line}` : undefined;
      const line = href ? `[${finding.line}](${href})` : String(finding.line);
      const rule = finding.docs ? `[\`${finding.ruleId}\`](${finding.docs})` : `\`${finding.ruleId}\``;
      lines.push(`| ${ICON[finding.severity]} | ${markdownCell(file.path)} | ${line} | ${rule} | ${markdownCell(finding.message)} |`);
    }
    if (rows.length > MAX_ROWS) lines.push('', `…and ${count(rows.length - MAX_ROWS, 'more finding')}: see the annotations or the step's log.`);
    lines.push('');
  }
  lines.push(`<sub>Legible ${markdownCell(input.version)}</sub>`, '');
  return `${lines.join('\n')}\n`;
}
