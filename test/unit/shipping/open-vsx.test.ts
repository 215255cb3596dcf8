// Open VSX takes the same VSIX as the Marketplace. The release publishes it with the pinned `ovsx`
// (.github/workflows/release.yml); here ovsx publishes it to a stand-in registry on 127.0.0.1 that
// answers as open-vsx.org's publish endpoint does, so ovsx's own checks run offline.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { capture } from '../../harness/proc';
import { npmEnv, packagedVsix, REPO } from './packages';

interface Upload {
  readonly url: string;
  readonly body: Buffer;
}

/** Accepts one publish: POST /api/-/publish?token=…, the VSIX as the body; answers with its coordinates. */
function standInRegistry(answer: object): Promise<{ server: Server; url: string; uploads: Upload[] }> {
  const uploads: Upload[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      uploads.push({ url: `${request.method} ${request.url}`, body: Buffer.concat(chunks) });
      response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, uploads })));
}

describe('Open VSX (ovsx publish of the VSIX)', function () {
  this.timeout(180_000);

  it('publishes the VSIX as it is, under its namespace, without a warning', async () => {
    const { file } = await packagedVsix();
    const { version, publisher, name } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string; publisher: string; name: string };
    const registry = await standInRegistry({ namespace: publisher, name, version, targetPlatform: 'universal' });
    try {
      const ovsx = path.join(REPO, 'node_modules', 'ovsx', 'bin', 'ovsx');
      const ran = await capture(process.execPath, [ovsx, 'publish', file, '--registryUrl', registry.url, '--pat', 'test-token'], { env: { ...(await npmEnv()), CI: 'true' } });
      assert.equal(ran.code, 0, `${ran.stdout}${ran.stderr}`);
      assert.match(ran.stdout, new RegExp(`Published ${publisher}\\.${name} v${version.replace(/\./g, '\\.')}`));
      assert.doesNotMatch(`${ran.stdout}${ran.stderr}`, /warn/i);
      assert.deepEqual(registry.uploads.map((upload) => upload.url), ['POST /api/-/publish?token=test-token']);
      assert.ok(registry.uploads[0].body.equals(await readFile(file)), 'ovsx uploaded other bytes than the VSIX');
    } finally {
      registry.server.close();
    }
  });
});
