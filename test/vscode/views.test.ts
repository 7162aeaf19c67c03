import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BankNode } from '../../client/src/bankTree';
import type { CoverageNode } from '../../client/src/coverageTree';
import { closeAllWithoutSaving, open, starlint, storyUri, until } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const icon = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);

describe('Story Bank and Question Coverage views', function () {
  this.timeout(60_000);
  afterEach(() => closeAllWithoutSaving());

  it('groups the stories by category with the composition on each group', async () => {
    const { bankTree } = await starlint();
    const groups = bankTree.getChildren();
    const labels = groups.map((g) => label(bankTree.getTreeItem(g)));
    assert.deepEqual(
      labels.map((l) => l.split(' · ')[0]),
      ['project', 'collaboration', 'failure', 'leadership', 'ethics'],
    );
    for (const l of labels) assert.match(l, /^[a-z]+ · \d+ of \d(–\d)?$/);
    // Each group holds as many stories as its label counts, and warns when outside the ideal range.
    for (const g of groups) {
      const item = bankTree.getTreeItem(g);
      const count = Number(/· (\d+) of/.exec(label(item))![1]);
      assert.equal(bankTree.getChildren(g).length, count, label(item));
      const row = (g as Extract<BankNode, { kind: 'category' }>).row;
      assert.equal(icon(item), row.status === 'ok' ? 'pass' : 'warning', label(item));
    }
    // Every story with a known category sits in its group (earlier tests may have added stories).
    const { bank } = await starlint();
    const total = groups.reduce((n, g) => n + bankTree.getChildren(g).length, 0);
    assert.equal(total, bank.report!.stories.filter((s) => s.category && labels.some((l) => l.startsWith(`${s.category} ·`))).length);
    assert.ok(total >= 8);
  });

  it('shows each story with score, spoken time and problems, its rubric as tooltip, and opens it on click', async () => {
    const { bankTree } = await starlint();
    const stories = bankTree.getChildren().flatMap((g) => bankTree.getChildren(g));
    const node = stories.find((s) => s.kind === 'story' && s.story.uri.endsWith('03-promotion-uplift-with-finance.md'));
    assert.ok(node && node.kind === 'story');
    const item = bankTree.getTreeItem(node);
    assert.equal(label(item), 'Promotion uplift model with the finance team');
    assert.match(String(item.description), /^\d{1,3} · \d+:\d\d · \d+ problems? · follow-ups 0\/6$/);
    assert.equal(item.contextValue, 'story');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Strength \d+\/100/);
    assert.match(tooltip, /Your role \d+\/25/);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await until(
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('03-promotion-uplift-with-finance.md') && vscode.window.activeTextEditor,
      'the story to open',
    );
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '# Promotion uplift model with the finance team');
  });

  it('lists every question theme, the uncovered ones first and marked', async () => {
    const { coverageTree, bank } = await starlint();
    const themes = coverageTree.getChildren() as Extract<CoverageNode, { kind: 'theme' }>[];
    assert.equal(themes.length, bank.report!.coverage.length);
    const statuses = themes.map((t) => t.row.status);
    const firstCovered = statuses.findIndex((s) => s !== 'uncovered');
    assert.ok(
      statuses.slice(firstCovered).every((s) => s !== 'uncovered'),
      `gaps first: ${statuses.join(',')}`,
    );
    const uncovered = themes
      .filter((t) => t.row.status === 'uncovered')
      .map((t) => t.row.theme)
      .sort();
    assert.deepEqual(uncovered, ['leading-without-authority', 'why-company']);
    const gap = coverageTree.getTreeItem(themes[0]);
    assert.equal(icon(gap), 'error');
    assert.match(String(gap.description), /no story/);
    const covered = themes.find((t) => t.row.theme === 'failure')!;
    const children = coverageTree.getChildren(covered);
    assert.equal(children.length, covered.row.stories.length);
    assert.ok(children.every((c) => c.kind === 'story' && c.story.themes.includes('failure')));
  });

  it('shows words, spoken time and I-ratio of the active story in the status bar', async () => {
    const { statusBar, bank } = await starlint();
    await open('03-promotion-uplift-with-finance.md');
    const story = bank.storiesOf(storyUri('03-promotion-uplift-with-finance.md'))[0];
    const text = await until(() => statusBar.story?.uri === story.uri && statusBar.item.text, 'the status bar to show the story');
    assert.match(text, /^\$\(book\) \d+ words · \d+:\d\d · I \d+ %$/);
    assert.ok(text.includes(`${story.words} words`));
    assert.equal(
      statusBar.item.command && typeof statusBar.item.command === 'object' ? statusBar.item.command.command : undefined,
      'starlint.showStoryDetails',
    );
    await open('README.md');
    await until(() => statusBar.story === undefined, 'the status bar to hide on a non-story file');
  });

  it('reveals the active story in the Story Bank', async () => {
    const { bankView, bank } = await starlint();
    await open('05-churn-model-label-break.md');
    const story = bank.storiesOf(storyUri('05-churn-model-label-break.md'))[0];
    assert.equal(await vscode.commands.executeCommand('starlint.revealStory'), true);
    const selected = await until(() => bankView.selection[0], 'a selection in the Story Bank');
    assert.ok(selected.kind === 'story' && selected.story.uri === story.uri && selected.story.index === story.index);
  });

  it('refreshes the trees when the server reports a change', async () => {
    const api = await starlint();
    let fired = 0;
    const sub = api.bankTree.onDidChangeTreeData(() => fired++);
    try {
      const editor = await open('07-onboarding-junior-engineers.md');
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nWe also did some more stuff.\n'));
      await until(() => fired > 0, 'a tree refresh after an edit');
    } finally {
      sub.dispose();
    }
  });
});
