import type { DecisionDocument } from './decision-document';
import { scalarText } from '../text/scalar-text';

/**
 * A record's `business-tradeoff` answers, by field, as written (trimmed; empty ones left out).
 * Not in the index: they are long texts that only a tooltip shows, so they are read when it opens.
 */
export function businessTradeoff(doc: DecisionDocument): Readonly<Record<string, string>> {
  const answers = doc.data?.['business-tradeoff'];
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return {};
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(answers)) {
    const text = scalarText(value);
    if (text !== undefined) out[field] = text;
  }
  return out;
}
