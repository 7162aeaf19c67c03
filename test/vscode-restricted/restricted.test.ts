// Restricted Mode in a real VS Code: the runner opens test/fixtures/untrusted-workspace with
// workspace trust on and nothing trusted (run-code-server-tests.mjs --untrusted). Its
// .starlintrc.json narrows the scan to drafts/ and its settings ignore stories/ and point
// bankFolder out of the workspace; untrusted, none of that applies.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StarlintApi } from '../../client/src/extension';
import { EXTENSION_ID, until } from '../vscode/helpers';

describe('Restricted Mode (an untrusted workspace)', function () {
  this.timeout(90_000);
  let api: StarlintApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<StarlintApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    api = await ext.activate();
    await api.ready;
  });

  it('runs in an untrusted workspace, and says so in the status bar', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(api.trust.shown, true);
    assert.match(api.trust.item.text, /Restricted Mode/);
  });

  it('scans with the built-in globs: the workspace settings and .starlintrc.json globs are not used', async () => {
    const titles = await until(
      async () => {
        const r = await api.bank.refresh().then(() => api.bank.report);
        const t = r?.stories.map((s) => s.title).sort() ?? [];
        return !r?.partial && t.length === 3 && t;
      },
      'the three stories the default globs find',
      60_000,
      250,
    );
    assert.deepEqual(titles, ['A draft only the workspace configuration reads', 'A ranking test that lost', 'Churn labels that broke']);
  });

  it('withholds the workspace value of a restricted setting (bankFolder)', () => {
    const settings = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json'), 'utf8');
    assert.match(settings, /"starlint\.bankFolder": "\.\.\/\.\.\/outside"/, 'the workspace does set it');
    const config = vscode.workspace.getConfiguration('starlint');
    assert.equal(config.get<string>('bankFolder'), '', 'but VS Code does not apply it');
    assert.equal(config.inspect<string>('bankFolder')?.workspaceValue, undefined);
  });

  it('still lints the stories you open', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'stories', 'churn-labels.md');
    await vscode.window.showTextDocument(uri);
    const codes = await until(
      () => {
        const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'starlint');
        return list.length > 0 && list.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
      },
      'starlint diagnostics on the opened story',
      30_000,
    );
    assert.ok(codes.includes('result-metric'), codes.join(', '));
  });
});
