import { relativePath } from '../../core/port/paths';
import type { Severity } from '../../core/rules/rule';
import { printableKeepingBreaks } from '../../core/text/printable';
import { location, type LintOutput } from './lint-output';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Data of a workflow command: `%`, CR and LF would end or corrupt it, so they are percent-encoded
 * (the runner decodes them back). Other control characters (ESC, BEL, bidi) have no such encoding
 * and the log viewer would interpret them: they are shown escaped (`\u001b`).
 */
export function escapeData(text: string): string {
  return printableKeepingBreaks(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and `:`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * diff (https://docs.github.com/actions/reference/workflow-commands-for-github-actions). GitHub
 * reads `file` from the repository root, so the path is relative to it, not to the current folder:
 * `legible lint` run from a subfolder (`working-directory:`) still annotates the right file.
 */
export function formatGithub(output: LintOutput): string {
  const lines: string[] = [];
  for (const file of output.files) {
    for (const finding of file.findings) {
      const at = location(finding.range);
      const properties = [
        `file=${escapeProperty(relativePath(output.root, file.path))}`,
        `line=${at.line}`,
        `col=${at.column}`,
        `endLine=${at.endLine}`,
        `endColumn=${at.endColumn}`,
        `title=${escapeProperty(`Legible ${finding.ruleId}`)}`,
      ];
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
