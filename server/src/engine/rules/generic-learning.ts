import type { StoryRule } from './rule';
import { reportMatches, starSection } from '../model/text';
import type { Section } from '../model/types';
import { ex } from './examples';

const GENERIC = new RegExp(
  [
    String.raw`\b(?:it|this|that) was (?:a |an )?(?:really |very |truly )?(?:good|great|valuable|amazing|huge|important|real|interesting) learning (?:experience|opportunity)`,
    String.raw`\b(?:a|an) (?:good|great|valuable|amazing|huge) learning (?:experience|opportunity)`,
    String.raw`\bI learned (?:a lot|so much|a ton|many things|a great deal|lots)\b(?! about\s+\w+\s+\w+)`,
    String.raw`\b(?:communication|teamwork|collaboration|planning|hard work|attention to detail) (?:is|are) (?:really |very |so )?(?:important|key|crucial|essential|vital)\b`,
    String.raw`\bI learned the importance of (?:communication|teamwork|collaboration|hard work|planning)\b`,
  ].join('|'),
  'gi',
);

export const rule: StoryRule = {
  id: 'generic-learning',
  description: 'The lesson is empty: "it was a good learning experience", "I learned a lot", "communication is important".',
  rationale:
    'A generic lesson is as good as none, and interviewers hear it daily. Say the specific thing you do differently now: "I now agree the success metric with the business before I train anything."',
  severity: 'warning',
  options: {},
  examples: {
    fire: [ex({ result: 'Fraud losses fell from $80K to $35K a month. «It was a good learning experience».' }), ex({ result: 'Losses fell by 55%. «Communication is important».' })],
    silent: [ex()],
  },
  check(ctx) {
    const sections = [starSection(ctx.story, 'result')].filter((s): s is Section => !!s);
    reportMatches(ctx, sections, GENERIC, () => 'This lesson is generic: name the specific thing you now do differently, and why.');
  },
};
