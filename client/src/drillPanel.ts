// The mock-interview panel (starlint: Start Mock Interview): the server plans the drill from the
// bank (`starlint/drillPlan`, as `starlint drill` plans it), the session runs here through the
// engine's dependency-free steps, and a story told is logged with *Mark Practiced Today* — the
// same YAML-preserving edit, made by the server. One panel at a time; the page posts its buttons.
import * as vscode from 'vscode';
import { nonce } from './nonce';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { drillStep, startDrill, type DrillAction, type DrillState } from '../../shared/drill-session';
import { DrillPlanRequest, type DrillPlanParams, type DrillPlanResult, type MarkPracticedResult } from '../../shared/protocol';
import { renderDrillHtml, type DrillView } from './drillHtml';
import {} from './format';
import { today } from '../../shared/time';
import { openPanel } from './panel';

/** As `starlint drill`'s options; `folder` (a workspace folder URI) limits the bank to that folder. */
export type DrillArgs = Pick<DrillPlanParams, 'questions' | 'themes' | 'seed' | 'folder'>;

const ACTIONS = new Set(['start', 'stop', 'told', 'not-told', 'skip', 'quit', 'restart']);

export class DrillPanel implements vscode.Disposable {
  static readonly viewType = 'starlint.mockInterview';
  panel: vscode.WebviewPanel | undefined;
  /** The drill being run: the server's plan and the stories it points at. */
  drill: DrillPlanResult | undefined;
  state: DrillState | undefined;
  flash: DrillView['flash'];
  private args: DrillArgs = {};

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
    /** The clock (milliseconds); tests pass their own. */
    private readonly now: () => number = Date.now,
  ) {}

  /** Plans a drill with the server and shows its first question. */
  async start(args: DrillArgs = {}): Promise<vscode.WebviewPanel> {
    this.args = args;
    this.drill = await this.client.sendRequest(DrillPlanRequest.type, args);
    this.state = startDrill(this.drill.plan);
    this.flash = this.drill.partial ? { kind: 'info', text: `The workspace scan was still running: ${this.drill.partial}` } : undefined;
    if (!this.panel) {
      // The clock keeps running while the panel is in a background tab.
      this.panel = openPanel(
        DrillPanel.viewType,
        'Mock Interview',
        this.extensionUri,
        { message: (m) => this.handle(m), disposed: () => (this.panel = undefined) },
        { retainContextWhenHidden: true },
      );
    } else this.panel.reveal();
    this.render();
    return this.panel;
  }

  /** A message from the page: `{ type: 'action', action }` or `{ type: 'open', story }`. Tests call it as the page would. */
  async handle(message: unknown): Promise<void> {
    const m = message as { type?: string; action?: string; story?: number } | undefined;
    if (!this.drill || !this.state || !m) return;
    if (m.type === 'open' && typeof m.story === 'number') {
      const s = this.drill.stories[m.story];
      if (s) await vscode.commands.executeCommand('starlint.openStory', s.uri, s.line, vscode.ViewColumn.Beside);
      return;
    }
    if (m.type !== 'action' || !m.action || !ACTIONS.has(m.action)) return;
    if (m.action === 'restart') {
      await this.start({ ...this.args, seed: undefined });
      return;
    }
    let action: DrillAction = { type: m.action as Exclude<DrillAction['type'], 'told'> } as DrillAction;
    if (m.action === 'told') {
      if (this.state.phase !== 'follow-ups') return;
      action = await this.logPractice();
    } else if (m.action === 'skip') this.flash = { kind: 'info', text: `Skipped: ${this.drill.plan.questions[this.state.index]?.id}.` };
    else if (m.action === 'not-told') this.flash = { kind: 'info', text: 'Not logged.' };
    else if (m.action === 'start') this.flash = undefined;
    this.state = drillStep(this.drill.plan, this.state, action, this.now());
    this.render();
  }

  /** Logs today's practice of the story just told, with Mark Practiced Today. */
  private async logPractice(): Promise<DrillAction> {
    const q = this.drill!.plan.questions[this.state!.index];
    const story = q.story !== undefined ? this.drill!.stories[q.story] : undefined;
    if (!story) {
      this.flash = { kind: 'info', text: 'Told. No story to log it in.' };
      return { type: 'told' };
    }
    try {
      const r = await vscode.commands.executeCommand<MarkPracticedResult | undefined>('starlint.markPracticedToday', story.uri, story.index);
      if (r?.applied) {
        this.flash = { kind: 'ok', text: `Logged ${r.date} in the practiced list of “${story.title}”.` };
        return { type: 'told', logged: r.date };
      }
      if (r && r.practice.practiced.includes(r.date)) {
        this.flash = { kind: 'info', text: `“${story.title}” already logs ${r.date}.` };
        return { type: 'told', logged: r.date };
      }
      const reason = r?.reason ?? 'the story is no longer in the bank';
      this.flash = { kind: 'warn', text: `Not logged in “${story.title}”: ${reason}` };
      return { type: 'told', logError: reason };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.flash = { kind: 'warn', text: `Not logged in “${story.title}”: ${reason}` };
      return { type: 'told', logError: reason };
    }
  }

  /** The page as it is now drawn (for tests and screenshots). */
  view(): DrillView | undefined {
    if (!this.drill || !this.state) return undefined;
    const elapsed = this.state.phase === 'telling' && this.state.startedAt !== undefined ? Math.max(0, (this.now() - this.state.startedAt) / 1000) : 0;
    return {
      plan: this.drill.plan,
      stories: this.drill.stories,
      state: this.state,
      elapsed,
      flash: this.flash,
      today: today(new Date(this.now())),
      notes: this.drill.unknownThemes,
    };
  }

  private render(): void {
    const v = this.view();
    if (!this.panel || !v) return;
    const q = v.plan.questions[v.state.index];
    this.panel.title = v.state.phase === 'done' || !q ? 'Mock Interview' : `Mock Interview (${v.state.index + 1}/${v.plan.questions.length})`;
    this.panel.webview.html = renderDrillHtml(v, { cspSource: this.panel.webview.cspSource, nonce: nonce() });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
