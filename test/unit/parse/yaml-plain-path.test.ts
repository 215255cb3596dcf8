import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { parseYamlFrontmatter, parseYamlWithLibrary, type ParsedYaml } from '../../../src/core/parse/yaml-frontmatter';
import { parsePlainYaml } from '../../../src/core/parse/yaml-plain-path';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { renderTemplate } from '../../../src/core/templates/render-template';
import { sampleRecords } from '../../bench/generate-corpus';

/**
 * The plain path must never disagree with yaml: on every input it accepts, the same data (types
 * included: 7 not '7', null, -0, NaN) and the same source location for every JSON Pointer, and
 * yaml must report no problem there. Inputs it does not accept go to yaml. Checked on every
 * frontmatter the project has, on generated records, and on random YAML-like text.
 */

const REPO = path.resolve(__dirname, '..', '..', '..');
const LIMITS = DEFAULT_LIMITS;

function markdownFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out = out.concat(markdownFiles(file));
    else if (name.endsWith('.md')) out.push(file);
  }
  return out;
}

function plain(source: string, offset = 0): ReturnType<typeof parsePlainYaml> {
  return parsePlainYaml(source, offset, LIMITS.maxFrontmatterDepth, LIMITS.maxYamlNodes);
}

/** Compares the plain path with yaml on one frontmatter; true when the plain path accepted it. */
function agree(source: string, offset: number, library: ParsedYaml, label: string): boolean {
  const fast = plain(source, offset);
  if (!fast) return false;
  assert.deepEqual(library.problems, [], `${label}: yaml reports problems the plain path accepted`);
  // deepStrictEqual tells 7 from '7', null from undefined, and -0 from 0.
  assert.deepStrictEqual(fast.data, library.data, `${label}: data`);
  assert.deepStrictEqual(new Map([...fast.locations].sort()), new Map([...library.locations].sort()), `${label}: locations`);
  return true;
}

function compareDocument(text: string, label: string): boolean | undefined {
  const block = findFrontmatter(text);
  if (block.kind !== 'closed' || block.fence !== 'yaml') return undefined;
  const source = text.slice(block.content.start, block.content.end);
  return agree(source, block.content.start, parseYamlWithLibrary(text, block.content, LIMITS), label);
}

describe('frontmatter YAML: the plain path agrees with yaml', () => {
  it('on every frontmatter of the fixtures, the examples and the real-world corpus', () => {
    const files = [...markdownFiles(path.join(REPO, 'test', 'fixtures')), ...markdownFiles(path.join(REPO, 'examples'))];
    let compared = 0;
    let ordinary = 0;
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const result = compareDocument(text, path.relative(REPO, file));
      if (result === undefined) continue;
      compared++;
      // A comment sends a frontmatter to yaml by design, and the rule fixtures carry theirs
      // (`# expect: rule` markers): the share the plain path must carry is of the others.
      const block = findFrontmatter(text);
      if (block.kind === 'closed' && /(^|\s)#/.test(text.slice(block.content.start, block.content.end))) continue;
      ordinary++;
      if (result) accepted++;
    }
    assert.ok(compared > 100, `${compared} frontmatters compared`);
    // The examples and most fixtures are ordinary frontmatter: the plain path must carry them.
    assert.ok(ordinary > 100 && accepted / ordinary > 0.9, `the plain path read ${accepted} of ${ordinary} frontmatters without comments`);
  });

  it('on 400 generated records in the project vocabulary, every one of them read by the plain path', () => {
    const records = sampleRecords(400);
    for (const record of records) assert.equal(compareDocument(record.text, record.file), true, `${record.file} fell back to yaml`);
  });

  it('on every template, with its questions and with prose typed into its folded blocks: read by the plain path (issue 13)', () => {
    const sentence = 'Latency incidents: only 4 of 11 #2 - "quoted" \'single\' | > & * ! % @ — 会话 😀 \\';
    for (const type of RECORD_TYPES) {
      const { text } = renderTemplate({ type, title: 'T', date: '2026-11-21', owners: ['amira'] });
      assert.equal(compareDocument(text, `${type} template`), true, `${type} template fell back to yaml`);
      const typed = text.replace(/^( +)<[^>\n]+>$/gm, (line, indent: string) => (/: >-\n$/.test(text.slice(0, text.indexOf(line))) ? `${indent}${sentence}` : line));
      assert.ok(typed.includes(sentence), type);
      assert.equal(compareDocument(typed, `${type} template, typed`), true, `${type} template with prose typed fell back to yaml`);
    }
  });

  it('on random YAML-like text (fast-check): well-formed trees with hostile scalars, and random lines', () => {
    // Mostly ordinary pieces, some hostile: a document with one hostile piece goes to yaml whole.
    const KEY = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('type', 'title', 'risk', 'level', 'door', 'owners', 'tags', 'a', 'b b', 'k.e-y', 'é', 'x:y', 'a#b') },
      { weight: 1, arbitrary: fc.constantFrom('1', '0x1F', '~', 'true', '__proto__', '-k', '"q"', 'k ', 'a', 'a', 'title') },
    );
    const ORDINARY = fc.constantFrom('adr', 'two words', '0007', '7', '-5', '+1', '1e3', '.5', '1.', '0o17', '0x1f', '.inf', '-.Inf', '.NaN', '~', 'null', 'true', 'False', 'yes', 'no', '',
      '2026-03-02', 'a:b', 'a#b', 'x,y', '[x, y]', '[]', '[ x ,"y" ]', "['it''s', b]", '"quoted"', "'it''s'", '-x', 'trailing  ', 'ü ñ', '<What?>', "[1, 0x2, ~, \"\", '']");
    const HOSTILE = fc.constantFrom('Null', 'a: b', 'a #b', '[a, [b]]', '[a,]', '[a: b]', '{a: b}', '"esc\\n"', "'open", '"open', '- x', '? x', '&a x', '*a', '!!str x',
      '@x', '`x`', '%x', '|', '>-', '>', '|-', '>+', ' # c', 'a ', '"a" b');
    const SCALAR = fc.oneof({ weight: 30, arbitrary: ORDINARY }, { weight: 1, arbitrary: HOSTILE });
    const BLOCK_LINE = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('folded text', 'more', '', '# not a comment', 'a: b', '- x', 'x  ') }, { weight: 1, arbitrary: fc.constantFrom('  deeper', '') });
    type Tree = { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: string[] } | { kind: 'seq'; items: Tree[] } | { kind: 'map'; entries: Array<[string, Tree]> };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        SCALAR.map((text): Tree => ({ kind: 'scalar', text })),
        fc.tuple(fc.constantFrom('>-', '|', '>', '|-'), fc.array(BLOCK_LINE, { minLength: 1, maxLength: 4 })).map(([header, lines]): Tree => ({ kind: 'block', header, lines })),
        // Mostly scalar items, as in frontmatter; a nested block in a list goes to yaml.
        fc.array(fc.oneof({ weight: 8, arbitrary: SCALAR.map((text): Tree => ({ kind: 'scalar', text })) }, { weight: 1, arbitrary: tie('tree') }), { minLength: 1, maxLength: 4 }).map((items): Tree => ({ kind: 'seq', items })),
        fc.uniqueArray(fc.tuple(KEY, tie('tree')), { minLength: 1, maxLength: 4, selector: ([key]) => key }).map((entries): Tree => ({ kind: 'map', entries })),
      ),
    }));
    const render = (node: Tree, indent: number, step: number, compact: boolean): string[] => {
      const pad = ' '.repeat(indent);
      if (node.kind === 'map') {
        return node.entries.flatMap(([key, value]) => {
          if (value.kind === 'scalar') return [`${pad}${key}: ${value.text}`];
          if (value.kind === 'block') return [`${pad}${key}: ${value.header}`, ...value.lines.map((l) => (l ? `${pad}${' '.repeat(step)}${l}` : ''))];
          const childIndent = value.kind === 'seq' && compact ? indent : indent + step;
          return [`${pad}${key}:`, ...render(value, childIndent, step, compact)];
        });
      }
      if (node.kind === 'seq') return node.items.flatMap((item) => (item.kind === 'scalar' ? [`${pad}- ${item.text}`] : [`${pad}-`, ...render(item, indent + step, step, compact)]));
      if (node.kind === 'block') return [`${pad}${node.header}`, ...node.lines];
      return [`${pad}${node.text}`];
    };
    const EXTRA = fc.constantFrom('# comment', '', '', '# comment', '  # indented comment', '   ', '-', '---', '...', 'a: 1', '  b: 2', '- c');
    const documents = fc
      .tuple(
        fc.uniqueArray(fc.tuple(KEY, tree), { minLength: 1, maxLength: 5, selector: ([key]) => key }),
        fc.constantFrom(2, 4, 1, 3),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), EXTRA), { maxLength: 2 }),
        fc.boolean(),
      )
      .map(([entries, step, compact, extras, newline]) => {
        const lines = render({ kind: 'map', entries }, 0, step, compact);
        for (const [at, extra] of extras) lines.splice(at % (lines.length + 1), 0, extra);
        return `${lines.join('\n')}${newline ? '\n' : ''}`;
      });
    let runs = 0;
    let accepted = 0;
    fc.assert(
      fc.property(documents, (source) => {
        runs++;
        const text = `---\n${source}---\n`;
        if (agree(source, 4, parseYamlWithLibrary(text, { start: 4, end: 4 + source.length }, LIMITS), JSON.stringify(source))) accepted++;
      }),
      { numRuns: 4000, seed: 20261121 },
    );
    // Enough accepted inputs for the agreement to mean something.
    assert.ok(accepted > runs / 5, `the plain path read ${accepted} of ${runs}`);
  });
});

describe('frontmatter YAML: what the plain path leaves to yaml', () => {
  const cases: Record<string, string> = {
    anchor: 'a: &x 1\nb: *x\n',
    tag: 'a: !!binary aGk=\n',
    'flow mapping': 'a: {b: 1}\n',
    'multi-line plain scalar': 'a: one\n  two\n',
    'multi-line quoted scalar': 'a: "one\n  two"\n',
    'escape in a double-quoted scalar': 'a: "tab\\there"\n',
    'comment after a value': 'a: 1 # why\n',
    'duplicate key': 'a: 1\na: 2\n',
    tab: 'a:\t1\n',
    CR: 'a: 1\r\nb: 2\r\n',
    'block scalar with keep chomping': 'a: |+\n  x\n\n',
    'block scalar without a final newline': 'a: >-\n  x',
    'a list at the root': '- a\n- b\n',
    'a scalar at the root': 'just text\n',
    'nesting past the depth limit': Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' v\n',
  };
  for (const [name, source] of Object.entries(cases)) {
    it(`${name}: returns undefined, and parseYamlFrontmatter gives yaml's own answer`, () => {
      assert.equal(plain(source), undefined);
      const text = `---\n${source}---\n`;
      const content = { start: 4, end: 4 + source.length };
      assert.deepStrictEqual(parseYamlFrontmatter(text, content, LIMITS), parseYamlWithLibrary(text, content, LIMITS));
    });
  }

  it('a flow sequence longer than the node budget: left to yaml, which reports too-many-nodes', () => {
    const source = `a: [${Array.from({ length: 30 }, () => 'x').join(', ')}]\n`;
    assert.equal(parsePlainYaml(source, 0, LIMITS.maxFrontmatterDepth, 20), undefined);
    const text = `---\n${source}---\n`;
    const parsed = parseYamlFrontmatter(text, { start: 4, end: 4 + source.length }, { ...LIMITS, maxYamlNodes: 20 });
    assert.deepEqual(parsed.problems.map((p) => p.code), ['too-many-nodes']);
  });
});
