import { basename, dirname, joinPath, relativePath } from '../port/paths';
import { formatId } from '../index/ids';
import type { WorkspaceRule, WorkspaceRuleContext } from './rule';
import type { DecisionEntry, IdRef, LinkRef } from '../index/decision-entry';
import { isInForce } from '../knowledge/predicates';

const LABELS: Array<[keyof DecisionEntry, string]> = [
  ['supersedes', 'supersedes'],
  ['supersededBy', 'superseded-by'],
  ['related', 'related'],
  ['decisions', 'decisions'],
];

/** Every id and local link a record names must lead somewhere, or review and onboarding hit a dead end. */
export const referenceResolves: WorkspaceRule = {
  id: 'reference-resolves',
  description: 'Every referenced id (supersedes, superseded-by, related, plan, decisions) and local artifact link resolves.',
  defaultSeverity: 'error',
  scope: 'workspace',
  async check(context) {
    const { index } = context;
    for (const entry of index.entries()) {
      if (entry.legacy) continue;
      const refs: Array<{ ref: IdRef; key: string }> = [];
      for (const [prop, key] of LABELS) for (const ref of entry[prop] as readonly IdRef[]) refs.push({ ref, key });
      if (entry.plan) refs.push({ ref: entry.plan, key: 'knowledge-exit-path.plan' });
      for (const { ref, key } of refs) {
        if (ref.number === undefined) continue; // the schema rule reports malformed ids
        const anyType = index.resolve({ number: ref.number }, entry);
        const matching = index.resolve(ref, entry);
        if (!anyType.length) {
          context.report(entry.path, { message: `\`${key}\` names ${ref.raw}, but no record has number ${ref.number}. Which decision did you mean?`, range: ref.range });
        } else if (!matching.length) {
          const found = anyType.map((e) => formatId(e.type, e.number, e.id.length)).join(', ');
          context.report(entry.path, {
            message: `\`${key}\` names ${ref.raw}, but that number is ${found}. Which decision did you mean?`,
            range: ref.range,
            related: anyType.map((e) => ({ path: e.path, range: e.anchor, message: `${basename(e.path)} has number ${e.id}` })),
          });
        } else if (key === 'knowledge-exit-path.plan' && !matching.some((e) => e.type === 'exit-plan')) {
          context.report(entry.path, {
            message: `\`${key}\` names ${ref.raw}, which is not an exit plan. Which exit plan moves this knowledge?`,
            range: ref.range,
            related: matching.map((e) => ({ path: e.path, range: e.anchor, message: `${basename(e.path)} is a ${e.type}` })),
          });
        } else if (key === 'knowledge-exit-path.plan' && isInForce(entry) && matching.every((e) => e.type !== 'exit-plan' || e.status === 'abandoned')) {
          // A decision in force whose only exit plan was given up: the knowledge report counts it as no
          // way out (core/knowledge/predicates.ts hasLivePlan), so the record must not read as if it had one.
          context.report(entry.path, {
            message: `\`${key}\` names ${ref.raw}, which is abandoned: it moves no knowledge. Which exit plan moves this knowledge now?`,
            range: ref.range,
            // The plan leads somewhere: a warning, as single-point-of-knowledge would give without it.
            severity: 'warning',
            related: matching.filter((e) => e.type === 'exit-plan').map((e) => ({ path: e.path, range: e.statusRange ?? e.anchor, message: `${basename(e.path)} is abandoned` })),
          });
        }
      }
      const artifactsKey = entry.type === 'exit-plan' ? 'artifacts' : 'knowledge-exit-path.artifacts';
      for (const link of entry.artifacts) {
        // An unfilled template value is the placeholder rule's finding, not a broken link; a link
        // out of the workspace is link-outside-repository's, and never looked up.
        if (!link.resolved || context.config.placeholder.test(link.target)) continue;
        if ((await context.presence(link.resolved)) !== 'missing') continue;
        const rewritten = await fromRoot(context, entry, link);
        if (rewritten) {
          context.report(entry.path, {
            message: `\`${artifactsKey}\` links ${link.target}, which does not exist beside this record: a link is read from the record's folder, as in Markdown. Did you mean ${rewritten}, the file at ${link.target} from the workspace root?`,
            range: link.range,
            // Not when the list has that link already: the fix would write it twice.
            ...(link.pointer && !entry.artifacts.some((other) => other.target === rewritten) && { fix: { kind: 'replace-value', pointer: link.pointer, suggestions: [rewritten], safe: true } }),
          });
          continue;
        }
        context.report(entry.path, { message: `\`${artifactsKey}\` links ${link.target}, which does not exist. Where does the successor find this artifact?`, range: link.range });
      }
    }
  },
};

/**
 * A link missing beside its record but written as from the workspace root (`src/ledger/README.md`,
 * as `governs` globs are written): the same link from the record's folder, when the file is there.
 * A link that starts with `.` or `/` says where it starts, and is left as it is.
 */
async function fromRoot(context: WorkspaceRuleContext, entry: DecisionEntry, link: LinkRef): Promise<string | undefined> {
  if (!context.root || !link.resolved || /^[./]/.test(link.target)) return undefined;
  const folder = dirname(entry.path);
  const written = relativePath(folder, link.resolved);
  if (written === '..' || written.startsWith('../')) return undefined;
  const candidate = joinPath(context.root, written);
  if ((await context.presence(candidate)) !== 'present') return undefined;
  const suffix = /[?#].*$/s.exec(link.target)?.[0] ?? '';
  return `${relativePath(folder, candidate)}${suffix}`;
}
