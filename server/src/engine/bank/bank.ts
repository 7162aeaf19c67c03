import { hasProse } from '../model/text';
import { PRACTICE_DAYS } from '../../../../shared/domain';
import { inferMetadata } from '../facts/infer';
import { spokenSeconds } from '../../../../shared/time';
import { BANK_RULES } from '../rules';
import { scoreStory } from './score';
import { followUpReadiness } from '../facts/follow-ups';
import { headlineMetric } from '../facts/metrics';
import { principlesIn } from '../facts/values';
import { subjectCounts } from '../facts/subjects';
import { parseStoryDate } from '../facts/dates';
import { STAR_KINDS } from '../model/types';
import { applyDirectives, readDirectives } from '../model/directives';
import { ruleById } from '../rules';
import type { ResolvedConfig } from '../lint/config';
import type { LintResult } from '../lint/lint';
import type { BankEntry } from '../rules/rule';
import type { Finding, Severity, Span, Story } from '../model/types';
import { skillsShown, storyValues } from '../facts/competencies';
import type { Score } from './score';

/** One linted file, as the bank analysis takes it. */
export interface BankFile {
  uri: string;
  result: LintResult;
}

export interface FollowUpReadiness {
  answered: string[];
  missing: string[];
}

export interface PracticeStatus {
  /** The practice dates, sorted. */
  practiced: string[];
  /** The next checkpoint (day 0/3/7/14/21 after the first practice), if any remain. */
  next?: string;
  /** True when the next checkpoint is today or past. */
  due: boolean;
  /** Days past the checkpoint (0 when due today). */
  overdueDays: number;
}

export interface BankStory {
  uri: string;
  index: number;
  title: string;
  /** 0-based line of the story's title (or first line), for "go to story". */
  line: number;
  span: Span;
  /** The category: as the file declares it, else as inferred (see `inferred`). */
  category?: string;
  /** The question themes: as the file declares them, else as inferred. */
  themes: string[];
  /** What starlint inferred because the file does not say it: shown as "(inferred)", to confirm with the quick fix. */
  inferred?: { category?: string; themes?: string[] };
  date?: string;
  score: Score;
  words: number;
  seconds: number;
  /** Findings by severity, for this story, bank findings included. */
  problems: Record<Severity, number>;
  followUps?: FollowUpReadiness;
  practice: PracticeStatus;
  /** The Amazon Leadership Principles the story names (when targetCompany is amazon). */
  principles: string[];
  /** The company values the story shows (COMPANY_VALUES ids, e.g. `amazon:dive-deep`, `meta:move-fast`). */
  values: string[];
  /** The ML skills the story shows (ML_SKILLS ids, e.g. `ml:experimentation`). */
  skills: string[];
  /** The first (headline) metric of the Result, if any. */
  headlineMetric?: string;
  /** Share of first-person-singular subjects in Action (0–1), if countable. */
  iRatio?: number;
}

export interface CompositionRow {
  category: string;
  label: string;
  count: number;
  min: number;
  max: number;
  status: 'low' | 'ok' | 'high';
}

export interface CoverageRow {
  theme: string;
  question: string;
  /** Indices into BankReport.stories. */
  stories: number[];
  status: 'uncovered' | 'thin' | 'ok';
}

export interface BankFinding extends Finding {
  /** The file the finding is on; undefined for findings about the bank as a whole. */
  uri?: string;
}

export interface BankReport {
  stories: BankStory[];
  composition: CompositionRow[];
  coverage: CoverageRow[];
  /** Bank-wide findings (bank-size, bank-composition, uncovered-question, overused-story, duplicate-metric). */
  findings: BankFinding[];
  /** Internal errors of bank rules; each failing rule is skipped. */
  errors: { rule: string; error: string }[];
  today: string;
}

export type { BankEntry };

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export { PRACTICE_DAYS };

/** The practice checkpoints (day 0/3/7/14/21 after the first practice) and what is due. */
export function practiceStatus(practiced: string[] | undefined, today: string): PracticeStatus {
  const dates = (practiced ?? []).filter((d) => parseStoryDate(d) && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const status: PracticeStatus = { practiced: dates, due: false, overdueDays: 0 };
  if (dates.length === 0) return status;
  const first = parseStoryDate(dates[0])!.getTime();
  const day = 24 * 3600 * 1000;
  // Each practice session after the first ticks off the next checkpoint.
  const done = dates.length;
  if (done >= PRACTICE_DAYS.length) return status;
  const next = new Date(first + PRACTICE_DAYS[done] * day);
  status.next = next.toISOString().slice(0, 10);
  const now = parseStoryDate(today)!.getTime();
  status.due = now >= next.getTime();
  status.overdueDays = status.due ? Math.round((now - next.getTime()) / day) : 0;
  return status;
}

/** Scores the bank: per-story summaries, composition, coverage, and the bank-wide findings. */
export function analyzeBank(files: BankFile[], config: ResolvedConfig, today: string): BankReport {
  const entries: BankEntry[] = [];
  for (const f of files) for (const story of f.result.doc.stories) entries.push({ uri: f.uri, story, doc: f.result.doc, ...metadataOf(story) });
  const raw: BankFinding[] = [];
  const errors: { rule: string; error: string }[] = [];
  for (const rule of BANK_RULES) {
    const severity = config.severities[rule.id];
    if (!severity || severity === 'off') continue;
    try {
      rule.check({
        entries,
        config,
        options: config.options[rule.id] ?? {},
        today,
        report: (entry, r) => raw.push({ rule: rule.id, message: r.message, span: r.span, severity, uri: entry?.uri, story: entry?.story.index, data: r.data }),
      });
    } catch (e) {
      // A failing bank rule must not take the bank view down; the other rules still report.
      errors.push({ rule: rule.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  // Inline comments switch bank findings off too, in the file they land on.
  const known = new Set(ruleById.keys());
  const findings: BankFinding[] = raw.filter((f) => f.uri === undefined);
  const rawByUri = new Map<string, BankFinding[]>();
  for (const f of raw) if (f.uri !== undefined) pushTo(rawByUri, f.uri, f);
  for (const file of files) {
    const own = rawByUri.get(file.uri) ?? [];
    if (own.length === 0) continue;
    findings.push(...withoutDisabled(file, own, known));
  }
  // Findings grouped by file and story once: a bank file of 1,000 stories stays linear.
  const fileByUri = new Map(files.map((f) => [f.uri, f]));
  const byStory = new Map<string, Finding[]>();
  const keyOf = (uri: string, story: number | undefined): string => `${story ?? -1}\u0000${uri}`;
  for (const file of files) for (const f of file.result.findings) pushTo(byStory, keyOf(file.uri, f.story), f);
  for (const f of findings) if (f.uri !== undefined) pushTo(byStory, keyOf(f.uri, f.story), f);
  const stories: BankStory[] = entries.map((e) => {
    const file = fileByUri.get(e.uri)!;
    const own = byStory.get(keyOf(e.uri, e.story.index)) ?? [];
    const problems = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of own) problems[f.severity]++;
    const action = e.story.star.action;
    const counts = hasProse(action) ? subjectCounts(action.prose.text) : undefined;
    const total = counts ? counts.i + counts.we.length : 0;
    const text = STAR_KINDS.map((k) => e.story.star[k]?.prose.text ?? '').join('\n');
    return {
      uri: e.uri,
      index: e.story.index,
      title: e.story.title,
      line: file.result.lines.lineOf((e.story.titleSpan ?? e.story.span).start),
      span: e.story.titleSpan ?? e.story.span,
      category: e.category,
      themes: e.themes,
      ...(e.inferred ? { inferred: e.inferred } : {}),
      date: e.story.meta.date,
      score: scoreStory(e.story, own, config, today),
      words: e.story.starWords,
      seconds: spokenSeconds(e.story.starWords, config.wordsPerMinute),
      problems,
      followUps: e.story.layers['follow-ups'] ? followUpReadiness(e.story.layers['follow-ups']) : undefined,
      practice: practiceStatus(e.story.meta.practiced, today),
      principles: principlesIn(text),
      values: storyValues(e.story),
      skills: skillsShown(e.story, e.category, e.themes),
      headlineMetric: headlineMetric(e.story)?.text,
      iRatio: total > 0 ? counts!.i / total : undefined,
    };
  });
  const composition: CompositionRow[] = config.categories.map((c) => {
    const count = stories.filter((s) => s.category === c.id).length;
    return { category: c.id, label: c.label, count, min: c.min, max: c.max, status: count < c.min ? 'low' : count > c.max ? 'high' : 'ok' };
  });
  const coverage: CoverageRow[] = config.themes.map((t) => {
    const idx = stories.map((s, i) => (s.themes.includes(t.id) ? i : -1)).filter((i) => i >= 0);
    return { theme: t.id, question: t.question, stories: idx, status: idx.length === 0 ? 'uncovered' : idx.length === 1 ? 'thin' : 'ok' };
  });
  return { stories, composition, coverage, findings, errors, today };
}

/** Bank findings on `file` less those its `<!-- starlint-disable … -->` comments switch off. */
export function withoutDisabled(file: BankFile, findings: BankFinding[], known: Set<string>): BankFinding[] {
  if (findings.length === 0 || file.result.doc.comments.length === 0) return findings;
  const directives = readDirectives(file.result.doc.comments, file.result.lines, known, []);
  return applyDirectives(findings, directives, file.result.lines) as BankFinding[];
}

/** A story's category and themes: as its file declares them, else as inferred (and marked so). */
function metadataOf(story: Story): Pick<BankEntry, 'category' | 'themes' | 'inferred'> {
  const declaredCategory = story.meta.category?.toLowerCase();
  const declaredThemes = (story.meta.questions ?? []).map((q) => q.toLowerCase());
  if (declaredCategory !== undefined && declaredThemes.length) return { category: declaredCategory, themes: declaredThemes };
  const guess = inferMetadata(story);
  const inferred: NonNullable<BankStory['inferred']> = {};
  if (declaredCategory === undefined && guess.category) inferred.category = guess.category;
  if (!declaredThemes.length && guess.themes.length) inferred.themes = guess.themes;
  return {
    category: declaredCategory ?? inferred.category,
    themes: declaredThemes.length ? declaredThemes : (inferred.themes ?? []),
    ...(inferred.category || inferred.themes ? { inferred } : {}),
  };
}
