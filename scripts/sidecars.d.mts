import type { Plugin } from 'esbuild';

export const sidecarsExternal: Plugin;
export function buildSidecars(outdir: string, options?: { minify?: boolean }): Promise<void>;
