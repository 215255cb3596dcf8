import assert from 'node:assert/strict';
import { completionsAt } from '../../../src/core/editor/completions';
import { artifactPathItems } from '../../../src/core/editor/artifact-values';
import { wantsCodeFiles } from '../../../src/core/editor/governs-values';
import { CURRENT, RECORDS, TODAY, cursorIn, indexOf } from './editor-support';

const index = indexOf(RECORDS);
/** The root CURRENT's paths are relative to: CURRENT is a record of its docs/decisions. */
const ROOT = CURRENT.slice(0, CURRENT.indexOf('/docs/decisions/'));
const RECORD_FILE = CURRENT.slice(CURRENT.lastIndexOf('/') + 1);
const FILES = [`docs/decisions/${RECORD_FILE}`, 'docs/decisions/0002-b.md', 'docs/runbooks/ledger.md', 'docs/runbooks/fx.md', 'services/ledger/README.md', 'README.md'];

function complete(marked: string, files: readonly string[] = FILES) {
  const { text, offset } = cursorIn(marked);
  return completionsAt(text, offset, index, { today: TODAY, path: CURRENT, codeFiles: files, root: ROOT }).map((c) => c.label);
}

describe('artifacts values in the editor', () => {
  it('completes links from the record\'s folder, as reference-resolves reads them: the way up first, then folders, then files', () => {
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - |\n---\n'), ['../', '0002-b.md']);
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - ../|\n---\n'), ['../../', '../decisions/', '../runbooks/']);
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - ../runbooks/l|\n---\n'), ['../runbooks/fx.md', '../runbooks/ledger.md']);
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts: [../../services/|]\n---\n'), ['../../services/ledger/']);
    // An exit plan's own `artifacts`, at the root.
    assert.deepEqual(complete('---\ntype: exit-plan\nartifacts:\n  - ../../|\n---\n'), ['../../docs/', '../../services/', '../../README.md']);
  });

  it('offers nothing above the repository, for a URL, or outside an artifacts list; asks for the code files only there', () => {
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - ../../../|\n---\n'), []);
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - https://wiki.example.com/|\n---\n'), []);
    assert.deepEqual(complete('---\ntype: adr\nartifacts:\n  - ../|\n---\n'), [], 'an ADR has no artifacts at its root');
    assert.ok(wantsCodeFiles(...(Object.values(cursorIn('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - ../|\n---\n')) as [string, number])));
    assert.ok(!wantsCodeFiles(...(Object.values(cursorIn('---\ntype: adr\nknowledge-exit-path:\n  holders: [am|]\n---\n')) as [string, number])));
  });

  it('leaves out the record itself and what the list holds already', () => {
    assert.deepEqual(artifactPathItems('', ['docs/decisions/0001-a.md', 'docs/decisions/runbook.md'], '/ws', '/ws/docs/decisions/0001-a.md').map((i) => i.value), ['../', 'runbook.md']);
    assert.deepEqual(complete('---\ntype: adr\nknowledge-exit-path:\n  artifacts:\n    - ../runbooks/fx.md\n    - ../runbooks/|\n---\n'), ['../runbooks/ledger.md']);
  });
});
