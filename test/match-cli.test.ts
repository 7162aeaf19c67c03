// `starlint match` as people run it: the built CLI in a child process, on the example bank and a
// posting written for the tests (test/fixtures/match), as a table, as JSON and from stdin.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildCli, runCli } from './helpers/cli';

const BANK = 'examples/story-bank';
const POSTING = 'test/fixtures/match/ranking-engineer.md';
const TODAY = '2026-11-25';

describe('starlint match', function () {
  this.timeout(60_000);

  before(function () {
    this.timeout(180_000);
    buildCli();
  });

  it('prints the competencies with their evidence, the stories per competency, the gaps and the stories to rehearse first', () => {
    const r = runCli(['match', POSTING, BANK, '--today', TODAY]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Job posting: test/fixtures/match/ranking-engineer.md (138 words) — names Meta (line 1)');
    assert.match(r.stdout, /^11 competencies asked for · 10 answered by your stories · 1 gap$/m);
    assert.match(r.stdout, /^ {2}✗ {2}leading-without-authority {2}"Influence the roadmap" line 17 +none — write one$/m);
    assert.match(r.stdout, /^ {2}✓ {2}ml:experimentation +"offline experiments" line 6 \+2 +\S.* \(\d+\) \+\d$/m);
    assert.match(r.stdout, /^ {2}✓ {2}meta:move-fast +"fast-paced" line 7 /m);
    // The table's gap comes first.
    const rows = lines.filter((l) => /^ {2}[✓!✗] {2}/.test(l));
    assert.equal(rows.length, 11);
    assert.ok(rows[0].includes('✗'));
    assert.match(r.stdout, /^Rehearse first\n {2}1\. .+ \(\d+\) — answers \d+ of 11: /m);
    assert.match(r.stdout, /^ {5}examples\/story-bank\/0\d-[\w-]+\.md:\d+$/m);
    assert.match(r.stdout, /^Gaps: leading-without-authority — no story answers it\.$/m);
  });

  it('prints JSON for tools, the same from a file and from stdin', () => {
    const file = runCli(['match', POSTING, BANK, '--format', 'json', '--today', TODAY]);
    assert.equal(file.status, 0, file.stderr);
    const out = JSON.parse(file.stdout);
    assert.equal(out.job.file, POSTING);
    assert.equal(out.job.company.id, 'meta');
    assert.equal(out.bank.stories, 8);
    assert.deepEqual(out.gaps, ['leading-without-authority']);
    const posting = readFileSync(join(ROOT, POSTING), 'utf8').split('\n');
    for (const c of out.competencies) {
      assert.ok(['theme', 'company', 'ml'].includes(c.family));
      assert.ok(c.evidence.length > 0);
      // The phrase starts at its line and column (it may run on to the next line).
      for (const e of c.evidence) {
        const at = posting.slice(0, e.line - 1).join('\n').length + (e.line > 1 ? 1 : 0) + e.column - 1;
        assert.ok(posting.join('\n').slice(at).replace(/\s+/g, ' ').startsWith(e.phrase), `${c.id}: ${e.phrase}`);
      }
      for (const s of c.stories) assert.ok(readFileSync(join(ROOT, s.file), 'utf8').split('\n')[s.line - 1].includes(s.title));
      const scores = c.stories.map((s: { score: number }) => s.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
      );
    }
    assert.ok(out.rehearse.length >= 1 && out.rehearse.length <= 3);
    const stdin = runCli(['match', '-', BANK, '--format', 'json', '--today', TODAY], { input: readFileSync(join(ROOT, POSTING), 'utf8') });
    assert.equal(stdin.status, 0, stdin.stderr);
    assert.deepEqual({ ...JSON.parse(stdin.stdout), job: { ...JSON.parse(stdin.stdout).job, file: POSTING } }, out);
  });

  it('reads the bank of the current folder and its .starlintrc.json, and leaves the posting out of the bank', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starlint-match-'));
    try {
      cpSync(join(ROOT, BANK), dir, { recursive: true });
      writeFileSync(join(dir, 'posting.md'), '---\ncategory: project\n---\n\n# Job\n\nYou will own model serving and run A/B tests.\n');
      writeFileSync(join(dir, '.starlintrc.json'), JSON.stringify({ themes: [{ id: 'model-serving', question: 'Tell me about serving a model' }] }));
      const out = JSON.parse(runCli(['match', 'posting.md', '--format', 'json', '--today', TODAY], { cwd: dir }).stdout);
      assert.equal(out.bank.stories, 8, 'the posting is not a story of the bank');
      assert.deepEqual(out.competencies.map((c: { id: string }) => c.id).sort(), ['ml:deployment', 'ml:experimentation', 'model-serving']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a missing, empty or unreadable posting with exit code 2', () => {
    const cases: [string[], string, RegExp][] = [
      [[], '', /name the job posting: a \.md or \.txt file, or - for standard input/],
      [['no-such-posting.md', BANK], '', /cannot read the job posting no-such-posting\.md: no such file/],
      [['-', BANK], '  \n', /the job posting <stdin> is empty/],
      [['-', '-'], 'x', /standard input holds the job posting/],
      [[POSTING, BANK, '--format', 'sarif'], '', /The match comes as text or json/],
      [[POSTING, 'no-such-bank'], '', /no-such-bank: no such file or folder/],
    ];
    for (const [args, input, message] of cases) {
      const r = runCli(['match', ...args], { input });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.match(runCli(['match', '--help']).stdout, /^Usage: starlint match /);
  });

  it('prints no control character from the posting or a story', () => {
    const r = runCli(['match', '-', BANK], { input: 'Deploy \u001b[2Jmodels to production and run A/B tests.\u0007\n' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stdout), JSON.stringify(r.stdout));
    // A story whose title carries an escape sequence: shown, harmless.
    const dir = mkdtempSync(join(tmpdir(), 'starlint-match-ctl-'));
    try {
      const story = readFileSync(join(BANK, '02-fraud-scoring-latency.md'), 'utf8').replace(/^# .*$/m, '# Fraud \u001b[2Jscoring');
      writeFileSync(join(dir, 'story.md'), story.replace(/^title: .*$/m, 'title: Fraud \u001b[2Jscoring'));
      const t = runCli(['match', '-', dir], { input: 'Deploy models to production and run A/B tests.\n' });
      assert.equal(t.status, 0, t.stderr);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(t.stdout), JSON.stringify(t.stdout));
      assert.match(t.stdout, /Fraud \ufffd\[2Jscoring/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when a posting asks for nothing the lexicon knows', () => {
    const r = runCli(['match', '-', BANK], { input: 'Lorem ipsum dolor sit amet.\n' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /No competency of the lexicon \(docs\/match\.md\) found in this posting\./);
  });
});
