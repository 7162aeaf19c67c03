// The coverage heat-map panel (stories × question themes, or × Leadership Principles for
// Amazon). One panel at a time; it redraws when the bank changes, opens a story when its row is
// activated and switches its columns when the page's toggle asks.
import * as vscode from 'vscode';
import { nonce } from './nonce';
import type { BankStore } from './bankStore';
import { renderCoverageHtml, type CoverageMode } from './coverageHtml';

export class CoveragePanel implements vscode.Disposable {
  static readonly viewType = 'starlint.coverageMatrix';
  panel: vscode.WebviewPanel | undefined;
  /** The columns shown: question themes, or Leadership Principles (only offered for Amazon). */
  mode: CoverageMode = 'themes';
  /** The page last shown, rendered without its nonce, to skip redraws that change nothing. */
  private shown: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: BankStore,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscription = store.onDidChange(() => this.render());
  }

  /** Shows the panel, creating it on first use; `mode` switches its columns. */
  show(mode?: CoverageMode): vscode.WebviewPanel {
    if (mode === 'themes' || mode === 'principles') this.setMode(mode);
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
    panel.webview.onDidReceiveMessage((m: { type?: string; story?: number; mode?: string }) => {
      if (m?.type === 'mode' && (m.mode === 'themes' || m.mode === 'principles')) return this.setMode(m.mode);
      const story = m?.type === 'open' && typeof m.story === 'number' ? this.store.report?.stories[m.story] : undefined;
      if (story) void vscode.commands.executeCommand('starlint.openStory', story.uri, story.line, vscode.ViewColumn.Beside);
    });
    this.panel = panel;
    this.render();
    return panel;
  }

  setMode(mode: CoverageMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    const report = this.store.report ?? { stories: [], coverage: [] };
    const mode = this.mode;
    // Most bank changes (an edit, a file opened) leave the matrix as it was: keep the page, and
    // with it the reader's focus, unless what it shows changed.
    const content = renderCoverageHtml(report, { cspSource: this.panel.webview.cspSource, nonce: '', mode });
    if (content === this.shown) return;
    this.shown = content;
    this.panel.webview.html = renderCoverageHtml(report, { cspSource: this.panel.webview.cspSource, nonce: nonce(), mode });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
