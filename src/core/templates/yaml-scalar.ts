import { parse, stringify } from 'yaml';

/**
 * A string written as a YAML scalar that reads back as exactly that string: plain when safe,
 * quoted when YAML would read it as something else (`0007`, `yes`, `Fix #42: yes`).
 */
export function yamlString(value: string): string {
  const plain = stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
  if (!plain.includes('\n') && readsBack(plain, value)) return plain;
  return JSON.stringify(value);
}

function readsBack(written: string, value: string): boolean {
  try {
    return parse(`v: ${written}`, { version: '1.2' })?.v === value;
  } catch {
    return false;
  }
}
