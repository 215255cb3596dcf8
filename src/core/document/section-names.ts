/** "2. Context and Problem Statement" satisfies "Context": numbering and elaboration are the author's. */
export function sectionKey(text: string): string {
  return text.toLowerCase().replace(/^[\d.\s]+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** True when a heading (as a section key) satisfies the wanted section (as a key). */
export function satisfiesSection(present: string, wanted: string): boolean {
  return present === wanted || present.startsWith(`${wanted} `);
}
