import { governsRange, isLive } from '../evidence/record-evidence';
import type { EvidenceRule } from './rule';

/** The share of the governed files that makes an author a knowledge holder worth naming. */
const SHARE = 0.25;

/**
 * Someone the history shows as an author of a good part of the governed code (a quarter of the
 * files, by degree of authorship) whom the record names nowhere: an undeclared single point of
 * failure, or a holder the record forgot.
 */
export const undeclaredKnowledgeHolder: EvidenceRule = {
  id: 'undeclared-knowledge-holder',
  description: 'Every author of at least a quarter of the governed files is named in the record.',
  defaultSeverity: 'warning',
  scope: 'evidence',
  check(context) {
    for (const entry of context.index.entries()) {
      if (!isLive(entry) || !entry.governs?.length) continue;
      const record = context.records.of(entry);
      const authored = record.observed.people.filter((p) => p.authored > 0 && p.share >= SHARE);
      if (!authored.length) continue;
      const named = new Set([...entry.holders, ...entry.successors, ...entry.owners, ...entry.deciders].flatMap((name) => context.records.persons(name)));
      const withAuthors = record.observed.truckFactor.files;
      for (const person of authored) {
        if (named.has(person.person)) continue;
        context.report(entry.path, {
          message: `${person.name} is an author of ${person.authored} of the ${withAuthors} files \`governs\` matches (by their history) but is named nowhere in this record (holders, successors, owners, deciders): does ${person.name} hold knowledge of this decision?`,
          range: governsRange(entry),
        });
      }
    }
  },
};
