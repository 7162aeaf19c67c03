// The pages of the mock-interview and job-match panels (client/src/drillHtml.ts, matchHtml.ts),
// rendered from real engine output over the example bank plus a story with a hostile title: their
// structure at each step of the drill, the clock's states from a hand-held clock, and that no
// story text reaches the page unescaped.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBank, lintText, resolveConfig } from '../../server/src/engine';
import { planDrill } from '../../server/src/engine/bank/drill';
import { drillStep, startDrill, type DrillAction, type DrillState } from '../../shared/drill-session';
import { matchJob } from '../../server/src/engine/bank/match';
import { ex } from '../../server/src/engine/rules/examples';
import { renderDrillHtml } from '../../client/src/drillHtml';
import { renderMatchHtml } from '../../client/src/matchHtml';

const TODAY = '2026-11-25';
const ROOT = join(__dirname, '..', '..');
const XSS = '<img src=x onerror=alert(1)>';
const OPTIONS = { cspSource: 'vscode-webview://test', nonce: 'abc123' };

function bank() {
  const config = resolveConfig();
  const dir = join(ROOT, 'examples', 'story-bank');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ uri: `file:///bank/${f}`, result: lintText(readFileSync(join(dir, f), 'utf8'), config, { today: TODAY }) }));
  // A story whose title and metadata would run script if a page did not escape them.
  const hostile = ex({ front: `category: leadership\nquestions: [leading-without-authority, why-company]`, title: XSS });
  files.push({ uri: `file:///bank/"><script>.md`, result: lintText(hostile, config, { today: TODAY }) });
  return { report: analyzeBank(files, config, TODAY), config };
}

function assertSafe(html: string): void {
  assert.ok(!html.includes(XSS), 'a raw story title reached the page');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  // Only the page's own script runs, under its nonce.
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<script nonce="abc123">/);
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src vscode-webview:\/\/test &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;;">/,
  );
  assert.ok(!/https?:\/\//.test(html.replace(/<meta http-equiv[^>]*>/, '')), 'the page loads something remote');
}

describe('client: the mock-interview page', () => {
  const { report, config } = bank();
  const plan = planDrill(report, config, { seed: 2, themes: ['leading-without-authority', 'why-company', 'failure'] });
  const page = (state: DrillState, elapsed = 0) => renderDrillHtml({ plan, stories: report.stories, state, elapsed, today: TODAY }, OPTIONS);
  const after = (steps: [DrillAction, number][]) => steps.reduce((s, [a, t]) => drillStep(plan, s, a, t), startDrill(plan));

  it('shows the question, the story to tell (best first) and the keys, escaping every story title', () => {
    const html = page(startDrill(plan));
    assertSafe(html);
    assert.match(html, /<body data-phase="question">/);
    assert.match(html, /question 1 of 3 · seed 2/);
    assert.match(html, /<h2 class="question">Tell me about a time you led without authority\.<\/h2>/);
    assert.match(html, /<h3>Tell this story<\/h3><p><button type="button" class="link story pick" data-story="8"/);
    assert.match(html, /data-action="start" data-key="Enter" class="primary" autofocus>Start the clock <kbd>Enter<\/kbd>/);
    assert.match(html, /data-action="skip" data-key="s"/);
  });

  it('shows the clock while the story is told: under, inside and past the 2–3 minute target', () => {
    const telling = after([[{ type: 'start' }, 0]]);
    const at = (s: number) => page(telling, s);
    assert.match(at(59), /<p class="time short" data-clock data-elapsed="59" data-min="120" data-max="180">0:59<\/p>/);
    assert.match(at(150), /<p class="time target" [^>]*>2:30<\/p>/);
    assert.match(at(181), /<p class="time long" [^>]*>3:01<\/p><p class="target long" data-clock-message [^>]*>past 3:00/);
    assert.match(at(0), /data-action="stop" data-key="Enter"/);
  });

  it('after the telling, asks the two follow-ups and offers to log today’s practice', () => {
    const html = page(
      after([
        [{ type: 'start' }, 0],
        [{ type: 'stop' }, 200_000],
      ]),
    );
    assert.match(html, /You spoke for 3:20, past 3:00: cut the Situation and land the Result sooner\./);
    assert.equal((html.match(/<li>[^<]+\?? <span class="meta">\((?:prepared|not in)/g) ?? []).length, 2);
    assert.match(html, /data-action="told" data-key="y" class="primary" autofocus>I told it — log 2026-11-25 in its practiced list/);
  });

  it('sums up at the end: asked, told, skipped, stories used, practice logged, themes with no story', () => {
    const html = page(
      after([
        [{ type: 'start' }, 0],
        [{ type: 'stop' }, 150_000],
        [{ type: 'told', logged: TODAY }, 151_000],
        [{ type: 'skip' }, 152_000],
        [{ type: 'quit' }, 153_000],
      ]),
    );
    assertSafe(html);
    assert.match(html, /<body data-phase="done">/);
    assert.match(html, /2 questions asked, 1 told, 1 skipped\./);
    assert.match(
      html,
      /<h3>Practice logged<\/h3><ul><li><button[^>]*data-story="8"[^>]*>&lt;img src=x onerror=alert\(1\)&gt;<\/button> <span class="meta">2026-11-25<\/span>/,
    );
    assert.match(html, /data-action="restart"/);
  });
});

describe('client: the job-match page', () => {
  const { report, config } = bank();
  const posting = readFileSync(join(ROOT, 'test/fixtures/match/ranking-engineer.md'), 'utf8');
  const result = matchJob(posting, report, config);

  it('is a table of the competencies, gaps first, with the evidence and the stories best first, escaped', () => {
    const html = renderMatchHtml({ result, stories: report.stories, source: 'ranking-engineer.md', linkable: true }, OPTIONS);
    assertSafe(html);
    const rows = html.match(/<tr class="(gap|thin|ok)">/g) ?? [];
    assert.equal(rows.length, result.competencies.length);
    assert.deepEqual(
      rows.map((r) => /"(\w+)"/.exec(r)![1]),
      result.competencies.map((c) => c.status),
    );
    assert.match(html, /ranking-engineer\.md · 138 words · names Meta \(line 1\) · 9 stories in the bank/);
    assert.match(html, /<button type="button" class="link evidence" data-line="7" data-column="\d+" title="[^"]+">“ambiguous”<\/button>/);
    assert.match(html, /<h2>Rehearse first<\/h2><ol class="rehearse">/);
    // The hostile story leads without authority: it fills the gap the example bank has.
    const lwa = html.slice(html.indexOf('<code>leading-without-authority</code>'));
    assert.match(lwa.slice(0, lwa.indexOf('</tr>')), /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('has no evidence links for pasted text, and says when nothing was found', () => {
    const pasted = renderMatchHtml({ result, stories: report.stories, source: 'the clipboard', linkable: false }, OPTIONS);
    assert.ok(!pasted.includes('data-line='));
    const none = renderMatchHtml({ result: matchJob('Lorem ipsum.', report, config), stories: report.stories, source: 'x', linkable: false }, OPTIONS);
    assert.match(none, /No competency of the lexicon \(docs\/match\.md\) found in this posting\./);
  });
});
