import type { BankRule } from '../rule';

export const rule: BankRule = {
  id: 'bank-size',
  description: 'The bank holds fewer than 7 or more than 10 stories.',
  rationale: 'Seven to ten well-prepared stories answer the whole range of behavioral questions; fewer leaves gaps, more means none is rehearsed well.',
  severity: 'info',
  bank: true,
  options: {
    min: { type: 'number', default: 7, description: 'Fewest stories.', minimum: 0 },
    max: { type: 'number', default: 10, description: 'Most stories.', minimum: 0 },
  },
  check(ctx) {
    const n = ctx.entries.length;
    if (n >= ctx.options.min && n <= ctx.options.max) return;
    ctx.report(undefined, {
      message: n < ctx.options.min
        ? `The bank has ${n} ${n === 1 ? 'story' : 'stories'}: prepare ${ctx.options.min}–${ctx.options.max}, covering every question theme.`
        : `The bank has ${n} stories: keep the strongest ${ctx.options.min}–${ctx.options.max} so each one is well rehearsed.`,
      span: { start: 0, end: 0 },
    });
  },
};
