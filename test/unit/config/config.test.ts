import assert from 'node:assert/strict';
import { DEFAULT_IGNORE, defaultConfig, normalizeConfig } from '../../../src/core/config/config';
import { folderSettingsAt, legacyOptionsAt } from '../../../src/core/config/folder-settings';
import { mapLegacyStatus } from '../../../src/core/document/legacy-status';
import { NAMING_PATTERN_EXAMPLES, namingPattern, parseNamingPattern } from '../../../src/core/numbering/naming-convention';
import { compilePlaceholderPattern, DEFAULT_PLACEHOLDER_PATTERN } from '../../../src/core/config/placeholder-pattern';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { CONFIG_SCHEMA } from '../../../src/core/schema/schema-registry';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { NO_ENGINE } from '../../../src/core/text/repository-pattern';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';

const validator = new SchemaValidator();
// The CLI and the extension run repository patterns on RE2; so do these tests, unless they say otherwise.
const trusted = { trusted: true, validator, regexEngine: re2RegexEngine };
const untrusted = { trusted: false, validator };

describe('normalizeConfig', () => {
  it('gives the defaults, without problems, when there is no .legible.json', () => {
    const { config, problems } = normalizeConfig(undefined, trusted);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, defaultConfig());
    assert.deepEqual(config.folders, []);
    assert.deepEqual(config.severities, {});
    assert.equal(config.placeholder.source, new RegExp(DEFAULT_PLACEHOLDER_PATTERN).source);
    assert.deepEqual(config.sections.adr, ['Context', 'Decision', 'Consequences']);
    assert.deepEqual(config.sections.rfc, ['Summary', 'Motivation', 'Proposal', 'Alternatives considered', 'Rollout and reversal']);
    assert.deepEqual(config.sections['exit-plan'], ['Knowledge inventory', 'Transfer steps', 'Verification']);
    assert.equal(config.ignore.length, DEFAULT_IGNORE.length);
    assert.deepEqual(config.limits, DEFAULT_LIMITS);
  });

  it('applies a valid configuration', () => {
    const { config, problems } = normalizeConfig({
      folders: ['docs/adr', 'docs/rfcs'],
      rules: { placeholder: 'error', 'required-sections': 'off' },
      placeholderPattern: '^XXX$',
      templates: { adr: 'templates/adr.md' },
      schemaExtensions: { rfc: 'schemas/rfc-extra.json' },
      sections: { adr: ['Context', 'Decision'] },
      ignore: ['drafts/**'],
      limits: { maxBodyBytes: 1000 },
    }, trusted);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.folders, ['docs/adr', 'docs/rfcs']);
    assert.deepEqual(config.severities, { placeholder: 'error', 'required-sections': 'off' });
    assert.ok(config.placeholder.test('XXX') && !config.placeholder.test('<x>'));
    assert.deepEqual(config.templates, { adr: 'templates/adr.md' });
    assert.deepEqual(config.schemaExtensions, { rfc: 'schemas/rfc-extra.json' });
    assert.deepEqual(config.sections.adr, ['Context', 'Decision']);
    assert.deepEqual(config.sections.rfc, defaultConfig().sections.rfc, 'a type left out keeps its default sections');
    assert.equal(config.ignore.length, 1, 'ignore replaces the default list');
    assert.equal(config.limits.maxBodyBytes, 1000);
    assert.equal(config.limits.maxFrontmatterBytes, DEFAULT_LIMITS.maxFrontmatterBytes);
  });

  it('reports bad keys and still applies the rest', () => {
    const { config, problems } = normalizeConfig({
      rules: { placeholder: 'loud', 'review-overdue': 'off' },
      folders: [42, 'docs/adr'],
      sections: { adr: 'Context' },
      limits: { maxBodyBytes: -1, maxFrontmatterBytes: 2048 },
      colour: 'blue',
    }, trusted);
    const pointers = problems.map((p) => p.pointer);
    for (const pointer of ['/rules/placeholder', '/folders/0', '/sections/adr', '/limits/maxBodyBytes', '']) assert.ok(pointers.includes(pointer), `no problem at "${pointer}": ${pointers.join(', ')}`);
    assert.deepEqual(config.severities, { 'review-overdue': 'off' });
    assert.deepEqual(config.folders, ['docs/adr']);
    assert.deepEqual(config.sections.adr, defaultConfig().sections.adr);
    assert.equal(config.limits.maxBodyBytes, DEFAULT_LIMITS.maxBodyBytes);
    assert.equal(config.limits.maxFrontmatterBytes, 2048);
  });

  it('falls back to the defaults, with a problem, when the file is not an object', () => {
    for (const raw of [null, [], 'docs', 3]) {
      const { config, problems } = normalizeConfig(raw, trusted);
      assert.ok(problems.length > 0, JSON.stringify(raw));
      assert.deepEqual(config.severities, {});
      assert.deepEqual(config.sections, defaultConfig().sections);
    }
  });

  it('limits: lowered by a trusted or untrusted workspace alike, never raised past the built-in ceiling (raising one is a problem naming it)', () => {
    for (const options of [trusted, untrusted]) {
      const { config, problems } = normalizeConfig({ limits: { maxYamlNodes: 10_000_000, maxBodyBytes: 1000, maxBlockLines: 50 } }, options);
      assert.equal(config.limits.maxYamlNodes, DEFAULT_LIMITS.maxYamlNodes);
      assert.equal(config.limits.maxBodyBytes, 1000);
      assert.equal(config.limits.maxBlockLines, 50);
      assert.deepEqual(problems.map((p) => p.pointer), ['/limits/maxYamlNodes']);
      assert.match(problems[0].message, /^limits\.maxYamlNodes is above 20000, Legible's own limit, which applies: a repository can lower a limit, never raise it\./);
    }
  });

  it('limits: the configuration schema names each built-in limit, with its value as default and maximum', () => {
    const limits = (CONFIG_SCHEMA as { properties: { limits: { properties: Record<string, { default: number; maximum: number }> } } }).properties.limits.properties;
    assert.deepEqual(Object.keys(limits).sort(), Object.keys(DEFAULT_LIMITS).sort());
    for (const [key, value] of Object.entries(DEFAULT_LIMITS)) assert.deepEqual([limits[key].default, limits[key].maximum], [value, value], key);
  });

  it('takes no templates, schema extensions or folders from an untrusted workspace', () => {
    const { config } = normalizeConfig({ folders: ['docs/adr'], templates: { adr: 't.md' }, schemaExtensions: { adr: 's.json' }, rules: { placeholder: 'off' } }, untrusted);
    assert.deepEqual(config.templates, {});
    assert.deepEqual(config.schemaExtensions, {});
    assert.deepEqual(config.folders, []);
    assert.deepEqual(config.severities, { placeholder: 'off' }, 'severities are not paths: they apply');
  });

  it('runs a placeholderPattern that would backtrack catastrophically in JavaScript on RE2: accepted, and right on a long value', () => {
    const cases: Array<[string, string, boolean]> = [
      ['.*.*.*x', 'a'.repeat(400), false],
      ['a*a*a*a*b', 'a'.repeat(400), false],
      ['(a+)+$', `${'a'.repeat(400)}!`, false],
      ['^(a|a)*$', `${'a'.repeat(400)}!`, false],
      ['((a+)b?)+', 'a'.repeat(400), true],
      ['^[a-z]+(-[a-z]+)*$', 'still-to-be-decided', true],
      ['^[a-z]+(-[a-z]+)*$', 'Decided', false],
    ];
    for (const [pattern, value, expected] of cases) {
      const { config, problems } = normalizeConfig({ placeholderPattern: pattern }, trusted);
      assert.deepEqual(problems, [], pattern);
      assert.equal(config.placeholder.source, pattern);
      assert.equal(config.placeholder.test(value), expected, `${pattern} on ${value.slice(0, 20)}…`);
    }
  });

  it('refuses lookaround, back-references, invalid and over-long patterns with the reason, keeps the default, and accepts ordinary ones', () => {
    const refusals: Array<[string, RegExp]> = [
      ['(?=TODO)', /^RE2 cannot run it: invalid perl operator: \(\?= \(lookahead and lookbehind/],
      ['(?<!x)TBD', /^RE2 cannot run it: invalid perl operator: \(\?< \(lookahead and lookbehind/],
      ['(a)\\1', /^RE2 cannot run it: invalid escape sequence: \\1 \(back-references/],
      ['(', /^RE2 cannot run it: missing \)/],
      ['x'.repeat(201), /^longer than 200 characters$/],
    ];
    for (const [pattern, reason] of refusals) {
      assert.match(compilePlaceholderPattern(pattern, re2RegexEngine).error ?? '', reason, pattern);
      const { config, problems } = normalizeConfig({ placeholderPattern: pattern }, trusted);
      // The over-long one also breaks the schema's maxLength: a second problem at the same key.
      assert.ok(problems.length && problems.every((p) => p.pointer === '/placeholderPattern'), pattern);
      assert.match(problems.at(-1)!.message, /^placeholderPattern ignored: /);
      assert.equal(config.placeholder.source, defaultConfig().placeholder.source);
    }
    for (const ok of [DEFAULT_PLACEHOLDER_PATTERN, '^<.*>$', '\\b(TODO|TBD)\\b', '^\\{[^}]*\\}$', '[(a+)+]+', '\\(a+\\)+', '^[a-z]+(-[a-z]+)*$', '(?<open>TODO|TBD)']) {
      assert.ok(compilePlaceholderPattern(ok, re2RegexEngine).pattern, ok);
    }
  });

  it('without an engine, refuses a repository placeholderPattern rather than run it on JavaScript; the shipped default needs none', () => {
    const { config, problems } = normalizeConfig({ placeholderPattern: '^XXX$' }, { trusted: true, validator });
    assert.deepEqual(problems, [{ pointer: '/placeholderPattern', message: `placeholderPattern ignored: ${NO_ENGINE}` }]);
    assert.equal(config.placeholder.source, defaultConfig().placeholder.source);
    assert.ok(compilePlaceholderPattern(DEFAULT_PLACEHOLDER_PATTERN).pattern instanceof RegExp);
  });

  it('matches the default placeholders and nothing that is merely prose', () => {
    const pattern = defaultConfig().placeholder;
    for (const value of ['<What risk are we reducing?>', '  <one-way | two-way>  ', '{decision-makers}', 'TODO', 'TBD after the load test', 'FIXME', '???']) assert.ok(pattern.test(value), value);
    for (const value of ['Amira Haddad <amira@example.com>', 'a todo list', 'Choosing <EU> or <US> contracts', 'Is it 97%?']) assert.ok(!pattern.test(value), value);
  });

  describe('code', () => {
    it('scans code by default: enabled, every tracked file, no exclusion of its own', () => {
      assert.deepEqual(defaultConfig().code, { enabled: true, exclude: [] });
      assert.deepEqual(normalizeConfig({}, trusted).config.code, { enabled: true, exclude: [] });
    });

    it('reads enabled, include and exclude, each glob compiled as governs globs are', () => {
      const { config, problems } = normalizeConfig({ code: { enabled: false, include: ['services/', 'lib/**/*.ts'], exclude: ['!keep.ts', '*.generated.ts'] } }, trusted);
      assert.deepEqual(problems, []);
      assert.equal(config.code.enabled, false);
      assert.deepEqual(config.code.include?.map((g) => [g.written, g.exclude, g.foldersOnly]), [
        ['services/', false, true],
        ['lib/**/*.ts', false, false],
      ]);
      assert.deepEqual(config.code.exclude.map((g) => g.written), ['!keep.ts', '*.generated.ts']);
    });

    it('leaves out a glob that escapes the repository, with a problem naming it, and keeps the rest', () => {
      const { config, problems } = normalizeConfig({ code: { include: ['../other/**', 'src/'], exclude: ['/etc/**'] } }, trusted);
      assert.deepEqual(config.code.include?.map((g) => g.written), ['src/']);
      assert.deepEqual(config.code.exclude, []);
      assert.deepEqual(problems.map((p) => p.pointer), ['/code/include/0', '/code/exclude/0']);
      assert.match(problems[0].message, /code\.include "\.\.\/other\/\*\*" contains "\.\."/);
    });

    it('the schema refuses unknown keys and wrong types under code', () => {
      const { problems } = normalizeConfig({ code: { enabled: 'yes', includes: [] } }, trusted);
      assert.deepEqual(problems.map((p) => p.pointer).sort(), ['/code', '/code/enabled']);
    });
  });

  describe('folders with settings', () => {
    const raw = {
      folders: [
        'docs/decisions',
        { path: 'docs/rfcs', type: 'rfc', naming: 'NNNN-slug', statuses: { Active: 'accepted', postponed: 'rejected' } },
        { path: 'docs/adr', naming: 'adrNNN-slug' },
        { path: 'docs/log', naming: 'YYYYMMDD_slug' },
      ],
      recordsWithoutId: true,
    };

    it('reads a folder as a string or as { path, type, naming, statuses }; folders keeps every path for existing callers', () => {
      const { config, problems } = normalizeConfig(raw, trusted);
      assert.deepEqual(problems, []);
      assert.deepEqual(config.folders, ['docs/decisions', 'docs/rfcs', 'docs/adr', 'docs/log']);
      assert.equal(config.recordsWithoutId, true);
      assert.deepEqual(config.folderSettings.map((s) => [s.path, s.type, s.naming && namingPattern(s.naming), s.statuses]), [
        ['docs/rfcs', 'rfc', 'NNNN-slug', { active: 'accepted', postponed: 'rejected' }],
        ['docs/adr', undefined, 'adrNNN-slug', undefined],
        ['docs/log', undefined, 'YYYYMMDD_slug', undefined],
      ]);
      assert.equal(defaultConfig().recordsWithoutId, false);
    });

    it('looks a folder\'s settings up by its absolute path, and maps its status words without regard to case', () => {
      const { config } = normalizeConfig(raw, trusted);
      const rfcs = folderSettingsAt(config.folderSettings, '/ws', '/ws/docs/rfcs');
      assert.equal(rfcs?.type, 'rfc');
      assert.equal(folderSettingsAt(config.folderSettings, '/ws', '/ws/docs/rfcs/'), rfcs, 'a trailing slash is the same folder');
      assert.equal(folderSettingsAt(config.folderSettings, '/ws', '/ws/docs/decisions'), undefined, 'a plain string carries no settings');
      assert.equal(folderSettingsAt(config.folderSettings, '/other', '/ws/docs/rfcs'), undefined);
      const options = legacyOptionsAt(config, '/ws', '/ws/docs/rfcs');
      assert.equal(options.type, 'rfc');
      assert.equal(mapLegacyStatus('ACTIVE', 'rfc', options.statuses).status, 'accepted');
      assert.equal(mapLegacyStatus(' postponed ', 'rfc', options.statuses).status, 'rejected');
      assert.deepEqual(mapLegacyStatus('constructor', 'rfc', options.statuses), { status: 'constructor', inVocabulary: false }, 'own keys only');
      assert.deepEqual(legacyOptionsAt(config, '/ws', '/ws/docs/decisions'), {});
    });

    it('reports a bad type, naming or status word, and keeps the rest of the folder', () => {
      const { config, problems } = normalizeConfig({
        folders: [{ path: 'docs/rfcs', type: 'memo', naming: 'vN-slug', statuses: { active: 'acepted', done: 'implemented' } }, { naming: 'NNNN-slug' }],
        recordsWithoutId: 'yes',
      }, trusted);
      const pointers = problems.map((p) => p.pointer);
      for (const pointer of ['/folders/0/type', '/folders/0/naming', '/folders/0/statuses/active', '/folders/1', '/recordsWithoutId']) assert.ok(pointers.includes(pointer), `no problem at ${pointer}: ${pointers.join(', ')}`);
      const status = problems.find((p) => p.pointer === '/folders/0/statuses/active')!;
      assert.match(status.message, /"acepted" is not a status of any record type; which of .* does "active" mean\? \(did you mean accepted\?\)$/);
      assert.deepEqual(config.folders, ['docs/rfcs']);
      assert.deepEqual(config.folderSettings, [{ path: 'docs/rfcs', statuses: { done: 'implemented' } }]);
      assert.equal(config.recordsWithoutId, false);
    });

    it('checks status words against the folder type\'s own vocabulary', () => {
      const { config, problems } = normalizeConfig({ folders: [{ path: 'docs/plans', type: 'exit-plan', statuses: { done: 'verified', active: 'accepted' } }] }, trusted);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /^folders\/0\/statuses\/active: "accepted" is not an exit-plan status; which of planned, in-progress, verified, abandoned does "active" mean\?$/);
      assert.deepEqual(config.folderSettings[0].statuses, { done: 'verified' });
    });

    it('in Restricted Mode follows no path of the repository, but keeps what it says of the folders Legible reads anyway', () => {
      const { config } = normalizeConfig(raw, untrusted);
      assert.deepEqual(config.folders, []);
      assert.equal(folderSettingsAt(config.folderSettings, '/ws', '/ws/docs/rfcs')?.type, 'rfc');
      assert.equal(config.recordsWithoutId, true);
    });

    it('the schema accepts exactly the naming patterns the name grammar reads back', () => {
      const valid = [...NAMING_PATTERN_EXAMPLES, 'NNN-kebab-slug', 'RFC-NNNN_snake_slug', 'N-slug', 'cfnNN-slug'];
      const invalid = ['vN-slug', 'ADR-YYYYMMDD-slug', 'NNNN', 'slug', 'NNNN-title', '-NNNN-slug', 'NNNN.slug', `N${'N'.repeat(12)}-slug`, 'ADRN-slug', 'nnnn-slug'];
      for (const naming of valid) {
        assert.ok(parseNamingPattern(naming), naming);
        assert.deepEqual(normalizeConfig({ folders: [{ path: 'd', naming }] }, trusted).problems, [], naming);
      }
      for (const naming of invalid) {
        assert.equal(parseNamingPattern(naming), undefined, naming);
        assert.deepEqual(normalizeConfig({ folders: [{ path: 'd', naming }] }, trusted).problems.map((p) => p.pointer), ['/folders/0/naming'], naming);
      }
    });
  });
});
