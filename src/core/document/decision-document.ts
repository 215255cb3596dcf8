import { LineIndex } from '../text/position';
import { findFrontmatter, type ClosedBlock, type FrontmatterBlock, type Span } from '../parse/frontmatter-fence';
import { parseYamlFrontmatter, type ParsedYaml } from '../parse/yaml-frontmatter';
import type { Limits } from '../parse/limits';
import { readLegacy, type LegacyMetadata, type LegacyOptions } from './legacy';

/**
 * One decision file as the rules see it: text, line index, the frontmatter block, its data with
 * source locations, and, for records written for other tools, the metadata they carry.
 */
export interface DecisionDocument {
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  /**
   * The frontmatter block; also a broken block after leading HTML comments (`commented` when it
   * parses), so that it is reported as broken frontmatter is.
   */
  readonly block: FrontmatterBlock;
  readonly yaml?: ParsedYaml;
  /** The frontmatter mapping, when there is one that parsed. */
  readonly data?: Record<string, unknown>;
  /** Set when the file is a Legible record: its frontmatter declares `type` or Legible's structures. */
  readonly legible: boolean;
  /** What a record without Legible frontmatter carries (MADR, adr-tools, log4brains, plain). */
  readonly legacy?: LegacyMetadata;
  /**
   * MADR frontmatter after leading HTML comments (an SPDX/REUSE header), when it is a mapping that
   * parsed: no frontmatter to Markdown, which reads its `---` as a heading underline, but what the
   * record says of itself. Offsets are into `text`; adding Legible frontmatter moves it to the top.
   */
  readonly commented?: { readonly block: ClosedBlock; readonly yaml: ParsedYaml };
  /** Where the Markdown body starts (after the closing fence, or 0). */
  readonly bodyStart: number;
  /** Why the file could not be read whole (binary, not UTF-8, too large), if so. */
  readonly readProblem?: string;
}

// Keys that only Legible's vocabulary has: their presence makes a record a Legible one even if `type` is missing.
const LEGIBLE_KEYS = ['type', 'reversibility', 'business-tradeoff', 'knowledge-exit-path', 'owners', 'holders', 'successors'];

/**
 * `legacy` says how the folder reads records written for other tools (its record type and status
 * words, from `.legible.json`); the path alone already makes a record in an RFC folder an RFC.
 */
export function parseDecisionDocument(path: string, text: string, limits: Limits, readProblem?: string, legacy: Omit<LegacyOptions, 'path'> = {}): DecisionDocument {
  const lines = new LineIndex(text);
  let block = findFrontmatter(text);
  let yaml: ParsedYaml | undefined;
  let bodyStart = 0;
  let commented: DecisionDocument['commented'];
  if (block.kind === 'closed') {
    bodyStart = block.bodyStart;
    if (block.fence === 'yaml') yaml = parseYamlFrontmatter(text, block.content, limits);
  } else if (block.kind === 'none' && block.displaced === undefined && readProblem === undefined) {
    // MADR frontmatter after an SPDX or licence comment: not frontmatter to Markdown, but what the
    // record says of itself all the same.
    const found = commentedFrontmatter(text);
    const parsed = found && parseYamlFrontmatter(text, found.content, limits);
    if (found && parsed?.data && !parsed.problems.length) commented = { block: found, yaml: parsed };
    else if (found && parsed?.problems.length && startsAsMapping(text.slice(found.content.start, found.content.end))) {
      // A block of `key:` lines there that does not parse is broken frontmatter, not prose: read as
      // a broken block at the top is (frontmatter-malformed at each error, migrate refusing), never
      // line by line as if it were fine, nor dropped.
      block = found;
      yaml = parsed;
      bodyStart = found.bodyStart;
    }
  }
  const data = yaml?.data;
  const legible = data ? LEGIBLE_KEYS.some((key) => Object.prototype.hasOwnProperty.call(data, key)) : false;
  // A broken or unclosed fence is a malformed Legible record, not a legacy one: no second diagnostic.
  const unreadable = readProblem !== undefined || block.kind === 'unclosed' || (block.kind === 'none' && block.displaced !== undefined) || (block.kind === 'closed' && (block.fence === 'toml' || !data));
  const legacyRead = legible || unreadable ? undefined : readLegacy(text, commented?.block.bodyStart ?? bodyStart, commented?.yaml.data ?? data, { ...legacy, path });
  return { path, text, lines, block, yaml, data, legible, legacy: legacyRead, commented, bodyStart, readProblem };
}

/** The block's first line that is neither blank nor a YAML comment is a `key:` line. */
function startsAsMapping(content: string): boolean {
  const first = content.split(/\r?\n|\r/, 64).find((line) => line.trim() && !line.trimStart().startsWith('#'));
  return first !== undefined && /^[A-Za-z_][\w-]{0,80}\s{0,4}:(?:\s|$)/.test(first);
}

/** A `---` block after leading HTML comments and blank lines (REUSE/SPDX headers), if there is one. */
function commentedFrontmatter(text: string): ClosedBlock | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let comments = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text.charAt(at))) at++;
    if (!text.startsWith('<!--', at)) break;
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return undefined;
    at = end + 3;
    comments++;
  }
  if (!comments) return undefined;
  // Back to the start of the line the fence is on: findFrontmatter wants it first.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(lineStart, at).trim() !== '') return undefined;
  const block = findFrontmatter(text.slice(lineStart));
  if (block.kind !== 'closed' || block.fence !== 'yaml') return undefined;
  const shift = (span: { start: number; end: number }) => ({ start: lineStart + span.start, end: lineStart + span.end });
  return { kind: 'closed', fence: 'yaml', open: shift(block.open), close: shift(block.close), content: shift(block.content), bodyStart: lineStart + block.bodyStart };
}

/** The location of a frontmatter value or key by JSON Pointer, if the YAML has it. */
export function locate(doc: DecisionDocument, pointer: string): { key?: Span; value: Span } | undefined {
  return doc.yaml?.locations.get(pointer);
}
