// The mock-interview drill, as data: which questions to ask and in what order, which story to
// tell for each, and which two follow-ups come after it. Pure and deterministic: the bank report
// and a seed in, a plan out. The terminal drill (node/drill.ts) and the VS Code panel both run
// the plan through the session in drill-session.ts.
import { COMPANY_VALUES, FOLLOW_UPS, closest } from '../../../../shared/domain';
import { seededRandom, shuffle } from './random';
import type { BankReport, BankStory } from './bank';
import type { ResolvedConfig } from '../lint/config';

/** A story whose strength score is below this is weak: its questions come first. */
export const WEAK_SCORE = 70;
/** Questions a drill asks unless told otherwise (a behavioural round asks four to six). */
export const DEFAULT_QUESTIONS = 5;

/**
 * Why a question comes where it does, most urgent first: no story answers it; its best story is
 * weak; its best story is due for practice (or was never practised); nothing is wrong.
 */
export type DrillReason = 'missing' | 'weak' | 'due' | 'ready';
const REASON_ORDER: DrillReason[] = ['missing', 'weak', 'due', 'ready'];

export interface DrillQuestion {
  /** A theme id (`ambiguity`, or one of the user's own) or a company value id (`amazon:dive-deep`). */
  id: string;
  question: string;
  source: 'theme' | 'company';
  reason: DrillReason;
  /** The stories that answer it, best first (indices into BankReport.stories). */
  stories: number[];
  /** The story to tell: the best one not already picked for an earlier question, else the best. */
  story?: number;
  /** Two of the six follow-ups (FOLLOW_UPS ids): those the story's Follow-ups section does not answer first. */
  followUps: string[];
}

export interface DrillPlan {
  seed: number;
  today: string;
  questions: DrillQuestion[];
  /** Every question the bank could have been asked, with the stories that answer each. */
  pool: { id: string; question: string; source: 'theme' | 'company'; stories: number[] }[];
}

export interface DrillOptions {
  /** How many questions (default 5); more than the pool holds asks them all. */
  questions?: number;
  /** Ask only these questions, in this order (theme or company value ids). */
  themes?: string[];
  /** Any whole number; the same seed and bank give the same plan. */
  seed: number;
}

/** The stories best first: higher score, then title, then position (a stable, seed-free order). */
export function bestFirst(stories: BankStory[], indices: number[]): number[] {
  return [...indices].sort((a, b) => stories[b].score.total - stories[a].score.total || stories[a].title.localeCompare(stories[b].title) || a - b);
}

/** A story is due when its next checkpoint has come, or when it has never been practised (day 0 is today). */
export function isDue(story: BankStory): boolean {
  return story.practice.due || story.practice.practiced.length === 0;
}

function reasonFor(stories: BankStory[], answering: number[]): DrillReason {
  if (answering.length === 0) return 'missing';
  const best = stories[answering[0]];
  if (best.score.total < WEAK_SCORE) return 'weak';
  return isDue(best) ? 'due' : 'ready';
}

/** The questions a bank is drilled on: the configured themes, then the target company's values. */
export function drillPool(report: BankReport, config: ResolvedConfig): DrillPlan['pool'] {
  const pool: DrillPlan['pool'] = config.themes.map((t) => {
    const answering = report.stories.map((s, i) => (s.themes.includes(t.id) ? i : -1)).filter((i) => i >= 0);
    return { id: t.id, question: t.question, source: 'theme' as const, stories: bestFirst(report.stories, answering) };
  });
  for (const v of COMPANY_VALUES) {
    if (v.company !== config.targetCompany) continue;
    const answering = report.stories.map((s, i) => (s.values.includes(v.id) ? i : -1)).filter((i) => i >= 0);
    pool.push({ id: v.id, question: v.question, source: 'company', stories: bestFirst(report.stories, answering) });
  }
  return pool;
}

/** A message for each `themes` entry the pool does not know, with the closest id when there is one. */
export function unknownDrillThemes(themes: string[], pool: DrillPlan['pool']): string[] {
  const ids = pool.map((p) => p.id);
  return themes
    .filter((t) => !ids.includes(t.toLowerCase()))
    .map((t) => {
      const hint = closest(t, ids);
      return `unknown theme "${t}"${hint ? `; did you mean "${hint}"?` : ''} (known: ${ids.join(', ')})`;
    });
}

/**
 * Plans a drill: the questions whose best story is missing, weak or due come first (in that
 * order; shuffled by the seed within each group), each with the story to tell and two follow-ups.
 * Unknown `themes` are left out (check them with unknownDrillThemes first).
 */
export function planDrill(report: BankReport, config: ResolvedConfig, options: DrillOptions): DrillPlan {
  const random = seededRandom(options.seed);
  const pool = drillPool(report, config);
  let chosen: DrillPlan['pool'];
  if (options.themes?.length) {
    const wanted = options.themes.map((t) => t.toLowerCase());
    chosen = wanted.map((id) => pool.find((p) => p.id === id)).filter((p): p is DrillPlan['pool'][number] => p !== undefined);
  } else {
    // One shuffle of the whole pool, then a stable sort by urgency: the seed orders each group.
    const shuffled = shuffle(pool, random);
    chosen = REASON_ORDER.flatMap((r) => shuffled.filter((p) => reasonFor(report.stories, p.stories) === r));
    chosen = chosen.slice(0, Math.max(1, options.questions ?? DEFAULT_QUESTIONS));
  }
  const told = new Set<number>();
  const questions = chosen.map((p): DrillQuestion => {
    const story = p.stories.find((i) => !told.has(i)) ?? p.stories[0];
    if (story !== undefined) told.add(story);
    return {
      id: p.id,
      question: p.question,
      source: p.source,
      reason: reasonFor(report.stories, p.stories),
      stories: p.stories,
      story,
      followUps: pickFollowUps(story === undefined ? undefined : report.stories[story], random),
    };
  });
  return { seed: options.seed, today: report.today, questions, pool };
}

/** Two follow-ups: the ones the story has not prepared first, then (if it answers five or six) prepared ones. */
function pickFollowUps(story: BankStory | undefined, random: () => number): string[] {
  const all = FOLLOW_UPS.map((f) => f.id);
  const missing = story?.followUps?.missing ?? all;
  const open = shuffle(
    all.filter((id) => missing.includes(id)),
    random,
  );
  const prepared = shuffle(
    all.filter((id) => !missing.includes(id)),
    random,
  );
  const picked = [...open, ...prepared].slice(0, 2);
  // In the order an interviewer usually asks them.
  return all.filter((id) => picked.includes(id));
}
