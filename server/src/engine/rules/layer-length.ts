import type { StoryRule } from './rule';
import { hasProse } from '../model/text';
import { spoken } from '../../../../shared/time';
import { ex, fill } from './examples';
import { plural } from '../../../../shared/wording';

/** The message for a depth layer of `words` words outside [min, max]. */
export function message(name: string, words: number, wpm: number, what: string, min: number, max: number): string {
  return `${name} is ${plural(words, 'word')} (${spoken(words, wpm)} spoken): a ${what} layer is ${min}–${max} words; ${words < min ? 'add' : 'cut'} until it fits.`;
}

const SUMMARY = 'I cut fraud losses by more than half by replacing the rules with a model that analysts could read';
const DEEP_DIVE = 'The model read payment features such as the device age and the merchant history and I checked each one against the rules';
const DEEP_DIVE_20_30 = { rules: { 'layer-length': { deepDiveMin: 20, deepDiveMax: 30 } } };

export const rule: StoryRule = {
  id: 'layer-length',
  description: 'A Summary is outside 75–150 words, or a Deep dive outside 600–750 words.',
  rationale:
    'Prepare each story in three depths: a 30–60 second Summary for a screening call, the 2–3 minute standard answer, and a 4–5 minute Deep dive for the technical round. Each depth has its own length.',
  severity: 'warning',
  options: {
    summaryMin: { type: 'number', default: 75, description: 'Fewest words in a Summary.', minimum: 0 },
    summaryMax: { type: 'number', default: 150, description: 'Most words in a Summary.', minimum: 0 },
    deepDiveMin: { type: 'number', default: 600, description: 'Fewest words in a Deep dive.', minimum: 0 },
    deepDiveMax: { type: 'number', default: 750, description: 'Most words in a Deep dive.', minimum: 0 },
  },
  examples: {
    fire: [
      ex({ after: '## «Summary»\n\nI cut fraud losses by half with a new model.' }),
      // 74 and 151 words: one outside each end of 75–150.
      ex({ after: `## «Summary»\n\n${fill(74, SUMMARY)}` }),
      ex({ after: `## «Summary»\n\n${fill(151, SUMMARY)}` }),
      ex({ after: `## «Deep dive»\n\n${fill(120, DEEP_DIVE)}` }),
      // The Deep dive's ends, shown on a configured range of 20–30 words: 19 and 31.
      { markdown: ex({ after: `## «Deep dive»\n\n${fill(19, DEEP_DIVE)}` }), config: DEEP_DIVE_20_30 },
      { markdown: ex({ after: `## «Deep dive»\n\n${fill(31, DEEP_DIVE)}` }), config: DEEP_DIVE_20_30 },
      // Each layer is judged on its own.
      ex({ after: `## «Summary»\n\n${fill(40, SUMMARY)}\n\n## «Deep dive»\n\n${fill(120, DEEP_DIVE)}` }),
    ],
    silent: [
      ex({ after: `## Summary\n\n${'I cut fraud losses from $80K to $35K a month by replacing rules with a model that analysts could read. '.repeat(5)}` }),
      ex(),
      // 75 and 150 words: the ends of the range.
      ex({ after: `## Summary\n\n${fill(75, SUMMARY)}` }),
      ex({ after: `## Summary\n\n${fill(150, SUMMARY)}` }),
      { markdown: ex({ after: `## Deep dive\n\n${fill(20, DEEP_DIVE)}` }), config: DEEP_DIVE_20_30 },
      { markdown: ex({ after: `## Deep dive\n\n${fill(30, DEEP_DIVE)}` }), config: DEEP_DIVE_20_30 },
    ],
  },
  messages: (n) => [message('Summary', n, 150, '30–60 second', 75, 150), message('Deep dive', n, 150, '4–5 minute', 600, 750)],
  check(ctx) {
    const { story, options, config } = ctx;
    const layers = [
      ['summary', 'Summary', options.summaryMin, options.summaryMax, '30–60 second'],
      ['deep-dive', 'Deep dive', options.deepDiveMin, options.deepDiveMax, '4–5 minute'],
    ] as const;
    for (const [kind, name, min, max, what] of layers) {
      const section = story.layers[kind];
      if (!hasProse(section)) continue;
      const w = section.words;
      if (w >= min && w <= max) continue;
      ctx.report({
        message: message(name, w, config.wordsPerMinute, what, min, max),
        span: section.marker,
        data: { words: w },
      });
    }
  },
};
