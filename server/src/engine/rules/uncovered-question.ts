import type { BankRule } from './rule';

export const rule: BankRule = {
  id: 'uncovered-question',
  description: 'A question theme is answered by no story.',
  rationale: 'Every common behavioral question should have at least one story ready, ideally two. The gaps are what to write next.',
  severity: 'warning',
  bank: true,
  options: {},
  check(ctx) {
    for (const theme of ctx.config.themes) {
      // Inferred themes count: a bank without metadata is judged on what its stories read as.
      const answered = ctx.entries.some((e) => e.themes.includes(theme.id));
      if (answered) continue;
      ctx.report(undefined, {
        message: `No story answers "${theme.question}" (${theme.id}): write one, or map an existing story to it.`,
        span: { start: 0, end: 0 },
        data: { theme: theme.id },
      });
    }
  },
};
