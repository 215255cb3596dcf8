/**
 * The time as the live engine sees it. Rules take "today" as data; the engine asks the clock for
 * it, and for when it changes, so a record's review falls due at midnight without a reload.
 */
export interface Clock {
  /** The local date, YYYY-MM-DD. */
  today(): string;
  /** Milliseconds until the local date changes (an estimate: the engine asks `today` again then). */
  untilTomorrow(): number;
  /** Milliseconds on any fixed scale, for the durations the log reports. */
  now(): number;
}
