// An in-memory FileSystemProvider for a scheme of its own: what a virtual workspace (a remote
// repository, a web IDE's storage) looks like to an extension, with nothing on disk behind it.
import * as vscode from 'vscode';

interface Node {
  readonly type: vscode.FileType;
  data: Uint8Array;
  mtime: number;
  readonly ctime: number;
}

export class MemFs implements vscode.FileSystemProvider {
  private readonly nodes = new Map<string, Node>([['/', { type: vscode.FileType.Directory, data: new Uint8Array(), mtime: 0, ctime: 0 }]]);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** How many times a write replaced an existing file (New ADR must never do that). */
  overwrites = 0;

  constructor(readonly scheme: string) {}

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  /** Seeds a file without events, with its parent folders. */
  seed(path: string, text: string): void {
    this.mkdirs(parentOf(path));
    this.nodes.set(path, { type: vscode.FileType.File, data: new TextEncoder().encode(text), mtime: Date.now(), ctime: Date.now() });
  }

  watch(): vscode.Disposable {
    // Every change fires onDidChangeFile anyway: nothing to start.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const node = this.get(uri.path);
    return { type: node.type, ctime: node.ctime, mtime: node.mtime, size: node.data.length };
  }

  readDirectory(uri: vscode.Uri): Array<[string, vscode.FileType]> {
    if (this.get(uri.path).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    return [...this.nodes]
      .filter(([path]) => path !== '/' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, node]) => [path.slice(prefix.length), node.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    if (this.nodes.has(uri.path)) throw vscode.FileSystemError.FileExists(uri);
    this.get(parentOf(uri.path));
    this.nodes.set(uri.path, { type: vscode.FileType.Directory, data: new Uint8Array(), mtime: Date.now(), ctime: Date.now() });
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const node = this.get(uri.path);
    if (node.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return node.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    const existing = this.nodes.get(uri.path);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    this.get(parentOf(uri.path));
    if (existing) {
      this.overwrites++;
      existing.data = content.slice();
      existing.mtime = Date.now();
      this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      return;
    }
    this.nodes.set(uri.path, { type: vscode.FileType.File, data: content.slice(), mtime: Date.now(), ctime: Date.now() });
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.get(uri.path);
    const gone = [...this.nodes.keys()].filter((path) => path === uri.path || path.startsWith(`${uri.path}/`));
    for (const path of gone) this.nodes.delete(path);
    this.emitter.fire(gone.map((path) => ({ type: vscode.FileChangeType.Deleted, uri: this.uri(path) })));
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { readonly overwrite: boolean }): void {
    const node = this.get(from.path);
    // Checked and done in one synchronous step: this is the provider's atomic "create if absent".
    if (this.nodes.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    if (node.type !== vscode.FileType.File) throw vscode.FileSystemError.NoPermissions('this test file system renames files only');
    this.get(parentOf(to.path));
    this.nodes.delete(from.path);
    this.nodes.set(to.path, node);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
  }

  private get(path: string): Node {
    const node = this.nodes.get(path);
    if (!node) throw vscode.FileSystemError.FileNotFound(this.uri(path));
    return node;
  }

  private mkdirs(path: string): void {
    if (this.nodes.has(path)) return;
    this.mkdirs(parentOf(path));
    this.nodes.set(path, { type: vscode.FileType.Directory, data: new Uint8Array(), mtime: Date.now(), ctime: Date.now() });
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
