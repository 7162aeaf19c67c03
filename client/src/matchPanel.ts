// The job-match panel (starlint: Match Job Description…): a posting from a file, the clipboard or
// an editor, matched by the server against the workspace bank (`starlint/matchJob`, as
// `starlint match` matches it), shown as a table whose stories open the story and whose evidence
// opens the posting at the phrase. One panel at a time.
import * as vscode from 'vscode';
import { nonce } from './nonce';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { MatchJobRequest, type MatchJobResult } from '../../shared/protocol';
import { renderMatchHtml } from './matchHtml';
import { openPanel } from './panel';

/** Where the posting comes from: its text (with a name), a file, or an open document. */
export interface MatchArgs {
  text?: string;
  /** A name for pasted text (default "pasted text"). */
  name?: string;
  uri?: string | vscode.Uri;
  /** A workspace folder URI: match against that folder's stories only (default: the whole bank). */
  folder?: string;
}

export class MatchPanel implements vscode.Disposable {
  static readonly viewType = 'starlint.jobMatch';
  panel: vscode.WebviewPanel | undefined;
  match: MatchJobResult | undefined;
  /** The posting's file or document, when it has one: evidence links open it. */
  postingUri: vscode.Uri | undefined;
  source = '';

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Asks where the posting is (file, clipboard, the active editor) unless `args` says. */
  async run(args?: MatchArgs): Promise<vscode.WebviewPanel | undefined> {
    const posting = args && (args.text !== undefined || args.uri !== undefined) ? await this.read(args) : await this.pick();
    const folder = typeof args?.folder === 'string' ? args.folder : undefined;
    if (!posting) return undefined;
    if (!posting.text.trim()) {
      void vscode.window.showWarningMessage(`starlint: the job posting (${posting.source}) is empty.`);
      return undefined;
    }
    this.match = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'starlint: matching the job posting' }, () =>
      this.client.sendRequest(MatchJobRequest.type, { text: posting.text, folder }),
    );
    this.postingUri = posting.uri;
    this.source = posting.source;
    if (!this.panel) {
      this.panel = openPanel(MatchPanel.viewType, 'Job Match', this.extensionUri, { message: (m) => this.handle(m), disposed: () => (this.panel = undefined) });
    } else this.panel.reveal();
    this.panel.title = `Job Match: ${posting.source}`;
    this.panel.webview.html = renderMatchHtml(
      { result: this.match.result, stories: this.match.stories, source: posting.source, linkable: posting.uri !== undefined },
      { cspSource: this.panel.webview.cspSource, nonce: nonce() },
    );
    return this.panel;
  }

  /** A message from the page: open a story, or the posting at a phrase. Tests call it as the page would. */
  async handle(message: unknown): Promise<void> {
    const m = message as { type?: string; story?: number; line?: number; column?: number } | undefined;
    if (m?.type === 'open' && typeof m.story === 'number') {
      const s = this.match?.stories[m.story];
      if (s) await vscode.commands.executeCommand('starlint.openStory', s.uri, s.line, vscode.ViewColumn.Beside);
    } else if (m?.type === 'evidence' && typeof m.line === 'number' && this.postingUri) {
      const at = new vscode.Position(Math.max(0, m.line - 1), Math.max(0, (m.column ?? 1) - 1));
      await vscode.window.showTextDocument(this.postingUri, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  }

  private async read(args: MatchArgs): Promise<{ text: string; source: string; uri?: vscode.Uri } | undefined> {
    if (args.text !== undefined) return { text: args.text, source: args.name ?? 'pasted text' };
    const uri =
      typeof args.uri === 'string'
        ? /^[a-z][\w+.-]+:/i.test(args.uri) && !/^[a-z]:\\/i.test(args.uri)
          ? vscode.Uri.parse(args.uri)
          : vscode.Uri.file(args.uri)
        : args.uri!;
    // An open document's text is what the user sees, saved or not.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return { text, source: vscode.workspace.asRelativePath(uri), uri };
  }

  private async pick(): Promise<{ text: string; source: string; uri?: vscode.Uri } | undefined> {
    type Item = vscode.QuickPickItem & { from: 'file' | 'clipboard' | 'editor' };
    const editor = vscode.window.activeTextEditor;
    const items: Item[] = [
      { label: '$(file) From a file…', detail: 'A job posting saved as Markdown or plain text', from: 'file' },
      { label: '$(clippy) From the clipboard', detail: 'Copy the posting from the job page first', from: 'clipboard' },
    ];
    if (editor) items.push({ label: '$(edit) From the active editor', detail: vscode.workspace.asRelativePath(editor.document.uri), from: 'editor' });
    const picked = await vscode.window.showQuickPick(items, { title: 'Match Job Description', placeHolder: 'Where is the job posting?' });
    if (!picked) return undefined;
    if (picked.from === 'clipboard') return { text: await vscode.env.clipboard.readText(), source: 'the clipboard' };
    if (picked.from === 'editor' && editor)
      return { text: editor.document.getText(), source: vscode.workspace.asRelativePath(editor.document.uri), uri: editor.document.uri };
    const files = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Match',
      title: 'Job posting',
      filters: { 'Job posting': ['md', 'markdown', 'txt'], 'All files': ['*'] },
    });
    return files?.[0] ? this.read({ uri: files[0] }) : undefined;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
