// The VS Code client's pure parts: labels, templates and the heat-map's HTML. The parts that
// need an editor are tested in test/vscode/ inside a real extension host.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankStory, CoverageRow } from '../../server/src/engine';
import { renderCoverageHtml } from '../../client/src/coverageHtml';
import { compositionAdvice, compositionLabel, coverageOrder, escapeHtml, mmss, slugify, storyDescription, storyStatus } from '../../client/src/format';
import { TEMPLATES, newStoryText, snippetText, type Snippet } from '../../client/src/templates';
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
    iRatio: 0.824,
    ...over,
  };
}

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
    assert.equal(storyDescription(story()), '72 · 2:31 · 3 problems');
    assert.equal(storyDescription(story({ problems: { error: 0, warning: 0, info: 1, hint: 0 } })), '72 · 2:31 · 1 problem');
    assert.equal(storyStatus(story()), '377 words · 2:31 · I 82 %');
    assert.equal(storyStatus(story({ iRatio: undefined })), '377 words · 2:31');
  });

  it('orders coverage with the gaps first, keeping configuration order within each group', () => {
    const rows: CoverageRow[] = [
      { theme: 'a', question: 'A', stories: [0, 1], status: 'ok' },
      { theme: 'b', question: 'B', stories: [], status: 'uncovered' },
      { theme: 'c', question: 'C', stories: [1], status: 'thin' },
      { theme: 'd', question: 'D', stories: [], status: 'uncovered' },
    ];
    assert.deepEqual(coverageOrder(rows).map((r) => r.theme), ['b', 'd', 'c', 'a']);
  });

  it('makes file names from titles', () => {
    assert.equal(slugify('Hybrid recommender for cold-start users'), 'hybrid-recommender-for-cold-start-users');
    assert.equal(slugify('Réduire la latence — p99 à 50 ms!'), 'reduire-la-latence-p99-a-50-ms');
    assert.equal(slugify('<img src=x onerror=alert(1)>'), 'img-src-x-onerror-alert-1');
    assert.equal(slugify('!!!'), 'story');
    assert.ok(slugify('word '.repeat(40)).length <= 60);
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
      const text = newStoryText({ title: 'Cut p99: from 80 ms to 35 ms', category: t.category, questions: t.questions, body: SNIPPETS[t.snippet].body, now: new Date(2026, 0, 5) });
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
    assert.match(html, /content="default-src &#39;none&#39;; style-src https:\/\/\*\.vscode-cdn\.net &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;;"/);
    assert.equal((html.match(/<script nonce="abc123">/g) ?? []).length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/\s(src|href)="/.test(html), 'no src or href attribute');
    assert.ok(!/ style="/.test(html), 'no inline style attributes (the CSP forbids them)');
  });

  it('is a table with header cells for themes and stories, the gaps first', () => {
    const cols = [...html.matchAll(/<th scope="col" class="theme (\w+)"[^>]*><span>([^<]+)<\/span>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(cols, [['uncovered', 'why-company'], ['ok', 'proud']]);
    assert.equal((html.match(/<th scope="row" class="story"/g) ?? []).length, 2);
    assert.match(html, /<td class="cell yes heat-3"[^>]*data-story="0"/);
    assert.match(html, /<td class="cell yes heat-4"[^>]*data-story="1"/);
    assert.match(html, /<td class="cell no gap"/);
    assert.ok(html.includes('colour') === false && html.includes('var(--vscode-charts-blue)'), 'colours come from the theme');
  });

  it('says so when the bank is empty', () => {
    assert.match(renderCoverageHtml({ stories: [], coverage: [] }, { cspSource: 'x', nonce: 'n' }), /No story files/);
  });
});
