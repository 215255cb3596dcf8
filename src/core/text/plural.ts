/** `1 problem`, `2 problems`: a count with its noun, for labels, messages and screen readers alike. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
