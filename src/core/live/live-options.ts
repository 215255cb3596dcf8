import type { FileSystemPort } from '../port/file-system';
import type { RegexEngine } from '../port/regex-engine';
import type { Clock } from '../port/clock';
import type { Scheduler } from '../port/scheduler';
import type { ResolvedConfig } from '../config/config';

export interface FindingsChange {
  /** The files whose findings changed; all files when undefined. */
  readonly paths?: readonly string[];
}

/** How far a load has come: first the whole index, then the body rules, a slice at a time. */
export interface LoadProgress {
  /**
   * `index`: every record is indexed and its frontmatter and cross-file findings are published;
   * `bodies`: one more slice of body-rule findings is published.
   */
  readonly phase: 'index' | 'bodies';
  readonly records: number;
  /** Records whose body rules have run in this load (or were overtaken by an edit or a re-read). */
  readonly bodiesDone: number;
}

/** What the front-end's own settings add to `.legible.json` (VS Code settings, LSP initialization options). */
export interface LiveSettings {
  /** Decisions folders used when `.legible.json` names none. */
  readonly folders?: readonly string[];
  /** Rule severities over those of `.legible.json`. */
  readonly severities?: ResolvedConfig['severities'];
  /** The pause in typing before body and cross-file rules run. */
  readonly debounceMs: number;
}

/** Where the engine says what it did and what failed; it never throws from background work. */
export interface LiveLog {
  info(message: string): void;
  warn(message: string): void;
  /** Background work failed: logged. */
  error(context: string, error: unknown): void;
  /** Work the user asked for (a file read after an event) failed: logged and told. */
  report(context: string, error: unknown): void;
}

/** A log that says nothing: the engine's when the front-end gives none. */
export const SILENT_LOG: LiveLog = { info() {}, warn() {}, error() {}, report() {} };

/**
 * What a folder's last load found, kept by the front-end between sessions (VS Code's
 * workspaceState): the next first load reads these at once, in the round trip of the look-ups that
 * confirm them, instead of one round trip after (the configuration after its look; the records
 * after their folder's listing). A hint only says what to read early: the load still looks, lists
 * and decides as without it, and a read ahead that nobody asks for is dropped.
 */
export interface LoadHints {
  /** `.legible.json` was a regular file: read it without a look first. */
  readonly configFile: boolean;
  /** Records the load read, relative to the folder's root (at most READ_AHEAD). */
  readonly records: readonly string[];
}

/** Where the front-end keeps a folder's LoadHints between sessions. */
export interface HintStore {
  read(): LoadHints | undefined;
  write(hints: LoadHints): void;
}

export interface LiveWorkspaceOptions {
  /** The port confined to this folder: nothing outside it is read, listed, looked up or written. */
  readonly fs: FileSystemPort;
  readonly root: string;
  /** The folder's name, for the log. */
  readonly name: string;
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  readonly regexEngine?: RegexEngine;
  /** Workspace Trust, asked at each load; trusted when absent. */
  readonly trusted?: () => boolean;
  /** Asked at each load (folders, severities) and each edit (debounce). */
  readonly settings?: () => LiveSettings;
  readonly log?: LiveLog;
  /**
   * Told as a load passes each step (`config`, `folders`, `open-first`, `listed`, `indexed`,
   * `published`): the front-end stamps them with its own clock, for the startup measure.
   */
  readonly trace?: (step: LoadStep) => void;
  /** The last load's hints: read at each first load, written after each load that publishes. */
  readonly hints?: HintStore;
}

/** The steps of a load, in the order the first one passes them (see LiveWorkspaceOptions.trace). */
export type LoadStep = 'config' | 'folders' | 'open-first' | 'listed' | 'indexed' | 'cross-file' | 'published' | 'links';
