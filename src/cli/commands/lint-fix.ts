import { fixWorkspace } from '../../core/fixes/fix-all';
import type { DecisionWorkspace } from '../../core/workspace/decision-workspace';
import { displayPath, type CliContext } from '../context';
import { printable, printableLine } from '../../core/text/printable';
import { NODE_RECORD_IO, type RecordIo, type RecordSnapshot } from '../../node/record-file';

/**
 * `legible lint --fix`: the core's safe fixes over the scanned workspace, each changed file written
 * atomically and named on stderr. A file that changed on disk meanwhile is not written and is read
 * again, so the findings printed after are those of the files as they are.
 */
export async function applyFixes(workspace: DecisionWorkspace, shows: (path: string) => boolean, context: CliContext, io: RecordIo = NODE_RECORD_IO): Promise<void> {
  const limits = workspace.options.config.limits;
  const snapshots = new Map<string, RecordSnapshot>();
  const fixed = await fixWorkspace(workspace, {
    shows,
    textOf: async (path) => {
      // A record named on the command line behind a link out of the repository is not read (nor fixed).
      const outside = await (workspace.options.fs.realPath?.(path) ?? Promise.resolve()).then(
        () => false,
        () => true,
      );
      if (outside) return undefined;
      const snapshot = await io.read(path, limits).catch(() => undefined);
      if (!snapshot || snapshot.problem !== undefined) return undefined;
      snapshots.set(path, snapshot);
      return snapshot.text;
    },
  });
  for (const path of [...fixed.keys()].sort()) {
    const display = printable(displayPath(context.cwd, path));
    const { text, applied } = fixed.get(path)!;
    const outcome = await io.replace(snapshots.get(path)!, text).catch((error: Error) => error);
    if (outcome === 'written') {
      context.note(`fixed ${display}: ${applied.map(printableLine).join('; ')}`);
      continue;
    }
    context.warn(outcome === 'changed' ? `${display} changed on disk while Legible was fixing it, so it was not written; run legible lint --fix again.` : `${display} could not be written (${outcome.message}); it is unchanged.`);
    await workspace.update(path);
  }
}
