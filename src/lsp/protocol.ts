/**
 * The protocol library, in one module: in the bundles it is the compressed sidecar dist/languageserver.js.br
 * (scripts/sidecars.mjs), required only when `legible lsp` starts. The server's own code rides in
 * the CLI's bundle, loaded on that command only; the package carries no second copy of the core.
 */
export * from 'vscode-languageserver/node';
export { TextDocument } from 'vscode-languageserver-textdocument';
