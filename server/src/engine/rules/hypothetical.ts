import type { StoryRule } from './rule';
import { answerSection, phrases, reportMatches, starSection } from '../model/text';
import type { Section } from '../model/types';
import { ex } from './examples';

const HYPOTHETICAL = phrases([
  'I would usually',
  'I would normally',
  'I would typically',
  'I would generally',
  'I would always',
  "I'd always",
  'I typically',
  'I usually',
  'I always',
  'I never',
  'I normally',
  'I generally',
  'I tend to',
  'in general',
  'normally I',
  'usually I',
  'typically I',
  'generally I',
  'whenever I',
  'what I would do',
  "what I'd do",
  "I'd usually",
  "I'd normally",
]);
// The answer to "How do you handle…?" given as a rule instead of an event: "I handle conflict by…".
const RULE_OF_THUMB = /\bI (?:handle|approach|deal with|tackle|manage|resolve) (?:[\w'’-]+ ){0,4}?by\b/gi;
const HABITS = new RegExp(`${HYPOTHETICAL.source}|${RULE_OF_THUMB.source}`, 'gi');
// "I usually couldn't…", "I always had to…": a habit inside the one past event, told in the past.
// "Now I always…", "Since then I usually…": a lesson told after the event, not a habit instead
// of it (SPEC §3), even in an answer told without labels.
const LESSON_BEFORE = /\b(?:now|since then|ever since|these days|today|from then on|going forward|from now on|after that)[,]?\s*$/i;
const PAST_AFTER =
  /^\s+(?:couldn['’]t|could not|didn['’]t|did not|wasn['’]t|was not|weren['’]t|were|was|had|got|felt|ended up|knew|thought|heard|saw|told|took|gave|made|found|left|lost|met|paid|ran|sent|spent|understood|wrote|became|began|brought|came|did|forgot|went|won|[a-z]+ed)\b/i;

export const rule: StoryRule = {
  id: 'hypothetical',
  description:
    'Situation, Task or Action speaks in habits or hypotheticals ("I would usually", "I typically", "I always", "in general", "normally I") instead of one past event.',
  rationale:
    'Behavioral questions ask for one specific time. "I usually start with a baseline" tells the interviewer your theory, not your record. A lesson in the Result ("now I always start with error analysis") is fine and is not checked.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({ action: '«I typically» start from a baseline, so I compared three options against the rules. I chose trees because analysts needed explanations.' }),
      ex({ situation: '«I handle conflict by» raising it early. Our launch slipped when two teams disagreed about the rollout.' }),
      // An answer told without labels is read whole.
      '# Tell me about a time you disagreed with a teammate\n\nOur launch slipped when two teams disagreed about the rollout, and I owned the fix. «I usually» start by listening, so I met both leads and we agreed on a staged rollout that shipped two weeks later.\n',
    ],
    silent: [
      ex(),
      ex({
        result:
          'Losses fell from $80K to $35K a month; precision rose from 0.61 to 0.78. Now I always agree on the metric first, and the template is used by two teams.',
      }),
      // A habit inside the one event, told in the past.
      ex({ situation: "Our launch slipped when two teams disagreed about the rollout, and in the meetings I usually couldn't get a word in." }),
    ],
  },
  check(ctx) {
    // An answer told without labels is read whole (SPEC §3).
    const answer = answerSection(ctx.story);
    const sections = answer ? [answer] : (['situation', 'task', 'action'] as const).map((k) => starSection(ctx.story, k)).filter((s): s is Section => !!s);
    reportMatches(
      ctx,
      sections,
      HABITS,
      (m) => `"${m}" describes a habit, not an event: tell what you did that one time ("I started by…").`,
      (text, m) =>
        PAST_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24)) || LESSON_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)),
    );
  },
};
