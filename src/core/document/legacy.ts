/**
 * Reads what a record written for another tool carries: MADR frontmatter (status, date,
 * decision-makers/deciders), Docusaurus/Jekyll frontmatter (title, `[superseded]` markers),
 * adr-tools/Nygard `## Status` sections and `Date:` lines, log4brains and MADR 2 `- Status:`
 * bullets, and the header bullets RFC processes open their files with (`- Feature Name:`,
 * `- Start Date:`, `- Authors:`). A line scan, not a Markdown parse: it runs for every legacy
 * file, and every pattern in it is linear in the line (lines are cut at MAX_LINE besides).
 */
import type { Span } from '../parse/frontmatter-fence';
import { recordNameOf } from '../numbering/record-name';
import { mapLegacyStatus } from './legacy-status';
import { parseProseDate } from './prose-date';
import { sectionKey } from './section-names';
import { atxHeading } from '../parse/atx-heading';
import { append, isTemplateText, linesOf, MAX_LINE, parseLegacyStatus, plainText, splitPeople, supersessionIn, typedLink, unique, uniqueIds, withoutComments, type Supersession, type TypedLink } from './legacy-text';
import { withoutMarkdownExtension } from '../port/paths';

export type LegacyFormat = 'madr' | 'jekyll' | 'nygard' | 'bullets' | 'rfc' | 'plain';

/** How messages name each format. */
export const LEGACY_FORMAT_NAMES: Readonly<Record<LegacyFormat, string>> = {
  madr: 'MADR',
  jekyll: 'Docusaurus/Jekyll',
  nygard: 'adr-tools',
  bullets: 'log4brains/MADR 2',
  rfc: 'RFC header',
  plain: 'Markdown',
};

export type LegacyType = 'adr' | 'rfc';

export interface LegacyField<T> {
  readonly value: T;
  readonly span: Span;
}

export interface LegacyOptions {
  /** The record's path: an RFC folder makes its records RFCs, and the slug is the last title. */
  readonly path?: string;
  /** The folder's record type, when `.legible.json` names one. */
  readonly type?: LegacyType;
  /** The folder's own status words mapped onto the type's vocabulary (`.legible.json`). */
  readonly statuses?: Readonly<Record<string, string>>;
}

export interface LegacyMetadata {
  readonly format: LegacyFormat;
  readonly type: LegacyType;
  readonly title?: LegacyField<string>;
  /** The status in the type's vocabulary when it maps (`approved` → `accepted`), else the word as written, lower-cased. */
  readonly status?: LegacyField<string>;
  /** False when the status word has no counterpart in the type's vocabulary (kept as written). */
  readonly statusInVocabulary: boolean;
  /** What a prose status says beyond its word ("Accepted. Revisit once the migration ends."). */
  readonly statusNote?: string;
  readonly date?: LegacyField<string>;
  readonly deciders: readonly string[];
  /** Authors of an RFC (`- Authors:`), or `authors` in Docusaurus frontmatter. */
  readonly owners: readonly string[];
  readonly supersedes: readonly string[];
  readonly supersededBy: readonly string[];
  /** Other records an adr-tools or MADR 2 link names ("Amends [3. …](0003-….md)", "Refined by …"). */
  readonly related: readonly string[];
  readonly tags: readonly string[];
}

/** Metadata sits near the top; a bounded scan keeps huge files cheap. */
const MAX_LINES = 400;

const BULLET = /^[-*+]\s{1,4}(\S.*)$/;
// "Key: value", the key a few words, bold or not; bounded so that a long line costs linear time.
// The value is `[^]*`, not `.*`: `.` stops at a line separator (U+2028, a CR), and `\s*(.*)$` then backtracked quadratically.
const KEY_VALUE = /^(?:\*\*|__)?([A-Za-z][A-Za-z0-9 ()#/'.-]{0,40}?)(?:\*\*|__)?\s{0,4}:(?:\*\*|__)?\s*([^]*)$/;
const SUPERSEDED_MARK = /\[\s*superseded\s*\]/i;
// `ADR013: Title` or `ADR-0013 - Title` in a Docusaurus title: the prefix is the id, not the title.
const TITLE_ID_PREFIX = /^(?:ADR|RFC)[-\s]?\d{1,12}\s{0,3}[:.–—-]\s*/i;

/** Header-bullet keys only RFC processes write: one of them before the first section makes an RFC. */
const RFC_KEYS = new Set(['feature name', 'feature', 'start date', 'rfc pr', 'rfc issue', 'rust issue', 'tracking issue', 'pre rfc', 'rfc']);

/**
 * Headings that name a section, never a record: a file whose first heading is "Summary" has no
 * title line, and its title comes from the bullets or the file name instead.
 */
const SECTION_HEADINGS = new Set(
  [
    'summary', 'abstract', 'motivation', 'table of contents', 'contents', 'toc', 'context', 'context and problem statement',
    'problem statement', 'background', 'introduction', 'overview', 'status', 'decision', 'decision outcome', 'consequences',
    'proposal', 'detailed design', 'design', 'rationale', 'rationale and alternatives', 'alternatives', 'alternatives considered',
    'considered options', 'drawbacks', 'unresolved questions', 'prior art', 'guide level explanation', 'reference level explanation',
    'future possibilities', 'future work', 'goals', 'non goals', 'references', 'metadata',
  ],
);

function isSectionHeading(text: string): boolean {
  return SECTION_HEADINGS.has(sectionKey(plainText(text)));
}

/** "0019-opt-in-builtin-traits.md" → "Opt in builtin traits": the last title a record can have. */
export function titleFromFileName(path: string): string | undefined {
  const name = withoutMarkdownExtension(path.slice(path.lastIndexOf('/') + 1));
  const slug = recordNameOf(path)?.slug ?? name;
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : undefined;
}

function inRfcFolder(path: string | undefined): boolean {
  if (!path) return false;
  // The record's folder or the one above it (rust-lang/rfcs keeps its RFCs in rfcs/text/).
  const parts = path.split('/').slice(0, -1).slice(-2);
  return parts.some((part) => /rfc/i.test(part));
}

function keyOf(key: string): string {
  return key.toLowerCase().replace(/[#()'.]/g, ' ').replace(/[\s/-]+/g, ' ').trim();
}

export function readLegacy(text: string, bodyStart: number, frontmatter: Record<string, unknown> | undefined, options: LegacyOptions = {}): LegacyMetadata {
  const found: { title?: LegacyField<string>; date?: LegacyField<string> } = {};
  let status: { word: string; span: Span; note?: string } | undefined;
  const deciders: string[] = [];
  const owners: string[] = [];
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  const related: string[] = [];
  const tags: string[] = [];
  const rfcBullets: { title?: LegacyField<string>; feature?: LegacyField<string> } = {};
  let format: LegacyFormat = frontmatter ? 'madr' : 'plain';
  let sawRfcKey = false;
  let superseded = false;
  const FRONT = { start: 0, end: 3 };
  const ownNumber = options.path ? recordNameOf(options.path)?.number : undefined;

  // What the record says of itself in its preamble, its Status section or its links; a record
  // naming itself ("ADR-0045 was superseded by ADR-0057, this record") is not its own successor.
  const other = (id: string): boolean => Number(id.replace(/^\D+/, '')) !== ownNumber;
  const takeSupersession = (links: Supersession): void => {
    const by = links.supersededBy.filter(other);
    if (by.length) superseded = true;
    append(supersededBy, by);
    append(supersedes, links.supersedes.filter(other));
  };
  /** Whether the text gave a status word ("Supersedes ADR-0002" gives none: it says what the record replaces). */
  const takeStatus = (raw: string, span: Span): boolean => {
    const parsed = parseLegacyStatus(raw, options.statuses);
    if (parsed.word && !status) status = { word: parsed.word, span, note: parsed.note };
    // "Accepted, superseded by ADR-0003": the successor outranks the word before it, as below.
    takeSupersession(parsed);
    return parsed.word !== undefined;
  };
  const takeLink = (link: TypedLink): void => {
    if (!other(link.id)) return;
    if (link.kind === 'related') append(related, [link.id]);
    else takeSupersession({ supersedes: link.kind === 'supersedes' ? [link.id] : [], supersededBy: link.kind === 'superseded-by' ? [link.id] : [] });
  };
  const takeDate = (raw: string, span: Span): void => {
    const date = found.date ? undefined : parseProseDate(plainText(raw));
    if (date) found.date = { value: date, span };
  };

  if (frontmatter) {
    const fmTitle = frontmatter.title;
    if (typeof fmTitle === 'string' && fmTitle.trim()) {
      let title = (fmTitle.length > MAX_LINE ? fmTitle.slice(0, MAX_LINE) : fmTitle).trim();
      if (SUPERSEDED_MARK.test(title)) {
        superseded = true;
        title = title.replace(SUPERSEDED_MARK, '').trim();
      }
      title = title.replace(TITLE_ID_PREFIX, '').trim() || title;
      found.title = { value: title, span: FRONT };
    }
    if (typeof frontmatter.status === 'string') takeStatus(frontmatter.status, FRONT);
    const date = frontmatter.date;
    if (typeof date === 'string') takeDate(date, FRONT);
    for (const key of ['decision-makers', 'deciders']) {
      const value = frontmatter[key];
      if (Array.isArray(value)) append(deciders, value.filter((v): v is string => typeof v === 'string'));
      else if (typeof value === 'string') append(deciders, splitPeople(value));
    }
    for (const key of ['authors', 'author']) {
      const value = frontmatter[key];
      if (Array.isArray(value)) append(owners, value.filter((v): v is string => typeof v === 'string'));
      else if (typeof value === 'string') append(owners, splitPeople(value));
    }
    // Site frontmatter (Docusaurus, Jekyll's just-the-docs) carries layout keys, not a decision's.
    const decisionKeys = ['status', 'date', 'decision-makers', 'deciders'].some((key) => Object.prototype.hasOwnProperty.call(frontmatter, key));
    if (!decisionKeys && ['id', 'nav_order', 'parent', 'sidebar_position', 'slug', 'layout', 'description'].some((key) => Object.prototype.hasOwnProperty.call(frontmatter, key))) format = 'jekyll';
  }

  let inFence: string | undefined;
  let inComment = false;
  // Before the first section (after the title), the record speaks of itself: "superseded by ADR 10".
  let sawHeading = false;
  // A section that states the record's status or its links to others, and whether its status line was read.
  let section: 'status' | 'links' | undefined;
  let statusRead = false;
  for (const line of linesOf(text, bodyStart, MAX_LINES)) {
    const trimmed = line.text.trim();
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      continue;
    }
    const fence = /^(`{3,}|~{3,})/.exec(trimmed);
    if (fence && (inFence === undefined || fence[1].charAt(0) === inFence.charAt(0))) {
      inFence = inFence === undefined ? fence[1] : undefined;
      continue;
    }
    if (inFence !== undefined) continue;
    if (trimmed.startsWith('<!--') && !trimmed.includes('-->')) {
      inComment = true;
      continue;
    }
    // A megabyte "title" or "deciders" is no metadata, and a cut one would be a wrong value.
    if (line.cut) continue;
    const span = { start: line.start, end: line.start + line.text.length };
    const heading = atxHeading(trimmed);
    if (heading) {
      section = undefined;
      if (heading.depth === 1 && !found.title && heading.text && !isSectionHeading(heading.text)) {
        // adr-tools numbers its headings ("# 9. Use Postgres"); the number is the file's, not the title's.
        // The heading as written (code spans and emphasis are part of a title); comments go.
        let title = withoutComments(heading.text).replace(/^\d+\.\s+/, '').trim();
        if (SUPERSEDED_MARK.test(title)) {
          superseded = true;
          title = title.replace(SUPERSEDED_MARK, '').trim();
        }
        if (title) found.title = { value: title.replace(TITLE_ID_PREFIX, '').trim() || title, span };
        continue;
      }
      // Header bullets may follow a title line, not a section.
      sawHeading = true;
      const key = heading.depth >= 2 ? sectionKey(withoutComments(heading.text)) : '';
      if (key === 'status') {
        section = 'status';
        statusRead = false;
        format = format === 'plain' ? 'nygard' : format;
      } else if (key === 'links') section = 'links';
      continue;
    }
    if (section === 'status' && trimmed && !statusRead) {
      statusRead = takeStatus(trimmed, span);
      continue;
    }
    // adr-tools adds its links under the status ("Supersedes [2. Use BOM](0002-use-bom.md)",
    // "Amended by […](…)"); MADR 2 and log4brains list them under `## Links`.
    const link = section && trimmed ? typedLink(trimmed) : undefined;
    if (link) {
      takeLink(link);
      continue;
    }
    const bullet = BULLET.exec(trimmed);
    const pair = KEY_VALUE.exec(bullet ? bullet[1] : trimmed);
    if (pair) {
      const key = keyOf(pair[1]);
      const value = withoutComments(pair[2]).replace(/^(?:\*\*|__)\s*/, '').trim();
      if (bullet && !sawHeading && RFC_KEYS.has(key)) sawRfcKey = true;
      const known = readField(key, value, span, bullet !== null);
      if (known && bullet && format === 'plain') format = frontmatter ? 'madr' : 'bullets';
      else if (known && !bullet && format === 'plain' && (key === 'status' || key === 'date')) format = 'nygard';
      if (known) continue;
    }
    // "This decision was superseded by [ADR014](./adr014-x.md)" near the top, often in an
    // admonition, or in the Status section. Further down a record speaks of others: "See ADR 07,
    // which is superseded by this one" in its More Information names no successor of its own.
    if (!sawHeading || section === 'status') takeSupersession(supersessionIn(trimmed));
  }

  function readField(key: string, value: string, span: Span, bullet: boolean): boolean {
    if (!value && key !== 'status') return RFC_KEYS.has(key);
    switch (key) {
      case 'status':
        if (value) takeStatus(value, span);
        return true;
      case 'date':
      case 'start date':
      case 'created':
        takeDate(value, span);
        return true;
      case 'deciders':
      case 'decision makers':
      case 'decision-makers':
        if (!isTemplateText(value)) append(deciders, splitPeople(plainText(value)));
        return true;
      case 'authors':
      case 'author':
      case 'author s':
      case 'owners':
      case 'owner':
        if (bullet && !isTemplateText(value)) append(owners, splitPeople(plainText(value)));
        return bullet;
      case 'tags':
        if (!isTemplateText(value)) append(tags, plainText(value).split(/[\s,]+/).filter(Boolean));
        return true;
      case 'title':
        if (bullet && !sawHeading && !rfcBullets.title) rfcBullets.title = { value: plainText(value), span };
        return bullet && !sawHeading;
      case 'feature name':
      case 'feature':
        if (bullet && !rfcBullets.feature && !/^(?:none|n\/?a|-+|tbd|todo)\.?$/i.test(plainText(value))) rfcBullets.feature = { value: plainText(value), span };
        return bullet;
      default:
        return bullet && !sawHeading && RFC_KEYS.has(key);
    }
  }

  if (sawRfcKey) format = 'rfc';
  const type: LegacyType = sawRfcKey || inRfcFolder(options.path) ? 'rfc' : (options.type ?? 'adr');
  if (!found.title) found.title = rfcBullets.title ?? rfcBullets.feature;
  if (!found.title && options.path) {
    const fromName = titleFromFileName(options.path);
    if (fromName) found.title = { value: fromName, span: { start: 0, end: 0 } };
  }
  // A "[superseded]" mark or a "superseded by …" sentence with an id outranks a stale "accepted".
  if (superseded && (!status || status.word === 'accepted' || status.word === 'active')) status = { word: 'superseded', span: status?.span ?? found.title?.span ?? FRONT };
  let mapped: { status: string; inVocabulary: boolean } | undefined;
  if (status) mapped = mapLegacyStatus(status.word, type, options.statuses);
  return {
    format,
    type,
    ...found,
    status: status && mapped ? { value: mapped.status, span: status.span } : undefined,
    statusInVocabulary: mapped?.inVocabulary ?? false,
    statusNote: status?.note,
    deciders: unique(deciders),
    owners: unique(owners),
    supersedes: uniqueIds(supersedes),
    supersededBy: uniqueIds(supersededBy),
    related: uniqueIds(related),
    tags: unique(tags),
  };
}
