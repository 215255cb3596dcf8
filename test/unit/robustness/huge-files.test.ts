import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { defaultConfig } from '../../../src/core/config/config';
import { completionsAt } from '../../../src/core/editor/completions';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { DecisionWorkspace } from '../../../src/core/workspace/decision-workspace';
import { loadConfig } from '../../../src/core/workspace/load-config';
import { brief, TODAY } from '../support/workspace';
import { assertInside, bounded, cleanAdr, FILE, lintOne } from './robustness-support';

/**
 * Issue 5, the remark facts: remark on a 1 MB body takes seconds and about 1 GB, and a 50 MB file
 * runs it out of heap. Body rules skip a body over maxBodyBytes with one info finding; a file over
 * maxFileBytes is read only up to the limit, and its frontmatter is still linted.
 */

/** A record whose frontmatter has one problem of its own (review-by passed: review-overdue on line 7). */
function recordWithBody(body: string): string {
  return cleanAdr('Huge', ['review-by: 2026-01-01'], body);
}
const BODY_LINE = 13; // the blank line after the closing fence (cleanAdr with one extra line)

describe('robustness: huge files', () => {
  it('a 1 MB body: body rules skipped with one info finding where the body starts; frontmatter rules still run; no remark parse', async () => {
    const body = `## Context\n\n${'All work and no play makes a long record. '.repeat(25_000)}\n`;
    assert.ok(body.length > 1_000_000);
    const text = recordWithBody(body);
    const { findings, workspace } = await lintOne(text);
    assert.deepEqual(brief(findings), ['review-overdue@7', `required-sections@${BODY_LINE}`]);
    const skipped = findings[1];
    assert.equal(skipped.severity, 'info');
    assert.match(skipped.message, new RegExp(`body rules read at most ${DEFAULT_LIMITS.maxBodyBytes}, so its sections were not checked`));
    assertInside(text, findings);
    // Typing in the frontmatter of such a file stays cheap: the editor reads the frontmatter lines only.
    await bounded('completion in a 1 MB record', () => completionsAt(text, text.indexOf('status: ') + 8, workspace.index, { today: TODAY }), 500);
  });

  describe('a 50 MB file on disk', () => {
    let root: string;
    let size: number;
    const bytesRead: number[] = [];
    class CountingFileSystem extends NodeFileSystem {
      override async readFile(file: string): Promise<Uint8Array> {
        const bytes = await super.readFile(file);
        bytesRead.push(bytes.length);
        return bytes;
      }
      override async readFileHead(file: string, maxBytes: number): Promise<Uint8Array> {
        const bytes = await super.readFileHead(file, maxBytes);
        bytesRead.push(bytes.length);
        return bytes;
      }
      override async readBounded(file: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
        const read = await super.readBounded(file, maxBytes);
        bytesRead.push(read.bytes.length);
        return read;
      }
    }

    before(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'legible-huge-'));
      await mkdir(path.join(root, 'docs', 'decisions'), { recursive: true });
      const head = recordWithBody('## Context\n\n');
      const line = 'Fifty megabytes of appendix nobody will read to the end.\n';
      const text = head + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
      size = Buffer.byteLength(text);
      await writeFile(path.join(root, FILE), text);
    });

    after(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('is read only up to maxFileBytes: file-readable on line 1, the body skipped with one info finding, the frontmatter linted', async () => {
      const fs = new CountingFileSystem();
      const loaded = await loadConfig(fs, root, { trusted: true });
      const workspace = new DecisionWorkspace({ fs, root, folders: [`${root}/docs/decisions`], config: loaded.config, validator: loaded.validator, today: TODAY });
      await bounded('scanning a 50 MB record', () => workspace.scan());
      const findings = [...(await workspace.findings()).values()].flat();
      assert.deepEqual(brief(findings), ['file-readable@1', 'review-overdue@7', `required-sections@${BODY_LINE}`]);
      assert.ok(size > 50 * 1024 * 1024);
      assert.equal(findings[0].message, `This file is ${size} bytes; Legible read only its first ${DEFAULT_LIMITS.maxFileBytes} bytes. Is it really a decision record?`);
      assert.equal(findings[2].severity, 'info');
      assert.deepEqual(bytesRead, [DEFAULT_LIMITS.maxFileBytes], 'one read, of the head only');
      assert.equal(workspace.index.get(`${root}/${FILE}`)?.title, 'Huge', 'indexed from its head');
      assert.equal(defaultConfig().limits.maxFileBytes, DEFAULT_LIMITS.maxFileBytes);
    });
  });
});
