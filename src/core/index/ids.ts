import { ID_PREFIX, RECORD_TYPES, type RecordType } from '../schema/schema-registry';

const ID = /^(?:(ADR|RFC|EXIT)-)?(\d{1,12})$/i;

/** Reads `0007`, `ADR-0007` or 7 (YAML reads `0007` as a number) into a number and a prefix. */
export function parseIdRef(raw: string | number): { raw: string; number?: number; prefix?: string } {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? { raw: String(raw), number: raw } : { raw: String(raw) };
  const match = ID.exec(raw.trim());
  return match ? { raw, number: Number(match[2]), prefix: match[1]?.toUpperCase() } : { raw };
}

export function typeOfPrefix(prefix: string): RecordType | undefined {
  return RECORD_TYPES.find((type) => ID_PREFIX[type] === prefix.toUpperCase());
}

/** `ADR-0007`: how a record is named in messages, the tree and references. */
export function formatId(type: RecordType, number: number | undefined, width = 4): string {
  return number === undefined ? ID_PREFIX[type] : `${ID_PREFIX[type]}-${String(number).padStart(width, '0')}`;
}
