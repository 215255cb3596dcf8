import { isMainThread, workerData } from 'node:worker_threads';
import { runWorker } from './scan/lint-worker';
import { isWorkerTask } from './scan/worker-protocol';
import { parseCommandArgs, UsageError } from './args';
import { listOr } from '../core/text/word-list';
import type { Command } from './commands/command';
import { affectedCommand } from './commands/affected';
import { indexCommand } from './commands/write-index';
import { lintCommand } from './commands/lint';
import { listCommand } from './commands/list';
import { explainCommand } from './commands/explain';
import { mcpCommand } from './commands/mcp-server';
import { lspCommand } from './commands/language-server';
import { migrateCommand } from './commands/migrate';
import { newCommand } from './commands/new';
import { reportCommand } from './commands/report';
import { statusCommand } from './commands/status';
import { supersedeCommand } from './commands/supersede';
import { createContext, type CliContext } from './context';
import { printableKeepingBreaks, printableLine } from '../core/text/printable';
import { commandHelp, mainHelp } from './help';
import { VERSION } from './version';

const COMMANDS: readonly Command[] = [lintCommand, newCommand, statusCommand, supersedeCommand, migrateCommand, listCommand, indexCommand, reportCommand, affectedCommand, explainCommand, lspCommand, mcpCommand];

/** Dispatches `legible <command> …` and turns every failure into an exit code: 0, 1, or 2. */
async function main(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    context.out(`${VERSION}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    context.out(command ? commandHelp(command) : mainHelp(COMMANDS));
    return 0;
  }
  if (name === undefined) {
    process.stderr.write(mainHelp(COMMANDS));
    return 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command '${name}'`;
    throw new UsageError(`${what}; expected ${listOr(COMMANDS.map((c) => c.name))} (see 'legible --help')`);
  }
  const args = parseCommandArgs(rest, command.options, command.name);
  if (args.values.help) {
    context.out(commandHelp(command));
    return 0;
  }
  return command.run(args, context);
}

function fail(error: unknown, env: NodeJS.ProcessEnv): number {
  const message = error instanceof Error ? error.message : String(error);
  const internal = !(error instanceof UsageError);
  process.stderr.write(`legible: ${internal ? 'error: ' : ''}${printableLine(message)}\n`);
  if (internal && env.LEGIBLE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${printableKeepingBreaks(error.stack)}\n`);
  return 2;
}

// `head` closing the pipe is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (!isMainThread && isWorkerTask(workerData)) {
  // A lint worker: this same bundle, given a share of the files (see scan/parallel-scan.ts).
  void runWorker(workerData);
} else {
  const context = createContext();
  main(process.argv.slice(2), context).then(
    (code) => (process.exitCode = code),
    (error: unknown) => (process.exitCode = fail(error, context.env)),
  );
}
