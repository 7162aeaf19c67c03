// *New Story*: a template, a title and a category (three quick inputs, each skippable through the
// command's argument), then a file written into the bank folder and opened at its Situation.
// Every step either continues, writes the file, or says why it stopped: a cancelled step says so
// in the status bar and leaves nothing behind; a failure says what failed and removes what the
// flow had created.
import * as vscode from 'vscode';
import type { BankResult } from '../../shared/protocol';
import { compositionAdvice, idealRange, slugify } from './format';
import { SNIPPETS, TEMPLATES, newStoryText, templateBody } from '../../shared/templates';

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

export type NewStoryStep = 'template' | 'title' | 'category';

/** What the flow is asking now, for tests and other extensions that drive it (`StarlintApi.newStory`). */
export interface NewStoryState {
  step?: NewStoryStep;
}

export interface NewStoryDeps {
  report: () => BankResult | undefined;
  state: NewStoryState;
  /** Whether a path lies inside a root by real path (links followed); absent on the web, which has no links. */
  insideReal?: (root: string, path: string) => boolean;
}

const STEP_NAMES: Record<NewStoryStep, string> = { template: 'the template', title: 'the title', category: 'the category' };

/** Says, in the status bar, at which step the flow was cancelled: nothing was written. */
function cancelled(step: NewStoryStep): undefined {
  vscode.window.setStatusBarMessage(`starlint: New Story cancelled at ${STEP_NAMES[step]} — no file was written.`, 5000);
  return undefined;
}

/** Shows the question of one step; the flow's state names the step while it is open. */
async function ask<T>(state: NewStoryState, step: NewStoryStep, question: () => Thenable<T | undefined>): Promise<T | undefined> {
  state.step = step;
  try {
    return await question();
  } finally {
    state.step = undefined;
  }
}

export async function newStory(d: NewStoryDeps, args: NewStoryArgs): Promise<vscode.Uri | undefined> {
  let template = args.template === undefined ? undefined : TEMPLATES.find((t) => t.id === args.template);
  if (args.template !== undefined && !template) {
    void vscode.window.showErrorMessage(`starlint: New Story has no template "${args.template}": use one of ${TEMPLATES.map((t) => t.id).join(', ')}.`);
    return undefined;
  }
  template ??= (
    await ask(d.state, 'template', () =>
      vscode.window.showQuickPick(
        TEMPLATES.map((t) => ({ label: t.label, description: t.category, detail: SNIPPETS[t.snippet]?.description, template: t })),
        { title: 'New story (1/3): template', placeHolder: 'Pick a template', ignoreFocusOut: true },
      ),
    )
  )?.template;
  if (!template) return cancelled('template');

  const suggested = 'Untitled story';
  const title =
    args.title ??
    (await ask(d.state, 'title', () =>
      vscode.window.showInputBox({
        title: 'New story (2/3): title',
        prompt: 'A short title you will recognise in the Story Bank, e.g. "Hybrid recommender for cold-start users"',
        value: suggested,
        valueSelection: [0, suggested.length],
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'The story needs a title.'),
      }),
    ));
  if (title === undefined) return cancelled('title');
  if (!title.trim()) {
    void vscode.window.showErrorMessage('starlint: New Story needs a title; no file was written.');
    return undefined;
  }

  const category = args.category ?? (await ask(d.state, 'category', () => pickCategory(d.report(), template.category)));
  if (category === undefined) return cancelled('category');

  const folder = args.folder ? toUri(args.folder) : bankFolder(d.report());
  if (!folder) {
    void vscode.window.showErrorMessage('starlint: New Story writes into the workspace: open a folder first; no file was written.');
    return undefined;
  }
  // The folder a caller names explicitly (a test, another extension, a keybinding) is theirs to
  // choose; the one from settings may come from a cloned repository's .vscode/settings.json.
  const outside = args.folder ? undefined : outsideWorkspace(folder, d.insideReal);
  if (outside) {
    void vscode.window.showErrorMessage(`starlint: New Story writes only inside the workspace, and ${outside}; no file was written.`);
    return undefined;
  }
  const text = newStoryText({ title, category: category || undefined, questions: args.questions ?? template.questions, body: templateBody(template) });
  const uri = await write(folder, slugify(title), text);
  if (!uri) return undefined;
  if (args.open !== false) {
    try {
      const editor = await vscode.window.showTextDocument(uri);
      // Put the cursor on the Situation's prose, where writing starts.
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => /^##\s+Situation/i.test(l));
      if (line >= 0) {
        const at = new vscode.Position(Math.min(line + 2, editor.document.lineCount - 1), 0);
        editor.selection = new vscode.Selection(at, editor.document.lineAt(at.line).range.end);
      }
    } catch (e) {
      void vscode.window.showWarningMessage(`starlint: wrote ${vscode.workspace.asRelativePath(uri)} but could not open it: ${reason(e)}`);
    }
  }
  return uri;
}

/**
 * Writes the story under a free name in `folder`. On failure it says why, and removes the folder
 * if the flow created it, so that a failed story leaves nothing behind.
 */
async function write(folder: vscode.Uri, slug: string, text: string): Promise<vscode.Uri | undefined> {
  const existed = await exists(folder);
  let uri: vscode.Uri | undefined;
  try {
    await vscode.workspace.fs.createDirectory(folder);
    uri = await freeName(folder, slug);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  } catch (e) {
    if (!existed) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    void vscode.window.showErrorMessage(`starlint: New Story could not write ${vscode.workspace.asRelativePath(uri ?? folder)}: ${reason(e)}`);
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A category id picked by the user ('' for none), gaps in the bank first; undefined if cancelled. */
async function pickCategory(report: BankResult | undefined, suggested: string | undefined): Promise<string | undefined> {
  const rows = report?.composition ?? [];
  const rank = (c: string, status: string) => (c === suggested ? 0 : status === 'low' ? 1 : status === 'ok' ? 2 : 3);
  const items = rows
    .map((r) => ({ label: r.category, description: `${r.label} · ${r.count} of ${idealRange(r)}`, detail: compositionAdvice(r), id: r.category, r }))
    .sort((a, b) => rank(a.id, a.r.status) - rank(b.id, b.r.status));
  if (items.length === 0)
    for (const id of ['project', 'collaboration', 'failure', 'leadership', 'ethics'])
      items.push({ label: id, description: '', detail: undefined, id, r: undefined as never });
  const picked = await vscode.window.showQuickPick(
    [...items, { label: 'No category yet', description: '', detail: undefined, id: '', r: undefined as never }],
    {
      title: 'New story (3/3): category',
      placeHolder: 'Which kind of story is it? The bank’s gaps come first.',
      ignoreFocusOut: true,
    },
  );
  return picked?.id;
}

/**
 * Where new stories go: the `starlint.bankFolder` setting (relative to the first workspace
 * folder), else the folder that already holds most stories, else `<first folder>/stories`.
 */
export function bankFolder(report: BankResult | undefined): vscode.Uri | undefined {
  const root = vscode.workspace.workspaceFolders?.[0];
  const setting = vscode.workspace.getConfiguration('starlint', root?.uri).get<string>('bankFolder')?.trim();
  if (setting) return isAbsolutePath(setting) ? vscode.Uri.file(setting) : root ? vscode.Uri.joinPath(root.uri, setting) : undefined;
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

/**
 * Why `folder` is not a place New Story may write, or undefined when it is: it must lie inside a
 * workspace folder, by its real path for files on disk (so `starlint.bankFolder` set to an
 * absolute path, to `../..` or to a link out of the workspace cannot make it write elsewhere).
 */
export function outsideWorkspace(folder: vscode.Uri, insideReal?: (root: string, path: string) => boolean): string | undefined {
  const where = folder.scheme === 'file' ? folder.fsPath : folder.toString();
  const root = vscode.workspace.getWorkspaceFolder(folder);
  if (!root) return `${where} is not in a workspace folder`;
  if (insideReal && folder.scheme === 'file' && root.uri.scheme === 'file' && !insideReal(root.uri.fsPath, folder.fsPath)) {
    return `${where} leads out of the workspace folder through a symbolic link`;
  }
  return undefined;
}

async function freeName(folder: vscode.Uri, slug: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${slug}${n > 1 ? `-${n}` : ''}.md`);
    if (!(await exists(uri))) return uri;
  }
}

function toUri(p: string | vscode.Uri): vscode.Uri {
  if (typeof p !== 'string') return p;
  return /^[a-z][\w+.-]+:/i.test(p) && !isAbsolutePath(p) ? vscode.Uri.parse(p) : vscode.Uri.file(p);
}

/** An absolute file path, POSIX (`/x`) or Windows (`C:\\x`, `\\\\server`), without node:path (the web has none). */
function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
