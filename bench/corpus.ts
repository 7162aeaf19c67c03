// A deterministic corpus of STAR stories for the benchmark. The same seed gives the same text on
// every machine and in every process, so each child process can rebuild its inputs instead of
// reading them from disk, and every tool sees exactly the same bytes.

// mulberry32, the engine's seeded generator: the corpus and the drill share one.
import { seededRandom as prng } from '../server/src/engine/bank/random';

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rand, p: number): boolean => r() < p;

const CATEGORIES = ['project', 'collaboration', 'failure', 'leadership', 'ethics'] as const;
const THEMES = [
  'challenging-project',
  'disagreement',
  'failure',
  'ambiguity',
  'cross-functional',
  'leading-without-authority',
  'ethics',
  'prioritization',
  'proud',
  'why-company',
] as const;

const PRODUCTS = [
  'the checkout page',
  'our search ranking',
  'the fraud model',
  'the support chatbot',
  'the recommendation feed',
  'the onboarding flow',
  'the billing pipeline',
  'the ad auction',
  'the churn model',
  'the labeling tool',
];
const TEAMS = ['payments', 'growth', 'trust and safety', 'search', 'ads', 'platform', 'data infrastructure', 'customer support', 'risk', 'marketplace'];
const PEOPLE = [
  'our product manager',
  'the head of sales',
  'a senior data scientist',
  'the legal team',
  'two backend engineers',
  'the design lead',
  'my manager',
  'the analytics team',
  'an SRE from platform',
  'the VP of engineering',
];
const METRIC_TECH = ['precision', 'recall', 'F1', 'AUC', 'CTR', 'p99 latency', 'error rate', 'throughput', 'NDCG', 'false positive rate'];
const METRIC_BIZ = [
  'revenue',
  'support cost',
  'conversion',
  'retention',
  'weekly active users',
  'churn',
  'hours saved per week',
  'manual review time',
  'refund volume',
  'sign-ups',
];
const METHODS = [
  'gradient boosted trees',
  'a two-tower retrieval model',
  'a logistic regression baseline',
  'a fine-tuned BERT-base classifier',
  'a rules engine',
  'an isolation forest',
  'a contextual bandit',
  'a nightly batch job',
  'a streaming feature store',
  'a held-out evaluation set',
];
const HEDGES = ['I think', 'maybe', 'sort of', 'kind of', 'probably', 'I guess', 'somewhat', 'perhaps'];
const VAGUE = ['a lot of', 'various', 'some', 'a bunch of', 'many', 'several', 'lots of', 'a few'];
const PAST_I = [
  'analyzed',
  'designed',
  'proposed',
  'built',
  'wrote',
  'ran',
  'led',
  'interviewed',
  'prototyped',
  'benchmarked',
  'negotiated',
  'documented',
  'measured',
  'shipped',
  'reviewed',
];
const OBJECTS = [
  'the error logs',
  'a labeling guide',
  'an A/B test',
  'the feature pipeline',
  'a design doc',
  'the evaluation harness',
  'a dashboard for the on-call rotation',
  'the rollout plan',
  'a cost model',
  'the data contracts',
];
const TITLES = ['Rescuing', 'Rebuilding', 'Scaling', 'Untangling', 'Shipping', 'Fixing', 'Rethinking', 'Migrating', 'Hardening', 'Simplifying'];

function pct(r: Rand): string {
  return `${int(r, 1, 9)}.${int(r, 0, 9)}%`;
}

function money(r: Rand): string {
  return pick(r, [`$${int(r, 1, 9)}.${int(r, 1, 9)}M`, `$${int(r, 100, 900)}K`, `€${int(r, 20, 90)}k`]);
}

function metricPhrase(r: Rand): string {
  const a = pct(r);
  const b = pct(r);
  return pick(r, [
    `${pick(r, METRIC_TECH)} went from ${a} to ${b}`,
    `${pick(r, METRIC_BIZ)} grew by ${money(r)} a year`,
    `${pick(r, METRIC_TECH)} improved ${int(r, 2, 5)}x`,
    `we saved ${int(r, 5, 40)} hours/week of ${pick(r, ['manual review', 'on-call toil', 'data cleaning'])}`,
    `${pick(r, METRIC_BIZ)} moved from ${a} to ${b}`,
    `${int(r, 2, 90)},000 users ${pick(r, ['adopted it', 'were migrated', 'saw faster pages'])}`,
  ]);
}

function situation(r: Rand, product: string): string[] {
  const out = [
    `In ${int(r, 2021, 2025)} I was a ${pick(r, ['senior', 'staff', 'mid-level'])} machine learning engineer on the ${pick(r, TEAMS)} team, a ${int(r, 4, 9)}-person group that owned ${product}.`,
    `${cap(product)} was ${pick(r, ['losing', 'costing', 'wasting'])} ${money(r)} a quarter because ${pick(r, METRIC_TECH)} had drifted from ${pct(r)} to ${pct(r)} after a ${pick(r, ['data migration', 'vendor change', 'holiday spike', 'schema change'])}.`,
    `We had ${pick(r, VAGUE)} complaints from ${pick(r, PEOPLE)}, and ${pick(r, HEDGES)} nobody had looked at the root cause for ${int(r, 2, 6)} months.`,
  ];
  if (chance(r, 0.5))
    out.push(
      `The stakes were high: ${pick(r, PEOPLE)} had promised ${pick(r, ['a fix', 'a new launch', 'an answer'])} to ${pick(r, ['the board', 'a large customer', 'the regulator'])} within ${pick(r, ['six weeks', 'one quarter', 'two sprints'])}.`,
    );
  return out;
}

function task(r: Rand): string[] {
  return [
    `My goal was to ${pick(r, ['bring', 'get', 'push'])} ${pick(r, METRIC_TECH)} back above ${pct(r)} without ${pick(r, ['hurting', 'raising', 'slowing'])} ${pick(r, METRIC_BIZ)}.`,
    `I owned the ${pick(r, ['modeling', 'evaluation', 'rollout', 'data'])} work end to end, and ${pick(r, PEOPLE)} owned the ${pick(r, ['launch', 'budget', 'roadmap'])}.`,
    chance(r, 0.4)
      ? `We needed to decide ${pick(r, ['quickly', 'carefully', 'with very little data'])}, so I ${pick(r, HEDGES)} had to set the scope myself.`
      : `I had to convince ${pick(r, PEOPLE)} that the problem was worth ${int(r, 2, 6)} weeks of the team's time.`,
  ];
}

function actionSentence(r: Rand): string {
  const subject = chance(r, 0.7) ? 'I' : 'We';
  return pick(r, [
    `${subject} ${pick(r, PAST_I)} ${pick(r, OBJECTS)} and found that ${pick(r, VAGUE)} ${pick(r, ['labels', 'features', 'requests', 'events'])} were ${pick(r, ['stale', 'duplicated', 'missing', 'mislabeled'])}.`,
    `${subject} compared ${pick(r, METHODS)} against ${pick(r, METHODS)} on ${int(r, 2, 9)},000 labeled examples, and chose the first because it was ${pick(r, ['simpler to run', 'cheaper to serve', 'easier to explain', 'more robust'])}.`,
    `My hypothesis was that ${pick(r, ['seasonality', 'a leaky feature', 'label noise', 'a broken join'])} explained most of the drop, so ${subject === 'I' ? 'I' : 'we'} ${pick(r, PAST_I)} ${pick(r, OBJECTS)} to test it.`,
    `${subject} ${pick(r, PAST_I)} ${pick(r, OBJECTS)} with ${pick(r, PEOPLE)}, which ${pick(r, HEDGES)} made the trade-offs ${pick(r, ['clearer', 'visible', 'explicit'])} for everyone.`,
    `When ${pick(r, PEOPLE)} disagreed, I ${pick(r, ['shared the data', 'set up a short experiment', 'wrote down both options', 'asked for one week'])} instead of arguing, and ${pick(r, ['we agreed on a plan', 'they changed their mind', 'I changed mine'])}.`,
    `${subject} ran an A/B test for ${pick(r, ['two weeks', 'ten days', 'one sprint'])} on ${int(r, 5, 50)}% of traffic and tracked ${pick(r, METRIC_TECH)} and ${pick(r, METRIC_BIZ)} every day.`,
  ]);
}

function action(r: Rand): { paragraphs: string[][]; bullets: string[] } {
  const paragraphs: string[][] = [];
  for (let p = 0; p < 3; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < int(r, 3, 4); s++) sentences.push(actionSentence(r));
    paragraphs.push(sentences);
  }
  const bullets: string[] = [];
  for (let b = 0; b < int(r, 3, 4); b++) {
    bullets.push(
      `${chance(r, 0.75) ? 'I' : 'We'} ${pick(r, PAST_I)} ${pick(r, OBJECTS)}${chance(r, 0.4) ? `, moving ${pick(r, METRIC_TECH)} from ${pct(r)} to ${pct(r)}` : ''}.`,
    );
  }
  return { paragraphs, bullets };
}

function result(r: Rand): string[] {
  const out = [
    `After the launch ${metricPhrase(r)}, and ${metricPhrase(r)}.`,
    `${cap(pick(r, METRIC_BIZ))} ${pick(r, ['improved', 'rose', 'got better'])} ${pick(r, ['significantly', 'a lot', 'noticeably'])} over the next quarter, which ${pick(r, HEDGES)} mattered most to ${pick(r, PEOPLE)}.`,
    `The ${pick(r, ['evaluation harness', 'rollout checklist', 'labeling guide', 'design template'])} I wrote became the default for ${int(r, 2, 6)} other teams.`,
  ];
  if (chance(r, 0.7))
    out.push(
      `I learned to ${pick(r, ['check the data before the model', 'agree on the metric before the work', 'ship a small experiment first', 'write the decision down'])}, and I ${pick(r, ['still do that', 'now teach that to new hires', 'do it on every project'])}.`,
    );
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface StoryParts {
  title: string;
  category: string;
  questions: string[];
  date: string;
  sections: [string, string][];
}

function storyParts(seed: number): StoryParts {
  const r = prng(seed);
  const product = pick(r, PRODUCTS);
  const title = `${pick(r, TITLES)} ${product.replace(/^(the|our) /, '')} (${seed})`;
  const questions = new Set<string>();
  const n = int(r, 2, 4);
  while (questions.size < n) questions.add(pick(r, THEMES));
  const date = `${int(r, 2021, 2026)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
  const act = action(r);
  const actionText = [act.paragraphs[0].join(' '), act.bullets.map((b) => `- ${b}`).join('\n'), ...act.paragraphs.slice(1).map((p) => p.join(' '))].join(
    '\n\n',
  );
  return {
    title,
    category: pick(r, CATEGORIES),
    questions: [...questions],
    date,
    sections: [
      ['Situation', situation(r, product).join(' ')],
      ['Task', task(r).join(' ')],
      ['Action', actionText],
      ['Result', result(r).join(' ')],
    ],
  };
}

/** One story file: YAML front matter, a `#` title and four `##` STAR sections, ~400 words. */
export function story(seed: number): string {
  const s = storyParts(seed);
  const body = s.sections.map(([name, text]) => `## ${name}\n\n${text}\n`).join('\n');
  return `---\ncategory: ${s.category}\nquestions: [${s.questions.join(', ')}]\ndate: ${s.date}\n---\n\n# ${s.title}\n\n${body}`;
}

/** N story files, as `{name: text}`; seeds are `seed`, `seed + 1`, … so every story differs. */
export function storyFiles(n: number, seed = 1): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`stories/story-${String(i).padStart(4, '0')}.md`] = story(seed + i);
  return files;
}

/** One bank file of N stories: `## Title`, a `<!-- story … -->` metadata comment, `###` sections. */
export function bankFile(n: number, seed = 1): string {
  const parts = ['# My story bank\n'];
  for (let i = 0; i < n; i++) {
    const s = storyParts(seed + i);
    const meta = `<!-- story\ncategory: ${s.category}\nquestions: [${s.questions.join(', ')}]\ndate: ${s.date}\n-->`;
    const body = s.sections.map(([name, text]) => `### ${name}\n\n${text}\n`).join('\n');
    parts.push(`## ${s.title}\n\n${meta}\n\n${body}`);
  }
  return parts.join('\n');
}

/** Inserts one character inside the Action section of story `k` of a bank file. */
export function editBank(text: string, k: number): string {
  return editBankAt(text, k).text;
}

/** The same, with the offset of the inserted character. */
export function editBankAt(text: string, k: number): { text: string; at: number } {
  let at = -1;
  for (let i = 0; i <= k; i++) {
    at = text.indexOf('\n### Action\n\n', at + 1);
    if (at === -1) throw new Error(`bank has no story ${k}`);
  }
  const pos = at + '\n### Action\n\n'.length + 10;
  return { text: text.slice(0, pos) + 'x' + text.slice(pos), at: pos };
}

/** The word count a reader would give (whitespace-separated tokens outside front matter). */
export function wordCount(text: string): number {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}

/** A short, stable digest (FNV-1a) so every child can prove it linted the same bytes. */
export function digest(texts: Iterable<string>): string {
  let h = 0x811c9dc5;
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
