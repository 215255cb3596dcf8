import * as vscode from 'vscode';

/** How a test answers a quick pick it was shown: accept the active item, or dismiss it. */
export type PickAnswer = 'accept' | 'dismiss';

/**
 * Test seam: the commands that ask take this as their last argument. VS Code hands a command
 * registered in the same extension host its arguments as they are, so an in-host test can read a
 * quick pick's items and answer it, or answer a confirmation, without a person at the keyboard.
 * In normal use it is absent, and the real dialogs ask.
 */
export interface Prompts {
  /** Called with each quick pick once it is shown; an answer stands for the user's. */
  readonly shown?: (picker: vscode.QuickPick<vscode.QuickPickItem>) => PickAnswer | void;
  /** Answers a confirmation instead of the modal dialog. */
  readonly confirm?: (message: string, action: string) => boolean | Thenable<boolean>;
}

/** The prompts seam when `value` is one (a plain object with the seam's functions), else none. */
export function promptsOf(value: unknown): Prompts | undefined {
  if (!value || typeof value !== 'object' || value instanceof vscode.Uri) return undefined;
  const { shown, confirm } = value as Record<string, unknown>;
  if (typeof shown !== 'function' && typeof confirm !== 'function') return undefined;
  return value as Prompts;
}

/** A modal warning with one action besides Cancel; true when the user chose the action. */
export async function confirm(message: string, action: string, prompts?: Prompts): Promise<boolean> {
  if (prompts?.confirm) return prompts.confirm(message, action);
  return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
}

export interface PickOptions<T> {
  readonly title: string;
  readonly placeholder?: string;
  /** The item focused when the picker opens (the record in the active editor, say). */
  readonly active?: T;
  readonly matchOnDescription?: boolean;
}

/**
 * A quick pick that can open on a chosen item (`showQuickPick` always opens on the first).
 * Resolves to the item accepted, or undefined when dismissed.
 */
export function pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions<T>, prompts?: Prompts): Promise<T | undefined> {
  const picker = vscode.window.createQuickPick<T>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.matchOnDescription = options.matchOnDescription ?? false;
  picker.items = items;
  if (options.active && items.includes(options.active)) picker.activeItems = [options.active];
  return new Promise<T | undefined>((resolve) => {
    let chosen: T | undefined;
    const subscriptions = [
      picker.onDidAccept(() => {
        chosen = picker.selectedItems[0] ?? picker.activeItems[0];
        picker.hide();
      }),
      picker.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        picker.dispose();
        resolve(chosen);
      }),
    ];
    picker.show();
    const answer = prompts?.shown?.(picker as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    if (answer === 'accept') chosen = picker.activeItems[0];
    if (answer) picker.hide();
  });
}
