// Applying the rules' safe fixes to a text (`starlint --fix`, and any caller of the engine): the
// fixes of one pass that do not overlap are applied together, the text is linted again, and so on
// until no fix is left or MAX_PASSES passes ran. Suggestions (prose rewrites) are never applied.
import type { Edit, Finding } from '../model/types';
import type { LintResult } from './lint';

export const MAX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** The fixes applied, by rule, over every pass. */
  applied: { rule: string; title: string }[];
  passes: number;
}

/** The text with the non-overlapping safe fixes of `findings` applied, and which ones were. */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: Finding[] } {
  const offers = findings.filter((f) => f.fix && f.fix.edits.length).sort((a, b) => firstEdit(a) - firstEdit(b));
  const taken: Edit[] = [];
  const applied: Finding[] = [];
  for (const f of offers) {
    const edits = [...f.fix!.edits].sort((a, b) => a.start - b.start);
    // An offer is applied whole or not at all, and never across another's edit.
    if (
      edits.some(
        (e) => taken.some((t) => e.start < t.end && t.start < e.end) || taken.some((t) => t.start === t.end && e.start === e.end && e.start === t.start),
      )
    )
      continue;
    taken.push(...edits);
    applied.push(f);
  }
  // From the end back, so earlier offsets hold; at one offset the last-listed edit goes in first,
  // which leaves the edits there in the order they were listed (as LSP applies a TextEdit[]).
  const order = taken.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}

/** Lints and fixes `text` until no safe fix is left (at most MAX_PASSES passes). */
export function fixText(text: string, lint: (text: string) => LintResult): FixOutcome {
  let current = text;
  const applied: FixOutcome['applied'] = [];
  let passes = 0;
  while (passes < MAX_PASSES) {
    const result = lint(current);
    const next = applyFixes(current, result.findings);
    if (next.applied.length === 0 || next.text === current) break;
    passes++;
    for (const f of next.applied) applied.push({ rule: f.rule, title: f.fix!.title });
    current = next.text;
  }
  return { text: current, applied, passes };
}

function firstEdit(f: Finding): number {
  return Math.min(...f.fix!.edits.map((e) => e.start));
}
