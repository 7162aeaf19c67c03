// The mock-interview panel's HTML: one page per step of the drill (the question and its stories,
// the clock, the follow-ups, the summary), drawn from the plan the server made and the session
// state (shared/drill-session.ts). Pure (no vscode), so the escaping and the structure
// are unit-tested. Every string from a story file goes through escapeHtml; colours come from the
// theme; the page loads nothing and its one script only ticks the clock and posts the buttons.
import type { BankStory } from '../../shared/protocol';
import type { DrillPlan } from '../../shared/protocol';
import { TARGET_SECONDS, drillSummary, timerView, type DrillState } from '../../shared/drill-session';
import { followUpPrepared, followUpQuestion, practiceNote, questionLabel, reasonText, sentence, tellingVerdict } from '../../shared/drill-words';
import { escapeHtml, plural } from './format';
import { clock } from '../../shared/time';
import { webviewPage, type PageParts } from './webviewPage';

export interface DrillView {
  plan: DrillPlan;
  stories: BankStory[];
  state: DrillState;
  /** Seconds on the clock when the page is drawn (while telling). */
  elapsed: number;
  /** What happened to the last story told: logged, or why not. */
  flash?: { text: string; kind: 'ok' | 'warn' | 'info' };
  /** The date a practice is logged under. */
  today: string;
  /** Themes asked for that the bank does not know. */
  notes?: string[];
}

export type DrillHtmlOptions = Pick<PageParts, 'cspSource' | 'nonce'>;

/** A button the script posts when pressed; `key` is its keyboard shortcut. */
function button(action: string, label: string, key: string, primary = false): string {
  return `<button type="button" data-action="${action}" data-key="${escapeHtml(key)}" class="${primary ? 'primary' : 'secondary'}"${primary ? ' autofocus' : ''}>${escapeHtml(label)} <kbd>${escapeHtml(key === ' ' ? 'Space' : key)}</kbd></button>`;
}

function storyLink(stories: BankStory[], i: number, cls = 'story'): string {
  const s = stories[i];
  return `<button type="button" class="link ${cls}" data-story="${i}" title="${escapeHtml(`Open ${s.title} (${s.uri.split('/').pop()}:${s.line + 1})`)}">${escapeHtml(s.title)}</button>`;
}

function facts(s: BankStory): string {
  return `${s.score.total}/100 · ${clock(s.seconds)} spoken · ${practiceNote(s)}`;
}

export function renderDrillHtml(v: DrillView, o: DrillHtmlOptions): string {
  const { plan, state } = v;
  const q = plan.questions[state.index];
  const done = state.phase === 'done' || !q;
  const position = done ? `${plural(plan.questions.length, 'question')}` : `question ${state.index + 1} of ${plan.questions.length}`;
  const flash = v.flash ? `<p class="flash ${v.flash.kind}" role="status">${escapeHtml(v.flash.text)}</p>` : '<p class="flash" role="status"></p>';
  const notes = (v.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  const body = done ? summary(v) : step(v);
  return webviewPage({
    cspSource: o.cspSource,
    nonce: o.nonce,
    title: 'Mock Interview',
    style: STYLE,
    script: SCRIPT,
    bodyAttributes: `data-phase="${done ? 'done' : state.phase}"`,
    body: `<header><h1>Mock interview</h1><p class="meta">${escapeHtml(`${position} · seed ${plan.seed}`)}</p></header>
${notes}${flash}
<main>
${body}
</main>`,
  });
}

function step(v: DrillView): string {
  const { plan, stories, state } = v;
  const q = plan.questions[state.index];
  const story = q.story !== undefined ? stories[q.story] : undefined;
  const out = [
    `<h2 class="question">${escapeHtml(sentence(q.question))}</h2>`,
    `<p class="meta">${escapeHtml(`${questionLabel(q)} · ${reasonText(q, stories)}`)}</p>`,
  ];
  if (state.phase === 'question') {
    if (story) {
      out.push(
        `<section class="tell"><h3>Tell this story</h3><p>${storyLink(stories, q.story!, 'story pick')}</p><p class="meta">${escapeHtml(facts(story))}</p></section>`,
      );
      const others = q.stories.filter((i) => i !== q.story);
      if (others.length)
        out.push(
          `<section><h3>Other stories that answer it</h3><ul class="others">${others.map((i) => `<li>${storyLink(stories, i)} <span class="meta">${escapeHtml(`${stories[i].score.total} · ${clock(stories[i].seconds)}`)}</span></li>`).join('')}</ul></section>`,
        );
    } else {
      out.push(
        `<section class="tell none"><h3>No story in your bank answers this</h3><p>Think of a moment from your own work and tell it anyway; then write it down as a story with <code>${escapeHtml(q.id)}</code> in its <code>questions</code>.</p></section>`,
      );
    }
    out.push(
      `<p class="actions">${button('start', 'Start the clock', 'Enter', true)} ${button('skip', 'Skip', 's')} ${button('quit', 'End the drill', 'q')}</p>`,
    );
  } else if (state.phase === 'telling') {
    const t = timerView(v.elapsed);
    out.push(
      `<section class="clock" aria-label="Speaking time"><p class="time ${t.status}" data-clock data-elapsed="${t.seconds}" data-min="${TARGET_SECONDS.min}" data-max="${TARGET_SECONDS.max}">${t.clock}</p><p class="target ${t.status}" data-clock-message ${CLOCK_MESSAGES}>${escapeHtml(t.message)}</p>${
        story ? `<p class="meta">${escapeHtml(`Telling: ${story.title} — ${clock(story.seconds)} when read at your words per minute`)}</p>` : ''
      }</section>`,
      `<p class="actions">${button('stop', 'Done', 'Enter', true)} ${button('skip', 'Skip', 's')} ${button('quit', 'End the drill', 'q')}</p>`,
    );
  } else if (state.phase === 'follow-ups') {
    const t = timerView(state.seconds ?? 0);
    out.push(
      `<p class="spoke ${t.status}">You spoke for ${escapeHtml(`${t.clock}, ${tellingVerdict(t.status)}`)}.</p>`,
      '<section><h3>The interviewer follows up — answer aloud</h3><ol class="follow-ups">',
      ...q.followUps.map(
        (f) =>
          `<li>${escapeHtml(followUpQuestion(f))} <span class="meta">${followUpPrepared(story, f) ? '(prepared in its Follow-ups)' : '(not in its Follow-ups yet)'}</span></li>`,
      ),
      '</ol></section>',
      `<p class="actions">${button('told', story ? `I told it — log ${v.today} in its practiced list` : 'I told it', 'y', true)} ${button('not-told', 'I did not', 'n')} ${button('quit', 'End the drill', 'q')}</p>`,
    );
  }
  return out.join('\n');
}

function summary(v: DrillView): string {
  const { plan, stories, state } = v;
  const s = drillSummary(plan, state);
  const out = [`<h2>Drill over</h2>`, `<p class="summary">${escapeHtml(`${plural(s.asked, 'question')} asked, ${s.told} told, ${s.skipped} skipped.`)}</p>`];
  out.push(
    `<section><h3>Stories used</h3>${s.storiesUsed.length ? `<ul>${s.storiesUsed.map((i) => `<li>${storyLink(stories, i)}</li>`).join('')}</ul>` : '<p class="meta">None.</p>'}</section>`,
  );
  if (s.logged.length)
    out.push(
      `<section><h3>Practice logged</h3><ul>${s.logged.map((l) => `<li>${storyLink(stories, l.story)} <span class="meta">${escapeHtml(l.date)}</span></li>`).join('')}</ul></section>`,
    );
  const failed = state.outcomes.filter((o) => o.logError && o.story !== undefined);
  if (failed.length)
    out.push(
      `<section class="warn"><h3>Not logged</h3><ul>${failed.map((o) => `<li>${storyLink(stories, o.story!)}: ${escapeHtml(o.logError!)}</li>`).join('')}</ul></section>`,
    );
  if (s.long.length) out.push(`<p class="warn">${escapeHtml(`Over 3:00: ${s.long.join(', ')}.`)}</p>`);
  out.push(
    `<section><h3>Themes with no story</h3>${s.noStory.length ? `<ul>${s.noStory.map((x) => `<li><code>${escapeHtml(x.id)}</code>${x.asked ? ' <span class="meta">(asked)</span>' : ''}</li>`).join('')}</ul>` : '<p class="meta">Every theme has a story.</p>'}</section>`,
  );
  out.push(`<p class="actions">${button('restart', 'Start another drill', 'Enter', true)}</p>`);
  return out.join('\n');
}

// The clock's three messages, as timerView words them, for the page's script to switch between.
const CLOCK_MESSAGES = (['short', 'target', 'long'] as const)
  .map(
    (status) => `data-${status}="${escapeHtml(timerView(status === 'short' ? 0 : status === 'target' ? TARGET_SECONDS.min : TARGET_SECONDS.max + 1).message)}"`,
  )
  .join(' ');

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 20px; max-width: 60em; }
header { display: flex; align-items: baseline; gap: 1em; }
h1 { font-size: 1.3em; font-weight: 600; }
h2.question, h2 { font-size: 1.6em; font-weight: 600; margin: 0.6em 0 0.2em; }
h3 { font-size: 1em; font-weight: 600; margin: 1.2em 0 0.4em; }
.meta, .note { color: var(--vscode-descriptionForeground); }
.flash { min-height: 1.4em; margin: 0.4em 0; }
.flash.ok { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.flash.warn, .warn { color: var(--vscode-editorWarning-foreground); }
.tell { border-left: 3px solid var(--vscode-focusBorder); padding: 0.2em 0 0.2em 0.8em; }
.tell.none { border-left-color: var(--vscode-editorWarning-foreground); }
button.link { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; cursor: pointer; text-align: left; }
button.link:hover { text-decoration: underline; }
button.pick { font-weight: 600; font-size: 1.1em; }
ul.others, ul { padding-left: 1.2em; }
.actions { margin-top: 1.6em; display: flex; flex-wrap: wrap; gap: 8px; }
.actions button { font: inherit; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 5px 12px; cursor: pointer; }
button.primary { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button.primary:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
kbd { font-family: var(--vscode-editor-font-family); font-size: 0.85em; opacity: 0.8; border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
.clock .time { font-size: 4em; font-variant-numeric: tabular-nums; margin: 0.2em 0 0; font-weight: 300; }
.clock .time.target, .spoke.target { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.clock .time.long, .spoke.long, .clock .target.long { color: var(--vscode-errorForeground); }
ol.follow-ups li { margin: 0.4em 0; font-size: 1.1em; }
code { font-family: var(--vscode-editor-font-family); }
`;

// The clock ticks in the page (the extension keeps the start time and measures the telling when it
// stops); buttons and their keys post the action; a story's title opens it.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const post = (action) => vscode.postMessage({ type: 'action', action });
  for (const b of document.querySelectorAll('[data-action]')) b.addEventListener('click', () => post(b.dataset.action));
  for (const b of document.querySelectorAll('[data-story]')) b.addEventListener('click', () => vscode.postMessage({ type: 'open', story: Number(b.dataset.story) }));
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key === 'Enter' ? 'Enter' : e.key.toLowerCase();
    // Enter on a focused button presses that button; elsewhere it is the primary action.
    if (key === 'Enter' && document.activeElement && document.activeElement.tagName === 'BUTTON') return;
    const b = document.querySelector('[data-action][data-key="' + key + '"]');
    if (b) { e.preventDefault(); b.click(); }
  });
  const primary = document.querySelector('button.primary');
  if (primary) primary.focus();
  const clock = document.querySelector('[data-clock]');
  if (!clock) return;
  const message = document.querySelector('[data-clock-message]');
  const start = Date.now() - Number(clock.dataset.elapsed) * 1000;
  const min = Number(clock.dataset.min), max = Number(clock.dataset.max);
  const tick = () => {
    const s = Math.floor((Date.now() - start) / 1000);
    clock.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    const status = s > max ? 'long' : s >= min ? 'target' : 'short';
    clock.className = 'time ' + status;
    message.className = 'target ' + status;
    message.textContent = message.dataset[status];
  };
  setInterval(tick, 250);
})();
`;
