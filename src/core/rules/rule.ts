import type { Root } from 'mdast';
import type { Range } from '../text/position';
import type { Span } from '../parse/frontmatter-fence';
import type { DecisionDocument } from '../document/decision-document';
import type { RecordType } from '../schema/schema-registry';
import type { SchemaValidator } from '../schema/validator';
import type { ResolvedConfig } from '../config/config';
import type { Severity } from '../config/severity';
import type { DecisionIndex } from '../index/decision-index';
import type { DecisionEntry } from '../index/decision-entry';
import type { CodeFacts } from '../code/code-facts';
import type { RecordEvidenceCache } from '../evidence/record-evidence';

export type { Severity } from '../config/severity';

/**
 * What a rule needs to run: the frontmatter alone, the parsed body, the whole index, the index
 * beside the records of another branch (`lint --base`, `affected`: only when a base is given), or
 * the code (the tracked files, `governs` matched against them, the citations in them: core/code/).
 */
export type RuleScope = 'document' | 'body' | 'workspace' | 'base' | 'code' | 'evidence';

export interface RuleMeta {
  readonly id: string;
  /** One line, for the README, SARIF and `--help`. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly scope: RuleScope;
}

export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/** Data that lets an editor offer a quick fix without re-deriving what the rule found. */
export type FixData = (
  | { readonly kind: 'add-fields'; readonly pointer: string; readonly fields: readonly string[] }
  | { readonly kind: 'replace-value'; readonly pointer: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'add-link'; readonly path: string; readonly key: 'superseded-by' | 'supersedes'; readonly id: string }
  | { readonly kind: 'add-section'; readonly heading: string; readonly prompt?: string }
  | { readonly kind: 'add-frontmatter' }
  /** The answer whose key is on document line `line`, rewritten as text YAML reads exactly; `block` prefers a folded block to quotes. */
  | { readonly kind: 'write-as-text'; readonly line: number; readonly block: boolean }
  /** An optional field left empty: its line removed (absent says the same, without an error). */
  | { readonly kind: 'remove-field'; readonly pointer: string }
  /** The frontmatter's fences: blank lines above the opening one removed, or a closing one added. */
  | { readonly kind: 'repair-fence' }
  /** A key repeated in its mapping, on document line `line`: removed with its value. */
  | { readonly kind: 'remove-repeated-key'; readonly line: number; readonly name: string }
  /** A citation in code of a record that was superseded: the finding's range (the citation) rewritten as its one successor's id. */
  | { readonly kind: 'cite-successor'; readonly id: string }
) & {
  /**
   * The fix carries out what the records already say and invents nothing — a back-link, the status
   * a named successor implies, the one vocabulary word a typo can be — so `legible lint --fix`
   * applies it unasked. A fix that writes placeholders or picks among several words is not safe.
   */
  readonly safe?: boolean;
};

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: FixData;
}

export interface Report {
  readonly message: string;
  /** Offsets in the document text; or give `range` directly. */
  readonly span?: Span;
  readonly range?: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: FixData;
  /**
   * A rule whose finding is graver in some cases (`holder-departed` with no successor) says so
   * here; a severity the configuration sets for the rule still wins.
   */
  readonly severity?: Severity;
}

export interface DocumentRuleContext {
  readonly doc: DecisionDocument;
  /** What the index knows of this record (built from the same document). */
  readonly entry: DecisionEntry;
  /** The record's type when its frontmatter names a known one. */
  readonly type?: RecordType;
  readonly config: ResolvedConfig;
  /** YYYY-MM-DD, from the caller: rules never read a clock. */
  readonly today: string;
  readonly validator: SchemaValidator;
  report(report: Report): void;
}

export interface BodyRuleContext extends DocumentRuleContext {
  readonly tree: Root;
}

/**
 * Whether a local link leads somewhere: `outside` when it leaves the workspace, as written or
 * through a symbolic link — then nothing was looked up, so whether a file exists there never shows.
 */
export type Presence = 'present' | 'missing' | 'outside';

export interface WorkspaceRuleContext {
  readonly index: DecisionIndex;
  readonly config: ResolvedConfig;
  readonly today: string;
  /** Where a local link (artifacts) leads. */
  presence(path: string): Promise<Presence>;
  /** Symbolic links in the decisions folders that lead outside the workspace (not followed, not indexed). */
  readonly outsideLinks: readonly string[];
  /**
   * The workspace root (absolute), when known: a link read from its record's folder (as Markdown
   * reads it) that is missing there may have been written from the root, as `governs` is.
   */
  readonly root?: string;
  report(path: string, report: Report & { readonly range: Range }): void;
}

/**
 * The records of the branch a change will be merged into (`--base <ref>`), as git holds them at
 * its tip, and what this branch added since the two parted. Paths are absolute, like the index's.
 */
export interface BaseRecords {
  /** The ref as the user gave it (`main`, `origin/main`), for messages. */
  readonly ref: string;
  /**
   * The files at the tip of `ref` in each decisions folder, without those this branch deletes or
   * renames away (after the merge they are gone).
   */
  readonly files: readonly string[];
  /** The files this branch added since the merge base (renames to a new number or folder included). */
  readonly added: ReadonlySet<string>;
}

export interface BaseRuleContext {
  readonly index: DecisionIndex;
  readonly config: ResolvedConfig;
  readonly base: BaseRecords;
  report(path: string, report: Report & { readonly range: Range }): void;
}

/**
 * A rule about records and the code they govern or that cites them. Runs only where the code was
 * read (`legible lint` without paths): never on a keystroke in a record.
 */
export interface CodeRuleContext {
  readonly index: DecisionIndex;
  readonly config: ResolvedConfig;
  readonly code: CodeFacts;
  /** `path` is absolute: a record's, or a code file's (`joinPath(code.root, file)`). */
  report(path: string, report: Report & { readonly range: Range }): void;
}

/**
 * A rule that sets what records declare (holders, successors, a verified exit plan) against what
 * the repository's history shows of the code they govern (core/evidence/). Runs only where the
 * history was read: `legible lint` with git, the editor after a HEAD change; never on a keystroke.
 */
export interface EvidenceRuleContext {
  /**
   * The records to check: every record, or in the editor after an edit only those whose evidence
   * inputs changed (core/evidence/evidence-findings.ts). Look across records through
   * `records.index`, and report on the record checked.
   */
  readonly index: DecisionIndex;
  readonly config: ResolvedConfig;
  readonly records: RecordEvidenceCache;
  report(path: string, report: Report & { readonly range: Range }): void;
}

export interface DocumentRule extends RuleMeta {
  readonly scope: 'document';
  check(context: DocumentRuleContext): void;
}

export interface BodyRule extends RuleMeta {
  readonly scope: 'body';
  /**
   * The check without the Markdown tree, when a cheap reading of the text is certain: reports what
   * `check` would and returns true; false when only the tree can tell. The body is parsed only when
   * some active rule returns false: remark is most of a lint's time, and 30 ms on a 50 KB record.
   */
  withoutTree?(context: DocumentRuleContext): boolean;
  check(context: BodyRuleContext): void;
}

export interface WorkspaceRule extends RuleMeta {
  readonly scope: 'workspace';
  check(context: WorkspaceRuleContext): Promise<void> | void;
}

/** A rule that compares this branch with the base it will be merged into; runs only when one is given. */
export interface BaseRule extends RuleMeta {
  readonly scope: 'base';
  check(context: BaseRuleContext): void;
}

export interface CodeRule extends RuleMeta {
  readonly scope: 'code';
  check(context: CodeRuleContext): void;
}

export interface EvidenceRule extends RuleMeta {
  readonly scope: 'evidence';
  check(context: EvidenceRuleContext): void;
}

export type Rule = DocumentRule | BodyRule | WorkspaceRule | BaseRule | CodeRule | EvidenceRule;
