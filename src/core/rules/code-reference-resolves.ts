import { citedRecords } from '../code/cited-records';
import { joinPath } from '../port/paths';
import type { CodeRule } from './rule';

/** Code citing an id no record has: a typo, a record deleted or renumbered, or one never written. */
export const codeReferenceResolves: CodeRule = {
  id: 'code-reference-resolves',
  description: 'Every record id cited in code (ADR-0007) names a record.',
  defaultSeverity: 'error',
  scope: 'code',
  check(context) {
    const { index, code } = context;
    for (const [file, found] of code.citations) {
      for (const citation of found.citations) {
        if (citedRecords(index, citation).length) continue;
        context.report(joinPath(code.root, file), {
          message: `cites ${citation.raw}, which no record has: which decision does this code follow?`,
          range: citation.range,
        });
      }
    }
  },
};
