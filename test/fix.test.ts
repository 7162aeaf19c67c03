// Rules own their fixes (issue 14): every safe fix a rule offers on its examples round-trips —
// applied, the text linted again, that finding is gone and no other finding changed — and
// `starlint --fix` / `--fix-dry-run` apply them to files, atomically, refusing a file changed on disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORY_RULES, applyFixes, fixText, lintText, resolveConfig, type Finding } from '../server/src/engine';
import { readExample } from '../server/src/engine/rules/examples';
import { writeFixed } from '../server/src/node/fix-files';
import { ensureBuilt } from './lsp/helpers/client';

const TODAY = '2026-11-25';
const config = resolveConfig();
const lint = (text: string) => lintText(text, config, { today: TODAY });
/** What a finding says, wherever it now sits. */
const said = (f: Finding): string => `${f.rule}\u0000${f.message}`;

const TYPOS = [
  '---',
  'category: projcet',
  'questions: [failur, proud, ambiguity]',
  'date: 2025-03',
  '---',
  '',
  '# Churn model',
  '',
  '## Situation',
  '',
  'Churn had risen for two quarters at our subscription business, and the retention team needed a list to call each week.',
  '',
  '<!-- starlint-disable first-persn -->',
  '',
  '## Action',
  '',
  'I compared usage features against a survey baseline, chose logistic regression because the retention team needed reasons they could act on, tested it on a held-out month, and rolled it out.',
  '',
  '## Result',
  '',
  'Churn fell from 9% to 6%, saving $2M a year. I learned to agree the label with finance first; the template is now used by two teams.',
  '',
].join('\n');

describe('rule-owned fixes', () => {
  it('every suggestion on the rule examples changes the text, and never touches the finding’s own rule id', () => {
    let checked = 0;
    for (const rule of STORY_RULES) {
      for (const example of rule.examples.fire) {
        const { markdown, config: layer } = readExample(example);
        const findings = lintText(markdown, resolveConfig(layer), { today: TODAY, only: [rule.id] }).findings;
        for (const f of findings) {
          for (const offer of f.suggestions ?? []) {
            assert.ok(offer.edits.length > 0, `${rule.id}: "${offer.title}" has no edit`);
            const { text, applied } = applyFixes(markdown, [{ ...f, fix: offer }]);
            assert.equal(applied.length, 1, `${rule.id}: "${offer.title}" applies`);
            assert.notEqual(text, markdown, `${rule.id}: "${offer.title}" changes the text`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked >= 10, `${checked} suggestions checked`);
  });

  it('every safe fix on the rule examples and a story with typos round-trips: its finding is gone, nothing else changed', () => {
    const texts = [TYPOS, ...STORY_RULES.flatMap((r) => r.examples.fire.map((e) => readExample(e).markdown))];
    let checked = 0;
    for (const text of texts) {
      const before = lint(text).findings;
      for (const f of before.filter((x) => x.fix)) {
        const { text: fixed, applied } = applyFixes(text, [f]);
        assert.equal(applied.length, 1);
        const after = lint(fixed).findings.map(said);
        const others = before.filter((x) => x !== f && x.rule !== f.rule).map(said);
        assert.ok(!lint(fixed).findings.some((x) => x.rule === f.rule && x.message === f.message), `${f.rule}: "${f.fix!.title}" leaves its finding`);
        // Nothing else changed: every other rule says the same, except what the fix was for
        // (a new section may now be empty, which empty-section reports, as the writer expects; a
        // theme id fixed counts for versatility).
        for (const o of others)
          assert.ok(
            after.includes(o) || /^(?:empty-section|section-order|story-length|section-balance|versatility)\u0000/.test(o),
            `${f.rule} fix changed: ${o}`,
          );
        checked++;
      }
    }
    assert.ok(checked >= 10, `checked ${checked} fixes`);
  });

  it('applies edits at one offset in the order the fix lists them, as LSP clients do', () => {
    const at = (start: number, end: number, text: string) => ({ start, end, text });
    const finding = (edits: ReturnType<typeof at>[]): Finding => ({
      rule: 'test',
      severity: 'warning',
      message: 'test',
      span: { start: 0, end: 0 },
      fix: { title: 'test', edits },
    });
    assert.equal(applyFixes('abc', [finding([at(1, 1, 'X'), at(1, 1, 'Y')])]).text, 'aXYbc');
    // An insert listed before a replacement at its start goes before the replacement's text.
    assert.equal(applyFixes('abc', [finding([at(1, 1, 'X'), at(1, 2, 'Z')])]).text, 'aXZc');
    assert.equal(applyFixes('abc', [finding([at(2, 3, 'Z'), at(0, 0, '<'), at(0, 0, '>')])]).text, '<>abZ');
  });

  it('offers only safe fixes as fixes; prose rewrites are suggestions', () => {
    const we = lint(
      `# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nWe compared options. We chose trees. We tested it.\n\n## Result\n\nChurn fell from 9% to 6%.\n`,
    ).findings;
    assert.ok(we.some((f) => f.rule === 'first-person'));
    assert.ok(we.every((f) => f.rule !== 'first-person' || !f.fix));
  });

  it('fixText repeats until no safe fix is left, and stops', () => {
    const out = fixText(TYPOS, lint);
    assert.deepEqual([...new Set(out.applied.map((a) => a.rule))].sort(), ['inline-config', 'missing-section', 'unknown-category', 'unknown-question']);
    assert.ok(!lint(out.text).findings.some((f) => f.fix));
    assert.equal(fixText(out.text, lint).applied.length, 0);
  });

  it('writeFixed refuses a file that changed on disk since it was read, and keeps a byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starlint-fix-'));
    try {
      const file = join(dir, 'story.md');
      writeFileSync(file, TYPOS);
      writeFileSync(file, TYPOS + '\nA line the writer just added.\n');
      const refused = writeFixed(file, TYPOS, 'fixed');
      assert.equal(refused.written, false);
      assert.match((refused as { reason: string }).reason, /changed on disk/);
      assert.equal(readFileSync(file, 'utf8'), TYPOS + '\nA line the writer just added.\n');
      writeFileSync(file, '\ufeff' + TYPOS);
      assert.deepEqual(writeFixed(file, TYPOS, 'fixed text'), { written: true });
      assert.equal(readFileSync(file, 'utf8'), '\ufefffixed text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('starlint --fix and --fix-dry-run', function () {
  this.timeout(120_000);
  const BIN = join(__dirname, '..', 'bin', 'starlint.js');
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args, '--today', TODAY, '--no-color'], { cwd, encoding: 'utf8' });
  before(() => ensureBuilt());

  it('--fix-dry-run prints a unified diff and writes nothing; --fix writes the fixed file and reports what is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starlint-fix-cli-'));
    try {
      writeFileSync(join(dir, 'story.md'), TYPOS);
      const dry = run(['story.md', '--fix-dry-run'], dir);
      assert.match(dry.stdout, /^--- a\/story\.md/m);
      assert.match(dry.stdout, /^-category: projcet$/m);
      assert.match(dry.stdout, /^\+category: project$/m);
      assert.match(dry.stdout, /^\+## Task$/m);
      assert.equal(readFileSync(join(dir, 'story.md'), 'utf8'), TYPOS);
      const fixed = run(['story.md', '--fix'], dir);
      assert.match(fixed.stderr, /story\.md: fixed 4 problems \(/);
      const text = readFileSync(join(dir, 'story.md'), 'utf8');
      assert.match(text, /category: project\nquestions: \[failure, proud, ambiguity\]/);
      assert.match(text, /starlint-disable first-person -->/);
      assert.match(text, /## Task\n\n<!-- Task:/);
      // The report is of the fixed file: no unknown id is left; prose is untouched.
      assert.doesNotMatch(fixed.stdout, /unknown-category|unknown-question|inline-config/);
      assert.equal(text.replace(/category: project/, 'category: projcet').includes('I compared usage features'), true);
      // A second run has nothing to fix and writes nothing.
      const again = run(['story.md', '--fix'], dir);
      assert.doesNotMatch(again.stderr, /fixed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
