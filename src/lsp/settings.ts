import type { LiveSettings } from '../core/live/live-options';
import type { Severity } from '../core/rules/rule';

/**
 * The server's settings: the `legible` section of the client's configuration (initialization
 * options, `workspace/configuration`, or the settings `didChangeConfiguration` pushes), named as
 * the VS Code extension names them: `folders`, `rules` (rule id → error, warning, info or off) and
 * `debounceMs`. Anything malformed is left out, never trusted.
 */
export interface ServerSettings {
  readonly folders?: readonly string[];
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
  readonly debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 300;
const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** Reads the settings from whatever the client sent: `{ legible: {…} }` or the section itself. */
export function readSettings(value: unknown): ServerSettings {
  const object = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const outer = object(value);
  const section = object(outer?.legible) ?? outer;
  if (!section) return {};
  const folders = Array.isArray(section.folders) ? section.folders.filter((f): f is string => typeof f === 'string') : undefined;
  const rules = object(section.rules);
  const debounce = section.debounceMs;
  return {
    ...(folders && { folders }),
    ...(rules && { rules: Object.fromEntries(Object.entries(rules).filter(([, level]) => typeof level === 'string' && LEVELS.has(level))) as ServerSettings['rules'] }),
    ...(typeof debounce === 'number' && Number.isFinite(debounce) && { debounceMs: Math.min(5000, Math.max(0, debounce)) }),
  };
}

/**
 * Workspace Trust from the initialization options: `trusted: false` (at the top or in the `legible`
 * section) reads the folders as VS Code's Restricted Mode does. Asked once, at initialization:
 * settings sent later (which a client may take from a repository's own files) cannot change it.
 */
export function readTrusted(value: unknown): boolean {
  const object = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const outer = object(value);
  return outer?.trusted !== false && object(outer?.legible)?.trusted !== false;
}

export function liveSettings(settings: ServerSettings): LiveSettings {
  return { folders: settings.folders, severities: settings.rules, debounceMs: settings.debounceMs ?? DEFAULT_DEBOUNCE_MS };
}
