import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileResult } from './worker-protocol';

interface CachedFile {
  readonly size: number;
  readonly mtime: number;
  readonly body: boolean;
  readonly result: FileResult;
}

interface CacheFile {
  readonly key: string;
  readonly files: Record<string, CachedFile>;
}

/**
 * `legible lint --cache`: a file whose size and modification time are unchanged keeps its entry
 * and findings from the last run. The key covers everything else a result depends on — Legible's
 * version, the day (overdue rules), the configuration and schema extensions — so a change to any of
 * them starts afresh. Cross-file rules always run again (they are cheap and depend on every file).
 */
export class LintCache {
  private dirty = false;

  private constructor(
    readonly location: string,
    /** The location as messages show it. */
    readonly shown: string,
    private readonly key: string,
    private readonly files: Record<string, CachedFile>,
  ) {}

  static key(parts: readonly (string | Uint8Array | undefined)[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part ?? '\0').update('\0');
    return hash.digest('hex');
  }

  static async load(location: string, key: string, shown = location): Promise<LintCache> {
    try {
      const parsed = JSON.parse(await readFile(location, 'utf8')) as CacheFile;
      if (parsed && parsed.key === key && parsed.files && typeof parsed.files === 'object') return new LintCache(location, shown, key, parsed.files);
    } catch {
      // Missing, unreadable or from another version: start afresh.
    }
    return new LintCache(location, shown, key, Object.create(null));
  }

  get(path: string, size: number, mtime: number, body: boolean): FileResult | undefined {
    const cached = this.files[path];
    return cached && cached.size === size && cached.mtime === mtime && (cached.body || !body) ? cached.result : undefined;
  }

  set(path: string, size: number, mtime: number, body: boolean, result: FileResult): void {
    this.files[path] = { size, mtime, body, result };
    this.dirty = true;
  }

  /** Forgets files that no longer exist, so the cache does not grow forever. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of Object.keys(this.files)) {
      if (!paths.has(path)) {
        delete this.files[path];
        this.dirty = true;
      }
    }
  }

  /**
   * Written to a temporary file and renamed: a crash never leaves half a cache behind. The
   * temporary file has an unguessable name and is created exclusively (`wx`), so a link planted
   * under that name is never written through; the rename replaces a link at the cache's own name
   * rather than following it.
   */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify({ key: this.key, files: this.files } satisfies CacheFile), { flag: 'wx', mode: 0o600 });
      await rename(temporary, this.location);
    } catch (error) {
      // Only ours to remove: something already at that name (EEXIST) is left alone.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temporary, { force: true });
      throw error;
    }
    this.dirty = false;
  }
}
