// CommonMark's fenced code blocks (spec 4.5), for the line scans that must know where one ends
// without parsing. Lines come with their indentation (at most 3 spaces) removed.

export interface Fence {
  readonly char: string;
  readonly length: number;
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;

/** The fence this line opens, if any: three or more backticks or tildes; a backtick fence's info string holds no backtick. */
export function fenceOpening(line: string): Fence | undefined {
  const match = FENCE.exec(line);
  if (!match || (match[1][0] === '`' && match[2].includes('`'))) return undefined;
  return { char: match[1][0], length: match[1].length };
}

/** Whether this line closes `fence`: the same character, at least as many, nothing after but spaces and tabs. */
export function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE.exec(line);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length && match[2].trim() === '';
}
