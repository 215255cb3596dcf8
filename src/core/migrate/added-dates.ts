import { isIsoDay } from '../text/iso-day';

/** The header of each commit in `git log` output made by `ADDED_LOG_FORMAT`: \x01, then the author's day. */
export const ADDED_LOG_FORMAT = '%x01%ad';

/**
 * The day each of `paths` (repository-relative) was added, from `git log -z --date=short
 * --format=%x01%ad --name-status -M --diff-filter=AR` (newest commit first): the author's date of
 * the commit that added the file, renames followed back (a record moved from `doc/adr/` to
 * `docs/decisions/` dates from when it was written, not from the move). A path whose add the log
 * does not reach (a shallow clone, a file never committed) has no day.
 */
export function addedDates(log: string, paths: readonly string[]): Map<string, string> {
  // Going back in time: the name each record had at that point, and which record it is.
  const tracked = new Map(paths.map((path) => [path, path]));
  const dates = new Map<string, string>();
  const tokens = log.split('\0');
  let day: string | undefined;
  for (let i = 0; i < tokens.length && tracked.size; i++) {
    const token = tokens[i].replace(/^\n+/, '');
    if (token.startsWith('\x01')) {
      const written = token.slice(1, 11);
      day = isIsoDay(written) ? written : undefined;
      continue;
    }
    if (token === 'A') {
      const path = tokens[++i];
      const record = tracked.get(path);
      if (record === undefined) continue;
      tracked.delete(path);
      if (day) dates.set(record, day);
    } else if (/^R\d*$/.test(token)) {
      const [from, to] = [tokens[++i], tokens[++i]];
      const record = tracked.get(to);
      if (record === undefined) continue;
      tracked.delete(to);
      tracked.set(from, record);
    }
  }
  return dates;
}
