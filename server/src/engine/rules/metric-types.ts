import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { metricsOf } from '../facts/metrics';
import { ex } from './examples';

export const rule: StoryRule = {
  id: 'metric-types',
  description: 'The Result has metrics but not both a technical one and a business one.',
  rationale:
    'A strong Result pairs a model or operational metric (precision, AUC, latency p99, throughput…) with what it meant for the business (revenue, cost, hours saved, users, conversion…). The words near each number — its clause, else its sentence — decide its kind.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({ result: '## «Result»\n\nPrecision rose from 0.61 to 0.78. I learned to agree on the metric first; the template is now used by two teams.' }),
      ex({ result: '## «Result»\n\nWe saved $45K a month. I learned to agree on the metric first.' }),
      // A number that is neither kind counts for result-metric, not here.
      ex({
        result: '## «Result»\n\nInter-annotator kappa rose from 0.61 to 0.78. I learned to agree on the labels first; the guide is now used by two teams.',
      }),
    ],
    silent: [
      ex(),
      ex({ result: 'The model shipped. I learned a lot.' }),
      // One sentence may hold both kinds.
      ex({ result: 'Precision rose from 0.61 to 0.78, cutting losses by $45K a month.' }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    if (!section) return;
    const metrics = metricsOf(section.prose);
    if (metrics.length === 0) return;
    const technical = metrics.some((m) => m.types.includes('technical'));
    const business = metrics.some((m) => m.types.includes('business'));
    if (technical && business) return;
    const message = technical
      ? `Result has a technical metric (${metrics.find((m) => m.types.includes('technical'))!.text}) but no business one: add what it meant — revenue, cost, hours saved, users, conversion.`
      : business
        ? `Result has a business metric (${metrics.find((m) => m.types.includes('business'))!.text}) but no technical one: add the model or system metric behind it — precision, AUC, latency, throughput.`
        : `Result has a number (${metrics[0].text}) but names neither a technical nor a business metric: say what it measures, and add both kinds.`;
    ctx.report({ message, span: section.marker, data: { technical, business } });
  },
};
