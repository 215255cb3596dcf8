import type { DecisionIndex } from '../index/decision-index';
import type { RegexEngine } from '../port/regex-engine';
import { citedRecords } from './cited-records';
import { scanCitations, type CitationForms, type FileCitations } from './citations';
import { readCodeText } from './code-files';
import type { FileSystemPort } from '../port/file-system';
import type { GovernsIndex } from './governs-index';
import { summarizeRecord, type RecordSummary } from './record-summary';
import { compileRepositoryGlob, globMatches, PathParts } from './repository-globs';

export interface FileExplanation {
  /** Repository-relative (`legible explain` shows it relative to the current folder, as its record links). */
  readonly path: string;
  /** The records whose `governs` match the file, with the globs that match it. */
  readonly governedBy: ReadonlyArray<{ readonly record: RecordSummary; readonly globs: readonly string[] }>;
  /** Each id the file cites (of the citations kept), the 1-based lines it is on, and the records it names (none: a dangling id). */
  readonly cites: ReadonlyArray<{ readonly raw: string; readonly lines: readonly number[]; readonly records: readonly RecordSummary[] }>;
  /** Citations past those kept (a file citing thousands of ids). */
  readonly omitted: number;
  /** Why the file's citations are not listed: not read (missing, over 1 MB, binary). */
  readonly unread?: string;
}

/** Why a file's citations were not read, as `legible explain` and `decisions_for_path` say it. */
export const UNREAD = { large: 'the file is over 1 MB', binary: 'the file is binary', unreadable: 'the file cannot be read (missing, a folder, or a link out of the workspace)' } as const;

/**
 * `legible explain` for one file, as the CLI and the MCP server's `decisions_for_path` answer it:
 * the file (absolute `path`, workspace-relative `relative`) read as code is read (readCodeText), the
 * ids its text cites (a record's too: its body may name other records), and the decisions
 * governing it in `governs`.
 */
export async function explainPath(fs: FileSystemPort, path: string, relative: string, index: DecisionIndex, governs: GovernsIndex, forms: CitationForms, engine?: RegexEngine): Promise<FileExplanation> {
  const read = await readCodeText(fs, path);
  const citations = 'text' in read ? scanCitations(read.text, forms) : { unread: UNREAD[read.skipped] };
  return explainFile(index, governs, relative, citations, engine);
}

/** The decisions governing `path` (repository-relative) and the records its text cites. */
export function explainFile(index: DecisionIndex, governs: GovernsIndex, path: string, citations: FileCitations | { unread: string }, engine?: RegexEngine): FileExplanation {
  const parts = new PathParts(path);
  const governedBy = governs.governing(path).flatMap((recordPath) => {
    const entry = index.get(recordPath);
    if (!entry) return [];
    const globs = (entry.governs ?? []).filter((ref) => {
      const compiled = compileRepositoryGlob(ref.glob, engine);
      return 'glob' in compiled && !compiled.glob.exclude && globMatches(compiled.glob, parts);
    });
    return [{ record: summarizeRecord(index, entry), globs: globs.map((ref) => ref.glob) }];
  });
  if ('unread' in citations) return { path, governedBy, cites: [], omitted: 0, unread: citations.unread };
  // One item per id as written: a file citing ADR-0001 on ten lines lists it once.
  const cites = new Map<string, { raw: string; lines: number[]; records: RecordSummary[] }>();
  for (const citation of citations.citations) {
    const line = citation.range.start.line + 1;
    const known = cites.get(citation.raw);
    if (known) {
      if (known.lines[known.lines.length - 1] !== line) known.lines.push(line);
    } else cites.set(citation.raw, { raw: citation.raw, lines: [line], records: citedRecords(index, citation).map((entry) => summarizeRecord(index, entry)) });
  }
  return { path, governedBy, cites: [...cites.values()], omitted: citations.total - citations.citations.length };
}

/**
 * `explain` as Markdown: per file, who governs it and what it cites, each record on one line with
 * its status, door, risk and people. `show` turns a record's absolute path into a link target.
 */
export function renderExplainMarkdown(files: readonly FileExplanation[], show: (path: string) => string): string {
  const out: string[] = [];
  const people = (label: string, names: readonly string[]) => (names.length ? [`${label} ${names.join(', ')}`] : []);
  const line = (record: RecordSummary) =>
    [
      `[${record.id}](${show(record.path)}) ${record.title}`,
      [
        record.status ?? 'no status',
        ...(record.door ? [`${record.door} door`] : []),
        ...(record.risk ? [`risk ${record.risk}`] : []),
        ...people('owners', record.owners),
        ...people('held by', record.holders),
        ...people('successors', record.successors),
        ...(record.supersededBy.length ? [`superseded by ${record.supersededBy.join(', ')}`] : []),
      ].join(' · '),
    ].join(' — ');
  for (const file of files) {
    out.push(`## ${file.path}`, '');
    if (file.governedBy.length) {
      out.push('Governed by:', '');
      for (const { record, globs } of file.governedBy) out.push(`- ${line(record)} (governs ${globs.map((g) => `\`${g}\``).join(', ')})`);
    } else out.push('Governed by no decision.');
    out.push('');
    if (file.unread) out.push(`Citations not read: ${file.unread}.`);
    else if (file.cites.length) {
      out.push('Cites:', '');
      for (const cite of file.cites) {
        const where = `${cite.lines.length > 1 ? 'lines' : 'line'} ${cite.lines.join(', ')}`;
        if (!cite.records.length) out.push(`- ${cite.raw} (${where}): no record has this id`);
        for (const record of cite.records) out.push(`- ${cite.raw} (${where}): ${line(record)}`);
      }
      if (file.omitted) out.push(`- … and ${file.omitted} more citations, not listed`);
    } else out.push('Cites no record.');
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
