import type { Finding } from '../rules/rule';
import type { DirectoryEntry } from '../port/file-system';
import { DecisionWorkspace } from '../workspace/decision-workspace';
import { group } from './findings-by-path';
import type { LoadStep } from './live-options';
import type { ReadAheadPort } from './read-ahead';

/** How a load's index phase reads and yields (the engine's open texts, its scheduler, its generation). */
export interface IndexPhase {
  /** An open document's text, which wins over the file's. */
  textOf(path: string): string | undefined;
  /** A fresh `between` of the scheduler's (see ScanOptions). */
  slices(): () => Promise<void> | undefined;
  /** True once a newer load took over: the work stops, nothing is published. */
  stale(): boolean;
  trace?(step: LoadStep): void;
  /** Folder listings already asked for (see FolderLookup.listing). */
  listing?(path: string): Promise<DirectoryEntry[]> | undefined;
}

/** The index of a load, ready to publish: every record's frontmatter findings, and the cross-file ones by file. */
export interface LoadedIndex {
  readonly files: readonly string[];
  readonly crossFile: Map<string, Finding[]>;
  /**
   * With `linksLater`, when some record links a local file: the cross-file findings once the links
   * are looked up, to publish after `crossFile` (which took every link inside as there).
   */
  readonly linked?: () => Promise<Map<string, Finding[]>>;
}

/**
 * The index phase of a load, after its configuration and folders: lists the folders, reads every
 * record (frontmatter only, no Markdown parse) and runs the cross-file rules. Undefined when a
 * newer load took over. `linksLater` (a first load): the links' look-ups — a round trip each
 * through vscode.workspace.fs — do not hold the index back; their findings follow (`linked`).
 */
export async function loadIndex(workspace: DecisionWorkspace, phase: IndexPhase, options: { readonly linksLater?: boolean } = {}): Promise<LoadedIndex | undefined> {
  const files = await workspace.listFiles(phase.listing);
  phase.trace?.('listed');
  const done = await workspace.scan(files, { body: false, textOf: phase.textOf, between: phase.slices(), cancelled: phase.stale });
  if (!done || phase.stale()) return undefined;
  phase.trace?.('indexed');
  const later = options.linksLater === true && workspace.hasLocalLinks();
  const crossFile = group(await workspace.crossFileFindings({ lookUpLinks: !later }));
  if (phase.stale()) return undefined;
  phase.trace?.('cross-file');
  return { files, crossFile, ...(later && { linked: async () => group(await workspace.crossFileFindings()) }) };
}

/**
 * The records open in an editor among `paths`, indexed on their own from their texts (no file is
 * read), and those the last session's load read (LoadHints) once their reads ahead are in hand,
 * with their own rules: what the first load shows before it has listed and read the folders (on
 * the web the listing comes last). The cross-file rules need the whole index, and come with it.
 * Undefined when none is a record, or a newer load took over.
 */
export async function indexOpenRecords(workspace: DecisionWorkspace, paths: readonly string[], phase: IndexPhase, ahead?: ReadAheadPort): Promise<{ workspace: DecisionWorkspace; paths: string[] } | undefined> {
  const open = paths.filter((path) => workspace.isDecisionFile(path) && phase.textOf(path) !== undefined);
  const hinted = ((await ahead?.hintedRead()) ?? []).filter((path) => workspace.isDecisionFile(path) && !open.includes(path));
  const early = [...open, ...hinted];
  if (!early.length || phase.stale()) return undefined;
  const first = new DecisionWorkspace(workspace.options);
  const done = await first.scan(early, { body: false, textOf: phase.textOf, between: phase.slices(), cancelled: phase.stale });
  return done && !phase.stale() ? { workspace: first, paths: early } : undefined;
}
