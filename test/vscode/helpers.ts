// Shared by the real-editor tests (bundled into each *.test.js, not a test file itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StarlintApi } from '../../client/src/extension';

export const EXTENSION_ID = 'starlint.starlint';
/** The stories in examples/story-bank, the workspace the runners open. */
export const EXAMPLE_STORIES = 8;

/** Polls `fn` until it returns a truthy value; fails with `what` and the last value after `timeoutMs`. */
export async function until<T>(
  fn: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as Exclude<T, false | null | undefined | 0 | ''>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

let api: StarlintApi | undefined;

/** Activates the extension and waits until the server has answered the first bank request. */
export async function starlint(): Promise<StarlintApi> {
  if (api) return api;
  const ext = vscode.extensions.getExtension<StarlintApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  api = await ext.activate();
  await api.ready;
  // The server scans the workspace after `initialized`, and an answer that comes before the scan
  // ends holds only part of the bank: wait for the example bank's eight stories.
  const live = api;
  const complete = (r: typeof live.bank.report) => !!r && r.stories.length >= EXAMPLE_STORIES && !r.partial;
  await until(() => complete(live.bank.report) || live.bank.refresh().then(complete), 'the complete story bank', 30_000, 250);
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

export function storyUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function open(name: string | vscode.Uri): Promise<vscode.TextEditor> {
  const uri = typeof name === 'string' ? storyUri(name) : name;
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function starlintDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'starlint' && (!rule || ruleOf(d) === rule));
}

/**
 * Closes every editor without saving, so a test leaves the example files as it found them.
 * Only Markdown files are reverted: VS Code itself edits the user's settings.json as a document
 * while a test changes a setting, and showing that document can race with the editor VS Code
 * opens for it ("another editor opened in the meantime"), so such a race is retried.
 */
export async function closeAllWithoutSaving(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.uri.scheme !== 'file' || !doc.uri.path.endsWith('.md')) continue;
    for (let attempt = 1; ; attempt++) {
      try {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        break;
      } catch (e) {
        if (attempt === 5) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
