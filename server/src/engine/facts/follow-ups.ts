// Which of the six follow-ups (SPEC §3) a story's Follow-ups section answers: the follow-up-prep
// rule, the bank and the hover read it from here.
import { FOLLOW_UPS } from '../../../../shared/domain';
import type { Section } from '../model/types';
import { withoutPlaceholders } from './placeholders';

/** Which of the six follow-ups a Follow-ups section answers: an item that names one and answers it. */
export function followUpReadiness(section: Section): { answered: string[]; missing: string[] } {
  const items = section.items.length ? section.items.map((p) => p.text) : section.prose.text.split(/\n\s*\n/);
  const answered = new Set<string>();
  for (const item of items) {
    const [whole, ...rest] = item.split(/\?|:|\n| — | - /);
    // A template's slot ("[The options I weighed…]", "…") is not an answer yet.
    const answer = withoutPlaceholders(rest.join(' ')).trim();
    if (answer.split(/\s+/).filter(Boolean).length < 4) continue;
    // A question is a line at most. Patterns such as /\bwhy\b.*\bapproach/ retry at every "why",
    // so an unbounded "question" of thousands of words would cost quadratic time.
    const question = whole.slice(0, 300);
    for (const f of FOLLOW_UPS) if (f.pattern.test(question)) answered.add(f.id);
  }
  return { answered: FOLLOW_UPS.filter((f) => answered.has(f.id)).map((f) => f.id), missing: FOLLOW_UPS.filter((f) => !answered.has(f.id)).map((f) => f.id) };
}
