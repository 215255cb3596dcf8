import type { DecisionEntry } from '../index/decision-entry';
import { isWordChar, readId, typeOfPrefix } from '../index/ids';
import { recordNameOf } from '../numbering/record-name';
import { ID_PREFIX, type RecordType } from '../schema/schema-registry';
import type { Range } from '../text/position';

/** A record id cited in a code file (`// see ADR-0007`). */
export interface Citation {
  /** As written: `ADR-0007`, `pay012`. */
  readonly raw: string;
  readonly number: number;
  /** The record type the prefix names (`ADR-`), for a type's own prefix. */
  readonly type?: RecordType;
  /** The decisions folder (absolute) whose own prefix it is (`pay` in `pay012-…` names), otherwise. */
  readonly folder?: string;
  readonly range: Range;
}

export interface FileCitations {
  /** The first `max` citations, in the file's order. */
  readonly citations: readonly Citation[];
  /** Every citation found, the ones past `max` included. */
  readonly total: number;
}

/** The most citations kept per file: a generated file with a million ids is reported, not listed. */
export const MAX_CITATIONS_PER_FILE = 100;

/**
 * Which prefixes cite a record in this workspace: each record type's own (`ADR-`, `RFC-`, `EXIT-`,
 * written in capitals with the dash, as Legible writes ids) for the types the index holds, and
 * each decisions folder's own prefix from its file names (`adr007-…`, `PAY-0012-…`: any case, dash
 * optional). A type no record has cites nothing: `RFC-7231` in a repository without RFCs is the
 * HTTP specification, not a dangling reference.
 */
export class CitationForms {
  private readonly types = new Map<string, RecordType>();
  private readonly folders = new Map<string, string>();

  constructor(entries: Iterable<Pick<DecisionEntry, 'path' | 'folder' | 'type'>>) {
    for (const entry of entries) {
      this.types.set(ID_PREFIX[entry.type], entry.type);
      const prefix = recordNameOf(entry.path)?.prefix.replace(/-$/, '').toLowerCase();
      if (prefix && !this.folders.has(prefix)) this.folders.set(prefix, entry.folder);
    }
  }

  /** What the forms are, as one string: a cache of scan results is valid while it is unchanged. */
  get key(): string {
    return JSON.stringify([[...this.types.keys()].sort(), [...this.folders].sort()]);
  }

  /**
   * A regular expression (POSIX extended, to be matched ignoring case, one `\n`-ended line at a
   * time) that every line holding a citation matches, and more: a prefix, an optional dash, a digit.
   * It also matches a line holding a line break of its own (a CR not ending it, as old Mac files
   * have): the scan counts such breaks as the editor does, so a search by `\n`-lines (git grep)
   * must report them for `citationsInLines` to number the lines after them right. The scan itself
   * decides what is a citation.
   */
  get linePattern(): string {
    const prefixes = [...new Set([...this.types.keys()].map((prefix) => prefix.replace(/-$/, '').toLowerCase()).concat([...this.folders.keys()]))];
    return `(${prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})-?[0-9]|\r.`;
  }

  get empty(): boolean {
    return this.types.size === 0 && this.folders.size === 0;
  }

  /** What an id read by the one id grammar cites, if anything. */
  cited(letters: string, dash: boolean): { type?: RecordType; folder?: string } | undefined {
    if (dash && letters === letters.toUpperCase()) {
      const type = typeOfPrefix(letters);
      if (type && this.types.has(ID_PREFIX[type])) return { type };
    }
    const folder = this.folders.get(letters.toLowerCase());
    return folder === undefined ? undefined : { folder };
  }
}

/**
 * Every citation in a text, by the one id grammar (index/ids.ts) tried at each word start: a
 * single forward pass, each character looked at a bounded number of times, so a minified file or
 * one with a million ids costs linear time. Ids glued to other word characters (`XADR-0007`,
 * `ADR-0007x`) are not citations. Lines end at LF, CRLF or a lone CR, as in the editor.
 */
export function scanCitations(text: string, forms: CitationForms, max = MAX_CITATIONS_PER_FILE): FileCitations {
  const found: Found = { citations: [], total: 0 };
  scanInto(text, forms, 0, max, found);
  return found;
}

/** One `\n`-ended line of a file (its number from 0 counting `\n` alone, its text without the `\n`). */
export interface TextLine {
  readonly line: number;
  readonly text: string;
}

/**
 * The citations of a file from the lines of it that match `CitationForms.linePattern`, in order
 * (what a line search such as git grep reports): the same as `scanCitations` of the whole text,
 * since a line that matches no pattern holds no citation, and no line break but its `\n`.
 */
export function citationsInLines(lines: Iterable<TextLine>, forms: CitationForms, max = MAX_CITATIONS_PER_FILE): FileCitations {
  const found: Found = { citations: [], total: 0 };
  // Lone CRs seen so far: each starts a line of its own for the editor, which git does not count.
  let breaks = 0;
  for (const { line, text } of lines) {
    scanInto(text, forms, line + breaks, max, found);
    for (let i = text.indexOf('\r'); i !== -1 && i < text.length - 1; i = text.indexOf('\r', i + 1)) breaks++;
  }
  return found;
}

interface Found {
  citations: Citation[];
  total: number;
}

function scanInto(text: string, forms: CitationForms, firstLine: number, max: number, found: Found): void {
  const citations = found.citations;
  let line = firstLine;
  let lineStart = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const wordStart = i;
    if (i === 0 || !isWordChar(text.charCodeAt(i - 1))) {
      const id = readId(text, i);
      if (id && id.letters && (id.end === length || !isWordChar(text.charCodeAt(id.end)))) {
        const cited = forms.cited(id.letters, id.dash);
        if (cited) {
          found.total++;
          if (citations.length < max) {
            citations.push({
              raw: text.slice(id.start, id.end),
              number: Number(id.digits),
              ...cited,
              range: { start: { line, character: id.start - lineStart }, end: { line, character: id.end - lineStart } },
            });
          }
        }
      }
    }
    // Past the rest of the word (and a `-` joining ids): the next try is at the next word start.
    i = wordStart + 1;
    while (i < length && isWordChar(text.charCodeAt(i))) i++;
  }
}
