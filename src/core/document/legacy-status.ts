import { statusesOf } from '../schema/statuses';

/**
 * The one mapping from the status words other tools write to Legible's vocabulary, applied when a
 * legacy record is read: the index, `list`, the tree and `legible migrate` all see the same word,
 * so a record's status is the same before and after migration. A word with no counterpart (MADR's
 * "on hold", an RFC "postponed") is kept as written and reported, never guessed.
 */

/** Words of other processes, per type, that mean one of Legible's statuses. */
const SYNONYMS: Readonly<Record<'adr' | 'rfc', Readonly<Record<string, string>>>> = {
  adr: {
    approved: 'accepted',
    adopted: 'accepted',
    agreed: 'accepted',
    decided: 'accepted',
    active: 'accepted',
    implemented: 'accepted',
    done: 'accepted',
    draft: 'proposed',
    proposal: 'proposed',
    open: 'proposed',
    pending: 'proposed',
    'in review': 'proposed',
    'under review': 'proposed',
    'in discussion': 'proposed',
    'under discussion': 'proposed',
    review: 'proposed',
    declined: 'rejected',
    refused: 'rejected',
    obsolete: 'deprecated',
    retired: 'deprecated',
    replaced: 'superseded',
    // adr-tools' own spelling ("Superceded by [3. …](0003-….md)").
    superceded: 'superseded',
  },
  rfc: {
    proposed: 'review',
    proposal: 'draft',
    open: 'review',
    'in review': 'review',
    'under review': 'review',
    'final comment period': 'review',
    fcp: 'review',
    approved: 'accepted',
    active: 'accepted',
    merged: 'accepted',
    final: 'accepted',
    declined: 'rejected',
    closed: 'rejected',
    abandoned: 'withdrawn',
    retracted: 'withdrawn',
    done: 'implemented',
    completed: 'implemented',
    stabilized: 'implemented',
    shipped: 'implemented',
    replaced: 'superseded',
    superceded: 'superseded',
  },
};

/** Status words that are not Legible's but that a prose status may start with (kept as written). */
const OTHER_WORDS = ['on hold', 'postponed', 'in progress', 'deferred', 'experimental', 'unknown', 'unresolved'];

export interface MappedStatus {
  /** The type's word when the status maps onto it, else the word as written (lower-cased). */
  readonly status: string;
  readonly inVocabulary: boolean;
}

/**
 * Maps a status word to the vocabulary of `type`, by the folder's own mapping (`.legible.json`
 * `statuses`) first, then Legible's synonyms.
 */
export function mapLegacyStatus(word: string, type: 'adr' | 'rfc', custom?: Readonly<Record<string, string>>): MappedStatus {
  const key = word.toLowerCase().replace(/\s+/g, ' ').trim();
  const vocabulary = statusesOf(type);
  if (vocabulary.includes(key)) return { status: key, inVocabulary: true };
  // Own keys only: a status written "constructor" is no mapping through the prototype.
  const own = custom && Object.prototype.hasOwnProperty.call(custom, key) ? custom[key] : undefined;
  if (own !== undefined && vocabulary.includes(own)) return { status: own, inVocabulary: true };
  const synonym = Object.prototype.hasOwnProperty.call(SYNONYMS[type], key) ? SYNONYMS[type][key] : undefined;
  return synonym ? { status: synonym, inVocabulary: true } : { status: key, inVocabulary: false };
}

/**
 * Every status word a prose status may open with, longest first ("under review" before
 * "review"), for splitting "Accepted. We revisit this in Q3" into the word and a note.
 */
export function knownStatusWords(custom?: Readonly<Record<string, string>>): readonly string[] {
  const words = new Set<string>([...OTHER_WORDS, ...Object.keys(custom ?? {}).map((w) => w.toLowerCase())]);
  for (const type of ['adr', 'rfc'] as const) {
    for (const word of statusesOf(type)) words.add(word);
    for (const word of Object.keys(SYNONYMS[type])) words.add(word);
  }
  return [...words].sort((a, b) => b.length - a.length);
}
