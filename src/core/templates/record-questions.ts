import { displayPath, fieldInfo } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';

/**
 * What New ADR / New RFC ask before the record is written, after its title: the judgments only a
 * person can make, each a closed vocabulary picked from a list with the meaning of every value (as
 * Set Status does). The answers decide which other fields the record needs (a one-way door needs a
 * way back, a high risk a mitigation), so the template asks for exactly those.
 */
export interface RecordQuestion {
  /** Dotted path of the field (`risk.level`): the key of its answer. */
  readonly key: string;
  readonly path: readonly string[];
  /** The field's title (`Risk level`). */
  readonly title: string;
  /** The question the field answers, from the schema. */
  readonly question: string;
  readonly choices: readonly { readonly value: string; readonly description?: string }[];
}

/** Answers by dotted path (`{ 'reversibility.door': 'one-way' }`). */
export type Answers = Readonly<Record<string, string>>;

/** The door, the risk level and the blast radius, in that order: asked when the type's schema has them as closed vocabularies. */
const ASKED: readonly (readonly string[])[] = [
  ['reversibility', 'door'],
  ['risk', 'level'],
  ['risk', 'blast-radius'],
];

export function recordQuestions(type: RecordType): RecordQuestion[] {
  return ASKED.flatMap((path) => {
    const info = fieldInfo(type, path);
    if (!info?.enum?.length || info.kind !== 'scalar') return [];
    return [
      {
        key: displayPath(path),
        path,
        title: info.title ?? displayPath(path),
        question: info.description ?? `What is ${displayPath(path)}?`,
        choices: info.enum.map((value, i) => ({ value: String(value), description: info.enumDescriptions?.[i] })),
      },
    ];
  });
}

/**
 * Why the answers cannot be written, if they cannot: a key that is not one of the type's questions,
 * or a value outside its vocabulary. Undefined when every answer is one of its choices.
 */
export function answersProblem(type: RecordType, answers: Answers): string | undefined {
  const questions = recordQuestions(type);
  for (const [key, value] of Object.entries(answers)) {
    const question = questions.find((q) => q.key === key);
    if (!question) return `\`${key}\` is not asked of a new ${type}; the questions are ${questions.map((q) => `\`${q.key}\``).join(', ') || 'none'}.`;
    if (!question.choices.some((c) => c.value === value)) return `\`${key}\` cannot be "${value}". ${question.question} (${question.choices.map((c) => c.value).join(', ')})`;
  }
  return undefined;
}
