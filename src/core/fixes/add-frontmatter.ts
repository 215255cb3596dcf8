import type { DecisionDocument } from '../document/decision-document';
import { readLegacy, type LegacyMetadata } from '../document/legacy';
import { parseIdRef } from '../index/ids';
import { childFields } from '../schema/field-info';
import { isStatusOf } from '../schema/statuses';
import { yamlString } from '../templates/yaml-scalar';
import { inTemplate, placeholderText, renderFieldLines } from '../templates/render-template';
import { has, indentUnit, mappingIndent } from './frontmatter-edits';
import { trimmedValue } from '../document/value-spans';
import { valueEdit } from './replace-value';
import { applyEdits, lineEnding, toTextEdits, type FixAction, type OffsetEdit } from './text-edit';
import type { ClosedBlock } from '../parse/frontmatter-fence';
import { isIsoDay } from '../text/iso-day';

const ID = /^((ADR|RFC|EXIT)-)?\d{4,}$/;

/**
 * Characters of carried values (title, status, people, links, tags) one new frontmatter takes.
 * A header line of a megabyte is no title or list of names: past this, the largest values stay
 * placeholders (the body still holds them), so the new block stays far below the parser's limit.
 */
export const CARRIED_BUDGET = 16 * 1024;

/** What adding Legible frontmatter to a legacy record does, before it becomes a fix or a migration. */
export interface FrontmatterPlan {
  readonly type: 'adr' | 'rfc';
  /**
   * Offsets into the document's text; insertions, and at most a rewritten `status` value. A block
   * after a licence comment is instead moved: inserted at the top, as it is with those edits, and
   * removed from where it was.
   */
  readonly edits: readonly OffsetEdit[];
  /** The record's status when it is none of the type's words: written as the author wrote it. */
  readonly unmappedStatus?: string;
  /** Fields written with what the record says (not placeholders), besides `type`. */
  readonly carried: readonly string[];
  /** Fields whose legacy value was too long to carry: left as placeholders. */
  readonly notCarried: readonly string[];
  /** `date` is the day the repository's history first has the file (PlanOptions.addedOn): the record names none. */
  readonly datedByHistory?: boolean;
  /** `date` is a placeholder: the record names none, and no `addedOn` was given. */
  readonly undated?: boolean;
}

export interface PlanOptions {
  /**
   * The day git first recorded the file (YYYY-MM-DD), for `legible migrate` in a repository: the
   * record's `date` when it names none, instead of a placeholder. The editor's fix runs no git.
   */
  readonly addedOn?: string;
}

/**
 * "Add Legible frontmatter" for a record written for another tool (or with an empty block): ADR or
 * RFC frontmatter that carries what the record already says — title, status, date, owners,
 * deciders, supersession and related links, tags — and asks, with the template's placeholders,
 * what it does not: owners, reversibility, risk, business tradeoff, knowledge exit path.
 *
 * A record with MADR/Jekyll frontmatter keeps its block and every key in it; the Legible keys it
 * lacks are added to that block. A block after an SPDX/licence comment moves to the top of the file,
 * where frontmatter must be, and the comment follows it. The Markdown body is never touched: an
 * adr-tools `## Status` section or a log4brains `- Status:` bullet stays where the author wrote it.
 */
export function addFrontmatterFix(doc: DecisionDocument): FixAction | undefined {
  const plan = planFrontmatter(doc);
  if ('problem' in plan) return undefined;
  return { title: 'Add Legible frontmatter', edits: toTextEdits(doc.lines, plan.edits), isPreferred: true, path: doc.path };
}

/**
 * The edits that give a legacy record Legible frontmatter, or why there are none: the one source of
 * what the quick fix and `legible migrate` write. Each problem says what to change first.
 */
export function planFrontmatter(original: DecisionDocument, options: PlanOptions = {}): FrontmatterPlan | { readonly problem: string } {
  if (original.readProblem !== undefined) return { problem: original.readProblem };
  if (original.legible) return { problem: 'The record already has Legible frontmatter.' };
  // MADR frontmatter after a licence comment is planned as the block it is, where it is, then moved.
  const commented = original.block.kind === 'none' ? original.commented : undefined;
  const doc: DecisionDocument = commented ? { ...original, block: commented.block, yaml: commented.yaml, data: commented.yaml.data, bodyStart: commented.block.bodyStart } : original;
  const block = doc.block;
  const eol = lineEnding(doc.text);
  const existing = doc.data ?? {};
  const bom = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;

  let offset: number;
  let indent = '';
  let unit = '  ';
  if (block.kind === 'none') {
    if (block.displaced) {
      const line = doc.lines.position(block.displaced.start).line + 1;
      return { problem: `The \`---\` on line ${line} comes after blank lines, so Markdown reads it as a heading underline: is it meant as frontmatter? Remove the blank lines above it, then migrate again.` };
    }
    offset = bom;
  } else if (block.kind === 'unclosed') {
    return { problem: 'The frontmatter opened on the first line is never closed: where does it end? Add a `---` line after its last field, then migrate again.' };
  } else if (block.fence === 'toml') {
    return { problem: 'The frontmatter is TOML (`+++`), and Legible writes YAML: convert it to YAML between `---` lines, then migrate again.' };
  } else if (doc.yaml?.problems.length) {
    const problem = doc.yaml.problems[0];
    return { problem: `The frontmatter is not valid YAML (line ${doc.lines.position(problem.span.start).line + 1}: ${problem.message}): fix it, then migrate again.` };
  } else {
    if (doc.data) {
      const keys = mappingIndent(doc, []);
      if (keys === undefined) return { problem: 'The frontmatter is a flow mapping (`{…}`) or has keys that do not start their own line: write one `key: value` per line, then migrate again.' };
      indent = keys;
      unit = indentUnit(doc);
    } else if (!blankYaml(doc.text.slice(block.content.start, block.content.end))) {
      return { problem: 'The frontmatter is not a mapping of `key: value` lines: what should it say? Make it one, then migrate again.' };
    }
    offset = block.close.start;
  }

  // Read again past a BOM: the legacy reader would see "\uFEFF# Title" as no heading at all.
  const legacy = (bom && block.kind === 'none') || !doc.legacy ? readLegacy(doc.text, Math.max(doc.bodyStart, bom), doc.data, { path: doc.path }) : doc.legacy;
  const type = legacy.type ?? 'adr';
  const { values: carried, unmappedStatus, notCarried } = carriedValues(legacy, type);
  const statesNoDate = carried.date === undefined && !has(existing, 'date');
  const datedByHistory = statesNoDate && options.addedOn !== undefined && isIsoDay(options.addedOn);
  if (datedByHistory) carried.date = options.addedOn!;
  const edits: OffsetEdit[] = [];

  // A status the block already has, written the old way ("superseded by ADR-0057"), becomes the
  // type's word; what it said besides stays beside it as a comment, so no word is lost.
  const statusLocation = doc.yaml?.locations.get('/status');
  if (has(existing, 'status') && statusLocation && unmappedStatus === undefined && typeof carried.status === 'string' && existing.status !== carried.status) {
    const span = trimmedValue(doc, statusLocation);
    const written = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const unquoted = written.replace(/^(["'])(.*)\1$/, '$2').trim().toLowerCase();
    const edit = valueEdit(doc, statusLocation, unquoted === carried.status ? carried.status : `${carried.status} # was: ${written}`);
    if (edit) edits.push(edit);
  }

  const lines: string[] = [];
  for (const info of childFields(type, [])) {
    if (has(existing, info.name) || !(inTemplate(info) || carried[info.name] !== undefined)) continue;
    lines.push(...renderFieldLines(type, [info.name], { indent, unit, fixed: carried }));
  }
  const fields = lines.map((line) => line + eol).join('');
  edits.push({ start: offset, end: offset, text: block.kind === 'none' ? `---${eol}${fields}---${eol}` : fields });
  // Fields the block has already count as carried: the record said them.
  const said = Object.keys(carried).filter((name) => name !== 'type' && !(datedByHistory && name === 'date') && !/^<.*>$/.test(String(carried[name])));
  const kept = childFields(type, []).map((info) => info.name).filter((name) => has(existing, name));
  // What the record's status now says: the block's own text when it had one.
  const status = unmappedStatus !== undefined && typeof existing.status === 'string' ? existing.status : unmappedStatus;
  return { type, edits: commented ? moveToTop(doc, commented.block, edits, eol, bom) : edits, unmappedStatus: status, carried: [...new Set([...said, ...kept])], notCarried, ...(datedByHistory && { datedByHistory }), ...(statesNoDate && !datedByHistory && { undated: true }) };
}

/**
 * The edits that move a block, with `edits` (all inside it) made, from below leading comments to the
 * top of the file (after a BOM): frontmatter is frontmatter only on the first line. Every byte
 * outside the block stays as it was, the comments now right after the closing fence.
 */
function moveToTop(doc: DecisionDocument, block: ClosedBlock, edits: readonly OffsetEdit[], eol: string, bom: number): OffsetEdit[] {
  const edited = applyEdits(doc.text, toTextEdits(doc.lines, edits));
  let moved = edited.slice(block.open.start, block.bodyStart + edited.length - doc.text.length);
  // A closing fence on the file's last line, with no line break: the comments must not join it.
  if (block.bodyStart === block.close.end) moved += eol;
  return [
    { start: bom, end: bom, text: moved },
    { start: block.open.start, end: block.bodyStart, text: '' },
  ];
}

/** Only blank lines and comments: an empty block, which a fix may fill. */
function blankYaml(content: string): boolean {
  return content.split(/\r\n|\r|\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

interface Carried {
  /** The values the template writes in place of placeholders (scalars already written as YAML). */
  readonly values: Record<string, string | string[]>;
  readonly unmappedStatus?: string;
  readonly notCarried: string[];
}

/** What the legacy metadata says, as the values the template writes in place of placeholders. */
function carriedValues(legacy: LegacyMetadata, type: 'adr' | 'rfc'): Carried {
  // Raw values first, each measured, so that no megabyte is ever quoted for YAML.
  const raw: Record<string, string | string[]> = {};
  if (legacy.title?.value) raw.title = legacy.title.value;
  const status = legacy.status?.value;
  if (status) raw.status = status;
  if (legacy.date && isIsoDay(legacy.date.value)) raw.date = legacy.date.value;
  if (legacy.owners?.length) raw.owners = [...legacy.owners];
  if (legacy.deciders.length) raw.deciders = [...legacy.deciders];
  // "superseded by [ADR-0012](0012-x.md)" reads as ADR-0012 and 0012: one link, the first spelling.
  const ids = (list: readonly string[]): string[] => {
    const seen = new Set<number | undefined>();
    return list.filter((id) => {
      const number = parseIdRef(id).number;
      if (!ID.test(id) || seen.has(number)) return false;
      seen.add(number);
      return true;
    });
  };
  if (ids(legacy.supersedes).length) raw.supersedes = ids(legacy.supersedes);
  if (ids(legacy.supersededBy).length) raw['superseded-by'] = ids(legacy.supersededBy);
  if (ids(legacy.related).length) raw.related = ids(legacy.related);
  if (legacy.tags.length) raw.tags = [...legacy.tags];

  const notCarried = overBudget(raw);
  for (const name of notCarried) delete raw[name];

  const values: Record<string, string | string[]> = { type };
  let unmappedStatus: string | undefined;
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'title' && typeof value === 'string') values.title = yamlString(value);
    else if (name === 'status' && typeof value === 'string') {
      // Kept as written when it is none of the type's words: the schema rule then asks which it is.
      if (!isStatusOf(type, value)) unmappedStatus = value;
      values.status = isStatusOf(type, value) ? value : yamlString(value);
    } else values[name] = value;
  }
  // `superseded` needs its successor named: ask for it rather than leave the record invalid.
  if (values.status === 'superseded' && !values['superseded-by']) {
    const info = childFields(type, []).find((f) => f.name === 'superseded-by');
    if (info) values['superseded-by'] = [`<${placeholderText(info)}>`];
  }
  return { values, unmappedStatus, notCarried };
}

/** The fields to leave out, largest first, until what is carried fits CARRIED_BUDGET. */
function overBudget(raw: Record<string, string | string[]>): string[] {
  const size = (value: string | string[]) => (typeof value === 'string' ? value.length : value.reduce((sum, item) => sum + item.length + 4, 0));
  const sizes = Object.entries(raw).map(([name, value]) => ({ name, size: size(value) }));
  let total = sizes.reduce((sum, field) => sum + field.size, 0);
  const dropped: string[] = [];
  for (const field of sizes.sort((a, b) => b.size - a.size)) {
    if (total <= CARRIED_BUDGET) break;
    dropped.push(field.name);
    total -= field.size;
  }
  return dropped;
}
