import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { subjectCounts } from '../facts/subjects';
import { weToI } from '../facts/edits';
import { ex } from './examples';
import { plural } from '../../../../shared/wording';

/** The message for an Action with `we` "we" subjects and `i` "I" subjects. */
export function message(we: number, i: number, minRatio: number): string {
  const ratio = we + i > 0 ? i / (we + i) : 0;
  return `Action says "we" ${plural(we, 'time')} and "I" ${plural(i, 'time')} (${Math.round(ratio * 100)} % I, target ≥ ${Math.round(minRatio * 100)} %): say what you did — "I chose…", "I built…" — and credit the team in the Situation.`;
}

export const rule: StoryRule = {
  id: 'first-person',
  description: 'In Action, "I" is the subject of fewer than 70 % of first-person subjects (counted when there are at least 3).',
  rationale:
    'The interviewer is hiring you, not your team. "We built the pipeline" hides what you did; "I designed the pipeline and paired with two engineers to build it" owns it. Acknowledge the team in the Situation; own the actions. Each "we" in the Action is marked so you can rewrite it.',
  severity: 'warning',
  options: {
    minRatio: { type: 'number', default: 0.7, description: 'Least share of "I" among first-person subjects in Action.', minimum: 0, maximum: 1 },
    minSubjects: { type: 'number', default: 3, description: 'Fewest first-person subjects before the ratio is judged.', minimum: 1 },
  },
  examples: {
    fire: [
      ex({ action: '«We» compared three options. «We» chose gradient-boosted trees because analysts needed explanations. I ran the A/B test.' }),
      // Nine "I" and four "we": 69 %, just under the 70 % target.
      ex({
        action:
          '«We» met the risk team. I compared three options against a baseline. «We» agreed on the metric. I chose trees because analysts needed explanations. I wrote the features. «We» reviewed the results. I ran the A/B test. I tuned the threshold. «We» signed off. I wrote the rollout plan. I trained the analysts. I set up the alerts. I documented the model.',
      }),
      // No "I" at all: 0 %.
      ex({ action: '«We» compared three options. «We» chose trees. «We» ran the A/B test.' }),
    ],
    silent: [
      ex(),
      ex({ action: 'We compared options.' }),
      // Two first-person subjects, one short of the three the ratio needs.
      ex({ action: 'We compared three options against a baseline. I chose trees because analysts needed explanations.' }),
      // Seven "I" and three "we": exactly 70 %.
      ex({
        action:
          'We met the risk team. I compared three options against a baseline. We agreed on the metric. I chose trees because analysts needed explanations. I wrote the features. We reviewed the results. I ran the A/B test. I tuned the threshold. I wrote the rollout plan. I trained the analysts.',
      }),
      // Three "I" and one "we": 75 %.
      ex({
        action: 'We met the risk team. I compared three options against a baseline. I chose trees because analysts needed explanations. I ran the A/B test.',
      }),
      // Speech inside quotation marks is not the writer's account.
      ex({
        action:
          'My manager said "we ship on Friday, we can fix it later, we always do". I compared three options against a baseline and chose trees because analysts needed explanations.',
      }),
    ],
  },
  messages: (n) => [message(n, n, 0.7)],
  check(ctx) {
    const section = starSection(ctx.story, 'action');
    if (!section) return;
    const { i, we } = subjectCounts(section.prose.text);
    const total = i + we.length;
    if (total < ctx.options.minSubjects || we.length === 0) return;
    const ratio = i / total;
    if (ratio >= ctx.options.minRatio) return;
    const text = message(we.length, i, ctx.options.minRatio);
    for (const m of we) {
      const span = section.prose.span(m.index, m.index + m[0].length);
      // "we built" → "I built" where the verb reads the same after "I": prose, so a suggestion only.
      const rewrite = weToI(ctx.doc.text, span);
      ctx.report({ message: text, span, data: { ratio }, ...(rewrite ? { suggestions: [rewrite] } : {}) });
    }
  },
};
