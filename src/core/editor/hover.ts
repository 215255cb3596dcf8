import type { DecisionIndex } from '../index/decision-index';
import { parseIdRef } from '../index/ids';
import { isRecordType } from '../schema/schema-registry';
import type { Range } from '../text/position';
import { editorFieldInfo, escapeMarkdown, fieldMarkdown, valueDescription, valueSort } from './field-words';
import { frontmatterCursor } from './frontmatter-cursor';
import { governsGlobMarkdown, isGovernsCursor } from './governs-values';
import type { RegexEngine } from '../port/regex-engine';
import { recordSummaryMarkdown } from './record-summary';

/**
 * What hovering in the frontmatter shows: on a key, the field's title, question, necessity and
 * vocabulary; on a value of a closed vocabulary, that value's description; on a record id, the
 * record it names. The words come from the schemas and the index.
 */
export interface FrontmatterHover {
  readonly range: Range;
  /** Markdown. */
  readonly markdown: string;
}

export interface HoverOptions {
  /** The document's path (as the index keys it): references resolve in its own folder first. */
  readonly path?: string;
  /** The repository's code files, repository-relative: a `governs` glob's hover counts its matches. */
  readonly codeFiles?: readonly string[];
  /** For a `governs` glob that needs the linear-time engine. */
  readonly regexEngine?: RegexEngine;
  /**
   * A person named in the frontmatter (holders, successors, owners, deciders): their evidence for
   * this record from the history, as Markdown, where the front-end has it (see LiveEvidence).
   */
  readonly personEvidence?: (name: string) => string | undefined;
}

export function hoverAt(text: string, offset: number, index: DecisionIndex, options: HoverOptions = {}): FrontmatterHover | undefined {
  const cursor = frontmatterCursor(text, offset);
  if (!cursor) return undefined;
  const type = isRecordType(cursor.recordType) ? cursor.recordType : undefined;
  if (cursor.kind === 'key') {
    if (!cursor.hasColon) return undefined;
    const info = editorFieldInfo(type, [...cursor.path, cursor.key]);
    return info && { range: cursor.range, markdown: fieldMarkdown(info) };
  }
  const word = cursor.word.trim();
  if (!word) return undefined;
  if (isGovernsCursor(cursor) && options.codeFiles) {
    const written = (options.path ? index.get(options.path)?.governs : undefined)?.map((ref) => ref.glob);
    const globs = written?.includes(word) ? written : [...cursor.items, word];
    return { range: cursor.range, markdown: governsGlobMarkdown(word, globs, options.codeFiles, options.regexEngine) };
  }
  const info = editorFieldInfo(type, [...cursor.path, cursor.key]);
  if (!info) return undefined;
  if (info.enum?.length) {
    const description = valueDescription(info, word);
    if (description === undefined) return undefined;
    const title = escapeMarkdown(info.title ?? info.name);
    return { range: cursor.range, markdown: `**${title}**: \`${word}\`${description ? ` — ${escapeMarkdown(description)}` : ''}` };
  }
  const sort = valueSort(info);
  if (sort === 'person') {
    const evidence = options.personEvidence?.(word);
    return evidence ? { range: cursor.range, markdown: evidence } : undefined;
  }
  if (sort !== 'id') return undefined;
  const ref = parseIdRef(word);
  if (ref.number === undefined) return undefined;
  const from = options.path ? index.get(options.path) : undefined;
  const found = index.resolve(ref, from).filter((entry) => entry.path !== options.path);
  if (!found.length) return { range: cursor.range, markdown: `\`${word.replace(/`/g, "'")}\`: no record with this id.` };
  return { range: cursor.range, markdown: found.map(recordSummaryMarkdown).join('\n\n---\n\n') };
}
