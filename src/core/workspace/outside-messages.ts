/**
 * What the CLI and the extension say when the port refused a write because a symbolic link in the
 * repository leads outside it: one wording for both front-ends, naming the link and asking the question.
 */

/** The table of contents was not written: `file` is (or lies behind) a link out. */
export function indexThroughLinkRefused(file: string): string {
  return `${file} leads outside the repository through a symbolic link, so Legible does not read or write it. Should it be a file in the repository? Replace the link, or write the table elsewhere.`;
}

/** No record was created: `link` leads out, and `folder` is where the record would have gone. */
export function recordThroughLinkRefused(link: string, folder: string): string {
  return link === folder
    ? `${folder} is a symbolic link that leads outside the repository, so no record is created through it. Should the decisions folder be a folder in the repository?`
    : `${link} is a symbolic link that leads outside the repository, so no record is created in ${folder}. Should ${folder} be a folder in the repository?`;
}

/** `.legible.json` was not rewritten: it is a link out. */
export function configThroughLinkRefused(file: string): string {
  return `${file} is a symbolic link that leads outside the repository, so Legible does not read or write it. Should it be a file in the repository?`;
}
