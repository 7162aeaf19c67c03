// A real editor: headless Neovim runs test/lsp/neovim/harness.lua, which starts the built server
// with vim.lsp.start_client, edits the buffer, applies a quick fix, and writes what it saw as JSON.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { needTool } from '../helpers/tools';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, ensureBuilt } from './helpers/client';
import { runEditorHarness } from './helpers/editor';

interface NvimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  source: string;
  message: string;
}

interface HarnessResult {
  error?: string;
  steps: { open?: NvimDiagnostic[]; hover?: string; edited?: NvimDiagnostic[]; actions?: string[]; fixed_line?: string };
}

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

describe('editor: Neovim (headless, vim.lsp.start_client)', function () {
  this.timeout(90_000);
  let dir: string;
  let result: HarnessResult;

  before(async function () {
    const version = nvimVersion();
    needTool(this, Boolean(version), '`nvim` is not on PATH — install Neovim 0.7+, e.g. `apt-get install -y neovim`, to run this test');
    ensureBuilt();
    const run = await runEditorHarness<HarnessResult>('nvim', ['--headless', '--clean', '-u', path.join(ROOT, 'test/lsp/neovim/harness.lua')]);
    dir = run.dir;
    result = run.result;
    assert.equal(result.error, undefined, `harness failed: ${result.error}`);
    assert.equal(run.code, 0);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the server’s diagnostics in vim.diagnostic with code, source and severity', () => {
    const open = result.steps.open!;
    const we = open.filter((d) => d.code === 'first-person');
    assert.deepEqual(
      we.map((d) => [d.lnum, d.col]),
      [
        [20, 0],
        [20, 67],
        [21, 80],
        [22, 35],
      ],
    );
    assert.ok(open.every((d) => d.source === 'starlint'));
    assert.equal(we[0].severity, 2, 'vim.diagnostic.severity.WARN');
  });

  it('hovers a section heading', () => {
    assert.match(result.steps.hover!, /^\*\*Action\*\* · \d+ words · \d+ % of the story \(target 50–60 %\)/);
  });

  it('follows Neovim’s incremental edits', () => {
    const vague = result.steps.edited!.find((d) => d.code === 'vague-language')!;
    assert.deepEqual([vague.lnum, vague.col, vague.end_col], [20, 8, 18]);
  });

  it('applies a quick fix through Neovim and the diagnostic goes away', () => {
    assert.ok(result.steps.actions!.includes('Disable first-person for this line'));
    assert.match(result.steps.fixed_line!, /^I tried a bunch of things\. I compared three options/);
  });
});
