import { citedRecords, ENDED_STATUSES, soleSuccessor, successorIds } from '../code/cited-records';
import { displayId } from '../index/ids';
import { joinPath } from '../port/paths';
import { refOf } from '../report/knowledge-risk';
import type { CodeRule } from './rule';

/**
 * Code citing a record that is no longer in force (superseded, deprecated, rejected, withdrawn):
 * the code says it follows a decision that was replaced or never taken. Reported at the citation,
 * in the code file. A citation that names several records (one number in two folders) is
 * reported only when none of them is in force.
 */
export const codeCitesSuperseded: CodeRule = {
  id: 'code-cites-superseded',
  description: 'Code cites no record that is superseded, deprecated, rejected or withdrawn.',
  defaultSeverity: 'warning',
  scope: 'code',
  check(context) {
    const { index, code } = context;
    for (const [file, found] of code.citations) {
      for (const citation of found.citations) {
        const records = citedRecords(index, citation);
        if (!records.length || !records.every((entry) => entry.status && ENDED_STATUSES.has(entry.status))) continue;
        const entry = records[0];
        const successors = successorIds(index, entry);
        const successor = soleSuccessor(index, entry);
        const status = successors ? `${entry.status} by ${successors}` : entry.status;
        context.report(joinPath(code.root, file), {
          message: `cites ${citation.raw}, ${status}: does this code still follow it, or ${successors ? 'the record that replaced it' : 'no decision at all'}?`,
          range: citation.range,
          related: records.map((record) => ({ path: record.path, range: record.statusRange ?? record.anchor, message: `${refOf(record).id} is ${record.status}` })),
          // One successor in force: offered (never applied unasked: whether the code follows it is the question).
          ...(successor && { fix: { kind: 'cite-successor' as const, id: displayId(successor) } }),
        });
      }
    }
  },
};
