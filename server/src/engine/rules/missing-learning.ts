import type { StoryRule } from './rule';
import { lessonPart, starSection } from '../model/text';
import { ex } from './examples';
import { LESSON } from '../facts/cues';

export const rule: StoryRule = {
  id: 'missing-learning',
  description: 'The Result states no lesson (learned, lesson, takeaway, insight, realized, taught me, going forward…).',
  rationale:
    'Interviewers ask "what did you learn?" of every story, and of failure stories above all. Close the Result with the specific lesson and how it changed what you do.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month and precision rose from 0.61 to 0.78. The review template is now used by two other teams.',
      }),
      // "Learning" in the name of the field is no lesson.
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month. The machine learning model now runs in every market and sets the deep learning roadmap.',
      }),
    ],
    silent: [
      ex(),
      ex({ result: 'Losses fell from $80K to $35K a month. Going forward, I agree on the metric with the business before modelling.' }),
      ex({ result: 'Losses fell by 55%. It was a good learning experience.' }),
      ex({ result: null }),
      // A lesson section says it, whatever its words.
      ex({ result: 'Losses fell by 55%.\n\n**Key takeaway:** Testing is not enough; production data drifts.' }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    // A lesson section with prose states a lesson, whatever its words (generic-learning judges them).
    if (!section || LESSON.test(section.prose.text) || lessonPart(section)) return;
    ctx.report({
      message: 'Result states no lesson: close with what you learned and how it changed what you do ("I learned to… and now I…").',
      span: section.marker,
    });
  },
};
