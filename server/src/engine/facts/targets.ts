// The share of the answer each STAR section should take (SPEC §3), the advice when a share is off,
// and reading a configured "min-max" range: the section-balance rule and the hover both use them.
import type { StarKind } from '../model/types';

/** What to do when a section's share is over (first) or under (second) its target. */
export const ADVICE: Record<StarKind, [string, string]> = {
  situation: ['cut the context to the stakes and the team; spend the time on Action', 'add the context: the team, the stakes, why it mattered'],
  task: ['state your role and goal in a sentence or two', 'say what you owned and what success meant'],
  action: ['trim the detail to the decisions that mattered', 'say more of what you did and why: the options, the decision, the reasoning'],
  result: ['keep the outcome to the metric, the business effect and the lesson', 'add the measured outcome, its business effect and what you learned'],
};

/** Each STAR section's target share of the story's words, in percent (min, max). */
export const TARGETS: Record<StarKind, [number, number]> = {
  situation: [15, 20],
  task: [10, 15],
  action: [50, 60],
  result: [15, 20],
};

/** A configured range such as "15-20", or `fallback` when it is not one. */
export function parseRange(value: unknown, fallback: [number, number]): [number, number] {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*$/.exec(String(value ?? ''));
  if (!m) return fallback;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a <= b ? [a, b] : fallback;
}
