// The Question Coverage view: every question theme, the gaps first, each with the stories
// that answer it.
import * as vscode from 'vscode';
import type { BankStory, CoverageRow } from '../../shared/protocol';
import type { BankStore } from './bankStore';
import { storyItem } from './bankTree';
import { coverageDescription, coverageOrder, plural, showsPrinciples } from './format';

export type CoverageNode = { kind: 'theme'; row: CoverageRow } | { kind: 'story'; story: BankStory; theme: string };

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: BankStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    const report = this.store.report;
    if (!report || report.stories.length === 0) return [];
    if (!node) return coverageOrder(report.coverage).map((row) => ({ kind: 'theme', row }));
    if (node.kind === 'story') return [];
    return node.row.stories
      .map((i) => report.stories[i])
      .filter(Boolean)
      .map((story) => ({ kind: 'story', story, theme: node.row.theme }));
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    if (node.kind === 'story') {
      const item = storyItem(node.story, { principles: showsPrinciples(this.store.report) });
      item.id = `${node.theme}/${item.id}`;
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(row.question, row.stories.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `theme:${row.theme}`;
    item.description = coverageDescription(row);
    item.contextValue = `theme-${row.status}`;
    switch (row.status) {
      case 'uncovered':
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.tooltip = `No story answers “${row.question}” (${row.theme}). Add the theme to a story's \`questions\` or write a new story for it.`;
        break;
      case 'thin':
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = `Only one story answers “${row.question}”: a second one gives you a choice in the interview.`;
        break;
      default:
        item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.tooltip = `${plural(row.stories.length, 'story')} answer “${row.question}”.`;
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
