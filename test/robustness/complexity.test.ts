// Linear cost, counted: for every story rule, inputs built from what its regular expressions
// repeat, and Markdown built to make the parser nest or backtrack, are linted at 1× and 10× their
// size under a WorkMeter (work.ts), which counts the JavaScript blocks run and the characters the
// built-ins read. The counts are exact and the same on every machine and under any load, so the
// limit can be tight: work may grow at most MAX_GROWTH times for 10 times the input.
// (The same inputs are timed, at ten times these sizes, by `npm run fuzz`.)
import assert from 'node:assert/strict';
import { STORY_RULES } from '../../server/src/engine';
import { RULE_PAYLOADS, growthCases } from './adversarial';
import { runMetered, type GrowthResult } from './metered';

/**
 * Linear work grows at most 10× (fixed costs only lower the ratio). Splitting a document into
 * chunks once it passes 24,000 characters adds a cost per chunk: 13.2× at most among these
 * inputs. Quadratic work grows 100×: a quadratic part that is 6 % of the work at 1× already
 * takes the total past 15×.
 */
export const MAX_GROWTH = 15;

/**
 * From 10× to 100× (cases whose parse units were still filling up at 10×) the inputs also cross
 * the thresholds where a document is cut into units and chunks, whose scans then start running:
 * a step, not a trend (measured: 20× at most). Anything that grows as n^1.5 or faster (31.6×;
 * quadratic 100×) fails.
 */
export const MAX_GROWTH_SATURATED = 30;

describe('robustness: work grows linearly with the input (counted, not timed)', function () {
  this.timeout(600_000);
  const cases = growthCases(STORY_RULES.map((r) => r.id));
  const results = new Map<string, GrowthResult>();

  before(() => {
    for (const r of runMetered<GrowthResult[]>('growth')) results.set(`${r.group}/${r.name}`, r);
  });

  it('has adversarial payloads for every story rule', () => {
    assert.deepEqual(
      STORY_RULES.map((r) => r.id).filter((id) => !RULE_PAYLOADS[id]?.payloads.length),
      [],
    );
  });

  for (const group of [...new Set(cases.map((c) => c.group))]) {
    describe(group, () => {
      for (const c of cases.filter((x) => x.group === group)) {
        it(c.name, () => {
          const r = results.get(`${c.group}/${c.name}`);
          assert.ok(r, 'measured');
          const explain = `; grew most: ${r.grew.join(', ')}. Where the native work grew: node --no-opt --require tsx/cjs test/robustness/metered.ts growth --explain ${JSON.stringify(c.name)}`;
          const check = (what: string, counts: number[], from: number, to: number, scale: string): void => {
            const growth = counts[to] / Math.max(counts[from], 1);
            const limit = from === 0 ? MAX_GROWTH : MAX_GROWTH_SATURATED;
            assert.ok(
              growth < limit,
              `${what}: ${counts[from].toLocaleString('en-US')} → ${counts[to].toLocaleString('en-US')} (${scale}): ${growth.toFixed(1)}× (limit ${limit}×)${explain}`,
            );
          };
          // Linear from 1×, or, where parse units were still filling up between 1× and 10×, from
          // 10× to 100× (every unit full): starlint's own code, and all the work, parser included.
          const saturated = r.blocks.length > 2;
          const [from, to, scale] = saturated ? [1, 2, '10× → 100×'] : [0, 1, '1× → 10×'];
          check('blocks in starlint', r.ownBlocks, from, to, scale);
          for (const kind of ['blocks', 'native'] as const) check(`${kind} in all`, r[kind], from, to, scale);
        });
      }
    });
  }
});

describe('robustness: the work meter counts what matters', function () {
  this.timeout(120_000);
  let calibration: Record<string, number>;
  before(() => {
    calibration = runMetered<Record<string, number>>('calibrate');
  });

  // Growth from n to 10 n of small functions with known cost: the meter must tell them apart.
  it('counts loop iterations: a linear loop grows 10×, a nested loop 100×', () => {
    assert.ok(calibration['linear loop'] > 9.5 && calibration['linear loop'] < 10.5, String(calibration['linear loop']));
    assert.ok(calibration['nested loop'] > 90, String(calibration['nested loop']));
  });

  it('counts what built-ins read: a search back through the whole text on every line is quadratic', () => {
    assert.ok(calibration['lastIndexOf per line, bounded by the line'] < 11, String(calibration['lastIndexOf per line, bounded by the line']));
    assert.ok(calibration['lastIndexOf per line, back to the start'] > 90, String(calibration['lastIndexOf per line, back to the start']));
    assert.ok(calibration['regex search from the start on every line'] > 90, String(calibration['regex search from the start on every line']));
  });

  it('does not count the copies V8 does not make: slices share their string', () => {
    assert.ok(calibration['slice to the end on every line'] < 11, String(calibration['slice to the end on every line']));
  });
});
