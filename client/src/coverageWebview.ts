// The coverage heat-map panel (stories × question themes). One panel at a time; it redraws when
// the bank changes and opens a story when its row is activated.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { BankStore } from './bankStore';
import { renderCoverageHtml } from './coverageHtml';

export class CoveragePanel implements vscode.Disposable {
  static readonly viewType = 'starlint.coverageMatrix';
  panel: vscode.WebviewPanel | undefined;
  /** The page last shown, rendered without its nonce, to skip redraws that change nothing. */
  private shown: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: BankStore,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscription = store.onDidChange(() => this.render());
  }

  /** Shows the panel, creating it on first use. */
  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(CoveragePanel.viewType, 'Question Coverage', vscode.ViewColumn.Active, {
      enableScripts: true,
      // The page loads nothing: no local or remote resource roots.
      localResourceRoots: [],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'starlint.svg');
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.shown = undefined;
    });
    panel.webview.onDidReceiveMessage((m: { type?: string; story?: number }) => {
      const story = m?.type === 'open' && typeof m.story === 'number' ? this.store.report?.stories[m.story] : undefined;
      if (story) void vscode.commands.executeCommand('starlint.openStory', story.uri, story.line, vscode.ViewColumn.Beside);
    });
    this.panel = panel;
    this.render();
    return panel;
  }

  private render(): void {
    if (!this.panel) return;
    const report = this.store.report ?? { stories: [], coverage: [] };
    // Most bank changes (an edit, a file opened) leave the matrix as it was: keep the page, and
    // with it the reader's focus, unless what it shows changed.
    const content = renderCoverageHtml(report, { cspSource: this.panel.webview.cspSource, nonce: '' });
    if (content === this.shown) return;
    this.shown = content;
    this.panel.webview.html = renderCoverageHtml(report, { cspSource: this.panel.webview.cspSource, nonce: randomBytes(16).toString('base64') });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
