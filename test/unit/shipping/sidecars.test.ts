import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { PICOMATCH_MEMBERS } from '../../../scripts/sidecars.mjs';
import { snapshot } from '../cli/cli-process';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

describe('the bundles\' sidecars (scripts/sidecars.mjs)', () => {
  it('picomatch\'s stand-in has every member the code uses: a new one would be undefined in the bundles, not a build error', async () => {
    const used = new Map<string, string[]>();
    for (const [file, bytes] of await snapshot(SRC)) {
      const text = file.endsWith('.ts') ? Buffer.from(bytes, 'base64').toString('utf8') : '';
      if (!/from 'picomatch(\/posix)?'/.test(text)) continue;
      // Members of the default import, types aside (they are gone from the bundles).
      for (const [, member] of text.matchAll(/\bpicomatch\.([A-Za-z_$][\w$]*)/g)) {
        if (/^[A-Z]/.test(member)) continue;
        used.set(member, [...(used.get(member) ?? []), file]);
      }
    }
    assert.ok(used.has('makeRe'), 'the scan found no use at all: has the import changed?');
    for (const [member, files] of used) assert.ok(PICOMATCH_MEMBERS.includes(member), `picomatch.${member} (${files.join(', ')}) is not in the stand-in: add it to PICOMATCH_FUNCTIONS in scripts/sidecars.mjs`);
  });
});
