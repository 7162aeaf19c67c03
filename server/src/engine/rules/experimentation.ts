import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { ex } from './examples';
import { EXPERIMENT } from '../facts/cues';

export const rule: StoryRule = {
  id: 'experimentation',
  description: 'The Action shows no experimentation: no hypothesis, alternative considered or rejected, baseline, evaluation or A/B test.',
  rationale:
    'ML-STAR: interviewers for ML roles look for how you chose — the hypotheses, the alternatives you tried and rejected, the baseline, the held-out evaluation or A/B test. A straight line from problem to solution sounds like luck.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({ action: '## «Action»\n\nI built gradient-boosted trees on the payment features and shipped them behind a flag.' }),
      // Input checks and unit tests are engineering, not an experiment.
      ex({
        action:
          '## «Action»\n\nI added validation before each sync, wrote unit tests with proper testing of the edge cases, and shipped the fix behind a flag.',
      }),
    ],
    silent: [
      ex(),
      ex({ action: null }),
      // An evaluation of the model: validation checks and stress tests on it.
      ex({ action: 'I applied Platt scaling to recalibrate the scores, then re-ran the validation checks and stress tests on the recalibrated model.' }),
      // "eval", the field's word for an evaluation.
      ex({ action: 'I built an eval set of 300 real questions, tracked answer correctness on it, and changed the chunking where it failed.' }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'action');
    if (!section || EXPERIMENT.test(section.prose.text)) return;
    ctx.report({
      message:
        'Action shows no experimentation: add the hypothesis, the alternatives you tried or ruled out, the baseline, and how you evaluated (held-out set, A/B test).',
      span: section.marker,
    });
  },
};
