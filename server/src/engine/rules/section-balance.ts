import { STAR_KINDS, type StarKind } from '../model/types';
import { fill } from './examples';
import { ADVICE, TARGETS, parseRange } from '../facts/targets';
import { SECTION_TITLES } from '../model/labels';
import type { StoryRule } from './rule';
import { hasProse, percent } from '../model/text';
import { spoken } from '../../../../shared/time';

const PROSE: Record<StarKind, string> = {
  situation: 'Churn had risen for two quarters at our subscription business and the retention team was worried',
  task: 'I owned the churn model and had to cut churn before the renewal season',
  action: 'I compared usage features against a survey baseline and chose logistic regression because the team needed reasons',
  result: 'Churn fell by a third and the outreach team now works from the weekly list',
};

/** A story whose sections have these many words; the headings of `marked` are marked. */
function shares(words: Record<StarKind, number>, ...marked: StarKind[]): string {
  const sections = STAR_KINDS.map((k) => {
    const title = marked.includes(k) ? `«${SECTION_TITLES[k]}»` : SECTION_TITLES[k];
    return `## ${title}\n\n${fill(words[k], PROSE[k])}\n`;
  });
  return ['# Churn\n', ...sections].join('\n');
}

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
      '# Churn\n\n## «Situation»\n\nOur subscription business had a churn problem that leadership had been worried about for two quarters, and the retention team had tried campaigns, discounts and surveys without moving the number, so the pressure was high.\n\n## Task\n\nI owned the churn model.\n\n## «Action»\n\nI built a model with usage features and chose logistic regression because it was explainable.\n\n## «Result»\n\nChurn fell from 9% to 6%.\n',
      // Stories of 100 words, so a word is a point of share: each section just outside its
      // range widened by the tolerance (Situation 10–25 %, Task 5–20 %, Action 45–65 %, Result 10–25 %).
      shares({ situation: 26, task: 10, action: 49, result: 15 }, 'situation'),
      shares({ situation: 9, task: 11, action: 60, result: 20 }, 'situation'),
      shares({ situation: 20, task: 4, action: 61, result: 15 }, 'task'),
      shares({ situation: 15, task: 21, action: 49, result: 15 }, 'task'),
      shares({ situation: 25, task: 11, action: 44, result: 20 }, 'action'),
      shares({ situation: 10, task: 10, action: 66, result: 14 }, 'action'),
      shares({ situation: 20, task: 10, action: 61, result: 9 }, 'result'),
      shares({ situation: 15, task: 10, action: 49, result: 26 }, 'result'),
    ],
    silent: [
      '# Churn\n\n## Situation\n\nChurn had risen for two quarters at our subscription business.\n\n## Task\n\nI owned the churn model.\n\n## Action\n\nI compared usage features against a survey baseline, chose logistic regression because the retention team needed reasons they could act on, tested it on a held-out month, and rolled it out to the outreach queue.\n\n## Result\n\nChurn fell from 9% to 6%, saving $2M a year.\n',
      // Every section exactly at an end of its widened range.
      shares({ situation: 25, task: 5, action: 45, result: 25 }),
      shares({ situation: 10, task: 20, action: 60, result: 10 }),
      shares({ situation: 10, task: 15, action: 65, result: 10 }),
      // With a section missing the shares are not computed (missing-section reports it).
      '# Churn\n\n## Situation\n\nOur subscription business had a churn problem that leadership had been worried about for two quarters, and the retention team had tried campaigns, discounts and surveys without moving the number.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%.\n',
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
      // A share just outside the limits must not read as one inside them: 9.8 % is not "10 %".
      const rounded = Math.round(pct);
      const shown = rounded >= min - tol && rounded <= max + tol ? `${pct.toFixed(1)} %` : percent(share);
      ctx.report({
        message: `${SECTION_TITLES[kind]} is ${shown} of the story (target ${min}–${max} %, ${spoken(words[kind] as number, config.wordsPerMinute)} spoken): ${ADVICE[kind][over ? 0 : 1]}.`,
        span: section.marker,
        data: { kind, share, min, max },
      });
    }
  },
};
