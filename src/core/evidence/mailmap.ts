/**
 * A `.mailmap` line git understands: `Proper Name <commit@email>`, `<proper@email> <commit@email>`,
 * `Proper Name <proper@email> <commit@email>` or `Proper Name <proper@email> Commit Name
 * <commit@email>`, a `#` comment after it, or a blank or comment line. Git skips any other line
 * without a word, so the commits it meant to join stay apart: Legible says which lines those are.
 */
const LINE = /^\s*(?:[^<>#]*<[^<>]*>\s*){1,2}(?:[^<>#]*<[^<>]*>\s*)?(?:#.*)?$/;

export interface MailmapProblem {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

export function mailmapProblems(text: string): MailmapProblem[] {
  const problems: MailmapProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!LINE.test(line) || (line.match(/</g)?.length ?? 0) > 2) problems.push({ line: i + 1, text: line.length > 80 ? `${line.slice(0, 80)}…` : line });
  });
  return problems;
}
