/**
 * A copy of a string that does not keep its source alive. V8 keeps a substring of 13 or more
 * characters as a view into its parent: an index entry holding a record's title would otherwise
 * hold the whole file text, and 10,000 entries some 100 MB of text nobody reads.
 */
export function detached(value: string): string {
  // A JSON round trip makes V8 copy the characters into a flat string of their own (a slice of a
  // copy would keep a second object, the view, for every string).
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}
