// The first load over a port that pays a round trip per call, as vscode.workspace.fs does in the web
// worker host (issue 17): the load's critical path is counted in round trips ("waves": every call
// made while the previous wave was under way is answered together in the next).
import assert from 'node:assert/strict';
import { LiveWorkspace } from '../../../src/core/live/live-workspace';
import type { DirectoryEntry, FileStat, FileSystemPort, SeenAsFile } from '../../../src/core/port/file-system';
import type { HintStore, LoadHints } from '../../../src/core/live/live-workspace';
import { MemoryFileSystem } from '../support/memory-file-system';
import { ManualClock, ManualScheduler } from '../support/manual-scheduler';
import { cleanAdr, ROOT, TODAY } from '../support/workspace';

const D = `${ROOT}/docs/decisions`;
const withArtifact = (title: string, artifact: string) => cleanAdr(title).replace('mechanisms: [runbook]}', `mechanisms: [runbook], artifacts: [${artifact}]}`);

interface Call {
  readonly method: string;
  readonly path: string;
  readonly wave: number;
  readonly seen?: boolean;
}

/**
 * The web worker host's port in miniature: no realPath (nothing can be resolved there), and a read
 * of a file looks first (stat) unless a folder walk just listed it as one. Every call is answered
 * one wave later, all calls of a wave together.
 */
class RemotePort implements FileSystemPort {
  wave = 0;
  readonly calls: Call[] = [];
  private queue: Array<() => void> = [];
  private flushing = false;

  constructor(private readonly fs: MemoryFileSystem) {}

  private trip<T>(method: string, path: string, run: () => Promise<T>, seen?: boolean): Promise<T> {
    this.calls.push({ method, path, wave: this.wave, seen });
    const answer = new Promise<void>((resolve) => this.queue.push(resolve)).then(run);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => this.flush());
    }
    return answer;
  }

  private flush(): void {
    const due = this.queue;
    this.queue = [];
    this.wave++;
    for (const resolve of due) resolve();
    // The answers' continuations run before the next wave is sent.
    setImmediate(() => {
      if (this.queue.length) this.flush();
      else this.flushing = false;
    });
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.trip('readFile', path, () => this.fs.readFile(path));
  }

  async readBounded(path: string, maxBytes: number, seen?: SeenAsFile): Promise<{ bytes: Uint8Array; size: number }> {
    if (!seen?.listedAsFile) {
      const stat = await this.stat(path);
      if (!stat) throw Object.assign(new Error('no such file'), { code: 'FileNotFound' });
      if (stat.kind !== 'file') throw new Error('not a regular file');
    }
    const bytes = await this.trip('readFile', path, () => this.fs.readFile(path), seen?.listedAsFile);
    return { bytes: bytes.subarray(0, maxBytes), size: bytes.length };
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.trip('readDirectory', path, () => this.fs.readDirectory(path));
  }

  stat(path: string): Promise<FileStat | undefined> {
    return this.trip('stat', path, () => this.fs.stat(path));
  }

  writeFile(path: string, data: Uint8Array): Promise<void> {
    return this.trip('writeFile', path, () => this.fs.writeFile(path, data));
  }

  createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    return this.trip('createExclusive', path, () => this.fs.createExclusive(path, data));
  }

  delete(path: string): Promise<void> {
    return this.trip('delete', path, () => this.fs.delete(path));
  }

  createDirectory(path: string): Promise<void> {
    return this.trip('createDirectory', path, () => this.fs.createDirectory(path));
  }
}

function setup(files: Readonly<Record<string, string>>, hints?: HintStore): { port: RemotePort; engine: LiveWorkspace; fs: MemoryFileSystem } {
  const fs = new MemoryFileSystem({}, { root: ROOT });
  for (const [path, text] of Object.entries(files)) fs.put(path, text);
  const port = new RemotePort(fs);
  const engine = new LiveWorkspace({ fs: port, root: ROOT, name: 'ws', scheduler: new ManualScheduler(), clock: new ManualClock(TODAY), settings: () => ({ debounceMs: 300 }), hints });
  return { port, engine, fs };
}

/** The front-end's store of a folder's load hints, as VS Code's workspace state keeps them between sessions. */
class StoredHints implements HintStore {
  stored: unknown;
  read(): LoadHints | undefined {
    return this.stored as LoadHints | undefined;
  }
  write(hints: LoadHints): void {
    this.stored = JSON.parse(JSON.stringify(hints));
  }
}

/** When the index was first published (in waves), and every finding then, by file. */
async function firstLoad(port: RemotePort, engine: LiveWorkspace): Promise<{ publishedAt?: number; findings: Record<string, string[]> }> {
  let publishedAt: number | undefined;
  engine.onDidChangeIndex(() => (publishedAt ??= port.wave));
  await engine.load();
  const findings: Record<string, string[]> = {};
  for (const path of engine.decisions!.index.entries().map((entry) => entry.path)) findings[path] = engine.findingsFor(path).map((f) => f.ruleId);
  return { publishedAt, findings };
}

describe('The first load over a port with a round trip per call (the web worker host)', () => {
  const records: Record<string, string> = {
    [`${ROOT}/.legible.json`]: JSON.stringify({ folders: ['docs/decisions'] }),
    [`${D}/0001-a.md`]: withArtifact('A', '../runbooks/one.md'),
    [`${D}/0002-b.md`]: withArtifact('B', '../runbooks/two.md'),
    [`${D}/0003-c.md`]: withArtifact('C', '../runbooks/gone.md'),
    [`${ROOT}/docs/runbooks/one.md`]: '# One\n',
    [`${ROOT}/docs/runbooks/two.md`]: '# Two\n',
  };

  it('publishes the index after two round trips: the configuration\'s look (the folders and their listing beside it), its read (the listed records read beside it); the links\' findings after one more', async () => {
    const { port, engine } = setup(records);
    let publishedAt: number | undefined;
    let missingAt: number | undefined;
    const gone = `${D}/0003-c.md`;
    engine.onDidChangeIndex(() => (publishedAt ??= port.wave));
    engine.onDidChangeFindings((event) => {
      if (missingAt === undefined && event.paths?.includes(gone) && engine.findingsFor(gone).some((f) => f.ruleId === 'reference-resolves')) missingAt = port.wave;
    });
    await engine.load();
    assert.equal(engine.decisions?.index.size, 3);
    const calls = port.calls.map((c) => `${c.wave} ${c.method} ${c.path}`).join('\n');
    assert.equal(publishedAt, 2, calls);
    // load() resolves once the links were looked up: the one that is missing is reported, in its own event.
    assert.equal(missingAt, 3, calls);
    assert.deepEqual(engine.findingsFor(gone).map((f) => f.ruleId), ['reference-resolves']);
    assert.deepEqual(engine.findingsFor(`${D}/0001-a.md`), []);
  });

  it('a reload publishes its index with the links looked up: no finding blinks off meanwhile', async () => {
    const { engine } = setup(records);
    const gone = `${D}/0003-c.md`;
    await engine.load();
    const seen: string[][] = [];
    engine.onDidChangeIndex(() => seen.push(engine.findingsFor(gone).map((f) => f.ruleId)));
    await engine.load();
    assert.deepEqual(seen, [['reference-resolves']]);
  });

  it('links looked up late never overwrite the cross-file findings an edit published meanwhile', async () => {
    const fs = new MemoryFileSystem({}, { root: ROOT });
    for (const [path, text] of Object.entries(records)) fs.put(path, text);
    // Each look-up of a runbook waits until the test lets it answer, in the order the test chooses.
    const held: Array<() => void> = [];
    const gated = <T>(path: string, answer: () => Promise<T>): Promise<T> => (path.includes('/runbooks/') ? new Promise<void>((resolve) => held.push(resolve)).then(answer) : answer());
    const port: FileSystemPort = Object.assign(Object.create(fs) as FileSystemPort, {
      stat: (path: string) => gated(path, () => fs.stat(path)),
      realPath: (path: string) => gated(path, () => fs.realPath(path)),
    });
    const scheduler = new ManualScheduler();
    const engine = new LiveWorkspace({ fs: port, root: ROOT, name: 'ws', scheduler, clock: new ManualClock(TODAY), settings: () => ({ debounceMs: 300 }) });
    const gone = `${D}/0003-c.md`;
    let indexed!: () => void;
    const published = new Promise<void>((resolve) => (indexed = resolve));
    engine.onDidChangeIndex(() => indexed());
    const load = engine.load();
    await published;
    const first = held.length;
    assert.equal(first, 3, 'the first load looks its three links up after publishing');
    // An edit points C at a runbook that is there; the debounced rules look the links up again.
    engine.change(gone, withArtifact('C', '../runbooks/one.md'), 2);
    scheduler.advance(300);
    while (held.length < first + 2) await new Promise((resolve) => setImmediate(resolve));
    // The edit's look-ups answer first, then the first load's (older) ones.
    for (const release of held.splice(first)) release();
    for (let turns = 0; engine.findingsFor(gone).length && turns < 1000; turns++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(engine.findingsFor(gone), [], 'the edit published its findings');
    for (const release of held.splice(0)) release();
    await load;
    await engine.settle();
    assert.deepEqual(engine.findingsFor(gone), [], 'the edit\'s findings stand: its link is there');
  });

  it('looks up the folders while .legible.json is read, reads listed records without a stat, and asks each question once', async () => {
    const { port, engine } = setup(records);
    await engine.load();
    const config = port.calls.filter((c) => c.path === `${ROOT}/.legible.json`);
    const folder = port.calls.filter((c) => c.path === D && c.method === 'stat');
    assert.equal(folder.length, 1, 'the decisions folder is looked up once');
    assert.equal(folder[0].wave, config[0].wave, 'the folder is looked up beside the configuration');
    const listings = port.calls.filter((c) => c.method === 'readDirectory' && c.path === D);
    assert.deepEqual(listings.map((c) => c.wave), [config[0].wave], 'the folder is listed once, beside the configuration');
    // The index phase, and the body phase after it, read each record at once; the index phase's
    // reads went out beside the configuration's read, as soon as the listing named the records.
    const recordReads = port.calls.filter((c) => c.path.startsWith(`${D}/`));
    assert.ok(recordReads.length >= 3);
    const configRead = config.find((c) => c.method === 'readFile')!;
    assert.deepEqual(recordReads.slice(0, 3).map((c) => c.wave), [configRead.wave, configRead.wave, configRead.wave]);
    assert.ok(recordReads.every((c) => c.method === 'readFile' && c.seen), recordReads.map((c) => `${c.method} ${c.path}`).join('\n'));
    // The three links in one wave, not one after another.
    const links = port.calls.filter((c) => c.path.includes('/runbooks/'));
    assert.equal(links.length, 3);
    assert.equal(new Set(links.map((c) => c.wave)).size, 1);
  });

  it('a record open in an editor shows its own findings (from its text) once the configuration is read, before the index is published', async () => {
    const { port, engine } = setup(records);
    engine.open(`${D}/0002-b.md`, cleanAdr('B', ['review-by: 2026-01-01']));
    let firstAt: number | undefined;
    let indexed = false;
    let indexedBefore: boolean | undefined;
    engine.onDidChangeIndex(() => (indexed = true));
    engine.onDidChangeFindings(() => {
      if (firstAt !== undefined) return;
      firstAt = port.wave;
      indexedBefore = indexed;
    });
    await engine.load();
    assert.equal(indexedBefore, false);
    assert.ok(firstAt !== undefined && firstAt <= 2, `first findings after ${firstAt} round trips`);
    assert.ok(engine.findingsFor(`${D}/0002-b.md`).some((f) => f.ruleId === 'review-overdue'));
  });

  describe('with the hints of the last session\'s load (VS Code keeps them in the workspace state)', () => {
    it('reads .legible.json without a look and the records before their folder is listed: the index is published after one round trip, with the same findings', async () => {
      const store = new StoredHints();
      const before = setup(records, store);
      const without = await firstLoad(before.port, before.engine);
      assert.equal(without.publishedAt, 2);
      assert.deepEqual(store.stored, { configFile: true, records: ['docs/decisions/0001-a.md', 'docs/decisions/0002-b.md', 'docs/decisions/0003-c.md'] });

      const next = setup(records, store);
      const withHints = await firstLoad(next.port, next.engine);
      const calls = next.port.calls.map((c) => `${c.wave} ${c.method} ${c.path}${c.seen ? ' (seen)' : ''}`).join('\n');
      assert.equal(withHints.publishedAt, 1, calls);
      assert.deepEqual(withHints.findings, without.findings);
      const config = next.port.calls.filter((c) => c.path === `${ROOT}/.legible.json`);
      assert.deepEqual(config.map((c) => `${c.wave} ${c.method} ${String(c.seen)}`), ['0 readFile true'], calls);
      const recordReads = next.port.calls.filter((c) => c.path.startsWith(`${D}/`) && c.wave === 0);
      assert.equal(recordReads.length, 3, calls);
      // A record read ahead is the index's read: each is read as often as without hints (once more by the body phase).
      const reads = (port: RemotePort) => port.calls.filter((c) => c.path.startsWith(`${D}/`)).length;
      assert.equal(reads(next.port), reads(before.port), calls);
    });

    it('shows the hinted records\' own findings as soon as they and .legible.json are read, before the folder\'s listing answers; the index follows with the cross-file ones', async () => {
      const store = new StoredHints();
      const overdue = { ...records, [`${D}/0002-b.md`]: withArtifact('B', '../runbooks/two.md').replace('status: accepted', 'status: accepted\nreview-by: 2026-01-01') };
      await setup(overdue, store).engine.load();
      const { port, engine } = setup(overdue, store);
      // The folder's listing waits until the test lets it answer, as the web's listing comes last.
      let list!: () => void;
      const listed = new Promise<void>((resolve) => (list = resolve));
      const readDirectory = port.readDirectory.bind(port);
      port.readDirectory = (path: string) => (path === D ? listed.then(() => readDirectory(path)) : readDirectory(path));
      let indexed = false;
      const early = new Promise<string[]>((resolve) => engine.onDidChangeFindings(() => resolve(engine.findingsFor(`${D}/0002-b.md`).map((f) => f.ruleId))));
      engine.onDidChangeIndex(() => (indexed = true));
      const load = engine.load();
      assert.ok((await early).includes('review-overdue'), 'the hinted record\'s own finding, before the listing');
      assert.equal(indexed, false);
      assert.deepEqual(engine.findingsFor(`${D}/0003-c.md`), [], 'no cross-file finding before the index');
      list();
      await load;
      assert.deepEqual(engine.findingsFor(`${D}/0003-c.md`).map((f) => f.ruleId), ['reference-resolves']);
      assert.ok(engine.findingsFor(`${D}/0002-b.md`).some((f) => f.ruleId === 'review-overdue'));
    });

    it('a hint gone out of date costs nothing but the read: a record deleted since is not indexed, one added since is', async () => {
      const store = new StoredHints();
      const first = setup(records, store);
      await first.engine.load();
      const changed: Record<string, string> = { ...records, [`${D}/0004-d.md`]: withArtifact('D', '../runbooks/one.md') };
      delete changed[`${D}/0002-b.md`];
      const fresh = setup(changed);
      const expected = await firstLoad(fresh.port, fresh.engine);
      const hinted = setup(changed, store);
      const found = await firstLoad(hinted.port, hinted.engine);
      assert.deepEqual(found.findings, expected.findings);
      assert.deepEqual(Object.keys(found.findings).sort(), [`${D}/0001-a.md`, `${D}/0003-c.md`, `${D}/0004-d.md`]);
      assert.deepEqual(hinted.engine.findingsFor(`${D}/0002-b.md`), []);
      assert.deepEqual((store.stored as LoadHints).records, ['docs/decisions/0001-a.md', 'docs/decisions/0003-c.md', 'docs/decisions/0004-d.md']);
    });

    it('a .legible.json that is gone since, or a folder now, is no configuration, as without hints', async () => {
      const store = new StoredHints();
      await setup(records, store).engine.load();
      const noConfig = { ...records };
      delete noConfig[`${ROOT}/.legible.json`];
      const gone = setup(noConfig, store);
      await gone.engine.load();
      assert.deepEqual(gone.engine.problems, []);
      assert.equal(gone.engine.decisions?.index.size, 3, 'docs/decisions is found without it');
      store.stored = { configFile: true, records: [] };
      const folder = setup(noConfig, store);
      folder.fs.put(`${ROOT}/.legible.json/inside.md`, '# Not a configuration\n');
      await folder.engine.load();
      assert.deepEqual(folder.engine.problems, []);
      assert.equal(folder.engine.decisions?.index.size, 3);
    });

    it('stored hints that are not hints are ignored, and nothing outside the folder is asked for', async () => {
      for (const stored of [{ configFile: 'yes', records: ['../outside.md', '/etc/passwd.md', 5, '', 'docs/../../x.md'] }, 'hints', null, { records: 'docs/decisions/0001-a.md' }]) {
        const store = new StoredHints();
        store.stored = stored;
        const { port, engine } = setup(records, store);
        await engine.load();
        assert.equal(engine.decisions?.index.size, 3);
        const outside = port.calls.filter((c) => !c.path.startsWith(`${ROOT}/`) && c.path !== ROOT);
        assert.deepEqual(outside, [], JSON.stringify(stored));
        assert.equal(port.calls.filter((c) => c.path === `${ROOT}/.legible.json` && c.seen).length, 0, 'a configFile that is not true is no hint');
      }
    });
  });
});
