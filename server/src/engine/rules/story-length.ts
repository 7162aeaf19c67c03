import { storySpan, type StoryRule } from './rule';
import { answerSection, hasProse } from '../model/text';
import { spoken } from '../../../../shared/time';
import { GOOD_WORDS, ex, fill } from './examples';
import { plural } from '../../../../shared/wording';

/** The message for a story of `words` words, too short or too long for [targetMin, targetMax]. */
export function message(words: number, wpm: number, targetMin: number, targetMax: number, short: boolean): string {
  const target = `${targetMin}–${targetMax} words (${spoken(targetMin, wpm)}–${spoken(targetMax, wpm)} spoken)`;
  const advice = short ? 'add the decisions and reasoning to Action' : 'cut context and detail, and move the depth to a "Deep dive" section';
  return `Story is ${plural(words, 'word')} (${spoken(words, wpm)} spoken): aim for ${target}; ${advice}.`;
}

/** The default story's Action, grown or cut so that the story has `words` words in all. */
function actionFor(words: number): string {
  const others = GOOD_WORDS.situation + GOOD_WORDS.task + GOOD_WORDS.result;
  return fill(words - others, 'I compared three options against the current rules as a baseline and wrote down why each could fail');
}

export const rule: StoryRule = {
  id: 'story-length',
  description: 'The story is under 225 or over 525 words (1.5–3.5 minutes at 150 words per minute); the target is 300–400.',
  rationale:
    'A standard answer is two to three minutes spoken, about 300–400 words. Much shorter and it lacks the decisions an interviewer probes; much longer and you lose them before the Result. Only the prose of the four STAR sections counts — not the front matter, headings, labels, code or the Summary, Deep dive, Follow-ups and Notes sections.',
  severity: 'warning',
  options: {
    min: { type: 'number', default: 225, description: 'Fewest words before the rule fires.', minimum: 0 },
    max: { type: 'number', default: 525, description: 'Most words before the rule fires.', minimum: 0 },
    targetMin: { type: 'number', default: 300, description: 'Lower end of the target named in the message.', minimum: 0 },
    targetMax: { type: 'number', default: 400, description: 'Upper end of the target named in the message.', minimum: 0 },
  },
  examples: {
    fire: [
      ex({ title: '«Fraud model»' }),
      // 224 words: one short of the 225 that pass.
      ex({ title: '«Fraud model»', action: actionFor(224) }),
      // 526 words: one over the 525 that pass.
      ex({ title: '«Fraud model»', action: actionFor(526) }),
    ],
    silent: [
      // 225 and 525 words: the shortest and the longest story that pass.
      ex({ action: actionFor(225) }),
      ex({ action: actionFor(525) }),
    ],
  },
  messages: (n) => [message(n, 150, 300, 400, true), message(n, 150, 300, 400, false)],
  check(ctx) {
    const { story, options, config } = ctx;
    // A story with prose in a STAR section, or an answer told without labels (read whole).
    if (!Object.values(story.star).some((s) => hasProse(s)) && !answerSection(story)) return;
    const words = story.starWords;
    if (words < options.min || words > options.max) {
      ctx.report({
        message: message(words, config.wordsPerMinute, options.targetMin, options.targetMax, words < options.min),
        span: storySpan(story),
        data: { words },
      });
    }
  },
};
