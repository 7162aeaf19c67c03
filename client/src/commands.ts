// Every command of the extension, in one table. Each handler takes optional arguments that
// replace its prompts, so tests and other extensions can run it without a person at the keyboard.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { BankStory } from '../../server/src/engine';
import { formatScore } from '../../server/src/engine/score-format';
import type { BankStore } from './bankStore';
import { sameUri } from './bankStore';
import type { BankNode, BankTreeProvider } from './bankTree';
import type { CoveragePanel } from './coverageWebview';
import type { CueCardsPanel } from './cueCards';
import { compositionAdvice, followUpLabel, idealRange, lintAllSummary, localDate, missingFollowUps, mmss, practiceDescription, slugify, storyStatus } from './format';
import { SNIPPETS, TEMPLATES, newStoryText, templateBody } from '../../shared/templates';
import { setUpStoryBank, type SetUpArgs } from './setup';
import { LintAllRequest, MARK_PRACTICED_COMMAND, type BankResult, type MarkPracticedArgs, type MarkPracticedResult } from '../../server/src/protocol';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  client: LanguageClient;
  store: BankStore;
  bankTree: BankTreeProvider;
  bankView: vscode.TreeView<BankNode>;
  coverage: CoveragePanel;
  cueCards: CueCardsPanel;
}

export interface NewStoryArgs {
  /** A template id: basic, ml, failure, collaboration. */
  template?: string;
  title?: string;
  /** A category id; '' for none. */
  category?: string;
  questions?: string[];
  /** The folder to write into (a path or URI); defaults to the bank folder. */
  folder?: string | vscode.Uri;
  /** Open the new file in an editor (default true). */
  open?: boolean;
}

type Handler = (deps: CommandDeps, ...args: any[]) => unknown;

export const COMMANDS: Record<string, Handler> = {
  'starlint.newStory': newStory,
  'starlint.setUpBank': (d, args?: SetUpArgs) => setUpStoryBank(d.context, () => d.store.refresh(), args),
  'starlint.lintAll': lintAll,
  'starlint.showCoverage': (d, mode?: unknown) => d.coverage.show(mode === 'principles' || mode === 'themes' ? mode : undefined),
  'starlint.openRuleDocs': openRuleDocs,
  'starlint.refreshBank': (d) => d.store.refresh(),
  'starlint.openStory': openStory,
  'starlint.showStoryDetails': showStoryDetails,
  'starlint.revealStory': revealStory,
  'starlint.markPracticedToday': markPracticedToday,
  'starlint.openCueCards': (d) => d.cueCards.show(),
};

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}

// ------------------------------------------------------------------ new story

async function newStory(d: CommandDeps, given?: NewStoryArgs | BankNode): Promise<vscode.Uri | undefined> {
  // From a category's context menu the argument is the tree node: a story of that category.
  const args: NewStoryArgs = given && 'kind' in given ? (given.kind === 'category' ? { category: given.row.category } : {}) : (given ?? {});
  const template = args.template
    ? TEMPLATES.find((t) => t.id === args.template)
    : (
        await vscode.window.showQuickPick(
          TEMPLATES.map((t) => ({ label: t.label, description: t.category, detail: SNIPPETS[t.snippet]?.description, template: t })),
          { title: 'New story (1/3): template', placeHolder: 'Pick a template' },
        )
      )?.template;
  if (!template) {
    if (args.template) throw new Error(`Unknown template "${args.template}": one of ${TEMPLATES.map((t) => t.id).join(', ')}.`);
    return undefined;
  }
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: 'New story (2/3): title',
      prompt: 'A short title you will recognise in the Story Bank',
      placeHolder: 'e.g. Hybrid recommender for cold-start users',
      validateInput: (v) => (v.trim() ? undefined : 'The story needs a title.'),
    }));
  if (!title?.trim()) return undefined;
  const category = args.category ?? (await pickCategory(d.store.report, template.category));
  if (category === undefined) return undefined;

  const folder = args.folder ? toUri(args.folder) : bankFolder(d.store.report);
  if (!folder) {
    void vscode.window.showErrorMessage('starlint: open a folder first; new stories are written into the workspace.');
    return undefined;
  }
  const text = newStoryText({ title, category: category || undefined, questions: args.questions ?? template.questions, body: templateBody(template) });
  const uri = await freeName(folder, slugify(title));
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (args.open !== false) {
    const editor = await vscode.window.showTextDocument(uri);
    // Put the cursor on the Situation's prose, where writing starts.
    const line = editor.document.getText().split('\n').findIndex((l) => /^##\s+Situation/i.test(l));
    if (line >= 0) {
      const at = new vscode.Position(Math.min(line + 2, editor.document.lineCount - 1), 0);
      editor.selection = new vscode.Selection(at, editor.document.lineAt(at.line).range.end);
    }
  }
  return uri;
}

/** A category id picked by the user ('' for none), gaps in the bank first; undefined if cancelled. */
async function pickCategory(report: BankResult | undefined, suggested: string | undefined): Promise<string | undefined> {
  const rows = report?.composition ?? [];
  const rank = (c: string, status: string) => (c === suggested ? 0 : status === 'low' ? 1 : status === 'ok' ? 2 : 3);
  const items = rows
    .map((r) => ({ label: r.category, description: `${r.label} · ${r.count} of ${idealRange(r)}`, detail: compositionAdvice(r), id: r.category, r }))
    .sort((a, b) => rank(a.id, a.r.status) - rank(b.id, b.r.status));
  if (items.length === 0) for (const id of ['project', 'collaboration', 'failure', 'leadership', 'ethics']) items.push({ label: id, description: '', detail: undefined, id, r: undefined as never });
  const picked = await vscode.window.showQuickPick([...items, { label: 'No category yet', description: '', detail: undefined, id: '', r: undefined as never }], {
    title: 'New story (3/3): category',
    placeHolder: 'Which kind of story is it? The bank’s gaps come first.',
  });
  return picked?.id;
}

/**
 * Where new stories go: the `starlint.bankFolder` setting (relative to the first workspace
 * folder), else the folder that already holds most stories, else `<first folder>/stories`.
 */
export function bankFolder(report: BankResult | undefined): vscode.Uri | undefined {
  const root = vscode.workspace.workspaceFolders?.[0];
  const setting = vscode.workspace.getConfiguration('starlint', root?.uri).get<string>('bankFolder')?.trim();
  if (setting) return path.isAbsolute(setting) ? vscode.Uri.file(setting) : root ? vscode.Uri.joinPath(root.uri, setting) : undefined;
  const counts = new Map<string, { uri: vscode.Uri; n: number }>();
  for (const s of report?.stories ?? []) {
    const dir = vscode.Uri.joinPath(vscode.Uri.parse(s.uri), '..');
    if (dir.scheme !== 'file' || (root && !vscode.workspace.getWorkspaceFolder(dir))) continue;
    const entry = counts.get(dir.toString()) ?? { uri: dir, n: 0 };
    entry.n++;
    counts.set(dir.toString(), entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (best) return best.uri;
  return root ? vscode.Uri.joinPath(root.uri, 'stories') : undefined;
}

async function freeName(folder: vscode.Uri, slug: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${slug}${n > 1 ? `-${n}` : ''}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

function toUri(p: string | vscode.Uri): vscode.Uri {
  if (typeof p !== 'string') return p;
  return /^[a-z][\w+.-]+:/i.test(p) && !path.isAbsolute(p) ? vscode.Uri.parse(p) : vscode.Uri.file(p);
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
    return text.split('\n').find((l) => l.trim() && !/^\s*(#|<!--|---|>|\|)/.test(l))?.trim();
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ stories

/** The story a command was called on: a tree node (menus pass the node), or (uri, index). */
function storyFrom(d: CommandDeps, target: unknown, index?: unknown): BankStory | undefined {
  if (target && typeof target === 'object' && 'kind' in target && (target as BankNode).kind === 'story') return (target as unknown as { story: BankStory }).story;
  const stories = d.store.report?.stories ?? [];
  if (typeof target === 'string' || target instanceof vscode.Uri) {
    const key = target.toString();
    // A file without an index (an editor's menu passes its URI): the story under its cursor.
    const editor = vscode.window.activeTextEditor;
    if (typeof index !== 'number' && editor && sameUri(editor.document.uri.toString(), key)) return d.store.storyAt(editor.document.uri, editor.selection.active.line);
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
  const args: MarkPracticedArgs = { uri: story.uri, story: story.index, date: localDate() };
  const result = (await d.client.sendRequest(ExecuteCommandRequest.type, { command: MARK_PRACTICED_COMMAND, arguments: [args] })) as MarkPracticedResult;
  // The edit opened the document if it was closed; it is saved unless the user had unsaved work in it.
  if (result.applied && !dirty) await documentOf()?.save();
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
  items.push({ label: `$(calendar) Practice: ${practiceDescription(story)}`, description: 'Mark Practiced Today', run: () => markPracticedToday(d, story.uri, story.index) });
  const missing = missingFollowUps(story);
  items.push({ label: `$(comment-discussion) ${followUpLabel(story).replace('follow-ups', 'Follow-ups')}`, detail: missing.length ? `to prepare: ${missing.join(' · ')}` : undefined });
  const picked = await vscode.window.showQuickPick(items, { title: `${story.title} — ${head} · ${mmss(story.seconds)}`, matchOnDetail: true });
  await picked?.run?.();
}
