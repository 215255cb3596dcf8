// CHANGELOG.md holds one section per version (`## 0.1.0 — 2026-12-01`), newest first. A release
// needs its version's section: it is the GitHub release's notes and the Marketplace's Changelog tab.

/** The body of `version`'s section (without its heading), or undefined when it has none. */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = lines.findIndex((line) => new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`).test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}

/** The version of the newest section (the first `## ` heading), or undefined. */
export function newestVersion(changelog) {
  return /^## \[?v?(\d+\.\d+\.\d+[^\]\s]*)/m.exec(changelog)?.[1];
}
