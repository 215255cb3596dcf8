import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type Document, type DocumentOptions, type Node as YamlNode, type ParseOptions, type SchemaOptions } from 'yaml';
import type { Limits } from './limits';
import type { Span } from './frontmatter-fence';
import { parsePlainYaml } from './yaml-plain-path';
import { escapeSegment } from '../text/json-pointer';

/**
 * Parses frontmatter YAML with source ranges and without the parser's unsafe defaults:
 * YAML 1.2 core schema, no YAML 1.1 tags resolved (no silent Buffer/Set/Date), no quadratic
 * duplicate-key check (done here in one pass), nesting depth measured on the token stream before
 * composing (deep nesting can abort V8 in the composer), aliases expanded within a node budget.
 */

export type YamlProblemCode = 'syntax' | 'too-large' | 'too-deep' | 'too-many-nodes' | 'duplicate-key' | 'not-a-mapping' | 'multiple-documents';

export interface YamlProblem {
  readonly code: YamlProblemCode;
  readonly message: string;
  /** Offsets in the whole document text. */
  readonly span: Span;
  /** `duplicate-key`: the key repeated (its second occurrence is the span). */
  readonly key?: string;
}

/** Where a value sits: the key that names it (absent for the root and list items) and the value. */
export interface NodeLocation {
  readonly key?: Span;
  readonly value: Span;
}

export interface ParsedYaml {
  /** Plain data: objects without a prototype, arrays, strings, numbers, booleans, null. */
  readonly data: Record<string, unknown> | undefined;
  readonly problems: readonly YamlProblem[];
  /** JSON Pointer (as ajv's instancePath writes it, '' for the root) → source location. */
  readonly locations: ReadonlyMap<string, NodeLocation>;
}

const COMPOSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  merge: false,
};

export function parseYamlFrontmatter(text: string, content: Span, limits: Limits): ParsedYaml {
  // Ordinary frontmatter takes the plain path (a tenth of the cost); anything else, yaml.
  if (content.end - content.start <= limits.maxFrontmatterBytes) {
    const plain = parsePlainYaml(text.slice(content.start, content.end), content.start, limits.maxFrontmatterDepth, limits.maxYamlNodes);
    if (plain) return { data: plain.data, problems: [], locations: plain.locations };
  }
  return parseYamlWithLibrary(text, content, limits);
}

/** The full YAML path, through the `yaml` library: every shape, every error. */
export function parseYamlWithLibrary(text: string, content: Span, limits: Limits): ParsedYaml {
  const locations = new Map<string, NodeLocation>();
  // yaml breaks lines at \n only; a lone \r (classic Mac files) ends a line too, as in LineIndex.
  // Same length, so every offset still points into the document text.
  const source = text.slice(content.start, content.end).replace(/\r(?!\n)/g, '\n');
  const whole = { start: content.start, end: content.end };
  if (source.length > limits.maxFrontmatterBytes) {
    return fail('too-large', `The frontmatter is ${source.length} characters; Legible reads at most ${limits.maxFrontmatterBytes}. Is this really metadata?`, whole);
  }
  const tokens = Array.from(new Parser().parse(source));
  const tooDeep = tooDeepAt(tokens, limits.maxFrontmatterDepth);
  if (tooDeep !== undefined) {
    // On the line where the nesting passes the limit: in a long frontmatter that is what to look at.
    const lineEnd = source.slice(tooDeep).search(/[\r\n]/);
    const span = { start: content.start + tooDeep, end: content.start + (lineEnd < 0 ? source.length : tooDeep + lineEnd) };
    return fail('too-deep', `The frontmatter nests deeper than ${limits.maxFrontmatterDepth} levels; Legible does not read it.`, clamp(span, content));
  }
  const docs = Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens, true, source.length)) as Document.Parsed[];
  const problems: YamlProblem[] = [];
  const shift = (pos: readonly [number, number]): Span => ({ start: content.start + pos[0], end: content.start + Math.max(pos[0] + 1, pos[1]) });
  const doc = docs[0];
  if (!doc) return { data: undefined, problems: [], locations };
  for (const error of [...doc.errors, ...doc.warnings]) {
    // yaml reports a missing closing quote where the text ends; the author needs the quote that opened.
    const opened = error.code === 'MISSING_CHAR' ? unclosedQuoteBefore(tokens, error.pos[0]) : undefined;
    problems.push({ code: 'syntax', message: cleanMessage(error.message), span: clamp(shift(opened ?? error.pos), content) });
  }
  if (docs.length > 1) {
    const start = docs[1].range[0];
    problems.push({ code: 'multiple-documents', message: 'The frontmatter holds more than one YAML document; only the first is read.', span: clamp(shift([start, start + 3]), content) });
  }
  if (doc.errors.length) return { data: undefined, problems, locations };
  const converter = new Converter(doc, content.start, limits.maxYamlNodes, locations, problems);
  let data: unknown;
  try {
    data = converter.convert(doc.contents as YamlNode | null, '', undefined);
    converter.summarizeDuplicates();
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    // On the alias (or the value) that passes the budget: the line to look at in a long frontmatter.
    const at = converter.overflowAt ? clamp(converter.overflowAt, content) : whole;
    const viaAlias = converter.overflowAt !== undefined && source[converter.overflowAt.start - content.start] === '*';
    return fail('too-many-nodes', `The frontmatter expands to more than ${limits.maxYamlNodes} values${viaAlias ? ' once this alias is expanded' : ''}; Legible does not read it. Is this really metadata?`, at);
  }
  if (data === null || data === undefined || converter.unresolved) return { data: undefined, problems, locations };
  if (typeof data !== 'object' || Array.isArray(data)) {
    const node = doc.contents as YamlNode | null;
    const span = node?.range ? shift([node.range[0], node.range[1]]) : whole;
    problems.push({ code: 'not-a-mapping', message: 'The frontmatter must be a mapping of keys to values (`type: adr`, `title: …`), not a single value or a list.', span });
    return { data: undefined, problems, locations };
  }
  return { data: data as Record<string, unknown>, problems, locations };

  function fail(code: YamlProblemCode, message: string, span: Span): ParsedYaml {
    return { data: undefined, problems: [{ code, message, span }], locations };
  }
}

function clamp(span: Span, within: Span): Span {
  const start = Math.min(Math.max(span.start, within.start), Math.max(within.start, within.end - 1));
  return { start, end: Math.max(start + 1, Math.min(span.end, Math.max(within.end, start + 1))) };
}

function cleanMessage(message: string): string {
  // yaml appends "at line X, column Y" in the frontmatter's own numbering; our range carries the real one.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

class BudgetExceeded extends Error {}

interface CstToken {
  type: string;
  offset?: number;
  value?: unknown;
  items?: Array<{ key?: unknown; value?: unknown; sep?: unknown; start?: unknown }>;
}

/**
 * Where the collection nesting in the CST first passes `limit` (the offset in the source of the
 * earliest collection too deep), or undefined. Walked with an explicit stack: no recursion to overflow.
 */
function tooDeepAt(tokens: readonly unknown[], limit: number): number | undefined {
  let first: number | undefined;
  const stack: Array<[CstToken, number]> = tokens.map((t) => [t as CstToken, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token || typeof token !== 'object') continue;
    const isCollection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const here = isCollection ? depth + 1 : depth;
    if (here > limit) {
      // Its children are deeper still, and further on: no need to walk them.
      if (typeof token.offset === 'number' && (first === undefined || token.offset < first)) first = token.offset;
      continue;
    }
    if (token.type === 'document' && token.value) stack.push([token.value as CstToken, here]);
    for (const item of token.items ?? []) {
      if (item.key && typeof item.key === 'object') stack.push([item.key as CstToken, here]);
      if (item.value && typeof item.value === 'object') stack.push([item.value as CstToken, here]);
    }
  }
  return first;
}

interface ScalarToken {
  type: string;
  offset?: number;
  source?: string;
}

/** The first line of the last quoted scalar that starts before `at` and never closes, if any. */
function unclosedQuoteBefore(tokens: readonly unknown[], at: number): [number, number] | undefined {
  let found: [number, number] | undefined;
  const stack = [...tokens] as CstToken[];
  while (stack.length) {
    const token = stack.pop() as (CstToken & ScalarToken) | undefined;
    if (!token || typeof token !== 'object') continue;
    const quote = token.type === 'double-quoted-scalar' ? '"' : token.type === 'single-quoted-scalar' ? "'" : undefined;
    if (quote && typeof token.offset === 'number' && typeof token.source === 'string' && token.offset <= at && !closes(token.source, quote)) {
      const lineEnd = token.source.search(/[\r\n]/);
      if (!found || token.offset > found[0]) found = [token.offset, token.offset + (lineEnd < 0 ? token.source.length : lineEnd)];
    }
    if (token.type === 'document' && token.value) stack.push(token.value as CstToken);
    for (const item of token.items ?? []) {
      if (item.key && typeof item.key === 'object') stack.push(item.key as CstToken);
      if (item.value && typeof item.value === 'object') stack.push(item.value as CstToken);
    }
  }
  return found;
}

function closes(source: string, quote: string): boolean {
  if (source.length < 2 || !source.endsWith(quote)) return false;
  if (quote === "'") return true; // '' inside is an escaped quote, and the source still ends with one
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Turns yaml nodes into plain data while recording every value's source location. */
/**
 * Repeated keys named one by one per document: 40,000 repeats must not become 40,000 diagnostics
 * (a Problems panel nobody reads, and a slow one); the rest are one summary.
 */
export const MAX_DUPLICATE_FINDINGS = 20;

class Converter {
  private budget: number;
  private duplicates = 0;
  private firstUnnamed: Span | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly offset: number,
    maxNodes: number,
    private readonly locations: Map<string, NodeLocation>,
    private readonly problems: YamlProblem[],
  ) {
    this.budget = maxNodes;
  }

  /** An alias named an anchor that does not exist: the frontmatter is not read. */
  unresolved = false;

  /** Where the budget ran out: the alias whose expansion passed it, or the node that did. */
  overflowAt: Span | undefined;
  /** The alias written in the document whose expansion is being converted. */
  private expanding: Span | undefined;

  convert(node: YamlNode | null | undefined, pointer: string, key: Span | undefined, viaAlias = false): unknown {
    if (--this.budget < 0) {
      this.overflowAt = this.expanding ?? (node?.range ? this.span(node.range) : key);
      throw new BudgetExceeded();
    }
    if (!viaAlias && node?.range) this.locations.set(pointer, { key, value: this.span(node.range) });
    else if (!viaAlias && key) this.locations.set(pointer, { key, value: { start: key.end, end: key.end } });
    if (!node) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target && !viaAlias && node.range) {
        // yaml leaves `*Fix` (no `&Fix` anywhere) as an alias to nothing: the value would silently be empty.
        this.problems.push({ code: 'syntax', message: `The alias *${node.source} names no anchor (&${node.source}).`, span: this.span(node.range) });
        this.unresolved = true;
      }
      const outermost = !viaAlias && node.range !== undefined;
      if (outermost) this.expanding = this.span(node.range!);
      const value = target ? this.convert(target as YamlNode, pointer, key, true) : null;
      if (outermost) this.expanding = undefined;
      return value;
    }
    if (isScalar(node)) return node.value ?? null;
    if (isSeq(node)) {
      return node.items.map((item, i) => this.convert(item as YamlNode, viaAlias ? '\0' : `${pointer}/${i}`, undefined, viaAlias));
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const name = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
        const keySpan = keyNode?.range ? this.span(keyNode.range) : undefined;
        if (seen.has(name) && !viaAlias && keySpan) {
          this.duplicate(name, keySpan);
          continue;
        }
        seen.add(name);
        out[name] = this.convert(pair.value as YamlNode | null, viaAlias ? '\0' : `${pointer}/${escapeSegment(name)}`, keySpan, viaAlias);
      }
      return out;
    }
    return null;
  }

  /** Names the first repeated keys one by one; the rest are one summary (see summarizeDuplicates). */
  private duplicate(name: string, span: Span): void {
    if (++this.duplicates <= MAX_DUPLICATE_FINDINGS) {
      this.problems.push({ code: 'duplicate-key', message: `The key \`${name}\` appears twice; which value is meant?`, span, key: name });
    } else this.firstUnnamed ??= span;
  }

  /** One problem for the repeated keys past the first MAX_DUPLICATE_FINDINGS, at the first of them. */
  summarizeDuplicates(): void {
    if (!this.firstUnnamed) return;
    const rest = this.duplicates - MAX_DUPLICATE_FINDINGS;
    this.problems.push({ code: 'duplicate-key', message: `${rest} more repeated ${rest === 1 ? 'key' : 'keys'} from here on (only the first ${MAX_DUPLICATE_FINDINGS} are named one by one); which values are meant?`, span: this.firstUnnamed });
  }

  private span(range: readonly number[]): Span {
    return { start: this.offset + range[0], end: this.offset + Math.max(range[0], range[1]) };
  }
}
