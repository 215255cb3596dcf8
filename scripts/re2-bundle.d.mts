import type { Plugin } from 'esbuild';

export const re2External: Plugin;
export function buildRe2(outdir: string, options?: { minify?: boolean }): Promise<void>;
