// The domain of SPEC §1 as data: categories with their ideal counts, question themes, target
// companies, and the six follow-ups.

export interface Category {
  id: string;
  label: string;
  /** What one story of the category is, for sentences: "add a major ML project story". */
  noun: string;
  min: number;
  max: number;
}

export const CATEGORIES: Category[] = [
  { id: 'project', label: 'Major ML project', noun: 'major ML project story', min: 2, max: 3 },
  { id: 'collaboration', label: 'Cross-functional collaboration', noun: 'cross-functional collaboration story', min: 1, max: 2 },
  { id: 'failure', label: 'Failure, pivot or setback', noun: 'failure, pivot or setback story', min: 2, max: 3 },
  { id: 'leadership', label: 'Leadership or mentoring', noun: 'leadership or mentoring story', min: 1, max: 2 },
  { id: 'ethics', label: 'Ethical dilemma or responsible AI', noun: 'ethical dilemma or responsible-AI story', min: 1, max: 1 },
];

export interface Theme {
  id: string;
  question: string;
}

export const THEMES: Theme[] = [
  { id: 'challenging-project', question: 'Tell me about a challenging ML project' },
  { id: 'disagreement', question: 'Describe a time you disagreed with your team' },
  { id: 'failure', question: 'Tell me about a failure' },
  { id: 'ambiguity', question: 'How did you handle ambiguity?' },
  { id: 'cross-functional', question: 'Describe cross-functional collaboration' },
  { id: 'leading-without-authority', question: 'Tell me about a time you led without authority' },
  { id: 'ethics', question: 'Describe an ethical challenge' },
  { id: 'prioritization', question: 'How do you prioritize?' },
  { id: 'proud', question: "Tell me about something you're proud of" },
  { id: 'why-company', question: 'Why do you want to work here?' },
];

export const COMPANIES = ['amazon', 'google', 'meta', 'anthropic', 'openai'] as const;
export type Company = (typeof COMPANIES)[number];

export const AMAZON_PRINCIPLES = [
  'Customer Obsession',
  'Ownership',
  'Invent and Simplify',
  'Are Right, A Lot',
  'Learn and Be Curious',
  'Hire and Develop the Best',
  'Insist on the Highest Standards',
  'Think Big',
  'Bias for Action',
  'Frugality',
  'Earn Trust',
  'Dive Deep',
  'Have Backbone; Disagree and Commit',
  'Deliver Results',
  "Strive to be Earth's Best Employer",
  'Success and Scale Bring Broad Responsibility',
];

export interface FollowUp {
  id: string;
  question: string;
  /** Words that identify the follow-up in a list item or heading. */
  pattern: RegExp;
}

export const FOLLOW_UPS: FollowUp[] = [
  { id: 'why-approach', question: 'Why that approach, and not the alternatives?', pattern: /\bwhy\b.*\b(approach|this|that|choose|chose|option)|\balternatives?\b/i },
  { id: 'differently', question: 'What would you do differently?', pattern: /\bdifferently\b|\bin hindsight\b|\bdo again\b/i },
  { id: 'buy-in', question: 'How did you get buy-in / how did the team react?', pattern: /\bbuy-?in\b|\breact(ed|ion)?\b|\bconvince|\bstakeholders?\b.*\b(agree|support)/i },
  { id: 'risks', question: 'What were the biggest risks?', pattern: /\brisks?\b/i },
  { id: 'success', question: 'How did you know it was successful?', pattern: /\bsuccess(ful)?\b|\bhow did you know\b|\bmeasure/i },
  { id: 'after-shipping', question: 'What happened after shipping / what if it had failed?', pattern: /\bafter (shipping|launch|it shipped)|\bif it had failed\b|\bwhat happened (next|after)|\bpost-?launch\b/i },
];

export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    const score = c.toLowerCase().startsWith(w) || c.toLowerCase().includes(w) ? Math.min(d, 2) : d;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(3, Math.floor(word.length / 2)) ? best : undefined;
}

function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The practice checkpoints, in days after a story was first practised (SPEC §6: day 0/3/7/14/21). */
export const PRACTICE_DAYS = [0, 3, 7, 14, 21];
