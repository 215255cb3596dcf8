import type { DecisionWorkspace } from '../workspace/decision-workspace';
import type { ReadResult } from '../workspace/read-text';

/** Files read at once in the body phase: few round trips to storage, a bounded number of texts in memory. */
const BATCH = 16;

/** What the body phase of one load works on and tells (see lintBodies). */
export interface BodyPhase {
  readonly workspace: DecisionWorkspace;
  readonly files: readonly string[];
  /** Files whose body rules have not run yet: an edit, a re-read or a removal takes a file out first. */
  readonly pending: Set<string>;
  /** False once a newer load took over: the phase stops. */
  current(): boolean;
  /** A record's text: the open document's, else the file's. */
  readText(path: string): Promise<ReadResult>;
  /** From the scheduler: a promise when the host should get a turn. */
  between(): Promise<void> | undefined;
  /** These files' body findings are in: publish them, and the progress. */
  publish(paths: readonly string[]): void;
}

/**
 * The body phase of a load: reads each record again (a bounded batch at a time, so no thousands
 * of parsed documents pile up) and publishes the findings slice by slice, yielding in between.
 * A newer load stops it; a file edited or re-read meanwhile is left to that newer work. Resolves
 * to true when it went through every file.
 */
export async function lintBodies(phase: BodyPhase): Promise<boolean> {
  const { workspace, files, pending } = phase;
  let slice: string[] = [];
  const publish = () => {
    phase.publish(slice);
    slice = [];
  };
  for (let i = 0; i < files.length; i += BATCH) {
    if (!phase.current()) return false;
    const batch = files.slice(i, i + BATCH).filter((path) => pending.has(path));
    const texts = await Promise.all(batch.map((path) => phase.readText(path)));
    for (let j = 0; j < batch.length; j++) {
      if (!phase.current()) return false;
      // An edit, a re-read or a removal got there first: its own work covers the body rules.
      if (!pending.delete(batch[j])) continue;
      const { doc, entry } = workspace.updateFrontmatter(batch[j], texts[j].text, texts[j].problem);
      await workspace.updateBody(doc, entry);
      slice.push(batch[j]);
      const turn = phase.between();
      if (turn) {
        publish();
        await turn;
      }
    }
    if (!phase.current()) return false;
    publish();
  }
  if (!phase.current()) return false;
  if (!files.length) publish();
  return true;
}
