// Pure text helpers shared by the trees, the status bar and the heat-map. Nothing here imports
// vscode, so the unit tests run them directly.
import type { BankStory, CompositionRow, CoverageRow } from '../../shared/protocol';
import { clock } from '../../shared/time';
// domain.ts, score-format.ts and wording.ts import nothing: the extension bundles no part of the engine.
import { AMAZON_PRINCIPLES, FOLLOW_UPS, PRACTICE_DAYS } from '../../shared/domain';
import { plural, severityCounts } from '../../shared/wording';
import { scoreText, scoreValue } from '../../shared/score-format';

/** The ideal count of a category, `2–3` or `1`. */
export function idealRange(row: Pick<CompositionRow, 'min' | 'max'>): string {
  return row.min === row.max ? String(row.min) : `${row.min}–${row.max}`;
}

/** A Story Bank group's label: `failure · 1 of 2–3`. */
export function compositionLabel(row: CompositionRow): string {
  return `${row.category} · ${row.count} of ${idealRange(row)}`;
}

/** Why a group is marked, or undefined when its count is ideal. */
export function compositionAdvice(row: CompositionRow): string | undefined {
  if (row.status === 'low') return `${row.label}: ${plural(row.count, 'story')}, ideally ${idealRange(row)} — add ${row.min - row.count} more.`;
  if (row.status === 'high') return `${row.label}: ${plural(row.count, 'story')}, ideally ${idealRange(row)} — the bank leans on this category.`;
  return undefined;
}

/**
 * What the Story Bank's welcome view explains (the `starlint.bankState` context key): `stories`,
 * `noStories` (the workspace has files matching the story globs but none is a story — their
 * headings were not recognised), or `empty` (no such file).
 */
export function bankState(report: { stories: unknown[]; scanned?: number } | undefined): 'stories' | 'noStories' | 'empty' | undefined {
  if (!report) return undefined;
  if (report.stories.length > 0) return 'stories';
  return (report.scanned ?? 0) > 0 ? 'noStories' : 'empty';
}

/** A story's problems by severity, for tooltips: "3 problems: 1 error, 1 warning, 1 info". */
export function problemSummary(story: Pick<BankStory, 'problems'>): string {
  const n = problemCount(story);
  return n ? `${plural(n, 'problem')}: ${severityCounts(story.problems)}` : 'no problems';
}

/** The Story Bank view's description: "8 stories", "1 story (partial)". */
export function bankDescription(report: { stories: unknown[]; partial?: string }): string {
  return `${plural(report.stories.length, 'story')}${report.partial ? ' (partial)' : ''}`;
}

/** The badge tooltips of the Coverage and Practice views. */
export function gapsTooltip(gaps: number): string {
  return `${plural(gaps, 'question theme')} no story answers`;
}

export function dueTooltip(due: number): string {
  return `${plural(due, 'story')} ${due === 1 ? 'is' : 'are'} due for practice`;
}

/** What Lint All Stories reports in the status bar: "8 stories in 8 files, 21 problems". */
export function lintAllSummary(
  stories: number,
  linted: { uris: string[]; problems: Record<'error' | 'warning' | 'info' | 'hint', number>; partial?: string },
): string {
  const p = linted.problems;
  const n = p.error + p.warning + p.info + p.hint;
  return `${plural(stories, 'story')} in ${plural(linted.uris.length, 'file')}, ${plural(n, 'problem')}${linted.partial ? ' (the workspace scan is still running)' : ''}`;
}

export function problemCount(story: Pick<BankStory, 'problems'>): number {
  const p = story.problems;
  return p.error + p.warning + p.info + p.hint;
}

export { plural, scoreText };

/** How many of the six follow-ups the story answers: `follow-ups 4/6` (0 without a Follow-ups section). */
export function followUpLabel(story: Pick<BankStory, 'followUps'>): string {
  return `follow-ups ${story.followUps?.answered.length ?? 0}/${FOLLOW_UPS.length}`;
}

/** The follow-up questions a story leaves unanswered, in their usual order. */
export function missingFollowUps(story: Pick<BankStory, 'followUps'>): string[] {
  const missing = story.followUps?.missing ?? FOLLOW_UPS.map((f) => f.id);
  return FOLLOW_UPS.filter((f) => missing.includes(f.id)).map((f) => f.question);
}

export interface DescriptionOptions {
  /** The target company is Amazon: name the Leadership Principles the story shows. */
  principles?: boolean;
}

/** A story row's description: `72 · 2:31 · 3 problems · follow-ups 4/6` (`· Ownership, Dive Deep` for Amazon). */
/** "failure, themes failure (inferred)": what starlint inferred because the file does not say it. */
export function inferredLabel(story: Pick<BankStory, 'inferred'>): string | undefined {
  const i = story.inferred;
  if (!i) return undefined;
  const parts = [i.category, i.themes?.length ? `themes ${i.themes.join(', ')}` : undefined].filter(Boolean);
  return parts.length ? `${parts.join(', ')} (inferred)` : undefined;
}

export function storyDescription(story: BankStory, o: DescriptionOptions = {}): string {
  const parts = [scoreValue(story.score), clock(story.seconds), plural(problemCount(story), 'problem'), followUpLabel(story)];
  const guessed = inferredLabel(story);
  if (guessed) parts.push(guessed);
  if (o.principles) parts.push(story.principles.length ? story.principles.join(', ') : 'no Leadership Principle');
  return parts.join(' · ');
}

/** True when the bank is tuned for Amazon, whose interviewers expect a Leadership Principle per story. */
export function showsPrinciples(report: { targetCompany?: string } | undefined): boolean {
  return report?.targetCompany === 'amazon';
}

/** The Leadership Principles as coverage rows (principles × stories), in Amazon's order. */
export function principleCoverage(stories: Pick<BankStory, 'principles'>[]): CoverageRow[] {
  return AMAZON_PRINCIPLES.map((p) => {
    const idx = stories.map((s, i) => (s.principles.includes(p) ? i : -1)).filter((i) => i >= 0);
    return { theme: p, question: p, stories: idx, status: idx.length === 0 ? 'uncovered' : idx.length === 1 ? 'thin' : 'ok' };
  });
}

// ------------------------------------------------------------------ practice schedule

export type PracticeGroupId = 'due' | 'never' | 'upcoming' | 'done';

export interface PracticeGroup {
  id: PracticeGroupId;
  label: string;
  stories: BankStory[];
}

const GROUP_LABELS: Record<PracticeGroupId, string> = {
  due: 'Due',
  never: 'Never practiced',
  upcoming: 'Upcoming',
  done: 'Schedule complete',
};

/**
 * The Practice view's groups, the urgent first: due (most overdue first), never practiced,
 * upcoming (soonest first), and stories past their last checkpoint. Empty groups are left out.
 */
export function practiceGroups(stories: BankStory[]): PracticeGroup[] {
  const byTitle = (a: BankStory, b: BankStory) => a.title.localeCompare(b.title);
  const due = stories.filter((s) => s.practice.due).sort((a, b) => b.practice.overdueDays - a.practice.overdueDays || byTitle(a, b));
  const never = stories.filter((s) => s.practice.practiced.length === 0).sort(byTitle);
  const upcoming = stories.filter((s) => s.practice.next && !s.practice.due).sort((a, b) => a.practice.next!.localeCompare(b.practice.next!) || byTitle(a, b));
  const done = stories.filter((s) => s.practice.practiced.length > 0 && !s.practice.next).sort(byTitle);
  const groups: PracticeGroup[] = [
    { id: 'due', label: GROUP_LABELS.due, stories: due },
    { id: 'never', label: GROUP_LABELS.never, stories: never },
    { id: 'upcoming', label: GROUP_LABELS.upcoming, stories: upcoming },
    { id: 'done', label: GROUP_LABELS.done, stories: done },
  ];
  return groups.filter((g) => g.stories.length > 0);
}

/** A story's line in the Practice view: `due today`, `due 3 days ago`, `next: 2026-11-28`, `never practiced`. */
export function practiceDescription(story: Pick<BankStory, 'practice'>): string {
  const p = story.practice;
  if (p.practiced.length === 0) return 'never practiced';
  if (p.due) return p.overdueDays === 0 ? 'due today' : `due ${plural(p.overdueDays, 'day')} ago`;
  if (p.next) return `next: ${p.next}`;
  return `all ${PRACTICE_DAYS.length} checkpoints done`;
}

/** Where the story stands in the day 0/3/7/14/21 schedule, for tooltips. */
export function practiceDetail(story: Pick<BankStory, 'practice'>): string {
  const p = story.practice;
  const days = PRACTICE_DAYS.map((d) => `day ${d}`).join(', ');
  if (p.practiced.length === 0) return `Not practiced yet. Practise it today to start the schedule (${days}).`;
  const done = `Practiced ${plural(p.practiced.length, 'time')}: ${p.practiced.join(', ')}.`;
  if (!p.next) return `${done} Every checkpoint (${days}) is done.`;
  const checkpoint = `day ${PRACTICE_DAYS[p.practiced.length]}`;
  const when = p.due ? (p.overdueDays === 0 ? 'due today' : `due since ${p.next}, ${plural(p.overdueDays, 'day')} ago`) : `on ${p.next}`;
  return `${done} Next checkpoint (${checkpoint}): ${when}.`;
}

/** The status-bar text of a story: words, spoken time, I-ratio. */
export function storyStatus(story: Pick<BankStory, 'words' | 'seconds' | 'iRatio'>): string {
  const parts = [plural(story.words, 'word'), clock(story.seconds)];
  if (story.iRatio !== undefined) parts.push(`I ${Math.round(story.iRatio * 100)} %`);
  return parts.join(' · ');
}

/** Coverage rows in display order: the gaps first (uncovered, then thin), then the rest, each
 * group in configuration order. */
export function coverageOrder(rows: CoverageRow[]): CoverageRow[] {
  const rank = { uncovered: 0, thin: 1, ok: 2 } as const;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank[a.r.status] - rank[b.r.status] || a.i - b.i)
    .map((x) => x.r);
}

export function coverageDescription(row: CoverageRow): string {
  if (row.status === 'uncovered') return `${row.theme} · no story`;
  return `${row.theme} · ${plural(row.stories.length, 'story')}`;
}

/** A file name for a story title: lower-case words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'story';
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
