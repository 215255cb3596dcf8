// One version for the extension, the CLI and the Action, and the release's own checks: the
// CHANGELOG section it needs, and the files its workflow commits for the Action.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import { changelogSection, newestVersion } from '../../../scripts/changelog.mjs';
import { packedTarball, REPO } from './packages';

const read = (file: string) => readFile(path.join(REPO, file), 'utf8');

describe('the release: one version, its CHANGELOG section, the Action’s bundles', () => {
  it('has a CHANGELOG section, the newest, for the version in package.json', async () => {
    const { version } = JSON.parse(await read('package.json')) as { version: string };
    assert.match(version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    const changelog = await read('CHANGELOG.md');
    assert.equal(newestVersion(changelog), version);
    assert.ok((changelogSection(changelog, version) ?? '').length > 100, `the ${version} section says next to nothing`);
  });

  it('finds a version’s section between its heading and the next, whatever the heading’s suffix', () => {
    const changelog = '# Changelog\n\nIntro.\n\n## 1.10.0 — unreleased\n\n- New.\n\n## [1.1.0] - 2026-01-02\n\n- Old.\n\n## v1.0.0\n\nFirst.\n';
    assert.equal(newestVersion(changelog), '1.10.0');
    assert.equal(changelogSection(changelog, '1.10.0'), '- New.');
    assert.equal(changelogSection(changelog, '1.1.0'), '- Old.');
    assert.equal(changelogSection(changelog, '1.0.0'), 'First.');
    // 1.1 is not 1.10.0's prefix, nor 1.0.0 a match for 1.0.
    assert.equal(changelogSection(changelog, '1.1'), undefined);
    assert.equal(changelogSection(changelog, '2.0.0'), undefined);
  });

  it("commits for the Action its entry and exactly the npm package's dist files", async () => {
    const workflow = parse(await read('.github/workflows/release.yml')) as { jobs: { release: { steps: Array<{ run?: string }> } } };
    const add = workflow.jobs.release.steps.flatMap((step) => (step.run ?? '').split('\n')).find((line) => line.trim().startsWith('git add --force'));
    assert.ok(add, 'the release workflow adds no bundles');
    const committed = add.trim().split(/\s+/).slice(3).sort();
    const { files } = await packedTarball();
    const shipped = files.map((file) => file.path).filter((file) => file.startsWith('dist/'));
    assert.deepEqual(committed, ['dist/action.js', ...shipped].sort());
  });

  it('runs only npm scripts that package.json has', async () => {
    const { scripts } = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    const workflow = await read('.github/workflows/release.yml');
    const used = [...workflow.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    assert.ok(used.includes('package'), 'the release workflow does not package');
    assert.deepEqual(used.filter((name) => !(name in scripts)), []);
  });
});
