// Mutation score of the engine outside the rule files, on a fixed sample of its lines: a full run
// (`npm run mutate`) tests about 9,100 mutants and takes many hours on two cores, so this runs
// StrykerJS on every mutant of one line in K, chosen by a hash of the file and line number (the
// same lines on every machine and every run), and reports the score with a 95 % interval.
//
//   npm run mutate:sample                       one line in 12, static mutants left out
//   npm run mutate:sample -- --every 6          one line in 6
//   npm run mutate:sample -- --seed b           another sample of the same size (a check that
//                                               tests written against one sample hold on another)
//   npm run mutate:sample -- --static           only the lines that hold static mutants (run after
//                                               the default run, which names them); scores the static
//                                               mutants only, each tested with a fresh load
//   npm run mutate:sample -- --static --static-every 3   every third of those lines
//   npm run mutate:sample -- --report FILE      score an existing Stryker JSON report, no run
//
// A line range selects the mutants that lie within the line, so a mutant that spans several lines
// (an emptied block, a multi-line condition) is never in the sample. docs/reliability.md §8 says
// what was measured and how to read it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const ENGINE = 'server/src/engine';
// The rule files are measured whole by `npm run mutate:rules`; their shared parts are not.
const RULE_FILE = /^server\/src\/engine\/rules\/(?!index\.ts$|rule\.ts$|examples\.ts$)[^/]+\.ts$/;
const OUT = 'reports/mutation-sample';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

function engineFiles(dir = join(ROOT, ENGINE)): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? engineFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .map((p) => relative(ROOT, p).split('\\').join('/'))
    .filter((p) => !RULE_FILE.test(p))
    .sort();
}

/** FNV-1a of `text`: a fixed, portable choice of lines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The sampled lines of each file (1-based), skipping blank and comment-only lines. */
function sampleLines(every: number, seed: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const file of engineFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const chosen = text.flatMap((line, i) => {
      const code = line.trim();
      if (!code || /^(?:\/\/|\/\*|\*)/.test(code)) return [];
      return hash(`${seed}${file}:${i + 1}`) % every === 0 ? [i + 1] : [];
    });
    if (chosen.length) lines.set(file, chosen);
  }
  return lines;
}

interface Mutant {
  id: string;
  status: string;
  static?: boolean;
  statusReason?: string;
  location: { start: { line: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** Wilson's 95 % interval for k of n. */
function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The score per folder and in all, and the static lines for `--static`. */
function score(report: Report, onlyStatic = false): string {
  const groups = new Map<string, { killed: number; counted: number; ignored: number; errors: number }>();
  const staticLines: string[] = [];
  const survivors: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const rel = relative(ROOT, file).split('\\').join('/');
    const group = rel.slice(ENGINE.length + 1).includes('/') ? rel.slice(ENGINE.length + 1).split('/')[0] + '/' : '(top level)';
    const g = groups.get(group) ?? { killed: 0, counted: 0, ignored: 0, errors: 0 };
    for (const m of mutants) {
      if (onlyStatic && !m.static) continue;
      if (DETECTED.has(m.status)) g.killed++;
      if (COUNTED.has(m.status)) g.counted++;
      if (m.status === 'Ignored') g.ignored++;
      if (m.status === 'CompileError' || m.status === 'RuntimeError') g.errors++;
      if (m.status === 'Ignored' && /static/i.test(m.statusReason ?? '')) staticLines.push(`${rel}:${m.location.start.line}`);
      if (m.status === 'Survived' || m.status === 'NoCoverage') survivors.push(`${rel}:${m.location.start.line} ${m.status} #${m.id}`);
    }
    groups.set(group, g);
  }
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const all = rows.reduce(
    (s, [, g]) => ({ killed: s.killed + g.killed, counted: s.counted + g.counted, ignored: s.ignored + g.ignored, errors: s.errors + g.errors }),
    {
      killed: 0,
      counted: 0,
      ignored: 0,
      errors: 0,
    },
  );
  const line = (name: string, g: typeof all): string => {
    const [lo, hi] = wilson(g.killed, g.counted);
    return `| ${name} | ${g.killed} / ${g.counted} | ${g.counted ? pct(g.killed / g.counted) : '–'} | ${pct(lo)} – ${pct(hi)} | ${g.ignored} | ${g.errors} |`;
  };
  return [
    '| folder | detected / tested | score | 95 % interval | ignored (static) | compile errors |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(([name, g]) => line(name, g)),
    line('**all sampled**', all),
    '',
    `Static lines (run them with --static): ${[...new Set(staticLines)].length}`,
    ...[...new Set(staticLines)].map((l) => `  static ${l}`),
    `Survivors and uncovered: ${survivors.length}`,
    ...survivors.map((s) => `  ${s}`),
  ].join('\n');
}

function run(ranges: string[], ignoreStatic: boolean, name: string): Report {
  const base = JSON.parse(readFileSync(join(ROOT, 'stryker.config.json'), 'utf8')) as Record<string, unknown>;
  const config = {
    ...base,
    _comment: 'Written by scripts/mutate-sample.ts: the sampled lines of the engine.',
    mutate: ranges,
    ignoreStatic,
    reporters: ['progress', 'json'],
    jsonReporter: { fileName: `${OUT}/${name}.json` },
    tempDirName: '.stryker-tmp-sample',
  };
  mkdirSync(join(ROOT, OUT), { recursive: true });
  const file = join(ROOT, OUT, `${name}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const result = spawnSync('npx', ['stryker', 'run', relative(ROOT, file)], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`stryker exited with ${result.status}`);
  return JSON.parse(readFileSync(join(ROOT, OUT, `${name}.json`), 'utf8')) as Report;
}

function main(): number {
  const every = Number(arg('every') ?? 12);
  // The first sample (no seed) hashes "file:line"; a seed is put before it.
  const seed = arg('seed') ?? '';
  const name = `every-${every}${seed ? `-${seed}` : ''}`;
  if (!Number.isInteger(every) || every < 1) {
    console.error(`--every must be a whole number of at least 1, not "${arg('every')}"`);
    return 2;
  }
  let report: Report;
  const given = arg('report');
  if (given) report = JSON.parse(readFileSync(given, 'utf8')) as Report;
  else if (flag('static')) {
    // The static lines that the default run named, each mutant tested with a fresh load.
    const text = readFileSync(join(ROOT, OUT, `${name}.txt`), 'utf8');
    // --static-every k: every k-th of those lines, when a full static pass would take too long.
    const step = Number(arg('static-every') ?? 1);
    const ranges = [...text.matchAll(/^ {2}static (\S+):(\d+)$/gm)].filter((_, i) => i % step === 0).map(([, file, n]) => `${file}:${n}-${n}`);
    if (!ranges.length) {
      console.log('No static lines in the last run.');
      return 0;
    }
    report = run(ranges, false, `${name}-static`);
  } else {
    const ranges = [...sampleLines(every, seed)].flatMap(([file, lines]) => lines.map((n) => `${file}:${n}-${n}`));
    console.log(
      `${ranges.length} lines sampled (one in ${every}${seed ? `, seed ${seed}` : ''}) from ${engineFiles().length} engine files outside the rule files.`,
    );
    report = run(ranges, true, name);
  }
  const text = score(report, flag('static'));
  if (!given) writeFileSync(join(ROOT, OUT, `${name}${flag('static') ? '-static' : ''}.txt`), text + '\n');
  console.log(text);
  return 0;
}

process.exit(main());
