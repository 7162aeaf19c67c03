// The VS Code extension on any host: starts the language client the platform gives (Node on the
// desktop, a web worker in VS Code for the Web) and wires the views, the status bar and the
// commands to it. Each feature lives in its own file; this one only connects them.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BankStore } from './bankStore';
import { BankTreeProvider, type BankNode } from './bankTree';
import { registerCommands } from './commands';
import { CoverageTreeProvider } from './coverageTree';
import { CoveragePanel } from './coverageWebview';
import { CueCardsPanel } from './cueCards';
import { DrillPanel } from './drillPanel';
import { MatchPanel } from './matchPanel';
import { PracticeTreeProvider, type PracticeNode } from './practiceTree';
import { restoreSetUpContext } from './setup';
import { StoryStatusBar } from './statusBar';
import { TrustStatus } from './trust';
import { bankDescription, bankState, dueTooltip, gapsTooltip } from './format';
import type { NewStoryState } from './newStory';
import type { Platform } from './platform';

/** What `activate` returns: the live parts, for tests and for other extensions. */
export interface StarlintApi {
  client: BaseLanguageClient;
  bank: BankStore;
  bankTree: BankTreeProvider;
  bankView: vscode.TreeView<BankNode>;
  coverageTree: CoverageTreeProvider;
  practiceTree: PracticeTreeProvider;
  practiceView: vscode.TreeView<PracticeNode>;
  statusBar: StoryStatusBar;
  /** Shown while the workspace is untrusted (Restricted Mode). */
  trust: TrustStatus;
  coverage: CoveragePanel;
  cueCards: CueCardsPanel;
  /** The step *New Story* is asking now (undefined when it asks nothing), for tests that drive it. */
  newStory: NewStoryState;
  drill: DrillPanel;
  match: MatchPanel;
  /** Settles when the server has started and the first bank has been fetched. */
  ready: Promise<void>;
}

let client: BaseLanguageClient | undefined;

/** Activation on any host: the web entry (client/src/browser.ts) calls it with the browser platform. */
export function activateWith(context: vscode.ExtensionContext, platform: Platform): StarlintApi {
  const output = vscode.window.createOutputChannel('starlint');
  client = platform.createClient(context, output);
  const store = new BankStore(client, output);
  const bankTree = new BankTreeProvider(store);
  const coverageTree = new CoverageTreeProvider(store);
  const bankView = vscode.window.createTreeView('starlint.bank', { treeDataProvider: bankTree, showCollapseAll: true });
  const coverageView = vscode.window.createTreeView('starlint.coverage', { treeDataProvider: coverageTree, showCollapseAll: true });
  const practiceTree = new PracticeTreeProvider(store);
  const practiceView = vscode.window.createTreeView('starlint.practice', { treeDataProvider: practiceTree, showCollapseAll: true });
  const statusBar = new StoryStatusBar(store);
  const trust = new TrustStatus(client);
  const coverage = new CoveragePanel(store, context.extensionUri);
  const cueCards = new CueCardsPanel(client, store, context.extensionUri, output);
  const newStory: NewStoryState = {};
  const drill = new DrillPanel(client, context.extensionUri);
  const match = new MatchPanel(client, context.extensionUri);

  // The views' descriptions summarise the bank next to their titles.
  const describe = () => {
    const r = store.report;
    bankView.description = r ? bankDescription(r) : undefined;
    bankView.message = r?.partial ? `Only part of the workspace was indexed: ${r.partial}` : undefined;
    void vscode.commands.executeCommand('setContext', 'starlint.bankState', bankState(r));
    const gaps = r?.coverage.filter((c) => c.status === 'uncovered').length ?? 0;
    coverageView.description = r ? (gaps ? `${gaps} uncovered` : 'all covered') : undefined;
    coverageView.badge = gaps ? { value: gaps, tooltip: gapsTooltip(gaps) } : undefined;
    const due = practiceTree.due;
    practiceView.description = r ? (due ? `${due} due` : 'nothing due') : undefined;
    practiceView.badge = due ? { value: due, tooltip: dueTooltip(due) } : undefined;
  };

  context.subscriptions.push(
    output,
    store,
    bankTree,
    coverageTree,
    bankView,
    coverageView,
    practiceTree,
    practiceView,
    statusBar,
    trust,
    coverage,
    cueCards,
    drill,
    match,
    store.onDidChange(describe),
    ...registerCommands({ context, platform, client, store, bankTree, bankView, coverage, cueCards, newStory, drill, match }),
  );

  restoreSetUpContext(context);
  const ready = client.start().then(
    async () => {
      await store.refresh();
    },
    (e: unknown) => {
      output.appendLine(`starlint: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    },
  );
  ready.catch(() => undefined); // reported above; callers that await `ready` still see the error
  return {
    client,
    bank: store,
    bankTree,
    bankView,
    coverageTree,
    practiceTree,
    practiceView,
    statusBar,
    trust,
    coverage,
    cueCards,
    newStory,
    drill,
    match,
    ready,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
