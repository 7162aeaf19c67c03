import type { StoryRule } from './rule';
import { FOLLOW_UPS } from '../../../../shared/domain';
import { ex } from './examples';
import { followUpReadiness } from '../facts/follow-ups';
import { insertFollowUps } from '../facts/edits';
import { list } from '../../../../shared/wording';

/** The message for a Follow-ups section that answers `answered` of six and misses `missing` (questions). */
export function message(answered: number, missing: string[]): string {
  return `Follow-ups answers ${answered} of ${FOLLOW_UPS.length}: prepare ${list(missing.map((q) => `"${q}"`))}.`;
}

const ALL = FOLLOW_UPS.map((f) => `- **${f.question}** I …`).join('\n');

export const rule: StoryRule = {
  id: 'follow-up-prep',
  description: 'A `Follow-ups` section exists but leaves some of the six follow-ups unanswered.',
  rationale:
    'Every story draws the same six follow-ups: why that approach and not the alternatives; what you would do differently; how you got buy-in; the biggest risks; how you knew it worked; what happened after shipping (or if it had failed). Write one list item per follow-up, the question then your answer.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({
        after:
          '## «Follow-ups»\n\n- **Why this approach?** Trees gave analysts explanations they could act on.\n- **What would you do differently?** I would involve the analysts a week earlier.',
      }),
      // Five of the six answered: one is enough to fire.
      ex({
        after:
          '## «Follow-ups»\n\n- **Why this approach and not the alternatives?** Trees gave analysts explanations they could act on.\n- **What would you do differently?** I would involve the analysts a week earlier.\n- **How did you get buy-in?** I showed the risk team the losses by merchant.\n- **Biggest risks?** Blocking good customers; I capped the decline rate.\n- **How did you know it was successful?** The A/B test held for four weeks.',
      }),
      ex({ after: '## «Follow-ups»\n\n<!-- to do -->' }),
    ],
    silent: [
      ex(),
      ex({
        after:
          '## Follow-ups\n\n- **Why this approach and not the alternatives?** Trees gave analysts explanations they could act on.\n- **What would you do differently?** I would involve the analysts a week earlier.\n- **How did you get buy-in?** I showed the risk team the losses by merchant.\n- **Biggest risks?** Blocking good customers; I capped the decline rate.\n- **How did you know it was successful?** The A/B test held for four weeks.\n- **What happened after shipping?** Two other teams adopted the review template.',
      }),
    ],
  },
  // At least one follow-up is missing whenever the rule fires: with 0 the template would say "prepare .".
  messages: (n) => [
    message(
      FOLLOW_UPS.length - Math.max(1, n),
      FOLLOW_UPS.slice(0, Math.max(1, n)).map((f) => f.question),
    ),
  ],
  check(ctx) {
    const section = ctx.story.layers['follow-ups'];
    if (!section) return;
    const { answered, missing } = followUpReadiness(section);
    if (missing.length === 0) return;
    const questions = FOLLOW_UPS.filter((f) => missing.includes(f.id)).map((f) => f.question);
    ctx.report({
      message: message(answered.length, questions),
      span: section.marker,
      data: { missing, template: ALL },
      // One entry per unanswered follow-up, waiting for its answer: a suggestion, never applied unasked.
      suggestions: [{ title: `Insert the unanswered follow-ups (${questions.length})`, edits: [insertFollowUps(ctx.doc.text, section, questions)] }],
    });
  },
};
