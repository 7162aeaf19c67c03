// Tests that drive a program from the system (an editor, pre-commit, tmux): where it is missing,
// a developer's `npm test` skips them with a printed reason; in CI (`CI` or `STARLINT_CI` set, as
// `.ci/run` does after installing everything) a missing program fails the run instead.
import type { Context } from 'mocha';

export const IN_CI = Boolean(process.env.CI || process.env.STARLINT_CI);

/** Skips the test or suite (or fails it in CI) when `available` is false. */
export function needTool(ctx: Context, available: boolean, reason: string): void {
  if (available) return;
  if (IN_CI) throw new Error(`${reason} — CI installs it (.ci/run), so this is a failure here`);
  console.log(`    (skipped: ${reason})`);
  ctx.skip();
}
