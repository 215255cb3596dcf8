import { Schema, isScalar } from 'yaml';

/**
 * The one-line pieces of the frontmatter plain path (yaml-plain-path.ts): plain and quoted scalars,
 * flow lists, and the core-schema meaning of a plain value. Each one calls `bail()` on anything
 * beyond what it reads exactly as yaml does, and the plain path then hands the whole frontmatter to yaml.
 */

// Plain scalars resolve through yaml's own YAML 1.2 core tags (null, bool, int, float), so a value
// means here exactly what it means on the yaml path: `0007` is 7, `no` is a string. Built on the
// first plain value, not on import (activation).
function buildCoreTags() {
  return new Schema({ schema: 'core', customTags: [], resolveKnownTags: false }).tags.filter(
    (tag): tag is typeof tag & { test: RegExp; resolve: (value: string, onError: (message: string) => void, options: object) => unknown } =>
      Boolean(tag.default) && 'test' in tag && tag.test instanceof RegExp,
  );
}
let coreTags: ReturnType<typeof buildCoreTags> | undefined;
const RESOLVE_OPTIONS = { intAsBigInt: false };

class Unsupported extends Error {}
export const UNSUPPORTED = new Unsupported();

export function bail(): never {
  throw UNSUPPORTED;
}

export interface Parsed {
  readonly value: unknown;
  /** [start, end] in the source, as yaml's range[0] and range[1]. */
  readonly range: readonly [number, number];
  /** Where the node ends with its trailing newline (yaml's range[2]). */
  readonly nodeEnd: number;
}

/** After a value: only spaces or a comment may follow on its line. Returns the node's end. */
export function lineRest(source: string, from: number, lineEnd: number): number {
  let i = from;
  while (i < lineEnd && source[i] === ' ') i++;
  if (i < lineEnd) bail(); // comments after values: yaml's ranges there are left to yaml
  return Math.min(lineEnd + 1, source.length);
}

/** Where a one-line plain scalar ends; bail on anything that would make it more than that. */
export function plainEnd(source: string, at: number, lineEnd: number, flow: boolean): number {
  const first = source[at];
  const next = source[at + 1];
  if ('[]{}#&*!|>\'"%@`,'.includes(first)) bail();
  if ((first === '-' || first === '?' || first === ':') && (at + 1 >= lineEnd || next === ' ')) bail();
  let end = at;
  for (let i = at; i < lineEnd; i++) {
    const ch = source[i];
    if (ch === ':' && (i + 1 === lineEnd || source[i + 1] === ' ' || flow)) bail();
    if (ch === '#' && source[i - 1] === ' ') bail();
    if (flow && (ch === ',' || ch === ']')) return end;
    if (flow && (ch === '[' || ch === '{' || ch === '}')) bail();
    if (ch !== ' ') end = i + 1;
  }
  if (flow) bail();
  return end;
}

/** A one-line quoted scalar starting at `at`: its value and where it ends (after the quote). */
export function quotedScalar(source: string, at: number, lineEnd: number): { value: string; end: number } {
  const quote = source[at];
  let value = '';
  for (let i = at + 1; i < lineEnd; i++) {
    const ch = source[i];
    if (quote === '"' && ch === '\\') bail(); // escapes: yaml decodes them
    if (ch === quote) {
      if (quote === "'" && source[i + 1] === "'") {
        value += "'";
        i++;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
  }
  return bail();
}

/** `[a, "b", c]` on one line. */
export function flowSeq(source: string, at: number, lineEnd: number): Parsed {
  const items: Array<{ value: unknown; range: [number, number] }> = [];
  let i = at + 1;
  for (;;) {
    while (i < lineEnd && source[i] === ' ') i++;
    if (i >= lineEnd) bail();
    if (source[i] === ']' && items.length === 0) break;
    const c = source[i];
    let item: { value: unknown; range: [number, number] };
    if (c === '"' || c === "'") {
      const quoted = quotedScalar(source, i, lineEnd);
      item = { value: quoted.value, range: [i, quoted.end] };
      i = quoted.end;
    } else {
      const end = plainEnd(source, i, lineEnd, true);
      if (end === i) bail();
      item = { value: resolvePlain(source.slice(i, end)), range: [i, end] };
      i = end;
    }
    items.push(item);
    while (i < lineEnd && source[i] === ' ') i++;
    if (source[i] === ',') {
      i++;
      continue;
    }
    if (source[i] === ']') break;
    bail();
  }
  const end = i + 1;
  const nodeEnd = lineRest(source, end, lineEnd);
  // Items are located by the caller's pointer; keep their ranges for it.
  return new FlowSeq(items, [at, end], nodeEnd);
}

/** A flow sequence's value; its items' ranges ride along for the locations map. */
export class FlowSeq implements Parsed {
  readonly value: unknown[];
  constructor(
    readonly items: ReadonlyArray<{ value: unknown; range: [number, number] }>,
    readonly range: readonly [number, number],
    readonly nodeEnd: number,
  ) {
    this.value = items.map((item) => item.value);
  }
}

export function resolvePlain(text: string): unknown {
  for (const tag of (coreTags ??= buildCoreTags())) {
    if (!tag.test.test(text)) continue;
    const resolved = tag.resolve(text, bail, RESOLVE_OPTIONS);
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return text;
}
