import type { Range } from '../text/position';
import type { LegacyFormat } from '../document/legacy';
import type { RecordType } from '../schema/schema-registry';
import type { Suppressed } from '../parse/suppressions';

/** A reference to another record by id, as written (`0007`, `ADR-0007`, 7). */
export interface IdRef {
  readonly raw: string;
  readonly number?: number;
  /** `ADR`, `RFC` or `EXIT` when the reference names the type. */
  readonly prefix?: string;
  readonly range: Range;
}

/** A `governs` glob as written, and where. */
export interface GlobRef {
  readonly glob: string;
  readonly range: Range;
}

/** A person as a record names them, and where. */
export interface NamedPerson {
  readonly field: 'owners' | 'deciders' | 'holders' | 'successors';
  readonly name: string;
  readonly range: Range;
}

/** A local link (artifacts) as written, and the path it points at. */
export interface LinkRef {
  readonly target: string;
  /** Absolute path, when the link is local (not a URL): read from the record's folder, as Markdown reads a link. */
  readonly resolved?: string;
  readonly range: Range;
  /** JSON Pointer of the value in the frontmatter (`/knowledge-exit-path/artifacts/0`); absent in entries cached before it existed. */
  readonly pointer?: string;
}

/**
 * What the tree, the report, cross-file rules and `legible list` know of a record, built from
 * the frontmatter alone (or a legacy record's metadata). Small on purpose: 10,000 of them stay in memory,
 * so long texts only a tooltip shows (the business-tradeoff answers) are read from the file when it opens.
 */
export interface DecisionEntry {
  readonly path: string;
  readonly folder: string;
  /** The number in the file name (`0007-…` → 7). */
  readonly number?: number;
  /** The id as the file name writes it (`0007`), or the file name without `.md`. */
  readonly id: string;
  readonly type: RecordType;
  readonly title: string;
  readonly status?: string;
  readonly date?: string;
  readonly owners: readonly string[];
  readonly deciders: readonly string[];
  readonly holders: readonly string[];
  readonly successors: readonly string[];
  readonly mechanisms: readonly string[];
  readonly risk?: string;
  readonly blastRadius?: string;
  readonly door?: string;
  readonly reviewBy?: string;
  readonly due?: string;
  readonly supersedes: readonly IdRef[];
  readonly supersededBy: readonly IdRef[];
  readonly related: readonly IdRef[];
  readonly decisions: readonly IdRef[];
  readonly plan?: IdRef;
  readonly artifacts: readonly LinkRef[];
  /** `governs`: the code the record governs, as repository-relative globs (core/code/governs-globs.ts). Absent in entries cached before it existed. */
  readonly governs?: readonly GlobRef[];
  readonly tags: readonly string[];
  /** Where each person is named in `owners`, `deciders`, `holders` and `successors`; absent when none is (or in entries cached before it existed). */
  readonly named?: readonly NamedPerson[];
  /**
   * JSON Pointers of the frontmatter values still template placeholders (`/risk/level`,
   * `/owners/0`): open questions. Their values are left out of every field above.
   */
  readonly placeholders: readonly string[];
  /** Set for records without Legible frontmatter: the format they were read as. */
  readonly legacy?: LegacyFormat;
  /** Where to point at the record as a whole (its title or first line), and at its status. */
  readonly anchor: Range;
  readonly statusRange?: Range;
  /** Rules turned off in the file by `<!-- legible-disable … -->`. */
  readonly suppressed: Suppressed;
}

/** True when the value at `pointer` (`/risk/level`) is still a placeholder, or lies inside one (`risk: TBD`). */
export function isOpen(entry: Pick<DecisionEntry, 'placeholders'>, pointer: string): boolean {
  return entry.placeholders.some((open) => pointer === open || pointer.startsWith(`${open}/`));
}

/** True when some value at, inside or around `pointer` is still a placeholder: a list with one open item is an open question. */
export function hasOpen(entry: Pick<DecisionEntry, 'placeholders'>, pointer: string): boolean {
  return entry.placeholders.some((open) => open === pointer || open.startsWith(`${pointer}/`) || pointer.startsWith(`${open}/`));
}
