// Runs one job under a WorkMeter, in a process of its own started with `node --no-opt` (see
// runMetered), and prints the result as JSON on stdout. The tests that count work start it:
//
//   node --no-opt --require tsx/cjs test/robustness/metered.ts growth [--explain] [case-name…]
//   node --no-opt --require tsx/cjs test/robustness/metered.ts big-file | regexps | calibrate
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  COMPANIES,
  STORY_RULES,
  analyzeBank,
  buildCards,
  cardsToHtml,
  cardsToMarkdown,
  compileGlob,
  lintEdit,
  lintText,
  markPracticedEdit,
  parseConfigText,
  resolveConfig,
  scoreStory,
  validateConfig,
  type StarlintConfig,
} from '../../server/src/engine';
import { readExample } from '../../server/src/engine/rules/examples';
import { LineIndex } from '../../server/src/engine/syntax/lines';
import { chunkBounds } from '../../server/src/engine/syntax/blocks';
import { bankOfSize, growthCases, type GrowthCase } from './adversarial';
import { BANK, anyDocument, configLayers, markdown, mutatedStory, unicode, withDirectives } from './arbitraries';
import { WorkMeter, grewMost, type SeenRegExp, type Work } from './work';

const ROOT = path.resolve(__dirname, '../..');

const TODAY = '2026-11-25';

/** Each growth case is measured at these multiples of its size. */
export const SIZES = [1, 10] as const;
/** Growth from 1× to 10× past which a case is measured again at SATURATED× too. */
export const SATURATION_CHECK = 15;
/** The third size of a case whose parse units were still filling up between 1× and 10×. */
export const SATURATED = 100;

/** Blocks run in starlint's own code (not in node_modules): these must grow linearly from 1×. */
function ownBlocks(w: Work): number {
  let n = 0;
  for (const [key, count] of w.byFunction) if (!key.includes('node_modules/')) n += count;
  return n;
}

export interface GrowthResult {
  group: string;
  name: string;
  /** Blocks and native work at each of SIZES, and at SATURATED when a case needed it. */
  blocks: number[];
  native: number[];
  /** Blocks run in starlint's own code at each size. */
  ownBlocks: number[];
  /** Where the work grew most from 1× to 10×. */
  grew: string[];
}

export interface BigFileResult {
  /** Work to lint a bank file of 1 MB and of 10 MB, with maxFileSize 100,000. */
  oneMb: Counts;
  tenMb: Counts;
  /** The same minus the work of the whole-file scanners (chunk bounds and line starts) alone. */
  oneMbRest: Counts;
  tenMbRest: Counts;
}

interface Counts {
  blocks: number;
  native: number;
}

function growth(meter: WorkMeter, cases: GrowthCase[]): GrowthResult[] {
  let salt = 0;
  return cases.map((c) => {
    const config = resolveConfig(c.config);
    // remember: false, so the engine's caches never answer a chunk seen earlier in the document.
    const run = (text: string): void => void lintText(text, config, { today: TODAY, only: c.only, remember: false });
    run(c.build(c.size, ++salt)); // the first run of a code path may set things up once
    const at = (k: number): Work => {
      const text = c.build(c.size * k, ++salt);
      return meter.measure(() => run(text));
    };
    const works: Work[] = SIZES.map(at);
    // Inside one parse unit (syntax/units.ts: at most a few kB) the parser may do more than linear
    // work, and a document first split into units pays the splitting once; between 1× and 10×
    // units fill up. Where the count grew more than the limit, measure
    // once more at 100×, where every unit is full: from there the parser's work must be linear.
    const grewBy = (f: (w: Work) => number): number => f(works[1]) / Math.max(f(works[0]), 1);
    if (
      Math.max(
        grewBy((w) => w.blocks),
        grewBy((w) => w.native),
        grewBy(ownBlocks),
      ) >= SATURATION_CHECK
    )
      works.push(at(SATURATED));
    return {
      group: c.group,
      name: c.name,
      blocks: works.map((w) => w.blocks),
      native: works.map((w) => w.native),
      ownBlocks: works.map(ownBlocks),
      grew: grewMost(works[0], works[1], 10),
    };
  });
}

// Beyond maxFileSize, only two things read the file: finding where its chunks (stories) start,
// to cut it at a story boundary, and its line starts. Everything else must cost the same for a
// 10 MB file as for a 1 MB one.
function bigFile(meter: WorkMeter): BigFileResult {
  const config = resolveConfig({ maxFileSize: 100_000 });
  const measure = (text: string): { all: Counts; rest: Counts } => {
    const all = meter.measure(() => void lintText(text, config, { today: TODAY, remember: false }));
    const scan = meter.measure(() => {
      chunkBounds(text, true);
      new LineIndex(text);
    });
    return { all: { blocks: all.blocks, native: all.native }, rest: { blocks: all.blocks - scan.blocks, native: all.native - scan.native } };
  };
  measure(bankOfSize(1_000_000, 1));
  const one = measure(bankOfSize(1_000_000, 2));
  const ten = measure(bankOfSize(10_000_000, 3));
  return { oneMb: one.all, tenMb: ten.all, oneMbRest: one.rest, tenMbRest: ten.rest };
}

/** Every Markdown file under `dir`, recursively. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:md|markdown)$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** What the CLI and the server do with a document: lint it, then the bank, cards and scores. */
function exercise(text: string, layers: StarlintConfig[] = []): void {
  const config = resolveConfig(...layers);
  const result = lintText(text, config, { today: TODAY, remember: false });
  const files = [{ uri: 'file:///corpus.md', result }];
  const report = analyzeBank(files, config, TODAY);
  cardsToHtml(buildCards(files, report), TODAY);
  cardsToMarkdown(buildCards(files, report));
  for (const story of result.doc.stories) {
    scoreStory(
      story,
      result.findings.filter((f) => f.story === story.index),
      config,
      TODAY,
    );
    markPracticedEdit(text, story, TODAY);
  }
}

/**
 * The corpus the regular expressions are collected on: every rule's examples, the example bank,
 * the Markdown fixtures, every adversarial payload, and fuzzed documents and configurations (fixed
 * seed), each linted and turned into a bank, cards and scores; plus configuration files and
 * edits (lintEdit).
 */
function regexps(meter: WorkMeter): SeenRegExp[] {
  const seen = (meter.regexps = new Map());
  for (const rule of STORY_RULES) {
    for (const example of [...(rule.examples?.fire ?? []), ...(rule.examples?.silent ?? [])]) {
      const { markdown: text, config } = readExample(example);
      exercise(text, config ? [config] : []);
    }
  }
  const files = [...markdownFiles(path.join(ROOT, 'examples')), ...markdownFiles(path.join(ROOT, 'test/fixtures'))].map((f) => readFileSync(f, 'utf8'));
  const configs: StarlintConfig[] = [
    {},
    ...COMPANIES.map((c) => ({ targetCompany: c })),
    { redact: ['Acme Corp', 'a.b*c', '(x)', 'I would'], themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] },
  ];
  for (const text of files) for (const config of configs) exercise(text, [config]);
  let salt = 0;
  for (const c of growthCases(STORY_RULES.map((r) => r.id))) exercise(c.build(c.size, ++salt), [c.config]);
  const seed = 20261125;
  for (const text of fc.sample(fc.oneof(markdown, unicode(400), mutatedStory, withDirectives(fc.constantFrom(...BANK.map((b) => b.text)))), {
    seed,
    numRuns: 300,
  }))
    exercise(text);
  for (const [text, layers] of fc.sample(fc.tuple(anyDocument, configLayers), { seed, numRuns: 100 })) exercise(text, layers);

  for (const layers of fc.sample(configLayers, { seed, numRuns: 100 })) {
    const text = JSON.stringify(layers[0] ?? {}, null, 2);
    validateConfig(parseConfigText(`// a comment\n${text.slice(0, -1)},}`).config as Record<string, unknown>);
  }
  const config = resolveConfig({});
  const big = bankOfSize(60_000, 1);
  const before = lintText(big, config, { today: TODAY });
  for (const at of [big.indexOf('I '), big.lastIndexOf('. ') + 1, big.indexOf('\n## ')]) {
    const next = `${big.slice(0, at)} we did a lot${big.slice(at)}`;
    lintEdit(before, next, { start: at, end: at, newEnd: at + 13, inserted: ' we did a lot' }, config, { today: TODAY });
  }
  meter.regexps = undefined;
  return [...seen.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.flags < b.flags ? -1 : 1));
}

/**
 * Growth from n to 10 n of small functions whose cost is known, to show what the meter sees:
 * loop iterations, the characters built-ins read, and not the copies V8 does not make.
 */
function calibrate(meter: WorkMeter): Record<string, number> {
  const lines = (n: number): string => 'a line of text\n'.repeat(n);
  const perLine = (text: string, step: (text: string, start: number, end: number) => void): void => {
    for (let start = 0; start < text.length;) {
      const end = text.indexOf('\n', start) + 1 || text.length;
      step(text, start, end);
      start = end;
    }
  };
  let sink = 0;
  const cases: Record<string, (n: number) => () => void> = {
    'linear loop': (n) => () => {
      for (let i = 0; i < n * 100; i++) if (i % 3 === 0) sink++;
    },
    'nested loop': (n) => () => {
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (j % 3 === 0) sink++;
    },
    'lastIndexOf per line, bounded by the line': (n) => {
      const text = lines(n);
      return () => perLine(text, (t, start, end) => void (sink += t.slice(start, end).lastIndexOf('<!--')));
    },
    'lastIndexOf per line, back to the start': (n) => {
      const text = lines(n);
      return () => perLine(text, (t, _start, end) => void (sink += t.lastIndexOf('<!--', end)));
    },
    'regex search from the start on every line': (n) => {
      const text = lines(n);
      return () => perLine(text, (t) => void (sink += /<!--/.test(t) ? 1 : 0));
    },
    'slice to the end on every line': (n) => {
      const text = lines(n);
      return () => perLine(text, (t, start) => void (sink += t.slice(start).length));
    },
  };
  const out: Record<string, number> = {};
  for (const [name, make] of Object.entries(cases)) {
    make(100)();
    const small = meter.measure(make(1000));
    const large = meter.measure(make(10_000));
    out[name] = large.total / small.total;
  }
  return out;
}

/**
 * Growth of the glob matcher's work from a name n characters long to one 10 n long, for globs made
 * to backtrack (n = 200, past the glob's own size): the crafted `ignore` glob of issue 17, a longer one, and a chain of `**` against
 * deep paths. A backtracking matcher grows as a power of n here; a linear one about 10×.
 */
function globs(meter: WorkMeter): Record<string, number> {
  const cases: Record<string, { glob: string; path: (n: number) => string }> = {
    'crafted glob, 12 stars': { glob: '*a*a*a*a*a*a*a*a*a*a*a*a*z', path: (n) => `${'a'.repeat(n)}.md` },
    'the same with 48 stars': { glob: `${'*a'.repeat(48)}*z`, path: (n) => `${'a'.repeat(n)}.md` },
    'globstar chain on deep paths': { glob: '**/a*/**/a*/**/a*/**/a*/**/z.md', path: (n) => `${'a/'.repeat(n)}y.md` },
  };
  const out: Record<string, number> = {};
  for (const [name, c] of Object.entries(cases)) {
    const compiled = compileGlob(c.glob, { dot: true });
    if (!compiled.ok) throw new Error(`${name}: ${compiled.message}`);
    compiled.match(c.path(10));
    const small = meter.measure(() => void compiled.match(c.path(200)));
    const large = meter.measure(() => void compiled.match(c.path(2000)));
    out[name] = large.total / Math.max(small.total, 1);
  }
  return out;
}

/** Runs `job` in a `node --no-opt` child and returns what it printed, parsed. */
export function runMetered<T>(job: string, ...args: string[]): T {
  const r = spawnSync(process.execPath, ['--no-opt', '--require', 'tsx/cjs', __filename, job, ...args], {
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`metered ${job} exited ${r.status ?? r.signal}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

if (require.main === module) {
  const [job, ...args] = process.argv.slice(2);
  const meter = new WorkMeter().install();
  let out: unknown;
  if (job === 'growth') {
    // `growth --explain NAME…`: only those cases, with native work attributed to its callers.
    meter.attribute = args[0] === '--explain';
    const names = meter.attribute ? args.slice(1) : args;
    const all = growthCases(STORY_RULES.map((r) => r.id));
    out = growth(meter, names.length ? all.filter((c) => names.includes(c.name)) : all);
  } else if (job === 'big-file') out = bigFile(meter);
  else if (job === 'regexps') out = regexps(meter);
  else if (job === 'calibrate') out = calibrate(meter);
  else if (job === 'globs') out = globs(meter);
  else throw new Error(`unknown job "${job}"`);
  process.stdout.write(JSON.stringify(out));
}
