// A real editor: Emacs in batch mode with eglot (the configuration docs/editors.md gives) runs
// test/lsp/emacs/harness.el against the built server and writes what flymake shows as JSON.
import { needTool } from '../helpers/tools';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, ensureBuilt } from './helpers/client';
import { runEditorHarness } from './helpers/editor';

interface FlymakeDiagnostic {
  line: number;
  col: number;
  type: string;
  text: string;
}

interface HarnessResult {
  error?: string;
  open?: FlymakeDiagnostic[];
  edited?: FlymakeDiagnostic[];
  hover?: string;
}

const ELPA = '(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list \'load-path d))';

function emacsWithEglot(): boolean {
  const r = spawnSync('emacs', ['--batch', '-Q', '--eval', `(progn ${ELPA} (require 'eglot) (require 'markdown-mode))`], { encoding: 'utf8' });
  return r.status === 0;
}

describe('editor: Emacs (batch, eglot)', function () {
  this.timeout(90_000);
  let dir: string;
  let result: HarnessResult;

  before(async function () {
    needTool(this, emacsWithEglot(), 'Emacs with eglot and markdown-mode is not installed — e.g. `apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode`');
    ensureBuilt();
    const run = await runEditorHarness<HarnessResult>('emacs', ['--batch', '-Q', '-l', path.join(ROOT, 'test/lsp/emacs/harness.el')]);
    dir = run.dir;
    result = run.result;
    assert.equal(result.error, undefined, `harness failed: ${result.error}`);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the server’s diagnostics in flymake, with source and rule id', () => {
    const we = result.open!.filter((d) => d.text.startsWith('starlint [first-person]'));
    assert.deepEqual(
      we.map((d) => [d.line, d.col]).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      [
        [20, 0],
        [20, 67],
        [21, 80],
        [22, 35],
      ],
    );
  });

  it('follows eglot’s incremental edits', () => {
    const vague = result.edited!.find((d) => d.text.startsWith('starlint [vague-language]'))!;
    assert.deepEqual([vague.line, vague.col], [20, 8]);
  });

  it('hovers a section heading', () => {
    assert.match(result.hover!, /^\*\*Action\*\* · \d+ words · \d+ % of the story/);
  });
});
