// The status-bar item of the active story: words, spoken time and the I-ratio of its Action.
// A click shows the story's details (its rubric, and a way to reveal it in the Story Bank).
import * as vscode from 'vscode';
import type { BankStory } from '../../shared/protocol';
import type { BankStore } from './bankStore';
import { scoreText, storyStatus } from './format';

export class StoryStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('starlint.story', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** The story the item shows, if any. */
  story: BankStory | undefined;

  constructor(private readonly store: BankStore) {
    this.item.name = 'starlint: active story';
    this.disposables.push(
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        // Only a multi-story file can change story when the cursor moves.
        if (e.textEditor === vscode.window.activeTextEditor && this.store.storiesOf(e.textEditor.document.uri).length > 1) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const story = editor && editor.document.languageId === 'markdown' ? this.store.storyAt(editor.document.uri, editor.selection.active.line) : undefined;
    this.story = story;
    if (!story) {
      this.item.hide();
      return;
    }
    const status = storyStatus(story);
    this.item.text = `$(book) ${status}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**${story.title.replace(/[\\`*_[\]<>]/g, '\\$&')}**\n\n${status} · strength ${scoreText(story.score)}\n\nClick for the rubric.`,
    );
    this.item.accessibilityInformation = { label: `Story: ${status.replace(/ · /g, ', ')}` };
    this.item.command = { command: 'starlint.showStoryDetails', title: 'Show Story Details', arguments: [story.uri, story.index] };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
