import type { BuildResult } from 'esbuild';

/** Builds dist/map.js and dist/map-style.css (the decision map) into `outdir`. */
export function buildMap(outdir: string, options?: { minify?: boolean }): Promise<BuildResult>;
