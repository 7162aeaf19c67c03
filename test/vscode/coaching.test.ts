import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BankNode } from '../../client/src/bankTree';
import { today as localDate } from '../../shared/time';
import type { PracticeNode } from '../../client/src/practiceTree';
import type { MarkPracticedResult } from '../../shared/protocol';
import { closeAllWithoutSaving, starlint, until } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const tooltip = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''));

describe('coaching a whole loop: practice, follow-ups, principles, cue cards', function () {
  this.timeout(60_000);
  let tmp: string;
  before(async () => {
    await starlint();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-e2e-practice-'));
  });
  afterEach(() => closeAllWithoutSaving());
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** The Practice view as text: `group · n` → `title — description`. */
  function practiceRows(api: Awaited<ReturnType<typeof starlint>>): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    for (const group of api.practiceTree.getChildren()) {
      const stories = api.practiceTree.getChildren(group).map((n) => {
        const item = api.practiceTree.getTreeItem(n);
        return `${label(item)} — ${item.description}`;
      });
      rows.set(label(api.practiceTree.getTreeItem(group)), stories);
    }
    return rows;
  }

  it('the Practice view lists the stories due (with how long ago) and those never practiced, from the bank', async () => {
    const api = await starlint();
    const stories = api.bank.report!.stories;
    const rows = practiceRows(api);
    const due = stories.filter((s) => s.practice.due);
    const never = stories.filter((s) => s.practice.practiced.length === 0);
    assert.ok(never.length > 0, 'the example bank has stories never practiced');
    assert.deepEqual(rows.get(`Never practiced · ${never.length}`)?.sort(), never.map((s) => `${s.title} — never practiced`).sort());
    if (due.length) {
      const dueRows = rows.get(`Due · ${due.length}`)!;
      assert.equal(dueRows.length, due.length);
      for (const r of dueRows) assert.match(r, / — due (today|\d+ days? ago)$/);
      assert.equal(api.practiceView.badge?.value, due.length);
    }
    for (const [group, list] of rows) if (group.startsWith('Upcoming')) for (const r of list) assert.match(r, / — next: \d{4}-\d{2}-\d{2}$/);
    // A story item opens the story and carries the menus of a story.
    const first = api.practiceTree.getChildren(api.practiceTree.getChildren()[0])[0];
    const item = api.practiceTree.getTreeItem(first);
    assert.equal(item.contextValue, 'story');
    assert.equal(item.command?.command, 'starlint.openStory');
    assert.match(tooltip(item), /Mark Practiced Today/);
  });

  it('Mark Practiced Today logs today in the active story’s practiced list, saves it, and the Practice view moves it', async () => {
    const api = await starlint();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starlint.newStory', {
      template: 'basic',
      title: 'Practice run one',
      category: 'project',
      folder: tmp,
    });
    const today = localDate();
    await until(() => api.bank.report?.stories.some((s) => s.title === 'Practice run one'), 'the new story in the bank');
    const before = practiceRows(api);
    assert.ok([...before].some(([g, list]) => g.startsWith('Never practiced') && list.includes('Practice run one — never practiced')));

    const result = await vscode.commands.executeCommand<MarkPracticedResult>('starlint.markPracticedToday');
    assert.equal(result?.applied, true, result?.reason);
    assert.equal(result.date, today);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), uri.toString());
    assert.match(doc.getText(), new RegExp(`^practiced: \\[${today}\\]$`, 'm'));
    assert.equal(doc.isDirty, false, 'a clean file is saved');
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), new RegExp(`^date: \\d{4}-\\d{2}\\npracticed: \\[${today}\\]\\n---\\n`, 'm'));

    // Day 0 is done; the day-3 checkpoint is next.
    const next = result.practice.next!;
    await until(
      () => [...practiceRows(api)].some(([g, list]) => g.startsWith('Upcoming') && list.includes(`Practice run one — next: ${next}`)),
      'the story under Upcoming',
    );
    // Twice on one day changes nothing.
    const again = await vscode.commands.executeCommand<MarkPracticedResult>('starlint.markPracticedToday');
    assert.equal(again?.applied, false);
    assert.equal((doc.getText().match(new RegExp(today, 'g')) ?? []).length, 1);
  });

  it('Mark Practiced Today on a Practice item edits that story, and keeps unsaved changes unsaved', async () => {
    const api = await starlint();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starlint.newStory', {
      template: 'basic',
      title: 'Practice run two',
      category: 'failure',
      folder: tmp,
      open: false,
    });
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nAn unsaved line.\n'));
    const node = await until(() => {
      for (const group of api.practiceTree.getChildren()) {
        for (const n of api.practiceTree.getChildren(group)) if (n.kind === 'story' && n.story.title === 'Practice run two') return n as PracticeNode;
      }
      return undefined;
    }, 'the story in the Practice view');
    const result = await vscode.commands.executeCommand<MarkPracticedResult>('starlint.markPracticedToday', node);
    assert.equal(result?.applied, true, result?.reason);
    assert.match(editor.document.getText(), new RegExp(`^practiced: \\[${result.date}\\]$`, 'm'));
    assert.ok(editor.document.getText().includes('An unsaved line.'));
    assert.equal(editor.document.isDirty, true, 'the user’s unsaved edit stays unsaved');
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /^practiced: \[\]$/m, 'nothing written to disk');
  });

  it('shows follow-up readiness on every story in the Story Bank', async () => {
    const { bankTree } = await starlint();
    const stories = bankTree.getChildren().flatMap((g) => bankTree.getChildren(g)) as Extract<BankNode, { kind: 'story' }>[];
    for (const node of stories) assert.match(String(bankTree.getTreeItem(node).description), / · follow-ups [0-6]\/6$/);
    const cold = stories.find((s) => s.story.uri.endsWith('01-cold-start-recommender.md'))!;
    const item = bankTree.getTreeItem(cold);
    assert.match(String(item.description), /follow-ups 4\/6$/);
    assert.match(tooltip(item), /Follow-ups 4\/6 — still to prepare: What were the biggest risks\? · What happened after shipping/);
    const none = stories.find((s) => !s.story.followUps)!;
    assert.match(tooltip(bankTree.getTreeItem(none)), /Follow-ups 0\/6 — no Follow-ups section yet/);
  });

  it('for Amazon, names each story’s Leadership Principles and offers them as heat-map columns', async () => {
    const api = await starlint();
    const config = vscode.workspace.getConfiguration('starlint');
    const previous = config.inspect('targetCompany')?.globalValue;
    // A story that names a principle, beside the example bank.
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starlint.newStory', {
      template: 'basic',
      title: 'Diving deep into a p99 regression',
      category: 'project',
      folder: tmp,
    });
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nThis story shows Dive Deep and Ownership.\n'));
    let panel: vscode.WebviewPanel | undefined;
    try {
      await config.update('targetCompany', 'amazon', vscode.ConfigurationTarget.Global);
      await until(() => api.bank.report?.targetCompany === 'amazon' || (void api.bank.refresh(), false), 'the bank tuned for Amazon', 20_000, 300);
      const node = await until(() => {
        const n = api.bankTree
          .getChildren()
          .flatMap((g) => api.bankTree.getChildren(g))
          .find((s) => s.kind === 'story' && s.story.uri === uri.toString());
        return n && String(api.bankTree.getTreeItem(n).description).endsWith('Ownership, Dive Deep') && n;
      }, 'the principles in the story’s description');
      assert.match(tooltip(api.bankTree.getTreeItem(node)), /Leadership Principles: Ownership, Dive Deep/);
      const other = api.bankTree
        .getChildren()
        .flatMap((g) => api.bankTree.getChildren(g))
        .find((s) => s.kind === 'story' && s.story.principles.length === 0)!;
      assert.match(String(api.bankTree.getTreeItem(other).description), /· no Leadership Principle$/);

      panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('starlint.showCoverage', 'principles');
      const html = await until(() => panel!.webview.html.includes('<h1>Leadership Principles</h1>') && panel!.webview.html, 'the principles heat-map');
      assert.equal((html.match(/<th scope="col" class="theme /g) ?? []).length, 16);
      assert.match(html, /data-mode="themes" aria-checked="false">Question themes<\/button>/);
      assert.match(
        html,
        /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src [^"]+ &#39;nonce-[^"]+&#39;; script-src &#39;nonce-/,
      );
      // The toggle's message switches back to the themes.
      api.coverage.setMode('themes');
      await until(() => panel!.webview.html.includes('<h1>Question coverage</h1>'), 'the themes heat-map again');
    } finally {
      panel?.dispose();
      await config.update('targetCompany', previous, vscode.ConfigurationTarget.Global);
    }
    await until(() => api.bank.report?.targetCompany === undefined || (void api.bank.refresh(), false), 'no target company again', 20_000, 300);
  });

  it('starlint.openCueCards shows the bank’s cue cards in a panel that runs no script', async () => {
    const api = await starlint();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('starlint.openCueCards');
    assert.ok(panel, 'no panel returned');
    try {
      assert.equal(panel.viewType, 'starlint.cueCards');
      assert.equal(panel.webview.options.enableScripts, false);
      const html = panel.webview.html;
      assert.equal((html.match(/<section class="card">/g) ?? []).length, api.bank.report!.stories.length);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
      assert.ok(!/<script/i.test(html));
      assert.ok(html.includes('<h2>Hybrid recommender for cold-start users</h2>'));
      assert.equal(panel.title, `Cue Cards (${api.bank.report!.stories.length})`);
      assert.equal(api.cueCards.panel, panel);
    } finally {
      panel.dispose();
    }
  });
});
