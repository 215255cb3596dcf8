// CommonMark's fenced code blocks (spec 4.5), for the line scans that must know where one ends
// without parsing. Lines come with their indentation (at most 3 spaces) removed.

export interface Fence {
  readonly char: string;
  readonly length: number;
}

/**
 * The run of three or more backticks or tildes a line starts with, and what follows it. A loop:
 * `^(`{3,}|~{3,})(.*)$` backtracked through the whole run when the rest held a U+2028, which
 * `.` does not match (quadratic on a long line of backticks).
 */
function fenceRun(line: string): { char: string; length: number; rest: string } | undefined {
  const c = line.charCodeAt(0);
  if (c !== 96 /* ` */ && c !== 126 /* ~ */) return undefined;
  let length = 1;
  while (length < line.length && line.charCodeAt(length) === c) length++;
  return length >= 3 ? { char: line[0], length, rest: line.slice(length) } : undefined;
}

/** The fence this line opens, if any: three or more backticks or tildes; a backtick fence's info string holds no backtick. */
export function fenceOpening(line: string): Fence | undefined {
  const run = fenceRun(line);
  if (!run || (run.char === '`' && run.rest.includes('`'))) return undefined;
  return { char: run.char, length: run.length };
}

/** Whether this line closes `fence`: the same character, at least as many, nothing after but spaces and tabs. */
export function closesFence(line: string, fence: Fence): boolean {
  const run = fenceRun(line);
  if (run === undefined || run.char !== fence.char || run.length < fence.length) return false;
  // Spaces and tabs only (`trim` would take a U+2028 for a blank, CommonMark does not).
  for (let i = 0; i < run.rest.length; i++) if (run.rest.charCodeAt(i) !== 32 && run.rest.charCodeAt(i) !== 9) return false;
  return true;
}
