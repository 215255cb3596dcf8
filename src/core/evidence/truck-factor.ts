/**
 * The truck factor by the greedy heuristic of Avelino et al. (2016): take away the person who is
 * an author of the most files, again and again, until more than half of the files have no author
 * left; the truck factor is how many were taken. Files no one is an author of are left out of the
 * count. The paper's tool (aserg-ufmg/Truck-Factor, GreedyTruckFactor) keeps them as uncovered from
 * the start. Here most authorless files are ones whose history lies outside what was read (the
 * bounded log) or only in bulk commits left out by `maxFilesPerCommit`: counting those as already
 * orphaned would report a truck factor of 0 for code nobody has been measured on, not code nobody
 * knows. The cost: a file that many people each changed a little (no one's DOA reaches 3.293),
 * which the paper's tool counts as known by no one, does not lower the truck factor here.
 */
export interface TruckFactor {
  readonly value: number;
  /** The persons taken, in order: the ones whose leaving orphans the code. */
  readonly people: readonly string[];
  /** Files counted (those with at least one author). */
  readonly files: number;
}

export function truckFactor(authorsByFile: Iterable<readonly string[]>): TruckFactor {
  // The files some author not yet taken still holds; a file leaves when its last author is taken.
  let held: (readonly string[])[] = [];
  for (const authors of authorsByFile) if (authors.length) held.push(authors.length > 1 ? [...new Set(authors)] : authors);
  const total = held.length;
  const taken: string[] = [];
  const gone = new Set<string>();
  while ((total - held.length) * 2 <= total && total > 0) {
    const counts = new Map<string, number>();
    for (const authors of held) for (const person of authors) if (!gone.has(person)) counts.set(person, (counts.get(person) ?? 0) + 1);
    // The top author; ties go to the name first in order, so the answer never depends on Map order.
    let top: string | undefined;
    let most = 0;
    for (const [person, count] of counts) if (count > most || (count === most && top !== undefined && person < top)) [top, most] = [person, count];
    if (top === undefined) break;
    taken.push(top);
    gone.add(top);
    held = held.filter((authors) => authors.some((person) => !gone.has(person)));
  }
  return { value: taken.length, people: taken, files: total };
}
