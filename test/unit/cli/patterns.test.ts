import { strict as assert } from 'node:assert';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps, runCli, tempDir, TODAY, writeFile } from './cli-process';

/**
 * The bundled CLI runs a repository's patterns on RE2, loaded from re2.js and re2.wasm beside the
 * bundle, whatever folder it is started from: the hang shapes give their findings, an ordinary
 * pattern that the old screen refused applies, and lookahead is a warning naming the pattern.
 */

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string; line: number; message: string }>;
}

const RECORD = (title: string, tags: string): string => `---
type: adr
title: ${title}
status: accepted
date: 2026-03-02
owners: [amira]
tags: ${tags}
reversibility: {door: two-way}
risk: {level: low}
business-tradeoff: {reduces-risk: outage, preserves-option: exit, accepts-cost: cost, eases-later: scale, protects-outcome: revenue}
knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}
---

# Record

## Context

C.

## Decision

D.

## Consequences

C.
`;

/** A workspace with `.legible.json`, an ADR schema extension and two records; returns its root. */
async function workspace(config: unknown, extension: unknown): Promise<string> {
  const root = await tempDir('legible-cli-patterns-');
  await mkdir(path.join(root, 'docs', 'decisions'), { recursive: true });
  await writeFile(path.join(root, '.legible.json'), JSON.stringify(config));
  await writeFile(path.join(root, 'schemas-adr.json'), JSON.stringify(extension));
  await writeFile(path.join(root, 'docs', 'decisions', '0001-long-title.md'), RECORD('a'.repeat(400), '[payments, card-acquirer]'));
  await writeFile(path.join(root, 'docs', 'decisions', '0002-tags.md'), RECORD(`${'a'.repeat(400)}x`, '[payments, Bad_Tag, TBD]'));
  return root;
}

const EXTENSION = {
  type: 'object',
  properties: {
    title: { type: 'string', pattern: '.*.*.*x' },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$|^TBD$' } },
  },
};

describe('legible lint (process): repository patterns on RE2', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('started from another folder, applies .*.*.*x, ^[a-z]+(-[a-z]+)*$ and ^(a|a)*$ (placeholderPattern) on 400-character values, with the right findings', async () => {
    const root = await workspace({ placeholderPattern: '^(a|a)*$|^TBD$', schemaExtensions: { adr: 'schemas-adr.json' } }, EXTENSION);
    const elsewhere = await tempDir('legible-cli-cwd-');
    const result = await runCli(['lint', root, '--today', TODAY, '--format', 'json'], { cwd: elsewhere });
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1, result.stdout);
    const files = JSON.parse(result.stdout) as JsonFile[];
    const found = files.flatMap((file) => file.findings.map((f) => `${path.basename(file.path)} ${f.ruleId}@${f.line}`));
    assert.deepEqual(found, [
      // All a's is a placeholder (the schema finding on it is left to the placeholder rules); the
      // record is accepted, so each placeholder is an error.
      '0001-long-title.md placeholder-in-force@3',
      '0002-tags.md frontmatter-schema@7',
      '0002-tags.md placeholder-in-force@7',
    ]);
    const tags = files.find((file) => file.path.endsWith('0002-tags.md'))!.findings;
    assert.match(tags[0].message, /^`tags\[1\]` is "Bad_Tag"/);
  });

  it('warns once, naming the pattern, when RE2 cannot run it (lookahead), and lints with the rest', async () => {
    const root = await workspace({ placeholderPattern: '(?=TBD)', schemaExtensions: { adr: 'schemas-adr.json' } }, EXTENSION);
    const result = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
    assert.equal(result.stderr, 'legible: warning: .legible.json: placeholderPattern ignored: RE2 cannot run it: invalid perl operator: (?= (lookahead and lookbehind cannot run in linear time; RE2 refuses them)\n');
    const found = (JSON.parse(result.stdout) as JsonFile[]).flatMap((file) => file.findings.map((f) => `${path.basename(file.path)} ${f.ruleId}@${f.line}`));
    // The default placeholder pattern applies instead: it knows TBD.
    assert.deepEqual(found, ['0001-long-title.md frontmatter-schema@3', '0002-tags.md frontmatter-schema@7', '0002-tags.md placeholder-in-force@7']);
  });
});
