import type { StoryRule } from './rule';
import { phrases, sectionSentences, starSection } from '../model/text';
import { hasNumber } from '../facts/metrics';
import type { Section } from '../model/types';
import { ex } from './examples';
import { LESSON } from '../facts/cues';
import { withoutQuotations } from '../facts/subjects';

const CLAIM = phrases([
  'better',
  'improved',
  'improvement',
  'improvements',
  'faster',
  'quicker',
  'happy',
  'happier',
  'delighted',
  'significantly',
  'significant',
  'huge',
  'hugely',
  'dramatically',
  'drastically',
  'greatly',
  'substantially',
  'massively',
  'tremendously',
  'tremendous',
  'boosted',
  'skyrocketed',
  'much more',
  'far more',
  'way more',
  'big impact',
  'major impact',
  'game changer',
  'game-changer',
  'more efficient',
  'more accurate',
  'more reliable',
  'very successful',
  'hugely successful',
]);
// In the Result, an outcome told by its verb or by success alone ("reduced costs", "increased
// trust", "successfully delivered", "the launch was a success"): in the Action the same verbs
// tell what was done ("I reduced the feature set"), so they count only in the Result.
const RESULT_CLAIM = phrases([
  'reduced',
  'reducing',
  'increased',
  'increasing',
  'decreased',
  'lowered',
  'boosted',
  'raised',
  'grew',
  'accelerated',
  'sped up',
  'streamlined',
  'enhanced',
  'minimized',
  'minimised',
  'maximized',
  'maximised',
  'successful',
  'successfully',
  'a success',
  'a big success',
  'gains',
  'paid off',
]);

// "to better understand", "better align": a verb, not a claim about the outcome.
const VERB_BETTER = /^better$/i;
const VERB_AFTER = /^\s+(?:understand|align|serve|support|capture|reflect|match|handle|explain|prepare|manage|organi[sz]e|communicate|inform)\b/i;

export const rule: StoryRule = {
  id: 'unquantified-claim',
  description:
    'A sentence in Action or Result claims an improvement or outcome ("better", "improved", "faster", "significantly", "huge"; in the Result also "reduced", "increased", "successfully") with no number.',
  rationale:
    '"The model was much better" invites the follow-up "by how much?" — answer it first. Put the number in the same sentence as the claim; a claim with a number ("latency improved from 180 ms to 95 ms") does not fire. Words inside a quotation opened mid-line (the assumption that "GPU is always faster") are someone else\'s, not your claim, and do not fire.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month. Analysts were «happier» with the alerts. I learned to agree on the metric first; the template is used by two teams.',
      }),
      ex({
        action:
          'I compared three options against a baseline. The new features «significantly» helped recall. I chose trees because analysts needed explanations.',
      }),
      ex({
        result:
          "Fraud losses fell from $80K to $35K a month. The new alerts also «reduced» the analysts' workload. I learned to agree on the metric first; the template is used by two teams.",
      }),
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month. The launch was «a success» with the risk team. I learned to agree on the metric first; the template is used by two teams.',
      }),
      // A quotation hides only the words inside it.
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month. The analysts who called it "a black box" were «happier» with the alerts. I learned to agree on the metric first; the template is used by two teams.',
      }),
      // One finding for each sentence that claims, in the Action and in the Result.
      ex({
        action:
          'I compared three options against a baseline. The new features helped recall «significantly». I chose trees because analysts needed explanations.',
        result:
          'Fraud losses fell from $80K to $35K a month. Analysts were «happier». I learned to agree on the metric first; the template is used by two teams.',
      }),
    ],
    silent: [
      ex(),
      // "statistically significant" is a claim about a test.
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month, a statistically significant drop. I learned to agree on the metric first; the template is used by two teams.',
      }),
      ex({ result: 'Precision improved from 0.61 to 0.78 and losses fell by 55%.' }),
      // In the Action, "reduced" tells what was done; in the Result a lesson claims no outcome.
      ex({ action: 'I reduced the feature set to the twelve signals analysts could explain, compared trees against a baseline, and chose trees.' }),
      ex({
        result: 'Fraud losses fell from $80K to $35K a month. I learned that a reduced feature set is easier to defend; the template is used by two teams.',
      }),
      // Words inside a quotation are someone else's, not the writer's claim.
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month. I stopped trusting the belief that "more features are always better"; the template is used by two teams.',
      }),
    ],
  },
  check(ctx) {
    const result = starSection(ctx.story, 'result');
    const sections = [starSection(ctx.story, 'action'), result].filter((s, i, all): s is Section => !!s && all.indexOf(s) === i);
    for (const section of sections) {
      // A claim word inside a quotation (questioning the assumption that "GPU is always faster")
      // is someone's words, not the writer's claim about the outcome.
      const unquoted = withoutQuotations(section.prose.text);
      for (const sentence of sectionSentences(section)) {
        if (hasNumber(sentence.text)) continue;
        const text = unquoted.slice(sentence.start, sentence.start + sentence.text.length);
        CLAIM.lastIndex = 0;
        let m = CLAIM.exec(text);
        while (m && VERB_BETTER.test(m[0]) && VERB_AFTER.test(text.slice(m.index + m[0].length))) m = CLAIM.exec(text);
        // A lesson ("I learned that a reduced feature set is easier to defend") claims nothing about the outcome.
        if (!m && section === result && !LESSON.test(sentence.text)) {
          RESULT_CLAIM.lastIndex = 0;
          m = RESULT_CLAIM.exec(text);
        }
        if (!m) continue;
        // "statistically significant" is a claim about a test, reported with its number elsewhere.
        if (/statistically\s+$/i.test(text.slice(0, m.index))) continue;
        const start = sentence.start + m.index;
        ctx.report({
          message: `"${m[0]}" with no number: say by how much, e.g. "from 180 ms to 95 ms" or "by 12%".`,
          span: section.prose.span(start, start + m[0].length),
        });
      }
    }
  },
};
