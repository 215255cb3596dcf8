import type { FileHistory } from './history';

/**
 * The degree-of-authorship model (Fritz et al., as calibrated by Avelino et al., 2016, "A novel
 * approach for estimating truck factors"): DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC),
 * FA 1 for the file's creator, DL the person's commits to the file, AC the commits of others.
 */
export function degreeOfAuthorship(firstAuthor: boolean, deliveries: number, othersChanges: number): number {
  return 3.293 + 1.098 * (firstAuthor ? 1 : 0) + 0.164 * deliveries - 0.321 * Math.log(1 + othersChanges);
}

/** An author has at least this absolute DOA… */
export const AUTHOR_DOA = 3.293;
/** …and at least this share of the file's highest DOA. */
export const AUTHOR_SHARE = 0.75;

export interface FileAuthors {
  /** Each person's DOA on the file (every person who changed it). */
  readonly doa: ReadonlyMap<string, number>;
  /** The persons who are authors of the file, highest DOA first. */
  readonly authors: readonly string[];
}

/**
 * The authors of one file, identities joined into persons first (two emails of one person are
 * one person's deliveries, and their commits are not "others'" changes).
 */
export function fileAuthors(file: FileHistory, personOf: (identity: string) => string): FileAuthors {
  // Most files have one identity (written by one person): no tally, no sort.
  let only: string | undefined;
  let identities = 0;
  for (const identity in file.by) {
    only = identity;
    if (++identities > 1) break;
  }
  if (identities === 1) {
    const person = personOf(only!);
    const dl = file.by[only!].d;
    const value = degreeOfAuthorship(person === personOf(file.creator), dl, file.changes - dl);
    return { doa: new Map([[person, value]]), authors: value >= AUTHOR_DOA ? [person] : [] };
  }
  const deliveries = new Map<string, number>();
  for (const [identity, work] of Object.entries(file.by)) {
    const person = personOf(identity);
    deliveries.set(person, (deliveries.get(person) ?? 0) + work.d);
  }
  const creator = personOf(file.creator);
  const doa = new Map<string, number>();
  let highest = -Infinity;
  for (const [person, dl] of deliveries) {
    const value = degreeOfAuthorship(person === creator, dl, file.changes - dl);
    doa.set(person, value);
    highest = Math.max(highest, value);
  }
  const authors = [...doa]
    .filter(([, value]) => value >= AUTHOR_DOA && value >= AUTHOR_SHARE * highest)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([person]) => person);
  return { doa, authors };
}
