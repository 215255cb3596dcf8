/**
 * A bound on how large RE2 compiles a pattern, read from its text in one pass, before RE2 sees it.
 * RE2 copies a counted repetition's body as many times as the count (`\p{L}{50}` is fifty copies
 * of a class of hundreds of ranges), and its time to compile, its first matches and its memory
 * all grow with that: a 40-character pattern can take seconds and exhaust the engine's fixed
 * heap. Weights: a literal 1, a class 2, a negated class or `.` 8 (their UTF-8 forms), a Unicode
 * property 400; a group weighs what it holds, alternatives add up, and `{n,m}` multiplies by its
 * largest count.
 */
export const MAX_PATTERN_SIZE = 2000;

export function patternSize(source: string): number {
  // Per open group: its weight so far, and the weight of its last atom (what a quantifier repeats).
  const frames: Array<{ total: number; last: number }> = [{ total: 0, last: 0 }];
  const atom = (weight: number) => {
    const frame = frames[frames.length - 1];
    frame.total += weight;
    frame.last = weight;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      i++;
      if (e === 'p' || e === 'P') {
        if (source[i + 1] === '{') i = Math.max(i, source.indexOf('}', i));
        atom(400);
      } else atom('DWS'.includes(e) ? 8 : 'dws'.includes(e) ? 2 : 1);
    } else if (c === '[') {
      let weight = source[i + 1] === '^' ? 8 : 2;
      for (i++; i < source.length && source[i] !== ']'; i++) {
        if (source[i] !== '\\') continue;
        i++;
        if (source[i] === 'p' || source[i] === 'P') weight = 400;
      }
      atom(weight);
    } else if (c === '.') atom(8);
    else if (c === '(') {
      frames.push({ total: 0, last: 0 });
      // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: the group's prefix is no atom.
      if (source[i + 1] === '?') {
        const name = source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!';
        i = name ? Math.max(i, source.indexOf('>', i)) : i + (source[i + 2] === '<' ? 3 : 2);
      }
    }
    else if (c === ')') {
      if (frames.length > 1) atom(frames.pop()!.total);
    } else if (c === '{' && /^\{\d{1,9}(?:,\d{0,9})?\}/.test(source.slice(i, i + 22))) {
      const close = source.indexOf('}', i);
      const counts = source.slice(i + 1, close).split(',');
      const most = Math.max(Number(counts[0]), counts.length > 1 ? (counts[1] === '' ? Number(counts[0]) + 1 : Number(counts[1])) : 0);
      const frame = frames[frames.length - 1];
      frame.total += frame.last * Math.max(0, most - 1);
      frame.last *= Math.max(1, most);
      i = close;
    } else if (c === '*' || c === '+' || c === '?' || c === '|' || c === '^' || c === '$') {
      // One more instruction around the atom, or none: weighed as its atom, already counted.
    } else atom(1);
  }
  while (frames.length > 1) atom(frames.pop()!.total);
  return frames[0].total;
}
