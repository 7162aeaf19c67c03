import type { StoryRule } from '../rule';
import { answerSection, phrases, reportMatches, starSection } from '../text';
import type { Section } from '../types';
import { ex } from '../examples';

const HYPOTHETICAL = phrases([
  'I would usually', 'I would normally', 'I would typically', 'I would generally', 'I typically', 'I usually', 'I always',
  'I normally', 'I generally', 'I tend to', 'in general', 'normally I', 'usually I', 'typically I', 'generally I', 'whenever I',
  'what I would do', "what I'd do", "I'd usually", "I'd normally",
]);

export const rule: StoryRule = {
  id: 'hypothetical',
  description: 'Situation, Task or Action speaks in habits or hypotheticals ("I would usually", "I typically", "I always", "in general", "normally I") instead of one past event.',
  rationale:
    'Behavioral questions ask for one specific time. "I usually start with a baseline" tells the interviewer your theory, not your record. A lesson in the Result ("now I always start with error analysis") is fine and is not checked.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [ex({ action: '«I typically» start from a baseline, so I compared three options against the rules. I chose trees because analysts needed explanations.' })],
    silent: [ex(), ex({ result: 'Losses fell from $80K to $35K a month; precision rose from 0.61 to 0.78. Now I always agree on the metric first, and the template is used by two teams.' })],
  },
  check(ctx) {
    // An answer told without labels is read whole (SPEC §3).
    const answer = answerSection(ctx.story);
    const sections = answer ? [answer] : (['situation', 'task', 'action'] as const).map((k) => starSection(ctx.story, k)).filter((s): s is Section => !!s);
    reportMatches(ctx, sections, HYPOTHETICAL, (m) => `"${m}" describes a habit, not an event: tell what you did that one time ("I started by…").`);
  },
};
