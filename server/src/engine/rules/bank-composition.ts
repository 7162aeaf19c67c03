import { metaSpan, type BankRule } from './rule';
import { CATEGORIES, type Category } from '../../../../shared/domain';
import { some } from '../../../../shared/wording';

function ideal(cat: Category): string {
  return cat.min === cat.max ? `${cat.min}` : `${cat.min}–${cat.max}`;
}

/** A category with `n` stories, below its ideal. */
export function tooFew(cat: Category, n: number): string {
  return `${cat.id}: ${n} of ${ideal(cat)} — add ${some(cat.min - n, cat.noun)}.`;
}

/** A category with `n` stories, above its ideal. */
export function tooMany(cat: Category, n: number): string {
  return `${cat.id}: ${n} of ${ideal(cat)} — too many ${cat.id} stories; move one to another category or drop the weakest.`;
}

export const rule: BankRule = {
  id: 'bank-composition',
  description: 'A category is below or above its ideal count (project 2–3, collaboration 1–2, failure 2–3, leadership 1–2, ethics 1).',
  rationale:
    'Interview loops ask for projects, failures, collaboration, leadership and ethics. A bank of five project stories has nothing to say when asked about a failure.',
  severity: 'info',
  bank: true,
  options: {},
  messages: (n) => CATEGORIES.flatMap((cat) => [tooFew({ ...cat, min: n + 1, max: n + 2 }, 0), tooFew({ ...cat, min: n + 2, max: n + 2 }, 0), tooMany(cat, n)]),
  check(ctx) {
    for (const cat of ctx.config.categories) {
      const members = ctx.entries.filter((e) => e.category === cat.id);
      const n = members.length;
      if (n < cat.min) {
        ctx.report(undefined, { message: tooFew(cat, n), span: { start: 0, end: 0 }, data: { category: cat.id, count: n } });
      } else if (n > cat.max) {
        const message = tooMany(cat, n);
        ctx.report(undefined, { message, span: { start: 0, end: 0 }, data: { category: cat.id, count: n } });
        for (const e of members) ctx.report(e, { message, span: metaSpan(e.story, 'category'), data: { category: cat.id, count: n } });
      }
    }
  },
};
