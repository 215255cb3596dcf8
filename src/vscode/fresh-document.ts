import * as vscode from 'vscode';

const decoder = new TextDecoder();

/**
 * The document of a record, as current as the file: a clean document VS Code keeps in memory can
 * lag behind a file just changed on disk (a checkout, another tool, `legible supersede`) until VS
 * Code reloads it, and edits planned on its old text would be wrong. A dirty document is the
 * user's own text and wins. Waits for the reload (at most `waitMs`); undefined if it never comes.
 */
export async function freshDocument(uri: vscode.Uri, waitMs = 3000): Promise<vscode.TextDocument | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) return document;
  let onDisk: string;
  try {
    onDisk = decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return document;
  }
  const same = (): boolean => document.getText() === onDisk.replace(/^\uFEFF/, '');
  if (same()) return document;
  return new Promise((resolve) => {
    const done = (result: vscode.TextDocument | undefined): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(result);
    };
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && (same() || document.isDirty)) done(document);
    });
    const timer = setTimeout(() => done(same() ? document : undefined), waitMs);
  });
}
