/**
 * How wide a title may be beside the record's id in a tree row, in columns of a Latin letter. VS Code
 * cuts a row's text at the sidebar's edge: in the default 300 px sidebar, two levels deep, about 30
 * columns of label are readable, and the description (status · risk · door) follows it. The id and
 * the start of the title stay readable; the whole title is in the tooltip and the screen-reader label.
 */
export const TITLE_COLUMNS = 24;

/** East Asian wide and full-width characters, and emoji, take two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Characters that join or modify the one before them, and take no column of their own. */
const JOINING = /^(?:\u200d|\ufe0f|\p{Emoji_Modifier}|\p{M})$/u;

function width(char: string): number {
  return JOINING.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
}

/**
 * The start of `title` within `max` columns, cut at a word boundary where one is near and marked
 * with an ellipsis; the title itself when it fits. Whole characters only: an emoji, a combined
 * emoji or a CJK character is never cut in half.
 */
export function shortTitle(title: string, max = TITLE_COLUMNS): string {
  const chars = Array.from(title.trim());
  let columns = 0;
  let fits = 0;
  for (const char of chars) {
    if (columns + width(char) > max) break;
    columns += width(char);
    fits++;
  }
  if (fits === chars.length) return chars.join('');
  // Never end inside a joined sequence (👩🏽‍💻, é written as e + ◌́): back off to before its first part.
  while (fits > 0 && (JOINING.test(chars[fits]) || chars[fits - 1] === '\u200d')) fits--;
  const head = chars.slice(0, fits).join('');
  const space = head.lastIndexOf(' ');
  // Whole words, unless that leaves less than 40% of the room: a long first word is cut where it must be.
  const cut = space >= head.length * 0.4 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}
