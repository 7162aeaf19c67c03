// What a finding carries besides its message and span: the `data` the engine's API returns with it
// and the edits of the suggestions an editor offers. The rule examples pin spans, the rule docs pin
// messages and safe fixes; these tests pin the rest, rule by rule.
import assert from 'node:assert/strict';
import { STORY_RULES, applyFixes, lintText, resolveConfig, type Finding, type StarlintConfig } from '../server/src/engine';
import { ex, readExample } from '../server/src/engine/rules/examples';
import { FOLLOW_UPS } from '../shared/domain';

const TODAY = '2026-11-25';

function findingsOf(rule: string, markdown: string, config?: StarlintConfig): Finding[] {
  return lintText(markdown, resolveConfig(config), { today: TODAY, only: [rule] }).findings.filter((f) => f.rule === rule);
}

/** The markdown of a rule's n-th firing example (1-based, as the docs number them). */
function fireExample(rule: string, n: number): string {
  return readExample(STORY_RULES.find((r) => r.id === rule)!.examples.fire[n - 1]).markdown;
}

describe('rule details: data and suggestion edits', () => {
  describe('follow-up-prep', () => {
    const markdown = ex({
      after:
        '## Follow-ups\n\n- **Why this approach?** Trees gave analysts explanations they could act on.\n- **What would you do differently?** I would involve the analysts a week earlier.',
    });

    it('lists the unanswered follow-ups by id, and a template with one item per follow-up', () => {
      const [f] = findingsOf('follow-up-prep', markdown);
      assert.deepEqual(f.data?.missing, ['buy-in', 'risks', 'success', 'after-shipping']);
      const items = String(f.data?.template).split('\n');
      assert.equal(items.length, FOLLOW_UPS.length);
      FOLLOW_UPS.forEach((followUp, i) => assert.ok(items[i].startsWith(`- **${followUp.question}** `), items[i]));
    });

    it('suggests inserting exactly the unanswered questions, after the answered ones', () => {
      const [f] = findingsOf('follow-up-prep', markdown);
      assert.equal(f.suggestions?.length, 1);
      assert.equal(f.suggestions![0].title, 'Insert the unanswered follow-ups (4)');
      const { text } = applyFixes(markdown, [{ ...f, fix: f.suggestions![0] }]);
      const asked = [...text.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]);
      assert.deepEqual(asked, [
        'Why this approach?',
        'What would you do differently?',
        ...FOLLOW_UPS.filter((q) => ['buy-in', 'risks', 'success', 'after-shipping'].includes(q.id)).map((q) => q.question),
      ]);
    });
  });

  describe('missing-section', () => {
    it('names the kind of each missing section', () => {
      assert.deepEqual(
        findingsOf('missing-section', ex({ task: null, result: null })).map((f) => f.data),
        [{ kind: 'task' }, { kind: 'result' }],
      );
    });

    it('for an answer without labels, suggests one label per place, in STAR order, at the boundaries it reports', () => {
      const markdown = fireExample('missing-section', 5);
      const [f] = findingsOf('missing-section', markdown);
      assert.equal(f.data?.unlabelled, true);
      const at = f.data?.boundaries as Record<string, number>;
      assert.equal(at.situation, markdown.indexOf('Last spring'), 'the Situation label opens the answer');
      assert.ok(at.situation < at.task && at.task <= at.action && at.action <= at.result, JSON.stringify(at));
      // Three sentences: the Action and the Result fall on the last one, which gets one label, not
      // an empty "**Action:** **Result:**".
      assert.equal(at.action, at.result);
      assert.deepEqual(
        f.suggestions![0].edits.map((e) => [e.start, e.end, e.text]),
        [
          [at.situation, at.situation, '**Situation:** '],
          [at.task, at.task, '**Task:** '],
          [at.result, at.result, '**Result:** '],
        ],
      );
    });

    it('for a short answer, a shared sentence gets the label whose cue opens it, and the Situation keeps the first', () => {
      const TASK = 'My job was to make it reliable.';
      const story = (prose: string): string => `# Tell me about a time you fixed a pipeline\n\n${prose}\n`;
      const labelsOf = (markdown: string): string[] => {
        const [f] = findingsOf('missing-section', markdown);
        return f.suggestions![0].edits.map((e) => `${e.text}${markdown.slice(e.start, e.start + 12)}`);
      };
      // The last sentence opens with an Action cue: it is labelled Action, and the Result is left out.
      assert.deepEqual(
        labelsOf(
          story(
            `Our nightly ETL job kept failing at two in the morning and the analysts we supported lost a day each time. ${TASK} I decided to rebuild the loader with retries and alerts.`,
          ),
        ),
        ['**Situation:** Our nightly ', '**Task:** My job was t', '**Action:** I decided to'],
      );
      // Two sentences: the Task, the Action and the Result share the second, which opens with a
      // Result cue; never three labels at one place.
      assert.deepEqual(
        labelsOf(
          story(
            'Our nightly ETL job kept failing at two in the morning and the analysts we supported lost a day each time. As a result, once I had rebuilt the loader, we saw failures fall from 9 a month to 0.',
          ),
        ),
        ['**Situation:** Our nightly ', '**Result:** As a result,'],
      );
      // Four sentences or more: four places, four labels.
      assert.equal(
        labelsOf(
          story(
            `Our nightly ETL job kept failing at two in the morning and the analysts we supported lost a day each time. ${TASK} I rebuilt the loader with retries and alerts. As a result, failures fell from 9 a month to 0.`,
          ),
        ).length,
        4,
      );
    });
  });

  describe('placeholder', () => {
    it('tells each placeholder kind apart', () => {
      const kinds = (n: number): unknown[] => findingsOf('placeholder', fireExample('placeholder', n)).map((f) => f.data?.kind);
      assert.deepEqual(kinds(1), ['bracket']);
      assert.deepEqual(kinds(2), ['instruction']);
      assert.deepEqual(kinds(4), ['marker']);
      assert.deepEqual(kinds(6), ['angle', 'angle']);
      assert.deepEqual(kinds(7), ['ellipsis']);
    });
  });

  describe('unknown-category', () => {
    it('gives the value written and the closest known category, if any', () => {
      assert.deepEqual(findingsOf('unknown-category', fireExample('unknown-category', 1))[0].data, { suggestion: 'project', value: 'projcet' });
      assert.deepEqual(findingsOf('unknown-category', fireExample('unknown-category', 2))[0].data, { suggestion: undefined, value: 'marketing' });
    });
  });

  describe('unknown-question', () => {
    it('gives each unknown theme as written and the closest known theme, if any', () => {
      assert.deepEqual(
        findingsOf('unknown-question', fireExample('unknown-question', 2)).map((f) => f.data),
        [
          { suggestion: 'ambiguity', value: 'ambiguty' },
          { suggestion: 'proud', value: 'prouud' },
        ],
      );
      assert.deepEqual(findingsOf('unknown-question', fireExample('unknown-question', 3))[0].data, { suggestion: undefined, value: 'scaling' });
    });
  });

  describe('versatility', () => {
    it('gives the number of known themes, each counted once', () => {
      // challenging-project, Proud and proud, and the unknown scaling: two known themes.
      assert.deepEqual(findingsOf('versatility', fireExample('versatility', 2))[0].data, { count: 2 });
    });
  });

  describe('recency', () => {
    it('gives the age in months', () => {
      // 2019-03 to 2026-11: seven years and eight months.
      assert.deepEqual(findingsOf('recency', fireExample('recency', 1))[0].data, { months: 92 });
    });
  });

  describe('technical-lecture', () => {
    it('gives the share of Action sentences that are detail without a decision', () => {
      // Three of five.
      assert.deepEqual(findingsOf('technical-lecture', fireExample('technical-lecture', 3))[0].data, { share: 0.6 });
    });
  });
});
