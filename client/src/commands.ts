// Every command of the extension, in one table. Each handler takes optional arguments that
// replace its prompts, so tests and other extensions can run it without a person at the keyboard.
import * as vscode from 'vscode';
import { clock, today } from '../../shared/time';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { BankStory } from '../../shared/protocol';
import { formatScore } from '../../shared/score-format';
import type { BankStore } from './bankStore';
import { sameUri } from './bankStore';
import type { BankNode, BankTreeProvider } from './bankTree';
import type { CoveragePanel } from './coverageWebview';
import type { CueCardsPanel } from './cueCards';
import { followUpLabel, lintAllSummary, missingFollowUps, practiceDescription, storyStatus } from './format';
import { newStory, type NewStoryArgs, type NewStoryState } from './newStory';
import type { DrillArgs, DrillPanel } from './drillPanel';
import type { MatchArgs, MatchPanel } from './matchPanel';
import { setUpStoryBank, type SetUpArgs } from './setup';
import type { Platform } from './platform';
import { LintAllRequest, MARK_PRACTICED_COMMAND, type BankResult, type MarkPracticedArgs, type MarkPracticedResult } from '../../shared/protocol';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  platform: Platform;
  client: LanguageClient;
  store: BankStore;
  bankTree: BankTreeProvider;
  bankView: vscode.TreeView<BankNode>;
  coverage: CoveragePanel;
  cueCards: CueCardsPanel;
  /** The step *New Story* is asking now. */
  newStory: NewStoryState;
  drill: DrillPanel;
  match: MatchPanel;
}

type Handler = (deps: CommandDeps, ...args: any[]) => unknown;

export const COMMANDS: Record<string, Handler> = {
  'starlint.newStory': newStoryFrom,
  'starlint.setUpBank': (d, args?: SetUpArgs) => setUpStoryBank(d.context, d.platform, () => d.store.refresh(), args),
  'starlint.lintAll': lintAll,
  'starlint.showCoverage': (d, mode?: unknown) => d.coverage.show(mode === 'principles' || mode === 'themes' ? mode : undefined),
  'starlint.openRuleDocs': openRuleDocs,
  'starlint.refreshBank': (d) => d.store.refresh(),
  'starlint.openStory': openStory,
  'starlint.showStoryDetails': showStoryDetails,
  'starlint.revealStory': revealStory,
  'starlint.markPracticedToday': markPracticedToday,
  'starlint.openCueCards': (d) => d.cueCards.show(),
  'starlint.startMockInterview': (d, args?: DrillArgs) => d.drill.start(args && typeof args === 'object' && !('kind' in args) ? args : {}),
  'starlint.matchJobDescription': (d, args?: MatchArgs | vscode.Uri) => d.match.run(args instanceof vscode.Uri ? { uri: args } : args),
};

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}

// ------------------------------------------------------------------ new story

/** From a category's context menu the argument is the tree node: a story of that category. */
function newStoryFrom(d: CommandDeps, given?: NewStoryArgs | BankNode): Promise<vscode.Uri | undefined> {
  const args: NewStoryArgs = given && 'kind' in given ? (given.kind === 'category' ? { category: given.row.category } : {}) : (given ?? {});
  return newStory({ report: () => d.store.report, state: d.newStory, insideReal: d.platform.insideReal }, args);
}

// ------------------------------------------------------------------ lint all, rule docs

/**
 * Lints every story file: the server publishes the findings of every file in the bank, open or
 * not (`starlint/lintAll`), and keeps them current; then the bank is read again.
 */
async function lintAll(d: CommandDeps): Promise<BankResult | undefined> {
  const linted = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'starlint: linting stories' }, () =>
    d.client.sendRequest(LintAllRequest.type, {}),
  );
  const report = await d.store.refresh();
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  vscode.window.setStatusBarMessage(`starlint: ${lintAllSummary(report?.stories.length ?? 0, linted)}`, 5000);
  return report;
}

/** Opens a rule's docs page (bundled in the extension) in the Markdown preview. */
async function openRuleDocs(d: CommandDeps, id?: string): Promise<vscode.Uri | undefined> {
  const dir = vscode.Uri.joinPath(d.context.extensionUri, 'docs', 'rules');
  let rule = typeof id === 'string' ? id : undefined;
  if (!rule) {
    let names: string[] = [];
    try {
      names = (await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md');
    } catch {
      /* no docs bundled */
    }
    if (names.length === 0) {
      void vscode.window.showWarningMessage('starlint: no rule documentation is bundled with this build.');
      return undefined;
    }
    const items = await Promise.all(names.sort().map(async (n) => ({ label: n.slice(0, -3), detail: await firstSentence(vscode.Uri.joinPath(dir, n)) })));
    rule = (await vscode.window.showQuickPick(items, { title: 'starlint rule docs', placeHolder: 'Rule id', matchOnDetail: true }))?.label;
    if (!rule) return undefined;
  }
  const uri = vscode.Uri.joinPath(dir, `${rule}.md`);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`starlint: no docs page for rule "${rule}".`);
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

/** The first prose line of a docs page, for the quick pick. */
async function firstSentence(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return text
      .split('\n')
      .find((l) => l.trim() && !/^\s*(#|<!--|---|>|\|)/.test(l))
      ?.trim();
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ stories

/** The story a command was called on: a tree node (menus pass the node), or (uri, index). */
function storyFrom(d: CommandDeps, target: unknown, index?: unknown): BankStory | undefined {
  if (target && typeof target === 'object' && 'kind' in target && (target as BankNode).kind === 'story')
    return (target as unknown as { story: BankStory }).story;
  const stories = d.store.report?.stories ?? [];
  if (typeof target === 'string' || target instanceof vscode.Uri) {
    const key = target.toString();
    // A file without an index (an editor's menu passes its URI): the story under its cursor.
    const editor = vscode.window.activeTextEditor;
    if (typeof index !== 'number' && editor && sameUri(editor.document.uri.toString(), key))
      return d.store.storyAt(editor.document.uri, editor.selection.active.line);
    return stories.find((s) => sameUri(s.uri, key) && (typeof index !== 'number' || s.index === index));
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? d.store.storyAt(editor.document.uri, editor.selection.active.line) : undefined;
}

/** Opens a story file at a line (its title), or the story of a tree node. */
async function openStory(d: CommandDeps, target?: unknown, line?: unknown, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
  let uri: vscode.Uri | undefined;
  let at = typeof line === 'number' ? line : 0;
  if (typeof target === 'string') uri = vscode.Uri.parse(target);
  else if (target instanceof vscode.Uri) uri = target;
  else {
    const story = storyFrom(d, target);
    if (!story) return undefined;
    uri = vscode.Uri.parse(story.uri);
    at = story.line;
  }
  const pos = new vscode.Position(at, 0);
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: column, preview: true });
}

/** Reveals a story in the Story Bank view. */
async function revealStory(d: CommandDeps, target?: unknown, index?: unknown): Promise<boolean> {
  const story = storyFrom(d, target, index);
  const node = story && d.bankTree.nodeOf(story);
  if (!node) return false;
  await d.bankView.reveal(node, { select: true, focus: true, expand: true });
  return true;
}

/**
 * Logs today's practice session for a story (a tree item, `uri, index`, or the story under the
 * cursor): the server appends the date to its `practiced` list and applies the edit. A file that
 * had no unsaved changes is saved, so the log is on disk as after any other one-click action; a
 * file being edited keeps its changes unsaved.
 */
async function markPracticedToday(d: CommandDeps, target?: unknown, index?: unknown): Promise<MarkPracticedResult | undefined> {
  const story = storyFrom(d, target, index);
  if (!story) {
    void vscode.window.showInformationMessage('starlint: the active file has no story in the bank yet.');
    return undefined;
  }
  const documentOf = () => vscode.workspace.textDocuments.find((doc) => sameUri(doc.uri.toString(), story.uri));
  const dirty = documentOf()?.isDirty === true;
  const args: MarkPracticedArgs = { uri: story.uri, story: story.index, date: today() };
  // The server's edit can reach this document after the command's answer: wait for it before saving.
  const edited = new Promise<void>((resolve) => {
    const timer = setTimeout(() => done(), 3000);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (sameUri(e.document.uri.toString(), story.uri) && e.contentChanges.length > 0) done();
    });
    const done = (): void => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
  });
  const result = (await d.client.sendRequest(ExecuteCommandRequest.type, { command: MARK_PRACTICED_COMMAND, arguments: [args] })) as MarkPracticedResult;
  // The edit opened the document if it was closed; it is saved unless the user had unsaved work in it.
  if (result.applied && !dirty) {
    // It was clean: until the edit arrives it still is.
    if (!documentOf()?.isDirty) await edited;
    await documentOf()?.save();
  }
  await d.store.refresh();
  const next = result.practice.next ? `next checkpoint ${result.practice.next}` : 'every checkpoint is done';
  if (result.applied) vscode.window.setStatusBarMessage(`$(check) starlint: practiced “${story.title}” on ${result.date}; ${next}`, 5000);
  else void vscode.window.showInformationMessage(`starlint: ${result.reason ?? 'nothing was changed.'}`);
  return result;
}

/** The status bar's click: the story's rubric in a quick pick, with open and reveal actions. */
async function showStoryDetails(d: CommandDeps, target?: unknown, index?: unknown): Promise<void> {
  const story = storyFrom(d, target, index);
  if (!story) {
    void vscode.window.showInformationMessage('starlint: the active file has no story in the bank yet.');
    return;
  }
  type Item = vscode.QuickPickItem & { run?: () => unknown };
  const [head, ...criteria] = formatScore(story.score);
  const items: Item[] = [
    { label: '$(list-tree) Reveal in Story Bank', run: () => revealStory(d, story.uri, story.index) },
    { label: '$(go-to-file) Go to story', run: () => openStory(d, story.uri, story.line) },
    { label: head, kind: vscode.QuickPickItemKind.Separator },
    ...criteria.map((line) => {
      const [label, ...notes] = line.split(' — ');
      return { label: `$(${story.score.draft ? 'edit' : notes.length ? 'circle-slash' : 'check'}) ${label}`, detail: notes.join(' — ') || undefined };
    }),
    { label: 'Story', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(book) ${storyStatus(story)}`, description: `${story.category ?? 'no category'} · ${story.themes.join(', ') || 'no themes'}` },
  ];
  items.push({
    label: `$(calendar) Practice: ${practiceDescription(story)}`,
    description: 'Mark Practiced Today',
    run: () => markPracticedToday(d, story.uri, story.index),
  });
  const missing = missingFollowUps(story);
  items.push({
    label: `$(comment-discussion) ${followUpLabel(story).replace('follow-ups', 'Follow-ups')}`,
    detail: missing.length ? `to prepare: ${missing.join(' · ')}` : undefined,
  });
  const picked = await vscode.window.showQuickPick(items, { title: `${story.title} — ${head} · ${clock(story.seconds)}`, matchOnDetail: true });
  await picked?.run?.();
}
