import { metaSpan, type StoryRule } from '../rule';
import { ex } from '../examples';

/** Parses YYYY, YYYY-MM or YYYY-MM-DD (also with / or .) into a UTC date; undefined otherwise. */
export function parseStoryDate(value: string): Date | undefined {
  const m = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$/.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 12;
  const d = m[3] ? Number(m[3]) : m[2] ? 28 : 31;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return new Date(Date.UTC(y, mo - 1, d));
}

export const rule: StoryRule = {
  id: 'recency',
  description: "The story's `date` is more than 3 years ago.",
  rationale: 'Interviewers weigh recent work more: a story from the last two or three years shows who you are now. `date` may be a year (2024), a year and month (2024-03) or a full date; a year alone counts from its end.',
  severity: 'info',
  options: { maxYears: { type: 'number', default: 3, description: 'Age in years after which a story is reported.', minimum: 0 } },
  examples: {
    fire: [ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\n«date»: 2019-03' })],
    silent: [ex(), ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]' })],
  },
  check(ctx) {
    const { date } = ctx.story.meta;
    if (date === undefined) return;
    const when = parseStoryDate(date);
    const span = metaSpan(ctx.story, 'date');
    if (!when) {
      ctx.report({ message: `Cannot read date "${date}": write it as YYYY, YYYY-MM or YYYY-MM-DD.`, span });
      return;
    }
    const now = parseStoryDate(ctx.today) ?? new Date();
    const years = (now.getTime() - when.getTime()) / (365.25 * 24 * 3600 * 1000);
    if (years <= ctx.options.maxYears) return;
    ctx.report({
      message: `Story is from ${date}, ${Math.floor(years)} years ago: prefer a story from the last ${ctx.options.maxYears} years, or say what you would do differently today.`,
      span,
      data: { years },
    });
  },
};
