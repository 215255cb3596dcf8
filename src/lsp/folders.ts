import { LiveWorkspace, type FindingsChange, type LiveLog, type LoadProgress } from '../core/live/live-workspace';
import { basename, isMarkdownPath } from '../core/port/paths';
import { NodeFileSystem } from '../node/node-file-system';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { systemClock } from '../node/system-clock';
import { timerScheduler } from '../node/timer-scheduler';
import { nodeLiveHistory } from '../node/live-history';
import { workingFilesAt, workingFilesBelow } from '../node/tracked-files';
import { LiveCode } from '../core/code/live-code';
import type { LiveHistory } from '../core/live/live-history';
import { LiveCodeRules } from '../core/live/live-code-rules';
import { noEvidenceHover } from '../core/live/live-evidence';
import type { DecisionEntry } from '../core/index/decision-entry';
import { liveSettings, type ServerSettings } from './settings';

export interface FoldersOptions {
  readonly log: LiveLog;
  /** Workspace Trust: false reads each folder's `.legible.json` as Restricted Mode does (LiveOptions.trusted). */
  trusted(): boolean;
  /** The settings of a workspace folder, asked at each load and each edit. */
  settings(root: string): ServerSettings;
  onFindings(live: LiveWorkspace, change: FindingsChange): void;
  onProgress(live: LiveWorkspace, progress: LoadProgress): void;
  /** A load of the folder was published (its configuration's problems are `live.problems`). */
  onLoaded(live: LiveWorkspace): void;
  /** A folder left the workspace (its engine is disposed after this). */
  onRemoved(live: LiveWorkspace): void;
  /** The open documents' texts (records and code alike), for a folder's engine made after they opened. */
  openTexts(): Iterable<{ path: string; text: string; version: number }>;
  /** The code list, some record's `governs`, or a record's summary changed: code lenses may be stale. */
  onCodeChanged?(): void;
}

/** A folder's code list and history, for completion, hover and code lenses (see `editorAids`). */
export interface EditorAids {
  codeFiles(): Promise<readonly string[]>;
  /** The records whose `governs` matches the file (a code file's lens). */
  governing(): Promise<DecisionEntry[]>;
  /** A person's hover text in the record, or why the history says nothing here. */
  personEvidence(): Promise<((name: string) => string | undefined) | undefined>;
}

interface Folder {
  readonly engine: LiveWorkspace;
  readonly history: LiveHistory;
  readonly code: LiveCode;
  /** The code rules over the code documents open in the client and the folder's `governs`. */
  readonly rules: LiveCodeRules;
  unsubscribe(): void;
}

/**
 * One live engine per workspace folder (multi-root), on the Node adapters every Node front-end
 * shares: a file system confined to the folder, timers, the system clock, RE2. Each also reads its
 * repository's history for the evidence rules, as the extension does (LiveHistory): after each
 * load and when HEAD moves, never in an untrusted workspace; their findings come when the read is
 * done, after the first diagnostics.
 */
export class Folders {
  private readonly live = new Map<string, Folder>();

  constructor(private readonly options: FoldersOptions) {}

  /** Makes the set of folders `roots`: engines of folders gone are disposed, new ones load. */
  set(roots: readonly string[]): Promise<void> {
    for (const [root, folder] of this.live) {
      if (roots.includes(root)) continue;
      folder.unsubscribe();
      this.options.onRemoved(folder.engine);
      folder.history.dispose();
      folder.rules.dispose();
      folder.code.dispose();
      folder.engine.dispose();
      this.live.delete(root);
    }
    const fresh: LiveWorkspace[] = [];
    for (const root of roots) {
      if (this.live.has(root)) continue;
      const name = basename(root) || root;
      const engine = new LiveWorkspace({
        fs: new NodeFileSystem({ reads: 'adaptive', root }),
        root,
        name,
        scheduler: timerScheduler,
        clock: systemClock,
        regexEngine: re2RegexEngine,
        settings: () => liveSettings(this.options.settings(root)),
        trusted: () => this.options.trusted(),
        log: this.options.log,
      });
      // The code files the records govern, for the evidence rules: git's working files, a file created
      // later joining them unless git ignores it, as in the extension; a walk where git is not run (untrusted).
      const code = new LiveCode({
        fs: engine.fs,
        root,
        regexEngine: re2RegexEngine,
        listFiles: async () => (this.options.trusted() ? workingFilesBelow(root) : undefined),
        listedAt: async (paths) => (this.options.trusted() ? workingFilesAt(root, paths) : undefined),
      });
      const history = nodeLiveHistory({
        live: engine,
        code,
        allowed: () => this.options.trusted(),
        report: (context, error) => this.options.log.error(context, error),
        name,
        problem: (why) => this.options.log.info(`${name}: the rules that compare records with the git history do not run: ${why}.`),
      });
      const rules = new LiveCodeRules({ live: engine, code, scheduler: timerScheduler, report: (context, error) => this.options.log.error(context, error), name });
      const listeners = [
        engine.onDidChangeFindings((change) => this.options.onFindings(engine, change)),
        engine.onDidLoadProgress((progress) => this.options.onProgress(engine, progress)),
        engine.onDidChangeIndex(() => code.indexChanged(engine.decisions?.index)),
        // Which records govern which files, or what a lens says of them (a status), may have changed.
        code.onDidChange(() => this.options.onCodeChanged?.()),
        engine.onDidChangeIndex(() => this.options.onCodeChanged?.()),
      ];
      this.live.set(root, { engine, history, code, rules, unsubscribe: () => listeners.forEach((listener) => listener.dispose()) });
      fresh.push(engine);
    }
    // Documents opened before their folder's engine was made: their texts win from the first load on.
    for (const { path, text, version } of this.options.openTexts()) {
      const engine = this.folderOf(path);
      if (!engine || !fresh.includes(engine)) continue;
      if (isMarkdownPath(path)) engine.open(path, text, version);
      this.live.get(engine.root)?.rules.open(path, text);
    }
    return this.load(fresh);
  }

  /**
   * Loads the given engines (all by default), each failure logged, never thrown; once a load is
   * published, its folder's history is read (in the background: the load does not wait for it).
   */
  load(engines: readonly LiveWorkspace[] = this.all()): Promise<void> {
    return Promise.all(
      engines.map((engine) =>
        engine.load().then(
          () => {
            this.options.onLoaded(engine);
            this.live.get(engine.root)?.history.refresh();
          },
          (error) => this.options.log.error(`Reading ${engine.root}`, error),
        ),
      ),
    ).then(() => undefined);
  }

  all(): LiveWorkspace[] {
    return [...this.live.values()].map(({ engine }) => engine);
  }

  /** The engine of the innermost folder holding `path`. */
  folderOf(path: string): LiveWorkspace | undefined {
    let best: LiveWorkspace | undefined;
    for (const { engine } of this.live.values()) if (engine.contains(path) && (!best || engine.root.length > best.root.length)) best = engine;
    return best;
  }

  /** A file or folder appeared on disk (the client's watcher): a record is read, a code file joins the list `governs` is matched against. */
  created(path: string): void {
    const folder = this.holding(path);
    if (!folder) return;
    folder.engine.fileCreated(path);
    const isFolder = async () => (await folder.engine.fs.stat(path).catch(() => undefined))?.kind === 'directory';
    folder.code.created(path, isFolder).catch((error) => this.options.log.error(`Listing ${path}`, error));
  }

  /** A file or folder went away: a record leaves the index, files leave the code list. */
  deleted(path: string): void {
    const folder = this.holding(path);
    if (!folder) return;
    folder.engine.fileDeleted(path);
    folder.code.deleted(path).catch((error) => this.options.log.error(`Forgetting ${path}`, error));
    folder.rules.deleted(path);
  }

  /**
   * A document was opened: a record goes to its engine; any document outside the decisions
   * folders is code whose citations are checked while it is open, and one the code list lacks
   * (created, and no watcher said so) joins it.
   */
  opened(path: string, text: string, version: number): void {
    const folder = this.holding(path);
    if (!folder) return;
    if (isMarkdownPath(path)) folder.engine.open(path, text, version);
    else folder.code.opened(path).catch((error) => this.options.log.error(`Listing ${path}`, error));
    folder.rules.open(path, text);
  }

  /** An open document's text changed (the whole new text). */
  changed(path: string, text: string, version: number): void {
    const folder = this.holding(path);
    if (!folder) return;
    if (isMarkdownPath(path)) folder.engine.change(path, text, version);
    folder.rules.change(path, text);
  }

  /** A document was closed: a record's file is the truth again; a code file's citations are no longer checked. */
  closed(path: string): void {
    const folder = this.holding(path);
    if (!folder) return;
    if (isMarkdownPath(path)) folder.engine.close(path);
    folder.rules.close(path);
  }

  /**
   * What the frontmatter's completion and hover need of `path`'s folder beyond its index: the code
   * files (`governs` paths and match counts) and a person's evidence, as the extension gives them.
   */
  editorAids(path: string): EditorAids | undefined {
    const folder = this.holding(path);
    if (!folder) return undefined;
    const { code, history, engine } = folder;
    return {
      codeFiles: () => code.fileList(),
      governing: () => code.governing(path),
      personEvidence: async () => {
        const index = engine.decisions?.index;
        const entry = index?.get(path);
        if (!this.options.trusted()) return (name) => noEvidenceHover(name, 'git is not run in an untrusted workspace (--untrusted)');
        const evidence = history.evidence;
        const problem = evidence.problem;
        if (!evidence.evidence) return problem ? (name) => noEvidenceHover(name, problem) : undefined;
        if (!index || !entry) return undefined;
        const governs = await code.governsIndex();
        return (name) => evidence.personHover(entry, name, index, governs);
      },
    };
  }

  private holding(path: string): Folder | undefined {
    const engine = this.folderOf(path);
    return engine && this.live.get(engine.root);
  }

  async settle(): Promise<void> {
    await Promise.all([...this.live.values()].map(async ({ engine, history, rules }) => {
      await engine.settle();
      await history.whenIdle();
      await rules.settle();
    }));
  }

  dispose(): void {
    void this.set([]);
  }
}
