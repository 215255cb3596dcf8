import { isOutsideWorkspace, LISTED_AS_FILE, type FileSystemPort } from '../port/file-system';
import { isInside, isMarkdownPath, relativePath } from '../port/paths';
import { matchesAny } from '../config/glob';
import type { ResolvedConfig } from '../config/config';
import { parseDecisionDocument, type DecisionDocument } from '../document/decision-document';
import { DecisionIndex } from '../index/decision-index';
import { buildEntry } from '../index/build-entry';
import type { DecisionEntry } from '../index/decision-entry';
import { lintBody, lintFrontmatter, type LintContext } from '../lint/lint-document';
import { lintIndex } from '../lint/lint-workspace';
import type { Finding, Presence } from '../rules/rule';
import type { SchemaValidator } from '../schema/validator';
import { legacyOptionsAt } from '../config/folder-settings';
import { collectDecisionFiles, type CollectOptions } from './collect-files';
import { readDecisionText, type ReadResult } from './read-text';

/** Links looked up at once before the cross-file rules run. */
const LOOK_UPS_AT_ONCE = 16;

/** Files read ahead of the one being parsed during a scan: enough to hide storage latency, few enough to hold. */
export const READ_AHEAD = 16;

export interface ScanOptions {
  /** Also run the body rules (a Markdown parse each). Default true. */
  readonly body?: boolean;
  /** A newer text than the file's own (an open editor's), if there is one. */
  readonly textOf?: (path: string) => string | undefined;
  /**
   * Asked after each file. A promise means "let others run": the scan waits for it, then asks
   * `cancelled`. The caller keeps the clock, so the core needs none (see `timeSlices`).
   */
  readonly between?: () => Promise<void> | undefined;
  /** Asked after each wait: true ends the scan (a newer one took over). */
  readonly cancelled?: () => boolean;
}

export interface WorkspaceOptions {
  readonly fs: FileSystemPort;
  readonly root: string;
  /** Absolute decisions folders. */
  readonly folders: readonly string[];
  readonly config: ResolvedConfig;
  readonly validator: SchemaValidator;
  readonly today: string;
}

/**
 * The decisions of one workspace: the index plus each file's own findings. The CLI fills it once;
 * the extension keeps it and updates one file at a time. Documents are not kept: the index and the
 * findings are what the rest needs, and 10,000 parsed documents would not fit the memory budget.
 */
export class DecisionWorkspace {
  readonly index = new DecisionIndex();
  private readonly frontmatterFindings = new Map<string, Finding[]>();
  private readonly bodyFindings = new Map<string, Finding[]>();
  /** Links the last `listFiles` found leading outside the workspace: reported, never read. */
  private outsideLinks: readonly string[] = [];
  /** What the last `listFiles` listed as regular files: read without a look beforehand (see SeenAsFile). */
  private listed: ReadonlySet<string> = new Set();

  constructor(readonly options: WorkspaceOptions) {}

  get context(): LintContext {
    return { config: this.options.config, validator: this.options.validator, today: this.options.today };
  }

  /** The configured folder a path belongs to, if any. */
  folderOf(path: string): string | undefined {
    return this.options.folders.filter((folder) => isInside(folder, path)).sort((a, b) => b.length - a.length)[0];
  }

  /** True for a Markdown file inside one of the decisions folders that is not ignored (nor in a hidden folder). */
  isDecisionFile(path: string): boolean {
    if (!isMarkdownPath(path)) return false;
    const folder = this.folderOf(path);
    if (!folder) return false;
    const relative = relativePath(folder, path);
    return !relative.split('/').some((segment) => segment.startsWith('.')) && !matchesAny(relative, this.options.config.ignore);
  }

  /**
   * Every decision file of the folders; links that lead outside the workspace are noted for
   * `link-outside-repository`. `listing`: folder listings already asked for.
   */
  async listFiles(listing?: CollectOptions['listing']): Promise<string[]> {
    const outside = new Set<string>();
    const { ignore, recordsWithoutId } = this.options.config;
    const all = await Promise.all(this.options.folders.map((folder) => collectDecisionFiles(this.options.fs, folder, { ignore, recordsWithoutId, listing, onLinkOutside: (path) => outside.add(path) })));
    this.outsideLinks = [...outside].sort();
    const files = [...new Set(all.flat())];
    this.listed = new Set(files);
    return files;
  }

  /**
   * Reads and lints every decision file. With `body: false` only the frontmatter is read and
   * checked: what the index, the tree, `list` and `report` need, without a Markdown parse.
   * Reads run a few files ahead of the parsing, so waiting on storage overlaps the CPU work.
   * With `between`, the work runs in slices: the editor's thread is never held for long.
   * Resolves to false when `cancelled` stopped it.
   */
  async scan(files?: readonly string[], options: ScanOptions = {}): Promise<boolean> {
    const list = files ?? (await this.listFiles());
    const { textOf, between, cancelled } = options;
    const reads: Array<Promise<ReadResult> | ReadResult | undefined> = [];
    const ahead = (i: number) => {
      if (i >= list.length) return;
      const text = textOf?.(list[i]);
      reads[i] = text === undefined ? this.read(list[i]) : { text };
    };
    for (let i = 0; i < READ_AHEAD; i++) ahead(i);
    for (let i = 0; i < list.length; i++) {
      ahead(i + READ_AHEAD);
      const read = await reads[i]!;
      reads[i] = undefined;
      await this.update(list[i], read.text, options, read.problem);
      const wait = between?.();
      if (wait) {
        await wait;
        if (cancelled?.()) return false;
      }
    }
    return !cancelled?.();
  }

  /** Parses one file (from disk, or the editor's text) and refreshes its entry and findings. */
  async update(path: string, text?: string, options: { body?: boolean } = {}, readProblem?: string): Promise<{ doc: DecisionDocument; entry: DecisionEntry }> {
    const read = text === undefined ? await this.read(path) : { text, problem: readProblem };
    const parsed = this.updateFrontmatter(path, read.text, read.problem);
    if (options.body !== false) await this.updateBody(parsed.doc, parsed.entry);
    else this.bodyFindings.delete(path);
    return parsed;
  }

  /** Takes a file's entry and own findings computed elsewhere (a worker, the cache). */
  adopt(entry: DecisionEntry, findings: readonly Finding[]): void {
    this.index.set(entry);
    this.frontmatterFindings.set(entry.path, [...findings]);
    this.bodyFindings.delete(entry.path);
  }

  /**
   * The cheap half of an update — parse, index entry, frontmatter rules — synchronous, so the
   * editor can run it on every keystroke.
   */
  updateFrontmatter(path: string, text: string, readProblem?: string): { doc: DecisionDocument; entry: DecisionEntry } {
    const folder = this.folderOf(path) ?? path.slice(0, path.lastIndexOf('/'));
    const doc = parseDecisionDocument(path, text, this.options.config.limits, readProblem, legacyOptionsAt(this.options.config, this.options.root, folder));
    const entry = buildEntry(doc, folder, this.options.config.placeholder);
    this.index.set(entry);
    this.frontmatterFindings.set(path, lintFrontmatter(doc, entry, this.context));
    return { doc, entry };
  }

  /** The Markdown half: body rules, which need remark (loaded on first use). */
  async updateBody(doc: DecisionDocument, entry: DecisionEntry): Promise<void> {
    const findings = await lintBody(doc, entry, this.context);
    // A newer text may have replaced this one while remark ran: keep only the latest.
    if (this.index.get(doc.path) === entry) this.bodyFindings.set(doc.path, findings);
  }

  /** One file's own findings (frontmatter and body rules). */
  fileFindings(path: string): Finding[] {
    return [...(this.frontmatterFindings.get(path) ?? []), ...(this.bodyFindings.get(path) ?? [])];
  }

  /**
   * Findings of the cross-file rules over the whole index. With `lookUpLinks: false`, no link is
   * looked up: one inside the workspace as written counts as there, so the rules that ask
   * (reference-resolves, link-outside-repository) say nothing of it yet — what a first load shows
   * before storage has answered (see `hasLocalLinks`).
   */
  crossFileFindings(options: { readonly lookUpLinks?: boolean } = {}): Promise<Finding[]> {
    if (options.lookUpLinks === false) {
      const assumed = (path: string): Promise<Presence> => Promise.resolve(isInside(this.options.root, path) ? 'present' : 'outside');
      return lintIndex(this.index, { ...this.context, presence: assumed, outsideLinks: this.outsideLinks, root: this.options.root });
    }
    // Many records link the same few runbooks: ask storage once per path and run.
    const known = new Map<string, Promise<Presence>>();
    const presence = (path: string): Promise<Presence> => {
      let found = known.get(path);
      if (!found) known.set(path, (found = this.presence(path)));
      return found;
    };
    return this.lookUpLinks(presence).then(() => lintIndex(this.index, { ...this.context, presence, outsideLinks: this.outsideLinks, root: this.options.root }));
  }

  /** True when some record links a local file: the cross-file rules have something to look up. */
  hasLocalLinks(): boolean {
    for (const entry of this.index.entries()) for (const link of entry.artifacts) if (link.resolved) return true;
    return false;
  }

  /**
   * Every local link of the index looked up before the rules ask, a bounded number at once: the
   * rules ask one link after another, and on vscode.workspace.fs (the web worker host, a remote)
   * each look-up is a round trip.
   */
  private async lookUpLinks(presence: (path: string) => Promise<Presence>): Promise<void> {
    const links = new Set<string>();
    for (const entry of this.index.entries()) for (const link of entry.artifacts) if (link.resolved) links.add(link.resolved);
    const queue = [...links];
    const worker = async () => {
      for (let link = queue.pop(); link !== undefined; link = queue.pop()) await presence(link);
    };
    await Promise.all(Array.from({ length: Math.min(LOOK_UPS_AT_ONCE, queue.length) }, worker));
  }

  remove(path: string): void {
    if (this.listed.has(path)) this.listed = new Set([...this.listed].filter((listed) => listed !== path));
    this.index.delete(path);
    this.frontmatterFindings.delete(path);
    this.bodyFindings.delete(path);
    if (this.outsideLinks.includes(path)) this.outsideLinks = this.outsideLinks.filter((link) => link !== path);
  }

  /**
   * True when `path` is itself a symbolic link that leads outside the workspace: what the walk
   * reports and never reads. For a file that appeared after the walk (the extension's watcher).
   */
  async leadsOutside(path: string): Promise<boolean> {
    try {
      await this.options.fs.realPath?.(path);
      return false;
    } catch (error) {
      return isOutsideWorkspace(error) && error.link === path;
    }
  }

  /** Takes `path` as a link that leads out, as the walk would have: out of the index, into `link-outside-repository`. */
  markOutside(path: string): void {
    this.remove(path);
    this.outsideLinks = [...this.outsideLinks, path].sort();
  }

  /** True for a link `listFiles` or `markOutside` noted as leading outside the workspace. */
  isOutsideLink(path: string): boolean {
    return this.outsideLinks.includes(path);
  }

  /** Every finding, by file: each file's own plus the cross-file ones. */
  async findings(): Promise<Map<string, Finding[]>> {
    const out = new Map<string, Finding[]>();
    for (const entry of this.index.entries()) out.set(entry.path, this.fileFindings(entry.path));
    const crossFile = await this.crossFileFindings();
    for (const finding of crossFile) out.set(finding.path, [...(out.get(finding.path) ?? []), finding]);
    for (const list of out.values()) list.sort(byPosition);
    return out;
  }

  /**
   * Where a local link leads. Outside the workspace as written, nothing is asked of storage; inside,
   * the port resolves links and refuses one that leads out, before anything out there is looked up.
   */
  private async presence(path: string): Promise<Presence> {
    const fs = this.options.fs;
    if (!isInside(this.options.root, path)) return 'outside';
    try {
      if (fs.realPath) return (await fs.realPath(path)) === undefined ? 'missing' : 'present';
      return (await fs.stat(path)) === undefined ? 'missing' : 'present';
    } catch (error) {
      return isOutsideWorkspace(error) ? 'outside' : 'missing';
    }
  }

  /** A record's text from storage; a file that cannot be read is an empty text and the reason. */
  async read(path: string): Promise<ReadResult> {
    const fs = this.options.fs;
    try {
      const size = fs.readBounded ? undefined : (await fs.stat(path))?.size;
      return await readDecisionText(fs, path, this.options.config.limits, size, this.listed.has(path) ? LISTED_AS_FILE : undefined);
    } catch (error) {
      // Named on the command line, or turned into a link since the walk: still never followed out.
      if (isOutsideWorkspace(error)) {
        if (error.link) return { text: '', problem: 'This file is reached through a symbolic link that leads outside the repository, so Legible does not read it. Should the record live in the repository?' };
        return { text: '', problem: 'This file lies outside the repository Legible was started in, so it is not read. Lint it from its own repository?' };
      }
      // A link whose target is missing, or that loops back on itself, reads as missing: say what it is.
      if ((await fs.stat(path).catch(() => undefined))?.kind === 'symlink') return { text: '', problem: BROKEN_LINK };
      return { text: '', problem: `This file could not be read: ${(error as Error).message}` };
    }
  }
}

const BROKEN_LINK = 'This file is a symbolic link that leads nowhere: its target is missing, or the link loops back on itself, so there is no record to read. Which record should it point at, or is it left over?';

export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}
