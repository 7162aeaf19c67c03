import type { StoryRule } from './rule';
import { phrases, reportMatches, spokenSections } from '../model/text';
import { ex } from './examples';

const HEDGE = phrases([
  'I think',
  'I guess',
  'sort of',
  'kind of',
  'maybe',
  'probably',
  'seemed to',
  'I feel like',
  'I suppose',
  'perhaps',
  'somewhat',
  'I believe',
]);
// "what kind of model", "a new sort of test": a noun phrase, not a hedge.
const NOUN_BEFORE = /\b(?:what|which|this|that|the|a|an|any|some|every|each|same|right|one|new|different|another|all|these|those|that's|it's)\s+$/i;

export const rule: StoryRule = {
  id: 'hedging',
  description: 'Hedges that undercut your own story: "I think", "I guess", "sort of", "kind of", "maybe", "probably", "seemed to", "I feel like".',
  rationale: 'You were there: say what happened. Hedging in a story about your own work sounds like uncertainty about your role or your results.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({ action: 'I compared three options against a baseline. «I think» trees were the right call because analysts needed explanations.' }),
      // Every hedge, in every spoken section (a Summary is spoken too); Notes are not.
      ex({
        action: 'I compared three options against a baseline. «Maybe» trees were right, «I guess», because analysts needed explanations.',
        after: '## Summary\n\nI «probably» cut fraud losses by half.\n\n## Notes\n\nI think I should rehearse this one.',
      }),
    ],
    silent: [
      ex(),
      ex({ after: '## Notes\n\nI think I should rehearse this one; maybe cut the Situation.' }),
      ex({
        action: 'I compared three options against a baseline and asked what kind of model analysts could read. I chose trees because they needed explanations.',
      }),
    ],
  },
  check(ctx) {
    reportMatches(
      ctx,
      spokenSections(ctx.story),
      HEDGE,
      (m) => `"${m}" hedges: state it plainly, or give the evidence that makes you sure.`,
      (text, m) => /^(?:kind|sort) of$/i.test(m[0]) && NOUN_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)),
    );
  },
};
