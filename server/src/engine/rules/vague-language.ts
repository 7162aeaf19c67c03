import type { StoryRule } from './rule';
import { phrases, reportMatches, spokenSections } from '../model/text';
import { ex } from './examples';

const VAGUE = phrases([
  'a bunch of',
  'a lot of',
  'lots of',
  'a ton of',
  'tons of',
  'different things',
  'various things',
  'some things',
  'stuff',
  'and so on',
  'and so forth',
  'etc.',
  'etc',
  'things like that',
  'and whatnot',
  'or something',
]);

export const rule: StoryRule = {
  id: 'vague-language',
  description: 'Filler that hides specifics: "a bunch of", "a lot of", "lots of", "different things", "various things", "stuff", "and so on", "etc."',
  rationale:
    'Specificity is the most heavily weighted criterion when interviewers judge a story. "A lot of data" and "various things" are where the number or the concrete example should be.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({
        action:
          'I tried «a bunch of» models against a baseline, chose trees because analysts needed explanations, and cleaned up the «stuff» in the feature store.',
      }),
    ],
    silent: [ex(), ex({ after: '## Notes\n\nCut the stuff about the feature store, etc.' })],
  },
  check(ctx) {
    reportMatches(ctx, spokenSections(ctx.story), VAGUE, (m) => `"${m}" is vague: name the specific thing or the number.`);
  },
};
