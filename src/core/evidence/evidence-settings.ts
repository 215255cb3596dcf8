import type { ConfigProblem } from '../config/config';
import { isIsoDay } from '../text/iso-day';

/** One person as `.legible.json` `people` names them: the handle records use, and how git knows them. */
export interface PersonSettings {
  readonly handle: string;
  readonly names: readonly string[];
  /** Lower case. */
  readonly emails: readonly string[];
  /** The day they left (YYYY-MM-DD): from then on, what only they hold has no holder. */
  readonly left?: string;
}

export interface EvidenceSettings {
  /** The window of activity: `12 months`, `90 days`, `2 years`, or a date (YYYY-MM-DD). */
  readonly since: string;
  /** No commit for this many days: possibly gone. */
  readonly inactiveDays: number;
  /** A commit touching more files is counted, not attributed (a vendored import, a reformat). */
  readonly maxFilesPerCommit: number;
}

export interface PeopleSettings {
  readonly people: readonly PersonSettings[];
  /** Team handle → member handles (or names). */
  readonly teams: Readonly<Record<string, readonly string[]>>;
  readonly evidence: EvidenceSettings;
}

export const DEFAULT_EVIDENCE: EvidenceSettings = { since: '12 months', inactiveDays: 180, maxFilesPerCommit: 1000 };

export function defaultPeopleSettings(): PeopleSettings {
  return { people: [], teams: {}, evidence: DEFAULT_EVIDENCE };
}

const SINCE = /^(\d{1,4}) (day|days|month|months|year|years)$/;

/**
 * `people`, `teams` and `evidence` of `.legible.json`, read with what can be used of a bad value
 * (the schema reports its shape). An email named twice — in one entry or in two — is a problem:
 * git's commits under it would belong to two people, so the second naming is left out.
 */
export function peopleSettings(raw: { people?: unknown; teams?: unknown; evidence?: unknown }, problems: ConfigProblem[]): PeopleSettings {
  const people: PersonSettings[] = [];
  const owner = new Map<string, string>();
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : []);
  if (isObject(raw.people)) {
    for (const [handle, value] of Object.entries(raw.people)) {
      if (!handle.trim() || !isObject(value)) continue;
      const emails: string[] = [];
      strings(value.emails).forEach((email, i) => {
        const key = email.toLowerCase();
        const before = owner.get(key);
        if (before !== undefined) {
          problems.push({
            pointer: `/people/${escape(handle)}/emails/${i}`,
            message: before === handle ? `people.${handle} names the email ${email} twice: once is enough.` : `people.${handle} names the email ${email}, which people.${before} already names: whose commits are they?`,
          });
          return;
        }
        owner.set(key, handle);
        emails.push(key);
      });
      const left = typeof value.left === 'string' && isIsoDay(value.left) ? value.left : undefined;
      people.push({ handle: handle.trim(), names: strings(value.names), emails, ...(left && { left }) });
    }
  }
  const teams: Record<string, string[]> = {};
  if (isObject(raw.teams)) for (const [handle, members] of Object.entries(raw.teams)) if (handle.trim()) teams[handle.trim()] = strings(members);
  const evidence = isObject(raw.evidence) ? raw.evidence : {};
  const since = typeof evidence.since === 'string' && (SINCE.test(evidence.since.trim()) || isIsoDay(evidence.since.trim())) ? evidence.since.trim() : DEFAULT_EVIDENCE.since;
  const count = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback);
  return {
    people,
    teams,
    evidence: { since, inactiveDays: count(evidence.inactiveDays, DEFAULT_EVIDENCE.inactiveDays), maxFilesPerCommit: count(evidence.maxFilesPerCommit, DEFAULT_EVIDENCE.maxFilesPerCommit) },
  };
}

/**
 * The first day of the window (YYYY-MM-DD) for `since` seen from `today`: `12 months` before
 * 2026-03-31 is 2025-03-31; a month without that day ends the month instead.
 */
export function windowStartDate(since: string, today: string): string {
  if (isIsoDay(since)) return since;
  const match = SINCE.exec(since) ?? SINCE.exec(DEFAULT_EVIDENCE.since)!;
  const n = Number(match[1]);
  const [year, month, day] = today.split('-').map(Number);
  if (match[2].startsWith('day')) return isoDay(Date.UTC(year, month - 1, day) - n * 86_400_000);
  const months = match[2].startsWith('year') ? n * 12 : n;
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDay(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

/** Unix seconds at 00:00 UTC of a YYYY-MM-DD day. */
export function daySeconds(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / 1000;
}

/** The UTC day (YYYY-MM-DD) of Unix seconds. */
export function dayOf(seconds: number): string {
  return isoDay(seconds * 1000);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON Pointer token. */
function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
