import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { metricsOf } from '../facts/metrics';
import { ex } from './examples';

export const rule: StoryRule = {
  id: 'result-metric',
  description: 'The Result has no quantified metric.',
  rationale:
    'Every Result needs at least one number: a percentage, money, a multiplier, a statistic, a change between two numbers, or a number with a unit or counted noun ("40,000 users", "50 ms", "zero outages"), also as the value of a key metric ("Bug recurrence: 0"). Years, team sizes, version names and project timelines ("within four weeks") do not count. See the metric detector in the README.',
  severity: 'error',
  options: {},
  examples: {
    fire: [
      ex({ result: '## «Result»\n\nThe model shipped in 2024 and the team was very happy with it. I learned to agree on the metric first.' }),
      // A team size and a timeline are not metrics.
      ex({ result: '## «Result»\n\nA 4-person team shipped the model within four weeks. I learned to agree on the metric first.' }),
    ],
    silent: [
      ex(),
      ex({ result: null }),
      ex({ result: 'Precision rose from 0.61 to 0.78.' }),
      ex({ result: 'Review time halved.' }),
      // Zero quantifies an outcome, spelled out or as a key metric's value (SPEC §4).
      ex({ result: 'We have had zero outages since the change.' }),
      ex({ result: '**Key metrics:**\n\n- Bug recurrence: 0\n- User complaints: dropped to 0' }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    if (!section || metricsOf(section.prose).length > 0) return;
    ctx.report({
      message: 'Result has no number: add the metric that moved, e.g. "CTR from 2.1% to 3.4%" or "saved 20 hours a week".',
      span: section.marker,
    });
  },
};
