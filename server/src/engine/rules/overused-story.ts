import { metaSpan, type BankRule } from '../rule';

export const rule: BankRule = {
  id: 'overused-story',
  description: 'One story is mapped to more than 6 themes (the "default story" failure mode).',
  rationale: 'A story that answers everything ends up told to every question, and interviewers in a loop compare notes. Spread the themes across stories.',
  severity: 'info',
  bank: true,
  options: { max: { type: 'number', default: 6, description: 'Most themes one story may claim.', minimum: 1 } },
  check(ctx) {
    for (const e of ctx.entries) {
      const n = new Set(e.story.meta.questions?.map((q) => q.toLowerCase()) ?? []).size;
      if (n <= ctx.options.max) continue;
      ctx.report(e, { message: `"${e.story.title}" claims ${n} themes: keep its best ${ctx.options.max} or fewer and give the rest to other stories.`, span: metaSpan(e.story, e.story.meta.keys.questions ? 'questions' : 'themes'), data: { count: n } });
    }
  },
};
