import type { Plugin } from 'esbuild';

export const sidecarsExternal: Plugin;
export const yamlAsEsm: Plugin;
export const bundlePlugins: Plugin[];
export function buildSidecars(outdir: string, options?: { minify?: boolean; sourcemap?: 'linked' | false }): Promise<void>;
export function buildMcpEntry(outdir: string, options?: { minify?: boolean }): Promise<void>;
export const RE2_WASM: string;
export const webBuild: import('esbuild').BuildOptions;
export const WEB_BUNDLE_BUDGET: number;
/** The members of picomatch's default export the bundles' stand-in offers. */
export const PICOMATCH_MEMBERS: readonly string[];
