// One measurement in one fresh process: `node worker.mjs '<json job>'` prints one JSON line.
// The runner bundles this file with esbuild the way scripts/build.mjs bundles the CLI, so the
// starlint code timed here is the production bundle, not tsx-transpiled sources. The inputs are
// rebuilt from their seed in every process; the digest proves every tool saw the same bytes.
import { bankFile, digest, editBank, editBankAt, story, storyFiles } from './corpus';
import { median, quantile } from './stats';
import { loadTool } from './tools';
import type { Starlint } from './starlint';

export interface Job {
  tool: string;
  scenario: 'story' | 'files' | 'bank';
  /** story: untimed warm-up iterations, then timed ones (each on a different story). */
  warmup?: number;
  iterations?: number;
  /** files, bank: how many stories. */
  n?: number;
  /** bank: how many one-character edits to time after the full lint (0 for none). */
  edits?: number;
}

export interface Measurement {
  job: Job;
  /** What "full lint" means for this tool (Tool.does). */
  does: string;
  digest: string;
  /** Wall-clock ms: the per-iteration median (story) or the one timed run (files, bank). */
  ms: number;
  /**
   * CPU time of this process (user + system, all threads), which a busy machine disturbs less:
   * the mean per lint over the timed loop (story), or of the one timed run (files, bank).
   */
  cpuMs: number;
  /** story: per-iteration wall-clock min, max and p95 within this process. */
  iterMin?: number;
  iterMax?: number;
  iterP95?: number;
  /** starlint only: the lint and bank-analysis phases of `ms`. */
  phases?: { lint: number; bank: number };
  /** bank with edits: per-edit re-lint times (starlint: lintText; peers: their full lint). */
  editMs?: number[];
  editCpuMs?: number[];
  /** starlint: analyzeBank after each of the first edits (BANK_AFTER_EDITS), timed on its own. */
  editBankMs?: number[];
  /** What the tool reported (findings, or nodes for the parse floor). */
  count: number;
  /** Peak resident set size of this process, in MB. */
  maxRssMb: number;
}

/** The story scenario digests this many stories: the prefix every tool lints, alex included. */
const DIGESTED_STORIES = 40;
/** analyzeBank is timed after this many edits only: it is not what (d) is about, and it is slow. */
const BANK_AFTER_EDITS = 2;

interface Timed<T> {
  value: T;
  wall: number;
  cpu: number;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Times one call. The CPU reading (a getrusage call, ~0.1 ms here) stays outside the wall clock. */
function time<T>(fn: () => T): Timed<T> {
  const c0 = cpuNow();
  const w0 = performance.now();
  const value = fn();
  const wall = performance.now() - w0;
  return { value, wall, cpu: cpuNow() - c0 };
}

async function run(job: Job): Promise<Measurement> {
  const tool = await loadTool(job.tool);
  const starlint = tool.name === 'starlint' ? (tool as Starlint) : undefined;
  const rss = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
  const base = { job, does: tool.does };

  if (job.scenario === 'story') {
    const warmup = job.warmup ?? 50;
    const iterations = job.iterations ?? 200;
    // A different story every iteration: starlint caches findings by story text, and timing a
    // cache hit would flatter it. Warm-up stories come from another seed range.
    const timed = Array.from({ length: iterations }, (_, i) => story(1 + i));
    const warm = Array.from({ length: warmup }, (_, i) => story(100_001 + i));
    for (const text of warm) tool.one(text, 'story.md');
    let count = 0;
    const walls: number[] = [];
    // CPU time is read once around the loop: a reading costs as much as a tenth of a lint.
    const c0 = cpuNow();
    for (const text of timed) {
      const w0 = performance.now();
      count += tool.one(text, 'story.md');
      walls.push(performance.now() - w0);
    }
    const cpuPerLint = (cpuNow() - c0) / timed.length;
    return {
      ...base,
      digest: digest(timed.slice(0, DIGESTED_STORIES)),
      ms: median(walls),
      cpuMs: cpuPerLint,
      iterMin: Math.min(...walls),
      iterMax: Math.max(...walls),
      iterP95: quantile(walls, 0.95),
      count,
      maxRssMb: rss(),
    };
  }

  if (job.scenario === 'files') {
    const files = storyFiles(job.n ?? 1000);
    const inputDigest = digest(Object.values(files));
    if (starlint) {
      const lint = time(() => starlint.lintAll(files));
      const bank = time(() => starlint.bank(lint.value));
      const count = lint.value.reduce((n, f) => n + f.result.findings.length, 0) + bank.value;
      return {
        ...base,
        digest: inputDigest,
        ms: lint.wall + bank.wall,
        cpuMs: lint.cpu + bank.cpu,
        phases: { lint: lint.wall, bank: bank.wall },
        count,
        maxRssMb: rss(),
      };
    }
    const t = time(() => tool.many(files));
    return { ...base, digest: inputDigest, ms: t.wall, cpuMs: t.cpu, count: t.value, maxRssMb: rss() };
  }

  const n = job.n ?? 1000;
  let text = bankFile(n);
  const inputDigest = digest([text]);
  const edits = job.edits ?? 0;
  // Edited stories are spread over the file; each edit builds on the previous one, as in an editor.
  const editAt = (j: number): number => Math.floor(((j + 0.5) * n) / Math.max(edits, 1));
  const editMs: number[] = [];
  const editCpuMs: number[] = [];
  if (starlint) {
    const lint = time(() => starlint.lintAll({ 'bank.md': text }));
    const bank = time(() => starlint.bank(lint.value));
    let count = lint.value[0].result.findings.length + bank.value;
    const editBankMs: number[] = [];
    let current = lint.value[0];
    let incremental = 0;
    for (let j = 0; j < edits; j++) {
      const next = editBankAt(text, editAt(j));
      text = next.text;
      // What the language server does with the editor's change: lintEdit on the last result.
      const prev = current;
      const edited = time(() => starlint.edit(prev, next.text, { start: next.at, end: next.at, newEnd: next.at + 1, inserted: 'x' }));
      current = edited.value;
      if (current.result.incremental) incremental++;
      editMs.push(edited.wall);
      editCpuMs.push(edited.cpu);
      count = current.result.findings.length;
      if (j < BANK_AFTER_EDITS) editBankMs.push(time(() => starlint.bank([current])).wall);
    }
    if (edits && incremental !== edits) throw new Error(`only ${incremental} of ${edits} edits were re-linted incrementally`);
    return {
      ...base,
      digest: inputDigest,
      ms: lint.wall + bank.wall,
      cpuMs: lint.cpu + bank.cpu,
      phases: { lint: lint.wall, bank: bank.wall },
      editMs,
      editCpuMs,
      editBankMs,
      count,
      maxRssMb: rss(),
    };
  }
  const full = time(() => tool.one(text, 'bank.md'));
  let count = full.value;
  for (let j = 0; j < edits; j++) {
    // The peers have no incremental mode: an edit means a full lint of the edited file.
    text = editBank(text, editAt(j));
    const edited = time(() => tool.one(text, 'bank.md'));
    editMs.push(edited.wall);
    editCpuMs.push(edited.cpu);
    count = edited.value;
  }
  return { ...base, digest: inputDigest, ms: full.wall, cpuMs: full.cpu, editMs, editCpuMs, count, maxRssMb: rss() };
}

process.stdout.write(JSON.stringify(await run(JSON.parse(process.argv[2] ?? '{}') as Job)) + '\n');
