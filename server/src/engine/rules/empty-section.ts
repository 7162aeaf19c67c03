import { STAR_KINDS } from '../model/types';
import { SECTION_TITLES } from '../model/labels';
import type { StoryRule } from './rule';
import { ex } from './examples';

export const rule: StoryRule = {
  id: 'empty-section',
  description: 'A STAR section has a heading or label but no prose.',
  rationale: 'An empty section is a placeholder you will forget to fill before the interview; code blocks, comments and headings do not count as prose.',
  severity: 'error',
  options: {},
  examples: {
    fire: [
      ex({ task: '## «Task»\n\n<!-- TODO -->' }),
      '# Churn\n\n**Situation:** Churn rose.\n\n**Task:** I owned it.\n\n«**Action:**»\n\n**Result:** Churn fell from 9% to 6%.\n',
      // A combined section is one section: one finding.
      '# Churn\n\n«**Situation/Task:**»\n\n**Action:** I built a model.\n\n**Result:** Churn fell from 9% to 6%.\n',
    ],
    silent: [
      ex(),
      // A section of placeholders is a draft: the placeholder rule reports it.
      ex({ task: '## Task\n\n[Describe your role and goal]' }),
      // A missing section is missing-section's.
      ex({ task: null }),
    ],
  },
  check(ctx) {
    const seen = new Set<unknown>();
    for (const kind of STAR_KINDS) {
      const section = ctx.story.star[kind];
      // A combined section ("Situation/Task") is reported once.
      // A section of placeholders is a draft, which the placeholder rule points out.
      if (!section || !section.prose.isEmpty || section.draft || seen.has(section)) continue;
      seen.add(section);
      ctx.report({
        message: `${section.kinds ? section.kinds.map((k) => SECTION_TITLES[k]).join('/') : SECTION_TITLES[kind]} section is empty: write it, or remove the heading.`,
        span: section.marker,
      });
    }
  },
};
