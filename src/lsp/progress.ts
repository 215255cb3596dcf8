import type { Connection, WorkDoneProgressServerReporter } from './protocol';
import type { LiveWorkspace, LoadProgress } from '../core/live/live-workspace';

/**
 * A folder's load as work-done progress (`$/progress`), for clients that show it: begun once the
 * index is published, reported as the body rules go through the records, done when they have all
 * run. A client (or a bench) that waits for the end sees the settled results.
 */
export class LoadProgressReporter {
  private readonly reporters = new Map<LiveWorkspace, Promise<WorkDoneProgressServerReporter | undefined>>();

  constructor(private readonly connection: Connection) {}

  loaded(live: LiveWorkspace, progress: LoadProgress): void {
    const percentage = progress.records ? Math.floor((progress.bodiesDone / progress.records) * 100) : 100;
    const message = `${progress.bodiesDone.toLocaleString('en-US')} of ${progress.records.toLocaleString('en-US')} records linted`;
    let reporter = this.reporters.get(live);
    if (!reporter) {
      reporter = this.connection.window.createWorkDoneProgress().then(
        (created) => {
          created.begin('Legible', percentage, message);
          return created;
        },
        () => undefined,
      );
      this.reporters.set(live, reporter);
    }
    const finished = progress.phase === 'bodies' && progress.bodiesDone >= progress.records;
    void reporter.then((created) => {
      if (!created) return;
      if (finished) created.done();
      else created.report(percentage, message);
    });
    if (finished) this.reporters.delete(live);
  }
}
