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
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const numbered = (name: string) => {
    let number = numbers.get(name);
    if (number === undefined) numbers.set(name, (number = names.push(name) - 1));
    return number;
  };
  return truckFactorOf(Array.from(authorsByFile, (authors) => authors.map(numbered)), names);
}

/**
 * The same over persons by number, `names[number]` being each one's name: Evidence.over's lists,
 * one per file of a decision that may hold 16,000, with no string or set per file.
 */
export function truckFactorOf(authorsByFile: Iterable<readonly number[]>, names: readonly string[]): TruckFactor {
  // The files some author not yet taken still holds; a file leaves when its last author is taken.
  let held: (readonly number[])[] = [];
  for (const authors of authorsByFile) if (authors.length) held.push(authors.length > 1 ? [...new Set(authors)] : authors);
  const total = held.length;
  const taken: string[] = [];
  const gone = new Uint8Array(names.length);
  const counts = new Int32Array(names.length);
  while ((total - held.length) * 2 <= total && total > 0) {
    counts.fill(0);
    for (const authors of held) for (const person of authors) if (!gone[person]) counts[person]++;
    // The top author; ties go to the name first in order, so the answer never depends on numbering.
    let top = -1;
    for (let person = 0; person < counts.length; person++) {
      const count = counts[person];
      if (count > 0 && (top < 0 || count > counts[top] || (count === counts[top] && names[person] < names[top]))) top = person;
    }
    if (top < 0) break;
    taken.push(names[top]);
    gone[top] = 1;
    held = held.filter((authors) => authors.some((person) => !gone[person]));
  }
  return { value: taken.length, people: taken, files: total };
}
