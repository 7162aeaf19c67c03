// Profiles starlint in one benchmark scenario and names the hot spots in the TypeScript sources.
//
//   npx tsx bench/profile.ts story|files|bank|edit|lsp|cli [--top 25]
//
// Runs the bundled worker (or, for lsp, dist/server.js driven by bench/lsp.ts) under
// `node --cpu-prof`, then folds the V8 profile back onto the original files through the bundle's
// source map: self time (where the CPU was) and total time (time with the function anywhere on
// the stack), as a share of the profiled run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { SourceMap } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildWorker, RESULTS, ROOT, WORKER } from './build';
import { lspBench } from './lsp';
import { story } from './corpus';
import type { Job } from './worker';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const JOBS: Record<string, Job> = {
  story: { tool: 'starlint', scenario: 'story', warmup: 300, iterations: 400 },
  files: { tool: 'starlint', scenario: 'files', n: 1000 },
  bank: { tool: 'starlint', scenario: 'bank', n: 1000, edits: 20 },
  // Mostly edits: 300 lintEdit calls after one full lint of the 1,000-story bank file.
  edit: { tool: 'starlint', scenario: 'bank', n: 1000, edits: 300 },
};

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'story';
  const topArg = process.argv.indexOf('--top');
  const top = topArg > 0 ? Number(process.argv[topArg + 1]) : 25;
  const dir = path.join(RESULTS, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const name = `${which}.cpuprofile`;
  const prof = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name];
  let bundle = WORKER;
  if (which === 'lsp') {
    // The server of a 1,000-file workspace while 2,000 characters are typed into one story.
    bundle = path.join(ROOT, 'dist', 'server.js');
    const result = await lspBench({ root: ROOT, files: 1000, edits: 2000, nodeArgs: prof, log: (m) => process.stderr.write(m + '\n') });
    process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
  } else if (which === 'cli') {
    // One cold CLI run on one story, as in the cold-start scenario.
    bundle = path.join(ROOT, 'dist', 'cli.js');
    const tmp = fs.mkdtempSync(path.join(fs.realpathSync(tmpdir()), 'starlint-profile-'));
    fs.writeFileSync(path.join(tmp, 'story.md'), story(1));
    const res = spawnSync(process.execPath, [...prof, path.join(ROOT, 'bin', 'starlint.js'), 'story.md'], { cwd: tmp, encoding: 'utf8' });
    fs.rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(`cli: exit ${res.status}, ${res.stdout.split('\n').length} lines of output\n`);
  } else {
    const job = JOBS[which];
    if (!job) throw new Error(`usage: tsx bench/profile.ts ${[...Object.keys(JOBS), 'lsp'].join('|')}`);
    await buildWorker();
    const res = spawnSync(process.execPath, [...prof, WORKER, JSON.stringify(job)], { cwd: ROOT, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(res.stderr);
    process.stdout.write(`${which}: ${res.stdout.trim()}\n`);
  }
  process.stdout.write(`profile: ${path.relative(ROOT, path.join(dir, name))}\n\n`);
  report(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Profile, bundle, top);
}

/** `file:function:line` in the original sources, or the V8 location for code outside the bundle. */
function locate(map: SourceMap, bundleUrl: string, frame: CallFrame): string {
  const fn = frame.functionName || '(anonymous)';
  if (frame.url !== bundleUrl) {
    if (!frame.url) return fn;
    const short = frame.url.replace(/^file:\/\//, '').replace(ROOT + '/', '');
    return `${short}:${fn}`;
  }
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
  if (!entry.originalSource) return `${path.basename(bundleUrl)}:${fn}`;
  const src = entry.originalSource.replace(/^.*?\/(server|bench|node_modules)\//, '$1/');
  return `${src}:${fn}:${(entry.originalLine ?? 0) + 1}`;
}

function report(profile: Profile, bundle: string, top: number): void {
  const map = new SourceMap(JSON.parse(fs.readFileSync(bundle + '.map', 'utf8')));
  // V8 names the bundle by file URL for ES modules and by plain path for CommonJS.
  const urls = new Set([pathToFileURL(bundle).href, bundle]);
  const bundleUrl = profile.nodes.map((n) => n.callFrame.url).find((u) => urls.has(u)) ?? pathToFileURL(bundle).href;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map<number, string>();
  for (const n of profile.nodes) keyOf.set(n.id, locate(map, bundleUrl, n.callFrame));

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i];
    const key = keyOf.get(id) as string;
    if (key === '(idle)' || key === '(program)') idle += dt;
    all += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf.get(cur) as string;
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const pct = (x: number): string => `${((100 * x) / all).toFixed(1).padStart(5)} %`;
  const print = (title: string, m: Map<string, number>, filter: (k: string) => boolean): void => {
    process.stdout.write(`${title}\n`);
    for (const [k, v] of [...m]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)) {
      process.stdout.write(`  ${pct(v)}  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}\n`);
    }
    process.stdout.write('\n');
  };
  process.stdout.write(`sampled ${(all / 1000).toFixed(0)} ms (idle/program ${pct(idle).trim()})\n\n`);
  print('Self time (where the CPU was):', self, () => true);
  // Total time is most telling for starlint's own code: which rule or phase owns the cost.
  print('Total time, starlint code (function anywhere on the stack):', total, (k) => k.startsWith('server/') || k.startsWith('bench/'));
  print('Total time, dependencies:', total, (k) => k.startsWith('node_modules/'));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
