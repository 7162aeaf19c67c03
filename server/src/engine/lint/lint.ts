import { CACHE_CHARS, CacheSlot, type Memo } from '../memo';
import { chunkBounds, shiftSpan } from '../syntax/blocks';
import { today } from '../../../../shared/time';

export { today };
import { parseDocument } from '../model/stories';
import { LineIndex } from '../syntax/lines';
import { applyDirectives, readDirectives } from '../model/directives';
import { ALL_RULES, STORY_RULES } from '../rules';
import { plural } from '../../../../shared/wording';
import type { ResolvedConfig } from './config';
import type { Finding, FixOffer, ParsedDocument, Report, Severity, Story } from '../model/types';

export interface LintOptions {
  /** Today as YYYY-MM-DD; defaults to the real date. */
  today?: string;
  /** Rules to run even if configured off (used by tests); others run per configuration. */
  only?: string[];
  /** The caches to read and fill (an engine's, see createEngine); without one nothing is cached. */
  memo?: Memo;
  /**
   * False: read the caches but add nothing to them, for a text that will not be linted again
   * (the language server's keystroke versions and workspace scan). Default true.
   */
  remember?: boolean;
}

export interface RuleError {
  rule: string;
  story: number;
  error: string;
}

export interface LintResult {
  doc: ParsedDocument;
  lines: LineIndex;
  findings: Finding[];
  /** Internal errors of rules, each skipped for the story it failed on. */
  errors: RuleError[];
  /** The configuration, day and rule selection the result was computed under. */
  context?: string;
  /** True when `lintEdit` re-linted only the edited story. */
  incremental?: boolean;
  /** The source of the story region lintEdit last re-linted, so the next edit there reads no more. */
  region?: { start: number; end: number; text: string };
}

/** An edit: the old text's [start, end) is the new text's [start, newEnd). */
export interface TextChange {
  start: number;
  end: number;
  newEnd: number;
  /**
   * The new text's [start, newEnd), when the caller has it: then lintEdit need not read the
   * new text, which for an editor's text is a rope that costs a copy of the whole file to read.
   */
  inserted?: string;
}

export const KNOWN = new Set(ALL_RULES.map((r) => r.id));

interface CachedStory {
  findings: Finding[];
  errors: RuleError[];
}

// Findings of unchanged stories are reused: in a bank file of many stories an edit re-runs the
// rules of the edited story only. Keys hold the story text, offsets are relative to the story.
const STORY_FINDINGS = new CacheSlot<CachedStory>('story findings', CACHE_CHARS);

/** Lints one Markdown document: parse, run every enabled story rule, apply inline comments. */
export function lintText(text: string, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  return lintAll(text, config, { ...options, memo: memoOf(options) });
}

/** The caches a call may use: read-only when `options.remember` is false. */
export function memoOf(options: LintOptions): Memo | undefined {
  return options.remember === false ? options.memo?.readOnly() : options.memo;
}

function lintAll(text: string, config: ResolvedConfig, options: LintOptions): LintResult {
  const day = options.today ?? today();
  let analysed = text;
  let limited: Finding | undefined;
  if (text.length > config.maxFileSize) {
    // Lint whole chunks (stories) up to the budget, and say so.
    let cut = 0;
    for (const [, end] of chunkBounds(text, true)) {
      if (end > config.maxFileSize) break;
      cut = end;
    }
    analysed = text.slice(0, cut);
    limited = {
      rule: 'large-file',
      message: `File has ${plural(text.length, 'character').replace(/^\d+/, (d) => Number(d).toLocaleString('en-US'))}, more than "maxFileSize" (${config.maxFileSize.toLocaleString('en-US')}), so starlint analysed the first ${cut.toLocaleString('en-US')}: split the bank into smaller files, or raise "maxFileSize".`,
      span: { start: 0, end: Math.min(text.length, Math.max(1, text.indexOf('\n') === -1 ? 1 : text.indexOf('\n'))) },
      severity: 'info',
    };
  }
  const doc = parseDocument(analysed, options.memo);
  doc.text = text;
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  const severityOf = severities(config, options);
  const context = contextKey(config, day, options);

  if (limited) {
    const sev = severityOf('large-file');
    if (sev) findings.push({ ...limited, severity: sev });
  }
  if (doc.limited === 'binary') return { doc, lines, findings, errors };

  for (const story of doc.stories) storyFindings(story, doc, doc.stories.length, config, day, options, context, findings, errors);

  const problems = [...doc.problems];
  const directives = readDirectives(doc.comments, lines, KNOWN, problems);
  for (const p of problems) {
    const severity = severityOf(p.rule);
    if (severity) findings.push({ rule: p.rule, message: p.message, span: p.span, severity, ...(p.fix ? { fix: p.fix } : {}) });
  }
  const kept = applyDirectives(findings, directives, lines);
  kept.sort(byPosition);
  return { doc, lines, findings: kept, errors, context: limited ? undefined : context };
}

export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

export function severities(config: ResolvedConfig, options: LintOptions): (rule: string) => Severity | undefined {
  return (rule) => {
    const s = config.severities[rule];
    if (options.only) return options.only.includes(rule) ? (s && s !== 'off' ? s : ALL_RULES.find((r) => r.id === rule)?.severity) : undefined;
    return s === 'off' ? undefined : s;
  };
}

export function contextKey(config: ResolvedConfig, day: string, options: LintOptions): string {
  return `${options.memo ? options.memo.configId(config.key) : config.key}\u0000${day}\u0000${options.only?.join(',') ?? ''}`;
}

/** Appends one story's findings (from the cache when its text was linted before) with absolute offsets. */
export function storyFindings(
  story: Story,
  doc: ParsedDocument,
  storyCount: number,
  config: ResolvedConfig,
  day: string,
  options: LintOptions,
  context: string,
  findings: Finding[],
  errors: RuleError[],
): void {
  const severityOf = severities(config, options);
  // What a rule says can depend on whether the file holds one story or several.
  const cacheKey = `${context}\u0000${storyCount > 1 ? 'n' : '1'}\u0000${story.key}`;
  let cached = options.memo?.get(STORY_FINDINGS, cacheKey);
  if (!cached) {
    cached = runStoryRules(story, doc, storyCount, config, day, options.only);
    options.memo?.set(STORY_FINDINGS, cacheKey, cached);
  }
  for (const f of cached.findings) {
    const severity = severityOf(f.rule);
    if (!severity) continue;
    const at = story.span.start;
    findings.push({
      ...f,
      severity,
      story: story.index,
      span: shiftSpan(f.span, at),
      ...(f.fix ? { fix: shiftOffer(f.fix, at) } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions.map((o) => shiftOffer(o, at)) } : {}),
    });
  }
  for (const e of cached.errors) errors.push({ ...e, story: story.index });
}

function runStoryRules(story: Story, doc: ParsedDocument, storyCount: number, config: ResolvedConfig, day: string, only?: string[]): CachedStory {
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  const base = story.span.start;
  for (const rule of STORY_RULES) {
    const enabled = only ? only.includes(rule.id) : config.severities[rule.id] !== 'off';
    if (!enabled) continue;
    const report = (r: Report): void => {
      const start = Math.max(r.span.start, 0);
      const end = Math.max(r.span.end, start + 1);
      const f: Finding = { rule: rule.id, message: r.message, span: { start: start - base, end: end - base }, severity: rule.severity, data: r.data };
      // Edits are kept relative to the story, as spans are, so a cached story's fixes move with it.
      if (r.fix) f.fix = shiftOffer(r.fix, -base);
      if (r.suggestions?.length) f.suggestions = r.suggestions.map((o) => shiftOffer(o, -base));
      findings.push(f);
    };
    try {
      rule.check({ story, doc, storyCount, config, options: config.options[rule.id] ?? {}, today: day, report });
    } catch (e) {
      errors.push({ rule: rule.id, story: story.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  return { findings, errors };
}

/** An offer with every edit moved by `by` characters. */
export function shiftOffer(offer: FixOffer, by: number): FixOffer {
  return { title: offer.title, edits: offer.edits.map((e) => ({ start: e.start + by, end: e.end + by, text: e.text })) };
}
