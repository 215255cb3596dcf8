import assert from 'node:assert/strict';
import { defaultConfig, type ResolvedConfig } from '../../../src/core/config/config';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { addSectionFix, bodyHeadings } from '../../../src/core/fixes/add-section';
import { applyOnly, assertFixed, CLEAN_ADR, cr, crlf, docOf, lintDoc, lines, only } from './fix-harness';

const FRONTMATTER = CLEAN_ADR.slice(0, CLEAN_ADR.indexOf('---\n', 4) + 4);
const CONTEXT = 'What is the issue that motivates this decision?';
const DECISION = 'What change are we making, and why this option over the others?';
const CONSEQUENCES = 'What becomes easier or harder because of this change?';

async function fixSection(body: string, config: ResolvedConfig = defaultConfig(), frontmatter = FRONTMATTER): Promise<string> {
  const text = frontmatter + body;
  const doc = docOf('0001-cache.md', text);
  const before = await lintDoc(doc, config);
  const finding = only(before, 'required-sections');
  const { action, text: fixed } = applyOnly(doc, finding, config);
  assert.equal(action.isPreferred, true);
  assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed), config), finding);
  return fixed.slice(frontmatter.length);
}

describe('fixes: add-section', () => {
  it('adds a section at the end of the one before it in the configured order', async () => {
    const body = lines('', '# Cache', '', '## Context', '', 'Sessions live in memory.', '', '## Consequences', '', 'Nobody is signed out.', '');
    assert.equal(
      await fixSection(body),
      lines('', '# Cache', '', '## Context', '', 'Sessions live in memory.', '', '## Decision', '', `<${DECISION}>`, '', '## Consequences', '', 'Nobody is signed out.', ''),
    );
  });

  it('titles the fix after the heading', () => {
    const doc = docOf('0001-cache.md', `${FRONTMATTER}\n# Cache\n`);
    assert.equal(addSectionFix(doc, 'Context', CONTEXT, defaultConfig())?.title, 'Add section "Context"');
  });

  it('goes after the subsections of the section before it, before the next heading of its level', async () => {
    const body = lines('', '# Cache', '', '## Context', '', 'Why.', '', '### Numbers', '', '12 sign-outs a day.', '', '## Consequences', '', 'Fewer.', '');
    assert.equal(
      await fixSection(body),
      lines('', '# Cache', '', '## Context', '', 'Why.', '', '### Numbers', '', '12 sign-outs a day.', '', '## Decision', '', `<${DECISION}>`, '', '## Consequences', '', 'Fewer.', ''),
    );
  });

  it('adds the last section at the end of the document, one blank line after the text', async () => {
    const sections = lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Decision', '', 'Redis.');
    const expected = lines(sections, '', '## Consequences', '', `<${CONSEQUENCES}>`, '');
    assert.equal(await fixSection(`${sections}\n`), expected, 'ends with a line break');
    assert.equal(await fixSection(sections), expected, 'ends without a line break');
    assert.equal(await fixSection(`${sections}\n\n`), expected, 'ends with a blank line');
    assert.equal(await fixSection(`${sections}\n\n\n \n`), `${expected}\n \n`, 'ends with blank lines: they stay at the end');
  });

  it('adds the first section before the one after it when none before it exists', async () => {
    const body = lines('', '# Cache', '', '## Decision', '', 'Redis.', '', '## Consequences', '', 'Fewer.', '');
    assert.equal(await fixSection(body), lines('', '# Cache', '', '## Context', '', `<${CONTEXT}>`, '', '## Decision', '', 'Redis.', '', '## Consequences', '', 'Fewer.', ''));
  });

  it('uses the level of the neighbouring section', async () => {
    const body = lines('', '# Context', '', 'Why.', '', '# Consequences', '', 'Fewer.', '');
    assert.equal(await fixSection(body), lines('', '# Context', '', 'Why.', '', '# Decision', '', `<${DECISION}>`, '', '# Consequences', '', 'Fewer.', ''));
  });

  it('adds the blank line a heading needs when the text before it has none', async () => {
    const body = lines('', '# Cache', '', '## Context', '', 'Why.', '## Consequences', 'Fewer.', '');
    assert.equal(await fixSection(body), lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Decision', '', `<${DECISION}>`, '', '## Consequences', 'Fewer.', ''));
  });

  it('ignores headings inside fenced code and HTML comments', async () => {
    const body = lines('', '# Cache', '', '## Context', '', '```md', '## Consequences', '```', '', '<!--', '## Consequences', '-->', '', '## Decision', '', 'Redis.', '');
    assert.equal(await fixSection(body), `${body}\n## Consequences\n\n<${CONSEQUENCES}>\n`);
  });

  it('reads setext headings', async () => {
    const body = lines('', 'Cache', '=====', '', 'Context', '-------', '', 'Why.', '', 'Consequences', '------------', '', 'Fewer.', '');
    assert.equal(
      await fixSection(body),
      lines('', 'Cache', '=====', '', 'Context', '-------', '', 'Why.', '', '## Decision', '', `<${DECISION}>`, '', 'Consequences', '------------', '', 'Fewer.', ''),
    );
    assert.deepEqual(
      bodyHeadings(docOf('0001-cache.md', FRONTMATTER + body)).map((h) => [h.level, h.text]),
      [
        [1, 'Cache'],
        [2, 'Context'],
        [2, 'Consequences'],
      ],
    );
  });

  it('asks what belongs under a configured section the schema has no prompt for', async () => {
    const config = { ...defaultConfig(), sections: { ...defaultConfig().sections, adr: ['Context', 'Options', 'Decision'] } };
    const body = lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Decision', '', 'Redis.', '');
    assert.equal(
      await fixSection(body, config),
      lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Options', '', '<What belongs under Options?>', '', '## Decision', '', 'Redis.', ''),
    );
  });

  it('keeps CRLF line endings', async () => {
    const frontmatter = crlf(FRONTMATTER);
    const body = crlf(lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Consequences', '', 'Fewer.', ''));
    assert.equal(
      await fixSection(body, defaultConfig(), frontmatter),
      crlf(lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Decision', '', `<${DECISION}>`, '', '## Consequences', '', 'Fewer.', '')),
    );
  });

  it('adds a section to a record with no body after a blank line', async () => {
    const text = `${FRONTMATTER.trimEnd()}`;
    const action = addSectionFix(docOf('0001-cache.md', text), 'Context', CONTEXT, defaultConfig())!;
    assert.equal(applyEdits(text, action.edits), `${text}\n\n## Context\n\n<${CONTEXT}>\n`);
    const closed = `${FRONTMATTER}`;
    const again = addSectionFix(docOf('0001-cache.md', closed), 'Context', CONTEXT, defaultConfig())!;
    assert.equal(applyEdits(closed, again.edits), `${closed}\n## Context\n\n<${CONTEXT}>\n`);
  });

  it('keeps CR-only line endings', async () => {
    const frontmatter = cr(FRONTMATTER);
    const body = cr(lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Consequences', '', 'Fewer.', ''));
    assert.equal(
      await fixSection(body, defaultConfig(), frontmatter),
      cr(lines('', '# Cache', '', '## Context', '', 'Why.', '', '## Decision', '', `<${DECISION}>`, '', '## Consequences', '', 'Fewer.', '')),
    );
  });

  it('offers no fix when the section is there already (a stale finding)', async () => {
    const doc = docOf('0001-cache.md', CLEAN_ADR);
    assert.equal(addSectionFix(doc, 'Decision', DECISION, defaultConfig()), undefined);
    assert.deepEqual(await lintDoc(doc), []);
    assert.deepEqual(fixesFor(doc, { ruleId: 'required-sections', severity: 'warning', message: '', path: doc.path, range: doc.lines.lineRange(0), fix: { kind: 'add-section', heading: 'Decision' } }, defaultConfig()), []);
  });
});
