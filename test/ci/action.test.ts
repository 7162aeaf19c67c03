// The GitHub Action (action.yml): valid against the Actions metadata schema, and its steps' `run:`
// scripts run here as the runner runs them — bash with `-eo pipefail`, inputs and step outputs
// substituted into `env:`, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files — on a repository of
// stories.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT, pack, sourceSnapshot } from '../package/pack';
import { schemaErrors } from './schemas';

interface Step {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const EXPRESSION = /\$\{\{\s*([^}]+?)\s*\}\}/g;

interface ActionRun {
  /** The exit code of the step that failed, or 0. */
  code: number;
  failedStep?: string;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the composite steps in order, as the runner does, and stops at the first that fails. */
function runAction(inputs: Record<string, string>, workspace: string, actionPath = ROOT): ActionRun {
  const temp = mkdtempSync(join(tmpdir(), 'starlint-runner-'));
  const summary = join(temp, 'summary.md');
  writeFileSync(summary, '');
  const steps: Record<string, Record<string, string>> = {};
  const evaluate = (text: string) =>
    text.replace(EXPRESSION, (_, expr: string) => {
      let m = /^inputs\.([\w-]+)$/.exec(expr);
      if (m) return inputs[m[1]] ?? action.inputs[m[1]]?.default ?? '';
      m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      if (m) return steps[m[1]]?.[m[2]] ?? '';
      throw new Error(`the test runner does not know the expression ${expr}`);
    });
  let stdout = '';
  let stderr = '';
  try {
    for (const [i, step] of action.runs.steps.entries()) {
      const output = join(temp, `output-${i}`);
      writeFileSync(output, '');
      const script = join(temp, `step-${i}.sh`);
      writeFileSync(script, step.run!);
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: temp,
        npm_config_prefer_offline: 'true',
      };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = evaluate(v);
      const cwd = join(workspace, evaluate(step['working-directory'] ?? '.'));
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 240_000 });
      stdout += r.stdout;
      stderr += r.stderr;
      if (step.id)
        steps[step.id] = Object.fromEntries(
          readFileSync(output, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
        );
      if (r.status !== 0)
        return { code: r.status ?? -1, failedStep: step.name, stdout, stderr, outputs: outputsOf(evaluate), summary: readFileSync(summary, 'utf8') };
    }
    return { code: 0, stdout, stderr, outputs: outputsOf(evaluate), summary: readFileSync(summary, 'utf8') };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function outputsOf(evaluate: (s: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, evaluate(o.value)]));
}

/** A repository of stories: one with an error, one clean, one with warnings only. */
function storiesRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'starlint-workspace-'));
  mkdirSync(join(dir, 'stories'));
  copyFileSync(join(ROOT, 'test/fixtures/cli/errors.md'), join(dir, 'stories/bad.md'));
  copyFileSync(join(ROOT, 'test/fixtures/cli/clean.md'), join(dir, 'stories/good.md'));
  copyFileSync(join(ROOT, 'test/fixtures/cli/old-story.md'), join(dir, 'old.md'));
  return dir;
}

describe('GitHub Action (action.yml)', function () {
  this.timeout(300_000);

  it('is valid against the Actions metadata schema', () => {
    assert.deepEqual(schemaErrors('github-action', action), []);
    assert.equal(action.runs.using, 'composite');
  });

  it('declares every input it reads and reads every input it declares', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const used = new Set([...text.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort());
    for (const name of ['paths', 'bank', 'config', 'max-warnings', 'version']) assert.ok(action.inputs[name]?.description, name);
  });

  it('never puts an expression inside a script: inputs reach the shell only through env', () => {
    // `${{ inputs.paths }}` pasted into `run:` would let a crafted input run commands.
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.name);
  });

  describe('running its steps with an installed tarball (version: <tarball>)', () => {
    let workspace: string;
    let tarball: string;
    before(() => {
      tarball = pack().tarball;
      workspace = storiesRepo();
    });
    after(() => rmSync(workspace, { recursive: true, force: true }));

    it('annotates the findings and fails on an error', () => {
      const r = runAction({ version: tarball }, workspace);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.failedStep, 'Lint stories');
      assert.equal(r.outputs['exit-code'], '1');
      assert.match(r.stdout, /^::error file=stories\/bad\.md,line=8,col=3,.*title=starlint missing-section::Story has no Result section/m);
      assert.doesNotMatch(r.stdout, /file=stories\/good\.md/);
      assert.match(r.summary, /### starlint\n```\nold\.md\n/);
    });

    it('lints only the paths given, globs included, and passes on clean stories', () => {
      const r = runAction({ version: tarball, paths: 'stories/good.md\nstories/g*.md' }, workspace);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.outputs['exit-code'], '0');
      assert.doesNotMatch(r.stdout, /^::error/m);
    });

    it('fails on too many warnings with max-warnings', () => {
      const passes = runAction({ version: tarball, paths: 'old.md' }, workspace);
      assert.equal(passes.code, 0, passes.stdout + passes.stderr);
      assert.match(passes.stdout, /^::warning file=old\.md/m);
      const fails = runAction({ version: tarball, paths: 'old.md', 'max-warnings': '0' }, workspace);
      assert.equal(fails.code, 1);
      assert.match(fails.stderr, /more than --max-warnings 0/);
    });

    it('judges the bank with bank: true, and reads the config given', () => {
      const config = join(workspace, 'strict.json');
      writeFileSync(config, '{ "rules": { "bank-size": "error" } }');
      const r = runAction({ version: tarball, paths: 'stories/good.md', bank: 'true', config: 'strict.json' }, workspace);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /^::error title=starlint bank-size::/m);
    });

    it('runs in a working directory', () => {
      const r = runAction({ version: tarball, 'working-directory': 'stories', paths: 'good.md' }, workspace);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    });

    it('stops with a clear message on a usage error', () => {
      const r = runAction({ version: tarball, paths: 'missing/' }, workspace);
      assert.equal(r.code, 2);
      assert.equal(r.outputs['exit-code'], '2');
      assert.match(r.stderr, /missing/);
    });
  });

  it('builds starlint from its own checkout by default (version: source), as while unpublished', () => {
    // A clean copy of this repository stands for the Action's checkout on the runner.
    const source = sourceSnapshot().dir;
    const workspace = storiesRepo();
    try {
      const r = runAction({ paths: 'stories' }, workspace, source);
      assert.equal(r.code, 1, `${r.failedStep}: ${r.stderr}`);
      assert.equal(r.failedStep, 'Lint stories', 'installed and built, then found the error');
      assert.match(r.stdout, /^::error file=stories\/bad\.md/m);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(join(source, 'node_modules'), { recursive: true, force: true });
    }
  });
});
