/**
 * What Legible asks of git: who is writing, for a new record's `owners`. The CLI runs git in the
 * repository; the extension does the same for a local, trusted folder and answers nothing otherwise.
 * Undefined when git is missing or knows no name: the template's placeholder stays.
 */
export interface GitPort {
  userName(): Promise<string | undefined>;
}
