/** What the main thread asks the read worker, and what comes back. Plain data: structured clone. */
export interface ReadRequest {
  readonly id: number;
  readonly paths: readonly string[];
  /** The most to read of each file, by index. */
  readonly maxBytes: readonly number[];
}

export type ReadOutcome = { readonly bytes: Uint8Array; readonly size: number } | { readonly error: string };

export interface ReadReply {
  readonly id: number;
  readonly outcomes: readonly ReadOutcome[];
}
