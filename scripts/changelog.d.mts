export function changelogSection(changelog: string, version: string): string | undefined;
export function newestVersion(changelog: string): string | undefined;
