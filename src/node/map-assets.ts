import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The decision map's browser script and style, for the HTML report to inline. Built beside the
 * CLI's bundle (dist/map.js, dist/map-style.css); from the sources (tests), in the repository's dist/.
 */
export async function readMapAssets(): Promise<{ script: string; style: string }> {
  const candidates = [__dirname, path.resolve(__dirname, '..', '..', 'dist')];
  for (const dir of candidates) {
    try {
      const [script, style] = await Promise.all([readFile(path.join(dir, 'map.js'), 'utf8'), readFile(path.join(dir, 'map-style.css'), 'utf8')]);
      return { script, style };
    } catch {
      // Next place.
    }
  }
  throw new Error('the decision map\'s script (map.js) is missing beside the CLI: run npm run build');
}
