import type { CodeRule } from './rule';

/**
 * A `governs` glob Legible never follows: absolute, with `..`, or one the glob compiler refuses
 * (see core/code/repository-globs.ts). An error of its own, not a `governs-matches-nothing`
 * warning: the glob is wrong as written, whatever the repository holds.
 */
export const governsGlobInvalid: CodeRule = {
  id: 'governs-glob-invalid',
  description: 'Every `governs` glob is repository-relative, stays inside the repository and compiles.',
  defaultSeverity: 'error',
  scope: 'code',
  check(context) {
    for (const record of context.code.governs.records.values()) {
      record.globs.forEach((glob, i) => {
        if (!glob.problem) return;
        context.report(record.path, {
          message: `\`governs[${i}]\` \`${glob.ref.glob}\` ${glob.problem}; it is never followed. Which code of the repository does this decision govern?`,
          range: glob.ref.range,
        });
      });
    }
  },
};
