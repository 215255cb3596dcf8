const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a day written YYYY-MM-DD, as records, `.legible.json` and git's `--date=short` write them (the shape only). */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}
