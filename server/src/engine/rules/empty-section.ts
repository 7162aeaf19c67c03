import { STAR_KINDS } from '../types';
import { SECTION_TITLES } from '../sections';
import type { StoryRule } from '../rule';
import { ex } from '../examples';

export const rule: StoryRule = {
  id: 'empty-section',
  description: 'A STAR section has a heading or label but no prose.',
  rationale: 'An empty section is a placeholder you will forget to fill before the interview; code blocks, comments and headings do not count as prose.',
  severity: 'error',
  options: {},
  examples: {
    fire: [ex({ task: '## «Task»\n\n<!-- TODO -->' }), '# Churn\n\n**Situation:** Churn rose.\n\n**Task:** I owned it.\n\n«**Action:**»\n\n**Result:** Churn fell from 9% to 6%.\n'],
    silent: [ex()],
  },
  check(ctx) {
    for (const kind of STAR_KINDS) {
      const section = ctx.story.star[kind];
      if (!section || !section.prose.isEmpty) continue;
      ctx.report({
        message: `${SECTION_TITLES[kind]} section is empty: write it, or remove the heading.`,
        span: section.marker,
      });
    }
  },
};
