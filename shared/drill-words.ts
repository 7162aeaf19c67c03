// What the drill says, in the terminal and in VS Code alike: why a question comes up, where a
// story stands in its practice schedule, the follow-ups by name. Imports only the domain's data
// and the wording helpers, so the extension can bundle it.
import { FOLLOW_UPS } from './domain';
import { plural } from './wording';
import type { BankStory } from '../server/src/engine/bank/bank';
import type { DrillQuestion } from '../server/src/engine/bank/drill';

/** The question as a sentence: "How do you prioritize?", "Tell me about a failure." */
export function sentence(question: string): string {
  return /[?.!]$/.test(question) ? question : `${question}.`;
}

/** `theme ambiguity`, `company value amazon:dive-deep`. */
export function questionLabel(q: Pick<DrillQuestion, 'source' | 'id'>): string {
  return `${q.source === 'company' ? 'company value' : 'theme'} ${q.id}`;
}

/** Why the question comes up: no story, a weak best story, a best story due for practice, or none of these. */
export function reasonText(q: Pick<DrillQuestion, 'reason' | 'stories'>, stories: Pick<BankStory, 'score' | 'practice'>[]): string {
  const best = q.stories.length ? stories[q.stories[0]] : undefined;
  switch (q.reason) {
    case 'missing':
      return 'no story answers it';
    case 'weak':
      return `its best story is weak (${best?.score.total}/100)`;
    case 'due':
      return best?.practice.practiced.length ? 'its best story is due for practice' : 'its best story was never practiced';
    default:
      return 'ready';
  }
}

/** Where a story stands: `never practiced`, `due today`, `due 3 days ago`, `next practice 2026-12-01`. */
export function practiceNote(s: Pick<BankStory, 'practice'>): string {
  const p = s.practice;
  if (p.practiced.length === 0) return 'never practiced';
  if (p.due) return p.overdueDays === 0 ? 'due today' : `due ${plural(p.overdueDays, 'day')} ago`;
  return p.next ? `next practice ${p.next}` : 'schedule complete';
}

/** The follow-up's question by id. */
export function followUpQuestion(id: string): string {
  return FOLLOW_UPS.find((f) => f.id === id)?.question ?? id;
}

/** Whether the story has this follow-up answered in its Follow-ups section. */
export function followUpPrepared(story: Pick<BankStory, 'followUps'> | undefined, id: string): boolean {
  return story?.followUps?.answered.includes(id) ?? false;
}

/** The verdict on a telling's length, once the clock stops. */
export function tellingVerdict(status: 'short' | 'target' | 'long'): string {
  if (status === 'long') return 'past 3:00: cut the Situation and land the Result sooner';
  if (status === 'target') return 'inside the 2:00–3:00 target';
  return 'under 2:00: add the decision you made and the number that moved';
}
