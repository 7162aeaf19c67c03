import { metaSpan, type BankRule } from '../rule';

export const rule: BankRule = {
  id: 'bank-composition',
  description: 'A category is below or above its ideal count (project 2–3, collaboration 1–2, failure 2–3, leadership 1–2, ethics 1).',
  rationale: 'Interview loops ask for projects, failures, collaboration, leadership and ethics. A bank of five project stories has nothing to say when asked about a failure.',
  severity: 'info',
  bank: true,
  options: {},
  check(ctx) {
    for (const cat of ctx.config.categories) {
      const members = ctx.entries.filter((e) => e.story.meta.category?.toLowerCase() === cat.id);
      const n = members.length;
      const ideal = cat.min === cat.max ? `${cat.min}` : `${cat.min}–${cat.max}`;
      if (n < cat.min) {
        ctx.report(undefined, { message: `${cat.id}: ${n} of ${ideal} — add ${cat.min - n === 1 ? 'a' : cat.min - n} ${cat.label.toLowerCase()} ${cat.min - n === 1 ? 'story' : 'stories'}.`, span: { start: 0, end: 0 }, data: { category: cat.id, count: n } });
      } else if (n > cat.max) {
        const message = `${cat.id}: ${n} of ${ideal} — too many ${cat.id} stories; move one to another category or drop the weakest.`;
        ctx.report(undefined, { message, span: { start: 0, end: 0 }, data: { category: cat.id, count: n } });
        for (const e of members) ctx.report(e, { message, span: metaSpan(e.story, 'category'), data: { category: cat.id, count: n } });
      }
    }
  },
};
