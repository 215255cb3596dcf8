import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';

const inflate = promisify(brotliDecompress);

/**
 * The decision map's browser script and style, for the HTML report to inline. Built beside the
 * CLI's bundle (dist/map.js, dist/map-style.css); from the sources (tests), in the repository's dist/.
 * The npm package ships the script compressed (map.js.br: only this command reads it, and the
 * package has a size budget); the repository's dist/ and the VSIX have it plain.
 */
export async function readMapAssets(): Promise<{ script: string; style: string }> {
  const candidates = [__dirname, path.resolve(__dirname, '..', '..', 'dist')];
  for (const dir of candidates) {
    try {
      const [script, style] = await Promise.all([readScript(dir), readFile(path.join(dir, 'map-style.css'), 'utf8')]);
      return { script, style };
    } catch {
      // Next place.
    }
  }
  throw new Error('the decision map\'s script (map.js) is missing beside the CLI: run npm run build');
}

async function readScript(dir: string): Promise<string> {
  const plain = await readFile(path.join(dir, 'map.js'), 'utf8').catch(() => undefined);
  return plain ?? (await inflate(await readFile(path.join(dir, 'map.js.br')))).toString('utf8');
}
