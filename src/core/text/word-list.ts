/** "a", "a and b", "a, b and c": how messages name several people, files or records. */
export function listAnd(items: readonly string[]): string {
  return joined(items, 'and');
}

/** "a", "a or b", "a, b or c": how messages name the values or commands to choose from. */
export function listOr(items: readonly string[]): string {
  return joined(items, 'or');
}

function joined(items: readonly string[], word: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
