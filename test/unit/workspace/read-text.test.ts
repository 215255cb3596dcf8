import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { readDecisionText } from '../../../src/core/workspace/read-text';

describe('readDecisionText: a file over maxFileBytes is cut at a character boundary', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'legible-read-text-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Each character is 2, 3 or 4 bytes: every cut from one byte past a character to the next.
  for (const [name, char] of [['Ä (2 bytes)', 'Ä'], ['€ (3 bytes)', '€'], ['😀 (4 bytes)', '😀']] as const) {
    it(`${name}: a complete character at the cut stays, a part of one goes`, async () => {
      const file = path.join(dir, `${name.slice(0, 1)}.md`);
      const width = Buffer.byteLength(char);
      await writeFile(file, char.repeat(6));
      for (const fs of [new NodeFileSystem(), new NodeFileSystem({ reads: 'blocking' }), new NodeFileSystem({ reads: 'adaptive' })]) {
        for (let cut = width * 3; cut < width * 4; cut++) {
          const read = await readDecisionText(fs, file, { maxFileBytes: cut });
          assert.equal(read.text, char.repeat(3), `cut after ${cut} bytes`);
          assert.match(read.problem ?? '', new RegExp(`is ${width * 6} bytes; Legible read only its first ${cut} bytes`));
        }
      }
    });
  }
});
