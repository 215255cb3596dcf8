import { CitationForms, scanCitations, type FileCitations } from '../code/citations';
import type { CodeFacts } from '../code/code-facts';
import { codeFilesToScan, MAX_CODE_FILE_BYTES } from '../code/code-files';
import { GovernsIndex } from '../code/governs-index';
import type { LiveCode } from '../code/live-code';
import { lintCode } from '../lint/lint-code';
import { joinPath, relativePath } from '../port/paths';
import type { Scheduler, Timer } from '../port/scheduler';
import type { Finding } from '../rules/rule';
import type { Subscription } from './emitter';
import type { LiveWorkspace } from './live-workspace';

/** The source the code rules' findings are published under (LiveWorkspace.setFindingsOf). */
export const CODE_SOURCE = 'code';

export interface LiveCodeRulesOptions {
  readonly live: LiveWorkspace;
  /** The folder's file list and the GovernsIndex over it, shared with the lenses and the evidence rules. */
  readonly code: LiveCode;
  readonly scheduler: Scheduler;
  /**
   * `lazy`: the `governs` rules wait until something else listed the folder (a lens, completion),
   * where a list is a walk of many round trips (the web, a virtual workspace); default `eager`.
   */
  readonly listing?: 'eager' | 'lazy';
  readonly report: (context: string, error: unknown) => void;
  /** The folder as messages name it; default its root. */
  readonly name?: string;
}

/**
 * The code rules (`governs-*`, `code-reference-resolves`, `code-cites-superseded`) on a live engine.
 * `legible lint` runs them over the whole repository; an editor shows what it has open, as a
 * linter in an editor checks the files it shows: the `governs` rules run over the folder's file
 * list (listed only when some record has `governs`: a folder without them lists nothing), the
 * citation rules over the code documents open in an editor. Published with the engine's other
 * findings, and again, after the engine's pause, when the records, the file list or an open code
 * document changes. `code.enabled: false` turns them off, as it does for `lint`.
 */
export class LiveCodeRules {
  /** The open code documents' texts, by absolute path (asked when the rules run, not per keystroke). */
  private readonly texts = new Map<string, string | (() => string)>();
  private timer: Timer | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly subscriptions: Subscription[];
  private disposed = false;

  constructor(private readonly options: LiveCodeRulesOptions) {
    this.subscriptions = [options.live.onDidChangeIndex(() => this.schedule()), options.code.onDidChange(() => this.schedule())];
    if (options.listing === 'lazy') this.subscriptions.push(options.code.onDidList(() => this.schedule()));
  }

  /** A code document was opened (any file outside the decisions folders): its citations are checked while it is open. */
  open(path: string, text: string | (() => string)): void {
    if (!this.options.live.contains(path) || this.options.live.isDecisionFile(path)) return;
    this.texts.set(path, text);
    this.schedule();
  }

  /** An open code document's text changed (the whole new text). */
  change(path: string, text: string | (() => string)): void {
    this.open(path, text);
  }

  /** The editor closed it: its citation findings go with it. */
  close(path: string): void {
    if (this.texts.delete(path)) this.schedule();
  }

  /**
   * A file or folder was deleted on disk: what lay there is checked no more, though an editor may
   * keep its document a while after (VS Code closes a closed editor's document later, if ever).
   * Typing in it again brings it back (`change`).
   */
  deleted(path: string): void {
    const below = `${path}/`;
    let removed = false;
    for (const open of [...this.texts.keys()]) {
      if (open !== path && !open.startsWith(below)) continue;
      this.texts.delete(open);
      removed = true;
    }
    if (removed) this.schedule();
  }

  /** The findings published last. */
  findings(): Finding[] {
    return this.options.live.findingsOf(CODE_SOURCE);
  }

  /** Runs a pending check now and waits for it: settled results include the code rules' findings. */
  async settle(): Promise<void> {
    if (this.timer) {
      this.timer.cancel();
      this.timer = undefined;
      this.run();
    }
    await this.running;
  }

  private schedule(): void {
    if (this.disposed) return;
    this.timer?.cancel();
    this.timer = this.options.scheduler.delay(this.options.live.settings().debounceMs, () => {
      this.timer = undefined;
      this.run();
    });
  }

  private run(): void {
    this.running = this.running
      .then(async () => {
        const findings = await this.check();
        if (!this.disposed) this.options.live.setFindingsOf(CODE_SOURCE, findings);
      })
      .catch((error) => this.options.report(`Checking the code of ${this.options.name ?? this.options.live.root}`, error));
  }

  private async check(): Promise<Finding[]> {
    const { live, code } = this.options;
    const index = live.decisions?.index;
    const config = live.config;
    if (!index || !config || !config.code.enabled) return [];
    const entries = index.entries();
    // The file list only where some record has globs to match it against (lenses and completion
    // list it anyway, on first use), and, lazy, only once they have.
    const list = entries.some((entry) => entry.governs?.length) && (this.options.listing !== 'lazy' || code.listedAlready);
    const governs = list ? await code.governsIndex() : GovernsIndex.build([], []);
    const forms = new CitationForms(entries);
    const folders = live.folders.map((folder) => relativePath(live.root, folder)).map((folder) => (folder === '.' ? '' : folder));
    const open = [...this.texts.keys()].map((path) => relativePath(live.root, path)).filter((path) => path !== '..' && !path.startsWith('../'));
    // The files `lint` would scan among those open: outside the decisions folders and dependencies, as `code.include`/`code.exclude` say.
    const scan = forms.empty ? [] : codeFilesToScan(open, config.code, folders);
    const citations = new Map<string, FileCitations>();
    const skipped = { large: 0, binary: 0, unreadable: 0 };
    for (const path of scan) {
      const held = this.texts.get(joinPath(live.root, path)) ?? '';
      const text = typeof held === 'string' ? held : held();
      if (text.length > MAX_CODE_FILE_BYTES) skipped.large++;
      else {
        const found = scanCitations(text, forms);
        if (found.total) citations.set(path, found);
      }
    }
    const facts: CodeFacts = { root: live.root, governs, citations, skipped, scanned: scan.length - skipped.large, files: scan };
    return lintCode(index, facts, config);
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
