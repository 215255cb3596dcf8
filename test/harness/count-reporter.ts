// Mocha's spec reporter, plus a totals file for run-all: `mocha --reporter test/harness/count-reporter.ts`
// with LEGIBLE_COUNTS_FILE set. Output is exactly the spec reporter's.
import Mocha from 'mocha';
import { writeCounts, type Counts } from './counts';

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const counts: Counts = { passed: 0, failed: 0, pending: 0 };
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
    runner.once('end', () => writeCounts(counts));
  }
}

// Mocha loads reporters with require(): export the class itself.
module.exports = CountReporter;
