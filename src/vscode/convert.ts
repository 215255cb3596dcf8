import * as vscode from 'vscode';
import type { Position, Range } from '../core/text/position';
import type { Finding, Severity } from '../core/rules/rule';
import { ruleDocsUrl } from '../core/rules/registry';
import { toUri } from './vscode-file-system';

/** The one place where core positions, ranges and findings become vscode types. */

export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function fromRange(range: vscode.Range): Range {
  return { start: fromPosition(range.start), end: fromPosition(range.end) };
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'legible';
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(toUri(r.path), toRange(r.range)), r.message));
  }
  return diagnostic;
}

/** The rule id a diagnostic carries (the code's value). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
