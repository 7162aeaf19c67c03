// `starlint init`, run as a user runs it: the built CLI in a fresh temporary folder. What it
// writes is read back by the real parts that will read it: the story parser, the configuration
// loader, the GitHub workflow schema and (where installed) pre-commit itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../server/src/engine';
import { loadConfigFile } from '../server/src/node/config-files';
import { applySetup, planSetup, type SetupFs } from '../shared/setup';
import { schemaErrors } from './ci/schemas';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'starlint.js');

function init(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'init', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('starlint init', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'starlint-init-'));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('sets up a fresh folder: an example story and a .starlintrc.json', () => {
    const dir = temp();
    const r = init(dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(tree(dir), ['.starlintrc.json', 'stories/my-first-story.md']);
    assert.match(r.stdout, /created {2}stories\/my-first-story\.md/);
    assert.match(r.stdout, /Next: rewrite stories\/my-first-story\.md .* then run `npx starlint`/);

    const doc = parseDocument(readFileSync(join(dir, 'stories/my-first-story.md'), 'utf8'));
    assert.equal(doc.stories.length, 1);
    assert.equal(doc.stories[0].title, 'My first story');
    assert.deepEqual(Object.keys(doc.stories[0].star).sort(), ['action', 'result', 'situation', 'task']);

    const config = loadConfigFile(join(dir, '.starlintrc.json'));
    assert.deepEqual(config.problems, []);
    assert.equal(config.config.targetCompany, undefined);
  });

  it('names the target company, validated against the known companies', () => {
    const dir = temp();
    assert.equal(init(dir, '--company', 'Amazon').status, 0);
    const config = loadConfigFile(join(dir, '.starlintrc.json'));
    assert.deepEqual(config.problems, []);
    assert.equal(config.config.targetCompany, 'amazon');

    const bad = temp();
    const r = init(bad, '--company', 'amazn');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Unknown company "amazn": use one of amazon, google, meta, anthropic, openai\./);
    assert.deepEqual(tree(bad), [], 'nothing is written when an option is wrong');
    assert.equal(init(bad, '--ci', 'gitlab').status, 2);
    assert.equal(init(bad, '--frobnicate').status, 2);
    assert.deepEqual(tree(bad), []);
  });

  it('adds a GitHub workflow that uses the Action and is a valid workflow', () => {
    const dir = temp();
    assert.equal(init(dir, '--ci', 'github').status, 0);
    assert.deepEqual(tree(dir), ['.github/workflows/starlint.yml', '.starlintrc.json', 'stories/my-first-story.md']);
    const workflow = parseYaml(readFileSync(join(dir, '.github/workflows/starlint.yml'), 'utf8'));
    assert.deepEqual(schemaErrors('github-workflow', workflow), []);
    const steps = workflow.jobs.starlint.steps as { uses?: string; with?: Record<string, unknown> }[];
    assert.deepEqual(
      steps.map((s) => s.uses),
      ['actions/checkout@v4', 'starlint/starlint@main'],
    );
    // Every input the workflow passes is one the Action declares.
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    for (const input of Object.keys(steps[1].with ?? {})) assert.ok(action.inputs[input], `action.yml has no input "${input}"`);
  });

  it('adds a pre-commit configuration that pre-commit accepts, and both with --ci github,pre-commit', function () {
    const dir = temp();
    assert.equal(init(dir, '--ci', 'github,pre-commit').status, 0);
    assert.deepEqual(tree(dir), ['.github/workflows/starlint.yml', '.pre-commit-config.yaml', '.starlintrc.json', 'stories/my-first-story.md']);
    const config = parseYaml(readFileSync(join(dir, '.pre-commit-config.yaml'), 'utf8'));
    assert.deepEqual(config.repos[0].hooks, [{ id: 'starlint' }]);
    const manifest = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    assert.ok(manifest.some((h) => h.id === 'starlint'));
    if (spawnSync('pre-commit', ['--version']).status !== 0) {
      console.log('    (pre-commit is not installed: its own check of the file was skipped)');
      return;
    }
    const v = spawnSync('pre-commit', ['validate-config', '.pre-commit-config.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout + v.stderr);
  });

  it('never overwrites: a second run skips every file and says so', () => {
    const dir = temp();
    assert.equal(init(dir, '--ci', 'github', '--ci', 'pre-commit').status, 0);
    writeFileSync(join(dir, 'stories/my-first-story.md'), 'my own words\n');
    writeFileSync(join(dir, '.starlintrc.json'), '{ "wordsPerMinute": 140 }\n');
    const before = tree(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const r = init(dir, '--company', 'google', '--ci', 'github', '--ci', 'pre-commit');
    assert.equal(r.status, 0);
    assert.deepEqual(
      tree(dir).map((f) => readFileSync(join(dir, f), 'utf8')),
      before,
    );
    assert.doesNotMatch(r.stdout, /created/);
    assert.equal(r.stdout.match(/ skipped /g)?.length, 4);
    assert.match(r.stdout, /skipped {2}\.starlintrc\.json +already exists; add "targetCompany": "google" to it yourself/);
  });

  it('refuses a path through a symbolic link that leads outside the folder, and writes nothing there', () => {
    const outside = temp();
    const dir = temp();
    symlinkSync(outside, join(dir, 'stories'));
    mkdirSync(join(dir, '.github'));
    symlinkSync(join(outside, 'elsewhere'), join(dir, '.github', 'workflows')); // dangling
    const r = init(dir, '--ci', 'github');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /refused {2}stories\/my-first-story\.md +stories is a symbolic link that leads outside this folder/);
    assert.match(r.stdout, /refused {2}\.github\/workflows\/starlint\.yml +\.github\/workflows is a symbolic link that leads nowhere/);
    assert.match(r.stdout, /created {2}\.starlintrc\.json/);
    assert.deepEqual(tree(outside), []);
    assert.equal(existsSync(join(outside, 'elsewhere')), false);
  });

  it('follows a symbolic link that stays inside the folder', () => {
    const dir = temp();
    mkdirSync(join(dir, 'notes', 'star'), { recursive: true });
    symlinkSync(join(dir, 'notes', 'star'), join(dir, 'stories'));
    const r = init(dir);
    assert.equal(r.status, 0, r.stdout);
    assert.ok(existsSync(join(dir, 'notes', 'star', 'my-first-story.md')));
  });

  it('still lints a folder named "init"', () => {
    const dir = temp();
    mkdirSync(join(dir, 'init'));
    const r = init(dir);
    assert.equal(r.status, 0);
    assert.deepEqual(tree(dir), [], 'linting an empty folder writes nothing');
  });
});

describe('setup planner and writer', () => {
  /** An in-memory file system: enough to check the writer's decisions without a disk. */
  function memoryFs(entries: Record<string, 'file' | 'folder' | { link: 'inside' | 'outside' | 'dangling' }>): SetupFs & { written: Map<string, string> } {
    const written = new Map<string, string>();
    const kindOf = (p: string) => entries[p] ?? (written.has(p) ? 'file' : undefined);
    return {
      written,
      async kind(p) {
        const e = kindOf(p);
        return e === undefined ? 'missing' : typeof e === 'object' ? 'link' : e;
      },
      async leadsInside(p) {
        const e = entries[p];
        return typeof e === 'object' ? (e.link === 'dangling' ? undefined : e.link === 'inside') : true;
      },
      async makeFolder(p) {
        entries[p] = 'folder';
      },
      async createFile(p, text) {
        if (kindOf(p)) return 'exists';
        written.set(p, text);
        return 'created';
      },
    };
  }

  it('plans only the files asked for', () => {
    assert.deepEqual(
      planSetup({ ci: ['pre-commit'] }).files.map((f) => f.path),
      ['stories/my-first-story.md', '.starlintrc.json', '.pre-commit-config.yaml'],
    );
    assert.deepEqual(planSetup({ company: 'x', ci: ['y'] }), {
      files: [],
      problems: ['Unknown company "x": use one of amazon, google, meta, anthropic, openai.', 'Unknown CI "y": use github or pre-commit.'],
    });
  });

  it('writes into missing folders, skips what exists and refuses what is in the way', async () => {
    const fs = memoryFs({ '.starlintrc.json': 'file', '.github': 'file' });
    const result = await applySetup(planSetup({ ci: ['github'] }).files, fs);
    assert.deepEqual([...fs.written.keys()], ['stories/my-first-story.md']);
    assert.deepEqual(
      result.skipped.map((s) => [s.file.path, s.reason]),
      [['.starlintrc.json', 'already exists']],
    );
    assert.deepEqual(
      result.refused.map((s) => [s.file.path, s.reason]),
      [['.github/workflows/starlint.yml', '.github is a file, not a folder']],
    );
  });

  it('treats a link as the file itself: an existing story reached through a link is skipped', async () => {
    const fs = memoryFs({ stories: { link: 'inside' }, 'stories/my-first-story.md': { link: 'inside' } });
    const result = await applySetup(planSetup().files, fs);
    assert.deepEqual(
      result.skipped.map((s) => s.file.path),
      ['stories/my-first-story.md'],
    );
    assert.deepEqual([...fs.written.keys()], ['.starlintrc.json']);
  });
});
