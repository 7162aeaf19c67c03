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
    fire: [ex({ action: '## «Action»\n\nI built gradient-boosted trees on the payment features and shipped them behind a flag.' })],
    silent: [ex(), ex({ action: null })],
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
