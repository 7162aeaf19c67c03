import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBank, buildCards, cardsToHtml, cardsToMarkdown, lintText, resolveConfig } from '../server/src/engine';

const DIR = join(__dirname, '..', 'examples', 'story-bank');
const TODAY = '2026-11-25';

function bank(extra: { uri: string; text: string }[] = []) {
  const config = resolveConfig();
  const inputs = readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ uri: f, text: readFileSync(join(DIR, f), 'utf8') }))
    .concat(extra);
  const files = inputs.map((i) => ({ uri: i.uri, result: lintText(i.text, config, { today: TODAY }) }));
  return { files, report: analyzeBank(files, config, TODAY) };
}

describe('Cue cards', () => {
  it('makes one card per story with its metric, lesson and themes', () => {
    const { files, report } = bank();
    const cards = buildCards(files, report);
    assert.equal(cards.length, report.stories.length);
    const cold = cards.find((c) => /cold-start/i.test(c.title))!;
    assert.ok(cold.metric, 'headline metric');
    assert.match(cold.lesson ?? '', /learn|lesson|now I|realis|realiz/i);
    assert.ok(cold.themes.includes('Tell me about a challenging ML project'));
    assert.equal(cold.followUps.length, 6);
  });

  it('renders one printable page per story in self-contained HTML', () => {
    const { files, report } = bank();
    const html = cardsToHtml(buildCards(files, report), TODAY);
    assert.equal(html.match(/<section class="card">/g)?.length, report.stories.length);
    assert.match(html, /@media print[\s\S]*break-after: page/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!keepachangelog)/, 'no scripts and no remote content');
  });

  it('escapes story text in HTML', () => {
    const evil =
      '---\ncategory: project\nquestions: [proud]\n---\n# <img src=x onerror=alert(1)>\n\n## Situation\n\nx\n\n## Task\n\nI y\n\n## Action\n\nI z\n\n## Result\n\n3x faster.\n';
    const { files, report } = bank([{ uri: 'evil.md', text: evil }]);
    const html = cardsToHtml(buildCards(files, report), TODAY);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes('<img src=x'));
  });

  it('renders Markdown with a checklist of follow-ups', () => {
    const { files, report } = bank();
    const md = cardsToMarkdown(buildCards(files, report));
    assert.equal(md.match(/^## /gm)?.length, report.stories.length);
    assert.match(md, /- \[x\] /);
    assert.match(md, /- \[ \] /);
  });
});
