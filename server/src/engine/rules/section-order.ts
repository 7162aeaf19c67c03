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
      // A Result told first is the one section out of place, not the three that follow it.
      '# Churn\n\n## «Result»\n\nChurn fell from 9% to 6%.\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned churn.\n\n## Action\n\nI built a model.\n',
      // Both misplaced sections are measured against the Action kept before them, not against each other.
      '# Churn\n\n## Action\n\nI built a model.\n\n## «Task»\n\nI owned churn.\n\n## «Situation»\n\nChurn rose.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
    ],
    silent: [
      '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned churn.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
      // Sections outside STAR (a Summary, Follow-ups) have no place in the order.
      '# Churn\n\n## Summary\n\nI cut churn by a third.\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned churn.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%.\n\n## Follow-ups\n\n- **Why this approach?** Trees explain.\n',
      // A second Action heading is not the story's Action, so it is not out of order.
      '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned churn.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%.\n\n## Action\n\nI also trained the team.\n',
    ],
  },
  check(ctx) {
    const order = (k: StarKind): number => STAR_KINDS.indexOf(k);
    const sections = ctx.story.sections.filter(
      (section) => (STAR_KINDS as readonly string[]).includes(section.kind) && ctx.story.star[section.kind as StarKind] === section,
    );
    const kinds = sections.map((s) => s.kind as StarKind);
    // Keep the most sections already in order (the largest increasing subset; with a tie, the one
    // that keeps the earlier sections) and report the others: a Result told first is one misplaced
    // section, not three.
    let keep = 0;
    let kept = 0;
    for (let mask = 0; mask < 1 << kinds.length; mask++) {
      let last = -1;
      let ok = true;
      for (let i = 0; i < kinds.length && ok; i++) {
        if (!(mask & (1 << i))) continue;
        ok = order(kinds[i]) > last;
        last = order(kinds[i]);
      }
      const size = popcount(mask);
      if (ok && (size > kept || (size === kept && earlier(mask, keep)))) {
        keep = mask;
        kept = size;
      }
    }
    sections.forEach((section, i) => {
      if (keep & (1 << i)) return;
      const kind = kinds[i];
      const laterButBefore = kinds.findIndex((k, j) => j > i && keep & (1 << j) && order(k) < order(kind));
      const earlierButAfter = kinds.findLastIndex((k, j) => j < i && keep & (1 << j) && order(k) > order(kind));
      const message =
        laterButBefore >= 0
          ? `${SECTION_TITLES[kind]} comes before ${SECTION_TITLES[kinds[laterButBefore]]}: tell the story in Situation, Task, Action, Result order.`
          : `${SECTION_TITLES[kind]} comes after ${SECTION_TITLES[kinds[earlierButAfter]]}: tell the story in Situation, Task, Action, Result order.`;
      ctx.report({ message, span: section.marker });
    });
  },
};

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/** True when subset `a` keeps earlier sections than `b` (compared from the first section on). */
function earlier(a: number, b: number): boolean {
  for (let i = 0; i < 31; i++) {
    const inA = (a >> i) & 1;
    const inB = (b >> i) & 1;
    if (inA !== inB) return inA === 1;
  }
  return false;
}
