import * as vscode from 'vscode';
import type { BankStore } from './bankStore';

/**
 * A tree whose top level is rebuilt from the bank whenever the server reports a change: the
 * Story Bank and Practice views. Subclasses say how to build the roots and how to show a node.
 */
export abstract class StoreTree<N> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  protected roots: N[];
  private readonly subscription: vscode.Disposable;

  constructor(protected readonly store: BankStore) {
    this.subscription = store.onDidChange(() => {
      this.roots = this.build();
      this.changed.fire();
    });
    this.roots = this.build();
  }

  protected abstract build(): N[];
  abstract getChildren(node?: N): N[];
  abstract getTreeItem(node: N): vscode.TreeItem;

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
