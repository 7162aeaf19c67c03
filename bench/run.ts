// The side-by-side benchmark: starlint against markdownlint, alex, write-good and the bare
// remark-parse floor, on the same generated inputs, each repetition in a fresh child process.
//
//   npm run bench                          everything (~5 min on 2 cores)
//   npm run bench -- --only story,files    some scenarios: story files bank cli lsp
//   npm run bench -- --quick               fewer repetitions and edits, for a smoke run
//   npm run bench -- --alex-bank           also run alex on the bank file (minutes; see below)
//
// This orchestrator runs under tsx; what it times does not. It bundles bench/worker.ts with
// esbuild (bench/build.ts, the options of scripts/build.mjs), so the starlint code in every
// measurement is the production bundle, and the CLI and LSP scenarios run dist/cli.js and
// dist/server.js themselves. The peers are loaded from node_modules as published.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWorker, RESULTS, ROOT, WORKER } from './build';
import { bankFile, story } from './corpus';
import { median } from './stats';
import { lspBench, type LspReport } from './lsp';
import type { Job, Measurement } from './worker';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const alexBank = args.includes('--alex-bank');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : undefined;
const wants = (s: string): boolean => !only || only.includes(s);

const PEERS = ['remark-parse', 'remark-lint', 'markdownlint', 'alex', 'write-good'] as const;
const TOOLS = ['starlint', ...PEERS] as const;
type ToolName = (typeof TOOLS)[number];

/** How often each tool runs per scenario; the slow peers run less, and the report says so. */
const REPS: Record<'story' | 'files' | 'bank', Record<ToolName, number>> = quick
  ? {
      story: { starlint: 2, 'remark-parse': 2, 'remark-lint': 2, markdownlint: 2, alex: 1, 'write-good': 2 },
      files: { starlint: 1, 'remark-parse': 1, 'remark-lint': 1, markdownlint: 1, alex: 0, 'write-good': 1 },
      bank: { starlint: 1, 'remark-parse': 1, 'remark-lint': 1, markdownlint: 1, alex: 0, 'write-good': 1 },
    }
  : {
      story: { starlint: 5, 'remark-parse': 5, 'remark-lint': 5, markdownlint: 5, alex: 3, 'write-good': 5 },
      files: { starlint: 3, 'remark-parse': 3, 'remark-lint': 3, markdownlint: 3, alex: 1, 'write-good': 3 },
      bank: { starlint: 2, 'remark-parse': 2, 'remark-lint': 2, markdownlint: 2, alex: alexBank ? 1 : 0, 'write-good': 2 },
    };
/** A child that runs longer than this is stopped and reported as "> limit". */
const TIMEOUT_MS = 90_000;
// alex did not finish the 2.4 MB bank file within 150 s in a trial; it runs only on request.
const ALEX_BANK_TIMEOUT_MS = 300_000;
// starlint's many rules take ~250 lints to reach steady state (its median falls from 2.1 to
// 1.25 ms over the first 250); a long warm-up makes (a) a steady-state figure for every tool.
const STORY_ITERATIONS = { warmup: 300, iterations: 300 };
const ALEX_STORY_ITERATIONS = { warmup: 30, iterations: 40 };
const N = 1000;
// A language server re-lints after every keystroke: the median of many edits is its steady
// state. The first edits of a process also compile the edit path; the report shows the first one.
const EDITS = quick ? 5 : 40;

interface Cell {
  tool: ToolName;
  runs: Measurement[];
  /** Set when a run was stopped at the time limit. */
  timedOut?: number;
  error?: string;
}

function log(message: string): void {
  process.stderr.write(message + '\n');
}

/** The highest 1-minute load average seen during the run (sampled around every child process). */
let peakLoad = 0;
const sampleLoad = (): void => {
  peakLoad = Math.max(peakLoad, loadavg()[0]);
};
const busy = (): boolean => peakLoad > cpus().length;

function runJob(job: Job, timeoutMs = TIMEOUT_MS): Measurement | { timedOut: true } | { error: string } {
  sampleLoad();
  const child = spawnSync(process.execPath, [WORKER, JSON.stringify(job)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  sampleLoad();
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { timedOut: true };
  if (child.status !== 0) return { error: (child.stderr || String(child.error)).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as Measurement;
}

function measure(scenario: Job['scenario'], extra: (tool: ToolName, rep: number) => Partial<Job>, timeout?: (tool: ToolName) => number): Cell[] {
  const cells: Cell[] = TOOLS.map((tool) => ({ tool, runs: [] }));
  const reps = Math.max(...TOOLS.map((t) => REPS[scenario][t]));
  // Repetitions are interleaved (every tool once, then again), so a burst of load from elsewhere
  // on the machine falls on all tools alike rather than on whichever ran during it.
  for (let rep = 0; rep < reps; rep++) {
    for (const cell of cells) {
      const tool = cell.tool;
      if (rep >= REPS[scenario][tool] || cell.timedOut || cell.error) continue;
      const t0 = Date.now();
      const out = runJob({ tool, scenario, ...extra(tool, rep) }, timeout?.(tool));
      if ('timedOut' in out) {
        cell.timedOut = timeout?.(tool) ?? TIMEOUT_MS;
        log(`  ${scenario} ${tool} #${rep + 1}: stopped after ${cell.timedOut / 1000} s`);
        continue;
      }
      if ('error' in out) {
        cell.error = out.error;
        log(`  ${scenario} ${tool} #${rep + 1}: FAILED ${out.error}`);
        continue;
      }
      cell.runs.push(out);
      log(`  ${scenario} ${tool} #${rep + 1}: ${fmtMs(out.ms)} (${out.count} findings, ${out.maxRssMb} MB, child ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  const digests = new Set(cells.flatMap((c) => c.runs.map((r) => r.digest)));
  if (digests.size > 1) throw new Error(`${scenario}: the tools saw different inputs (${[...digests].join(', ')})`);
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

function summarize(xs: number[]): Summary | undefined {
  if (!xs.length) return undefined;
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

function fmtSummary(s: Summary | undefined, cell?: Cell): string {
  if (!s) {
    if (cell?.timedOut) return `> ${cell.timedOut / 1000} s (stopped)`;
    if (cell?.error) return 'failed';
    return 'not run';
  }
  const range = s.n > 1 ? ` (${fmtMs(s.min)}–${fmtMs(s.max)})` : '';
  return `${fmtMs(s.median)}${range}${s.n === 1 ? ' ¹' : ''}`;
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined) return '';
  const r = a / b;
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 1 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

const cellOf = (cells: Cell[], tool: ToolName): Cell => cells.find((c) => c.tool === tool) as Cell;
type Metric = 'wall' | 'cpu';
const valueOf = (r: Measurement, metric: Metric): number => (metric === 'wall' ? r.ms : r.cpuMs);
const msOf = (cells: Cell[], tool: ToolName, metric: Metric = 'wall'): Summary | undefined =>
  summarize(cellOf(cells, tool).runs.map((r) => valueOf(r, metric)));

function timesRow(label: string, cells: Cell[], metric: Metric): string {
  const s = msOf(cells, 'starlint', metric);
  const cols = TOOLS.map((t) => {
    const m = msOf(cells, t, metric);
    const text = fmtSummary(m, cellOf(cells, t));
    if (t === 'starlint' || !m || !s) return text;
    return `${text} · **${ratio(s.median, m.median)}**`;
  });
  return `| ${label} | ${cols.join(' | ')} |`;
}

/** The edit scenario as cells: each run's value is the median of its edits. */
function editCells(bank: Cell[]): Cell[] {
  return bank.map((c) => ({
    ...c,
    runs: c.runs.filter((r) => r.editMs?.length).map((r) => ({ ...r, ms: median(r.editMs as number[]), cpuMs: median(r.editCpuMs as number[]) })),
  }));
}

function rssRow(label: string, cells: Cell[]): string {
  return `| ${label} | ${TOOLS.map((t) => {
    const s = summarize(cellOf(cells, t).runs.map((r) => r.maxRssMb));
    return s ? `${s.median.toFixed(0)} MB` : '—';
  }).join(' | ')} |`;
}

interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean | undefined;
}

function verdict(met: boolean | undefined): string {
  return met === undefined ? 'n/a' : met ? '✅ met' : '❌ missed';
}

// ---------------------------------------------------------------------------------------------
// Scenario (e): CLI cold start

interface CliReport {
  tool: string;
  command: string;
  mean: number;
  /** Mean user + system CPU time of the process, when known. */
  cpu?: number;
  median: number;
  min: number;
  max: number;
  runs: number;
}

function cliColdStart(): { rows: CliReport[]; how: string } | { skipped: string } {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return { skipped: 'dist/cli.js is missing (run `npm run build`)' };
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(tmpdir()), 'starlint-bench-cli-'));
  fs.writeFileSync(path.join(dir, 'story.md'), story(1));
  const commands: [string, string][] = [
    ['node (empty script)', `${process.execPath} -e 0`],
    ['starlint', `${process.execPath} ${path.join(ROOT, 'bin', 'starlint.js')} story.md`],
    ['markdownlint-cli2', `${process.execPath} ${path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')} story.md`],
  ];
  const runs = quick ? 5 : 20;
  const hyperfine = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  try {
    if (hyperfine.status === 0) {
      const out = path.join(dir, 'hyperfine.json');
      const res = spawnSync(
        'hyperfine',
        ['-N', '--warmup', '3', '--runs', String(runs), '-i', '--style', 'none', '--export-json', out, ...commands.flatMap(([name, cmd]) => ['-n', name, cmd])],
        { cwd: dir, encoding: 'utf8' },
      );
      if (res.status !== 0) return { skipped: `hyperfine failed: ${res.stderr.trim()}` };
      const json = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        results: { command: string; mean: number; median: number; min: number; max: number; user: number; system: number; times: number[] }[];
      };
      return {
        how: `hyperfine ${hyperfine.stdout.trim().split(' ')[1]}, -N (no shell), 3 warm-up runs, ${runs} runs each`,
        rows: json.results.map((r, i) => ({
          tool: commands[i][0],
          command: commands[i][1],
          mean: r.mean * 1000,
          cpu: (r.user + r.system) * 1000,
          median: r.median * 1000,
          min: r.min * 1000,
          max: r.max * 1000,
          runs: r.times.length,
        })),
      };
    }
    // No hyperfine: time repeated spawns ourselves.
    const rows = commands.map(([tool, command]) => {
      const [bin, ...rest] = command.split(' ');
      const times: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const t0 = performance.now();
        spawnSync(bin, rest, { cwd: dir, stdio: 'ignore' });
        if (i >= 3) times.push(performance.now() - t0);
      }
      return {
        tool,
        command,
        mean: times.reduce((a, b) => a + b, 0) / times.length,
        median: median(times),
        min: Math.min(...times),
        max: Math.max(...times),
        runs,
      };
    });
    return { how: `spawnSync timing (hyperfine not installed), 3 warm-up runs, ${runs} runs each`, rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Machine and report

function machine(): string {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1];
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return `${cpus().length} cores (nproc), ${cpu}, Node ${process.version}, ${process.platform}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const load0 = loadavg()[0];
  sampleLoad();
  const loadTimer = setInterval(sampleLoad, 5000);
  log(`building the worker bundle → ${path.relative(ROOT, WORKER)}`);
  await buildWorker();
  const storyIters = (tool: ToolName): Partial<Job> => (tool === 'alex' ? ALEX_STORY_ITERATIONS : STORY_ITERATIONS);

  const lines: string[] = [];
  const targets: Target[] = [];
  const notes: string[] = [];
  const out = (s = ''): void => {
    lines.push(s);
  };

  let story: Cell[] | undefined;
  let files: Cell[] | undefined;
  let bank: Cell[] | undefined;
  if (wants('story')) {
    log('(a) one 400-word story, warm');
    story = measure('story', storyIters);
  }
  if (wants('files')) {
    log(`(b) ${N} story files`);
    files = measure('files', () => ({ n: N }));
  }
  if (wants('bank')) {
    log(`(c, d) one ${N}-story bank file, then ${EDITS} one-character edits`);
    // The peers re-lint the whole file after an edit; one edit in their first run shows that.
    bank = measure(
      'bank',
      (tool, rep) => ({ n: N, edits: tool === 'starlint' ? EDITS : rep === 0 ? 1 : 0 }),
      (tool) => (tool === 'alex' ? ALEX_BANK_TIMEOUT_MS : TIMEOUT_MS),
    );
  }
  let cli: ReturnType<typeof cliColdStart> | undefined;
  if (wants('cli')) {
    log('(e) CLI cold start');
    cli = cliColdStart();
  }
  let lsp: LspReport | { skipped: string } | undefined;
  if (wants('lsp')) {
    log('(f) language server over stdio');
    lsp = await lspBench({ root: ROOT, files: N, edits: quick ? 500 : 10_000, budgetMs: 90_000, log });
  }

  // -- Tables ------------------------------------------------------------------------------------
  const head = `| Scenario | ${TOOLS.map((t) => (t === 'remark-parse' ? 'remark-parse (floor)' : t)).join(' | ')} |`;
  const rule = `| --- | ${TOOLS.map(() => '---:').join(' | ')} |`;
  if (story || files || bank) {
    const size = (bankBytes() / 1e6).toFixed(1);
    const table = (metric: Metric): void => {
      out(head);
      out(rule);
      if (story) out(timesRow('(a) one 400-word story, warm, per lint', story, metric));
      if (files) out(timesRow(`(b) ${N.toLocaleString('en-US')} story files (starlint: + analyzeBank)`, files, metric));
      if (bank) {
        out(timesRow(`(c) one ${N.toLocaleString('en-US')}-story bank file, ${size} MB (starlint: + analyzeBank)`, bank, metric));
        out(timesRow('(d) re-lint after a one-character edit in that file', editCells(bank), metric));
      }
      out();
    };
    out('### Lint time, wall clock (median, min–max over fresh processes; **bold** = starlint ÷ that tool)');
    out();
    table('wall');
    out('### CPU time of the same runs (user + system of the process, steadier when the machine is busy; (a): mean per lint)');
    out();
    table('cpu');
    if (files || bank) {
      out('### Peak RSS of the measuring process (`process.resourceUsage().maxRSS`, median)');
      out();
      out(`| Scenario | ${TOOLS.join(' | ')} |`);
      out(`| --- | ${TOOLS.map(() => '---:').join(' | ')} |`);
      if (files) out(rssRow(`(b) ${N.toLocaleString('en-US')} story files`, files));
      if (bank) out(rssRow(`(c) ${N.toLocaleString('en-US')}-story bank file`, bank));
      out();
    }
    const phases = (cells: Cell[] | undefined, label: string): string | undefined => {
      const runs = cells ? cellOf(cells, 'starlint').runs.filter((r) => r.phases) : [];
      if (!runs.length) return undefined;
      return `${label}: lintText ${fmtMs(median(runs.map((r) => r.phases!.lint)))} + analyzeBank ${fmtMs(median(runs.map((r) => r.phases!.bank)))}`;
    };
    const split = [phases(files, '(b)'), phases(bank, '(c)')].filter(Boolean);
    if (split.length) {
      out(`starlint's phases (wall, median): ${split.join('; ')}.`);
      out();
    }
  }

  // Verdicts go by wall clock on a quiet machine. When the load average exceeded the core count
  // (other processes competing for the CPU), a multi-second run's wall clock measures the
  // competition as much as the tool, so (b) and (c) then go by CPU time. (a) always goes by its
  // per-lint wall-clock median: most millisecond lints run uncontended, while its CPU figure is a
  // mean that also counts V8's background compiler and GC threads. Both ratios are always shown.
  const targetRatio = (what: string, cells: Cell[] | undefined, peer: ToolName, max: number, maxLabel: string, cpuWhenBusy = true): void => {
    if (!cells) return;
    const a = msOf(cells, 'starlint')?.median;
    const b = msOf(cells, peer)?.median;
    const ac = msOf(cells, 'starlint', 'cpu')?.median;
    const bc = msOf(cells, peer, 'cpu')?.median;
    if (a === undefined || b === undefined || ac === undefined || bc === undefined) return;
    targets.push({
      what,
      target: `≤ ${maxLabel} × ${peer}`,
      measured: `${fmtMs(a)} vs ${fmtMs(b)} = ${(a / b).toFixed(2)}× (CPU ${(ac / bc).toFixed(2)}×)`,
      met: (busy() && cpuWhenBusy ? ac / bc : a / b) <= max,
    });
  };
  // The targets of issue 12 (remark at the heart): against the design's own parser, remark-parse,
  // and against the peers on the same files.
  targetRatio('(a) one story: at most half a parse on top of the parse', story, 'remark-parse', 1.5, '1.5', false);
  targetRatio('(a) one story: faster than remark-lint (recommended)', story, 'remark-lint', 1, '1', false);
  targetRatio('(a) one story: faster than markdownlint', story, 'markdownlint', 1, '1', false);
  targetRatio(`(b) ${N.toLocaleString('en-US')} files: near the parse`, files, 'remark-parse', 1.5, '1.5');
  targetRatio(`(b) ${N.toLocaleString('en-US')} files`, files, 'markdownlint', 0.8, '0.8');
  targetRatio(`(c) ${N.toLocaleString('en-US')}-story bank file`, bank, 'markdownlint', 0.35, '0.35');
  targetRatio(`(c) ${N.toLocaleString('en-US')}-story bank file: faster than parsing it whole`, bank, 'remark-parse', 1, '1');
  if (bank) {
    const runs = cellOf(bank, 'starlint').runs.filter((r) => r.editMs?.length);
    if (runs.length) {
      const edit = median(runs.map((r) => median(r.editMs as number[])));
      const bankAfter = median(runs.flatMap((r) => r.editBankMs ?? []));
      const editCpu = median(runs.map((r) => median(r.editCpuMs as number[])));
      const first = median(runs.map((r) => (r.editMs as number[])[0]));
      targets.push({
        what: '(d) edit re-lint (lintEdit, as the server calls it)',
        target: '≤ 5 ms',
        measured: `${fmtMs(edit)} (CPU ${fmtMs(editCpu)}); the first edit of a process, JIT compiling the edit path: ${fmtMs(first)}`,
        met: (busy() ? editCpu : edit) <= 5,
      });
      targets.push({ what: '(d) analyzeBank after an edit', target: '(no target; shown for the bank view)', measured: fmtMs(bankAfter), met: undefined });
    }
  }

  if (cli) {
    out('### (e) CLI cold start on one story (wall clock of a fresh process)');
    out();
    if ('skipped' in cli) out(`Not run: ${cli.skipped}.`);
    else {
      out(`| Command | median | mean | min–max | CPU (user + sys, mean) | runs |`);
      out(`| --- | ---: | ---: | ---: | ---: | ---: |`);
      for (const r of cli.rows)
        out(
          `| ${r.tool} | ${fmtMs(r.median)} | ${fmtMs(r.mean)} | ${fmtMs(r.min)}–${fmtMs(r.max)} | ${r.cpu !== undefined ? fmtMs(r.cpu) : '—'} | ${r.runs} |`,
        );
      out();
      out(
        `Measured with ${cli.how}; the commands are \`node bin/starlint.js story.md\` and \`node node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs story.md\` in a temporary folder holding only story.md.`,
      );
      const s = cli.rows.find((r) => r.tool === 'starlint');
      const m = cli.rows.find((r) => r.tool === 'markdownlint-cli2');
      if (s && m) {
        const cpuRatio = s.cpu !== undefined && m.cpu !== undefined ? s.cpu / m.cpu : undefined;
        const basis = busy() && cpuRatio !== undefined ? cpuRatio : s.median / m.median;
        targets.push({
          what: '(e) CLI cold start',
          target: '≤ 0.6 × markdownlint-cli2',
          measured: `${fmtMs(s.median)} vs ${fmtMs(m.median)} = ${(s.median / m.median).toFixed(2)}×${cpuRatio !== undefined ? ` (CPU ${cpuRatio.toFixed(2)}×)` : ''}`,
          met: basis <= 0.6,
        });
      }
    }
    out();
  }

  if (lsp) {
    out('### (f) Language server over stdio (`node dist/server.js --stdio`, real JSON-RPC client)');
    out();
    if ('skipped' in lsp) out(`Not run: ${lsp.skipped}.`);
    else {
      out('| Measure | value |');
      out('| --- | ---: |');
      for (const [k, v] of lsp.rows) out(`| ${k} | ${v} |`);
      out();
      for (const n of lsp.notes) out(`- ${n}`);
      targets.push(...lsp.targets);
    }
    out();
  }

  if (targets.length) {
    out('### Targets');
    out();
    out('| Target | Goal | Measured | Verdict |');
    out('| --- | --- | --- | --- |');
    for (const t of targets) out(`| ${t.what} | ${t.target} | ${t.measured} | ${verdict(t.met)} |`);
    out();
  }

  notes.push(
    `Inputs: generated by bench/corpus.ts from fixed seeds (≈410-word stories with front matter, four \`##\` sections, bullets, metrics, hedges and vague words; the bank file uses \`## Title\`, a \`<!-- story … -->\` comment and \`###\` sections). Every child rebuilds them and prints a digest; the runner checks that all tools saw the same bytes.`,
    `(a): ${STORY_ITERATIONS.warmup} warm-up lints, then ${STORY_ITERATIONS.iterations} timed lints, each of a different story (starlint caches per-story findings by text, so re-linting one text would time a cache hit); the cell is the median over processes of each process's per-lint median. alex: ${ALEX_STORY_ITERATIONS.warmup} + ${ALEX_STORY_ITERATIONS.iterations}.`,
    `Repetitions (fresh processes): ${(['story', 'files', 'bank'] as const).map((s) => `${s} ${TOOLS.map((t) => `${t} ${REPS[s][t]}`).join(', ')}`).join('; ')}. ¹ = a single run, no range. alex is 30–100× slower than the others and runs less; ${alexBank ? `on the bank file it is stopped after ${ALEX_BANK_TIMEOUT_MS / 1000} s` : 'it is not run on the bank file (it did not finish within 150 s in a trial run; `--alex-bank` runs it with a 300 s limit)'}.`,
    `(b), (c): one timed pass in a cold process (JIT and caches cold, as in a CLI run); starlint's config raises maxFileSize to 10 MB so it lints the whole bank file like the peers do. markdownlint gets all files in one \`lint({strings})\` call, as markdownlint-cli2 does.`,
    `(d): starlint lints the bank file once, then times ${EDITS} successive one-character inserts (median per process; the first edits of a process include compiling the edit path, so the first edit's time is reported too) in the Action of stories spread over the file, each re-linted with \`lintEdit\` on the previous result as the language server does (the run fails unless every edit took the one-story path; analyzeBank is timed separately after the first 2); the peers have no incremental mode, so their figure is one full lint of the edited file, in their first run only.`,
    "write-good lints the raw Markdown text (it has no Markdown mode); alex and remark-lint parse Markdown with remark; markdownlint uses micromark directly; starlint parses with unified + remark-parse (+ remark-frontmatter), in story chunks and parse units. remark-parse (floor) is that parse alone, the engine's own `parseMdast`, run on each whole file with no rules: the physical limit of the design's parser.",
  );
  const does = new Map<string, string>();
  for (const c of [...(story ?? []), ...(files ?? []), ...(bank ?? [])]) if (c.runs[0]) does.set(c.tool, c.runs[0].does);
  if (does.size) notes.push(`What each tool runs: ${[...does].map(([t, d]) => `${t}: ${d}`).join('; ')}.`);
  out('### How this was measured');
  out();
  for (const n of notes) out(`- ${n}`);
  out();

  clearInterval(loadTimer);
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  const load1 = loadavg()[0];
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const header = [
    '# starlint benchmark results',
    '',
    `Run ${date} with \`npm run bench${args.length ? ' -- ' + args.join(' ') : ''}\` in ${elapsed} s.`,
    `Machine: ${machine()}; 1-minute load average ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at end, ${peakLoad.toFixed(2)} at most.`,
    busy()
      ? `The machine was busy (load above its ${cpus().length} cores): wall-clock figures include waiting for the CPU, so the verdicts on (b), (c) and (e) go by CPU time; (a) goes by its per-lint wall-clock median.`
      : 'The machine was quiet (load at most its core count): verdicts go by wall clock.',
    '',
  ];
  const report = [...header, ...lines].join('\n');
  process.stdout.write(report + '\n');
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), report + '\n');
  // Every measurement, for a closer look than the table gives.
  fs.writeFileSync(path.join(RESULTS, 'raw.json'), JSON.stringify({ date, machine: machine(), peakLoad, story, files, bank, cli, lsp }, null, 1) + '\n');
  // Only a full run replaces the committed results; partial and quick runs stay local.
  const full = !quick && !only;
  if (full) fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), report + '\n');
  log(`wrote bench/results/latest.md${full ? ' and bench/RESULTS.md' : ''} (${elapsed} s)`);
}

function bankBytes(): number {
  return Buffer.byteLength(bankFile(N));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
