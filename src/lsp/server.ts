import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocument,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from './protocol';
import type { LiveLog } from '../core/live/live-options';
import { basename, isMarkdownPath } from '../core/port/paths';
import { CONFIG_FILE } from '../core/workspace/load-config';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { SOURCE } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { codeLenses, completion, hover, links, OPEN_RECORD_COMMAND } from './features';
import { Folders } from './folders';
import { LoadProgressReporter } from './progress';
import { readSettings, readTrusted, type ServerSettings } from './settings';
import { Uris } from './uris';

/** Files whose change re-reads a folder's configuration and folders: a new load. */
const CONFIG_FILES = new Set([CONFIG_FILE, '.adr-dir', '.log4brains.yml']);
const COMPLETION_TRIGGERS = [':', ' ', '-', '[', ','];
/** How long a burst of changes (a load, a checkout) is gathered before the client is asked for lenses again. */
const LENS_REFRESH_MS = 250;
/**
 * What the client is asked to watch, each event once: every file and folder created or deleted
 * (a record, or a code file the records govern: the evidence rules count it), and the changes to
 * records and configuration files (a code file's content is not read).
 */
const WATCHERS = [
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
  { globPattern: '**/*.md', kind: WatchKind.Change },
  { globPattern: `**/{${[...CONFIG_FILES].join(',')}}`, kind: WatchKind.Change },
];

export interface ServerOptions {
  /** The folder a client that names no workspace folder works in (the server's current folder). */
  readonly cwd: string;
  readonly version: string;
  /**
   * False (`legible lsp --untrusted`) reads every folder untrusted, whatever the client says; else
   * trusted unless the initialization options say `trusted: false`.
   */
  readonly trusted?: boolean;
}

/**
 * The language server: the core's live engine, completion, hover, fixes and links behind the
 * protocol. Documents sync incrementally; each change goes to the folder's LiveWorkspace, whose
 * frontmatter findings come at once and body and cross-file findings after the debounce, and the
 * findings are pushed as diagnostics. Every handler answers for what it knows: a document never
 * opened gets an empty answer, never an error.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const uris = new Uris();
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let initialSettings: ServerSettings = {};
  const folderSettings = new Map<string, ServerSettings>();
  // A user who starts the server in their editor has opened the folder: trusted unless told otherwise.
  let trusted = options.trusted ?? true;
  const log: LiveLog = {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (context, error) => connection.console.error(`${context}: ${(error as Error)?.stack ?? String(error)}`),
    report: (context, error) => {
      connection.console.error(`${context}: ${(error as Error)?.stack ?? String(error)}`);
      connection.window.showWarningMessage(`Legible: ${context} failed: ${(error as Error)?.message ?? String(error)}`);
    },
  };
  /** The configuration problems last shown per folder: shown again only when they change. */
  const shownProblems = new Map<string, string>();
  const loadProgress = new LoadProgressReporter(connection);
  const diagnostics = new DiagnosticsPublisher(connection, uris, (path) => documents.get(uris.uriOf(path)) !== undefined);
  // Lenses asked again after a change of what they show, once for a burst of changes (a load, a
  // branch checked out), where the client can be asked to (LSP 3.16 refresh).
  let lensRefresh: ReturnType<typeof setTimeout> | undefined;
  const refreshLenses = () => {
    if (!capabilities.workspace?.codeLens?.refreshSupport || lensRefresh) return;
    lensRefresh = setTimeout(() => {
      lensRefresh = undefined;
      if (phase === 'running') void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, LENS_REFRESH_MS);
  };
  const folders = new Folders({
    onCodeChanged: refreshLenses,
    log,
    trusted: () => trusted,
    settings: (root) => folderSettings.get(root) ?? initialSettings,
    onFindings: (live, change) => diagnostics.changed(live, change),
    onRemoved: (live) => {
      shownProblems.delete(live.root);
      diagnostics.folderRemoved(live);
    },
    // What `legible lint` warns about the configuration (a folder .legible.json names that does not
    // exist…): the log alone goes unseen, so the user is told, once per change.
    onLoaded: (live) => {
      const problems = live.problems;
      const said = problems.join('\n');
      if (said === (shownProblems.get(live.root) ?? '')) return;
      shownProblems.set(live.root, said);
      if (!problems.length) return;
      const none = live.folders.length ? '' : ' No decisions folder is read: no record is linted.';
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Legible (${basename(live.root) || live.root}): ${problems.join(' ')}${none}` }).catch(() => undefined);
    },
    onProgress: (live, progress) => {
      if (capabilities.window?.workDoneProgress) loadProgress.loaded(live, progress);
    },
    openTexts: () =>
      documents.all().flatMap((document) => {
        const path = uris.pathOf(document.uri);
        return path ? [{ path, text: document.getText(), version: document.version }] : [];
      }),
  });
  const pathOf = (uri: string) => uris.pathOf(uri);
  let roots: string[] = [];
  /**
   * Where the session is, for the requests the protocol says to refuse (vscode-languageserver
   * leaves it to the server): before `initialize`, ServerNotInitialized (-32002); after
   * `shutdown`, InvalidRequest.
   */
  let phase: 'new' | 'running' | 'shut down' = 'new';
  const refusal = () =>
    phase === 'new'
      ? new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send initialize first.')
      : phase === 'shut down'
        ? new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down: only exit is taken now.')
        : undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    phase = 'running';
    capabilities = params.capabilities;
    initialSettings = readSettings(params.initializationOptions);
    trusted = (options.trusted ?? true) && readTrusted(params.initializationOptions);
    roots = rootsOf(params.workspaceFolders ?? undefined, params.rootUri ?? undefined, options.cwd, uris);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [OPEN_RECORD_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'legible', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (!trusted) log.info('The workspace is read untrusted, as in VS Code\'s Restricted Mode: the folders, templates and schema extensions its .legible.json names are not used.');
    // Diagnostics first, from the initialization options; the client's configuration may follow.
    void folders.set(roots).then(() => pullConfiguration());
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS })
        .then(undefined, (error) => log.error('Registering file watchers', error));
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'legible' }).then(undefined, () => undefined);
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => pathOf(f.uri)));
        roots = [...roots.filter((root) => !removed.has(root)), ...event.added.flatMap((f) => pathOf(f.uri) ?? [])];
        void folders.set(roots).then(() => pullConfiguration());
      });
    }
  });

  /** Asks the client for each folder's `legible` settings; a folder whose settings changed loads again. */
  async function pullConfiguration(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    const engines = folders.all();
    let answers: unknown[];
    try {
      answers = await connection.workspace.getConfiguration(engines.map((engine) => ({ scopeUri: uris.uriOf(engine.root), section: 'legible' })));
    } catch (error) {
      log.error('Reading the configuration', error);
      return;
    }
    const changed = engines.filter((engine, i) => {
      const before = folderSettings.get(engine.root) ?? initialSettings;
      // A client without a `legible` section answers null: the initialization options stand.
      const after = answers[i] === null || answers[i] === undefined ? before : { ...initialSettings, ...readSettings(answers[i]) };
      folderSettings.set(engine.root, after);
      return JSON.stringify(before) !== JSON.stringify(after);
    });
    if (changed.length) await folders.load(changed);
  }

  connection.onDidChangeConfiguration((change) => {
    if (capabilities.workspace?.configuration) {
      void pullConfiguration();
      return;
    }
    // A client that pushes its settings: they replace the initialization options.
    const pushed = readSettings(change.settings);
    if (!Object.keys(pushed).length) return;
    initialSettings = pushed;
    folderSettings.clear();
    void folders.load();
  });

  documents.onDidOpen(({ document }) => {
    const path = pathOf(document.uri);
    if (path) folders.opened(path, document.getText(), document.version);
  });
  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (path) folders.changed(path, document.getText(), document.version);
  });
  documents.onDidClose(({ document }) => {
    const path = pathOf(document.uri);
    if (!path) return;
    folders.closed(path);
    uris.forget(path);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const reload = new Set<ReturnType<Folders['folderOf']>>();
    for (const change of changes) {
      const path = pathOf(change.uri);
      const live = path && folders.folderOf(path);
      if (!path || !live) continue;
      if (CONFIG_FILES.has(basename(path))) reload.add(live);
      else if (change.type === FileChangeType.Created) folders.created(path);
      else if (change.type === FileChangeType.Changed) live.fileChanged(path);
      else if (change.type === FileChangeType.Deleted) folders.deleted(path);
    }
    if (reload.size) void folders.load([...reload].filter((live) => live !== undefined));
  });

  /** The open document behind a request, with its path and folder; undefined for a document never opened. */
  const opened = (uri: string) => {
    const document = documents.get(uri);
    const path = document && pathOf(uri);
    return document && path ? { document, path, live: folders.folderOf(path) } : undefined;
  };

  connection.onCompletion(({ textDocument, position }) => {
    const refused = refusal();
    if (refused) return refused;
    const found = opened(textDocument.uri);
    if (!found || !isMarkdownPath(found.path)) return [];
    const snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    return completion(found.document, found.path, position, found.live, snippets, folders.editorAids(found.path));
  });
  connection.onHover(({ textDocument, position }) => {
    const refused = refusal();
    if (refused) return refused;
    const found = opened(textDocument.uri);
    return found ? hover(found.document, found.path, position, found.live, uris, folders.editorAids(found.path)) : null;
  });
  connection.onCodeLens(({ textDocument }) => {
    const refused = refusal();
    if (refused) return refused;
    const found = opened(textDocument.uri);
    return found ? codeLenses(found.path, found.live, folders.editorAids(found.path), uris) : [];
  });
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const refused = refusal();
    if (refused) return refused;
    const uri = args?.[0];
    if (command !== OPEN_RECORD_COMMAND || typeof uri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}, or no record to open: legible.openRecord takes the record's URI.`);
    // A client that cannot show a document has the lens's title at least; it is told where the record is.
    if (!capabilities.window?.showDocument?.support) {
      log.info(`The record is ${uri} (this editor does not let the server open it).`);
      return null;
    }
    await connection.window.showDocument({ uri, takeFocus: true }).catch((error) => log.error(`Opening ${uri}`, error));
    return null;
  });
  connection.onDocumentLinks(({ textDocument }) => {
    const refused = refusal();
    if (refused) return refused;
    const found = opened(textDocument.uri);
    return found ? links(found.document, found.path, found.live, uris) : [];
  });
  connection.onCodeAction(async (params, token) => {
    const refused = refusal();
    if (refused) return refused;
    const found = opened(params.textDocument.uri);
    // A code file's fixes are its citations' (a Markdown file's, all of them): asked only on a diagnostic of ours.
    if (!found || (!isMarkdownPath(found.path) && !params.context.diagnostics.some((d) => d.source === SOURCE))) return [];
    const actions = await codeActions(params, { ...found, published: diagnostics.findings(found.path), uris });
    return token.isCancellationRequested ? null : actions;
  });

  connection.onShutdown(() => {
    phase = 'shut down';
    clearTimeout(lensRefresh);
    diagnostics.dispose();
    folders.dispose();
  });

  documents.listen(connection);
  connection.listen();
}


/** The workspace folders the client names; else its root; else the server's current folder. */
function rootsOf(workspaceFolders: WorkspaceFolder[] | undefined, rootUri: string | undefined, cwd: string, uris: Uris): string[] {
  const given = workspaceFolders?.length ? workspaceFolders.map((f) => uris.pathOf(f.uri)) : [rootUri ? uris.pathOf(rootUri) : undefined];
  const roots = given.filter((root): root is string => root !== undefined);
  return roots.length ? [...new Set(roots)] : [cwd];
}
