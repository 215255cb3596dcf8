/**
 * Dates as people write them in legacy records ("2021-12-01", "December 1, 2021", "1 Dec 2021",
 * "23-07-2014", "2021/12/01"), as YYYY-MM-DD. Only what cannot be misread: "05/06/2014" could be
 * May or June, so it gives nothing rather than a wrong day.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Each pattern is anchored at the start, has no nested quantifiers and looks at a bounded prefix.
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/;
const MONTH_NAME_FIRST = /^([a-z]{3,9})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?![\d])/i;
const DAY_FIRST_NAME = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s{1,3}(?:of\s{1,3})?([a-z]{3,9})\.?,?\s{1,3}(\d{4})(?![\d])/i;

export function parseProseDate(written: string): string | undefined {
  const text = written.trim().slice(0, 64);
  let match = ISO.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_FIRST.exec(text);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    // 23-07-2014 is day first; 07/23/2014 is month first; 05/06/2014 could be either.
    if (a > 12 && b <= 12) return isoDate(Number(match[3]), b, a);
    if (b > 12 && a <= 12) return isoDate(Number(match[3]), a, b);
    return a === b ? isoDate(Number(match[3]), a, b) : undefined;
  }
  match = MONTH_NAME_FIRST.exec(text);
  if (match) return isoDate(Number(match[3]), monthOf(match[1]), Number(match[2]));
  match = DAY_FIRST_NAME.exec(text);
  if (match) return isoDate(Number(match[3]), monthOf(match[2]), Number(match[1]));
  return undefined;
}

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.indexOf(lower.slice(0, 3));
  // "Mayday" is no month: a name is the month's first three letters or more of its full name.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][index];
  return index >= 0 && full !== undefined && (full.startsWith(lower) || lower === 'sept') ? index + 1 : 0;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1970 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day > days[month - 1]) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
