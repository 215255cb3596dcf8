import type { DecisionDocument } from '../document/decision-document';
import type { Answer, Answers } from '../document/answers';
import type { Span } from '../parse/frontmatter-fence';
import type { YamlProblem } from '../parse/yaml-frontmatter';
import { childFields, fieldInfo } from '../schema/field-info';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import { breaksPlain, plainTrouble } from '../templates/yaml-scalar';
import { pointerOf } from '../text/json-pointer';
import { valueAt } from '../fixes/frontmatter-edits';

/**
 * Sentences YAML does not read as the text the author typed: an answer whose own characters (`: `,
 * a leading `-`, a quote that closes too early…) break the frontmatter, and a prose answer that
 * parses but loses its end (` #` starts a comment) or its first word (`&`, `!`). Found from the
 * text, said in a writer's words; the write-as-text fix rewrites them.
 */
export interface AnswerTrouble {
  /** The document line of the answer's key: what the write-as-text fix needs. */
  readonly line: number;
  readonly path: readonly string[];
  /** The answer's text, where the finding goes. */
  readonly span: Span;
  /** Why YAML does not read it as written (`contains ': ', which YAML reads as…`). */
  readonly reason: string;
  /** The schema calls the field prose: a folded block is the fix to prefer, as templates write it. */
  readonly prose: boolean;
}

/**
 * The answers whose own text breaks the YAML, once each, in order: the answer a syntax error lies
 * in, and — as an error may surface lines further on (`reduces-risk: [draft] …` leaves a list open)
 * — every answer of a field the schema calls a single value. An answer is broken when, written
 * plain on its own, it does not read back as its text. Lists and mappings, whose syntax the author
 * meant, and errors of the structure (an indentation, a tab) are left to YAML's words.
 */
export function brokenAnswers(doc: DecisionDocument, answers: Answers, problems: readonly YamlProblem[]): AnswerTrouble[] {
  const type = isRecordType(answers.recordType) ? answers.recordType : undefined;
  const lines = new Set<number>();
  for (const problem of problems) if (problem.code === 'syntax') lines.add(doc.lines.position(problem.span.start).line);
  const found = new Map<number, AnswerTrouble>();
  const consider = (line: number, known: boolean): void => {
    const answer = answers.at(line);
    if (!answer || found.has(answer.line)) return;
    const info = type ? fieldInfo(type, answer.path.filter((segment) => !/^\d+$/.test(segment))) : undefined;
    if (info ? info.kind !== 'scalar' : known || /^[[{]/.test(answer.text)) return;
    // Not YAML on its own: `plan: 0012` reads as a number, which is the schema's to judge, not a break.
    if (!breaksPlain(answer.lines)) return;
    const reason = plainTrouble(answer.lines) ?? 'is not read by YAML as it is written';
    found.set(answer.line, troubleOf(answer, reason, info?.prose ?? false));
  };
  for (const line of lines) consider(line, false);
  if (type) for (const line of answers.keyLines()) consider(line, true);
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/** Whether a problem lies in one of the answers found broken (its key's line or a line that continues it). */
export function inBrokenAnswer(doc: DecisionDocument, answers: Answers, broken: readonly AnswerTrouble[], problem: YamlProblem): boolean {
  if (!broken.length) return false;
  const answer = answers.at(doc.lines.position(problem.span.start).line);
  return answer !== undefined && broken.some((trouble) => trouble.line === answer.line);
}

function troubleOf(answer: Answer, reason: string, prose: boolean): AnswerTrouble {
  return { line: answer.line, path: answer.path, span: answer.span, reason, prose };
}

interface ScalarField {
  readonly path: readonly string[];
  readonly pointer: string;
  readonly prose: boolean;
}

const SCALAR_PATHS = new Map<RecordType, readonly ScalarField[]>();

/** The schema's single-value fields of a record type, as key paths, prose ones marked: a few dozen, computed once. */
function scalarPaths(type: RecordType): readonly ScalarField[] {
  let paths = SCALAR_PATHS.get(type);
  if (!paths) {
    const found: ScalarField[] = [];
    const visit = (path: readonly string[], depth: number): void => {
      for (const info of depth < 4 ? childFields(type, path) : []) {
        if (info.kind === 'scalar') found.push({ path: [...path, info.name], pointer: pointerOf([...path, info.name]), prose: info.prose });
        else if (info.kind === 'object') visit([...path, info.name], depth + 1);
      }
    };
    visit([], 0);
    paths = found;
    SCALAR_PATHS.set(type, paths);
  }
  return paths;
}

/**
 * Answers that parse, but not as the text on their line: `&`/`*`-less anchors take the first word
 * of any single value (`title: &ops Runbook` reads "Runbook"), and in a prose answer `#` and a
 * word (`Fixes incident #42 first`) starts a comment that drops the rest. A comment written as one
 * (`# ` and a space, as in `level: high  # see runbook`), an anchor some alias uses and a core tag
 * (`!!str`) are the author's YAML. Only one-line plain values are checked: lookups, no parse.
 */
export function lostAnswers(doc: DecisionDocument, type: RecordType): Array<AnswerTrouble & { readonly read: string }> {
  const out: Array<AnswerTrouble & { read: string }> = [];
  const text = doc.text;
  // On every keystroke: character tests on the value's own line only (no line index, no regex
  // unless something follows the value or precedes it).
  for (const { path, pointer, prose } of scalarPaths(type)) {
    const location = doc.yaml?.locations.get(pointer);
    if (!location?.key) continue;
    const { start: valueStart, end: valueEnd } = location.value;
    const first = text.charCodeAt(valueStart);
    if (first === 34 || first === 39 || first === 124 || first === 62) continue; // " ' | >
    let lineEnd = location.key.end;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (valueEnd > lineEnd) continue;
    let start = location.key.end;
    while (start < valueStart && (text[start] === ' ' || text[start] === '\t' || text[start] === ':')) start++;
    const dropsStart = start < valueStart;
    let tail = valueEnd;
    while (tail < lineEnd && (text[tail] === ' ' || text[tail] === '\t')) tail++;
    const dropsEnd = prose && tail < lineEnd && /^#[^\s#]/.test(text.slice(tail, tail + 2));
    if (!dropsStart && !dropsEnd) continue;
    const value = valueAt(doc.data, path);
    if (typeof value !== 'string') continue;
    const before = text.slice(start, valueStart);
    const anchor = /^&([^\s,[\]{}]+)/.exec(before);
    if (!dropsEnd && (before.startsWith('!!') || (anchor && usedAlias(doc, anchor[1])))) continue;
    let end = lineEnd;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    const reason = plainTrouble([text.slice(start, end)]) ?? 'is not read by YAML as it is written';
    out.push({ line: doc.lines.position(location.key.end).line, path, span: { start, end }, reason, prose, read: value });
  }
  return out;
}

/** True when the frontmatter refers to the anchor (`*name`): then the anchor is meant. */
function usedAlias(doc: DecisionDocument, name: string): boolean {
  const block = doc.block;
  return block.kind === 'closed' && doc.text.slice(block.content.start, block.content.end).includes(`*${name}`);
}
