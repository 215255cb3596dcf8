/**
 * The MCP SDK and zod, in one module: in the bundles it is the compressed sidecar
 * dist/mcp-sdk.js.br (scripts/sidecars.mjs), inflated only when `legible mcp` starts. The server's
 * own code rides in the CLI's bundle, run on that command only: the package carries no second copy
 * of the core.
 */
export { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
export { z } from 'zod';
