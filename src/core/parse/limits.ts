/**
 * Bounds that keep hostile or accidental input from hanging or exhausting the host. They are
 * ceilings: `.legible.json` may lower one, never raise it (config.ts).
 */
export interface Limits {
  /** Frontmatter larger than this is not parsed. */
  readonly maxFrontmatterBytes: number;
  /** Deepest nesting of YAML collections accepted; checked before composing. */
  readonly maxFrontmatterDepth: number;
  /** YAML nodes produced in total, aliases expanded (an alias bomb hits this). */
  readonly maxYamlNodes: number;
  /** Bodies larger than this skip the Markdown parse (body rules), never the frontmatter rules. */
  readonly maxBodyBytes: number;
  /**
   * Bodies whose lists, quotes and setext headings would take the Markdown parser as long as one
   * block of more lines than this skip the parse (markdown-work.ts): its time grows with their square.
   */
  readonly maxBlockLines: number;
  /** A file larger than this is indexed from its head only. */
  readonly maxFileBytes: number;
  /** Repository-provided schema files larger than this are refused. */
  readonly maxSchemaBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFrontmatterBytes: 64 * 1024,
  maxFrontmatterDepth: 16,
  maxYamlNodes: 20_000,
  maxBodyBytes: 512 * 1024,
  // The largest real record here comes to about 600 (a Rust RFC of 1,900 lines); a block at 2,000 parses in about a second on a busy machine.
  maxBlockLines: 2000,
  maxFileBytes: 4 * 1024 * 1024,
  maxSchemaBytes: 256 * 1024,
};
