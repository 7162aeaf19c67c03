// The client's copy of the story bank: fetched with `starlint/bank`, fetched again when the
// server sends `starlint/bankChanged` or the user refreshes. The trees, the status bar and the
// heat-map all read it and redraw on `onDidChange`.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { BankStory } from '../../shared/protocol';
import { BankChangedNotification, BankRequest, type BankResult } from '../../shared/protocol';

export class BankStore implements vscode.Disposable {
  private current: BankResult | undefined;
  private pending: Promise<BankResult | undefined> | undefined;
  private again = false;
  private readonly changed = new vscode.EventEmitter<BankResult | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires after every fetch with the new bank (undefined when the server could not answer). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(client.onNotification(BankChangedNotification.type, () => void this.refresh()));
  }

  get report(): BankResult | undefined {
    return this.current;
  }

  /**
   * Asks the server for the bank. Calls that arrive during a fetch share one extra fetch after
   * it, so a burst of notifications costs at most two requests and the last answer is fresh.
   */
  refresh(): Promise<BankResult | undefined> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = (async () => {
      try {
        do {
          this.again = false;
          try {
            this.current = await this.client.sendRequest(BankRequest.type, {});
          } catch (e) {
            this.output.appendLine(`starlint/bank failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        } while (this.again);
        return this.current;
      } finally {
        this.pending = undefined;
        this.changed.fire(this.current);
      }
    })();
    return this.pending;
  }

  /** The stories of one file, in file order. */
  storiesOf(uri: vscode.Uri): BankStory[] {
    const key = uri.toString();
    return (this.current?.stories ?? []).filter((s) => sameUri(s.uri, key));
  }

  /** The story of a file that contains the given line (the last one starting at or above it). */
  storyAt(uri: vscode.Uri, line: number): BankStory | undefined {
    const stories = this.storiesOf(uri);
    return stories.filter((s) => s.line <= line).at(-1) ?? stories[0];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** URIs from the server and from VS Code may differ in percent-encoding (`%3A` vs `:`). */
export function sameUri(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return vscode.Uri.parse(a).toString() === vscode.Uri.parse(b).toString();
  } catch {
    return false;
  }
}
