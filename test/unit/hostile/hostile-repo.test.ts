import { strict as assert } from 'node:assert';
import { appendFile } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps } from '../cli/cli-process';
import { hostileRepo } from './hostile-repo';

describe('hostile repositories: the harness itself', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('sees a change outside the repository and a leaked decoy, and passes a plain lint', async () => {
    const hostile = await hostileRepo();
    await hostile.write({ 'docs/decisions/0001-plain.md': '# Plain\n' });
    const result = await hostile.run(['lint']);
    assert.equal(result.code, 0, result.stderr);
    hostile.assertNoLeak(result.stdout + result.stderr);
    await hostile.assertDecoyUntouched();
    assert.throws(() => hostile.assertNoLeak(`title: ${hostile.marker}`));
    await appendFile(path.join(hostile.decoy, 'secret.md'), 'appended by an attack\n');
    await assert.rejects(hostile.assertDecoyUntouched());
  });
});
