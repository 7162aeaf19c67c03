// The Practice view: the spaced-repetition schedule (day 0/3/7/14/21 after the first practice)
// across the bank — the stories due today or overdue first, then those never practiced, then the
// upcoming ones. A story's inline action logs today's practice session.
import * as vscode from 'vscode';
import type { BankStory } from '../../shared/protocol';
import { StoreTree } from './storeTree';
import { practiceDescription, practiceDetail, practiceGroups, type PracticeGroup } from './format';

export type PracticeNode = { kind: 'group'; group: PracticeGroup } | { kind: 'story'; story: BankStory; parent: PracticeNode };

const GROUP_ICONS: Record<PracticeGroup['id'], vscode.ThemeIcon> = {
  due: new vscode.ThemeIcon('bell-dot', new vscode.ThemeColor('list.warningForeground')),
  never: new vscode.ThemeIcon('circle-large-outline'),
  upcoming: new vscode.ThemeIcon('calendar'),
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export class PracticeTreeProvider extends StoreTree<PracticeNode> {
  protected build(): PracticeNode[] {
    return practiceGroups(this.store.report?.stories ?? []).map((group) => ({ kind: 'group', group }));
  }

  /** The number of stories due today or overdue. */
  get due(): number {
    for (const r of this.roots) if (r.kind === 'group' && r.group.id === 'due') return r.group.stories.length;
    return 0;
  }

  getChildren(node?: PracticeNode): PracticeNode[] {
    if (!node) return this.roots;
    if (node.kind === 'story') return [];
    return node.group.stories.map((story) => ({ kind: 'story', story, parent: node }));
  }

  getParent(node: PracticeNode): PracticeNode | undefined {
    return node.kind === 'story' ? node.parent : undefined;
  }

  getTreeItem(node: PracticeNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      // The upcoming and finished stories matter less today: they start folded.
      const open = group.id === 'due' || group.id === 'never';
      const item = new vscode.TreeItem(
        `${group.label} · ${group.stories.length}`,
        open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `practice-group:${group.id}`;
      item.iconPath = GROUP_ICONS[group.id];
      item.contextValue = `practice-${group.id}`;
      return item;
    }
    const { story } = node;
    const item = new vscode.TreeItem(story.title, vscode.TreeItemCollapsibleState.None);
    item.id = `practice:${story.uri}#${story.index}`;
    item.description = practiceDescription(story);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(story.title);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(practiceDetail(story));
    tooltip.appendMarkdown('\n\n$(check) *Mark Practiced Today* logs a session in the story’s `practiced` list.');
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(story.practice.due ? 'bell-dot' : story.practice.practiced.length ? 'history' : 'circle-large-outline');
    item.contextValue = 'story';
    item.command = { command: 'starlint.openStory', title: 'Open Story', arguments: [story.uri, story.line] };
    item.accessibilityInformation = { label: `${story.title}, ${item.description}` };
    return item;
  }
}
