// starlint as a unified plugin, run by the real remark-cli as a remark user runs it: a project with
// `starlint` in node_modules, `remark --use starlint/remark stories/` or a `.remarkrc`, the JSON
// reporter for the messages. The messages must be the CLI's findings: same rules, same places.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const REMARK = join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
const TODAY = '2026-11-25';

interface VMessage {
  line: number;
  column: number;
  place: { start: { line: number; column: number }; end: { line: number; column: number } };
  reason: string;
  ruleId: string;
  source: string;
  fatal?: boolean | null;
  url?: string;
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'starlint-remark-'));
  mkdirSync(join(dir, 'node_modules'));
  // `starlint` is installed as npm links a local package; the JSON reporter is remark-cli's own.
  symlinkSync(ROOT, join(dir, 'node_modules', 'starlint'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'vfile-reporter-json'), join(dir, 'node_modules', 'vfile-reporter-json'), 'dir');
  cpSync(join(ROOT, 'examples', 'story-bank'), join(dir, 'stories'), { recursive: true });
  return dir;
}

function remark(dir: string, args: string[]): { status: number | null; files: { path: string; messages: VMessage[] }[]; stderr: string } {
  const r = spawnSync(process.execPath, [REMARK, '--no-stdout', '--report', 'json', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  // The JSON reporter writes to stderr.
  const json = r.stderr.slice(r.stderr.indexOf('['));
  return { status: r.status, files: JSON.parse(json), stderr: r.stderr };
}

function cli(
  dir: string,
  args: string[],
): { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'starlint.js'), ...args, '--format', 'json', '--today', TODAY], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(r.stdout);
}

describe('starlint/remark: the unified plugin in the real remark-cli', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = project();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the CLI findings as vfile messages: rule id, source, place, docs link, severity', () => {
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [['starlint/remark', { today: TODAY }]] }));
    const { status, files } = remark(dir, ['stories']);
    const expected = cli(dir, ['stories']);
    assert.ok(expected.length > 20, 'the example bank has findings');
    const got = files.flatMap((f) =>
      f.messages.map((m) => ({
        file: f.path,
        line: m.place.start.line,
        column: m.place.start.column,
        endLine: m.place.end.line,
        endColumn: m.place.end.column,
        severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
        rule: m.ruleId,
        message: m.reason,
      })),
    );
    const key = (f: { file: string; line: number; column: number; rule: string }): string => `${f.file}:${f.line}:${f.column} ${f.rule}`;
    assert.deepEqual(got.map(key).sort(), expected.map(key).sort());
    // Severity, message and end position agree finding by finding.
    const byKey = new Map(expected.map((f) => [key(f), f]));
    for (const g of got) {
      const e = byKey.get(key(g))!;
      assert.equal(g.severity, e.severity === 'hint' ? 'info' : e.severity, key(g));
      assert.equal(g.message, e.message);
      assert.deepEqual([g.endLine, g.endColumn], [e.endLine, e.endColumn], key(g));
    }
    for (const m of files.flatMap((f) => f.messages)) {
      assert.equal(m.source, 'starlint');
      assert.equal(m.url, `https://github.com/starlint/starlint/blob/main/docs/rules/${m.ruleId}.md`);
    }
    // The bank has an error-severity finding (a Result with no number): fatal, so remark exits 1.
    assert.ok(got.some((g) => g.severity === 'error'));
    assert.equal(status, 1);
  });

  it('runs with `--use starlint/remark`; `--frail` fails on warnings, and only then', () => {
    // One clean story with warnings but no error.
    const story = join('stories', '02-fraud-scoring-latency.md');
    const plain = remark(dir, ['--use', 'starlint/remark', story]);
    assert.equal(plain.status, 0, plain.stderr);
    writeFileSync(
      join(dir, 'stories', 'weak.md'),
      '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nWe built it. We tested it. We shipped it.\n\n## Result\n\nChurn fell 5%. I learned to check labels first.\n',
    );
    const weak = remark(dir, ['--use', 'starlint/remark', join('stories', 'weak.md')]);
    assert.equal(weak.status, 0, 'warnings alone do not fail');
    assert.ok(weak.files[0].messages.some((m) => m.ruleId === 'first-person' && m.fatal === false));
    const frail = remark(dir, ['--use', 'starlint/remark', '--frail', join('stories', 'weak.md')]);
    assert.equal(frail.status, 1);
  });

  it('reads .starlintrc.json upward from each file, and the plugin options over it', () => {
    writeFileSync(join(dir, 'stories', '.starlintrc.json'), JSON.stringify({ rules: { 'result-metric': 'off' } }));
    const withRc = remark(dir, ['--use', 'starlint/remark', 'stories']);
    const rules = new Set(withRc.files.flatMap((f) => f.messages.map((m) => m.ruleId)));
    assert.ok(!rules.has('result-metric'), 'turned off by the file');
    assert.ok(rules.has('first-person'));
    writeFileSync(join(dir, '.remarkrc.json'), JSON.stringify({ plugins: [['starlint/remark', { config: { rules: { 'first-person': 'off' } } }]] }));
    const withOptions = remark(dir, ['stories']);
    const rules2 = new Set(withOptions.files.flatMap((f) => f.messages.map((m) => m.ruleId)));
    assert.ok(!rules2.has('first-person') && !rules2.has('result-metric'));
    assert.equal(withOptions.status, 0);
  });

  it('reports a broken .starlintrc.json at its line and column, and fails', () => {
    writeFileSync(join(dir, 'stories', '.starlintrc.json'), '{\n  "rules": {\n    "first-person": "loud"\n  }\n}\n');
    const r = remark(dir, ['--use', 'starlint/remark', join('stories', '02-fraud-scoring-latency.md')]);
    assert.equal(r.status, 1);
    const m = r.files[0].messages.find((x) => x.ruleId === 'configuration');
    assert.ok(m, JSON.stringify(r.files[0].messages));
    assert.match(m.reason, /\.starlintrc\.json:3:5: Severity of "first-person" must be one of off, hint, info, warning, error/);
    assert.equal(m.fatal, true);
  });

  it('gives a Markdown file that is not a story no message', () => {
    writeFileSync(join(dir, 'README.md'), '# My stories\n\nSee the stories folder. The Situation is explained there.\n');
    const r = remark(dir, ['--use', 'starlint/remark', 'README.md']);
    assert.equal(r.status, 0);
    assert.deepEqual(r.files[0].messages, []);
  });
});
