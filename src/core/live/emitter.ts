/** What a subscription returns; structurally a vscode.Disposable, so the extension can hold it as one. */
export interface Subscription {
  dispose(): void;
}

/** Subscribes a listener; the same shape as vscode.Event without its optional arguments. */
export type Listen<T> = (listener: (event: T) => void) => Subscription;

/** A minimal event emitter for the core (vscode's EventEmitter is not available there). */
export class Emitter<T> {
  private listeners: Array<(event: T) => void> = [];

  readonly event: Listen<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  fire(event: T): void {
    // A listener that unsubscribes while it runs must not make another one miss this event.
    for (const listener of [...this.listeners]) listener(event);
  }

  dispose(): void {
    this.listeners = [];
  }
}
