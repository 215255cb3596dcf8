import { RULE_DOCS_BASE, RULES, ruleDocsUrl } from '../../core/rules/registry';
import type { Severity } from '../../core/rules/rule';
import { relativePath } from '../../core/port/paths';
import { VERSION } from '../version';
import { location, type LintOutput } from './lint-output';
import { printableJson } from '../../core/text/printable';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

/** A '/'-path as a relative URI reference: each segment percent-encoded (`#`, spaces, non-ASCII). */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `file:///…/` for an absolute '/'-path (with a drive letter on Windows). */
function fileUri(folder: string): string {
  const path = folder.startsWith('/') ? folder : `/${folder}`;
  return `file://${uriOf(path).replace(/^\/([A-Za-z])%3A/, '/$1:')}${path.endsWith('/') ? '' : '/'}`;
}

/**
 * SARIF 2.1.0, for GitHub code scanning and other CI dashboards. Every registered rule is listed
 * (a dashboard shows rules that found nothing too); locations are relative to %SRCROOT%, the
 * repository root (GitHub code scanning reads them from there), and columns count UTF-16 code
 * units, as the core's ranges do.
 */
export function formatSarif(output: LintOutput): string {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const physical = (path: string, range: Parameters<typeof location>[0]) => {
    const at = location(range);
    return {
      artifactLocation: { uri: uriOf(relativePath(output.root, path)), uriBaseId: SRCROOT },
      region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
    };
  };
  const results = output.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physical(file.path, finding.range) }],
      ...(finding.related?.length
        ? { relatedLocations: finding.related.map((related, id) => ({ id, physicalLocation: physical(related.path, related.range), message: { text: related.message } })) }
        : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Legible',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: RULE_DOCS_BASE,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(output.root) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${printableJson(JSON.stringify(sarif, null, 2))}\n`;
}
