// One reader of VS Code's snippet syntax for the tests that check what a template or a fix inserts:
// `${n:placeholder}` (only `$`, `}` and `\` escaped there), `${n|first,second|}` (a choice: only
// `,`, `|` and `\` escaped), `$n` (a mirror or the final stop, which inserts nothing) and `\x`
// outside a stop. Nested placeholders are not used by Legible and not read.

export interface SnippetStop {
  /** The tab stop's number. */
  readonly index: number;
  /** What the stop shows before anything is typed: its placeholder, or a choice's first element. */
  readonly placeholder: string;
  /** A choice's elements (the first included); empty for a plain placeholder. */
  readonly choices: readonly string[];
}

interface Piece {
  readonly text?: string;
  readonly stop?: SnippetStop;
}

function pieces(snippet: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  // Text up to one of `ends`, with `\` escaping only the characters in `escapes`.
  const until = (ends: string, escapes: string): string => {
    let text = '';
    while (i < snippet.length && !ends.includes(snippet[i])) {
      if (snippet[i] === '\\' && escapes.includes(snippet[i + 1] ?? '')) i++;
      text += snippet[i++];
    }
    return text;
  };
  while (i < snippet.length) {
    const head = /^\$\{(\d+)([:|])/.exec(snippet.slice(i));
    if (head) {
      i += head[0].length;
      const index = Number(head[1]);
      if (head[2] === ':') {
        const placeholder = until('}', '$}\\');
        i++;
        out.push({ stop: { index, placeholder, choices: [] } });
      } else {
        const choices = [until(',|', ',|\\')];
        while (snippet[i] === ',') {
          i++;
          choices.push(until(',|', ',|\\'));
        }
        i += 2; // `|}`
        out.push({ stop: { index, placeholder: choices[0], choices } });
      }
    } else if (snippet[i] === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else if (snippet[i] === '\\' && i + 1 < snippet.length) {
      out.push({ text: snippet[i + 1] });
      i += 2;
    } else {
      out.push({ text: snippet[i++] });
    }
  }
  return out;
}

/**
 * What VS Code inserts when the person types `typed(stop)` at each stop, or leaves the stop as it is
 * where that gives undefined: escapes undone, `$n` dropped.
 */
export function typeIntoSnippet(snippet: string, typed: (stop: SnippetStop) => string | undefined = () => undefined): string {
  return pieces(snippet)
    .map((piece) => piece.text ?? typed(piece.stop!) ?? piece.stop!.placeholder)
    .join('');
}

/** What VS Code inserts when every stop is left as it is. */
export function expandSnippet(snippet: string): string {
  return typeIntoSnippet(snippet);
}

/** The snippet's tab stops in the order they appear. */
export function snippetStops(snippet: string): SnippetStop[] {
  return pieces(snippet).flatMap((piece) => (piece.stop ? [piece.stop] : []));
}
