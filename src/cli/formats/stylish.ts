import { palette, visibleLength, type Palette } from '../colors';
import type { Finding } from '../../core/rules/rule';
import { printable, printableLine } from '../../core/text/printable';
import { countFindings, location, plural, type LintOutput } from './lint-output';
import { hasSafeFix } from '../../core/fixes/fix-all';

/**
 * ESLint's "stylish" layout, which most people read lint output in: findings grouped under their
 * file, `line:col  severity  message  rule-id` in aligned columns, then one summary line. Paths,
 * messages and rule ids pass through the shared printable functions before colours are added, so
 * a file name or a title from the repository can neither start a line nor reach the terminal as an
 * escape sequence.
 */
export function formatStylish(output: LintOutput): string {
  const colors = palette(output.color);
  const lines: string[] = [];
  for (const file of output.files) {
    if (!file.findings.length) continue;
    // As ESLint aligns them: line numbers right, columns left, so the colons line up.
    const lineWidth = Math.max(...file.findings.map((finding) => String(location(finding.range).line).length));
    const rows = file.findings.map((finding) => {
      const at = location(finding.range);
      return [colors.dim(`${String(at.line).padStart(lineWidth)}:${at.column}`), severityLabel(finding, colors), printableLine(finding.message), colors.dim(printable(finding.ruleId))];
    });
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => visibleLength(row[column]))));
    lines.push('', colors.underline(printable(file.display)));
    rows.forEach((row, i) => {
      const cells = row.map((cell, column) => (column < 3 ? cell + ' '.repeat(widths[column] - visibleLength(cell)) : cell));
      lines.push(`  ${cells.join('  ')}`.trimEnd());
      for (const related of file.findings[i].related ?? []) {
        const at = location(related.range);
        lines.push(colors.dim(`    ↳ ${printable(output.display(related.path))}:${at.line}:${at.column}  ${printableLine(related.message)}`));
      }
    });
  }
  const counts = countFindings(output.files.flatMap((file) => file.findings));
  const total = counts.errors + counts.warnings + counts.infos;
  if (!total) return `${colors.green('✔')} ${plural(output.files.length, 'file')} checked, no ${output.quiet ? 'errors' : 'problems'}\n`;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), ...(counts.infos ? [`${counts.infos} info`] : [])];
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  const paint = counts.errors ? colors.red : counts.warnings ? colors.yellow : colors.blue;
  lines.push('', colors.bold(paint(summary)), ...nextSteps(output.files.flatMap((file) => file.findings)).map((hint) => colors.dim(hint)), '');
  return `${lines.join('\n')}\n`;
}

/**
 * Under the summary, as ESLint names what `--fix` could do: how many records `legible migrate`
 * would give Legible frontmatter (a folder written for another tool), and how many findings
 * `legible lint --fix` settles by itself.
 */
function nextSteps(findings: readonly Finding[]): string[] {
  const legacy = findings.filter((finding) => finding.ruleId === 'frontmatter-missing').length;
  const fixable = findings.filter(hasSafeFix).length;
  return [
    ...(legacy ? [`${plural(legacy, 'record')} without Legible frontmatter: \`legible migrate\` writes ${legacy === 1 ? 'it, keeping the rest of the file' : 'it into every one, keeping the rest of each file'} (\`--dry-run\` shows the change first).`] : []),
    ...(fixable ? [`${plural(fixable, 'problem')} can be fixed by \`legible lint --fix\`.`] : []),
  ];
}

function severityLabel(finding: Finding, colors: Palette): string {
  if (finding.severity === 'error') return colors.red('error');
  if (finding.severity === 'warning') return colors.yellow('warning');
  return colors.blue('info');
}
