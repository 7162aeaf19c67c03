// The pre-commit hook (.pre-commit-hooks.yaml), installed by the real `pre-commit` tool the way a
// user's configuration installs it — from a clone of this repository at a commit — into a
// repository of stories, where `git commit` runs it.
import { needTool } from '../helpers/tools';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT, sourceSnapshot } from '../package/pack';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(300_000);
  let home: string;
  let repo: string;
  const env = () => ({ ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never', npm_config_prefer_offline: 'true' });
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'user.name=A Writer', '-c', 'user.email=writer@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      env: env(),
      encoding: 'utf8',
      timeout: 280_000,
    });
  const commits = () => Number(git('rev-list', '--count', '--all').stdout.trim() || 0);

  before(function () {
    needTool(this, hasPreCommit, '`pre-commit` is not on PATH — `apt-get install -y pre-commit` to run these tests');
    home = mkdtempSync(join(tmpdir(), 'starlint-pre-commit-home-'));
    repo = mkdtempSync(join(tmpdir(), 'starlint-pre-commit-repo-'));
    const source = sourceSnapshot();
    git('init', '-q');
    // What a user writes, with the repository's URL replaced by this working tree's snapshot.
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      ['repos:', `  - repo: ${source.dir}`, `    rev: ${source.commit}`, '    hooks:', '      - id: starlint', ''].join('\n'),
    );
    execFileSync('pre-commit', ['install'], { cwd: repo, env: env() });
  });

  after(() => {
    for (const d of [home, repo]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('is a valid hooks manifest: id starlint, language node, Markdown files', () => {
    const r = spawnSync('pre-commit', ['validate-manifest', join(ROOT, '.pre-commit-hooks.yaml')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const [hook] = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.equal(hook.id, 'starlint');
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
  });

  it('lets a good story through (installing the hook from the repository on first use)', () => {
    mkdirSync(join(repo, 'stories'));
    copyFileSync(join(ROOT, 'test/fixtures/cli/clean.md'), join(repo, 'stories/good.md'));
    git('add', '-A');
    const r = git('commit', '-m', 'A good story');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /starlint\.+Passed/);
    assert.equal(commits(), 1);
  });

  it('blocks a story with an error, with starlint’s message', () => {
    copyFileSync(join(ROOT, 'test/fixtures/cli/errors.md'), join(repo, 'stories/bad.md'));
    git('add', '-A');
    const r = git('commit', '-m', 'A bad story');
    assert.equal(r.status, 1);
    const out = r.stdout + r.stderr;
    assert.match(out, /starlint\.+Failed/);
    assert.match(out, /stories\/bad\.md\n {2}8:3 {2}error {4}Story has no Result section: add "## Result"/);
    assert.doesNotMatch(out, /good\.md/, 'only the staged files are linted');
    assert.equal(commits(), 1, 'the commit did not happen');
  });

  it('passes Markdown that is not a story, and skips files that are not Markdown', () => {
    git('rm', '-q', '--cached', 'stories/bad.md');
    writeFileSync(join(repo, 'README.md'), '# My interview prep\n\nNotes on where I keep my stories.\n');
    writeFileSync(join(repo, 'notes.txt'), 'Situation: none\n');
    git('add', 'README.md', 'notes.txt');
    const r = git('commit', '-m', 'Notes');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(commits(), 2);
  });
});
