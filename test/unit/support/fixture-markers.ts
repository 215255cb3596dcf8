/**
 * Reads the expected findings that a rule fixture writes inline (see test/fixtures/rules/README.md):
 *
 *   level: hgh  # expect: frontmatter-schema              (a YAML comment, inside the frontmatter)
 *   # Title <!-- expect: required-sections -->              (an HTML comment, anywhere)
 *   <!-- expect-line 1: duplicate-id -->                     (names the line when none can carry it)
 *
 * A marker is a comment in the file's own syntax, so it never changes what the file means. Each id
 * listed is one finding of that rule on that line; `rule-id (warning)` also pins the severity.
 */

export type MarkerSeverity = 'error' | 'warning' | 'info';

export interface Expectation {
  /** 1-based line number, as editors and the CLI print it. */
  readonly line: number;
  readonly ruleId: string;
  readonly severity?: MarkerSeverity;
}

export interface ParsedMarkers {
  readonly expectations: readonly Expectation[];
  /** Lines that mention `expect` like a marker but are not one (typos, wrong comment syntax). */
  readonly problems: readonly string[];
}

const HTML_MARKER = /<!--\s*expect(?:-line\s+(\d+))?\s*:\s*(.*?)\s*-->/g;
const YAML_MARKER = /(?:^|\s)#\s*expect(?:-line\s+(\d+))?\s*:\s*(.*?)\s*$/;
/** In a code file (a fixture's `code/` folder): a line comment, `// expect: …` or `# expect: …`, on any line. */
const CODE_MARKER = /(?:\/\/|#)\s*expect\s*:\s*(.*?)\s*$/;
const LOOKS_LIKE_MARKER = /\bexpect(?:-line\b[^:]*)?:/;
const ITEM = /^([a-z][a-z0-9-]*)(?:\s*\((error|warning|info)\))?$/;
const FENCE = /^(---|\+\+\+)[ \t]*$/;

/** The frontmatter's 0-based fence lines (`end` is the closing fence, or past the last line if unclosed). */
function frontmatterLines(lines: readonly string[]): { first: number; end: number } | undefined {
  const open = FENCE.exec(lines[0]?.replace(/^\uFEFF/, '') ?? '');
  if (!open) return undefined;
  for (let i = 1; i < lines.length; i++) if (lines[i].trimEnd() === open[1]) return { first: 0, end: i };
  return { first: 0, end: lines.length }; // unclosed: the whole file reads as frontmatter
}

export function parseMarkers(text: string, knownRules: ReadonlySet<string>, kind: 'markdown' | 'code' = 'markdown'): ParsedMarkers {
  const lines = text.split(/\r\n|\r|\n/);
  const region = kind === 'code' ? undefined : frontmatterLines(lines);
  const expectations: Expectation[] = [];
  const problems: string[] = [];
  const take = (lineNo: number, target: string | undefined, list: string, where: string): void => {
    const line = target === undefined ? lineNo : Number(target);
    if (line < 1 || line > lines.length) {
      problems.push(`${where}: expect-line ${line} is outside the file (1–${lines.length})`);
      return;
    }
    for (const raw of list.split(',')) {
      const item = ITEM.exec(raw.trim());
      if (!item) problems.push(`${where}: "${raw.trim()}" is not "rule-id" or "rule-id (severity)"`);
      else if (!knownRules.has(item[1])) problems.push(`${where}: "${item[1]}" is not a registered rule id`);
      else expectations.push({ line, ruleId: item[1], severity: item[2] as MarkerSeverity | undefined });
    }
  };
  lines.forEach((content, i) => {
    const lineNo = i + 1;
    const where = `line ${lineNo}`;
    let found = false;
    const code = kind === 'code' ? CODE_MARKER.exec(content) : null;
    if (code) {
      found = true;
      take(lineNo, undefined, code[1], where);
    }
    for (const match of kind === 'code' ? [] : content.matchAll(HTML_MARKER)) {
      found = true;
      take(lineNo, match[1], match[2], where);
    }
    const inFrontmatter = region !== undefined && i > region.first && i < region.end;
    if (!found && inFrontmatter) {
      const yaml = YAML_MARKER.exec(content);
      if (yaml) {
        found = true;
        take(lineNo, yaml[1], yaml[2], where);
      }
    }
    if (!found && LOOKS_LIKE_MARKER.test(content)) problems.push(`${where}: looks like a marker but is not one (outside the frontmatter, use <!-- expect: … -->): ${content.trim()}`);
  });
  return { expectations, problems };
}
