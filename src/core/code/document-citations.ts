import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { CitationForms, scanCitations, type Citation } from './citations';
import { citedRecords } from './cited-records';
import { MAX_CODE_FILE_BYTES } from './code-files';

/**
 * The record ids a code document cites, each with the records it names (none: a dangling id): what
 * an editor links and hovers. A bundle or data dump is not scanned, as lint does not scan it.
 */
export function documentCitations(text: string, index: DecisionIndex): Array<{ citation: Citation; records: DecisionEntry[] }> {
  if (text.length > MAX_CODE_FILE_BYTES) return [];
  const forms = new CitationForms(index.entries());
  if (forms.empty) return [];
  return scanCitations(text, forms).citations.map((citation) => ({ citation, records: citedRecords(index, citation) }));
}
