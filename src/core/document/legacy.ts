/**
 * Reads what a record written for another tool carries: MADR frontmatter (status, date,
 * decision-makers/deciders), adr-tools/Nygard `## Status` sections and `Date:` lines, log4brains and
 * MADR 2 `- Status:` bullets. A line scan, not a Markdown parse: it runs for every legacy file.
 */
import type { Span } from '../parse/frontmatter-fence';

export type LegacyFormat = 'madr' | 'nygard' | 'bullets' | 'plain';

export interface LegacyField<T> {
  readonly value: T;
  readonly span: Span;
}

export interface LegacyMetadata {
  readonly format: LegacyFormat;
  readonly type?: 'adr' | 'rfc';
  readonly owners?: readonly string[];
  readonly title?: LegacyField<string>;
  /** Lower-cased first word(s) of the status, e.g. `accepted`, `superseded`, `on hold`. */
  readonly status?: LegacyField<string>;
  readonly date?: LegacyField<string>;
  readonly deciders: readonly string[];
  readonly supersedes: readonly string[];
  readonly supersededBy: readonly string[];
  readonly tags: readonly string[];
}

// A number of 4+ digits, optionally prefixed; not the year of a date ("superseded by ADR-0009 on 2021-03-04").
const ID_IN_TEXT = /\b(?:(ADR|RFC|EXIT)-?)?(\d{4,})\b(?!-\d{1,2}-\d{1,2}\b)/gi;

interface Line {
  readonly text: string;
  readonly start: number;
}

function* linesOf(text: string, from: number, limit: number): Generator<Line> {
  // A BOM is not part of the first line's text (it would hide a `# Title`).
  let at = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from;
  let count = 0;
  while (at < text.length && count++ < limit) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    yield { text: text.slice(at, end), start: at };
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    at = end;
  }
}

/** Splits "superseded by ADR-0057" or "accepted; supersedes ADR-0045" into status and links. */
export function parseLegacyStatus(raw: string): { status?: string; supersedes: string[]; supersededBy: string[] } {
  const text = raw.replace(/<!--.*?-->/g, '').replace(/[*_`]/g, '').trim();
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  // A template's "[draft | proposed | …]" or "{proposed | rejected}" is no status at all.
  if (/^[[{].*\|/.test(text)) return { supersedes, supersededBy };
  for (const clause of text.split(/[;,]/)) {
    const ids = [...clause.matchAll(ID_IN_TEXT)].map((m) => (m[1] ? `${m[1].toUpperCase()}-${m[2]}` : m[2]));
    if (/superseded\s+by/i.test(clause)) supersededBy.push(...ids);
    else if (/\bsupersedes\b/i.test(clause)) supersedes.push(...ids);
  }
  const first = text.split(/[;,([]/)[0].toLowerCase().replace(/\s+by\b.*$/, '').replace(/[.:]+$/, '').trim();
  return { status: first || undefined, supersedes, supersededBy };
}

export function readLegacy(text: string, bodyStart: number, frontmatter: Record<string, unknown> | undefined): LegacyMetadata {
  const found: { title?: LegacyField<string>; status?: LegacyField<string>; date?: LegacyField<string> } = {};
  const deciders: string[] = [];
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  const tags: string[] = [];
  let format: LegacyFormat = frontmatter ? 'madr' : 'plain';

  const takeStatus = (raw: string, span: Span): void => {
    const parsed = parseLegacyStatus(raw);
    if (parsed.status && !found.status) found.status = { value: parsed.status, span };
    supersedes.push(...parsed.supersedes);
    supersededBy.push(...parsed.supersededBy);
  };

  if (frontmatter) {
    const fmTitle = frontmatter.title;
    if (typeof fmTitle === 'string' && fmTitle.trim()) found.title = { value: fmTitle.trim(), span: { start: 0, end: 3 } };
    if (typeof frontmatter.status === 'string') takeStatus(frontmatter.status, { start: 0, end: 3 });
    const date = frontmatter.date;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) found.date = { value: date.slice(0, 10), span: { start: 0, end: 3 } };
    for (const key of ['decision-makers', 'deciders']) {
      const value = frontmatter[key];
      if (Array.isArray(value)) deciders.push(...value.filter((v): v is string => typeof v === 'string'));
      else if (typeof value === 'string') deciders.push(...splitPeople(value));
    }
  }

  let inFence = false;
  let statusSection: Span | undefined;
  // Metadata sits near the top; a bounded scan keeps huge files cheap.
  for (const line of linesOf(text, bodyStart, 400)) {
    const trimmed = line.text.trim();
    if (/^(```|~~~)/.test(trimmed)) inFence = !inFence;
    if (inFence) continue;
    const span = { start: line.start, end: line.start + line.text.length };
    const h1 = /^#\s+(.+?)\s*#*\s*$/.exec(line.text);
    if (h1 && !found.title) {
      // adr-tools numbers its headings ("# 9. Use Postgres"); the number is the file's, not the title's.
      found.title = { value: h1[1].replace(/^\d+\.\s+/, '').trim(), span };
      continue;
    }
    if (/^#{2,}\s*status\s*#*$/i.test(trimmed)) {
      statusSection = span;
      format = 'nygard';
      continue;
    }
    if (statusSection && trimmed) {
      if (/^#/.test(trimmed)) statusSection = undefined;
      else {
        takeStatus(trimmed, span);
        statusSection = undefined;
        continue;
      }
    }
    const bullet = /^[-*+]\s+(?:\*\*)?(status|date|deciders|decision-makers|tags)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.*)$/i.exec(trimmed);
    const bare = /^(status|date)\s*:\s*(.+)$/i.exec(trimmed);
    const match = bullet ?? bare;
    if (match) {
      if (bullet && format !== 'nygard') format = frontmatter ? 'madr' : 'bullets';
      else if (!bullet && format === 'plain') format = 'nygard';
      const name = match[1].toLowerCase();
      const value = match[2].replace(/<!--.*?-->/g, '').trim();
      if (name === 'status') takeStatus(value, span);
      else if (name === 'date' && !found.date && /^\d{4}-\d{2}-\d{2}/.test(value)) found.date = { value: value.slice(0, 10), span };
      else if (name === 'deciders' || name === 'decision-makers') {
        if (!/^[[{]/.test(value)) deciders.push(...splitPeople(value));
      } else if (name === 'tags' && !/^[[{]/.test(value)) tags.push(...value.split(/[\s,]+/).filter(Boolean));
    }
  }
  return { format, ...found, deciders: unique(deciders), supersedes: unique(supersedes), supersededBy: unique(supersededBy), tags: unique(tags) };
}

function splitPeople(value: string): string[] {
  return value.split(/,|\band\b/).map((s) => s.trim()).filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
