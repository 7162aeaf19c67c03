// Counting work instead of timing it. A WorkMeter measures what a piece of code does, as two
// exact counts that do not depend on the machine, its load or the JIT:
//
// - blocks: how many times each basic block of JavaScript ran — every loop iteration and every
//   branch taken, in the engine *and* in the libraries it calls (markdown-it, yaml). V8 counts
//   them itself (precise block coverage, read through node:inspector), so no loop of the engine
//   needs a hook and a new loop cannot be forgotten.
// - native: the characters and elements that the built-ins the engine calls read or copy
//   (regular-expression searches, indexOf, slice, split, join, splice, sort…), which run in C++
//   and are invisible to block counts. A `text.lastIndexOf('<!--', pos)` per line is one block
//   per line but reads the whole text each time; this count sees it.
//
// Block counts are exact only where no function is inlined into another (V8 counts a call by
// bumping the callee's invocation counter, which inlined code skips), so the meter must run in a
// process started with `node --no-opt` (see runMetered in growth.ts). It replaces built-ins on
// their prototypes for as long as it is installed: use it only in a process of its own.
import { Session } from 'node:inspector';

export interface Work {
  /** Basic blocks of JavaScript run, in every script but Node's own and the meter's. */
  blocks: number;
  /** Characters and elements read or copied by native built-ins (see NATIVE_COSTS). */
  native: number;
  /** blocks + native: the figure the growth checks compare. */
  total: number;
  /** Block counts per function ("file:function"), for saying where work grew. */
  byFunction: Map<string, number>;
  /** Native work per calling function, when the meter was attributing it. */
  nativeByFunction: Map<string, number>;
}

/** A regular expression seen while the meter was collecting. */
export interface SeenRegExp {
  source: string;
  flags: string;
  /** How many times it was run. */
  runs: number;
  /** The longest text it was run on. */
  maxInput: number;
}

type Cost = (self: any, args: any[], result: any) => number;
const len = (x: unknown): number => (x == null ? 0 : typeof x === 'string' || Array.isArray(x) || ArrayBuffer.isView(x) ? (x as { length: number }).length : 0);
const int = (x: unknown, fallback: number): number => (x === undefined ? fallback : Math.trunc(Number(x)) || 0);
const stringIndexOf = String.prototype.indexOf;
/** The length of [start, end) of a fill or copy on `self`, as the built-in clamps it. */
const range = (self: { length: number }, start: unknown, end: unknown): number => {
  const clamp = (x: number): number => (x < 0 ? Math.max(0, self.length + x) : Math.min(x, self.length));
  return Math.max(0, clamp(int(end, self.length)) - clamp(int(start, 0)));
};
// V8 makes a slice of 13 characters or more a view into the original string (a SlicedString), so
// a slice copies at most this many characters.
const SLICE_COPY = 13;

/**
 * The cost model of the built-ins whose cost grows with their input: what each call reads or
 * copies, in characters or elements. O(1) built-ins (charCodeAt, push, Map#get) are not counted;
 * their callers' loops are blocks. Searches count up to where they stopped, so a search that
 * finds its needle early is cheap.
 */
const NATIVE_COSTS: [object, string, Cost][] = [
  [String.prototype, 'indexOf', (s, a, r) => (r === -1 ? s.length - Math.max(0, int(a[1], 0)) : r - Math.max(0, int(a[1], 0)) + len(a[0]))],
  [String.prototype, 'lastIndexOf', (s, a, r) => Math.min(s.length, int(a[1], s.length)) - (r === -1 ? 0 : r)],
  [
    String.prototype,
    'includes',
    (s, a, r) => {
      const from = Math.max(0, int(a[1], 0));
      return r ? stringIndexOf.call(s, a[0], from) - from + len(a[0]) : s.length - from;
    },
  ],
  [String.prototype, 'slice', (_s, _a, r) => Math.min(r.length, SLICE_COPY)],
  [String.prototype, 'substring', (_s, _a, r) => Math.min(r.length, SLICE_COPY)],
  [String.prototype, 'substr', (_s, _a, r) => Math.min(r.length, SLICE_COPY)],
  [String.prototype, 'split', (s, a) => (typeof a[0] === 'string' ? s.length : 0)],
  [String.prototype, 'replace', (s, a) => (typeof a[0] === 'string' ? s.length : 0)],
  [String.prototype, 'replaceAll', (s, a) => (typeof a[0] === 'string' ? s.length : 0)],
  [String.prototype, 'toLowerCase', (s) => s.length],
  [String.prototype, 'toUpperCase', (s) => s.length],
  [String.prototype, 'toLocaleLowerCase', (s) => s.length],
  [String.prototype, 'trim', (s) => s.length],
  [String.prototype, 'trimStart', (s) => s.length],
  [String.prototype, 'trimEnd', (s) => s.length],
  [String.prototype, 'normalize', (s) => s.length],
  [String.prototype, 'repeat', (_s, _a, r) => r.length],
  [String.prototype, 'padStart', (_s, _a, r) => r.length],
  [String.prototype, 'padEnd', (_s, _a, r) => r.length],
  [String.prototype, 'concat', (_s, _a, r) => r.length],
  [String.prototype, 'localeCompare', (s, a) => Math.min(s.length, len(a[0]))],
  [Array.prototype, 'indexOf', (s, a, r) => (r === -1 ? s.length : r + 1) - Math.max(0, int(a[1], 0))],
  [Array.prototype, 'lastIndexOf', (s, _a, r) => s.length - Math.max(0, r)],
  [Array.prototype, 'includes', (s) => s.length],
  [Array.prototype, 'slice', (_s, _a, r) => r.length],
  [Array.prototype, 'splice', (s, a) => Math.max(0, s.length - Math.max(0, int(a[0], 0))) + Math.max(0, a.length - 2)],
  [Array.prototype, 'concat', (_s, _a, r) => r.length],
  [Array.prototype, 'join', (s, _a, r) => s.length + r.length],
  [Array.prototype, 'reverse', (s) => s.length],
  [Array.prototype, 'shift', (s) => s.length],
  [Array.prototype, 'unshift', (s) => s.length],
  [Array.prototype, 'fill', (s, a) => range(s, a[1], a[2])],
  [Array.prototype, 'flat', (_s, _a, r) => r.length],
  [Array.prototype, 'sort', (s) => s.length * Math.ceil(Math.log2(s.length + 1))],
  [Array.prototype, 'toSorted', (s) => s.length * Math.ceil(Math.log2(s.length + 1))],
  [Array, 'from', (_s, _a, r) => r.length],
  [Object.getPrototypeOf(Int8Array.prototype), 'set', (_s, a) => len(a[0])],
  [Object.getPrototypeOf(Int8Array.prototype), 'slice', (_s, _a, r) => r.length],
  [Object.getPrototypeOf(Int8Array.prototype), 'subarray', () => 1],
  [Object.getPrototypeOf(Int8Array.prototype), 'copyWithin', (s, a) => range(s, a[1], a[2])],
  [Object.getPrototypeOf(Int8Array.prototype), 'fill', (s, a) => range(s, a[1], a[2])],
  [JSON, 'parse', (_s, a) => len(a[0])],
  [JSON, 'stringify', (_s, _a, r) => len(r)],
];

/**
 * Counts work while installed. One meter per process: `install()` replaces the built-ins of
 * NATIVE_COSTS and RegExp.prototype.exec with counting wrappers that add to this meter, and
 * starts V8's block counters.
 */
export class WorkMeter {
  native = 0;
  /** When set, every regular expression run is recorded here, by `/source/flags`. */
  regexps?: Map<string, SeenRegExp>;
  /**
   * When true, native work is also counted per calling function (`Work.nativeByFunction`). Each
   * call then captures a stack trace: several times slower, for jobs that need to say where.
   */
  attribute = false;
  private nativeBy = new Map<string, number>();
  /** True while the function being measured runs. */
  private measuring = false;
  /** True while the meter does its own bookkeeping inside it. */
  private attributing = false;
  private session?: Session;
  /** Scripts whose blocks are the meter's, not the measured code's. */
  private readonly ignored: string[];

  constructor(...ignore: string[]) {
    this.ignored = [__filename, ...ignore];
  }

  install(): this {
    if (!process.execArgv.includes('--no-opt')) throw new Error('WorkMeter needs `node --no-opt` (inlined calls are not counted exactly)');
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the replaced built-ins run with their own `this`
    const meter = this;
    for (const [target, name, cost] of NATIVE_COSTS) {
      const original = (target as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
      if (typeof original !== 'function') continue;
      Object.defineProperty(target, name, {
        configurable: true,
        writable: true,
        value: function (this: unknown, ...args: unknown[]) {
          const result = original.apply(this, args);
          meter.add(cost(this, args, result));
          return result;
        },
      });
    }
    // Every regular-expression search goes through exec once exec is replaced: test, match,
    // matchAll, replace, split and search call the `exec` property (ECMA-262 RegExpExec).
    const exec = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      const text = String(input);
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const m = exec.call(this, text);
      // A linear search reads up to the end of its match, or to the end of the text when it fails;
      // a sticky one, or one anchored at the start (`^` without the m flag), tries one position.
      // (A pattern that backtracks inside one search is not counted here; a ReDoS check of every
      // pattern, e.g. with recheck, is open work.)
      const anchored = this.sticky || (this.source.startsWith('^') && !this.multiline);
      meter.add(m ? m.index + m[0].length - from + 1 : anchored ? 1 : text.length - from + 1);
      if (meter.regexps) {
        const key = `/${this.source}/${this.flags}`;
        const seen = meter.regexps.get(key);
        if (seen) {
          seen.runs++;
          seen.maxInput = Math.max(seen.maxInput, text.length);
        } else meter.regexps.set(key, { source: this.source, flags: this.flags, runs: 1, maxInput: text.length });
      }
      return m;
    };
    this.session = new Session();
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    return this;
  }

  private add(n: number): void {
    // Only the measured function's work counts; the meter's own bookkeeping calls built-ins too.
    if (!this.measuring || this.attributing) return;
    this.native += n;
    if (!this.attribute) return;
    this.attributing = true;
    const key = callerKey();
    this.nativeBy.set(key, (this.nativeBy.get(key) ?? 0) + n);
    this.attributing = false;
  }

  /** The work `fn` does. */
  measure(fn: () => void): Work {
    this.start();
    try {
      fn();
    } finally {
      this.measuring = false;
    }
    return this.stop();
  }

  /** Starts counting (for work spread over events, e.g. a server's; `measure` is simpler). */
  start(): void {
    this.take();
    this.native = 0;
    this.nativeBy = new Map();
    this.measuring = true;
  }

  get running(): boolean {
    return this.measuring;
  }

  /** The work done since `start`. */
  stop(): Work {
    this.measuring = false;
    const native = this.native;
    const nativeByFunction = this.nativeBy;
    const byFunction = new Map<string, number>();
    let blocks = 0;
    for (const script of this.take()) {
      if (!script.url || script.url.startsWith('node:') || this.ignored.some((f) => script.url.endsWith(f))) continue;
      const file = shortFile(script.url);
      for (const fn of script.functions) {
        let n = 0;
        for (const range of fn.ranges) n += range.count;
        if (!n) continue;
        blocks += n;
        const key = `${file}:${fn.functionName || '(anonymous)'}`;
        byFunction.set(key, (byFunction.get(key) ?? 0) + n);
      }
    }
    return { blocks, native, total: blocks + native, byFunction, nativeByFunction };
  }

  private take(): { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] {
    return this.post('Profiler.takePreciseCoverage').result;
  }

  // An in-process inspector session answers synchronously: the callback runs before post returns.
  private post(method: string, params: object = {}): any {
    let result: unknown;
    let error: Error | null = null;
    this.session!.post(method, params, (e, r) => {
      error = e;
      result = r;
    });
    if (error) throw error;
    if (result === undefined) throw new Error(`inspector did not answer ${method} synchronously`);
    return result;
  }
}

/** Names a script the way Work.byFunction does: from node_modules/, server/ or test/ on. */
function shortFile(url: string): string {
  return url.replace(/^.*\/(node_modules|server|test)\//, '$1/');
}

/** "file:function" of the nearest caller of a built-in that is not the meter or a built-in itself. */
function callerKey(): string {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_e, sites) => sites;
  Error.stackTraceLimit = 5;
  const sites = new Error().stack as unknown as NodeJS.CallSite[];
  Error.prepareStackTrace = prepare;
  Error.stackTraceLimit = limit;
  for (const site of sites) {
    const file = site.getFileName();
    if (!file || file.startsWith('node:') || file.endsWith(__filename)) continue;
    return `${shortFile(file.startsWith('file:') ? file : `file://${file}`)}:${site.getFunctionName() || '(anonymous)'}`;
  }
  return '(unknown)';
}

/**
 * The functions whose block counts grew most from `small` to `large`, relative to the growth
 * of the input (`scale`): where to look when a growth check fails.
 */
export function grewMost(small: Work, large: Work, scale: number, top = 3): string[] {
  const rows: [string, number, number][] = [];
  const add = (before: Map<string, number>, after: Map<string, number>, suffix: string): void => {
    for (const [name, n] of after) {
      const b = before.get(name) ?? 0;
      if (n > b * scale && n > 1000) rows.push([`${name}${suffix}`, b, n]);
    }
  };
  add(small.byFunction, large.byFunction, ' (blocks)');
  add(small.nativeByFunction, large.nativeByFunction, ' (native)');
  rows.sort((a, b) => b[2] - b[1] * scale - (a[2] - a[1] * scale));
  return rows.slice(0, top).map(([name, a, b]) => `${name} ${a} → ${b}`);
}
