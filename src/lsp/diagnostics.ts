import type { Connection } from './protocol';
import type { LiveWorkspace, FindingsChange } from '../core/live/live-workspace';
import type { Finding } from '../core/rules/rule';
import { toDiagnostic } from './convert';
import type { Uris } from './uris';

/**
 * Pushes each engine's findings as `textDocument/publishDiagnostics`, touching only the files that
 * changed. Changes are gathered and sent once the current turn of the event loop ends: the many
 * events of one message (a reload, a debounced pass over several files) send each file once.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, readonly Finding[]>();
  private readonly dirty = new Map<string, LiveWorkspace>();
  private flushing: ReturnType<typeof setImmediate> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly uris: Uris,
    /** An open document is told it is clean too: the client knows its text was checked. */
    private readonly isOpen: (path: string) => boolean,
  ) {}

  changed(live: LiveWorkspace, { paths }: FindingsChange): void {
    const targets = paths ?? live.allPaths();
    // A reload: files that left the folder (or the index) lose their diagnostics.
    if (!paths) for (const path of this.published.keys()) if (live.contains(path)) this.dirty.set(path, live);
    for (const path of targets) this.dirty.set(path, live);
    this.flushing ??= setImmediate(() => this.flush());
  }

  /** A workspace folder was removed: its files' diagnostics go with it. */
  folderRemoved(live: LiveWorkspace): void {
    for (const path of [...this.published.keys()]) {
      if (!live.contains(path)) continue;
      this.published.delete(path);
      this.dirty.delete(path);
      void this.connection.sendDiagnostics({ uri: this.uris.uriOf(path), diagnostics: [] }).catch(() => undefined);
    }
  }

  /** The findings behind the diagnostics last sent for a file, for code actions. */
  findings(path: string): readonly Finding[] {
    return this.published.get(path) ?? [];
  }

  flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = undefined;
    // The open documents first: a reload sends every file's, and the one being read waits for none.
    const dirty = [...this.dirty].sort(([a], [b]) => Number(this.isOpen(b)) - Number(this.isOpen(a)));
    this.dirty.clear();
    for (const [path, live] of dirty) {
      const findings = live.findingsFor(path);
      if (!findings.length && !this.published.has(path) && !this.isOpen(path)) continue;
      if (findings.length) this.published.set(path, findings);
      else this.published.delete(path);
      const uri = this.uris.uriOf(path);
      void this.connection.sendDiagnostics({ uri, version: live.versionOf(path), diagnostics: findings.map((f) => toDiagnostic(f, (p) => this.uris.uriOf(p))) }).catch(() => undefined);
    }
  }

  dispose(): void {
    if (this.flushing) clearImmediate(this.flushing);
  }
}
