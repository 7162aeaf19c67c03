import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, starlint, until } from './helpers';

const SNIPPETS = ['STAR story (basic)', 'ML project story', 'Failure story', 'Collaboration story', 'Story front matter', 'Follow-up gauntlet', 'Depth layers'];

describe('snippets', function () {
  this.timeout(60_000);
  before(() => starlint());
  afterEach(() => closeAllWithoutSaving());

  it('offers the STAR snippets in Markdown completion', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'star' });
    await vscode.window.showTextDocument(doc);
    const labels = await until(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 4));
      const snippets = list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return snippets.includes('star') && snippets;
    }, 'snippet completions');
    assert.ok(labels.length >= 4, labels.join(', '));
  });

  it('inserts the basic STAR skeleton through the snippet API', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'STAR story (basic)' });
    const text = await until(() => editor.document.getText().includes('## Result') && editor.document.getText(), 'the skeleton');
    assert.match(text, /^# Story title\n\n## Situation\n\n.+\n\n## Task\n\n.+\n\n## Action\n\n.+\n\n## Result\n\n.+\n$/);
  });

  it('declares every snippet the spec lists', async () => {
    const ext = vscode.extensions.getExtension('starlint.starlint')!;
    const file = vscode.Uri.joinPath(ext.extensionUri, ext.packageJSON.contributes.snippets[0].path);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    assert.deepEqual(Object.keys(json), SNIPPETS);
    assert.match(json['Follow-up gauntlet'].body.join('\n'), /buy-in[\s\S]*risks[\s\S]*successful[\s\S]*after shipping/);
  });
});
