/** The documents open in an editor, by path: their text wins over the file's until they close. */
export class OpenDocuments {
  private readonly texts = new Map<string, { text: string; version?: number }>();

  set(path: string, text: string, version?: number): void {
    this.texts.set(path, { text, version });
  }

  delete(path: string): void {
    this.texts.delete(path);
  }

  has(path: string): boolean {
    return this.texts.has(path);
  }

  paths(): string[] {
    return [...this.texts.keys()];
  }

  /** The text of an open document, if the path is open. */
  textOf(path: string): string | undefined {
    return this.texts.get(path)?.text;
  }

  /** The version the front-end gave with the open document's latest text. */
  versionOf(path: string): number | undefined {
    return this.texts.get(path)?.version;
  }
}
