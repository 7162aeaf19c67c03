// The VS Code client's pure parts: labels, templates and the heat-map's HTML. The parts that
// need an editor are tested in test/vscode/ inside a real extension host.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../lsp/helpers/client';
import type { BankStory, CoverageRow } from '../../server/src/engine';
import { renderCoverageHtml } from '../../client/src/coverageHtml';
import {
  bankState,
  compositionAdvice,
  compositionLabel,
  coverageOrder,
  practiceDescription,
  practiceDetail,
  practiceGroups,
  principleCoverage,
  slugify,
  storyDescription,
  storyStatus,
} from '../../client/src/format';
import { clock as mmss, today as localDate } from '../../shared/time';
import { TEMPLATES, newStoryText, snippetText, type Snippet } from '../../shared/templates';
import { parseDocument } from '../../server/src/engine';

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '../../snippets/starlint.json'), 'utf8')) as Record<string, Snippet>;

function story(over: Partial<BankStory> = {}): BankStory {
  return {
    uri: 'file:///bank/a.md',
    index: 0,
    title: 'A story',
    line: 0,
    span: { start: 0, end: 1 },
    category: 'project',
    themes: ['proud'],
    score: { total: 72, criteria: [] },
    words: 377,
    seconds: 151,
    problems: { error: 1, warning: 2, info: 0, hint: 0 },
    practice: { practiced: [], due: false, overdueDays: 0 },
    principles: [],
    values: [],
    skills: [],
    iRatio: 0.824,
    ...over,
  };
}

describe('client: the Story Bank welcome view', () => {
  it('says "no stories found" when the workspace has Markdown but no story, and how a story looks', () => {
    assert.equal(bankState(undefined), undefined);
    assert.equal(bankState({ stories: [story()], scanned: 3 }), 'stories');
    assert.equal(bankState({ stories: [], scanned: 3 }), 'noStories');
    assert.equal(bankState({ stories: [], scanned: 0 }), 'empty');
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    const views = pkg.contributes.viewsWelcome.filter((v: { view: string }) => v.view === 'starlint.bank');
    const noStories = views.find((v: { when?: string }) => v.when === 'starlint.bankState == noStories');
    assert.match(
      noStories.contents,
      /^No stories found in this workspace's Markdown\. starlint reads Markdown with Situation, Task, Action and Result headings or labels/,
    );
    assert.ok(
      views.some((v: { when?: string }) => v.when === 'starlint.bankState != noStories'),
      'the other states keep the first-run text',
    );
  });
});

describe('client: labels', () => {
  it('formats spoken time as m:ss', () => {
    assert.deepEqual([0, 9, 60, 151, 599.6].map(mmss), ['0:00', '0:09', '1:00', '2:31', '10:00']);
  });

  it('labels a category group with its count and ideal range', () => {
    const row = { category: 'failure', label: 'Failure, pivot or setback', count: 1, min: 2, max: 3, status: 'low' as const };
    assert.equal(compositionLabel(row), 'failure · 1 of 2–3');
    assert.match(compositionAdvice(row)!, /add 1 more/);
    assert.equal(compositionLabel({ ...row, category: 'ethics', min: 1, max: 1, count: 1, status: 'ok' }), 'ethics · 1 of 1');
    assert.equal(compositionAdvice({ ...row, count: 2, status: 'ok' }), undefined);
  });

  it('describes a story row and the status bar', () => {
    assert.equal(storyDescription(story()), '72 · 2:31 · 3 problems · follow-ups 0/6');
    assert.equal(storyDescription(story({ problems: { error: 0, warning: 0, info: 1, hint: 0 } })), '72 · 2:31 · 1 problem · follow-ups 0/6');
    const followUps = { answered: ['why-approach', 'differently', 'buy-in', 'success'], missing: ['risks', 'after-shipping'] };
    assert.equal(storyDescription(story({ followUps })), '72 · 2:31 · 3 problems · follow-ups 4/6');
    assert.equal(storyStatus(story()), '377 words · 2:31 · I 82 %');
    assert.equal(storyStatus(story({ iRatio: undefined })), '377 words · 2:31');
  });

  it('names the Leadership Principles a story shows when the bank is tuned for Amazon', () => {
    assert.equal(
      storyDescription(story({ principles: ['Ownership', 'Dive Deep'] }), { principles: true }),
      '72 · 2:31 · 3 problems · follow-ups 0/6 · Ownership, Dive Deep',
    );
    assert.equal(storyDescription(story(), { principles: true }), '72 · 2:31 · 3 problems · follow-ups 0/6 · no Leadership Principle');
    const rows = principleCoverage([story({ principles: ['Ownership', 'Dive Deep'] }), story({ principles: ['Ownership'] })]);
    assert.equal(rows.length, 16);
    assert.deepEqual(
      rows.find((r) => r.theme === 'Ownership'),
      { theme: 'Ownership', question: 'Ownership', stories: [0, 1], status: 'ok' },
    );
    assert.deepEqual(rows.find((r) => r.theme === 'Dive Deep')!.status, 'thin');
    assert.deepEqual(rows.find((r) => r.theme === 'Frugality')!.stories, []);
  });

  it('orders coverage with the gaps first, keeping configuration order within each group', () => {
    const rows: CoverageRow[] = [
      { theme: 'a', question: 'A', stories: [0, 1], status: 'ok' },
      { theme: 'b', question: 'B', stories: [], status: 'uncovered' },
      { theme: 'c', question: 'C', stories: [1], status: 'thin' },
      { theme: 'd', question: 'D', stories: [], status: 'uncovered' },
    ];
    assert.deepEqual(
      coverageOrder(rows).map((r) => r.theme),
      ['b', 'd', 'c', 'a'],
    );
  });

  it('makes file names from titles', () => {
    assert.equal(slugify('Hybrid recommender for cold-start users'), 'hybrid-recommender-for-cold-start-users');
    assert.equal(slugify('Réduire la latence — p99 à 50 ms!'), 'reduire-la-latence-p99-a-50-ms');
    assert.equal(slugify('<img src=x onerror=alert(1)>'), 'img-src-x-onerror-alert-1');
    assert.equal(slugify('!!!'), 'story');
    assert.ok(slugify('word '.repeat(40)).length <= 60);
  });
});

describe('client: practice schedule', () => {
  const at = (title: string, practice: Partial<BankStory['practice']>): BankStory =>
    story({ title, practice: { practiced: [], due: false, overdueDays: 0, ...practice } });
  const stories = [
    at('Upcoming late', { practiced: ['2026-11-20', '2026-11-23'], next: '2026-11-27' }),
    at('Never', {}),
    at('Due today', { practiced: ['2026-11-25'], next: '2026-11-25', due: true }),
    at('Overdue', { practiced: ['2026-11-01', '2026-11-04'], next: '2026-11-08', due: true, overdueDays: 17 }),
    at('Upcoming soon', { practiced: ['2026-11-23'], next: '2026-11-26' }),
    at('Complete', { practiced: ['2026-10-01', '2026-10-04', '2026-10-08', '2026-10-15', '2026-10-22'] }),
  ];

  it('groups the stories: due (most overdue first), never practiced, upcoming (soonest first), complete', () => {
    const groups = practiceGroups(stories);
    assert.deepEqual(
      groups.map((g) => [g.id, g.stories.map((s) => s.title)]),
      [
        ['due', ['Overdue', 'Due today']],
        ['never', ['Never']],
        ['upcoming', ['Upcoming soon', 'Upcoming late']],
        ['done', ['Complete']],
      ],
    );
    assert.deepEqual(
      practiceGroups([stories[1]]).map((g) => g.id),
      ['never'],
      'empty groups are left out',
    );
  });

  it('says when each story is due', () => {
    assert.deepEqual(stories.map(practiceDescription), [
      'next: 2026-11-27',
      'never practiced',
      'due today',
      'due 17 days ago',
      'next: 2026-11-26',
      'all 5 checkpoints done',
    ]);
    assert.equal(practiceDescription(at('One day', { practiced: ['2026-11-21'], next: '2026-11-24', due: true, overdueDays: 1 })), 'due 1 day ago');
    assert.equal(practiceDetail(stories[3]), 'Practiced 2 times: 2026-11-01, 2026-11-04. Next checkpoint (day 7): due since 2026-11-08, 17 days ago.');
    assert.match(practiceDetail(stories[1]), /^Not practiced yet\. Practise it today to start the schedule \(day 0, day 3, day 7, day 14, day 21\)\.$/);
  });

  it('logs a session under the local date', () => {
    assert.equal(localDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });
});

describe('client: story templates', () => {
  it('has a snippet for every template', () => {
    for (const t of TEMPLATES) assert.ok(SNIPPETS[t.snippet], t.snippet);
  });

  it('resolves placeholders, choices and date variables to plain text', () => {
    const now = new Date(2026, 10, 25);
    assert.equal(snippetText(['# ${1:Title}', '${2|a,b|} $0 ${3} \\$5', 'date: ${4:$CURRENT_YEAR-$CURRENT_MONTH}'], now), '# Title\na   $5\ndate: 2026-11');
    assert.equal(snippetText('${1:outer ${2:inner}}'), 'outer inner');
  });

  it('writes a new story that parses as one story with its metadata and four sections', () => {
    for (const t of TEMPLATES) {
      const text = newStoryText({
        title: 'Cut p99: from 80 ms to 35 ms',
        category: t.category,
        questions: t.questions,
        body: SNIPPETS[t.snippet].body,
        now: new Date(2026, 0, 5),
      });
      assert.ok(!/\$\{?\d/.test(text), `placeholders left in ${t.id}`);
      const doc = parseDocument(text);
      assert.equal(doc.stories.length, 1, t.id);
      const s = doc.stories[0];
      assert.equal(s.title, 'Cut p99: from 80 ms to 35 ms');
      assert.equal(s.meta.category, t.category);
      assert.deepEqual(s.meta.questions ?? [], t.questions);
      assert.equal(s.meta.date, '2026-01');
      assert.deepEqual(Object.keys(s.star).sort(), ['action', 'result', 'situation', 'task'], t.id);
    }
  });

  it('quotes titles YAML would misread', () => {
    for (const title of ['<img src=x onerror=alert(1)>', 'yes', 'A: B', '#1 result', '"quoted"', 'Saved $1.2M']) {
      const s = parseDocument(newStoryText({ title, questions: [], body: SNIPPETS['STAR story (basic)'].body })).stories[0];
      assert.equal(s.title, title);
    }
  });
});

describe('client: coverage heat-map HTML', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const report = {
    stories: [story({ title: hostile, category: '"><script>alert(2)</script>' }), story({ title: 'Second & last', score: { total: 90, criteria: [] } })],
    coverage: [
      { theme: 'proud', question: "Tell me about something you're proud of", stories: [0, 1], status: 'ok' as const },
      { theme: 'why-company', question: 'Why <b>here</b>?', stories: [], status: 'uncovered' as const },
    ],
  };
  const html = renderCoverageHtml(report, { cspSource: 'https://*.vscode-cdn.net', nonce: 'abc123' });

  it('escapes every string that comes from a story file', () => {
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<b>here'));
    assert.ok(html.includes('Second &amp; last'));
  });

  it('has a strict CSP with a nonce and loads nothing remote', () => {
    assert.match(
      html,
      /content="default-src &#39;none&#39;; style-src https:\/\/\*\.vscode-cdn\.net &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;;"/,
    );
    assert.equal((html.match(/<script nonce="abc123">/g) ?? []).length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/\s(src|href)="/.test(html), 'no src or href attribute');
    assert.ok(!/ style="/.test(html), 'no inline style attributes (the CSP forbids them)');
  });

  it('is a table with header cells for themes and stories, the gaps first', () => {
    const cols = [...html.matchAll(/<th scope="col" class="theme (\w+)"[^>]*><span>([^<]+)<\/span>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(cols, [
      ['uncovered', 'why-company'],
      ['ok', 'proud'],
    ]);
    assert.equal((html.match(/<th scope="row" class="story"/g) ?? []).length, 2);
    assert.match(html, /<td class="cell yes heat-3"[^>]*data-story="0"/);
    assert.match(html, /<td class="cell yes heat-4"[^>]*data-story="1"/);
    assert.match(html, /<td class="cell no gap"/);
    assert.ok(html.includes('colour') === false && html.includes('var(--vscode-charts-blue)'), 'colours come from the theme');
  });

  it('offers Leadership Principles as columns only when the bank is tuned for Amazon, escaped and behind the same CSP', () => {
    const amazon = {
      ...report,
      targetCompany: 'amazon',
      stories: [story({ title: hostile, principles: ['Dive Deep'] }), story({ title: 'Second & last', principles: [] })],
    };
    assert.ok(!html.includes('role="radiogroup"'), 'no toggle without a target company');
    assert.ok(
      !renderCoverageHtml({ ...report, targetCompany: 'google' }, { cspSource: 'x', nonce: 'n', mode: 'principles' }).includes('Leadership Principles'),
    );
    const themes = renderCoverageHtml(amazon, { cspSource: 'x', nonce: 'n' });
    assert.match(
      themes,
      /<button type="button" role="radio" data-mode="themes" aria-checked="true" class="active">Question themes<\/button><button type="button" role="radio" data-mode="principles" aria-checked="false">Leadership Principles<\/button>/,
    );
    const principles = renderCoverageHtml(amazon, { cspSource: 'x', nonce: 'n', mode: 'principles' });
    assert.match(principles, /<h1>Leadership Principles<\/h1>/);
    const cols = [...principles.matchAll(/<th scope="col" class="theme (\w+)"[^>]*><span>([^<]+)<\/span>/g)].map((m) => m[2]);
    assert.equal(cols.length, 16);
    assert.equal(cols.at(-1), 'Dive Deep', 'the principles no story names come first');
    assert.ok(principles.includes('aria-label="&lt;img src=x onerror=alert(1)&gt; names “Dive Deep”"'));
    assert.ok(!principles.includes('<img'));
    assert.match(principles, /15 named by no story: Customer Obsession, Ownership/);
    assert.equal((principles.match(/<script/g) ?? []).length, 1);
    assert.match(principles, /content="default-src &#39;none&#39;; style-src x &#39;nonce-n&#39;; script-src &#39;nonce-n&#39;;"/);
  });

  it('says so when the bank is empty', () => {
    assert.match(renderCoverageHtml({ stories: [], coverage: [] }, { cspSource: 'x', nonce: 'n' }), /No story files/);
  });
});

describe('client: activation stays light', () => {
  it('bundles no part of the engine: no parser, no YAML, no rules (the server does that work)', () => {
    ensureBuilt();
    const map = JSON.parse(readFileSync(join(__dirname, '..', '..', 'dist', 'extension.js.map'), 'utf8')) as { sources: string[] };
    const heavy = map.sources.filter((s) =>
      /node_modules\/(?:micromark[^/]*|mdast-[^/]*|remark-[^/]*|unified|yaml|jsonc-parser)\/|server\/src\/engine\//.test(s),
    );
    assert.deepEqual(heavy, []);
  });
});
