import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Who wrote what in the example, and when: the evidence views and rules have a history to show. */
const PEOPLE = {
  amira: { name: 'Amira Haddad', email: 'amira@example.com' },
  jonas: { name: 'Jonas Berg', email: 'jonas@example.com' },
  'li.wei': { name: 'Li Wei', email: 'li.wei@example.com' },
  priya: { name: 'Priya Nair', email: 'priya@example.com' },
} as const;

type Handle = keyof typeof PEOPLE;

/**
 * The history, oldest first, in days before today (so the example reads the same whenever it is
 * started): amira writes the ledger and its records, jonas the events and the bank records, li.wei
 * takes part of the ledger over lately, priya writes the runbooks and then goes quiet (over 180
 * days ago, so `holder-departed` has something to say).
 */
const SCRIPT: ReadonlyArray<{ who: Handle; daysAgo: number; files: readonly string[]; edit?: string }> = [
  { who: 'amira', daysAgo: 420, files: ['.legible.json', 'docs/decisions/0001-', 'services/payments/ledger.ts'] },
  { who: 'jonas', daysAgo: 400, files: ['docs/decisions/0002-', 'docs/decisions/0003-', 'services/payments/events.ts'] },
  { who: 'priya', daysAgo: 260, files: ['docs/runbooks/', 'docs/decisions/0004-', 'docs/decisions/0005-'] },
  { who: 'amira', daysAgo: 150, files: ['docs/decisions/0006-', 'docs/decisions/0007-'], edit: 'services/payments/ledger.ts' },
  { who: 'jonas', daysAgo: 90, files: ['docs/decisions/0008-', 'docs/decisions/0009-', 'docs/decisions/0010-'], edit: 'services/payments/events.ts' },
  { who: 'li.wei', daysAgo: 40, files: ['docs/decisions/0011-', 'docs/decisions/0012-'], edit: 'services/payments/ledger.ts' },
  { who: 'amira', daysAgo: 10, files: ['docs/decisions/'], edit: 'services/payments/ledger.ts' },
];

/**
 * A copy of the example workspace in `into`, made a git repository whose history has several
 * scripted authors and dates, so `npm start` shows the evidence from history. Every file ends up
 * committed exactly as the example holds it; only the scripted edits add a comment line to code.
 */
export function exampleRepository(example: string, into: string): string {
  fs.cpSync(example, into, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(into, '.git-no-global') };
  const git = (args: readonly string[], extra: Record<string, string> = {}) => execFileSync('git', args, { cwd: into, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '--quiet', '--initial-branch=main']);
  const all = listFiles(into);
  const committed = new Set<string>();
  for (const step of SCRIPT) {
    const person = PEOPLE[step.who];
    const day = new Date(Date.now() - step.daysAgo * 86_400_000).toISOString().slice(0, 10);
    const when = `${day}T10:00:00Z`;
    const identity = { GIT_AUTHOR_NAME: person.name, GIT_AUTHOR_EMAIL: person.email, GIT_AUTHOR_DATE: when, GIT_COMMITTER_NAME: person.name, GIT_COMMITTER_EMAIL: person.email, GIT_COMMITTER_DATE: when };
    const files = all.filter((file) => !committed.has(file) && step.files.some((prefix) => file.startsWith(prefix)));
    if (step.edit && committed.has(step.edit)) {
      fs.appendFileSync(path.join(into, step.edit), `// Reviewed by ${person.name} on ${day}.\n`);
      files.push(step.edit);
    }
    if (!files.length) continue;
    git(['add', '--', ...files]);
    git(['commit', '--quiet', '--message', `Example history: ${step.who}`], identity);
    for (const file of files) committed.add(file);
  }
  return into;
}

function listFiles(root: string, below = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, below), { withFileTypes: true })) {
    const rel = below ? `${below}/${entry.name}` : entry.name;
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out.sort();
}
