import type { DecisionDocument } from '../document/decision-document';
import { readLegacy, type LegacyMetadata } from '../document/legacy';
import { parseIdRef } from '../index/ids';
import { childFields } from '../schema/field-info';
import { yamlString } from '../templates/yaml-scalar';
import { inTemplate, placeholderText, renderFieldLines } from '../templates/render-template';
import { has, indentUnit, mappingIndent } from './frontmatter-edits';
import { valueEdit } from './replace-value';
import { lineEnding, toTextEdits, type FixAction, type OffsetEdit } from './text-edit';

const ID = /^((ADR|RFC|EXIT)-)?\d{4,}$/;

/**
 * "Add Legible frontmatter" for a record written for another tool (or with an empty block): ADR
 * frontmatter that carries what the record already says — title, status when it is one of the ADR
 * statuses, date, deciders, supersession links, tags — and asks, with the template's placeholders,
 * what it does not: owners, reversibility, risk, business tradeoff, knowledge exit path.
 *
 * A record with MADR/Jekyll frontmatter keeps its block and every key in it; the Legible keys it
 * lacks are added to that block. The Markdown body is never touched: an adr-tools `## Status`
 * section or a log4brains `- Status:` bullet stays where the author wrote it.
 */
export function addFrontmatterFix(doc: DecisionDocument): FixAction | undefined {
  if (doc.legible || doc.readProblem !== undefined) return undefined;
  const block = doc.block;
  const eol = lineEnding(doc.text);
  const existing = doc.data ?? {};
  const bom = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Read again past a BOM: the legacy reader would see "\uFEFF# Title" as no heading at all.
  const legacy = (bom && block.kind === 'none') || !doc.legacy ? readLegacy(doc.text, Math.max(doc.bodyStart, bom), doc.data) : doc.legacy;
  const carried = carriedValues(legacy);
  const edits: OffsetEdit[] = [];

  let offset: number;
  let indent = '';
  let unit = '  ';
  if (block.kind === 'none') {
    if (block.displaced) return undefined;
    offset = bom;
  } else if (block.kind === 'closed' && block.fence === 'yaml' && !doc.yaml?.problems.length) {
    if (doc.data) {
      const keys = mappingIndent(doc, []);
      if (keys === undefined) return undefined;
      indent = keys;
      unit = indentUnit(doc);
    }
    offset = block.close.start;
  } else return undefined;

  // A status the block already has, written the old way ("superseded by ADR-0057"), becomes the ADR word.
  const statusLocation = doc.yaml?.locations.get('/status');
  if (has(existing, 'status') && statusLocation && typeof carried.status === 'string' && existing.status !== carried.status) {
    const edit = valueEdit(doc, statusLocation, carried.status);
    if (edit) edits.push(edit);
  }

  const lines: string[] = [];
  for (const info of childFields('adr', [])) {
    if (has(existing, info.name) || !(inTemplate(info) || carried[info.name] !== undefined)) continue;
    lines.push(...renderFieldLines('adr', [info.name], { indent, unit, fixed: carried }));
  }
  const fields = lines.map((line) => line + eol).join('');
  edits.push({ start: offset, end: offset, text: block.kind === 'none' ? `---${eol}${fields}---${eol}` : fields });
  return { title: 'Add Legible frontmatter', edits: toTextEdits(doc.lines, edits), isPreferred: true, path: doc.path };
}

/** What the legacy metadata says, as the values the template writes in place of placeholders. */
function carriedValues(legacy: LegacyMetadata): Record<string, string | string[]> {
  const statuses = (childFields('adr', []).find((f) => f.name === 'status')?.enum ?? []).map(String);
  const values: Record<string, string | string[]> = { type: 'adr' };
  if (legacy.title?.value) values.title = yamlString(legacy.title.value);
  const status = legacy.status?.value;
  if (status && statuses.includes(status)) values.status = status;
  if (legacy.date && /^\d{4}-\d{2}-\d{2}$/.test(legacy.date.value)) values.date = legacy.date.value;
  if (legacy.deciders.length) values.deciders = [...legacy.deciders];
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
  if (ids(legacy.supersedes).length) values.supersedes = ids(legacy.supersedes);
  if (ids(legacy.supersededBy).length) values['superseded-by'] = ids(legacy.supersededBy);
  // `superseded` needs its successor named: ask for it rather than leave the record invalid.
  else if (values.status === 'superseded') {
    const info = childFields('adr', []).find((f) => f.name === 'superseded-by');
    if (info) values['superseded-by'] = [`<${placeholderText(info)}>`];
  }
  if (legacy.tags.length) values.tags = [...legacy.tags];
  return values;
}
