import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, starlint, starlintDiagnostics, until } from './helpers';

describe('activation', function () {
  this.timeout(60_000);

  it('activates, starts the language server and fetches the bank', async () => {
    const api = await starlint();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(api.client.isRunning(), true);
    const report = api.bank.report;
    assert.ok(report, 'no bank report');
    assert.equal(report.stories.length, 8, `stories: ${report.stories.map((s) => s.title).join(' | ')}`);
  });

  it("on start-up the Problems panel holds every story file's diagnostics, unopened, and counts what the Story Bank counts", async () => {
    const api = await starlint();
    const report = api.bank.report!;
    const expected = report.stories.reduce((n, s) => n + s.problems.error + s.problems.warning + s.problems.info + s.problems.hint, 0);
    assert.ok(expected > 0, 'the example bank has problems');
    const published = () => report.stories.reduce((n, s) => n + starlintDiagnostics(vscode.Uri.parse(s.uri)).length, 0);
    await until(() => published() === expected, `${expected} starlint problems in the Problems panel (have ${published()})`, 30_000);
    const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    assert.ok(!report.stories.some((s) => opened.has(vscode.Uri.parse(s.uri).toString())), 'no story file had to be opened');
    const nonStory = vscode.languages.getDiagnostics().filter(([uri, list]) => uri.path.endsWith('/README.md') && list.some((d) => d.source === 'starlint'));
    assert.deepEqual(nonStory, [], 'the README is not a story');
  });

  it('registers every command the manifest declares', async () => {
    await starlint();
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      declared.filter((c) => !registered.has(c)),
      [],
    );
    for (const id of [
      'starlint.newStory',
      'starlint.lintAll',
      'starlint.showCoverage',
      'starlint.openRuleDocs',
      'starlint.refreshBank',
      'starlint.markPracticedToday',
      'starlint.openCueCards',
    ])
      assert.ok(declared.includes(id), id);
    // The server's own command, registered by the language client.
    assert.ok(registered.has('starlint.markPracticed'));
  });

  it('contributes the views, snippets, grammar and config schema', () => {
    const c = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.deepEqual(
      c.views.starlint.map((v: { id: string }) => v.id),
      ['starlint.bank', 'starlint.coverage', 'starlint.practice'],
    );
    assert.equal(c.viewsContainers.activitybar[0].id, 'starlint');
    assert.equal(c.snippets[0].language, 'markdown');
    assert.deepEqual(c.grammars[0].injectTo, ['text.html.markdown']);
    assert.equal(c.jsonValidation[0].fileMatch, '.starlintrc.json');
  });
});
