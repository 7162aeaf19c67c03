// Bank rules judge the set of stories, so they are tested through analyzeBank over small
// in-memory banks, and over the example bank in examples/story-bank.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BANK_RULES, analyzeBank, lintText, resolveConfig, type BankFinding, type StarlintConfig } from '../server/src/engine';
import { ex } from '../server/src/engine/rules/examples';

const TODAY = '2026-11-25';

interface StorySpec {
  category: string;
  questions: string[];
  /** The Result's headline metric; unique per story unless a test says otherwise. */
  metric?: string;
  /** The front-matter key that lists the themes: `questions` unless a test says otherwise. */
  themesKey?: 'questions' | 'themes';
}

let counter = 0;
function storyText(spec: StorySpec): string {
  const n = ++counter;
  const metric = spec.metric ?? `from ${n}.1% to ${n}.9%`;
  return ex({
    front: `title: Story ${n}\ncategory: ${spec.category}\n${spec.themesKey ?? 'questions'}: [${spec.questions.join(', ')}]\ndate: 2025-06`,
    title: `Story ${n}`,
    result: `Review precision rose ${metric}, saving $${n}0K a year. The template is now used by two other teams. I learned to agree on the metric first.`,
  });
}

function analyze(specs: StorySpec[], config?: StarlintConfig) {
  const resolved = resolveConfig(config);
  const files = specs.map((spec, i) => {
    const text = storyText(spec);
    return { uri: `memory:///stories/${String(i + 1).padStart(2, '0')}.md`, text, result: lintText(text, resolved, { today: TODAY }) };
  });
  const report = analyzeBank(files, resolved, TODAY);
  return { report, files, of: (rule: string): BankFinding[] => report.findings.filter((f) => f.rule === rule) };
}

/** Seven stories in the ideal composition that together answer all ten themes. */
const IDEAL: StorySpec[] = [
  { category: 'project', questions: ['challenging-project', 'ambiguity', 'proud'] },
  { category: 'project', questions: ['prioritization', 'proud', 'challenging-project'] },
  { category: 'collaboration', questions: ['cross-functional', 'disagreement', 'leading-without-authority'] },
  { category: 'failure', questions: ['failure', 'ambiguity', 'challenging-project'] },
  { category: 'failure', questions: ['failure', 'prioritization', 'disagreement'] },
  { category: 'leadership', questions: ['leading-without-authority', 'proud', 'why-company'] },
  { category: 'ethics', questions: ['ethics', 'disagreement', 'cross-functional'] },
];

describe('bank rules', () => {
  it('every bank rule is registered as one and tested here', () => {
    assert.deepEqual(BANK_RULES.map((r) => r.id).sort(), ['bank-composition', 'bank-size', 'duplicate-metric', 'overused-story', 'uncovered-question']);
    for (const rule of BANK_RULES) assert.equal(rule.bank, true);
  });

  it('the ideal bank gets no bank finding', () => {
    const { report } = analyze(IDEAL);
    assert.deepEqual(
      report.findings.map((f) => `${f.rule}: ${f.message}`),
      [],
    );
    assert.ok(report.composition.every((row) => row.status === 'ok'));
    assert.ok(report.coverage.every((row) => row.status !== 'uncovered'));
  });

  describe('bank-size', () => {
    it('fires on a bank of fewer than 7 stories', () => {
      const found = analyze(IDEAL.slice(0, 6)).of('bank-size');
      assert.equal(found.length, 1);
      assert.equal(found[0].uri, undefined, 'it is about the bank as a whole');
      assert.match(found[0].message, /6 stories: prepare 7–10/);
    });

    it('fires on a bank of more than 10 stories', () => {
      const found = analyze([...IDEAL, ...IDEAL.slice(0, 4)]).of('bank-size');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /11 stories/);
    });

    it('stays silent on 7 to 10 stories', () => {
      for (const n of [7, 8, 10]) assert.deepEqual(analyze([...IDEAL, ...IDEAL].slice(0, n)).of('bank-size'), [], `${n} stories`);
    });

    it('takes its bounds from the configuration', () => {
      assert.equal(analyze(IDEAL.slice(0, 3), { rules: { 'bank-size': { min: 3, max: 5 } } }).of('bank-size').length, 0);
      assert.equal(analyze(IDEAL, { rules: { 'bank-size': { min: 3, max: 5 } } }).of('bank-size').length, 1);
      assert.equal(analyze(IDEAL.slice(0, 2), { rules: { 'bank-size': 'off' } }).of('bank-size').length, 0);
    });
  });

  describe('bank-composition', () => {
    it('fires on a category below its ideal count', () => {
      const found = analyze(IDEAL.filter((s) => s.category !== 'ethics')).of('bank-composition');
      assert.deepEqual(
        found.map((f) => f.data?.category),
        ['ethics'],
      );
      assert.match(found[0].message, /^ethics: 0 of 1/);
    });

    it('fires on a category above its ideal count, on the bank and on each of its stories', () => {
      const projects = Array.from({ length: 4 }, () => ({ category: 'project', questions: ['challenging-project', 'ambiguity', 'proud'] }));
      const { of, files } = analyze([...projects, ...IDEAL.slice(2)]);
      const found = of('bank-composition');
      const onBank = found.filter((f) => f.uri === undefined);
      assert.deepEqual(
        onBank.map((f) => f.data?.category),
        ['project'],
      );
      assert.match(onBank[0].message, /^project: 4 of 2–3/);
      const onStories = found.filter((f) => f.uri !== undefined);
      assert.equal(onStories.length, 4);
      for (const f of onStories) {
        const file = files.find((x) => x.uri === f.uri)!;
        assert.equal(file.text.slice(f.span.start, f.span.end), 'category', 'the story finding points at its category key');
      }
    });

    // The ideal bank holds every category at its fewest; these hold one at its most, then one more.
    const MOST: Record<string, number> = { project: 3, collaboration: 2, failure: 3, leadership: 2, ethics: 1 };
    for (const [category, most] of Object.entries(MOST)) {
      const member = IDEAL.find((s) => s.category === category)!;
      const extra = (n: number): StorySpec[] => Array.from({ length: n }, () => member);
      const have = IDEAL.filter((s) => s.category === category).length;

      it(`stays silent on ${most} ${category} stories, and fires on ${most + 1} at each of them`, () => {
        assert.deepEqual(analyze([...IDEAL, ...extra(most - have)]).of('bank-composition'), []);
        const { of, files } = analyze([...IDEAL, ...extra(most + 1 - have)]);
        const found = of('bank-composition');
        const members = files.filter((f) => f.text.includes(`category: ${category}\n`)).map((f) => f.uri);
        assert.equal(members.length, most + 1);
        assert.deepEqual(found.map((f) => f.uri ?? 'bank').sort(), ['bank', ...members].sort());
        assert.ok(found.every((f) => f.data?.category === category));
      });

      it(`fires once, on the bank, with ${have - 1} ${category} stories (one under ${have})`, () => {
        const i = IDEAL.indexOf(member);
        const found = analyze([...IDEAL.slice(0, i), ...IDEAL.slice(i + 1)]).of('bank-composition');
        assert.deepEqual(
          found.map((f) => [f.uri, f.data?.category, f.data?.count]),
          [[undefined, category, have - 1]],
        );
      });
    }

    it('stays silent on the ideal composition, whatever the case of the category', () => {
      const shouting = IDEAL.map((s) => ({ ...s, category: s.category[0].toUpperCase() + s.category.slice(1) }));
      assert.deepEqual(analyze(shouting).of('bank-composition'), []);
    });

    it('says how many stories a short category needs, and gives a fixed ideal as one number', () => {
      const withoutFailureAndEthics = IDEAL.filter((s, i) => s.category !== 'ethics' && i !== 4);
      assert.deepEqual(
        analyze(withoutFailureAndEthics)
          .of('bank-composition')
          .map((f) => f.message),
        ['failure: 1 of 2–3 — add a failure, pivot or setback story.', 'ethics: 0 of 1 — add an ethical dilemma or responsible-AI story.'],
      );
    });
  });

  describe('uncovered-question', () => {
    it('fires once for each theme no story answers', () => {
      const specs = IDEAL.map((s) => ({ ...s, questions: s.questions.map((q) => (q === 'why-company' ? 'ambiguity' : q)) }));
      const found = analyze(specs).of('uncovered-question');
      assert.deepEqual(
        found.map((f) => f.data?.theme),
        ['why-company'],
      );
      assert.match(found[0].message, /Why do you want to work here\?/);
    });

    it('covers the themes added in the configuration', () => {
      const config: StarlintConfig = { themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] };
      assert.deepEqual(
        analyze(IDEAL, config)
          .of('uncovered-question')
          .map((f) => f.data?.theme),
        ['scaling'],
      );
      const specs = [...IDEAL.slice(0, 6), { category: 'ethics', questions: ['ethics', 'disagreement', 'cross-functional', 'scaling'] }];
      assert.deepEqual(analyze(specs, config).of('uncovered-question'), []);
    });

    it('stays silent when every theme is answered', () => {
      assert.deepEqual(analyze(IDEAL).of('uncovered-question'), []);
    });
  });

  describe('overused-story', () => {
    const seven = ['challenging-project', 'ambiguity', 'proud', 'failure', 'disagreement', 'prioritization', 'ethics'];

    it('fires on a story mapped to more than 6 themes, at its questions key', () => {
      const { of, files } = analyze([{ category: 'project', questions: seven }, ...IDEAL.slice(1)]);
      const found = of('overused-story');
      assert.equal(found.length, 1);
      assert.equal(found[0].uri, files[0].uri);
      assert.equal(files[0].text.slice(found[0].span.start, found[0].span.end), 'questions');
      assert.match(found[0].message, /claims 7 themes/);
    });

    it('points at the themes key when the story lists its themes there, and reports the count', () => {
      const { of, files } = analyze([{ category: 'project', questions: seven, themesKey: 'themes' }, ...IDEAL.slice(1)]);
      const title = files[0].text.match(/^title: (.*)$/m)![1];
      assert.deepEqual(
        of('overused-story').map((f) => [files[0].text.slice(f.span.start, f.span.end), f.data, f.message]),
        [['themes', { count: 7 }, `"${title}" claims 7 themes: keep its best 6 or fewer and give the rest to other stories.`]],
      );
    });

    it('counts a theme written twice once', () => {
      const twice = [...seven.slice(0, 6), 'Proud'];
      assert.deepEqual(analyze([{ category: 'project', questions: twice }, ...IDEAL.slice(1)]).of('overused-story'), []);
    });

    it('stays silent on 6 themes', () => {
      assert.deepEqual(analyze([{ category: 'project', questions: seven.slice(0, 6) }, ...IDEAL.slice(1)]).of('overused-story'), []);
    });
  });

  describe('duplicate-metric', () => {
    it('fires on both stories whose Results lead with the same metric, at the metric', () => {
      const specs = IDEAL.map((s, i) => (i === 1 || i === 4 ? { ...s, metric: 'from 0.61 to 0.78' } : s));
      const { of, files } = analyze(specs);
      const found = of('duplicate-metric');
      assert.deepEqual(found.map((f) => f.uri).sort(), [files[1].uri, files[4].uri]);
      for (const f of found) assert.equal(files.find((x) => x.uri === f.uri)!.text.slice(f.span.start, f.span.end), 'from 0.61 to 0.78');
    });

    it('matches a headline metric written with other spacing and capitals, and names the other story', () => {
      const specs = IDEAL.map((s, i) => (i === 1 ? { ...s, metric: 'from 40ms to 12ms' } : i === 4 ? { ...s, metric: 'from 40 MS to 12 MS' } : s));
      const { of, files } = analyze(specs);
      const title = (i: number): string => files[i].text.match(/^title: (.*)$/m)![1];
      assert.deepEqual(
        of('duplicate-metric').map((f) => [f.uri, f.message]),
        [
          [files[1].uri, `Headline metric "from 40ms to 12ms" also ends "${title(4)}": check the numbers, and lead each story with its own result.`],
          [files[4].uri, `Headline metric "from 40 MS to 12 MS" also ends "${title(1)}": check the numbers, and lead each story with its own result.`],
        ],
      );
    });

    it('stays silent when every headline metric differs', () => {
      assert.deepEqual(analyze(IDEAL).of('duplicate-metric'), []);
    });

    it('fires on each of three stories that share a headline metric, and on no other', () => {
      const specs = IDEAL.map((s, i) => (i === 0 || i === 2 || i === 6 ? { ...s, metric: 'from 0.61 to 0.78' } : s));
      const { of, files } = analyze(specs);
      const found = of('duplicate-metric');
      assert.deepEqual(found.map((f) => f.uri).sort(), [files[0].uri, files[2].uri, files[6].uri]);
      assert.match(found.find((f) => f.uri === files[0].uri)!.message, /also ends "Story \d+" and "Story \d+"/);
    });

    it('passes over a p-value: it backs the result up, it is not the headline', () => {
      // Both Results open with "p < 0.01"; their headlines are the changes that follow it.
      const differ = IDEAL.map((s, i) =>
        i === 1
          ? { ...s, metric: 'significantly (p < 0.01), from 0.61 to 0.78' }
          : i === 4
            ? { ...s, metric: 'significantly (p < 0.01), from 0.52 to 0.70' }
            : s,
      );
      assert.deepEqual(analyze(differ).of('duplicate-metric'), []);
      const same = IDEAL.map((s, i) => (i === 1 || i === 4 ? { ...s, metric: 'significantly (p < 0.01), from 0.61 to 0.78' } : s));
      const { of, files } = analyze(same);
      const found = of('duplicate-metric');
      assert.deepEqual(found.map((f) => f.uri).sort(), [files[1].uri, files[4].uri]);
      for (const f of found) assert.equal(files.find((x) => x.uri === f.uri)!.text.slice(f.span.start, f.span.end), 'from 0.61 to 0.78');
    });
  });
});

describe('the example bank (examples/story-bank)', () => {
  const dir = join(__dirname, '..', 'examples', 'story-bank');
  const config = resolveConfig();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ uri: `file:///examples/story-bank/${f}`, result: lintText(readFileSync(join(dir, f), 'utf8'), config, { today: TODAY }) }));
  const report = analyzeBank(files, config, TODAY);

  it('holds the eight stories and not the README', () => {
    assert.equal(report.stories.length, 8);
    assert.ok(!report.stories.some((s) => s.uri.endsWith('README.md')));
  });

  it('leaves why-company and leading-without-authority uncovered, and nothing else', () => {
    const uncovered = report.findings.filter((f) => f.rule === 'uncovered-question').map((f) => f.data?.theme);
    assert.deepEqual(uncovered.sort(), ['leading-without-authority', 'why-company']);
    assert.deepEqual(
      report.coverage
        .filter((c) => c.status === 'uncovered')
        .map((c) => c.theme)
        .sort(),
      ['leading-without-authority', 'why-company'],
    );
  });

  it('reports its size and composition gaps', () => {
    assert.equal(report.findings.filter((f) => f.rule === 'bank-size').length, 0, '8 stories is within 7–10');
    assert.deepEqual(
      report.findings.filter((f) => f.rule === 'bank-composition').map((f) => f.data?.category),
      [],
    );
  });
});
