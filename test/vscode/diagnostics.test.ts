import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, open, ruleOf, starlint, starlintDiagnostics, storyUri, until } from './helpers';

const WE_STORY = '03-promotion-uplift-with-finance.md';

describe('diagnostics in the editor', function () {
  this.timeout(60_000);
  before(() => starlint());
  afterEach(() => closeAllWithoutSaving());

  it('reports first-person on the story told with "we"', async () => {
    const uri = storyUri(WE_STORY);
    await open(uri);
    const found = await until(() => starlintDiagnostics(uri, 'first-person').length > 0 && starlintDiagnostics(uri), 'first-person diagnostics');
    const d = found.find((x) => ruleOf(x) === 'first-person')!;
    assert.equal(d.source, 'starlint');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(d.range), /^we$/i, 'the range is the offending word');
    assert.ok(typeof d.code === 'object' && String(d.code.target).includes('first-person'), 'the code links to the rule docs');
  });

  it('gives no diagnostics to a Markdown file that is not a story', async () => {
    const uri = storyUri('README.md');
    await open(uri);
    // The story beside it gets its diagnostics first; by then the README has been linted too.
    await open(WE_STORY);
    await until(() => starlintDiagnostics(storyUri(WE_STORY)).length > 0, 'diagnostics on the story');
    assert.deepEqual(starlintDiagnostics(uri), []);
  });

  it('applies a quick fix ("we built" → "I built") and the diagnostics follow the edit', async () => {
    const uri = storyUri(WE_STORY);
    const editor = await open(uri);
    const before = await until(
      () => starlintDiagnostics(uri, 'first-person').length > 0 && starlintDiagnostics(uri, 'first-person'),
      'first-person diagnostics',
    );
    let fix: vscode.CodeAction | undefined;
    let target: vscode.Diagnostic | undefined;
    for (const d of before) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      fix = actions.find((a) => a.title.startsWith('Rewrite') && a.edit);
      if (fix) {
        target = d;
        break;
      }
    }
    assert.ok(fix?.edit && target, `no "Rewrite … as I …" quick fix among: ${before.length} first-person diagnostics`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(editor.document.getText(new vscode.Range(target.range.start, target.range.start.translate(0, 1))), 'I');
    await until(() => starlintDiagnostics(uri, 'first-person').length < before.length, 'fewer first-person diagnostics after the fix');
    assert.ok(!starlintDiagnostics(uri, 'first-person').some((d) => d.range.start.isEqual(target!.range.start)), 'the fixed word is no longer reported');
  });

  it('respects starlint.rules: turning first-person off removes its diagnostics', async function () {
    const contributed = vscode.extensions.getExtension('starlint.starlint')!.packageJSON.contributes.configuration;
    const declared = [contributed ?? []].flat().some((c: { properties?: object }) => c.properties && 'starlint.rules' in c.properties);
    if (!declared) this.skip(); // contributes.configuration (scripts/generate.ts) not generated yet
    const config = vscode.workspace.getConfiguration('starlint');
    const uri = storyUri(WE_STORY);
    await open(uri);
    await until(() => starlintDiagnostics(uri, 'first-person').length > 0, 'first-person diagnostics');
    const previous = config.inspect('rules')?.globalValue;
    try {
      await config.update('rules', { 'first-person': 'off' }, vscode.ConfigurationTarget.Global);
      await until(
        () => starlintDiagnostics(uri, 'first-person').length === 0 && starlintDiagnostics(uri).length > 0,
        'first-person gone, other rules still reported',
      );
    } finally {
      await config.update('rules', previous, vscode.ConfigurationTarget.Global);
    }
    await until(() => starlintDiagnostics(uri, 'first-person').length > 0, 'first-person back after the setting is reset');
  });
});
