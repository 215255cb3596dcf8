export const REPO: string;
export const BUDGETS: { readonly npmUnpackedBytes: number; readonly vsixBytes: number };
export function megabytes(bytes: number): string;
export function stageClone(stage: string, options?: { from?: 'head' | 'worktree' }): Promise<string>;
export interface PackedFile {
  readonly path: string;
  readonly size: number;
}
export function packNpm(options: { cwd: string; outDir: string; env?: NodeJS.ProcessEnv }): Promise<{ file: string; size: number; unpackedSize: number; files: PackedFile[]; log: string }>;
export function packVsix(options: { cwd: string; outFile: string; env?: NodeJS.ProcessEnv; baseImagesUrl?: string }): Promise<{ file: string; log: string }>;
