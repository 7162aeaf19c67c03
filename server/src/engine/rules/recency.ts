import { metaSpan, type StoryRule } from './rule';
import { ex } from './examples';
import { ageInMonths } from '../facts/dates';
import { age, plural } from '../../../../shared/wording';

/** The message for a story `months` old when the limit is `maxYears`. */
export function message(date: string, months: number, maxYears: number): string {
  const limit = maxYears === 1 ? 'the last year' : `the last ${plural(maxYears, 'year')}`;
  return `Story is from ${date}, ${age(months)} ago: prefer a story from ${limit}, or say what you would do differently today.`;
}

export const rule: StoryRule = {
  id: 'recency',
  description: "The story's `date` is more than 3 years ago.",
  rationale:
    'Interviewers weigh recent work more: a story from the last two or three years shows who you are now. `date` may be a year (2024), a year and month (2024-03) or a full date; a year alone counts from its end. Age is counted by the calendar: a story from 2022-11 is 4 years old on 2026-11-25.',
  severity: 'info',
  options: { maxYears: { type: 'number', default: 3, description: 'Age in years after which a story is reported.', minimum: 0 } },
  examples: {
    // Measured from 2026-11-25, the date the examples are run with.
    fire: [
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: 2019-03' }),
      // 37 months: one over the 36 allowed.
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: 2023-10' }),
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: 2023-10-25' }),
      // A year alone counts from its December: 47 months.
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: 2022' }),
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: last spring' }),
      // A limit of one year reads "the last year".
      {
        markdown: ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: 2025-06' }),
        config: { rules: { recency: { maxYears: 1 } } },
      },
    ],
    silent: [
      ex(),
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]' }),
      // Exactly 36 months, and 36 months less a day.
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\ndate: 2023-11' }),
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\ndate: 2023-10-26' }),
      // December 2023: 35 months.
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\ndate: 2023' }),
    ],
  },
  messages: (n) => [message('2019-03', n * 12, n), message('2025-11', n, 3)],
  check(ctx) {
    const { date } = ctx.story.meta;
    if (date === undefined) return;
    const span = metaSpan(ctx.story, 'date');
    const months = ageInMonths(date, ctx.today);
    if (months === undefined) {
      ctx.report({ message: `Cannot read date "${date}": write it as YYYY, YYYY-MM or YYYY-MM-DD.`, span });
      return;
    }
    if (months <= ctx.options.maxYears * 12) return;
    ctx.report({ message: message(date, months, ctx.options.maxYears), span, data: { months } });
  },
};
