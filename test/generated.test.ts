// The rule docs, the .starlintrc.json schema and the VS Code settings are generated from the
// rules' metadata by scripts/generate.ts. These tests fail when a generated file is stale (run
// `npm run generate`), and check that the schema says what validateConfig says.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ALL_RULES, COMPANIES, resolveConfig, ruleById, validateConfig } from '../server/src/engine';
import { configSchema, generate, staleFiles } from '../scripts/generate';

const ROOT = join(__dirname, '..');

describe('generated files', () => {
  it('are up to date with the rules (run `npm run generate` if not)', () => {
    assert.deepEqual(staleFiles(ROOT), []);
  });

  it('the check notices a stale, a missing and an orphaned page', () => {
    const root = mkdtempSync(join(tmpdir(), 'starlint-generate-'));
    try {
      copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
      for (const f of generate(root)) {
        mkdirSync(join(root, f.path, '..'), { recursive: true });
        writeFileSync(join(root, f.path), f.content);
      }
      assert.deepEqual(staleFiles(root), []);
      writeFileSync(join(root, 'docs/rules/hedging.md'), '# hedging\n\nEdited by hand.\n');
      rmSync(join(root, 'schemas/starlintrc.schema.json'));
      writeFileSync(join(root, 'docs/rules/old-rule.md'), '# old-rule\n');
      assert.deepEqual(staleFiles(root).sort(), ['docs/rules/hedging.md', 'docs/rules/old-rule.md', 'schemas/starlintrc.schema.json']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('appends hand-written prose from docs/rules/_prose/<id>.md', () => {
    const root = mkdtempSync(join(tmpdir(), 'starlint-generate-'));
    try {
      copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
      mkdirSync(join(root, 'docs/rules/_prose'), { recursive: true });
      writeFileSync(join(root, 'docs/rules/_prose/hedging.md'), '## Notes\n\nA hand-written paragraph.\n');
      const page = generate(root).find((f) => f.path === 'docs/rules/hedging.md')!;
      assert.match(page.content, /## Notes\n\nA hand-written paragraph\.\n/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('include a page for every rule, each linked from the index', () => {
    const index = readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8');
    for (const rule of ALL_RULES) {
      const page = readFileSync(join(ROOT, `docs/rules/${rule.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}$`, 'm'));
      assert.ok(page.includes(rule.rationale), `${rule.id}: the page gives the rationale`);
      assert.ok(page.includes(`\`${rule.severity}\``), `${rule.id}: the page gives the severity`);
      for (const option of Object.keys(rule.options)) assert.ok(page.includes(`\`${option}\``), `${rule.id}: option ${option}`);
      assert.ok(!/[«»]/.test(page), `${rule.id}: example markers are removed`);
      assert.ok(index.includes(`[${rule.id}](${rule.id}.md)`), `${rule.id} is in the index`);
    }
  });

  it('package.json declares the VS Code settings, with a typed entry for every rule', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const properties = pkg.contributes.configuration.properties;
    for (const key of ['rules', 'targetCompany', 'wordsPerMinute', 'stories', 'redact', 'themes', 'debounceMs', 'trace.server']) {
      assert.ok(properties[`starlint.${key}`], `starlint.${key}`);
    }
    assert.equal(properties['starlint.debounceMs'].default, 300);
    assert.deepEqual(properties['starlint.targetCompany'].enum, ['', ...COMPANIES]);
    assert.deepEqual(Object.keys(properties['starlint.rules'].properties).sort(), ALL_RULES.map((r) => r.id).sort());
  });
});

describe('the .starlintrc.json schema', () => {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword('markdownDescription');
  ajv.addKeyword('patternErrorMessage');
  const validate = ajv.compile(configSchema());

  const file = JSON.parse(readFileSync(join(ROOT, 'schemas/starlintrc.schema.json'), 'utf8'));
  it('is draft-07', () => {
    assert.equal(file.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  // Plain objects: the point is what a user may write, not what the TypeScript type allows.
  const valid: Record<string, unknown>[] = [
    {},
    { rules: { hedging: 'off', 'result-metric': 'warning' } },
    { rules: { 'first-person': { severity: 'error', minRatio: 0.8 } } },
    { rules: { 'first-person': { minSubjects: 4 } } },
    { rules: { 'section-balance': { situation: '10-20', tolerance: 10 } } },
    { rules: { 'bank-size': { min: 5, max: 8 } } },
    { themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] },
    { themes: [{ id: 'scaling' }] },
    { targetCompany: 'amazon' },
    { targetCompany: 'Amazon' },
    { targetCompany: '' },
    { targetCompany: null },
    { wordsPerMinute: 160 },
    { stories: ['stories/**/*.md'], ignore: ['drafts/**'], redact: ['Acme', 'Project Falcon'] },
    { maxFileSize: 500_000 },
    { maxFileSize: 10_000_000, followSymlinks: true },
    { stories: ['{stories,notes}/**/*.{md,markdown}', 'x/[!a]*.md'], ignore: ['**/draft-?.md'] },
    { $schema: './schemas/starlintrc.schema.json' },
  ];
  const invalid: unknown[] = [
    { rulez: {} },
    { rules: [] },
    { rules: { 'first-persn': 'off' } },
    { rules: { hedging: 'loud' } },
    { rules: { hedging: 3 } },
    { rules: { hedging: { severity: 'loud' } } },
    { rules: { hedging: { minRatio: 0.5 } } },
    { rules: { 'first-person': { minRatio: 'high' } } },
    { rules: { 'first-person': { minRatio: 1.5 } } },
    { rules: { 'story-length': { min: -1 } } },
    { themes: {} },
    { themes: [{ question: 'No id' }] },
    { themes: [{ id: 'Not Kebab' }] },
    { themes: [{ id: 'scaling', question: 42 }] },
    { targetCompany: 'netflix' },
    { targetCompany: 5 },
    { wordsPerMinute: 20 },
    { wordsPerMinute: 'fast' },
    { maxFileSize: 0 },
    { maxFileSize: 1e12 },
    { followSymlinks: 'yes' },
    { stories: ['!drafts/**'] },
    { ignore: ['+(a|b)/**'] },
    { ignore: [''] },
    { stories: ['a'.repeat(257)] },
    { stories: '*.md' },
    { redact: [1] },
  ];

  for (const config of valid) {
    it(`accepts ${JSON.stringify(config)}, as validateConfig does`, () => {
      assert.deepEqual(validateConfig(config), []);
      assert.ok(validate(config), JSON.stringify(validate.errors));
    });
  }
  for (const config of invalid) {
    it(`rejects ${JSON.stringify(config)}, as validateConfig does`, () => {
      assert.notDeepEqual(validateConfig(config as Record<string, unknown>), []);
      assert.equal(validate(config), false);
    });
  }

  it('applies no option value it rejects as out of range: the default stays', () => {
    const config = { rules: { 'overused-story': { max: 0 }, 'technical-lecture': { maxShare: 2, minSentences: 4 } } };
    assert.equal(validateConfig(config).length, 2);
    const options = resolveConfig(config).options;
    assert.equal(options['overused-story'].max, ruleById.get('overused-story')!.options.max.default);
    assert.equal(options['technical-lecture'].maxShare, ruleById.get('technical-lecture')!.options.maxShare.default);
    assert.equal(options['technical-lecture'].minSentences, 4);
  });
});
