import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { ex } from './examples';
import { withoutQuotations } from '../facts/subjects';

const MINE = /(?<![\w'])(?:I(?:'m|'ve|'d|'ll)?|me|my|mine|myself)(?![\w'])/i;

export const rule: StoryRule = {
  id: 'team-task',
  description: "The Task has no first-person-singular subject or possessive — it states the team's task, not yours.",
  rationale:
    'The Task is where the interviewer learns what you were responsible for. "The team needed to reduce churn" says nothing about you; "I owned the churn model and had to cut churn by 2 points" does. Any of I, me, my or mine satisfies the rule.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({ task: '## «Task»\n\nThe team had to cut fraud losses without blocking good customers.' }),
      // "We" is the team, not you.
      ex({ task: '## «Task»\n\nWe had to cut losses without blocking good customers.' }),
      // A "me" inside a quotation is someone else's.
      ex({ task: '## «Task»\n\nWe needed a filter smarter than keywords, which missed comments like "call me at five five five".' }),
    ],
    silent: [
      ex(),
      ex({ task: 'My goal was to cut losses.' }),
      ex({ task: 'The risk team asked me to cut losses without blocking good customers.' }),
      ex({ task: 'Cutting losses without blocking good customers was mine to solve.' }),
      ex({ task: null }),
      // An answer written out in quotes, as prep files often do, is the writer's own.
      ex({ task: '> "My goal was to cut losses without blocking good customers."' }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'task');
    // Someone's speech in quotation marks ("call me at…") says nothing of what you owned.
    if (!section || MINE.test(withoutQuotations(section.prose.text))) return;
    ctx.report({
      message: 'Task states the team\'s goal, not yours: say what you owned ("I was responsible for…", "my goal was…").',
      span: section.marker,
    });
  },
};
