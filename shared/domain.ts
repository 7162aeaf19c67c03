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

/** How each company is written, for messages and tables. */
export const COMPANY_LABELS: Record<Company, string> = { amazon: 'Amazon', google: 'Google', meta: 'Meta', anthropic: 'Anthropic', openai: 'OpenAI' };

/**
 * The names a job posting uses for the company that hires: the company, its cloud, its labs and
 * its apps (a Meta posting may say only "Instagram"). A name is read as the employer only in the
 * places job-description matching says (docs/match.md), so "experience with AWS or GCP" names no
 * employer.
 */
export const COMPANY_NAMES: Record<Company, string[]> = {
  amazon: ['Amazon', 'Amazon Web Services', 'AWS', 'Alexa', 'Prime Video', 'Audible', 'Zoox'],
  google: ['Google', 'Google DeepMind', 'DeepMind', 'Alphabet', 'YouTube', 'Waymo'],
  meta: ['Meta', 'Meta Platforms', 'Facebook', 'Instagram', 'WhatsApp', 'Reality Labs', 'FAIR'],
  anthropic: ['Anthropic'],
  openai: ['OpenAI'],
};

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

/**
 * What each company listens for, one value per row: Amazon's Leadership Principles (id
 * `amazon:<slug>`) and the one value SPEC §1 names for each other company. The question is the
 * one an interviewer there asks about it; the mock-interview drill asks it and job-description
 * matching reports it as a competency when the posting names the company.
 */
export interface CompanyValue {
  id: string;
  company: Company;
  label: string;
  question: string;
}

const PRINCIPLE_QUESTIONS: Record<string, string> = {
  'Customer Obsession': 'Tell me about a time you went above and beyond for a customer',
  Ownership: 'Tell me about a time you took on something outside your area of responsibility',
  'Invent and Simplify': 'Tell me about a time you found a simple solution to a complex problem',
  'Are Right, A Lot': 'Tell me about a time you made a good decision with incomplete data',
  'Learn and Be Curious': 'Tell me about a time you taught yourself something new to solve a problem',
  'Hire and Develop the Best': 'Tell me about a time you helped someone on your team grow',
  'Insist on the Highest Standards': 'Tell me about a time you refused to compromise on quality',
  'Think Big': 'Tell me about a time you proposed something far bigger than what was asked',
  'Bias for Action': 'Tell me about a time you acted quickly on a calculated risk',
  Frugality: 'Tell me about a time you achieved more with less',
  'Earn Trust': 'Tell me about a time you won the trust of a sceptical colleague',
  'Dive Deep': 'Tell me about a time you dug into the data to find the root cause of a problem',
  'Have Backbone; Disagree and Commit': 'Tell me about a time you disagreed with a decision and then committed to it',
  'Deliver Results': 'Tell me about a time you delivered despite a serious setback',
  "Strive to be Earth's Best Employer": 'Tell me about a time you made your team a better place to work',
  'Success and Scale Bring Broad Responsibility': 'Tell me about a time you weighed the effect of your work on people outside your team',
};

/** A principle's id: `amazon:` and its words in kebab-case (`amazon:have-backbone-disagree-and-commit`). */
export function principleId(principle: string): string {
  return `amazon:${principle
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export const COMPANY_VALUES: CompanyValue[] = [
  ...AMAZON_PRINCIPLES.map((p) => ({ id: principleId(p), company: 'amazon' as const, label: p, question: PRINCIPLE_QUESTIONS[p] })),
  { id: 'google:intellectual-humility', company: 'google', label: 'Intellectual humility', question: 'Tell me about a time the evidence changed your mind' },
  { id: 'meta:move-fast', company: 'meta', label: 'Move fast', question: 'Tell me about a time you shipped a quick experiment to learn fast' },
  {
    id: 'anthropic:risks-and-trade-offs',
    company: 'anthropic',
    label: 'Risks and trade-offs',
    question: 'Tell me about a time you weighed the risks and trade-offs of a decision',
  },
  {
    id: 'openai:risks-and-trade-offs',
    company: 'openai',
    label: 'Risks and trade-offs',
    question: 'Tell me about a time you weighed the risks and trade-offs of a decision',
  },
];

/**
 * The ML skills job-description matching looks for (the ML-STAR competencies of SPEC §1), each
 * with the question an ML interviewer asks about it.
 */
export interface Skill {
  id: string;
  label: string;
  question: string;
}

export const ML_SKILLS: Skill[] = [
  { id: 'ml:experimentation', label: 'Experimentation', question: 'Tell me about an experiment you designed and what it taught you' },
  { id: 'ml:deployment', label: 'Deployment', question: 'Tell me about taking a model to production' },
  { id: 'ml:data-quality', label: 'Data quality', question: 'Tell me about a time bad data broke a model' },
  { id: 'ml:stakeholders', label: 'Stakeholder work', question: 'Tell me about explaining a model to people who are not engineers' },
  { id: 'ml:leadership', label: 'Leadership', question: 'Tell me about leading a team or mentoring someone' },
  { id: 'ml:ethics', label: 'Ethics and responsible AI', question: 'Tell me about a time you weighed fairness, privacy or safety in an ML system' },
];

export interface FollowUp {
  id: string;
  question: string;
  /** Words that identify the follow-up in a list item or heading. */
  pattern: RegExp;
}

export const FOLLOW_UPS: FollowUp[] = [
  {
    id: 'why-approach',
    question: 'Why that approach, and not the alternatives?',
    pattern: /\bwhy\b.*\b(approach|this|that|choose|chose|option)|\balternatives?\b/i,
  },
  { id: 'differently', question: 'What would you do differently?', pattern: /\bdifferently\b|\bin hindsight\b|\bdo again\b/i },
  {
    id: 'buy-in',
    question: 'How did you get buy-in / how did the team react?',
    pattern: /\bbuy-?in\b|\breact(ed|ion)?\b|\bconvince|\bstakeholders?\b.*\b(agree|support)/i,
  },
  { id: 'risks', question: 'What were the biggest risks?', pattern: /\brisks?\b/i },
  { id: 'success', question: 'How did you know it was successful?', pattern: /\bsuccess(ful)?\b|\bhow did you know\b|\bmeasure/i },
  {
    id: 'after-shipping',
    question: 'What happened after shipping / what if it had failed?',
    pattern: /\bafter (shipping|launch|it shipped)|\bif it had failed\b|\bwhat happened (next|after)|\bpost-?launch\b/i,
  },
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
