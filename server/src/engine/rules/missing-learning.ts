import type { StoryRule } from '../rule';
import { starSection } from '../text';
import { ex } from '../examples';

/** A lesson statement, specific or not: the generic ones are judged by generic-learning. */
export const LESSON = /\b(?:learn(?:ed|t|ing)|lessons?|takeaways?|take-aways?|insights?|reali[sz](?:ed|e|ation)|taught me|teaches me|going forward|from now on|next time|since then,? I|now I|I now|these days I|in hindsight|in retrospect|(?:would|'d) do differently|showed me|reminded me|made me (?:see|understand)|I understood|I understand now|the key (?:was|is)|my biggest lesson|I changed how I)\b/i;

export const rule: StoryRule = {
  id: 'missing-learning',
  description: 'The Result states no lesson (learned, lesson, takeaway, insight, realized, taught me, going forward…).',
  rationale:
    'Interviewers ask "what did you learn?" of every story, and of failure stories above all. Close the Result with the specific lesson and how it changed what you do.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [ex({ result: '## «Result»\n\nFraud losses fell from $80K to $35K a month and precision rose from 0.61 to 0.78. The review template is now used by two other teams.' })],
    silent: [ex(), ex({ result: 'Losses fell from $80K to $35K a month. Going forward, I agree on the metric with the business before modelling.' }), ex({ result: 'Losses fell by 55%. It was a good learning experience.' })],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    if (!section || LESSON.test(section.prose.text)) return;
    ctx.report({
      message: 'Result states no lesson: close with what you learned and how it changed what you do ("I learned to… and now I…").',
      span: section.marker,
    });
  },
};
