import type { StoryRule } from './rule';
import { reportMatches, spokenSections } from '../model/text';
import { ex } from './examples';

// Contempt, and the same contempt in other words: a colleague who "avoids taking responsibility".
const VILLAIN =
  /\b(?:incompetent|lazy|clueless|stupid|idiots?|idiotic|moronic|morons?|dumb|useless|hopeless|arrogant|toxic|impossible to work with|refused to listen|wouldn't listen|would not listen|didn't care|did not care|couldn't be bothered|had no idea what (?:they|he|she) (?:was|were) doing|(?:not|never|un)(?: ?willing) to take (?:any )?responsibility|(?:avoid|avoids|avoided|dodge[sd]?|shirk(?:s|ed)?) (?:taking )?responsibility)\b/gi;
// Engineering terms, not people: "lazy loading", "dumb pipes".
const TECHNICAL_USE = /^(?:lazy|dumb)$/i;

export const rule: StoryRule = {
  id: 'villain',
  description: 'Contemptuous words about a colleague: incompetent, lazy, clueless, stupid, "refused to listen".',
  rationale:
    'A conflict story where the other person is a villain tells the interviewer how you will talk about them. Describe the disagreement, their reasons as they saw them, and how you resolved it.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({ situation: 'The product manager was «clueless» about models and «refused to listen» to the analysts.' }),
      ex({ situation: 'One colleague would always «avoid taking responsibility», and another was «not willing to take responsibility» for the tests.' }),
    ],
    silent: [
      ex(),
      // Notes are not spoken.
      ex({ after: '## Notes\n\nHe was clueless about models, but do not say so.' }),
      ex({
        action: 'I compared three options against a baseline, chose trees over lazy loading tricks because analysts needed explanations, and ran an A/B test.',
      }),
    ],
  },
  check(ctx) {
    reportMatches(
      ctx,
      spokenSections(ctx.story),
      VILLAIN,
      (m) => `"${m}" casts a colleague as the villain: describe what they wanted and why, and how you resolved it.`,
      (text, m) =>
        TECHNICAL_USE.test(m[0]) && /^\s+(?:load\w*|evaluat\w*|initiali[sz]\w*|pipes?|terminals?|import\w*)/i.test(text.slice(m.index + m[0].length)),
    );
  },
};
