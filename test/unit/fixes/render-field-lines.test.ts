import assert from 'node:assert/strict';
import { renderFieldLines, renderTemplate, sectionPrompt } from '../../../src/core/templates/render-template';

describe('templates: renderFieldLines (shared by the template and the fixes)', () => {
  it('writes one field as the template writes it; a structure with its required and recommended children', () => {
    const template = renderTemplate({ type: 'adr', title: 'Cache', date: '2026-11-21' }).text;
    const holders = renderFieldLines('adr', ['knowledge-exit-path', 'holders'], { indent: '  ' });
    assert.ok(template.includes(`\n${holders.join('\n')}\n`));
    const risk = renderFieldLines('adr', ['risk']);
    assert.ok(template.includes(`\n${risk.join('\n')}\n`));
    assert.deepEqual(risk, ['risk:', '  level: <low | medium | high | critical>', '  blast-radius: <component | team | cross-team | org>', '  mitigation: >-', '    <How will we lower this risk, or recover if it happens?>']);
  });

  it('indents by the given key indentation and unit', () => {
    assert.deepEqual(renderFieldLines('adr', ['knowledge-exit-path', 'successors'], { indent: '    ', unit: '    ' }), ['    successors:', '        - <Who will operate this without the holders?>']);
  });

  it('writes known values instead of placeholders, and keys the template leaves out when given', () => {
    assert.deepEqual(renderFieldLines('adr', ['superseded-by'], { fixed: { 'superseded-by': ['ADR-0009', '0010'] } }), ['superseded-by:', '  - ADR-0009', '  - "0010"']);
    assert.deepEqual(renderFieldLines('adr', ['risk'], { fixed: { 'risk.level': 'high' } }).slice(0, 2), ['risk:', '  level: high']);
  });

  it('writes nothing for a field the schema does not know', () => {
    assert.deepEqual(renderFieldLines('adr', ['nav_order']), []);
  });

  it('asks the schema\'s question for a section, or what belongs under a configured one', () => {
    assert.equal(sectionPrompt('adr', 'decision'), 'What change are we making, and why this option over the others?');
    assert.equal(sectionPrompt('adr', 'Options'), 'What belongs under Options?');
  });
});
