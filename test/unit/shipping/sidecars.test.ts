import { strict as assert } from 'node:assert';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PICOMATCH_MEMBERS } from '../../../scripts/sidecars.mjs';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

/** Every TypeScript source below `folder`, with its text. */
async function sources(folder: string): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file: path.relative(SRC, file), text: await readFile(file, 'utf8') })));
}

describe('the bundles\' sidecars (scripts/sidecars.mjs)', () => {
  it('picomatch\'s stand-in has every member the code uses: a new one would be undefined in the bundles, not a build error', async () => {
    const used = new Map<string, string[]>();
    for (const { file, text } of await sources(SRC)) {
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
