// A drill in progress: the steps of each question (read it, tell the story against the clock,
// face two follow-ups, say whether you told it) as a pure state machine. The clock is an argument
// of every step, never read here, so tests drive time by hand. The terminal drill and the VS Code
// panel run the same steps; this module imports nothing at run time, so the extension can bundle it.
import type { DrillPlan } from '../server/src/engine/bank/drill';

/** A spoken answer should take 2–3 minutes (SPEC §1); past 3 it runs long. */
export const TARGET_SECONDS = { min: 120, max: 180 } as const;

export type DrillPhase = 'question' | 'telling' | 'follow-ups' | 'done';

export interface DrillOutcome {
  /** The question's id. */
  id: string;
  /** The story told (an index into BankReport.stories), when there was one. */
  story?: number;
  /** Seconds spent telling it, when the clock ran. */
  seconds?: number;
  /** The person said they told it. */
  told: boolean;
  skipped: boolean;
  /** The date logged in the story's `practiced` list. */
  logged?: string;
  /** Why nothing was logged although the person told it (file changed on disk, already logged…). */
  logError?: string;
}

export interface DrillState {
  /** The question being asked (an index into the plan's questions). */
  index: number;
  phase: DrillPhase;
  /** When the telling started (milliseconds on the caller's clock). */
  startedAt?: number;
  /** Seconds the last telling took, once stopped. */
  seconds?: number;
  outcomes: DrillOutcome[];
}

export type DrillAction =
  { type: 'start' } | { type: 'stop' } | { type: 'told'; logged?: string; logError?: string } | { type: 'not-told' } | { type: 'skip' } | { type: 'quit' };

export function startDrill(plan: Pick<DrillPlan, 'questions'>): DrillState {
  return { index: 0, phase: plan.questions.length ? 'question' : 'done', outcomes: [] };
}

/**
 * The state after `action` at time `now` (milliseconds). An action that does not apply to the
 * phase (Enter while the follow-ups are shown) leaves the state as it was.
 */
export function drillStep(plan: Pick<DrillPlan, 'questions'>, state: DrillState, action: DrillAction, now: number): DrillState {
  const q = plan.questions[state.index];
  if (state.phase === 'done' || !q) return state;
  const next = (outcome: DrillOutcome): DrillState => {
    const index = state.index + 1;
    return { index, phase: index < plan.questions.length ? 'question' : 'done', outcomes: [...state.outcomes, outcome] };
  };
  const elapsed = (): number => Math.max(0, Math.round((now - (state.startedAt ?? now)) / 1000));
  switch (action.type) {
    case 'start':
      return state.phase === 'question' ? { ...state, phase: 'telling', startedAt: now, seconds: undefined } : state;
    case 'stop':
      return state.phase === 'telling' ? { ...state, phase: 'follow-ups', seconds: elapsed() } : state;
    case 'told':
      if (state.phase !== 'follow-ups') return state;
      return next({ id: q.id, story: q.story, seconds: state.seconds, told: true, skipped: false, logged: action.logged, logError: action.logError });
    case 'not-told':
      if (state.phase !== 'follow-ups') return state;
      return next({ id: q.id, story: q.story, seconds: state.seconds, told: false, skipped: false });
    case 'skip':
      return next({ id: q.id, story: q.story, seconds: state.phase === 'telling' ? elapsed() : state.seconds, told: false, skipped: true });
    case 'quit':
      return { ...state, phase: 'done' };
  }
}

export interface TimerView {
  /** `m:ss`. */
  clock: string;
  seconds: number;
  /** Under 2:00, inside 2:00–3:00, or past 3:00 (the warning). */
  status: 'short' | 'target' | 'long';
  message: string;
}

/** The clock as shown while a story is told. */
export function timerView(seconds: number): TimerView {
  const s = Math.max(0, Math.floor(seconds));
  const clock = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  if (s > TARGET_SECONDS.max) return { clock, seconds: s, status: 'long', message: 'past 3:00: land the Result now, the interviewer is losing the thread' };
  if (s >= TARGET_SECONDS.min) return { clock, seconds: s, status: 'target', message: 'in the 2:00–3:00 target' };
  return { clock, seconds: s, status: 'short', message: 'target 2:00–3:00' };
}

export interface DrillSummary {
  /** Questions reached (told, not told or skipped). */
  asked: number;
  told: number;
  skipped: number;
  /** The stories told, each once, in the order they were told. */
  storiesUsed: number[];
  /** The dates logged, by story. */
  logged: { story: number; date: string }[];
  /** Questions of the whole pool that no story answers, and which of them came up. */
  noStory: { id: string; asked: boolean }[];
  /** Tellings past 3:00. */
  long: string[];
}

export function drillSummary(plan: Pick<DrillPlan, 'pool'>, state: DrillState): DrillSummary {
  const o = state.outcomes;
  const storiesUsed: number[] = [];
  for (const x of o) if (x.told && x.story !== undefined && !storiesUsed.includes(x.story)) storiesUsed.push(x.story);
  const askedIds = new Set(o.map((x) => x.id));
  return {
    asked: o.length,
    told: o.filter((x) => x.told).length,
    skipped: o.filter((x) => x.skipped).length,
    storiesUsed,
    logged: o.filter((x) => x.logged !== undefined && x.story !== undefined).map((x) => ({ story: x.story!, date: x.logged! })),
    noStory: plan.pool.filter((p) => p.stories.length === 0).map((p) => ({ id: p.id, asked: askedIds.has(p.id) })),
    long: o.filter((x) => (x.seconds ?? 0) > TARGET_SECONDS.max).map((x) => x.id),
  };
}
