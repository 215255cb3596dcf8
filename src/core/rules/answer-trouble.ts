import type { DecisionDocument } from '../document/decision-document';
import type { Answer, Answers } from '../document/answers';
import type { Span } from '../parse/frontmatter-fence';
import type { YamlProblem } from '../parse/yaml-frontmatter';
import { childFields, fieldInfo } from '../schema/field-info';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import { plainTrouble } from '../templates/yaml-scalar';
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
 * The answer a YAML syntax error lies in, when that answer's own text causes it: the answer alone,
 * written plain, does not read back as its text. Undefined for errors of the structure (an
 * indentation, a duplicate key) and for lists and mappings, whose syntax the author meant.
 */
export function brokenAnswer(doc: DecisionDocument, answers: Answers, problem: YamlProblem): AnswerTrouble | undefined {
  if (problem.code !== 'syntax') return undefined;
  const answer = answers.at(doc.lines.position(problem.span.start).line);
  if (!answer) return undefined;
  const type = answers.recordType;
  const info = isRecordType(type) ? fieldInfo(type, answer.path.filter((segment) => !/^\d+$/.test(segment))) : undefined;
  if (info ? info.kind !== 'scalar' : /^[[{]/.test(answer.text)) return undefined;
  const reason = plainTrouble(answer.lines);
  return reason === undefined ? undefined : troubleOf(answer, reason, info?.prose ?? false);
}

function troubleOf(answer: Answer, reason: string, prose: boolean): AnswerTrouble {
  return { line: answer.line, path: answer.path, span: answer.span, reason, prose };
}

const PROSE_PATHS = new Map<RecordType, ReadonlyArray<readonly string[]>>();

/** The schema's prose fields of a record type (`x-prose`), as key paths: a few, computed once. */
function prosePaths(type: RecordType): ReadonlyArray<readonly string[]> {
  let paths = PROSE_PATHS.get(type);
  if (!paths) {
    const found: string[][] = [];
    const visit = (path: readonly string[], depth: number): void => {
      for (const info of depth < 4 ? childFields(type, path) : []) {
        if (info.prose) found.push([...path, info.name]);
        else if (info.kind === 'object') visit([...path, info.name], depth + 1);
      }
    };
    visit([], 0);
    paths = found;
    PROSE_PATHS.set(type, paths);
  }
  return paths;
}

/**
 * Prose answers that parse, but not as the text on their line: `mitigation: Fixes issue #42 first`
 * reads as "Fixes issue" (`#42 first` is a comment), `&`/`!` take the first word for an anchor or
 * a tag. A comment written as one (`# ` and a space, as in `level: high  # see runbook`) is left
 * alone. Only plain one-line values are checked: a few lookups per keystroke, no parse.
 */
export function lostAnswers(doc: DecisionDocument, type: RecordType): Array<AnswerTrouble & { readonly read: string }> {
  const out: Array<AnswerTrouble & { read: string }> = [];
  for (const path of prosePaths(type)) {
    const location = doc.yaml?.locations.get(pointerOf(path));
    const value = valueAt(doc.data, path);
    if (!location?.key || typeof value !== 'string' || /^["'|>]/.test(doc.text.charAt(location.value.start))) continue;
    const line = doc.lines.position(location.key.end).line;
    const lineEnd = doc.lines.lineEnd(line);
    if (location.value.end > lineEnd) continue;
    const after = /^[ \t]*:[ \t]*/.exec(doc.text.slice(location.key.end, lineEnd));
    if (!after) continue;
    const start = location.key.end + after[0].length;
    const dropsStart = location.value.start > start;
    const dropsEnd = /^[ \t]*#[^\s#]/.test(doc.text.slice(location.value.end, lineEnd));
    if (!dropsStart && !dropsEnd) continue;
    let end = lineEnd;
    while (end > start && (doc.text[end - 1] === ' ' || doc.text[end - 1] === '\t')) end--;
    const reason = plainTrouble([doc.text.slice(start, end)]) ?? 'is not read by YAML as it is written';
    out.push({ line, path, span: { start, end }, reason, prose: true, read: value });
  }
  return out;
}
