import assert from 'node:assert/strict';
import picomatch from 'picomatch/posix';
import { compileRepositoryGlob, globMatches, listMatches, LiteralPattern, PathParts, type RepositoryGlob } from '../../../src/core/code/repository-globs';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';

function glob(written: string): RepositoryGlob {
  const result = compileRepositoryGlob(written, re2RegexEngine);
  if ('problem' in result) throw new Error(`${written} ${result.problem}`);
  return result.glob;
}

function matches(written: string, path: string): boolean {
  return globMatches(glob(written), new PathParts(path));
}

function list(globs: readonly string[], path: string): boolean {
  return listMatches(globs.map(glob), new PathParts(path));
}

describe('repository globs (governs, code.include/exclude), read as .gitignore reads them', () => {
  it('a name without / matches a file or a folder of that name at any depth', () => {
    assert.ok(matches('ledger.ts', 'ledger.ts'));
    assert.ok(matches('ledger.ts', 'services/payments/ledger.ts'));
    assert.ok(matches('payments', 'services/payments/ledger.ts'), 'a folder matches what it holds');
    assert.ok(matches('*.sql', 'db/migrations/0001.sql'));
    assert.ok(!matches('ledger.ts', 'services/ledger.tsx'));
    assert.ok(!matches('pay', 'services/payments/ledger.ts'), 'a name matches whole names only');
  });

  it('a glob with a / is anchored at the repository root', () => {
    assert.ok(matches('services/payments', 'services/payments/ledger.ts'));
    assert.ok(!matches('payments/ledger.ts', 'services/payments/ledger.ts'));
    assert.ok(matches('./services/payments/ledger.ts', 'services/payments/ledger.ts'), 'a leading ./ is the root');
  });

  it('* stays within a segment, ** crosses folders (none too), names match whatever their case', () => {
    assert.ok(matches('services/*/ledger.ts', 'services/payments/ledger.ts'));
    assert.ok(!matches('services/*.ts', 'services/payments/ledger.ts'));
    assert.ok(matches('services/**/*.ts', 'services/payments/ledger.ts'));
    assert.ok(matches('services/**/*.ts', 'services/ledger.ts'));
    assert.ok(matches('**/ledger.ts', 'ledger.ts'));
    assert.ok(matches('**/ledger.ts', 'a/b/c/ledger.ts'));
    assert.ok(matches('Services/**', 'services/x.ts'));
    assert.ok(matches('*', '.github/workflows/ci.yml'), '* matches a leading dot too');
  });

  it('a glob of more segments than a bit mask holds (a 200-character glob may have 60) matches the same way', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `d${i}`);
    const written = [...deep.slice(0, 20), '**', ...deep.slice(30), '*.ts'].join('/');
    const deepGlob = glob(written);
    assert.ok(deepGlob.segments.length > 30, String(deepGlob.segments.length));
    assert.equal(globMatches(deepGlob, new PathParts(`${deep.join('/')}/x.ts`)), true);
    assert.equal(globMatches(deepGlob, new PathParts(`${deep.join('/')}/x.go`)), false);
    assert.equal(globMatches(deepGlob, new PathParts(`${deep.slice(0, 20).join('/')}/${deep.slice(30).join('/')}/x.ts`)), true, '** matches no folder too');
    assert.equal(globMatches(deepGlob, new PathParts(`${deep.slice(1).join('/')}/x.ts`)), false);
  });

  it('a trailing / matches folders only', () => {
    assert.ok(matches('build/', 'build/out.js'));
    assert.ok(matches('build/', 'tools/build/out.js'));
    assert.ok(!matches('build/', 'build'), 'a file named build is no folder');
    assert.ok(matches('services/payments/', 'services/payments/a/b.ts'));
  });

  it('! excludes what earlier globs matched, and the last glob that matches decides', () => {
    const globs = ['services/payments/', '!services/payments/events.ts'];
    assert.ok(list(globs, 'services/payments/ledger.ts'));
    assert.ok(!list(globs, 'services/payments/events.ts'));
    assert.ok(!list(['!services/payments/events.ts'], 'services/payments/ledger.ts'), 'an exclusion alone includes nothing');
    assert.ok(list(['services/', '!*.test.ts', 'services/payments/ledger.test.ts'], 'services/payments/ledger.test.ts'), 'a later glob includes again');
    assert.ok(!list(['services/', '!*.test.ts'], 'services/payments/ledger.test.ts'));
  });

  it('an exclusion is read by Legible, never compiled into lookahead', () => {
    const excluded = glob('!**/*.test.ts');
    assert.ok(excluded.exclude);
    const sources = (g: RepositoryGlob) => g.segments.map((segment) => segment?.source);
    assert.deepEqual(sources(excluded), sources(glob('**/*.test.ts')), 'the same patterns as the glob without !');
  });

  it('the usual globs run segment by segment on JavaScript\'s engine, with nothing in RE2\'s bounded heap', () => {
    for (const written of ['services/**/*.ts', '**/payments/**', 'src/*/index.{ts,js}', 'lib/**/*.test.ts', 'src/*a*b*c', '**/*05.*']) assert.equal(glob(written).usesEngine, false, written);
    assert.equal(glob('src/*a?*b*c').usesEngine, true, 'stars with other wildcards: RE2');
  });

  it('a segment of literals and stars (`*05.*`) is matched piece by piece: case ignored, a leading dot matched, in linear time', () => {
    const stars = glob('src/*a*b*c');
    const matches = (path: string) => globMatches(stars, new PathParts(path));
    for (const path of ['src/abc', 'src/xAyBzC', 'src/.abc', 'src/aabbcc', 'src/abc/deeper.ts']) assert.ok(matches(path), path);
    for (const path of ['src/acb', 'src/abcx', 'src/ab', 'lib/abc', 'src/ac']) assert.ok(!matches(path), path);
    assert.ok(globMatches(glob('*x*x*'), new PathParts('a/xx')) && !globMatches(glob('*x*x*'), new PathParts('a/x')), 'each piece found after the last');
    // The name that takes a backtracking engine minutes.
    assert.ok(!globMatches(glob('src/*a*a*a*b'), new PathParts(`src/${'a'.repeat(5000)}`)));
  });

  it('a literal segment is compared as a name, as picomatch matches it: case ignored, dots and signs as written', () => {
    const segments = ['services', 'Ledger.TS', '.env', 'a+b', 'x$y', 'v1.2', 'a^b', 'Straße', 'ǅ', 'ﬁle'];
    const names = [...segments, ...segments.map((s) => s.toUpperCase()), ...segments.map((s) => s.toLowerCase()), 'servicesx', 'xservices', '.ENV', 'a+bb', 'v1x2', 'STRASSE', 'ǆ', 'ǅ', 'file'];
    for (const segment of segments) {
      const picomatched = picomatch.makeRe(segment, { dot: true, nocase: true });
      const written = glob(`${segment}/x.ts`);
      assert.ok(written.segments[0] instanceof LiteralPattern, `${segment} is literal`);
      for (const name of names) assert.equal(globMatches(written, new PathParts(`${name}/x.ts`)), picomatched.test(name.toLowerCase()), `${segment} against ${name}`);
    }
    assert.ok(!(glob('a\\*b/x.ts').segments[0] instanceof LiteralPattern), 'an escaped glob character is left to picomatch');
    assert.ok(matches('a\\*b/x.ts', 'a*b/x.ts') && !matches('a\\*b/x.ts', 'axb/x.ts'));
  });

  it('a {…} alternative holding a / is refused (write one glob for each)', () => {
    const result = compileRepositoryGlob('{src,lib/x}/*.ts', re2RegexEngine);
    assert.ok('problem' in result && /may not hold a \//.test(result.problem));
  });

  describe('a glob that is never followed', () => {
    for (const [written, kind] of [
      ['/etc/passwd', 'escapes'],
      ['C:/code/**', 'escapes'],
      ['c:\\code', 'escapes'],
      ['~/notes/**', 'escapes'],
      ['../other/**', 'escapes'],
      ['services/../../x', 'escapes'],
      ['!../x', 'escapes'],
      ['services\\..\\..\\x', 'escapes'],
      ['', 'invalid'],
      ['!', 'invalid'],
      ['/', 'escapes'],
      [`${'a'.repeat(201)}`, 'invalid'],
      ['services/!(x)', 'invalid'],
    ] as const) {
      it(`${JSON.stringify(written)}: ${kind}`, () => {
        const result = compileRepositoryGlob(written, re2RegexEngine);
        assert.ok('problem' in result, `${written} compiled`);
        assert.equal(result.kind, kind, result.problem);
      });
    }

    it('a glob that could backtrack is refused without RE2 and runs on RE2 with it', () => {
      assert.ok('problem' in compileRepositoryGlob('src/*a?*a*a*b'));
      const withEngine = compileRepositoryGlob('src/*a?*a*a*b', re2RegexEngine);
      assert.ok('glob' in withEngine);
      // A name that takes a backtracking engine minutes: linear on RE2.
      assert.ok(!globMatches(withEngine.glob, new PathParts(`src/${'a'.repeat(5000)}`)));
    });
  });
});
