// The language server's side of the mock-interview drill and job-description fit: the requests'
// parameters checked, then the engine's planDrill and matchJob on the bank the server holds, so
// the VS Code panels show what `starlint drill` and `starlint match` print.
import { resolveConfig, type BankReport, type ResolvedConfig } from '../engine';
import { planDrill, unknownDrillThemes } from '../engine/bank/drill';
import { matchJob } from '../engine/bank/match';
import type { DrillPlanParams, DrillPlanResult, MatchJobParams, MatchJobResult } from '../../../shared/protocol';

/** The plan, or a message saying which parameter is wrong. */
export function drillPlanFor(
  report: BankReport,
  config: ResolvedConfig | undefined,
  params: DrillPlanParams | undefined,
): Omit<DrillPlanResult, 'partial'> | string {
  const p = params ?? {};
  if (p.questions !== undefined && !(Number.isInteger(p.questions) && p.questions >= 1)) return '"questions" is a whole number of 1 or more.';
  if (p.seed !== undefined && !(Number.isInteger(p.seed) && p.seed >= 0 && p.seed <= 0xffffffff)) return '"seed" is a whole number from 0 to 4294967295.';
  if (p.themes !== undefined && !(Array.isArray(p.themes) && p.themes.every((t) => typeof t === 'string'))) return '"themes" is an array of theme ids.';
  const resolved = config ?? resolveConfig();
  const plan = planDrill(report, resolved, {
    questions: p.questions,
    themes: p.themes,
    seed: p.seed ?? 1 + (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] % 999_999),
  });
  return { plan, stories: report.stories, unknownThemes: unknownDrillThemes(p.themes ?? [], plan.pool) };
}

/** The match, or a message saying which parameter is wrong. */
export function matchJobFor(
  report: BankReport,
  config: ResolvedConfig | undefined,
  params: MatchJobParams | undefined,
): Omit<MatchJobResult, 'partial'> | string {
  if (!params || typeof params.text !== 'string') return '"text" is the job posting, as a string.';
  return { result: matchJob(params.text, report, config ?? resolveConfig()), stories: report.stories };
}
