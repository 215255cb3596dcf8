/** Edit distance, for "did you mean" suggestions on closed vocabularies. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** Candidates close enough to `value` to be what was meant, best first. */
export function nearest(value: string, candidates: readonly string[]): string[] {
  const needle = value.trim().toLowerCase();
  return candidates
    .map((candidate) => {
      const c = candidate.toLowerCase();
      const distance = c.startsWith(needle) && needle.length >= 2 ? 0.5 : editDistance(needle, c);
      return { candidate, distance };
    })
    .filter(({ candidate, distance }) => distance <= Math.max(1, Math.floor(candidate.length / 3)))
    .sort((x, y) => x.distance - y.distance)
    .map(({ candidate }) => candidate);
}
