// The decision map's browser script and style (dist/map.js, dist/map-style.css): loaded by the
// extension's webview and inlined by `legible report --format html`. Apart from the extension's
// bundle, so activation loads none of it.
import { build } from 'esbuild';

export function buildMap(outdir, { minify = true } = {}) {
  return build({
    entryPoints: { map: 'src/map/main.ts', 'map-style': 'src/map/map.css' },
    absWorkingDir: new URL('..', import.meta.url).pathname,
    outdir,
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    minify,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
