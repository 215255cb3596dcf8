/** Bounds that keep hostile or accidental input from hanging or exhausting the host. */
export interface Limits {
  /** Frontmatter larger than this is not parsed. */
  readonly maxFrontmatterBytes: number;
  /** Deepest nesting of YAML collections accepted; checked before composing. */
  readonly maxFrontmatterDepth: number;
  /** YAML nodes produced in total, aliases expanded (an alias bomb hits this). */
  readonly maxYamlNodes: number;
  /** Bodies larger than this skip the Markdown parse (body rules), never the frontmatter rules. */
  readonly maxBodyBytes: number;
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
  maxFileBytes: 4 * 1024 * 1024,
  maxSchemaBytes: 256 * 1024,
};
