import type { BuildOptions, Plugin } from 'esbuild';

export const mcpTrimmed: Plugin;
export function mcpBundle(repo: string): BuildOptions;
export const MCP_BUNDLE: string;
export function buildMcpBundle(repo: string, outdir: string, options?: { minify?: boolean }): Promise<void>;
