// The virtual module the harness's esbuild plugin generates from test/vscode/**/*.test.ts.
declare module 'legible:vscode-test-files' {
  export function loadTestFiles(): void;
}
