import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { gatherCodeFacts, type CodeFacts } from '../../../src/core/code/code-facts';
import { MAX_CITATIONS_PER_FILE } from '../../../src/core/code/citations';
import { DecisionWorkspace } from '../../../src/core/workspace/decision-workspace';
import { discoverFolders } from '../../../src/core/workspace/discover-folders';
import { loadConfig } from '../../../src/core/workspace/load-config';
import { gitCitationSearch } from '../../../src/cli/code/git-citation-search';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPortable } from '../../../src/node/portable-path';
import { trackedFilesBelow } from '../../../src/node/tracked-files';
import { cleanAdr } from '../support/workspace';
import { cleanupTemps, git, gitRepository, tempDir, TODAY } from './cli-process';
import { filesAt } from '../support/put-file';

/**
 * A repository with every kind of file the citation scan must tell apart: made with git, scripted
 * author and date. `folder` is where the workspace (its `.legible.json` and records) lies in it.
 */
async function repository(folder = ''): Promise<{ dir: string; root: string }> {
  const dir = await tempDir('legible-citations-');
  const put = filesAt(path.join(dir, folder));
  await put('.legible.json', JSON.stringify({ folders: ['docs/decisions', 'docs/pay'], code: { exclude: ['generated/**'] } }));
  await put('docs/decisions/0001-use-postgresql.md', cleanAdr('Use PostgreSQL'));
  await put('docs/decisions/0002-use-kafka.md', cleanAdr('Use Kafka'));
  await put('docs/decisions/notes.txt', 'ADR-0099 in a decisions folder is no code\n');
  await put('docs/pay/pay012-settle.md', cleanAdr('Settle daily'));
  // Non-ASCII before a citation (columns are UTF-16, as the editor counts), CRLF, lone CRs (old
  // Mac lines), a BOM, invalid UTF-8, ids glued to words, a folder's own prefix in any case.
  await put('services/ledger.ts', '// héllo wörld ADR-0001\r\n// 🚀 rocket, see ADR-0002 and XADR-0001, ADR-0001x\r\nconst s = "adr-0001 is prose";\n// Pay12 and pay012\n');
  await put('services/mac.ts', 'one\rtwo ADR-0001\rthree\n// ADR-0002\r\r\nADR-0099\n');
  await put('services/bom.ts', '\uFEFFADR-0001 at the very start\n');
  await put('services/latin1.ts', Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(' ADR-0002\n'), Buffer.from([0xe2, 0x82]), Buffer.from('\nADR-0001\n')]));
  await put('services/many.ts', 'ADR-0001 '.repeat(MAX_CITATIONS_PER_FILE + 50));
  // Over 1 MB: citations on a short first line, and one line over 1 MB alone.
  await put('services/big.js', `// ADR-0001\n${'x'.repeat(80)}\n`.repeat(13_000));
  await put('services/minified.js', `var a="ADR-0001";${'a=1;'.repeat(300_000)}\n`);
  // Binary (NUL in the first 8,000 bytes), and text with a NUL past them.
  await put('assets/blob.bin', Buffer.concat([Buffer.from('ADR-0001\n'), Buffer.from([0, 1, 2])]));
  await put('assets/late-nul.txt', Buffer.concat([Buffer.from('ADR-0002\n'), Buffer.alloc(8100, 0x61), Buffer.from([0]), Buffer.from('\nADR-0001\n')]));
  await put('generated/api.ts', '// ADR-0001\n');
  await put('node_modules/lib/index.js', '// ADR-0001\n');
  await put('dist/out.js', '// ADR-0001\n');
  await put('.gitignore', 'ignored/\n');
  gitRepository(dir, { message: 'Code that cites its decisions', force: [path.join(folder, 'node_modules'), path.join(folder, 'dist')] });
  // Neither tracked nor scanned: an untracked file, an ignored one.
  await put('untracked.ts', '// ADR-0001\n');
  await put('ignored/x.ts', '// ADR-0001\n');
  // Tracked, and changed in the work tree: the work tree's text is what counts.
  await put('services/changed.ts', '// ADR-0002 edited\n');
  git(dir, 'add', path.join(folder, 'services', 'changed.ts'));
  await put('services/changed.ts', '// ADR-0001 edited again\n');
  return { dir, root: toPortable(path.join(dir, folder)) };
}

/** The code facts by reading every file, or through git grep (`searched` says it answered: no silent fallback). */
async function facts(root: string, withGit: boolean): Promise<CodeFacts & { searched: boolean }> {
  const fs = new NodeFileSystem({ root });
  const loaded = await loadConfig(fs, root, { trusted: true });
  const folders = await discoverFolders(fs, root, loaded.config);
  const workspace = new DecisionWorkspace({ fs, root, folders, config: loaded.config, validator: loaded.validator, today: TODAY });
  await workspace.scan(await workspace.listFiles(), { body: false });
  const tracked = await trackedFilesBelow(root);
  assert.ok(tracked, 'git lists the files');
  const search = gitCitationSearch({ root, folders, env: process.env });
  let searched = false;
  const gathered = await gatherCodeFacts({
    index: workspace.index,
    config: loaded.config,
    root,
    tracked,
    folders,
    fs,
    ...(withGit && {
      search: async (forms, files) => {
        const found = await search(forms, files);
        searched = found !== undefined;
        return found;
      },
    }),
  });
  return { ...gathered, searched };
}

describe('the citation scan in a git repository (git grep) finds what reading every file finds', function () {
  this.timeout(60_000);
  after(cleanupTemps);

  for (const folder of ['', 'apps/billing']) {
    it(`the same citations, lines and UTF-16 columns${folder ? ', for a workspace below the repository root' : ''}`, async () => {
      const { root } = await repository(folder);
      const read = await facts(root, false);
      const grepped = await facts(root, true);
      assert.ok(grepped.searched, 'git grep answered');
      assert.deepEqual([...grepped.citations].sort(), [...read.citations].sort());
      assert.deepEqual(grepped.files, read.files);
      // And what both find is right, not only the same.
      assert.deepEqual([...read.citations.keys()].sort(), ['assets/late-nul.txt', 'services/bom.ts', 'services/changed.ts', 'services/latin1.ts', 'services/ledger.ts', 'services/mac.ts', 'services/many.ts']);
      const at = (file: string) => read.citations.get(file)!.citations.map((c) => `${c.raw}@${c.range.start.line}:${c.range.start.character}`);
      assert.deepEqual(at('services/ledger.ts'), ['ADR-0001@0:15', 'ADR-0002@1:18', 'Pay12@3:3', 'pay012@3:13']);
      assert.deepEqual(at('services/mac.ts'), ['ADR-0001@1:4', 'ADR-0002@3:3', 'ADR-0099@5:0']);
      assert.deepEqual(at('services/bom.ts'), ['ADR-0001@0:0']);
      assert.deepEqual(at('services/latin1.ts'), ['ADR-0002@0:8', 'ADR-0001@2:0']);
      assert.deepEqual(at('services/changed.ts'), ['ADR-0001@0:3']);
      assert.deepEqual(at('assets/late-nul.txt'), ['ADR-0002@0:0', 'ADR-0001@2:0']);
      assert.equal(read.citations.get('services/many.ts')!.total, MAX_CITATIONS_PER_FILE + 50);
      assert.equal(read.citations.get('services/many.ts')!.citations.length, MAX_CITATIONS_PER_FILE);
      assert.equal(grepped.skipped.large, 2, 'big.js and minified.js, over 1 MB');
    });
  }
});
