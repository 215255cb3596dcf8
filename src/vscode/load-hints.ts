import type * as vscode from 'vscode';
import type { HintStore, LoadHints } from '../core/live/live-workspace';

/**
 * A folder's LoadHints in the extension's workspace state (kept by VS Code between sessions, on
 * the web too): what its last load read, so the next session's first load reads it at once. Written
 * only when it changed, so a reload after each edit of `.legible.json` costs no storage write.
 */
export function mementoHints(state: vscode.Memento, folder: vscode.Uri): HintStore {
  const key = `legible.loadHints:${folder.toString()}`;
  let last: string | undefined;
  return {
    read: () => state.get<LoadHints>(key),
    write(hints) {
      const text = JSON.stringify(hints);
      if (text === (last ??= JSON.stringify(state.get(key) ?? null))) return;
      last = text;
      // A hint that could not be kept only costs the next session a round trip.
      state.update(key, hints).then(undefined, () => undefined);
    },
  };
}
