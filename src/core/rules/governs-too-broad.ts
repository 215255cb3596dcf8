import type { CodeRule } from './rule';

/** Below this many tracked files, half the repository is a handful of files: no finding. */
const MIN_FILES = 10;

/**
 * A `governs` glob matching more than half of the repository's tracked files (`**`, `*.ts`): a
 * decision that governs everything tells a reader of one file nothing. An `info` of its own rule,
 * so a repository can turn it off without losing `governs-matches-nothing`.
 */
export const governsTooBroad: CodeRule = {
  id: 'governs-too-broad',
  description: 'No `governs` glob matches more than half of the repository\'s tracked files.',
  defaultSeverity: 'info',
  scope: 'code',
  check(context) {
    const total = context.code.governs.fileCount;
    if (total < MIN_FILES) return;
    for (const record of context.code.governs.records.values()) {
      record.globs.forEach((glob, i) => {
        if (glob.problem || glob.exclude || glob.count * 2 <= total) return;
        context.report(record.path, {
          message: `\`governs[${i}]\` \`${glob.ref.glob}\` matches ${glob.count} of the repository's ${total} files: which code does this decision really govern?`,
          range: glob.ref.range,
        });
      });
    }
  },
};
