import type { BuildOptions, Plugin } from 'esbuild';

export const mcpTrimmed: Plugin;
export function mcpBundle(repo: string): BuildOptions;
