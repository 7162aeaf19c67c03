import { STAR_KINDS } from '../model/types';
import { ADVICE, TARGETS, parseRange } from '../facts/targets';
import { SECTION_TITLES } from '../model/labels';
import type { StoryRule } from './rule';
import { hasProse, percent } from '../model/text';
import { spoken } from '../../../../shared/time';

export const rule: StoryRule = {
  id: 'section-balance',
  description: "A section's share of the story's words lies outside its target range widened by a tolerance.",
  rationale:
    'A spoken answer of two to three minutes spends ~15–20 % on Situation, ~10–15 % on Task, ~50–60 % on Action and ~15–20 % on Result. The commonest failure is a Situation that eats a third of the answer, leaving no time for what you did. Shares are of the words of the four STAR sections; the message gives the spoken time at the configured words per minute.',
  severity: 'warning',
  options: {
    tolerance: {
      type: 'number',
      default: 5,
      description: 'Percentage points by which a share may leave its target range before the rule fires.',
      minimum: 0,
      maximum: 50,
    },
    situation: { type: 'string', default: '15-20', description: 'Target share of Situation, in percent, as "min-max".' },
    task: { type: 'string', default: '10-15', description: 'Target share of Task, in percent, as "min-max".' },
    action: { type: 'string', default: '50-60', description: 'Target share of Action, in percent, as "min-max".' },
    result: { type: 'string', default: '15-20', description: 'Target share of Result, in percent, as "min-max".' },
  },
  examples: {
    fire: [
      '# Churn\n\n## «Situation»\n\nOur subscription business had a churn problem that leadership had been worried about for two quarters, and the retention team had tried campaigns, discounts and surveys without moving the number, so the pressure was high.\n\n## Task\n\nI owned the churn model.\n\n## Action\n\nI built a model with usage features and chose logistic regression because it was explainable.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
    ],
    silent: [
      '# Churn\n\n## Situation\n\nChurn had risen for two quarters at our subscription business.\n\n## Task\n\nI owned the churn model.\n\n## Action\n\nI compared usage features against a survey baseline, chose logistic regression because the retention team needed reasons they could act on, tested it on a held-out month, and rolled it out to the outreach queue.\n\n## Result\n\nChurn fell from 9% to 6%, saving $2M a year.\n',
    ],
  },
  check(ctx) {
    const { story, options, config } = ctx;
    // Each kind's words: a combined section ("Situation/Task") shares its words between its kinds.
    const words = story.kindWords;
    for (const kind of STAR_KINDS) {
      const s = story.star[kind];
      if (!hasProse(s)) return;
    }
    const total = STAR_KINDS.reduce((n, k) => n + words[k], 0);
    if (total === 0) return;
    for (const kind of STAR_KINDS) {
      const [min, max] = parseRange(options[kind], TARGETS[kind]);
      const share = (words[kind] as number) / total;
      const pct = share * 100;
      const tol = options.tolerance as number;
      if (pct >= min - tol && pct <= max + tol) continue;
      const over = pct > max + tol;
      const section = story.star[kind]!;
      ctx.report({
        message: `${SECTION_TITLES[kind]} is ${percent(share)} of the story (target ${min}–${max} %, ${spoken(words[kind] as number, config.wordsPerMinute)} spoken): ${ADVICE[kind][over ? 0 : 1]}.`,
        span: section.marker,
        data: { kind, share, min, max },
      });
    }
  },
};
