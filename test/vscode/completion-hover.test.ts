// Completion and hover in the frontmatter, through VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fieldInfo } from '../../src/core/schema/field-info';
import { cleanUp, legible, lines, rangeOf, writeRecord } from './support';

/** Opens `text` (with `|` marking the cursor) as a record in the decisions folder. */
async function openAt(name: string, marked: string): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'mark the cursor with |');
  const uri = await writeRecord(name, marked.replace('|', ''));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { document, position: document.positionAt(offset) };
}

/** Legible's items at the position (other providers, e.g. word-based ones, are left out by kind). */
async function complete(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger, 200);
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function documentation(item: vscode.CompletionItem | undefined): string {
  const doc = item?.documentation;
  return typeof doc === 'string' ? doc : (doc?.value ?? '');
}

function find(items: vscode.CompletionItem[], label: string, kind: vscode.CompletionItemKind): vscode.CompletionItem {
  const found = items.find((i) => labelOf(i) === label && i.kind === kind);
  assert.ok(found, `no ${vscode.CompletionItemKind[kind]} completion ${label}; got ${JSON.stringify(items.map((i) => `${labelOf(i)}:${i.kind}`))}`);
  return found;
}

async function hover(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

const HEAD = ['---', 'type: adr', 'title: Pick a queue', 'status: proposed', 'date: 2026-03-01'];

describe('Completion and hover', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('offers the missing keys at the cursor, each documented with its question', async () => {
    const { document, position } = await openAt('0301-keys.md', lines(...HEAD, '|', '---', '', '# Pick a queue'));
    const items = await complete(document, position);
    const owners = find(items, 'owners', vscode.CompletionItemKind.Property);
    const question = fieldInfo('adr', ['owners'])?.description;
    assert.ok(question, 'the schema asks a question for owners');
    assert.ok(documentation(owners).includes(question), `owners documents its question: ${documentation(owners)}`);
    assert.ok(documentation(owners).includes('Required'));
    const reversibility = find(items, 'reversibility', vscode.CompletionItemKind.Property);
    assert.ok(documentation(reversibility).includes(fieldInfo('adr', ['reversibility'])?.description ?? '?'));
    for (const present of ['type', 'title', 'status', 'date']) {
      assert.ok(!items.some((i) => labelOf(i) === present && i.kind === vscode.CompletionItemKind.Property), `${present} is already there`);
    }
  });

  it('offers a closed vocabulary with each value\'s description', async () => {
    const { document, position } = await openAt('0302-values.md', lines(...HEAD, 'reversibility:', '  door: two-way', 'risk:', '  level: |', '---'));
    const items = (await complete(document, position)).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    const info = fieldInfo('adr', ['risk', 'level']);
    assert.deepEqual(items.map(labelOf), info?.enum);
    assert.deepEqual(items.map((i) => i.detail), info?.enumDescriptions);
  });

  it('offers the status vocabulary of the record\'s own type', async () => {
    const { document, position } = await openAt('0303-status.md', lines('---', 'type: exit-plan', 'title: Hand over billing', 'status: |', '---'));
    const items = (await complete(document, position)).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(items.map(labelOf), ['planned', 'in-progress', 'verified', 'abandoned']);
  });

  it('offers the ids of existing records for supersedes, with their titles', async () => {
    const { document, position } = await openAt('0304-ids.md', lines(...HEAD, 'supersedes: [|]', '---'));
    const items = (await complete(document, position, '[')).filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    const first = find(items, 'ADR-0001', vscode.CompletionItemKind.Reference);
    assert.equal(first.detail, 'Record decisions with Legible');
    assert.equal(find(items, 'ADR-0002', vscode.CompletionItemKind.Reference).detail, 'Cache sessions in Redis');
    assert.ok(!items.some((i) => labelOf(i) === 'ADR-0304'), 'not the record being edited');
  });

  it('offers the people the records name for owners', async () => {
    const { document, position } = await openAt('0305-people.md', lines(...HEAD, 'owners: [|]', '---'));
    const people = (await complete(document, position, '[')).filter((i) => i.kind === vscode.CompletionItemKind.User).map(labelOf);
    for (const person of ['alice', 'bob', 'carol']) assert.ok(people.includes(person), `${person} in ${JSON.stringify(people)}`);
  });

  it('offers nothing of its own outside the frontmatter', async () => {
    const { document, position } = await openAt('0306-body.md', lines(...HEAD, '---', '', 'status: |'));
    const ours = (await complete(document, position)).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember || i.kind === vscode.CompletionItemKind.Property);
    assert.deepEqual(ours.map(labelOf), []);
  });

  it('shows a key\'s question on hover, and a value\'s meaning', async () => {
    const { document } = await openAt('0307-hover.md', lines(...HEAD, 'reversibility:', '  door: one-way', '  how: Switch the flag back.|', '---'));
    const onKey = await hover(document, rangeOf(document, 'door').start.translate(0, 1));
    const door = fieldInfo('adr', ['reversibility', 'door']);
    assert.ok(onKey.includes(door?.description ?? '?'), onKey);
    const onValue = await hover(document, rangeOf(document, 'one-way').start.translate(0, 2));
    const meaning = door?.enumDescriptions?.[door.enum?.indexOf('one-way') ?? -1];
    assert.ok(meaning && onValue.includes(meaning), onValue);
  });

  it('shows the record an id names on hover', async () => {
    const { document } = await openAt('0308-hover-id.md', lines(...HEAD, 'related: [ADR-0002]|', '---'));
    const text = await hover(document, rangeOf(document, 'ADR-0002').start.translate(0, 5));
    assert.ok(text.includes('Cache sessions in Redis'), text);
    assert.ok(text.includes('proposed'), text);
  });
});
