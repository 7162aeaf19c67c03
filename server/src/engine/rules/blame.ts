import type { StoryRule } from './rule';
import { reportMatches, spokenSections } from '../model/text';
import { ex } from './examples';

const BLAME = new RegExp(
  [
    String.raw`\bnothing (?:I|we) could (?:have )?do(?:ne)?\b`,
    String.raw`\b(?:wasn't|was not|isn't|is not|it's not|it wasn't) my fault\b`,
    String.raw`\bnot my fault\b`,
    String.raw`\b(?:their|his|her|the \w+ team's) fault\b`,
    String.raw`\bgave (?:us|me) (?:bad|wrong|broken|garbage|incorrect|dirty|terrible|useless) \w+`,
    String.raw`\b(?:wasn't|was not) my (?:call|job|responsibility|decision|problem)\b`,
    String.raw`\bout of my (?:hands|control)\b`,
    String.raw`\b(?:dropped the ball|screwed (?:it |us |things )?up|messed (?:it |us |things )?up|threw (?:us|me) under the bus)\b`,
    String.raw`\b(?:I|we) (?:had|was|were) (?:no|zero) (?:choice|control)\b`,
    String.raw`\bblame[sd]? (?:on )?(?:them|the \w+ team|management|the vendor)\b`,
    String.raw`\bI was (?:just )?following (?:orders|instructions)\b`,
    // "…and I had no way of knowing": the same deflection in other words.
    String.raw`\b(?:I|we) had no way (?:of knowing|to know)\b`,
  ].join('|'),
  'gi',
);

export const rule: StoryRule = {
  id: 'blame',
  description: 'Deflecting responsibility: "nothing I could do", "not my fault", "their fault", "gave us bad …".',
  rationale:
    'A failure story is a test of ownership. "The data team gave us bad data and there was nothing I could do" fails it, whatever happened. Say what you did in response and what you changed so it cannot happen again.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({ situation: 'The data team «gave us bad data» for the new payment method, and there was «nothing I could do».' }),
      ex({ situation: 'Fraud losses doubled after a launch; the vendor had changed its schema, and «I had no way of knowing».' }),
    ],
    silent: [
      ex(),
      ex({ situation: 'A schema change upstream broke our labels; I had not added a check for it.' }),
      // Notes are not spoken.
      ex({ after: '## Notes\n\nDo not say it was not my fault.' }),
    ],
  },
  check(ctx) {
    reportMatches(
      ctx,
      spokenSections(ctx.story),
      BLAME,
      (m) => `"${m}" deflects responsibility: say what you did in response and what you changed so it cannot happen again.`,
    );
  },
};
