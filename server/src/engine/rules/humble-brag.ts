import type { StoryRule } from './rule';
import { reportMatches, spokenSections } from '../model/text';
import { ex } from './examples';

const BRAG =
  /\bI(?:'m| am) (?:a |such a |too much of a )?perfectionist\b|\bI work too (?:hard|much)\b|\bI care too much\b|\bI(?:'m| am) too (?:detail-oriented|dedicated|passionate|honest|hard-working|hardworking|committed)\b|\bmy (?:biggest |greatest |only )?weakness is (?:that )?I (?:work too|care too|am too|'m too)|\bI take on too much\b|\bI hold myself to (?:too )?high (?:a )?standards?\b/gi;

export const rule: StoryRule = {
  id: 'humble-brag',
  description: '"I\'m a perfectionist", "I work too hard", "I care too much" — a weakness that is a boast.',
  rationale: 'Interviewers have heard these for decades; they read as evasive. Name a real weakness, its cost, and what you do about it.',
  severity: 'info',
  options: {},
  examples: {
    fire: [ex({ situation: "Fraud losses climbed after a new payment method launched, and honestly «I'm a perfectionist», so it bothered me." })],
    silent: [ex(), ex({ after: "## Notes\n\nIf asked for a weakness, do not say I'm a perfectionist." })],
  },
  check(ctx) {
    reportMatches(ctx, spokenSections(ctx.story), BRAG, (m) => `"${m}" is a humble-brag: name a real weakness, what it cost, and what you do about it.`);
  },
};
