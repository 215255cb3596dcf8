import { LiveWorkspace, type FindingsChange, type LiveLog, type LoadProgress } from '../core/live/live-workspace';
import { basename } from '../core/port/paths';
import { NodeFileSystem } from '../node/node-file-system';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { systemClock } from '../node/system-clock';
import { timerScheduler } from '../node/timer-scheduler';
import { liveSettings, type ServerSettings } from './settings';

export interface FoldersOptions {
  readonly log: LiveLog;
  /** Workspace Trust: false reads each folder's `.legible.json` as Restricted Mode does (LiveOptions.trusted). */
  trusted(): boolean;
  /** The settings of a workspace folder, asked at each load and each edit. */
  settings(root: string): ServerSettings;
  onFindings(live: LiveWorkspace, change: FindingsChange): void;
  onProgress(live: LiveWorkspace, progress: LoadProgress): void;
  /** A folder left the workspace (its engine is disposed after this). */
  onRemoved(live: LiveWorkspace): void;
  /** The open documents' texts, for a folder's engine made after they opened. */
  openTexts(): Iterable<{ path: string; text: string; version: number }>;
}

/**
 * One live engine per workspace folder (multi-root), on the Node adapters every Node front-end
 * shares: a file system confined to the folder, timers, the system clock, RE2.
 */
export class Folders {
  private readonly live = new Map<string, { engine: LiveWorkspace; unsubscribe: () => void }>();

  constructor(private readonly options: FoldersOptions) {}

  /** Makes the set of folders `roots`: engines of folders gone are disposed, new ones load. */
  set(roots: readonly string[]): Promise<void> {
    for (const [root, { engine, unsubscribe }] of this.live) {
      if (roots.includes(root)) continue;
      unsubscribe();
      this.options.onRemoved(engine);
      engine.dispose();
      this.live.delete(root);
    }
    const fresh: LiveWorkspace[] = [];
    for (const root of roots) {
      if (this.live.has(root)) continue;
      const engine = new LiveWorkspace({
        fs: new NodeFileSystem({ reads: 'adaptive', root }),
        root,
        name: basename(root) || root,
        scheduler: timerScheduler,
        clock: systemClock,
        regexEngine: re2RegexEngine,
        settings: () => liveSettings(this.options.settings(root)),
        trusted: () => this.options.trusted(),
        log: this.options.log,
      });
      const listeners = [engine.onDidChangeFindings((change) => this.options.onFindings(engine, change)), engine.onDidLoadProgress((progress) => this.options.onProgress(engine, progress))];
      this.live.set(root, { engine, unsubscribe: () => listeners.forEach((listener) => listener.dispose()) });
      fresh.push(engine);
    }
    // Documents opened before their folder's engine was made: their texts win from the first load on.
    for (const { path, text, version } of this.options.openTexts()) {
      const engine = this.folderOf(path);
      if (engine && fresh.includes(engine)) engine.open(path, text, version);
    }
    return this.load(fresh);
  }

  /** Loads the given engines (all by default), each failure logged, never thrown. */
  load(engines: readonly LiveWorkspace[] = this.all()): Promise<void> {
    return Promise.all(engines.map((engine) => engine.load().catch((error) => this.options.log.error(`Reading ${engine.root}`, error)))).then(() => undefined);
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

  async settle(): Promise<void> {
    await Promise.all(this.all().map((engine) => engine.settle()));
  }

  dispose(): void {
    void this.set([]);
  }
}
