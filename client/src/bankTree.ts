// The Story Bank view: the stories grouped by category, each group showing how far its count
// is from the ideal, each story its strength, spoken time, problem count and follow-up readiness
// (and, for Amazon, the Leadership Principles it names).
import * as vscode from 'vscode';
import type { BankStory, CompositionRow } from '../../shared/protocol';
import { formatScore } from '../../shared/score-format';
import { StoreTree } from './storeTree';
import {
  compositionAdvice,
  compositionLabel,
  followUpLabel,
  missingFollowUps,
  problemCount,
  problemSummary,
  practiceDescription,
  showsPrinciples,
  storyDescription,
  type DescriptionOptions,
} from './format';

export type BankNode =
  | { kind: 'category'; row: CompositionRow; stories: BankStory[] }
  | { kind: 'uncategorized'; stories: BankStory[] }
  | { kind: 'story'; story: BankStory; parent: BankNode };

export class BankTreeProvider extends StoreTree<BankNode> {
  protected build(): BankNode[] {
    const report = this.store.report;
    if (!report || report.stories.length === 0) return [];
    const known = new Set(report.composition.map((r) => r.category));
    const roots: BankNode[] = report.composition.map((row) => ({ kind: 'category', row, stories: report.stories.filter((s) => s.category === row.category) }));
    const loose = report.stories.filter((s) => !s.category || !known.has(s.category));
    if (loose.length) roots.push({ kind: 'uncategorized', stories: loose });
    return roots;
  }

  getChildren(node?: BankNode): BankNode[] {
    if (!node) return this.roots;
    if (node.kind === 'story') return [];
    return node.stories.map((story) => ({ kind: 'story', story, parent: node }));
  }

  getParent(node: BankNode): BankNode | undefined {
    return node.kind === 'story' ? node.parent : undefined;
  }

  getTreeItem(node: BankNode): vscode.TreeItem {
    switch (node.kind) {
      case 'category':
        return categoryItem(node.row, node.stories.length > 0);
      case 'uncategorized': {
        const item = new vscode.TreeItem(`no category · ${node.stories.length}`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'category:(none)';
        item.iconPath = new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = 'Stories without a known `category` in their front matter: the bank cannot place them.';
        item.contextValue = 'category';
        return item;
      }
      case 'story':
        return storyItem(node.story, { principles: showsPrinciples(this.store.report) });
    }
  }

  /** The tree node of a story, for `TreeView.reveal`. */
  nodeOf(story: Pick<BankStory, 'uri' | 'index'>): BankNode | undefined {
    for (const root of this.roots) {
      for (const child of this.getChildren(root)) {
        if (child.kind === 'story' && child.story.uri === story.uri && child.story.index === story.index) return child;
      }
    }
    return undefined;
  }
}

function categoryItem(row: CompositionRow, hasStories: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(compositionLabel(row), hasStories ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  // A group that gains its first story needs a new id: VS Code keeps the collapsed state of an
  // id it has seen, and a group first drawn empty would otherwise stay closed.
  item.id = `category:${row.category}${hasStories ? '' : ':empty'}`;
  const advice = compositionAdvice(row);
  item.description = row.label;
  item.iconPath = advice
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  item.tooltip = advice ?? `${row.label}: ${row.count}, within the ideal range.`;
  item.contextValue = 'category';
  return item;
}

export function storyItem(story: BankStory, o: DescriptionOptions = {}): vscode.TreeItem {
  const item = new vscode.TreeItem(story.title, vscode.TreeItemCollapsibleState.None);
  item.id = `story:${story.uri}#${story.index}`;
  item.description = storyDescription(story, o);
  item.tooltip = storyTooltip(story, o);
  item.iconPath = storyIcon(story);
  item.contextValue = 'story';
  item.command = { command: 'starlint.openStory', title: 'Open Story', arguments: [story.uri, story.line] };
  item.accessibilityInformation = { label: `${story.title}, strength ${story.score.draft ? 'draft' : `${story.score.total} of 100`}, ${item.description}` };
  return item;
}

export function storyTooltip(story: BankStory, o: DescriptionOptions = {}): vscode.MarkdownString {
  const [head, ...criteria] = formatScore(story.score);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(story.title)}** — ${escapeMarkdown(head)}\n\n`);
  for (const line of criteria) md.appendMarkdown(`- ${escapeMarkdown(line)}\n`);
  if (problemCount(story)) md.appendMarkdown(`\n$(warning) ${problemSummary(story)}\n`);
  const missing = missingFollowUps(story);
  md.appendMarkdown(`\n$(comment-discussion) ${followUpLabel(story).replace('follow-ups', 'Follow-ups')}`);
  if (!story.followUps) md.appendMarkdown(' — no Follow-ups section yet (snippet `star-follow-ups`)');
  else if (missing.length) md.appendMarkdown(` — still to prepare: ${missing.map((q) => escapeMarkdown(q)).join(' · ')}`);
  md.appendMarkdown('\n');
  if (o.principles) {
    md.appendMarkdown(
      story.principles.length
        ? `\n$(organization) Leadership Principles: ${story.principles.map(escapeMarkdown).join(', ')}\n`
        : '\n$(organization) Names no Leadership Principle: say which one the story shows (e.g. "Dive Deep").\n',
    );
  }
  md.appendMarkdown(`\n$(calendar) Practice: ${practiceDescription(story)}\n`);
  return md;
}

function storyIcon(story: BankStory): vscode.ThemeIcon {
  if (story.problems.error > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (story.score.draft) return new vscode.ThemeIcon('edit');
  const total = story.score.total;
  return new vscode.ThemeIcon(total >= 80 ? 'star-full' : total >= 60 ? 'star-half' : 'star-empty');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
