import { STAR_KINDS, type StarKind } from '../model/types';
import { SECTION_TITLES } from '../model/labels';
import type { StoryRule } from './rule';

export const rule: StoryRule = {
  id: 'section-order',
  description: 'The STAR sections are not in Situation, Task, Action, Result order.',
  rationale:
    'The order is what lets a listener follow you: context first, then your goal, then what you did, then what came of it. Starting with the result or jumping back to context mid-story loses the interviewer.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      '# Churn\n\n## Task\n\nI owned churn.\n\n## «Situation»\n\nChurn rose.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
      // Only the section that steps back is reported; the Result after it is in order.
      '# Churn\n\n## Situation\n\nChurn rose.\n\n## Action\n\nI built a model.\n\n## «Task»\n\nI owned churn.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
    ],
    silent: [
      '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned churn.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
    ],
  },
  check(ctx) {
    const order = (k: StarKind): number => STAR_KINDS.indexOf(k);
    let latest: StarKind | undefined;
    for (const section of ctx.story.sections) {
      if (!(STAR_KINDS as readonly string[]).includes(section.kind)) continue;
      const kind = section.kind as StarKind;
      if (ctx.story.star[kind] !== section) continue;
      if (latest && order(kind) < order(latest)) {
        ctx.report({
          message: `${SECTION_TITLES[kind]} comes after ${SECTION_TITLES[latest]}: tell the story in Situation, Task, Action, Result order.`,
          span: section.marker,
        });
      } else latest = kind;
    }
  },
};
