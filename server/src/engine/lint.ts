import { CACHE_CHARS, TextCache } from './cache';
import { chunkBounds, SPLIT_ABOVE } from './markdown';
import { parseDocument, shiftStory } from './parse';
import { LineIndex } from './lines';
import { applyDirectives, readDirectives } from './directives';
import { ALL_RULES, STORY_RULES } from './rules';
import type { ResolvedConfig } from './config';
import type { Finding, HtmlComment, ParsedDocument, Report, Severity, Span, Story } from './types';

export interface LintOptions {
  /** Today as YYYY-MM-DD; defaults to the real date. */
  today?: string;
  /** Rules to run even if configured off (used by tests); others run per configuration. */
  only?: string[];
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
}

/** An edit: the old text's [start, end) is the new text's [start, newEnd). */
export interface TextChange {
  start: number;
  end: number;
  newEnd: number;
}

const KNOWN = new Set(ALL_RULES.map((r) => r.id));

interface CachedStory {
  findings: Finding[];
  errors: RuleError[];
}

// Findings of unchanged stories are reused: in a bank file of many stories an edit re-runs the
// rules of the edited story only. Keys hold the story text, offsets are relative to the story.
const storyCache = new TextCache<CachedStory>(CACHE_CHARS);

// Configurations are long JSON strings; cache keys carry a short number for each instead.
const configIds = new Map<string, number>();
let nextConfigId = 1;
function configId(key: string): number {
  let id = configIds.get(key);
  if (id === undefined) {
    // Ids are never reused, so a forgotten configuration cannot alias a cached one.
    if (configIds.size > 1000) configIds.clear();
    id = nextConfigId++;
    configIds.set(key, id);
  }
  return id;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Lints one Markdown document: parse, run every enabled story rule, apply inline comments. */
export function lintText(text: string, config: ResolvedConfig, options: LintOptions = {}): LintResult {
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
      message: `File has ${text.length.toLocaleString('en-US')} characters, more than "maxFileSize" (${config.maxFileSize.toLocaleString('en-US')}), so starlint analysed the first ${cut.toLocaleString('en-US')}: split the bank into smaller files, or raise "maxFileSize".`,
      span: { start: 0, end: Math.min(text.length, Math.max(1, text.indexOf('\n') === -1 ? 1 : text.indexOf('\n'))) },
      severity: 'info',
    };
  }
  const doc = parseDocument(analysed);
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

  for (const story of doc.stories) storyFindings(story, doc, config, day, options, context, findings, errors);

  const problems = [...doc.problems];
  const directives = readDirectives(doc.comments, lines, KNOWN, problems);
  for (const p of problems) {
    const severity = severityOf(p.rule);
    if (severity) findings.push({ rule: p.rule, message: p.message, span: p.span, severity });
  }
  const kept = applyDirectives(findings, directives, lines);
  kept.sort(byPosition);
  return { doc, lines, findings: kept, errors, context: limited ? undefined : context };
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

function severities(config: ResolvedConfig, options: LintOptions): (rule: string) => Severity | undefined {
  return (rule) => {
    const s = config.severities[rule];
    if (options.only) return options.only.includes(rule) ? (s && s !== 'off' ? s : ALL_RULES.find((r) => r.id === rule)?.severity) : undefined;
    return s === 'off' ? undefined : s;
  };
}

function contextKey(config: ResolvedConfig, day: string, options: LintOptions): string {
  return `${configId(config.key)}\u0000${day}\u0000${options.only?.join(',') ?? ''}`;
}

/** Appends one story's findings (from the cache when its text was linted before) with absolute offsets. */
function storyFindings(story: Story, doc: ParsedDocument, config: ResolvedConfig, day: string, options: LintOptions, context: string, findings: Finding[], errors: RuleError[]): void {
  const severityOf = severities(config, options);
  const cacheKey = `${context}\u0000${story.key}`;
  let cached = storyCache.get(cacheKey);
  if (!cached) {
    cached = runStoryRules(story, doc, config, day, options.only);
    storyCache.set(cacheKey, cached);
  }
  for (const f of cached.findings) {
    const severity = severityOf(f.rule);
    if (!severity) continue;
    findings.push({ ...f, severity, story: story.index, span: { start: f.span.start + story.span.start, end: f.span.end + story.span.start } });
  }
  for (const e of cached.errors) errors.push({ ...e, story: story.index });
}

// A line an edit touches (or the one before or after it) that could change where stories,
// chunks, comments or code blocks begin and end: a heading, a fence, HTML, a block quote, or a
// line that could be a setext underline or a thematic break. An edit near one lints the file.
const STRUCTURAL = /[#`~<>]|^[ \t]*(?:=+|-+|[-*_](?:[ \t]*[-*_]){2,})[ \t]*$/m;

function lineAround(text: string, from: number, to: number): string {
  // From the start of the line before `from` to the end of the line after `to`.
  let a = from;
  for (let n = 0; n < 2 && a > 0; n++) {
    a--;
    while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  }
  let b = to;
  for (let n = 0; n < 2 && b < text.length; n++) {
    while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
    if (n === 0) b++;
  }
  return text.slice(a, Math.min(b, text.length));
}

/**
 * Lints `text`, which is the text of `prev` with one stretch replaced. When the edit lies inside
 * the body of one story of a bank file, away from anything that could move story, chunk or
 * comment boundaries, only that story is parsed and linted again; the other stories, their
 * findings and the line index are moved, not recomputed. Otherwise it is `lintText`. Either way
 * the result is the one `lintText(text)` gives (test/incremental.test.ts checks that on random
 * edits).
 */
export function lintEdit(prev: LintResult, text: string, change: TextChange, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  return editStory(prev, text, change, config, options) ?? lintText(text, config, options);
}

function editStory(prev: LintResult, text: string, change: TextChange, config: ResolvedConfig, options: LintOptions): LintResult | undefined {
  const day = options.today ?? today();
  const context = contextKey(config, day, options);
  const { doc } = prev;
  const old = doc.text;
  const delta = change.newEnd - change.end;
  if (prev.context !== context || doc.limited || !doc.isStory || doc.stories.length < 2 || !doc.chunks || doc.titleDepth === undefined) return undefined;
  if (old.length > config.maxFileSize || text.length > config.maxFileSize || old.length < SPLIT_ABOVE || text.length < SPLIT_ABOVE) return undefined;
  if (change.start < 0 || change.end < change.start || change.newEnd < change.start || old.length + delta !== text.length) return undefined;

  // The story whose body holds the edit: after its title line, before the next title.
  const stories = doc.stories;
  let lo = 0;
  let hi = stories.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stories[mid].span.start <= change.start) lo = mid;
    else hi = mid - 1;
  }
  const story = stories[lo];
  const k = lo;
  const reach = story.reach;
  if (!story.titleSpan || reach === undefined || story.span.start > change.start || change.end >= reach) return undefined;
  const titleLineEnd = old.indexOf('\n', story.titleSpan.end);
  if (titleLineEnd < 0 || change.start <= titleLineEnd) return undefined;
  // The story must be a chunk of its own, so parsing it alone reads it as the whole file did.
  const c = doc.chunks.indexOf(story.span.start);
  if (c < 0 || (doc.chunks[c + 1] ?? old.length) !== reach) return undefined;
  if (STRUCTURAL.test(lineAround(old, change.start, change.end)) || STRUCTURAL.test(lineAround(text, change.start, change.newEnd))) return undefined;

  const regionStart = story.span.start;
  const regionText = text.slice(regionStart, reach + delta);
  if (regionText.length >= SPLIT_ABOVE) return undefined;
  const local = parseDocument(regionText);
  const fresh = local.stories[0];
  if (local.stories.length !== 1 || local.limited || local.titleDepth !== doc.titleDepth || fresh.span.start !== 0 || !fresh.titleSpan) return undefined;

  const lines = prev.lines.edited(text, change.start, change.end, change.newEnd);
  const moved = (span: Span): Span => (span.start >= change.end ? { start: span.start + delta, end: span.end + delta } : span);
  const inRegion = (span: Span): boolean => span.start >= regionStart && span.start < reach;

  const newStory = shiftStory(fresh, regionStart, k);
  const newStories = stories.slice(0, k);
  newStories.push(newStory);
  for (let i = k + 1; i < stories.length; i++) newStories.push(shiftStory(stories[i], delta));
  const shiftComment = (cm: HtmlComment): HtmlComment => (cm.span.start >= change.end ? { body: cm.body, span: moved(cm.span) } : cm);
  const comments: HtmlComment[] = [];
  let placed = false;
  for (const cm of doc.comments) {
    if (!inRegion(cm.span)) comments.push(shiftComment(cm));
    else if (!placed) {
      placed = true;
      for (const lc of local.comments) comments.push({ body: lc.body, span: { start: lc.span.start + regionStart, end: lc.span.end + regionStart } });
    }
  }
  if (!placed) {
    // No comment in the region before: the region's comments go where their offsets say.
    const at = comments.findIndex((cm) => cm.span.start >= regionStart);
    const add = local.comments.map((lc) => ({ body: lc.body, span: { start: lc.span.start + regionStart, end: lc.span.end + regionStart } }));
    comments.splice(at < 0 ? comments.length : at, 0, ...add);
  }
  const problems = doc.problems.filter((p) => !inRegion(p.span)).map((p) => (p.span.start >= change.end ? { ...p, span: moved(p.span) } : p));
  const localProblems = local.problems.map((p) => ({ ...p, span: { start: p.span.start + regionStart, end: p.span.end + regionStart } }));
  problems.push(...localProblems);
  problems.sort((a, b) => a.span.start - b.span.start);
  const newDoc: ParsedDocument = { ...doc, text, stories: newStories, comments, problems, chunks: doc.chunks.map((x) => (x > change.start ? x + delta : x)) };

  // The edited story's findings, and its metadata problems, through the file's comments.
  const severityOf = severities(config, options);
  const fresh2: Finding[] = [];
  const errors: RuleError[] = prev.errors.filter((e) => e.story !== k);
  storyFindings(newStory, newDoc, config, day, options, context, fresh2, errors);
  for (const p of localProblems) {
    const severity = severityOf(p.rule);
    if (severity) fresh2.push({ rule: p.rule, message: p.message, span: p.span, severity });
  }
  const directives = readDirectives(comments, lines, KNOWN, []);
  const kept = applyDirectives(fresh2, directives, lines).sort(byPosition);

  // The other findings keep their order; the edited story's are merged in.
  const rest: Finding[] = [];
  for (const f of prev.findings) {
    if (f.story === k || (f.story === undefined && f.rule === 'front-matter' && inRegion(f.span))) continue;
    if (f.span.start < change.end) rest.push(f);
    else {
      // Findings of rules carry `story` and `data` keys, problems neither: keep the same shape.
      rest.push(
        'story' in f
          ? { rule: f.rule, message: f.message, span: { start: f.span.start + delta, end: f.span.end + delta }, severity: f.severity, data: f.data, story: f.story }
          : { rule: f.rule, message: f.message, span: { start: f.span.start + delta, end: f.span.end + delta }, severity: f.severity },
      );
    }
  }
  const findings: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < rest.length || j < kept.length) {
    if (j >= kept.length || (i < rest.length && byPosition(rest[i], kept[j]) <= 0)) findings.push(rest[i++]);
    else findings.push(kept[j++]);
  }
  return { doc: newDoc, lines, findings, errors, context, incremental: true };
}

function runStoryRules(story: Story, doc: ParsedDocument, config: ResolvedConfig, day: string, only?: string[]): CachedStory {
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  const base = story.span.start;
  for (const rule of STORY_RULES) {
    const enabled = only ? only.includes(rule.id) : config.severities[rule.id] !== 'off';
    if (!enabled) continue;
    const report = (r: Report): void => {
      const start = Math.max(r.span.start, 0);
      const end = Math.max(r.span.end, start + 1);
      findings.push({ rule: rule.id, message: r.message, span: { start: start - base, end: end - base }, severity: rule.severity, data: r.data });
    };
    try {
      rule.check({ story, doc, config, options: config.options[rule.id] ?? {}, today: day, report });
    } catch (e) {
      errors.push({ rule: rule.id, story: story.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  return { findings, errors };
}
