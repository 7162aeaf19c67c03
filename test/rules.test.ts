// Every story rule carries its own examples: in a `fire` example every finding of the rule is
// marked with « and » — the same spans, as many of them, and nothing else; a `silent` example must
// yield no finding of the rule. One loop runs them all, so a new rule is tested the moment it is
// registered. The examples sit on both sides of each threshold and exactly at it, so an
// off-by-one in a comparison fails here.
import assert from 'node:assert/strict';
import { STORY_RULES, lintText, resolveConfig, type Finding } from '../server/src/engine';
import { GOOD_WORDS, ex, readExample } from '../server/src/engine/rules/examples';

const TODAY = '2026-11-25';

/** Rules reported by the engine itself rather than by a check on a story; tested on their own. */
const PSEUDO_RULES = new Set(['large-file']);

function findingsOf(ruleId: string, markdown: string, config: Parameters<typeof resolveConfig>[0]): Finding[] {
  return lintText(markdown, resolveConfig(config), { today: TODAY, only: [ruleId] }).findings.filter((f) => f.rule === ruleId);
}

type Span = { start: number; end: number };

/** Spans in document order, as "start–end" strings, so two lists compare with deepEqual. */
function spansOf(items: (Span | { span: Span })[]): string[] {
  return items
    .map((x) => ('span' in x ? x.span : x))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => `${s.start}–${s.end}`);
}

function describeSpans(markdown: string, items: (Span | { span: Span })[]): string {
  if (items.length === 0) return 'no finding';
  return items
    .map((x) => ('span' in x ? x.span : x))
    .map((s) => `${s.start}–${s.end} ${JSON.stringify(markdown.slice(s.start, s.end))}`)
    .join(', ');
}

describe('rule examples', () => {
  it('reads nested marks: one span marked twice, and a span inside another', () => {
    assert.deepEqual(readExample('««ab»» «c «d» e»').marks, [
      { start: 0, end: 2 },
      { start: 0, end: 2 },
      { start: 5, end: 6 },
      { start: 3, end: 8 },
    ]);
    assert.equal(readExample('««ab»» «c «d» e»').markdown, 'ab c d e');
  });

  it('GOOD_WORDS counts the default story as the engine does (the length examples are built on it)', () => {
    const story = lintText(ex(), resolveConfig(), { today: TODAY }).doc.stories[0];
    assert.deepEqual(story.kindWords, GOOD_WORDS);
  });

  for (const rule of STORY_RULES) {
    describe(rule.id, () => {
      if (PSEUDO_RULES.has(rule.id)) {
        it('is a pseudo-rule without examples', () => {
          assert.equal(rule.examples.fire.length, 0);
          assert.equal(rule.examples.silent.length, 0);
        });
        return;
      }

      it('has at least one firing and one silent example', () => {
        assert.ok(rule.examples.fire.length >= 1, `${rule.id} has no fire example`);
        assert.ok(rule.examples.silent.length >= 1, `${rule.id} has no silent example`);
      });

      rule.examples.fire.forEach((example, n) => {
        const { markdown, config, marks } = readExample(example);
        const shown = marks.map((m) => JSON.stringify(markdown.slice(m.start, m.end))).join(' and ');
        it(`fires on example ${n + 1} at ${shown}`, () => {
          assert.ok(marks.length >= 1, 'a fire example must mark the expected span with « and »');
          const found = findingsOf(rule.id, markdown, config);
          // The marks are the whole answer: the same spans, as many times, and nothing else.
          assert.deepEqual(spansOf(found), spansOf(marks), `expected exactly ${describeSpans(markdown, marks)}; got ${describeSpans(markdown, found)}`);
        });
      });

      rule.examples.silent.forEach((example, n) => {
        const { markdown, config } = readExample(example);
        it(`stays silent on example ${n + 1}`, () => {
          const found = findingsOf(rule.id, markdown, config);
          assert.equal(found.length, 0, `unexpected ${rule.id} findings: ${describeSpans(markdown, found)}: ${found.map((f) => f.message).join(' / ')}`);
        });
      });
    });
  }
});

describe('large-file', () => {
  const story = (n: number): string =>
    `# Story ${n}\n\n## Situation\n\nChurn rose at our shop.\n\n## Task\n\nI owned the churn model.\n\n## Action\n\nI built a model and compared it with a baseline.\n\n## Result\n\nChurn fell from 9% to 6%.\n\n`;
  const bank = Array.from({ length: 40 }, (_, n) => story(n + 1)).join('');

  it('reports a file larger than maxFileSize on its first line and lints the stories that fit', () => {
    const config = resolveConfig({ maxFileSize: 2000 });
    const result = lintText(bank, config, { today: TODAY });
    const large = result.findings.filter((f) => f.rule === 'large-file');
    assert.equal(large.length, 1);
    assert.deepEqual(large[0].span, { start: 0, end: bank.indexOf('\n') });
    assert.match(large[0].message, /maxFileSize/);
    assert.ok(result.doc.stories.length > 0, 'the stories that fit are still linted');
    assert.ok(result.doc.stories.length < 40, 'the stories past the budget are not');
    assert.ok(result.doc.stories.every((s) => s.span.end <= 2000));
  });

  it('stays silent on a file within maxFileSize', () => {
    const result = lintText(bank, resolveConfig({ maxFileSize: bank.length }), { today: TODAY, only: ['large-file'] });
    assert.equal(result.findings.filter((f) => f.rule === 'large-file').length, 0);
  });

  it('can be switched off like any rule', () => {
    const result = lintText(bank, resolveConfig({ maxFileSize: 2000, rules: { 'large-file': 'off' } }), { today: TODAY });
    assert.equal(result.findings.filter((f) => f.rule === 'large-file').length, 0);
  });
});

describe('section-balance: the message never shows a share inside the limits it breaks', () => {
  it('says 9.8 %, not 10 %, for a Result under the 10 % floor (15–20 % less the 5-point tolerance)', () => {
    const rule = STORY_RULES.find((r) => r.id === 'section-balance')!;
    const { markdown } = readExample(rule.examples!.fire[0]);
    const messages = lintText(markdown, resolveConfig(), { today: TODAY, only: ['section-balance'] }).findings.map((f) => f.message);
    const result = messages.find((m) => m.startsWith('Result is '));
    assert.ok(result, messages.join('\n'));
    assert.match(result, /^Result is 9\.\d %/);
  });
});
