import type { Prose } from '../syntax/prose';
import { hasProse } from '../model/text';
import type { Story } from '../model/types';

// The quantified-metric detector of SPEC §4. It works on normalised prose text and returns
// offsets into that text.

export type MetricKind = 'percent' | 'money' | 'multiplier' | 'statistic' | 'change' | 'count' | 'measure';
export type MetricType = 'technical' | 'business';

export interface Metric {
  start: number;
  end: number;
  text: string;
  kind: MetricKind;
  /** Which of technical and business the words near the number name (possibly both, possibly none). */
  types: MetricType[];
}

// A number never starts inside another number ("1,234": not at "2" nor "34"). Without the
// lookbehind every pattern restarts at each digit of a long run of digits and commas, and scans to
// its end each time: quadratic time.
const NUM = String.raw`(?<!\d|\d[,.])(?:\d[\d,]*(?:\.\d+)?|\.\d+)`;
const SCALE = String.raw`(?:\s?(?:[kKmMbB]n?|thousand|million|billion|mil|mn|bn)\b)?`;

// Units that are measurements on their own (not durations): latency, sizes, rates.
const MEASURE_UNITS = String.raw`ms|msec|milliseconds?|µs|us|ns|microseconds?|[kMGT]B|[kMG]iB|bytes?|qps|QPS|rps|RPS|req/s|tps|fps|FPS|FLOPs|GFLOPs|TFLOPs|kWh|W|pp|bps|basis points?|percentage points?|GPU[- ]hours?|GPU[- ]days?|points?|stars?`;
const DURATION_UNITS = String.raw`s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|quarters?|years?|person-(?:hours?|days?|weeks?)|engineer-(?:hours?|days?|weeks?)`;
// Counted nouns ("40,000 users", "8,000 labels"), looked up in a set after the number: as a
// regular-expression alternation with the i flag, this list cost V8 ~150 ms to compile on the
// first lint of a fresh process.
const COUNTED_NOUNS = new Set(
  (
    'user customer client account subscriber member membership seller merchant driver rider patient advertiser partner ' +
    'label annotation ticket request query row record image document doc example sample prediction transaction session ' +
    'click order call incident alert bug error complaint escalation page article product item sku listing job pipeline ' +
    'dashboard team market country language store download install signup sign-up lead deal application claim token ' +
    'parameter gpu server machine instance node case review video message email event visit visitor view impression ' +
    'conversion purchase booking loan payment chargeback outage failure defect regression crash breach violation vulnerability rollback submission'
  ).split(' '),
);
const COUNTED_PHRASES = /^(?:fraud cases?|false (?:positives|negatives)|lines? of code)\b/i;
const COUNT_MODIFIERS = new Set(
  'new more fewer additional active daily monthly weekly unique paying human manual labeled labelled flagged support customer internal external'.split(' '),
);
// "zero outages" (SPEC §4): the one spelled-out count that always quantifies an outcome; "three
// engineers" is a team, "one customer" a person in the story.
const COUNT_NUMBER = new RegExp(String.raw`\b(?:(?:${NUM})${SCALE}\+?|zero)`, 'gi');
const WORD_AT = /\s?([A-Za-z][A-Za-z-]*)/y;

function isCountedNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (w === 'team') return false;
  if (COUNTED_NOUNS.has(w)) return true;
  if (w.endsWith('ies') && COUNTED_NOUNS.has(`${w.slice(0, -3)}y`)) return true;
  if (w.endsWith('es') && COUNTED_NOUNS.has(w.slice(0, -2))) return true;
  return w.endsWith('s') && COUNTED_NOUNS.has(w.slice(0, -1));
}

const FUNCTION_WORDS = new Set('of to in on at for by with from and or the a an per than as into over under more less'.split(' '));

/** Whether the word after `pos` is a counted noun. */
function nextIsCounted(text: string, pos: number): boolean {
  WORD_AT.lastIndex = pos;
  const m = WORD_AT.exec(text);
  return m !== null && isCountedNoun(m[1]);
}

/** The end of a counted noun phrase right after `pos` (up to two modifiers first), or -1. */
function countedNounEnd(text: string, pos: number): number {
  let at = pos;
  for (let i = 0; i < 3; i++) {
    const rest = text.slice(at).replace(/^\s/, '');
    const phrase = COUNTED_PHRASES.exec(rest);
    if (phrase) return at + (text.slice(at).length - rest.length) + phrase[0].length;
    WORD_AT.lastIndex = at;
    const m = WORD_AT.exec(text);
    if (!m) return -1;
    const word = m[1];
    const next = at + m[0].length;
    if (isCountedNoun(word)) {
      // "customer tickets": a modifier that is also a noun gives way to the noun after it.
      if (COUNT_MODIFIERS.has(word.toLowerCase()) && i < 2) {
        const further = countedNounEnd(text, next);
        if (further !== -1) return further;
      }
      return next;
    }
    // One adjective of any kind right after the number ("3 invalid submissions", "2 critical
    // incidents") when a counted noun follows it.
    if (
      !COUNT_MODIFIERS.has(word.toLowerCase()) &&
      !(i === 0 && /\s/.test(text[at] ?? '') && !FUNCTION_WORDS.has(word.toLowerCase()) && nextIsCounted(text, next))
    )
      return -1;
    at = next;
  }
  return -1;
}

function* countMatches(text: string): Generator<[number, number]> {
  COUNT_NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNT_NUMBER.exec(text))) {
    const end = countedNounEnd(text, m.index + m[0].length);
    if (end !== -1) yield [m.index, end];
  }
}

// A rating out of 5, 10 or 100 ("CSAT 3.2/5 → 4.5/5"): the scale belongs to the number.
const RATING = String.raw`(?:\/(?:5|10|100)(?!\d|\.\d))?`;

// Spelled-out numbers inside a change ("cut review from five days to two").
const SPELLED = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred|a thousand)`;

// A measured quantity named before a colon and its value after it, as Results list their key
// metrics: "Bug recurrence: 0", "User complaints: dropped to 0", "Monthly churn: now 4.1".
const LABELLED_VALUE = new RegExp(
  String.raw`(?:^|\n)[ \t]*((?:[A-Za-z][\w/-]*[ \t]+){0,3}[A-Za-z][\w/-]*)[ \t]*:[ \t]*(?:(?:(?:dropped|fell|went|came|rose|grew|increased|decreased|reduced|cut)(?:[ \t]+(?:down|up))?|down|up)[ \t]+to[ \t]+|now[ \t]+)?(?:${NUM}|zero)(?![\w%×]|[.,]\d|\s?(?:${DURATION_UNITS})\b)`,
  'gi',
);

function* labelledValues(text: string): Generator<[number, number]> {
  LABELLED_VALUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABELLED_VALUE.exec(text))) {
    const label = m[1];
    const words = label.split(/[ \t/-]+/);
    if (words.some((w) => /^team$/i.test(w))) continue;
    if (!(words.some(isCountedNoun) || TECHNICAL.test(label) || BUSINESS.test(label) || /\b(?:recurrence|rate|count|score)\b/i.test(label))) continue;
    yield [m.index + m[0].indexOf(label), m.index + m[0].length];
  }
}

const SPELLED_MULTIPLIER =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred)[\s-]times\s+(?:faster|slower|more|fewer|less|higher|lower|cheaper|larger|smaller|better|bigger|as)\b|\btwice\s+as\s+\w+|\b(?:by|in)\s+(?:half|a\s+half|a\s+third|two[\s-]thirds|a\s+quarter|three[\s-]quarters)\b|\ban\s+order\s+of\s+magnitude\b/gi;

const PATTERNS: [MetricKind, RegExp | ((text: string) => Iterable<[number, number]>)][] = [
  [
    'change',
    new RegExp(
      String.raw`\bfrom\s+(?:about\s+|roughly\s+|~)?(?:[$€£]?(?:${NUM})${SCALE}${RATING}|${SPELLED}\b)\s?(?:%|x|×|[a-zA-Zµ/-]+)?\s+(?:down\s+|up\s+)?to\s+(?:about\s+|roughly\s+|~|under\s+|below\s+|over\s+)?(?:[$€£]?(?:${NUM})${SCALE}${RATING}|${SPELLED}\b)\s?(?:%|x|×|(?:${MEASURE_UNITS}|${DURATION_UNITS})\b)?`,
      'gi',
    ),
  ],
  [
    'change',
    new RegExp(
      String.raw`[$€£]?(?:${NUM})${SCALE}${RATING}\s?(?:%|x|×|(?:${MEASURE_UNITS}|${DURATION_UNITS})(?![\w]))?\s*(?:→|->|=>|vs\.?|versus)\s*[$€£]?(?:${NUM})${SCALE}${RATING}\s?(?:%|x|×|(?:${MEASURE_UNITS}|${DURATION_UNITS})(?![\w]))?`,
      'gi',
    ),
  ],
  [
    'statistic',
    new RegExp(
      String.raw`(?:[+-]|\b)(?:${NUM})\s?(?:points? (?:of |in )?)?(?:AUC|AUROC|AUPRC|F1|BLEU|ROUGE|NDCG|MRR|RMSE|MAE|mAP|IoU|WER|accuracy|precision|recall|perplexity)\b`,
      'gi',
    ),
  ],
  [
    'money',
    new RegExp(
      String.raw`(?:[$€£]|\bUSD\s?|\bEUR\s?|\bGBP\s?)(?:${NUM})${SCALE}(?:\s?(?:/|per|a)\s?(?:year|yr|month|mo|quarter|week|day)\b)?|\b(?:${NUM})${SCALE}\s?(?:dollars|euros|pounds|USD|EUR|GBP)\b`,
      'gi',
    ),
  ],
  ['percent', new RegExp(String.raw`(?:[+-]|\b)(?:${NUM})\s?(?:%|percent\b|per cent\b|pct\b)`, 'gi')],
  [
    'multiplier',
    new RegExp(String.raw`\b(?:${NUM})\s?(?:x|×)(?![\w])|\b(?:${NUM})-fold\b|\b(?:doubled|tripled|quadrupled|halved|doubling|tripling|halving)\b`, 'gi'),
  ],
  // Spelled out: "three times faster", "twice as many", "cut by half", "an order of magnitude".
  ['multiplier', SPELLED_MULTIPLIER],
  [
    'statistic',
    new RegExp(
      String.raw`\bp\s?(?:<|=|≤|<=)\s?0?\.\d+|\b(?:AUC|AUROC|AUPRC|ROC[- ]AUC|F1|F-1|F-score|BLEU|ROUGE(?:-[L\d])?|NDCG(?:@\d+)?|MAP(?:@\d+)?|MRR|RMSE|MAE|MAPE|R2|R²|accuracy|precision|recall|kappa|perplexity|WER|CER|mAP|IoU|Brier|log[- ]loss|top-\d accuracy|hit rate)(?:\s?@\s?\d+)?(?:\s+(?:score|of|was|is|reached|hit|at|went|rose|improved|increased|dropped|fell|by))*\s*(?:[=:]\s*)?(?:${NUM})`,
      'gi',
    ),
  ],
  ['measure', new RegExp(String.raw`\b(?:${NUM})${SCALE}\s?(?:${MEASURE_UNITS})(?![\w])`, 'g')],
  ['count', countMatches],
  ['count', labelledValues],
  [
    'measure',
    new RegExp(
      String.raw`\b(?:${NUM})${SCALE}\s?(?:${DURATION_UNITS})(?:\s?(?:/|per|a|each)\s?(?:week|wk|month|day|year|quarter|sprint|release|run|request))\b`,
      'gi',
    ),
  ],
];

// A duration counts only inside a change: "saved 20 hours", "cut training from 2 days to 6 hours".
const DURATION = new RegExp(
  String.raw`\b(?:${NUM})${SCALE}\+?\s?(?:(?:analyst|engineer(?:ing)?|developer|manual|team|support|review|labell?ing|person|man|staff|agent|human|GPU|compute|CPU)[- ])?(?:${DURATION_UNITS})\b`,
  'gi',
);
const CHANGE_VERB =
  /\b(?:saved?|saves|saving|cut|cuts|reduced?|reduces|reducing|lowered|shortened|shaved|dropped|decreased|freed|sped|speeding|accelerated|down to|from|faster|less|fewer|shorter|instead of|rather than|compared (?:to|with)|against|versus|vs|down from|up from)\b/i;

// Not metrics: years, quarters, versions and model names, ordinals, team sizes.
const NOT_METRIC = /^(?:(?:19|20)\d\d|Q[1-4])$/;

const TECHNICAL =
  /\b(?:accuracy|precision|recall|F1|F-1|F-score|AUC|AUROC|AUPRC|ROC|BLEU|ROUGE|perplexity|CTR|click[- ]?through|latency|p50|p90|p95|p99|p999|throughput|QPS|RPS|requests per second|error rate|false (?:positive|negative)s?|FPR|FNR|TPR|uptime|availability|SLA|SLO|training time|inference time|inference cost|NDCG|RMSE|MAE|MAPE|MRR|mAP|IoU|WER|CER|log[- ]?loss|hit rate|coverage|recall@\d+|precision@\d+|memory|GPU|compute|model size|parameters|response time|load time|build time|runtime|run time|page load|drift|calibration|Brier|lift|win rate|eval(?:uation)? score|benchmark|correctness|hallucinations?|faithfulness|groundedness|factuality|exact match|pass@\d+|toxicity|ms\b|milliseconds?|bugs?\b|incidents?\b|outages?\b|defects?\b|regressions?\b|crash(?:es)?\b|downtime|MTTR|MTTD|recurrence|alerts?\b|pages\b)/i;
const BUSINESS =
  /\b(?:revenue|\$|€|£|dollars?|euros?|pounds|cost|costs|budget|spend|spending|savings?|saved|profit|margin|GMV|sales|users?|customers?|clients?|merchants?|sellers?|advertisers?|partners?|accounts?|engagement|retention|conversions?|churn|adoption|adopted|labou?r|headcount|man-hours|person-hours|analyst hours|agent hours|time saved|hours saved|ARR|MRR\b|subscribers?|signups?|sign-ups|orders?|bookings?|purchases?|basket|AOV|NPS|CSAT|satisfaction|support tickets|tickets|fraud losses|losses|chargebacks|ROI|productivity|efficiency|market share|DAU|MAU|WAU|sessions|watch time|time on site)\b|[$€£]/i;

/** The quantified metrics of a text (SPEC §4), in order. */
export function findMetrics(text: string): Metric[] {
  return detectMetrics(text);
}

/** The metrics of a section's prose, found once however many rules, the score and the bank ask. Shared: do not mutate. */
export function metricsOf(prose: Prose): Metric[] {
  return prose.once('metrics', detectMetrics);
}

function detectMetrics(text: string): Metric[] {
  const found: Metric[] = [];
  // Which characters earlier matches cover: overlap checks cost the match's length, not the number
  // of metrics found so far.
  const covered = new Uint8Array(text.length);
  const overlaps = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (covered[i]) return true;
    return false;
  };
  const add = (metric: Metric): void => {
    found.push(metric);
    covered.fill(1, metric.start, metric.end);
  };
  const consider = (kind: MetricKind, from: number, to: number): void => {
    const raw = text.slice(from, to);
    const start = from + (raw.length - raw.trimStart().length);
    const end = from + raw.trimEnd().length;
    if (end <= start || overlaps(start, end)) return;
    if (isExcluded(text, start, end, raw.trim())) return;
    // A change ("from 12,000 to 40,000 users") takes its counted noun along.
    const nounEnd = kind === 'change' ? countedNounEnd(text, end) : -1;
    const stop = nounEnd !== -1 && !overlaps(end, nounEnd) ? nounEnd : end;
    add({ start, end: stop, text: text.slice(start, stop), kind, types: [] });
  };
  for (const [kind, pattern] of PATTERNS) {
    if (typeof pattern === 'function') {
      for (const [from, to] of pattern(text)) consider(kind, from, to);
      continue;
    }
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text))) consider(kind, m.index, m.index + m[0].length);
  }
  const bounds = new Bounds(text);
  DURATION.lastIndex = 0;
  let d: RegExpExecArray | null;
  while ((d = DURATION.exec(text))) {
    const start = d.index;
    const end = d.index + d[0].length;
    if (overlaps(start, end)) continue;
    const clause = bounds.clause(start, end);
    if (
      bounds.changeVerbBetween(clause.start, start) ||
      /^\s*(?:faster|sooner|earlier|less|shorter|saved|of (?:manual )?work saved)\b/i.test(text.slice(end, clause.end))
    ) {
      add({ start, end, text: d[0], kind: 'measure', types: [] });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const probed = new Map<string, MetricType[]>();
  for (const metric of found) metric.types = classify(text, metric, bounds, probed);
  return found;
}

function isExcluded(text: string, start: number, end: number, match: string): boolean {
  if (NOT_METRIC.test(match)) return true;
  const before = text.slice(Math.max(0, start - 2), start);
  // Model and version names: GPT-3.5, v2, Llama-7B, BERT-base.
  if (/[A-Za-z][-.]?$/.test(before) && !/[\s(~$€£]$/.test(before) && !/^[$€£]/.test(match)) return true;
  // Team sizes: "a 4-person team", "4 engineers", "team of 4".
  const after = text.slice(end, end + 16);
  if (/^[- ]?(?:person|people|engineers?|members?|teammates?|scientists?|developers?)\b/i.test(after)) return true;
  return false;
}

const STOPS = /[;,:—–\n]|\s-\s|[.!?](?=\s|$)|\b(?:and|while|but|which|whereas)\b/g;

/**
 * Clause stops, sentence ends and change verbs of one text, found once: each metric then costs a
 * binary search instead of a scan of the text, which kept a Result of thousands of numbers
 * quadratic.
 */
class Bounds {
  private readonly stopStarts: number[] = [];
  private readonly stopEnds: number[] = [];
  private terminators?: number[];
  private verbs?: { starts: number[]; ends: number[] };

  constructor(private readonly text: string) {
    STOPS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = STOPS.exec(text))) {
      this.stopStarts.push(m.index);
      this.stopEnds.push(m.index + m[0].length);
    }
  }

  /** From the end of the last stop before the span to the start of the first stop after it. */
  clause(start: number, end: number): { start: number; end: number } {
    const before = firstAbove(this.stopEnds, start);
    const after = firstAtLeast(this.stopStarts, end);
    return { start: before > 0 ? this.stopEnds[before - 1] : 0, end: after < this.stopStarts.length ? this.stopStarts[after] : this.text.length };
  }

  /** From after the last sentence end (. ! ? or newline) before the span to the first at or after its end. */
  sentence(start: number, end: number): { start: number; end: number } {
    if (!this.terminators) {
      this.terminators = [];
      // A point ends a sentence only before a space or the end: not in "0.61" or "e.g.x".
      const { text } = this;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '!' || c === '?' || c === '\n' || (c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1])))) this.terminators.push(i);
      }
    }
    const t = this.terminators;
    const before = firstAtLeast(t, start);
    const after = firstAtLeast(t, end);
    return { start: before > 0 ? t[before - 1] + 1 : 0, end: after < t.length ? t[after] : this.text.length };
  }

  /** Whether a change verb ("saved", "cut", "from"…) lies wholly within [start, end). */
  changeVerbBetween(start: number, end: number): boolean {
    if (!this.verbs) {
      this.verbs = { starts: [], ends: [] };
      const re = new RegExp(CHANGE_VERB.source, 'gi');
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.text))) {
        this.verbs.starts.push(m.index);
        this.verbs.ends.push(m.index + m[0].length);
      }
    }
    const k = firstAtLeast(this.verbs.starts, start);
    return k < this.verbs.starts.length && this.verbs.ends[k] <= end;
  }
}

/** The index of the first value >= x in an ascending array (its length if none). */
function firstAtLeast(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first value > x in an ascending array (its length if none). */
function firstAbove(values: number[], x: number): number {
  return firstAtLeast(values, x + 1);
}

/** The clause around a span: split at ; , : and dashes, and at "and", "while", "but", "which". */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  return new Bounds(text).clause(start, end);
}

function classify(text: string, metric: Metric, bounds: Bounds, probed: Map<string, MetricType[]>): MetricType[] {
  // Many metrics share a clause or a sentence: each span's words are tested once.
  const probe = (span: { start: number; end: number }): MetricType[] => {
    const key = `${span.start}:${span.end}`;
    let types = probed.get(key);
    if (!types) {
      const words = text.slice(span.start, span.end);
      types = [];
      if (TECHNICAL.test(words)) types.push('technical');
      if (BUSINESS.test(words)) types.push('business');
      probed.set(key, types);
    }
    return [...types];
  };
  // The measured quantity decides (SPEC §4): the words right after the number ("82 % accuracy in
  // predicting churn"), else right before it ("cut churn by 3 points"), when they name one kind.
  const clauseSpan = bounds.clause(metric.start, metric.end);
  const after = nearWords(text, metric.end, Math.min(clauseSpan.end, metric.end + 40), 'after');
  const before = nearWords(text, Math.max(clauseSpan.start, metric.start - 40), metric.start, 'before');
  for (const near of [after, before]) {
    if (!near) continue;
    const kinds = probe(near);
    if (kinds.length === 1) return kinds;
  }
  const own = probe(metric);
  const clause = probe(clauseSpan);
  const merged = [...new Set([...own, ...clause])];
  if (merged.length) return merged;
  return probe(bounds.sentence(metric.start, metric.end));
}

/** The first two words after `from` (or the last three before `to`) within [from, to), as a span. */
function nearWords(text: string, from: number, to: number, side: 'after' | 'before'): { start: number; end: number } | undefined {
  if (to <= from) return undefined;
  const window = text.slice(from, to);
  const m =
    side === 'after'
      ? /^\s*(?:of\s+|in\s+)?[\w$€£%@-]+(?:\s+[\w$€£%@-]+)?/.exec(window)
      : /(?:[\w$€£%@-]+\s+){0,2}[\w$€£%@-]+\s*(?:by|of|to|at|from|is|was|in)?\s*$/.exec(window);
  if (!m || !m[0].trim()) return undefined;
  return { start: from + m.index, end: from + m.index + m[0].length };
}

/**
 * Whether a sentence holds a number in the sense of SPEC §3: digits (not a year, a quarter or
 * a version), the words percent, doubled, tripled, halved, zero, or a spelled-out multiplier
 * ("three times faster", "by half").
 */
export function hasNumber(text: string): boolean {
  if (/\b(?:percent|doubled|tripled|halved|quadrupled)\b|\bzero\b(?!-)/i.test(text)) return true;
  SPELLED_MULTIPLIER.lastIndex = 0;
  if (SPELLED_MULTIPLIER.test(text)) return true;
  const re = /(?:^|[^\w.-])([$€£]?\d[\d,]*(?:\.\d+)?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!NOT_METRIC.test(m[1])) return true;
  }
  return false;
}

/** The headline metric of a story: the first metric of its Result that is not a p-value. */
export function headlineMetric(story: Story): { text: string; span: { start: number; end: number } } | undefined {
  const result = story.star.result;
  if (!hasProse(result)) return undefined;
  // A significance level ("p < 0.01") backs a result up; it is not the result.
  const metrics = metricsOf(result.prose).filter((x) => !/^p\s?[<=≤]/i.test(x.text));
  const m = metrics[0];
  return m && { text: m.text.replace(/\s+/g, ' '), span: result.prose.span(m.start, m.end) };
}
