// Template placeholders (engine/facts/placeholders.ts, the `placeholder` rule) and the draft score:
// what our own templates and the templates people copy from the web leave behind is found, and
// what real stories say in brackets, links, citations, HTML and code is not.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeBank,
  buildCards,
  cardsToHtml,
  cardsToMarkdown,
  findPlaceholders,
  formatScore,
  lintText,
  onlyPlaceholders,
  parseDocument,
  resolveConfig,
  scoreStory,
  scoreText,
  scoreValue,
} from '../server/src/engine';
import { titlePlaceholder, withoutPlaceholders } from '../server/src/engine/facts/placeholders';
import { followUpReadiness } from '../server/src/engine/facts/follow-ups';
import { storyDescription } from '../client/src/format';
import { TEMPLATES, newStoryText, snippetText, type Snippet } from '../shared/templates';

const ROOT = join(__dirname, '..');
const TODAY = '2026-11-25';
const SNIPPETS = JSON.parse(readFileSync(join(ROOT, 'snippets/starlint.json'), 'utf8')) as Record<string, Snippet>;

/** A story whose Situation is `situation` and whose other sections are written. */
function story(situation: string): string {
  return `---\ncategory: project\nquestions: [failure, ambiguity, proud]\ndate: 2025-06\n---\n\n# Fraud model\n\n## Situation\n\n${situation}\n\n## Task\n\nI owned the fraud model.\n\n## Action\n\nI compared three options against a baseline and chose trees because analysts needed explanations.\n\n## Result\n\nLosses fell from $80K to $35K a month. I learned to agree on the metric first.\n`;
}

function placeholdersIn(markdown: string): string[] {
  return lintText(markdown, resolveConfig(), { today: TODAY, only: ['placeholder'] }).findings.map((f) => markdown.slice(f.span.start, f.span.end));
}

describe('template placeholders', () => {
  describe('what our own templates insert', () => {
    for (const t of TEMPLATES) {
      it(`New Story "${t.label}": every STAR section is a placeholder, and the score is a draft`, () => {
        const text = newStoryText({ title: 'Cutting fraud losses', category: t.category, questions: t.questions, body: SNIPPETS[t.snippet].body });
        const result = lintText(text, resolveConfig(), { today: TODAY });
        const doc = result.doc;
        for (const kind of ['situation', 'task', 'action', 'result'] as const) {
          const section = doc.stories[0].star[kind]!;
          assert.ok(onlyPlaceholders(section, text), `${t.id} ${kind}: ${section.prose.text}`);
        }
        assert.equal(result.findings.filter((f) => f.rule === 'placeholder').length, 4);
        const score = scoreStory(doc.stories[0], result.findings, resolveConfig(), TODAY);
        assert.deepEqual(score.draft, { placeholders: 4 });
        assert.deepEqual(formatScore(score), [
          'Strength: draft (4 template placeholders left)',
          'The score shows once every placeholder is replaced with your own words (rule placeholder).',
        ]);
      });
    }

    it('the snippets inserted as they are (`star`, `star-layers`, `star-follow-ups`): slots found, follow-ups not counted as answered', () => {
      const body = ['STAR story (basic)', 'Depth layers', 'Follow-up gauntlet'].map((name) => snippetText(SNIPPETS[name].body)).join('\n\n');
      const found = placeholdersIn(`---\ncategory: project\n---\n\n${body}`);
      assert.ok(found.includes('Story title'), 'the title the snippet leaves');
      assert.equal(found.filter((p) => p.startsWith('[')).length, 6, `four STAR sections, Summary and Deep dive: ${found.join(' | ')}`);
      const doc = parseDocument(`${story('Fraud losses climbed.')}\n${snippetText(SNIPPETS['Follow-up gauntlet'].body)}`);
      assert.deepEqual(followUpReadiness(doc.stories[0].layers['follow-ups']!).answered, [], 'a slot is not an answer');
    });
  });

  describe('what templates from the web leave', () => {
    const cases: [string, string[]][] = [
      ['Describe the situation you were in.', ['Describe the situation you were in.']],
      ['Briefly describe the context and why it mattered.', ['Briefly describe the context and why it mattered.']],
      ['Set the scene: where were you working, and what was at stake?', ['Set the scene: where were you working, and what was at stake?']],
      ['What was your role? What were you responsible for?', ['What was your role?', 'What were you responsible for?']],
      ['Explain the steps you took to address the challenge.', ['Explain the steps you took to address the challenge.']],
      ['[Insert the metric here] improved after the launch.', ['[Insert the metric here]']],
      ['At [Company name], our [team] shipped [product].', ['[Company name]', '[team]', '[product]']],
      ['Revenue grew [X]% and costs fell by X% in [timeframe].', ['[X]', 'X%', '[timeframe]']],
      ['We saved $XK a year.', ['$XK']],
      ['[…]', ['[…]']],
      ['…', ['…']],
      ['TODO: write this. TBD.', ['TODO', 'TBD']],
      ['Our launch slipped at <Company> and <your result here>.', ['<Company>', '<your result here>']],
      ['The result was <X%> better.', ['<X%>']],
      ['Lorem ipsum dolor sit amet.', ['Lorem ipsum']],
      ['- [Your answer]', ['[Your answer]']],
    ];
    for (const [text, expected] of cases) {
      it(`finds ${expected.map((e) => JSON.stringify(e)).join(', ')}`, () => assert.deepEqual(placeholdersIn(story(text)), expected));
    }
  });

  describe('what real writing says in brackets, links, citations, HTML and code', () => {
    const cases = [
      'Fraud losses climbed after the launch [1], as the [quarterly report](https://example.com/q3) showed [2, 3].',
      'The risk lead said [the model] was fine [sic], and the footnote[^1] says why.',
      'I added a line break<br>and a superscript<sup>2</sup> and a link <https://example.com> here.',
      'I wrote `<T>` wrappers and a `[ ]` checklist in code, and an empty list [] in the config.',
      '- [ ] rehearse with a friend\n- [x] add the A/B test numbers',
      'Would you trust a model nobody can explain? The analysts would not, so I chose trees.',
      'What was my role? I owned the fraud model end to end.',
      'The VP wrote "the launch [...] is at risk" in the review, and I took the point.',
      'Todo lists, a to-do app and the xx% and x% variables in my notes were not the problem.',
      'Describe-first reviews became my habit after the launch of the XXL tier.',
      'Share of wallet rose, and State Farm asked for the same model.',
      'Add to that the pressure on the team, and the project was late. Enter the new CFO, who asked for the details.',
      '```\n<placeholder> [Describe the code] TODO\n```',
    ];
    for (const text of cases) {
      it(`finds nothing in ${JSON.stringify(text.slice(0, 60))}`, () => assert.deepEqual(placeholdersIn(story(text)), []));
    }

    it("finds nothing in the example bank, the fixtures, or the rules' own good examples", () => {
      const dirs = ['examples/story-bank', 'test/fixtures/cli', 'test/fixtures/stories', 'test/fixtures/lsp'];
      for (const dir of dirs) {
        for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.md'))) {
          assert.deepEqual(placeholdersIn(readFileSync(join(ROOT, dir, f), 'utf8')), [], `${dir}/${f}`);
        }
      }
    });

    it('leaves the Follow-ups to follow-up-prep ("…" after a question there is a prompt to answer)', () => {
      assert.deepEqual(placeholdersIn(`${story('Fraud losses climbed.')}\n## Follow-ups\n\n- **What were the biggest risks?** …\n`), []);
    });
  });

  describe('the reusable functions', () => {
    it('findPlaceholders gives offsets into the text, and withoutPlaceholders takes them out', () => {
      const text = 'At [Company], losses fell X%. What was your role?';
      assert.deepEqual(
        findPlaceholders(text).map((p) => [p.kind, text.slice(p.start, p.end)]),
        [
          ['bracket', '[Company]'],
          ['marker', 'X%'],
          ['instruction', 'What was your role?'],
        ],
      );
      assert.equal(withoutPlaceholders(text).replace(/\s+/g, ' ').trim(), 'At , losses fell .');
    });

    it('titlePlaceholder knows the titles templates and New Story suggest, and leaves real titles alone', () => {
      for (const t of ['Story title', 'ML project title', 'Failure story title', 'Untitled story', '[Your story title]']) assert.ok(titlePlaceholder(t), t);
      for (const t of ['Changing my title', 'Untitling the legacy schema', 'Fraud model for a new payment method'])
        assert.equal(titlePlaceholder(t), undefined, t);
    });

    it("onlyPlaceholders tells a template's section from a written one", () => {
      const doc = parseDocument(story('[Describe the situation] TBD'));
      assert.equal(onlyPlaceholders(doc.stories[0].star.situation!, doc.text), true);
      assert.equal(onlyPlaceholders(doc.stories[0].star.task!, doc.text), false);
    });
  });

  describe('the draft score, shown the same everywhere', () => {
    const draft = story('[Describe the situation]');
    const written = story('Fraud losses climbed after a new payment method launched.');
    const files = [
      { uri: 'draft.md', result: lintText(draft, resolveConfig(), { today: TODAY }) },
      { uri: 'written.md', result: lintText(written, resolveConfig(), { today: TODAY }) },
    ];
    const bank = analyzeBank(files, resolveConfig(), TODAY);

    it('is withheld in the bank, the tree row and the cue cards while a placeholder is left', () => {
      const [d, w] = bank.stories;
      assert.deepEqual(d.score.draft, { placeholders: 1 });
      assert.equal(w.score.draft, undefined);
      assert.deepEqual([scoreValue(d.score), scoreText(d.score), scoreValue(w.score)], ['draft', 'draft', String(w.score.total)]);
      assert.match(storyDescription(d), /^draft · \d:\d\d · /);
      const cards = buildCards(files, bank);
      assert.match(cardsToMarkdown(cards), /\*project · strength draft · /);
      assert.match(cardsToHtml(cards, TODAY), /strength draft ·/);
      assert.match(cardsToMarkdown(cards), new RegExp(`strength ${w.score.total}/100`));
    });

    it('comes back once the placeholder is replaced, or when the rule is off', () => {
      const off = lintText(draft, resolveConfig({ rules: { placeholder: 'off' } }), { today: TODAY });
      assert.equal(scoreStory(off.doc.stories[0], off.findings, resolveConfig(), TODAY).draft, undefined);
    });
  });

  describe('a draft is judged for its placeholders, not yet for its content', () => {
    it('a story fresh from a template gets placeholder findings and metadata hints, and no error', () => {
      const text =
        '---\ncategory: project\nquestions: [failure, ambiguity, proud]\n---\n# My story\n\n## Situation\n\n[Where and when it happened.]\n\n## Task\n\n[What I was responsible for.]\n\n## Action\n\n[What I did, step by step, and why.]\n\n## Result\n\n[The outcome in numbers, and the lesson.]\n';
      const rules = new Set(lintText(text, resolveConfig(), { today: '2026-11-25' }).findings.map((f) => f.rule));
      assert.deepEqual([...rules].sort(), ['placeholder']);
    });

    it('a story half written gets its content rules on the written sections only', () => {
      const text =
        '---\ncategory: project\nquestions: [failure, ambiguity, proud]\n---\n# My story\n\n## Situation\n\nOur churn rose for two quarters and the retention team was worried.\n\n## Task\n\nWe had to cut churn.\n\n## Action\n\n[What I did, step by step, and why.]\n\n## Result\n\n[The outcome in numbers, and the lesson.]\n';
      const rules = new Set(lintText(text, resolveConfig(), { today: '2026-11-25' }).findings.map((f) => f.rule));
      assert.ok(rules.has('team-task'), 'the written Task is judged');
      for (const quiet of ['result-metric', 'missing-learning', 'first-person', 'experimentation', 'section-balance', 'empty-section'])
        assert.ok(!rules.has(quiet), quiet);
    });
  });
});
