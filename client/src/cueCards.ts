// The cue cards panel: the bank's cards (one per story: the 30-second summary, the headline
// metric, the lesson, the themes, the follow-ups to prepare) rendered by the server exactly as
// `starlint cards` renders them, shown inside VS Code so nothing leaves the machine. The page
// runs no script and loads nothing; it redraws when the bank changes.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CardsRequest, type CardsResult } from '../../shared/protocol';
import type { BankStore } from './bankStore';

/** The policy a page without one gets: no script, nothing remote, its own inline styles only. */
const FALLBACK_CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;

export class CueCardsPanel implements vscode.Disposable {
  static readonly viewType = 'starlint.cueCards';
  panel: vscode.WebviewPanel | undefined;
  /** The deck last shown. */
  deck: CardsResult | undefined;
  private readonly subscription: vscode.Disposable;
  private rendering: Promise<void> | undefined;

  constructor(
    private readonly client: LanguageClient,
    store: BankStore,
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.OutputChannel,
  ) {
    this.subscription = store.onDidChange(() => void this.render());
  }

  /** Shows the panel (creating it on first use) once it holds the current deck. */
  async show(): Promise<vscode.WebviewPanel> {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(CueCardsPanel.viewType, 'Cue Cards', vscode.ViewColumn.Active, {
        // The cards are static: no script, no local or remote resources.
        enableScripts: false,
        localResourceRoots: [],
      });
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'starlint.svg');
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.deck = undefined;
      });
      this.panel = panel;
    } else this.panel.reveal();
    await this.render();
    return this.panel;
  }

  /** Asks the server for the deck and shows it; overlapping calls share one request. */
  private render(): Promise<void> {
    if (!this.panel) return Promise.resolve();
    this.rendering ??= (async () => {
      try {
        const deck = await this.client.sendRequest(CardsRequest.type, { format: 'html' });
        if (!this.panel) return;
        if (deck.text !== this.deck?.text) this.panel.webview.html = withPolicy(deck.text);
        this.deck = deck;
        this.panel.title = `Cue Cards (${deck.cards})`;
      } catch (e) {
        this.output.appendLine(`${CardsRequest.method} failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.rendering = undefined;
      }
    })();
    return this.rendering;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

/** The page as the server rendered it, with a content security policy if it came without one. */
export function withPolicy(html: string): string {
  if (/<meta\s+http-equiv="Content-Security-Policy"/i.test(html)) return html;
  return /<head>/i.test(html) ? html.replace(/<head>/i, `<head>\n${FALLBACK_CSP}`) : `${FALLBACK_CSP}\n${html}`;
}
