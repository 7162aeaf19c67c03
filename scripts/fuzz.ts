// The long fuzzing run: the properties of test/robustness/fuzz.test.ts with a random seed and many
// more inputs, then the inputs of the growth checks (test/robustness/complexity.test.ts, which
// counts work) timed in CPU time at ten times their sizes. A failure prints the shrunk counterexample and the seed and path that replay it.
//
//   npm run fuzz                          50× the test suite's runs, random seed
//   npm run fuzz -- --seed 123 --scale 10 --only markdown,configs
//   npm run fuzz -- --measure             the figures of docs/reliability.md
import fc from 'fast-check';
import { STORY_RULES, lintText, resolveConfig, type StarlintConfig } from '../server/src/engine';
import { BANK, codeUnits, configLayers, markdown, mutatedStory, unicode, withDirectives, anyDocument } from '../test/robustness/arbitraries';
import {
  NESTING,
  NESTING_PER_LINE,
  PARSER_HARD,
  PROSE,
  bankOfSize,
  growthCases,
  manyStories,
  randomBytes,
  salted,
  storyWith,
} from '../test/robustness/adversarial';
import { FUZZ_RUNS, TODAY, checkDocument } from '../test/robustness/properties';
import { MAX_RATIO, cpuMs, describeGrowth, growth } from './timing';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fuzz(): boolean {
  const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
  const scale = Number(arg('scale') ?? 50);
  const only = arg('only')?.split(',');
  const bankTexts = BANK.map((b) => b.text);
  const properties: Record<keyof typeof FUZZ_RUNS, fc.IProperty<any>> = {
    markdown: fc.property(markdown, (text) => checkDocument(text)),
    unicode: fc.property(fc.oneof(unicode(2000), codeUnits(2000)), (text) => checkDocument(text)),
    mutated: fc.property(mutatedStory, (text) => checkDocument(text)),
    configs: fc.property(fc.oneof(anyDocument, fc.constantFrom(...bankTexts)), configLayers, (text, layers) => checkDocument(text, layers)),
    directives: fc.property(withDirectives(fc.constantFrom(...bankTexts)), (text) => checkDocument(text)),
  };

  console.log(`starlint fuzz: seed ${seed} (replay with --seed ${seed}), ${scale}× the test suite's runs`);
  let ok = true;
  for (const [name, property] of Object.entries(properties) as [keyof typeof FUZZ_RUNS, fc.IProperty<any>][]) {
    if (only && !only.includes(name)) continue;
    const runs = Number(arg('runs') ?? FUZZ_RUNS[name] * scale);
    const started = performance.now();
    const details = fc.check(property, { seed, numRuns: runs });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (details.failed) {
      ok = false;
      console.log(`✗ ${name}: failed after ${details.numRuns} of ${runs} runs (${seconds} s)`);
      console.log(fc.defaultReportMessage(details));
    } else {
      console.log(`✓ ${name}: ${details.numRuns} runs, ${seconds} s`);
    }
  }
  if (only && !only.includes('growth')) return ok;

  // The growth checks again, at ten times the sizes the test suite can afford.
  console.log('\ngrowth at 10× the test sizes (1× → 10×):');
  for (const c of growthCases(STORY_RULES.map((r) => r.id))) {
    const config = resolveConfig(c.config);
    const g = growth(c.build, (text) => lintText(text, config, { today: TODAY, only: c.only }), c.size * 10, 2);
    const pass = g.ratio < MAX_RATIO;
    ok &&= pass;
    if (!pass || process.argv.includes('--verbose')) console.log(`${pass ? '✓' : '✗'} ${c.group} / ${c.name}: ${describeGrowth(g)}`);
  }
  console.log(ok ? '✓ growth: every case under the ratio' : '✗ growth: see above');
  return ok;
}

/** CPU time of one lint (the minimum of `reps`), with a fresh salt each time. */
function timeLint(build: (salt: number) => string, config: StarlintConfig = {}, reps = 2): number {
  const resolved = resolveConfig(config);
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const text = build(Date.now() + i);
    best = Math.min(
      best,
      cpuMs(() => lintText(text, resolved, { today: TODAY })),
    );
  }
  return best;
}

function measure(): void {
  const rows: [string, string, number][] = [];
  const row = (input: string, size: string, ms: number): void => {
    rows.push([input, size, ms]);
    console.log(`${input} (${size}): ${ms.toFixed(0)} ms`);
  };
  const kb = (text: string): string => (text.length >= 1e6 ? `${(text.length / 1e6).toFixed(1)} MB` : `${Math.round(text.length / 1e3)} kB`);

  row(
    'Example bank, every file linted once',
    `${BANK.length} files`,
    BANK.reduce((n, b) => n + timeLint((s) => `<!-- ${s} -->\n${b.text}`), 0),
  );
  row(
    'Bank file at maxFileSize (analysed in full)',
    kb(bankOfSize(990_000)),
    timeLint((s) => bankOfSize(990_000, s)),
  );
  row(
    'Bank file of 10 MB (analysis stops at 1 MB)',
    kb(bankOfSize(10_000_000)),
    timeLint((s) => bankOfSize(10_000_000, s)),
  );
  const stories = manyStories(5000);
  row(
    '5,000 stories in one file, first lint',
    kb(stories),
    timeLint((s) => manyStories(5000, s), { maxFileSize: 2_000_000 }, 1),
  );
  const resolved = resolveConfig({ maxFileSize: 2_000_000 });
  lintText(stories, resolved, { today: TODAY });
  const edited = stories.replace('# Story 2500 0\n\n## Situation\n\nChurn rose', '# Story 2500 0\n\n## Situation\n\nChurn rose sharply');
  row(
    '5,000 stories, re-lint after editing one',
    kb(edited),
    cpuMs(() => lintText(edited, resolved, { today: TODAY })),
  );
  row(
    'Single line of prose',
    '1 MB',
    timeLint((s) => salted(`# T\n\n## Result\n\n${PROSE['one long line'](1_000_000)}\n`, s), { maxFileSize: 2_000_000 }),
  );
  row(
    'List of 100,000 items',
    '1 MB',
    timeLint((s) => salted(`# T\n\n## Action\n\nI did.\n\n${'- an item\n'.repeat(100_000)}`, s), { maxFileSize: 2_000_000 }, 1),
  );
  row(
    'Block quotes nested 1,000 deep on one line',
    '2 kB',
    timeLint((s) => salted(NESTING['block quotes on one line'](1000), s)),
  );
  row(
    'Lists nested 1,000 deep on one line',
    '2 kB',
    timeLint((s) => salted(NESTING['lists on one line'](1000), s)),
  );
  row(
    'Lists nested 100,000 deep on one line',
    '200 kB',
    timeLint((s) => salted(NESTING['lists on one line'](100_000), s)),
  );
  row(
    'Block quotes nested 1,000 deep, one level per line',
    '500 kB',
    timeLint((s) => salted(NESTING_PER_LINE['block quotes, one level per line'](500_000), s), {}, 1),
  );
  row(
    'Lists nested 1,000 deep, one level per line',
    '1 MB',
    timeLint((s) => salted(NESTING_PER_LINE['lists, one level per line'](1_000_000), s), { maxFileSize: 2_000_000 }, 1),
  );
  row(
    'Random bytes (binary file)',
    '1 MB',
    timeLint(() => randomBytes(1_000_000, 7).toString('latin1')),
  );
  row(
    'Every story rule on 60 kB of digits and commas',
    '60 kB',
    timeLint((s) => storyWith(PROSE['digits and commas'](15_000), s)),
  );
  for (const [name, payload] of Object.entries(PARSER_HARD)) {
    for (const size of [2000, 8000])
      row(
        `Once slow in micromark: ${name}`,
        `${size / 1000} kB`,
        timeLint((s) => salted(`# T\n\n## Action\n\n${payload(size)}\n`, s), {}, 1),
      );
  }
  console.log('\n| Input | Size | CPU time |\n| --- | --- | --- |');
  for (const [input, size, ms] of rows) console.log(`| ${input} | ${size} | ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms |`);
}

if (process.argv.includes('--measure')) measure();
else process.exitCode = fuzz() ? 0 : 1;
