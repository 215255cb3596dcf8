import { McpServer, ResourceTemplate, z } from './sdk';
import { version } from '../../package.json';
import { parseDecisionDocument } from '../core/document/decision-document';
import type { DecisionEntry } from '../core/index/decision-entry';
import type { DecisionIndex } from '../core/index/decision-index';
import { relativePath } from '../core/port/paths';
import { isRecordId, recordsById } from '../core/index/find-by-id';
import { knowledgeRisk, refOf, whatIfLeaves } from '../core/report/knowledge-risk';
import { personEvidence } from '../core/report/evidence-report';
import { unknownPersonNote } from '../core/knowledge/unknown-person';
import { RECORD_TYPES } from '../core/schema/schema-registry';
import { byFolderAndNumber, filterDecisions } from '../core/views/filter-decisions';
import { relativeData } from './answers';
import { fitList, fitMarkdown, fitText, jsonAnswer, jsonLength, MAX_ANSWER_CHARS } from './bounded';
import type { McpWorkspace } from './mcp-workspace';
import { CodedRefusal, INVALID_PARAMS, Refusal, RESOURCE_NOT_FOUND } from './refusal';
import { MAX_PATH, workspacePath } from './workspace-path';

/** The URI of a record's resource: its id as the index shows it (`ADR-0007`). */
export const RECORD_URI = 'legible://decision/{id}';
/** A record whose id others share too (two date-named log4brains records): its id and its path. */
export const RECORD_AT_URI = 'legible://decision/{id}/{path}';

/**
 * The URI of a record's resource, distinct for each record: its id (`legible://decision/ADR-0007`),
 * or, when other records share the id, its id and its workspace-relative path, as one segment
 * (`legible://decision/ADR-20200925/docs%2Fadr%2F20200925-use-markdown.md`). The id alone reads
 * them all, as get_decision answers it.
 */
function recordUri(entry: DecisionEntry, index: DecisionIndex, root: string): string {
  const id = refOf(entry).id;
  const base = `legible://decision/${encodeURIComponent(id)}`;
  return recordsById(index, id).length > 1 ? `${base}/${encodeURIComponent(relativePath(root, entry.path))}` : base;
}

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const DEFAULT_LIMIT = 200;
const MAX_LINT_PATHS = 100;
/** The most names a note on an unknown person lists. */
const MAX_NAMES = 100;

const path = z.string().min(1).max(MAX_PATH).describe('A file of the workspace, relative to its root, with / between folders (src/payments/ledger.ts).');
const lintPath = z.string().min(1).max(MAX_PATH).describe('A file or folder of the workspace, relative to its root, with / between folders (docs/decisions, src/payments/ledger.ts).');

/** An entry as a list shows it: enough to choose the records to read, paths relative to the root. */
function summary(entry: DecisionEntry, index: DecisionIndex, root: string) {
  return {
    id: refOf(entry).id,
    type: entry.type,
    title: entry.title,
    status: entry.status,
    date: entry.date,
    risk: entry.risk,
    door: entry.door,
    owners: entry.owners,
    holders: entry.holders,
    tags: entry.tags,
    governs: entry.governs?.map((ref) => ref.glob),
    path: entry.path,
    uri: recordUri(entry, index, root),
  };
}

/** The MCP server over one workspace: read-only tools and each record as a resource. */
export function createServer(workspace: McpWorkspace): McpServer {
  const server = new McpServer(
    { name: 'legible', title: 'Legible decision records', version },
    {
      instructions:
        'Decision records (ADRs, RFCs, exit plans) of this repository. Before changing a file, call decisions_for_path: ' +
        'the decisions that govern it say what was decided, how hard it is to undo (door, risk) and whom to ask (owners, holders). ' +
        'Paths are relative to the workspace root; ids look like ADR-0007.',
    },
  );
  const root = workspace.root;
  // What `legible lint` warns about the configuration (a folder .legible.json names that does not
  // exist…) goes with every answer, so an empty one is not taken for an empty repository.
  const answer = (data: object) => {
    const problems = workspace.live.problems;
    const none = problems.length && !workspace.live.folders.length ? ['No decisions folder is read: no record is served.'] : [];
    return jsonAnswer(relativeData(problems.length ? { ...data, warnings: [...problems, ...none] } : data, root));
  };

  server.registerTool(
    'list_decisions',
    {
      title: 'List decisions',
      description: 'The decision records, optionally filtered by type, status, a person (owner, decider, holder or successor) or a tag: id, title, status, risk, door, people, tags, governed globs and path of each.',
      inputSchema: z
        .object({
          type: z.enum(RECORD_TYPES as [string, ...string[]]).optional().describe('adr, rfc or exit-plan.'),
          status: z.string().max(60).optional().describe('As the records write it: proposed, accepted, superseded…'),
          person: z.string().max(200).optional().describe('A name as the records write it (any case).'),
          tag: z.string().max(100).optional(),
          limit: z.number().int().min(1).max(1000).optional().describe(`The most records to list (default ${DEFAULT_LIMIT}).`),
        })
        .strict(),
      annotations: { title: 'List decisions', ...READ_ONLY },
    },
    async ({ type, status, person, tag, limit }) => {
      const index = await workspace.current();
      const entries = filterDecisions(index.entries(), { type: type as DecisionEntry['type'] | undefined, status, person, tag }).sort(byFolderAndNumber);
      const note = person === undefined ? undefined : unknownPersonNote(index.people(), person, MAX_NAMES);
      const fitted = fitList(entries.map((entry) => summary(entry, index, root)), MAX_ANSWER_CHARS - 500 - (note?.length ?? 0), limit ?? DEFAULT_LIMIT, 'narrow the list with type, status, person or tag, or raise limit');
      return answer({ total: entries.length, records: fitted.items, ...(fitted.truncated && { truncated: fitted.truncated }), ...(note && { note }) });
    },
  );

  server.registerTool(
    'get_decision',
    {
      title: 'Get a decision',
      description: 'One decision record by id (ADR-0007, RFC-0012, EXIT-0003, or a folder\'s own id): its frontmatter as data and its Markdown body. Several records when the id is used more than once.',
      inputSchema: z.object({ id: z.string().min(1).max(200).describe('The record id, as list_decisions shows it.') }).strict(),
      annotations: { title: 'Get a decision', ...READ_ONLY },
    },
    async ({ id }) => {
      const index = await workspace.current();
      const found = recordsById(index, requireId(id));
      if (!found.length) throw new Refusal(`No record has the id ${id}. list_decisions shows the ids there are.`);
      const budget = Math.floor((MAX_ANSWER_CHARS - 1000) / found.length);
      const records = await Promise.all(found.map((entry) => fullRecord(workspace, entry, index, budget)));
      return answer({ records });
    },
  );

  server.registerTool(
    'decisions_for_path',
    {
      title: 'Decisions for a file',
      description: 'The decisions that govern a file (their governs globs match it: what was decided, how reversible, whom to ask) and the records its text cites (ADR-0007 in a comment), each with status, door, risk, owners, holders and successors. Ask before changing a file.',
      inputSchema: z.object({ path }).strict(),
      annotations: { title: 'Decisions for a file', ...READ_ONLY },
    },
    async ({ path: given }) => {
      const { path: file, relative } = await workspacePath(workspace.live.fs, root, given);
      const explained = await workspace.explain(file, relative);
      const governedBy = fitList(explained.governedBy, MAX_ANSWER_CHARS / 2, Infinity, 'ask get_decision for the records one by one');
      const cites = fitList(explained.cites, MAX_ANSWER_CHARS / 3, Infinity, 'the file cites too many records to list');
      return answer({ ...explained, governedBy: governedBy.items, cites: cites.items, ...((governedBy.truncated || cites.truncated) && { truncated: { governedBy: governedBy.truncated, cites: cites.truncated } }) });
    },
  );

  server.registerTool(
    'knowledge_risk',
    {
      title: 'Knowledge risk',
      description: 'The knowledge-risk report as data: in-force decisions only one person holds, overdue exit plans, overdue reviews, one-way doors decided alone, and how many records could be assessed. With person: what would lose its only holder or owner if they left and, when git can read the history, the decisions and files it shows they alone know (else evidenceUnavailable says why not).',
      inputSchema: z.object({ person: z.string().min(1).max(200).optional().describe('A name as the records write it: what if this person left?') }).strict(),
      annotations: { title: 'Knowledge risk', ...READ_ONLY },
    },
    async ({ person }) => {
      const index = await workspace.current();
      const entries = index.entries();
      if (person === undefined) return answer(knowledgeRisk(entries, workspace.live.today()));
      // As `legible report --person` answers: with the history's word when git can read it, and its warning when no record names them.
      const impact = whatIfLeaves(entries, person.trim());
      const input = await workspace.evidence();
      const note = unknownPersonNote(index.people(), person, MAX_NAMES);
      const evidence = 'unavailable' in input ? { evidenceUnavailable: input.unavailable } : { evidence: personEvidence(person.trim(), input) };
      return answer({ ...impact, ...evidence, ...(note && { note }) });
    },
  );

  server.registerTool(
    'lint',
    {
      title: 'Lint',
      description: 'The findings of Legible\'s rules for files of the workspace: for a record, its frontmatter, body, cross-file and evidence (git history) rules; for a code file, its citations of records. A folder (docs/decisions) stands for the files inside it that have findings, and is counted in folders. Each finding with rule, severity, message and 1-based line.',
      inputSchema: z.object({ paths: z.array(lintPath).min(1).max(MAX_LINT_PATHS) }).strict(),
      annotations: { title: 'Lint', ...READ_ONLY },
    },
    async ({ paths }) => {
      const given = await Promise.all(paths.map((text) => workspacePath(workspace.live.fs, root, text)));
      // A folder, as `legible lint <folder>` takes it: the files inside it with findings (its records'), each folder counted.
      const named: string[] = [];
      const within = new Map<string, string[]>();
      for (const { path: file } of given) {
        if ((await workspace.live.fs.stat(file).catch(() => undefined))?.kind === 'directory') within.set(file, await workspace.within(file));
        else named.push(file);
      }
      const linted = await workspace.lint([...new Set([...named, ...[...within.values()].flat()])]);
      const index = await workspace.current();
      const folders = [...within].map(([folder, inside]) => ({ path: folder, records: inside.filter((file) => index.get(file)).length, withFindings: inside.filter((file) => linted.get(file)?.length).length }));
      const shown = new Set([...named, ...[...within.values()].flat().filter((file) => linted.get(file)?.length)]);
      const byFile = [...shown].map((file) => [file, linted.get(file) ?? []] as const);
      const results = await Promise.all(byFile.map(async ([file, findings]) => ({
        path: file,
        record: Boolean(index.get(file)),
        ...(!(await workspace.live.fs.stat(file).catch(() => undefined)) && { note: 'no such file in the workspace: nothing to lint' }),
        findings: findings.map((f) => ({ rule: f.ruleId, severity: f.severity, message: f.message, line: f.range.start.line + 1, column: f.range.start.character + 1, ...(f.fix && { fixable: true }) })),
      })));
      const fitted = fitList(results, MAX_ANSWER_CHARS - 500 - JSON.stringify(folders).length, Infinity, 'lint fewer paths at once, or a narrower folder');
      return answer({ ...(folders.length && { folders }), files: fitted.items, ...(fitted.truncated && { truncated: fitted.truncated }) });
    },
  );

  const list = async () => {
    const index = await workspace.current();
    const entries = index.entries().sort(byFolderAndNumber);
    return { resources: entries.map((entry) => ({ uri: recordUri(entry, index, root), name: refOf(entry).id, title: `${refOf(entry).id}: ${entry.title}`, description: [entry.type, entry.status].filter(Boolean).join(' · '), mimeType: 'text/markdown' })) };
  };
  /** The records a URI names: every record with the id, or the one at `path` among them. */
  const read = async (_uri: URL, variables: Record<string, string | string[]>) => {
    const value = (name: string) => {
      const raw = variables[name];
      return raw === undefined ? undefined : safeDecode((Array.isArray(raw) ? raw[0] : raw) ?? '');
    };
    const id = value('id') ?? '';
    const at = value('path');
    const index = await workspace.current();
    let checked: string;
    try {
      checked = requireId(id);
    } catch (error) {
      throw new CodedRefusal((error as Error).message, INVALID_PARAMS);
    }
    const found = recordsById(index, checked).filter((entry) => at === undefined || relativePath(root, entry.path) === at);
    if (!found.length) throw new CodedRefusal(`No record has the id ${id}${at === undefined ? '' : ` at ${at}`}: resources/list lists the records there are.`, RESOURCE_NOT_FOUND);
    // The bound holds for the answer, each record's note and the JSON around it included.
    const budget = Math.floor((MAX_ANSWER_CHARS - 500) / found.length);
    const contents = await Promise.all(found.map(async (entry) => ({ uri: recordUri(entry, index, root), mimeType: 'text/markdown', text: fitMarkdown((await workspace.live.readText(entry.path)).text, budget) })));
    return { contents };
  };
  server.registerResource('decision', new ResourceTemplate(RECORD_URI, { list }), { title: 'Decision record', description: 'A decision record as its Markdown file holds it.', mimeType: 'text/markdown' }, read);
  server.registerResource(
    'decision-at',
    new ResourceTemplate(RECORD_AT_URI, { list: undefined }),
    { title: 'Decision record (an id other records share)', description: 'One of the records that share an id, by its path: as its Markdown file holds it.', mimeType: 'text/markdown' },
    read,
  );
  return server;
}

function requireId(id: string): string {
  const trimmed = id.trim();
  if (!isRecordId(trimmed)) throw new Refusal(`${JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id)} is not a record id: send an id as list_decisions shows it (ADR-0007, RFC-0012, EXIT-0003).`);
  return trimmed;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A record with its frontmatter as data and its body, the body cut to the budget left. */
async function fullRecord(workspace: McpWorkspace, entry: DecisionEntry, index: DecisionIndex, budget: number) {
  const read = await workspace.live.readText(entry.path);
  const doc = parseDecisionDocument(entry.path, read.text, workspace.live.config!.limits);
  const head = { ...summary(entry, index, workspace.root), legacy: entry.legacy, frontmatter: doc.data ?? null, openQuestions: entry.placeholders };
  const body = fitText(read.text.slice(doc.bodyStart), Math.max(0, budget - JSON.stringify(head).length), jsonLength);
  return { ...head, body: body.text, ...(body.truncated && { bodyTruncated: `${body.truncated}; read the file at path for the rest` }) };
}
