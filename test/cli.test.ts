// The CLI, tested as users run it: the built `bin/starlint.js` in a child process, its stdout
// parsed per format, its exit code and stderr checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ALL_RULES, ruleDocsUrl } from '../server/src/engine';
import { escapeData, escapeProperty } from '../server/src/node/format-github';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'starlint.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
const BANK = 'examples/story-bank';
const TODAY = '2026-11-25';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  file: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

function json(args: string[], options?: Parameters<typeof run>[1]): { findings: JsonFinding[]; run: Run } {
  const r = run([...args, '--format', 'json'], options);
  return { findings: JSON.parse(r.stdout) as JsonFinding[], run: r };
}

/** The source text a finding points at, from its 1-based, end-exclusive position. */
function textAt(f: JsonFinding): string {
  const lines = readFileSync(join(ROOT, f.file!), 'utf8').split(/\r?\n/);
  if (f.line === f.endLine) return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
  return [lines[f.line - 1].slice(f.column - 1), ...lines.slice(f.line, f.endLine - 1), lines[f.endLine - 1].slice(0, f.endColumn - 1)].join('\n');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'starlint-cli-'));
}

const STORY_WITH_ERROR = readFileSync(join(FIXTURES, 'errors.md'), 'utf8');
const CLEAN_STORY = readFileSync(join(FIXTURES, 'clean.md'), 'utf8');

describe('starlint CLI', function () {
  this.timeout(60_000);

  before(function () {
    this.timeout(180_000);
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `build failed:\n${r.stdout}\n${r.stderr}`);
  });

  describe('information flags', () => {
    it('--version prints the package version', () => {
      const r = run(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    });

    it('--help names every flag and the exit codes', () => {
      const r = run(['--help']);
      assert.equal(r.status, 0);
      for (const flag of [
        '--format',
        '--bank',
        '--config',
        '--today',
        '--quiet',
        '--max-warnings',
        '--no-exit',
        '--stdin-filename',
        '--no-color',
        '--list-rules',
        '--help',
        '--version',
      ]) {
        assert.ok(r.stdout.includes(flag), flag);
      }
      assert.match(r.stdout, /Exit codes/);
      const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
      for (const flag of r.stdout.match(/--[a-z-]+/g) ?? []) assert.ok(doc.includes(`\`${flag}`), `docs/cli.md documents ${flag}`);
    });

    it('--list-rules lists every rule with its default severity and description', () => {
      const r = run(['--list-rules']);
      assert.equal(r.status, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, ALL_RULES.length + 1);
      for (const rule of ALL_RULES) {
        const line = lines.find((l) => l.startsWith(`${rule.id} `));
        assert.ok(line, rule.id);
        assert.match(line, new RegExp(`^${rule.id}\\s+${rule.severity}\\s+\\S`));
      }
    });

    it('--list-rules --format json gives ids, severities, descriptions and docs links', () => {
      const rules = JSON.parse(run(['--list-rules', '--format', 'json']).stdout) as { id: string; severity: string; description: string; docs: string }[];
      assert.deepEqual(
        rules.map((r) => r.id),
        ALL_RULES.map((r) => r.id),
      );
      assert.equal(rules[0].docs, ruleDocsUrl(rules[0].id));
    });
  });

  describe('stylish (default) format', () => {
    it('shows first-person once per story with the count and lines of each "we"; json keeps every finding', () => {
      const dir = tempDir();
      try {
        const action = 'We compared three options. We chose trees because analysts needed explanations.\nWe tested it on a held-out month and we shipped it.';
        const story = (title: string) =>
          `## ${title}\n\n### Situation\n\nChurn rose for two quarters.\n\n### Task\n\nI owned the churn model.\n\n### Action\n\n${action}\n\n### Result\n\nChurn fell from 9% to 6%, saving $2M a year.\n\n`;
        writeFileSync(join(dir, 'bank.md'), `# Stories\n\n${story('Churn')}${story('Fraud')}`);
        const all = json(['bank.md', '--today', TODAY], { cwd: dir }).findings.filter((f) => f.rule === 'first-person');
        assert.equal(all.length, 8, 'json: one finding per "we"');
        const rows = run(['bank.md', '--today', TODAY, '--no-color'], { cwd: dir })
          .stdout.split('\n')
          .filter((l) => / first-person$/.test(l));
        assert.equal(rows.length, 2, rows.join('\n'));
        for (const row of rows) assert.match(row, /warning\s+4 × "we" \(lines \d+, \d+\): Action says "we" 4 times/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('prints a header per file, aligned rows and a summary, and exits 1 on an error', () => {
      const r = run([BANK, '--today', TODAY]);
      assert.equal(r.status, 1, r.stderr);
      const { findings } = json([BANK, '--today', TODAY]);
      const files = [...new Set(findings.map((f) => f.file))];
      const lines = r.stdout.split('\n');
      for (const file of files) assert.ok(lines.includes(file!), `header for ${file}`);
      // Rows of one file: the severity column starts at the same place on every row.
      const block = lines.slice(lines.indexOf(files[0]!) + 1, lines.indexOf('', lines.indexOf(files[0]!)));
      assert.ok(block.length > 0);
      const severityAt = block.map((l) => l.search(/ (error|warning|info|hint) /));
      assert.equal(new Set(severityAt).size, 1, block.join('\n'));
      for (const row of block) assert.match(row, /^\s+\d+:\d+\s+(error|warning|info|hint)\s+\S.*\s{2}[a-z-]+$/);
      const n = (s: string) => findings.filter((f) => f.severity === s).length;
      const summary = lines.find((l) => l.startsWith('\u2716'))!;
      assert.equal(
        summary,
        `\u2716 ${findings.length} problems (${n('error')} error${n('error') === 1 ? '' : 's'}, ${n('warning')} warnings, ${n('info')} infos)`,
      );
    });

    it('prints nothing and exits 0 for a clean story', () => {
      const r = run([join(FIXTURES, 'clean.md'), '--today', TODAY]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(r.stdout, '');
    });

    it('uses colour only when forced or on a terminal, and never with NO_COLOR or --no-color', () => {
      const file = join(FIXTURES, 'errors.md');
      assert.doesNotMatch(run([file]).stdout, /\u001b\[/, 'not a TTY: no colour');
      assert.match(run([file], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31merror/);
      assert.doesNotMatch(run([file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
      assert.doesNotMatch(run([file, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    });
  });

  describe('json format', () => {
    it('prints one array of findings with exactly the documented keys, sorted and 1-based', () => {
      const { findings, run: r } = json([BANK, '--today', TODAY]);
      assert.equal(r.status, 1);
      assert.ok(findings.length > 0);
      for (const f of findings) {
        assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
        assert.match(f.file!, /^examples\/story-bank\/[^\\]+\.md$/, 'relative, forward slashes');
        assert.ok(f.line >= 1 && f.column >= 1, 'positions are 1-based');
        assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column));
        assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
        assert.ok(
          ALL_RULES.some((rule) => rule.id === f.rule),
          f.rule,
        );
        assert.doesNotMatch(f.message, /\n/);
      }
      const key = (f: JsonFinding) => [f.file, f.line, f.column] as const;
      for (let i = 1; i < findings.length; i++) {
        const [a, b] = [key(findings[i - 1]), key(findings[i])];
        assert.ok(a[0]! < b[0]! || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2]))), `sorted at ${i}`);
      }
    });

    it('points at the words that explain each finding (end column exclusive)', () => {
      const { findings } = json([BANK, '--today', TODAY]);
      const blame = findings.filter((f) => f.rule === 'blame');
      assert.ok(blame.length > 0, 'the failure story blames another team');
      for (const f of blame) assert.match(textAt(f), /nothing I could do|gave us bad/i);
      const vague = findings.filter((f) => f.rule === 'vague-language');
      assert.ok(vague.length > 0);
      for (const f of vague) assert.ok(f.message.includes(`"${textAt(f).replace(/\s+/g, ' ')}"`), `${f.message} vs ${JSON.stringify(textAt(f))}`);
      const metric = findings.find((f) => f.rule === 'result-metric');
      assert.ok(metric, 'the "we" story ends with no number');
      assert.equal(metric.severity, 'error');
      assert.match(metric.file!, /03-promotion-uplift/);
    });

    it('reports nothing for a Markdown file that is not a story', () => {
      const direct = json(['examples/not-a-story.md', '--today', TODAY]);
      assert.deepEqual(direct.findings, []);
      assert.equal(direct.run.status, 0);
      assert.equal(direct.run.stdout.trim(), '[]');
      const all = json(['examples', '--today', TODAY]).findings;
      assert.ok(all.length > 0);
      assert.ok(!all.some((f) => /not-a-story|README/.test(f.file!)));
    });
  });

  describe('a run with no story says so on stderr, never silently', () => {
    const HINT =
      /starlint: no stor(?:y|ies) found in .* — starlint reads Markdown with Situation, Task, Action and Result headings or labels .*front matter with "category" or "questions" \(see "Story files" in the README\)\.\n$/;
    let dir: string;
    before(() => {
      dir = tempDir();
      mkdirSync(join(dir, 'notes'));
      for (const name of ['a.md', 'b.md', 'c.md'])
        writeFileSync(join(dir, 'notes', name), `# Meeting notes ${name}\n\nWe talked about the roadmap and the situation with hiring.\n`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('for a folder, a glob, one file and stdin: a hint on stderr, exit 0', () => {
      const cases: [string[], string, RegExp][] = [
        [['notes'], '', /no stories found in 3 files — /],
        [['notes/*.md'], '', /no stories found in 3 files — /],
        [['notes/a.md'], '', /no story found in notes\/a\.md — /],
        [['-'], 'Just some text with no sections at all.\n', /no story found in <stdin> — /],
      ];
      for (const [args, input, where] of cases) {
        const r = run([...args, '--today', TODAY], { cwd: dir, input });
        assert.equal(r.status, 0, args.join(' '));
        assert.equal(r.stdout, '', `${args.join(' ')}: nothing to report on stdout`);
        assert.match(r.stderr, where, args.join(' '));
        assert.match(r.stderr, HINT, args.join(' '));
      }
    });

    it('says so with --bank, and keeps stdout clean in the machine formats', () => {
      const bank = run(['notes', '--bank', '--today', TODAY], { cwd: dir });
      assert.match(bank.stdout, /^Story bank: 0 stories in 0 files/);
      assert.match(bank.stderr, HINT);
      for (const format of ['json', 'sarif', 'github', 'bank-json']) {
        const r = run(['notes', '--format', format, '--today', TODAY], { cwd: dir });
        assert.equal(r.status, 0, format);
        assert.match(r.stderr, HINT, format);
        assert.doesNotMatch(r.stdout, /no stor(y|ies) found/, `${format}: the hint is not in the output`);
        if (format === 'json') assert.equal(r.stdout.trim(), '[]');
        if (format === 'sarif' || format === 'bank-json') JSON.parse(r.stdout);
      }
    });

    it('a folder with no Markdown file at all is named; a run with a story gives no hint', () => {
      mkdirSync(join(dir, 'empty'), { recursive: true });
      const r = run(['empty'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.equal(r.stderr, 'starlint: no file to lint in empty: none matches the "stories" globs (by default **/*.md and **/*.markdown) outside "ignore".\n');
      const story = run([join(FIXTURES, 'clean.md'), 'notes', '--today', TODAY], { cwd: dir });
      assert.equal(story.stderr, '');
    });
  });

  describe('sarif format', () => {
    // The SARIF 2.1.0 schema ships in @microsoft/jest-sarif (MIT). It is written in JSON Schema
    // draft-04; its keywords are all draft-07 compatible except `id`, so Ajv 8 compiles it once the
    // top-level `id` becomes `$id` and the draft-04 `$schema` is dropped.
    function sarifValidator() {
      const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      schema.$id = schema.id;
      delete schema.id;
      delete schema.$schema;
      // The schema's `language` pattern has a stray ']' that only non-Unicode regular expressions accept.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
      ajv.addFormat('uri-reference', (s: string) => !/[\s<>"{}|\\^`]/.test(s));
      ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
      return ajv.compile<any>(schema);
    }

    it('is valid SARIF 2.1.0 with every rule, results pointing into files and bank results without location', () => {
      const r = run([BANK, '--today', TODAY, '--format', 'sarif', '--bank']);
      assert.equal(r.status, 1);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
      assert.equal(log.runs.length, 1);
      const [runLog] = log.runs;
      const driver = runLog.tool.driver;
      assert.equal(driver.name, 'starlint');
      assert.deepEqual(
        driver.rules.map((rule: { id: string }) => rule.id),
        ALL_RULES.map((rule) => rule.id),
      );
      for (const [i, rule] of ALL_RULES.entries()) {
        assert.equal(driver.rules[i].shortDescription.text, rule.description);
        assert.equal(driver.rules[i].helpUri, ruleDocsUrl(rule.id));
        assert.equal(driver.rules[i].defaultConfiguration.level, rule.severity === 'info' || rule.severity === 'hint' ? 'note' : rule.severity);
      }
      const findings = json([BANK, '--today', TODAY, '--bank']).findings;
      assert.equal(runLog.results.length, findings.length);
      runLog.results.forEach((res: any, i: number) => {
        const f = findings[i];
        assert.equal(res.ruleId, f.rule);
        assert.equal(driver.rules[res.ruleIndex].id, f.rule);
        assert.equal(res.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[f.severity]);
        assert.equal(res.message.text, f.message);
        if (f.file === null) {
          assert.equal(res.locations, undefined);
        } else {
          const loc = res.locations[0].physicalLocation;
          assert.equal(loc.artifactLocation.uri, f.file);
          assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
          assert.deepEqual(loc.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
        }
      });
      assert.ok(runLog.results.some((res: any) => res.ruleId === 'uncovered-question' && res.locations === undefined));
    });

    it('is valid SARIF with no results at all', () => {
      const log = JSON.parse(run([join(FIXTURES, 'clean.md'), '--format', 'sarif', '--today', TODAY]).stdout);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors));
      assert.deepEqual(log.runs[0].results, []);
    });
  });

  describe('github format', () => {
    it('prints one workflow command per finding', () => {
      const r = run([BANK, '--today', TODAY, '--format', 'github', '--bank']);
      assert.equal(r.status, 1);
      const lines = r.stdout.trimEnd().split('\n');
      const findings = json([BANK, '--today', TODAY, '--bank']).findings;
      assert.equal(lines.length, findings.length);
      lines.forEach((line, i) => {
        const f = findings[i];
        const level = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[f.severity];
        if (f.file === null) assert.equal(line, `::${level} title=starlint ${f.rule}::${escapeData(f.message)}`);
        else
          assert.equal(
            line,
            `::${level} file=${f.file},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=starlint ${f.rule}::${escapeData(f.message)}`,
          );
      });
    });

    it('escapes %, CR and LF in messages, and also : and , in properties', () => {
      assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
      assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
    });
  });

  describe('--bank', () => {
    it('prints the stories, composition and coverage tables, uncovered themes first', () => {
      const r = run([BANK, '--today', TODAY, '--bank']);
      const out = r.stdout;
      assert.match(out, /Story bank: 8 stories in 8 files/);
      assert.match(out, /#\s+Story\s+Category\s+Score\s+Time\s+Problems/);
      assert.match(out, /Hybrid recommender for cold-start users\s+project\s+\d+\s+\d:\d\d/);
      assert.match(out, /Composition\n\s+Category\s+Stories\s+Ideal\s+Status\n\s+project\s+2\s+2–3\s+✓ ok/);
      const coverage = out.slice(out.indexOf('Coverage\n'));
      const rows = coverage.split('\n').slice(2, 12);
      assert.match(
        rows.find((l) => l.trim().startsWith('why-company'))!,
        /why-company\s+0\s+✗ uncovered/,
      );
      const firstOk = rows.findIndex((l) => /✓ ok/.test(l));
      const lastUncovered = rows.map((l) => /uncovered/.test(l)).lastIndexOf(true);
      assert.ok(lastUncovered >= 0 && lastUncovered < firstOk, rows.join('\n'));
      const bankFindings = out.slice(out.indexOf('Bank findings\n')).split('\n\n')[0].split('\n');
      assert.ok(
        bankFindings.some((l) => /^\s+\(bank\)\s+warning\s+No story answers .*why-company.*\s{2}uncovered-question$/.test(l)),
        bankFindings.join('\n'),
      );
      assert.match(out, /✖ \d+ problems/);
    });

    it('shows "draft" instead of the score of a story with template placeholders left', () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'draft.md'), STORY_WITH_ERROR.replace('## Task\n\n', '## Task\n\n[Describe your role] TODO\n\n'));
        const r = run(['.', '--bank', '--today', TODAY], { cwd: dir });
        assert.match(r.stdout, /^\s+1\s+A story without an ending\s+failure\s+draft\s+\d:\d\d\s/m);
        assert.match(r.stdout, /#1 A story without an ending — Strength: draft \(2 template placeholders left\)/);
        assert.doesNotMatch(r.stdout, /Strength \d+\/100/);
        const bank = JSON.parse(run(['.', '--format', 'bank-json', '--today', TODAY], { cwd: dir }).stdout) as {
          stories: { score: { draft?: { placeholders: number } } }[];
        };
        assert.deepEqual(bank.stories[0].score.draft, { placeholders: 2 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('adds bank findings to json: bank-wide ones with file null and position 0, last', () => {
      const plain = json([BANK, '--today', TODAY]).findings;
      const withBank = json([BANK, '--today', TODAY, '--bank']).findings;
      const bankOnly = withBank.filter((f) => f.file === null);
      assert.ok(bankOnly.some((f) => f.rule === 'uncovered-question' && f.message.includes('why-company')));
      for (const f of bankOnly) assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [0, 0, 0, 0]);
      assert.deepEqual(withBank.slice(withBank.length - bankOnly.length), bankOnly, 'bank-wide findings come last');
      assert.equal(plain.filter((f) => f.file === null).length, 0, 'no bank rules without --bank');
    });

    it('--format bank-json prints the whole bank report', () => {
      const r = run([BANK, '--today', TODAY, '--format', 'bank-json']);
      const report = JSON.parse(r.stdout);
      assert.equal(report.today, TODAY);
      assert.equal(report.stories.length, 8);
      const story = report.stories[0];
      assert.match(story.file, /^examples\/story-bank\/01-/);
      assert.ok(story.line >= 1);
      assert.equal(typeof story.score.total, 'number');
      assert.ok(Array.isArray(story.score.criteria));
      assert.deepEqual(
        report.composition.map((c: { category: string }) => c.category),
        ['project', 'collaboration', 'failure', 'leadership', 'ethics'],
      );
      const why = report.coverage.find((c: { theme: string }) => c.theme === 'why-company');
      assert.deepEqual([why.status, why.stories], ['uncovered', []]);
      assert.ok(report.findings.some((f: JsonFinding) => f.rule === 'uncovered-question' && f.file === null));
    });
  });

  describe('stdin', () => {
    it('lints "-" as <stdin>', () => {
      const { findings, run: r } = json(['-', '--today', TODAY], { input: STORY_WITH_ERROR });
      assert.equal(r.status, 1);
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.file === '<stdin>'));
      assert.ok(findings.some((f) => f.rule === 'missing-section' && f.severity === 'error'));
    });

    it('names it with --stdin-filename', () => {
      const { findings } = json(['-', '--stdin-filename', 'stories/draft.md', '--today', TODAY], { input: STORY_WITH_ERROR });
      assert.ok(findings.every((f) => f.file === 'stories/draft.md'));
    });

    it('exits 0 for a clean story on stdin', () => {
      const r = run(['-', '--today', TODAY], { input: CLEAN_STORY });
      assert.equal(r.status, 0, r.stdout);
    });
  });

  describe('exit codes', () => {
    it('0 for a clean story, 1 for a story with an error', () => {
      assert.equal(run([join(FIXTURES, 'clean.md'), '--today', TODAY]).status, 0);
      assert.equal(run([join(FIXTURES, 'errors.md'), '--today', TODAY]).status, 1);
    });

    it('2 for an unknown flag, format, date or path, with a one-line reason', () => {
      const cases: [string[], RegExp][] = [
        [['--bogus'], /Unknown option '--bogus'/],
        [['--format', 'xml'], /Unknown format "xml"/],
        [['--today', '2026-02-30'], /--today must be a date/],
        [['--max-warnings', 'many'], /--max-warnings must be a whole number/],
        [['no/such/file.md'], /no\/such\/file\.md: no such file or folder/],
        [['no-such-folder/*.md'], /no file matches this pattern/],
      ];
      for (const [args, message] of cases) {
        const r = run(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, message);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
        assert.equal(r.stdout, '');
      }
    });

    it('2 for a broken .starlintrc.json, naming file:line:column and the problem', () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, '.starlintrc.json'), '{\n  "rules": {\n    "hedging": "off"\n    "vague-language": "off"\n  }\n}\n');
        writeFileSync(join(dir, 'story.md'), CLEAN_STORY);
        const r = run([], { cwd: dir });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /^\.starlintrc\.json:4:5: Invalid JSON: a comma was expected\./m);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
        assert.equal(r.stdout, '');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('2 for an unknown rule in .starlintrc.json, suggesting the closest id', () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, '.starlintrc.json'), '{ "rules": { "first-persn": "off" } }\n');
        const r = run(['.'], { cwd: dir });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /^\.starlintrc\.json:1:14: Unknown rule "first-persn"\. Did you mean "first-person"\?/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--max-warnings turns too many warnings into exit 1; --quiet prints errors only', () => {
      const old = join(FIXTURES, 'old-story.md');
      const warnings = json([old, '--today', TODAY]).findings.filter((f) => f.severity === 'warning').length;
      assert.ok(warnings > 0);
      assert.equal(run([old, '--today', TODAY]).status, 0);
      assert.equal(run([old, '--today', TODAY, '--max-warnings', String(warnings)]).status, 0);
      const over = run([old, '--today', TODAY, '--max-warnings', String(warnings - 1)]);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /more than --max-warnings/);
      const quiet = json([join(FIXTURES, 'errors.md'), '--today', TODAY, '--quiet']);
      assert.ok(quiet.findings.length > 0 && quiet.findings.every((f) => f.severity === 'error'));
      assert.equal(quiet.run.status, 1);
    });

    it('--no-exit: findings that would fail the run exit 0 and are still printed; a broken configuration still exits 2', () => {
      const errors = join(FIXTURES, 'errors.md');
      assert.equal(run([errors, '--today', TODAY]).status, 1);
      const r = json([errors, '--today', TODAY, '--no-exit']);
      assert.equal(r.run.status, 0);
      assert.ok(r.findings.some((f) => f.severity === 'error'));
      const dir = tempDir();
      try {
        writeFileSync(join(dir, '.starlintrc.json'), '{ "rules": ');
        writeFileSync(join(dir, 'story.md'), STORY_WITH_ERROR);
        assert.equal(run(['story.md', '--no-exit'], { cwd: dir }).status, 2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('configuration', () => {
    it('a rule set to "off" in the discovered .starlintrc.json is silent; --config picks another file', () => {
      const dir = tempDir();
      try {
        mkdirSync(join(dir, 'stories', 'drafts'), { recursive: true });
        writeFileSync(join(dir, 'stories', 'drafts', 'story.md'), STORY_WITH_ERROR);
        const before = json(['.', '--today', TODAY], { cwd: join(dir, 'stories', 'drafts') });
        assert.ok(before.findings.some((f) => f.rule === 'missing-section'));
        assert.equal(before.run.status, 1);
        writeFileSync(join(dir, '.starlintrc.json'), '// comments are allowed\n{ "rules": { "missing-section": "off", "story-length": "off" } }\n');
        const after = json(['.', '--today', TODAY], { cwd: join(dir, 'stories', 'drafts') });
        assert.deepEqual(
          after.findings.filter((f) => f.rule === 'missing-section' || f.rule === 'story-length'),
          [],
        );
        assert.equal(after.run.status, 0);
        writeFileSync(join(dir, 'strict.json'), '{ "rules": { "missing-section": "warning" } }\n');
        const other = json(['.', '--today', TODAY, '--config', join(dir, 'strict.json')], { cwd: join(dir, 'stories', 'drafts') });
        assert.ok(other.findings.some((f) => f.rule === 'missing-section' && f.severity === 'warning'));
        assert.ok(
          other.findings.some((f) => f.rule === 'story-length'),
          'the discovered file is not used with --config',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    describe('per linted file: the nearest .starlintrc.json upward from each file', () => {
      // dir/rc/.starlintrc.json beside dir/rc/story.md; runs start in dir (the parent) or dir/sibling.
      let dir: string;
      const OFF = '{ "rules": { "missing-section": "off" } }\n';
      const BROKEN = '{\n  "rules": {\n    "missing-sectoin": "off"\n  }\n}\n';
      beforeEach(() => {
        dir = tempDir();
        mkdirSync(join(dir, 'rc'));
        mkdirSync(join(dir, 'sibling'));
        writeFileSync(join(dir, 'rc', 'story.md'), STORY_WITH_ERROR);
      });
      afterEach(() => rmSync(dir, { recursive: true, force: true }));
      const rules = (findings: JsonFinding[]) => new Set(findings.map((f) => f.rule));

      it('from the parent folder: a file, its folder and a glob all use rc/.starlintrc.json', () => {
        assert.ok(rules(json(['rc/story.md', '--today', TODAY], { cwd: dir }).findings).has('missing-section'), 'without a configuration the rule fires');
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), OFF);
        for (const target of ['rc/story.md', 'rc', 'rc/*.md', '.']) {
          const { findings, run: r } = json([target, '--today', TODAY], { cwd: dir });
          assert.equal(r.status, 0, `${target}: ${r.stderr}`);
          assert.deepEqual(
            findings.map((f) => f.file),
            ['rc/story.md'],
            target,
          );
          assert.ok(!rules(findings).has('missing-section'), target);
          assert.ok(rules(findings).has('story-length'), `${target}: the other rules still run`);
        }
      });

      it("from a sibling folder: ../rc/story.md uses rc/.starlintrc.json, not the current folder's", () => {
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), OFF);
        writeFileSync(join(dir, 'sibling', '.starlintrc.json'), '{ "rules": { "story-length": "off" } }\n');
        const { findings, run: r } = json(['../rc/story.md', '--today', TODAY], { cwd: join(dir, 'sibling') });
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!rules(findings).has('missing-section'));
        assert.ok(rules(findings).has('story-length'), "the sibling folder's configuration does not apply");
      });

      it('a broken rc/.starlintrc.json stops the run at its file:line:column, from the parent and from a sibling', () => {
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), BROKEN);
        for (const [cwd, target, shown] of [
          [dir, 'rc/story.md', 'rc/.starlintrc.json'],
          [dir, 'rc', 'rc/.starlintrc.json'],
          [join(dir, 'sibling'), '../rc/story.md', '../rc/.starlintrc.json'],
        ]) {
          const r = run([target, '--format', 'json'], { cwd });
          assert.equal(r.status, 2, `${target} from ${cwd}`);
          assert.equal(r.stdout, '');
          assert.match(r.stderr, new RegExp(`^${shown.replace(/\./g, '\\.')}:3:5: Unknown rule "missing-sectoin"\\. Did you mean "missing-section"\\?`, 'm'));
          assert.match(r.stderr, /has a problem; fix it and run again/);
        }
      });

      it('files under different configurations each use their own, in one run', () => {
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), OFF);
        writeFileSync(join(dir, 'sibling', 'story.md'), STORY_WITH_ERROR);
        const { findings } = json(['rc', 'sibling', '--today', TODAY], { cwd: dir });
        const of = (file: string) => rules(findings.filter((f) => f.file === file));
        assert.ok(!of('rc/story.md').has('missing-section'));
        assert.ok(of('sibling/story.md').has('missing-section'));
      });

      it("--config still overrides every file's own configuration", () => {
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), BROKEN);
        writeFileSync(join(dir, 'strict.json'), '{ "rules": { "missing-section": "warning" } }\n');
        const { findings, run: r } = json(['rc', '--config', 'strict.json', '--today', TODAY], { cwd: dir });
        assert.equal(r.status, 0, r.stderr);
        assert.ok(
          findings.some((f) => f.rule === 'missing-section' && f.severity === 'warning'),
          'the broken rc file is not read at all',
        );
      });

      it('"stories" and "ignore" globs are relative to the folder of the configuration file that has them', () => {
        mkdirSync(join(dir, 'rc', 'stories'));
        writeFileSync(join(dir, 'rc', 'stories', 'a.md'), STORY_WITH_ERROR);
        writeFileSync(join(dir, 'rc', 'stories', 'draft.md'), STORY_WITH_ERROR);
        writeFileSync(join(dir, 'sibling', 'b.md'), STORY_WITH_ERROR);
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), '{ "stories": ["stories/**/*.md"], "ignore": ["stories/draft.md"] }\n');
        const files = new Set(json(['.', '--today', TODAY], { cwd: dir }).findings.map((f) => f.file));
        assert.deepEqual([...files].sort(), ['rc/stories/a.md', 'sibling/b.md']);
        // The same files are chosen from inside rc/.
        const inside = new Set(json(['.', '--today', TODAY], { cwd: join(dir, 'rc') }).findings.map((f) => f.file));
        assert.deepEqual([...inside], ['stories/a.md']);
      });

      it('--bank judges the bank with the configuration of the folder holding every file, and says so when others differ', () => {
        const themed = STORY_WITH_ERROR.replace('questions: [failure, ambiguity, prioritization]', 'questions: [failure, ambiguity, scaling]');
        writeFileSync(join(dir, 'rc', 'story.md'), themed);
        writeFileSync(join(dir, 'rc', '.starlintrc.json'), '{ "themes": [{ "id": "scaling", "question": "Tell me about scaling" }] }\n');
        const alone = run(['rc', '--format', 'bank-json', '--today', TODAY], { cwd: dir });
        const report = JSON.parse(alone.stdout) as { coverage: { theme: string; stories: number[] }[] };
        assert.deepEqual(report.coverage.find((c) => c.theme === 'scaling')?.stories, [0], 'rc/ holds every file: its themes make the coverage');
        assert.equal(alone.stderr, '');
        writeFileSync(join(dir, 'sibling', 'story.md'), STORY_WITH_ERROR);
        const both = run(['rc', 'sibling', '--format', 'bank-json', '--today', TODAY], { cwd: dir });
        const mixed = JSON.parse(both.stdout) as { coverage: { theme: string }[] };
        assert.ok(!mixed.coverage.some((c) => c.theme === 'scaling'), 'the parent folder has no configuration: the defaults judge the bank');
        assert.match(
          both.stderr,
          /the bank is judged with the default configuration, the configuration of the folder \. that holds every file; rc\/\.starlintrc\.json configures only the findings of its own stories\./,
        );
        assert.ok(
          !json(['rc', 'sibling', '--today', TODAY], { cwd: dir }).findings.some((f) => f.rule === 'unknown-question'),
          'rc/story.md knows its own theme',
        );
      });
    });

    it('"ignore" globs, node_modules and hidden folders are skipped in folders', () => {
      const dir = tempDir();
      try {
        for (const sub of ['node_modules/pkg', 'drafts', '.private', 'stories']) mkdirSync(join(dir, sub), { recursive: true });
        for (const sub of ['node_modules/pkg', 'drafts', '.private', 'stories']) writeFileSync(join(dir, sub, 'story.md'), STORY_WITH_ERROR);
        writeFileSync(join(dir, '.starlintrc.json'), '{ "ignore": ["drafts/**"] }\n');
        const files = new Set(json(['--today', TODAY], { cwd: dir }).findings.map((f) => f.file));
        assert.deepEqual([...files], ['stories/story.md']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('inputs that must not crash', () => {
    it('skips a binary file with a one-line note', () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
        writeFileSync(join(dir, 'story.md'), CLEAN_STORY);
        const r = run(['.', '--today', TODAY, '--format', 'json'], { cwd: dir });
        assert.equal(r.status, 0);
        assert.deepEqual(JSON.parse(r.stdout), []);
        assert.equal(r.stderr, 'starlint: image.md: binary file; skipped\n');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads an empty file and an unterminated code fence', () => {
      const empty = json([join(FIXTURES, 'empty.md'), '--today', TODAY]);
      assert.deepEqual(empty.findings, []);
      assert.equal(empty.run.status, 0);
      const fence = json([join(FIXTURES, 'unterminated-fence.md'), '--today', TODAY]);
      assert.ok([0, 1].includes(fence.run.status!), fence.run.stderr);
      assert.equal(fence.run.stderr, '');
    });

    it('lints invalid UTF-8 with a note', () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from(STORY_WITH_ERROR), Buffer.from([0xe9, 0x0a])]));
        const { findings, run: r } = json(['latin1.md', '--today', TODAY], { cwd: dir });
        assert.match(r.stderr, /latin1\.md: not valid UTF-8/);
        assert.ok(findings.some((f) => f.rule === 'missing-section'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lints the first stories of a 10 MB bank and says so', () => {
      const dir = tempDir();
      try {
        const story = CLEAN_STORY.replace(/^---[\s\S]*?---\n/, '');
        writeFileSync(join(dir, 'huge.md'), story.repeat(Math.ceil(10_000_000 / story.length)));
        const { findings, run: r } = json(['huge.md', '--today', TODAY], { cwd: dir });
        assert.equal(r.status, 0, r.stderr);
        const large = findings.find((f) => f.rule === 'large-file');
        assert.ok(large, 'large-file finding');
        assert.equal(large.line, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('--today', () => {
    it('changes what recency reports', () => {
      const file = join(FIXTURES, 'old-story.md');
      const early = json([file, '--today', '2022-01-01']).findings;
      const late = json([file, '--today', TODAY]).findings;
      assert.ok(!early.some((f) => f.rule === 'recency'));
      const recency = late.find((f) => f.rule === 'recency');
      assert.ok(recency);
      assert.match(recency.message, /2021-06, 5 years and 5 months ago/);
    });
  });

  describe('paths and globs', () => {
    it('expands globs and lints each file once, in a stable order', () => {
      const one = json(['examples/story-bank/0[1-3]-*.md', 'examples/story-bank/03-promotion-uplift-with-finance.md', '--today', TODAY]).findings;
      const files = [...new Set(one.map((f) => f.file))];
      assert.ok(files.includes('examples/story-bank/03-promotion-uplift-with-finance.md'));
      assert.ok(
        files.every((f) => /^examples\/story-bank\/0[1-3]-/.test(f!)),
        files.join(', '),
      );
      assert.equal(one.filter((f) => f.rule === 'result-metric').length, 1, 'the file named twice is linted once');
      const twice = json(['examples/story-bank/03-promotion-uplift-with-finance.md', 'examples/story-bank/0[1-3]-*.md', '--today', TODAY]).findings;
      assert.deepEqual(twice, one);
    });
  });

  describe('cards', () => {
    it('writes one HTML cue card per story to --out', () => {
      const dir = tempDir();
      const out = join(dir, 'cards.html');
      const r = run(['cards', BANK, '--out', out, '--today', TODAY]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /wrote 8 cue cards/);
      const html = readFileSync(out, 'utf8');
      assert.equal(html.match(/<section class="card">/g)?.length, 8);
      assert.match(html, /from 2\.1% to 3\.4%/);
    });

    it('prints Markdown cards with --format md', () => {
      const r = run(['cards', BANK, '--format', 'md', '--today', TODAY]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.match(/^## /gm)?.length, 8);
      assert.match(r.stdout, /\*\*Headline metric:\*\* /);
    });

    it('never overwrites an existing --out file unless --force is given', () => {
      const dir = mkdtempSync(join(tmpdir(), 'starlint-cards-out-'));
      try {
        const out = join(dir, 'cards.html');
        writeFileSync(out, 'mine');
        const kept = run(['cards', BANK, '--out', out, '--today', TODAY]);
        assert.equal(kept.status, 2, kept.stderr);
        assert.match(kept.stderr, /already exists; not overwritten \(pass --force to replace it\)/);
        assert.equal(readFileSync(out, 'utf8'), 'mine');
        const forced = run(['cards', BANK, '--out', out, '--force', '--today', TODAY]);
        assert.equal(forced.status, 0, forced.stderr);
        assert.match(readFileSync(out, 'utf8'), /<html/i);
        const usage = run([BANK, '--force']);
        assert.equal(usage.status, 2);
        assert.match(usage.stderr, /--force goes with "starlint cards --out"/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses --out without cards', () => {
      const r = run([BANK, '--out', 'x.html']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--out goes with "starlint cards"/);
    });
  });
});
