// Growth in CPU time, for `npm run fuzz` only: the CPU time of a run on an input of size n and on
// one of size 10 n, each the minimum of a few repetitions, and their ratio. Linear work gives a
// ratio near 10 (less when fixed costs dominate); quadratic work gives near 100. CPU time still
// moves with the machine's load, so no test in `npm test` uses it: the test suite counts work
// instead (test/robustness/work.ts).

/** CPU milliseconds (user + system) that `fn` takes. CPU time ignores other processes. */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export interface Growth {
  small: number;
  large: number;
  ratio: number;
}

/**
 * Measures `run` on `build(size, salt)` and `build(10 × size, salt)`. Each repetition uses a new
 * salt, so the engine's caches never answer from an earlier run. `floor` keeps a tiny small-size
 * time from inflating the ratio.
 */
let salt = 0;

export function growth(build: (size: number, salt: number) => string, run: (text: string) => void, size: number, reps = 3, floor = 1): Growth {
  run(build(size, salt++)); // warm the JIT up
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < reps; i++) {
    const a = build(size, salt++);
    small = Math.min(
      small,
      cpuMs(() => run(a)),
    );
    const b = build(size * 10, salt++);
    large = Math.min(
      large,
      cpuMs(() => run(b)),
    );
  }
  return { small, large, ratio: large / Math.max(small, floor) };
}

/** The ratio above which growth counts as super-linear: 10 for linear work, with slack for noise. */
export const MAX_RATIO = 25;

export function describeGrowth(g: Growth): string {
  return `${g.small.toFixed(1)} ms at 1×, ${g.large.toFixed(1)} ms at 10×: ratio ${g.ratio.toFixed(1)}`;
}
