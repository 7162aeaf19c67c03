import type { BankRule, BankEntry } from './rule';
import { headlineMetric } from '../facts/metrics';
import { list } from '../../../../shared/wording';

/** The message for a headline metric that also ends the stories titled `others`. */
export function message(metric: string, others: string[]): string {
  return `Headline metric "${metric}" also ends ${list(others.map((t) => `"${t}"`))}: check the numbers, and lead each story with its own result.`;
}

export const rule: BankRule = {
  id: 'duplicate-metric',
  description: "The same headline metric appears in two stories' Results.",
  rationale: 'Two stories that end on the same number sound like one story told twice — or like a number you are not sure of.',
  severity: 'info',
  bank: true,
  options: {},
  messages: (n) => [message('40%', ['Fraud model', 'Churn model', 'Search ranking'].slice(0, Math.max(1, n)))],
  check(ctx) {
    const seen = new Map<string, { entry: BankEntry; span: { start: number; end: number }; text: string }[]>();
    for (const entry of ctx.entries) {
      const h = headlineMetric(entry.story);
      if (!h) continue;
      const key = h.text.toLowerCase().replace(/\s+/g, '');
      seen.set(key, [...(seen.get(key) ?? []), { entry, span: h.span, text: h.text }]);
    }
    for (const group of seen.values()) {
      if (group.length < 2) continue;
      for (const g of group) {
        const others = group.filter((o) => o !== g).map((o) => o.entry.story.title);
        ctx.report(g.entry, { message: message(g.text, others), span: g.span });
      }
    }
  },
};
