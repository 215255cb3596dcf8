// Agent mode finds Legible's MCP server without set-up: the extension registers it through VS
// Code's MCP server definition provider API, where the host has that API (1.101+).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { legible, workspaceRoot } from './support';

/** Sends JSON-RPC requests to a stdio MCP server, one per line, and gathers the answers by id. */
async function ask(command: string, args: string[], env: Record<string, string | number | null>, cwd: string | undefined, requests: ReadonlyArray<{ method: string; params: unknown }>): Promise<Map<number, { result?: unknown; error?: unknown }>> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) }, stdio: ['pipe', 'pipe', 'pipe'] });
  const answers = new Map<number, { result?: unknown; error?: unknown }>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to every request within 15 s; stderr: ${stderr}`)), 15_000);
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const message = JSON.parse(line) as { id?: number; result?: unknown; error?: unknown };
          if (typeof message.id === 'number') answers.set(message.id, message);
        }
        if (answers.size === requests.length) {
          clearTimeout(timer);
          resolve(answers);
        }
      });
      child.on('exit', (code) => reject(new Error(`the server exited (${code}) before answering; stderr: ${stderr}`)));
      requests.forEach((request, i) => {
        child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: i + 1, ...request })}\n`);
        if (i === 0) child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
      });
    });
  } finally {
    child.kill();
  }
}

describe('MCP server definition for agent mode', () => {
  it('registers a server per workspace folder, which starts and answers where the host has the API', async () => {
    const api = await legible();
    const servers = await api.mcpServers();
    const hostHasApi = typeof (vscode as unknown as { lm?: { registerMcpServerDefinitionProvider?: unknown } }).lm?.registerMcpServerDefinitionProvider === 'function';
    if (!hostHasApi) {
      assert.equal(servers, undefined, 'a definition without the API to register it');
      return;
    }
    assert.ok(servers, 'the host has the MCP API but Legible registered no provider');
    const root = workspaceRoot().fsPath;
    assert.equal(servers.length, 1);
    const [server] = servers;
    assert.equal(server.label, 'Legible');
    assert.equal(server.command, process.execPath);
    assert.match(server.args[0], /[\\/]dist[\\/]mcp\.js$/);
    assert.ok(fs.existsSync(server.args[0]), `${server.args[0]} is not there`);
    assert.deepEqual(server.args.slice(1), ['--root', root]);
    assert.equal(server.cwd, root);
    const answers = await ask(server.command, server.args, server.env, server.cwd, [
      { method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'legible-in-host-test', version: '1' } } },
      { method: 'tools/list', params: {} },
      { method: 'tools/call', params: { name: 'list_decisions', arguments: { limit: 1 } } },
    ]);
    assert.equal((answers.get(1)?.result as { serverInfo: { name: string } }).serverInfo.name, 'legible');
    assert.deepEqual(((answers.get(2)?.result as { tools: Array<{ name: string }> }).tools.map((t) => t.name)).sort(), ['decisions_for_path', 'get_decision', 'knowledge_risk', 'lint', 'list_decisions']);
    const listed = JSON.parse((answers.get(3)?.result as { content: Array<{ text: string }> }).content[0].text) as { total: number };
    assert.equal(listed.total, api.entries().length);
  });
});
