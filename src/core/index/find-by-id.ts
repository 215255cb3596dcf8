import { citedRecords } from '../code/cited-records';
import { CitationForms } from '../code/citations';
import type { DecisionEntry } from './decision-entry';
import type { DecisionIndex } from './decision-index';
import { displayId, readId } from './ids';

/** The longest id looked up: a file-name id (`use-postgres`) of a record without a number. */
const MAX_ID = 120;

/** True when `text` has the shape of a record id: `ADR-0007`, a folder's own `pay012`, or a file name's id (`use-postgres`). */
export function isRecordId(text: string): boolean {
  return text.length <= MAX_ID && /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$/.test(text);
}

/**
 * The records an id names, as a citation in code names them (`ADR-0007` the ADRs numbered 7,
 * `pay012` record 12 of the folder whose files start `pay`), else the records whose own id (a
 * file-name id, or the id they are shown by) is the text, without case.
 */
export function recordsById(index: DecisionIndex, text: string): DecisionEntry[] {
  const id = readId(text, 0);
  if (id && id.end === text.length && id.letters) {
    const cited = new CitationForms(index.entries()).cited(id.letters, id.dash);
    if (cited) {
      const found = citedRecords(index, { raw: text, number: Number(id.digits), ...cited, range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } } });
      if (found.length) return found;
    }
  }
  const lower = text.toLowerCase();
  return index.entries().filter((entry) => displayId(entry).toLowerCase() === lower || entry.id.toLowerCase() === lower);
}
