// *New Story* driven through VS Code's real quick inputs: cancelled at each of its three steps
// (nothing written, nothing left behind), then completed once by accepting each step.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewStoryStep } from '../../client/src/newStory';
import { closeAllWithoutSaving, starlint, until, workspaceRoot } from './helpers';

describe('New Story, step by step', function () {
  this.timeout(90_000);
  // Inside the workspace, in a hidden folder the bank scan leaves alone.
  let folder: string;
  before(async () => {
    await starlint();
    folder = path.join(workspaceRoot().fsPath, '.e2e-new-story');
    fs.rmSync(folder, { recursive: true, force: true });
  });
  afterEach(() => closeAllWithoutSaving());
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /**
   * Runs `command` on the quick input until `done` holds. The flow names its step just before the
   * quick input appears, so a command sent in between finds nothing to act on: it is sent again
   * once a short wait shows it did nothing.
   */
  async function press(command: string, done: () => boolean, what: string): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt++) {
      await vscode.commands.executeCommand(command);
      try {
        await until(done, what, 1000, 50);
        return;
      } catch {
        // Not yet shown when the command ran: send it again.
      }
    }
    assert.fail(`${command} never got ${what}`);
  }

  /** Runs New Story, answers the steps before `cancelAt` by accepting, then cancels that step (or accepts all). */
  async function run(cancelAt?: NewStoryStep): Promise<vscode.Uri | undefined> {
    const api = await starlint();
    let settled = false;
    const result = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('starlint.newStory', { folder })).finally(() => (settled = true));
    for (const step of ['template', 'title', 'category'] as const) {
      await until(() => api.newStory.step === step, `New Story asking for the ${step}`);
      if (step === cancelAt) {
        await press('workbench.action.closeQuickOpen', () => settled, `New Story to end at the ${step}`);
        break;
      }
      await press('workbench.action.acceptSelectedQuickOpenItem', () => api.newStory.step !== step, `New Story past the ${step}`);
    }
    return result;
  }

  for (const step of ['template', 'title', 'category'] as const) {
    it(`cancelled at the ${step}: returns nothing, writes nothing, creates no folder`, async () => {
      const opened = vscode.workspace.textDocuments.length;
      assert.equal(await run(step), undefined);
      assert.equal(fs.existsSync(folder), false, 'no folder left behind');
      assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.fsPath.startsWith(folder)).length, 0);
      assert.ok(vscode.workspace.textDocuments.length <= opened, 'no document opened');
      assert.equal((await starlint()).newStory.step, undefined, 'the flow has ended');
    });
  }

  it('completed by accepting each step: writes the story and opens it at its Situation', async () => {
    const uri = await run();
    assert.ok(uri, 'a file was written');
    assert.equal(path.dirname(uri.fsPath), folder);
    assert.equal(path.basename(uri.fsPath), 'untitled-story.md', 'the suggested title');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^---\ntitle: Untitled story\n/);
    for (const s of ['Situation', 'Task', 'Action', 'Result']) assert.match(text, new RegExp(`^## ${s}$`, 'm'));
    const editor = await until(
      () => vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath && vscode.window.activeTextEditor,
      'the new story in the editor',
    );
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^\[/, "the Situation's slot is selected, ready to be typed over");
  });
});
