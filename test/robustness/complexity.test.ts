// Time bounds without wall-clock thresholds: for every story rule, inputs built from what its
// regular expressions repeat are linted at 1× and 10× their size, and the CPU time may grow at
// most MAX_RATIO times (10 for linear work). A quadratic regular expression or loop grows ~100×.
import assert from 'node:assert/strict';
import { STORY_RULES, lintText, resolveConfig } from '../../server/src/engine';
import { RULE_PAYLOADS, growthCases, type GrowthCase } from './adversarial';
import { TODAY } from './properties';
import { MAX_RATIO, describeGrowth, growth } from './timing';

function assertLinear(c: GrowthCase): void {
  const config = resolveConfig(c.config);
  const run = (text: string): void => void lintText(text, config, { today: TODAY, only: c.only });
  let g = growth(c.build, run, c.size);
  // A busy machine (a garbage collection, another process) can inflate one measurement: measure
  // again with more repetitions before calling it super-linear. Quadratic work stays near 100.
  if (g.ratio >= MAX_RATIO) g = growth(c.build, run, c.size, 6);
  assert.ok(g.ratio < MAX_RATIO, `${c.name}: ${describeGrowth(g)} (more than ${MAX_RATIO}: super-linear)`);
}

describe('robustness: cost grows linearly with the input', () => {
  it('has adversarial payloads for every story rule', () => {
    assert.deepEqual(
      STORY_RULES.map((r) => r.id).filter((id) => !RULE_PAYLOADS[id]?.payloads.length),
      [],
    );
  });

  const cases = growthCases(STORY_RULES.map((r) => r.id));
  for (const group of [...new Set(cases.map((c) => c.group))]) {
    describe(group, () => {
      for (const c of cases.filter((x) => x.group === group)) {
        it(c.name, () => assertLinear(c));
      }
    });
  }
});
