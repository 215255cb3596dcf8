import type { ResolvedConfig } from '../config/config';
import type { DecisionIndex } from '../index/decision-index';
import type { FileSystemPort } from '../port/file-system';
import { joinPath, relativePath } from '../port/paths';
import type { RegexEngine } from '../port/regex-engine';
import { CitationForms, scanCitations, type FileCitations } from './citations';
import { codeFilesToScan, readCodeText } from './code-files';
import { GovernsIndex } from './governs-index';

/** What the code rules and `explain` know of the code: who governs which file, and what each file cites. */
export interface CodeFacts {
  /** Absolute, '/'-separated: what `governs` globs and the file lists are relative to. */
  readonly root: string;
  readonly governs: GovernsIndex;
  /** Repository-relative path → its citations, for every file scanned that cites something. */
  readonly citations: ReadonlyMap<string, FileCitations>;
  /** Files not scanned, by why: over 1 MB, binary, unreadable (gone, a link out, a loop). */
  readonly skipped: Readonly<Record<'large' | 'binary' | 'unreadable', number>>;
  readonly scanned: number;
  /** The code files that were to be scanned (repository-relative), read or not. */
  readonly files: readonly string[];
}

export interface CodeInput {
  readonly index: DecisionIndex;
  readonly config: ResolvedConfig;
  readonly root: string;
  /** The repository's tracked files (RepositoryPort.trackedFiles), relative to `root`. */
  readonly tracked: readonly string[];
  /** The decisions folders, absolute: never scanned as code. */
  readonly folders: readonly string[];
  readonly fs: FileSystemPort;
  readonly regexEngine?: RegexEngine;
  /** Files to scan for citations, repository-relative; default: every code file of `tracked`. `[]` scans none. */
  readonly scan?: readonly string[];
  /**
   * The citations of one file, when a cache has them for these citation forms (CitationForms.key);
   * undefined to read and scan it. `fresh` hands the result of a scan back for the cache to keep.
   */
  readonly cached?: (path: string, forms: string) => Promise<FileCitations | undefined>;
  readonly fresh?: (path: string, forms: string, citations: FileCitations) => void;
  /**
   * The citations of `files` found by a faster search than reading each file here (in a git
   * repository, one git grep for `forms.linePattern` whose lines `citationsInLines` reads), and
   * the files it skipped; undefined to read every file instead. It must find what reading finds.
   */
  readonly search?: (forms: CitationForms, files: readonly string[]) => Promise<CodeSearch | undefined>;
}

/** What a search for citations found: the files citing something, and those it did not scan. */
export interface CodeSearch {
  readonly citations: ReadonlyMap<string, FileCitations>;
  readonly skipped: Readonly<Record<'large' | 'binary' | 'unreadable', number>>;
}

/**
 * Matches every record's `governs` against the tracked files (one pass), then scans the code
 * files for citations, file by file (each bounded: 1 MB, 100 citations kept). The record rules
 * never wait for this: it runs only for `lint` without paths, `explain` and the editor's code
 * features, never on a keystroke in a record.
 */
export async function gatherCodeFacts(input: CodeInput): Promise<CodeFacts> {
  const entries = input.index.entries();
  const governs = GovernsIndex.build(entries, input.tracked, input.regexEngine);
  const citations = new Map<string, FileCitations>();
  const skipped = { large: 0, binary: 0, unreadable: 0 };
  const forms = new CitationForms(entries);
  // A decisions folder at the root itself ('.') is the prefix '' (every file).
  const folders = input.folders.map((folder) => relativePath(input.root, folder)).map((folder) => (folder === '.' ? '' : folder));
  const files = forms.empty ? [] : (input.scan ?? codeFilesToScan(input.tracked, input.config.code, folders));
  const searched = files.length && input.search ? await input.search(forms, files) : undefined;
  if (searched) {
    const skippedCount = searched.skipped.large + searched.skipped.binary + searched.skipped.unreadable;
    return { root: input.root, governs, citations: searched.citations, skipped: searched.skipped, scanned: files.length - skippedCount, files };
  }
  let scanned = 0;
  const formsKey = input.cached || input.fresh ? forms.key : '';
  for (const path of files) {
    let found = await input.cached?.(path, formsKey);
    if (!found) {
      const read = await readCodeText(input.fs, joinPath(input.root, path));
      if ('skipped' in read) {
        skipped[read.skipped]++;
        continue;
      }
      found = scanCitations(read.text, forms);
      input.fresh?.(path, formsKey, found);
    }
    scanned++;
    if (found.total) citations.set(path, found);
  }
  return { root: input.root, governs, citations, skipped, scanned, files };
}
