import type { BankRule } from './rule';
import { plural } from '../../../../shared/wording';

/** The message for a bank of `n` stories outside [min, max]. */
export function message(n: number, min: number, max: number): string {
  return n < min
    ? `The bank has ${plural(n, 'story')}: prepare ${min}–${max}, covering every question theme.`
    : `The bank has ${plural(n, 'story')}: keep the strongest ${min}–${max} so each one is well rehearsed.`;
}

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
  messages: (n) => [message(n, 7, 10), message(n, 0, 0)],
  check(ctx) {
    const n = ctx.entries.length;
    if (n >= ctx.options.min && n <= ctx.options.max) return;
    ctx.report(undefined, { message: message(n, ctx.options.min, ctx.options.max), span: { start: 0, end: 0 } });
  },
};
