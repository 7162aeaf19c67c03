import { metaSpan, type BankRule } from './rule';
import { plural } from '../../../../shared/wording';

/** The message for a story that claims `n` themes, more than `max`. */
export function message(title: string, n: number, max: number): string {
  return `"${title}" claims ${plural(n, 'theme')}: keep its best ${max} or fewer and give the rest to other stories.`;
}

export const rule: BankRule = {
  id: 'overused-story',
  description: 'One story is mapped to more than 6 themes (the "default story" failure mode).',
  rationale: 'A story that answers everything ends up told to every question, and interviewers in a loop compare notes. Spread the themes across stories.',
  severity: 'info',
  bank: true,
  options: { max: { type: 'number', default: 6, description: 'Most themes one story may claim.', minimum: 1 } },
  messages: (n) => [message('Fraud model', n, n)],
  check(ctx) {
    for (const e of ctx.entries) {
      const n = new Set(e.story.meta.questions?.map((q) => q.toLowerCase()) ?? []).size;
      if (n <= ctx.options.max) continue;
      ctx.report(e, {
        message: message(e.story.title, n, ctx.options.max),
        span: metaSpan(e.story, e.story.meta.keys.questions ? 'questions' : 'themes'),
        data: { count: n },
      });
    }
  },
};
