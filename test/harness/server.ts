// code-server lifecycle: install a VSIX into the run's fresh profile, start the server in its own
// process group on 127.0.0.1 and a free port, wait for /healthz, and always stop the whole group.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { onCleanup } from './cleanup';
import { CODE_SERVER_ENTRY, NODE24_BIN } from './paths';
import { isolatedEnv, type RunDir } from './run-dir';
import { run } from './proc';

export interface StartOptions {
  runDir: RunDir;
  /** Folder the workbench opens. */
  workspace: string;
  /** `--vscode-option enable-smoke-test-driver`: needed for the in-host suite's `payload`. */
  smokeTestDriver?: boolean;
  /** Keep Workspace Trust on (only for tests of Restricted Mode). */
  workspaceTrust?: boolean;
  /** Fixed port; default: a free one. */
  port?: number;
}

export interface CodeServer {
  port: number;
  /** `127.0.0.1:PORT`: the remote authority the workbench uses. */
  authority: string;
  origin: string;
  /** The workbench URL with the workspace folder. */
  url: string;
  logPath: string;
  /** Resolves when the server process exits, for whatever reason. */
  exited: Promise<void>;
  /** True once stop() was called (an exit after that is expected). */
  stopping(): boolean;
  stop(): Promise<void>;
}

function serverEnv(runDir: RunDir): NodeJS.ProcessEnv {
  return isolatedEnv(runDir, {
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${process.env.PATH ?? ''}`,
    // An empty gallery: the server must not try to reach a marketplace.
    EXTENSIONS_GALLERY: '{}',
  });
}

/** `--install-extension` into the run's profile (dropping folders into extensions/ is ignored). */
export async function installExtension(runDir: RunDir, vsix: string): Promise<void> {
  const output = await run(NODE24_BIN, [
    CODE_SERVER_ENTRY,
    '--user-data-dir', runDir.userData,
    '--extensions-dir', runDir.extensions,
    '--install-extension', vsix,
  ], { env: serverEnv(runDir), quiet: true });
  if (!/successfully installed/i.test(output)) throw new Error(`installing ${vsix} printed no success:\n${output}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const { runDir } = options;
  const port = options.port ?? await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', runDir.userData,
    '--extensions-dir', runDir.extensions,
  ];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(options.workspace);

  // detached = setsid(): the server and its re-parented extension host share one process
  // group that we can kill as a whole, and Ctrl+C in the terminal does not reach them first.
  // Its output goes to the log through us, so that we see the line saying it listens.
  const child = spawn(NODE24_BIN, args, { env: serverEnv(runDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(runDir.serverLog, { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  const listening = listeningLine(child.stdout, port);

  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', (code) => {
    exitCode = code;
    resolve();
  }));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= (async () => {
    unregister();
    await killGroup(pid, exited);
  })());
  const unregister = onCleanup(stop, () => signalGroup(pid, 'SIGKILL'));

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(origin, listening, exited, () => exitCode, runDir.serverLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    authority: `127.0.0.1:${port}`,
    origin,
    url: `${origin}/?folder=${encodeURIComponent(options.workspace)}`,
    logPath: runDir.serverLog,
    exited,
    stopping: () => stopping !== undefined,
    stop,
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group.
  }
}

/** SIGTERM the group, wait until it is empty, SIGKILL whatever is left after 5 s. */
async function killGroup(pid: number, exited: Promise<void>): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  await exited;
  if (await groupGone(pid, 5000)) return;
  signalGroup(pid, 'SIGKILL');
  if (!(await groupGone(pid, 2000))) throw new Error(`process group ${pid} survived SIGKILL`);
}

/** Polls for an empty process group: there is no event for "all members exited". */
async function groupGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !signalGroup(pid, 0);
}

/** Resolves when code-server prints that it listens on our port (its own event for "ready"). */
function listeningLine(stdout: NodeJS.ReadableStream, port: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      if (seen.includes(`HTTP server listening on http://127.0.0.1:${port}/`)) {
        stdout.off('data', onData);
        resolve();
      }
    };
    stdout.on('data', onData);
  });
}

/** Waits for the listening line (or the process's exit, or 60 s), then asks /healthz once. */
async function waitUntilServing(origin: string, listening: Promise<void>, exited: Promise<void>, exitCode: () => number | null | undefined, logPath: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 60_000)));
  const outcome = await Promise.race([listening.then(() => 'listening' as const), exited.then(() => 'exited' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'exited') throw new Error(`code-server exited (${exitCode()}) before listening:\n${tail(logPath)}`);
  if (outcome === 'timeout') throw new Error(`code-server did not listen on ${origin} within 60 s:\n${tail(logPath)}`);
  if (!(await healthy(origin))) throw new Error(`code-server listens on ${origin} but /healthz does not answer 200:\n${tail(logPath)}`);
}

function healthy(origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, { timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
