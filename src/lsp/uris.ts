import { fileURLToPath, pathToFileURL } from 'node:url';
import { toPortable } from '../node/portable-path';

/**
 * The core's paths ('/'-separated, absolute) for the client's `file:` URIs, and back. A URI the
 * client sent is answered with that same string (clients differ in how they escape), so the
 * server remembers the URIs it was given; others it writes itself.
 */
export class Uris {
  private readonly given = new Map<string, string>();

  /** The path of a `file:` URI; undefined for any other scheme (untitled buffers, remote files). */
  pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let path: string;
    try {
      path = toPortable(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    this.given.set(path, uri);
    return path;
  }

  uriOf(path: string): string {
    return this.given.get(path) ?? pathToFileURL(path).href;
  }

  /** A closed document's URI need not be remembered: it is written again the same way when needed. */
  forget(path: string): void {
    this.given.delete(path);
  }
}
