// Pure text helpers shared by the trees, the status bar and the heat-map. Nothing here imports
// vscode, so the unit tests run them directly.
import type { BankStory, CompositionRow, CoverageRow } from '../../server/src/engine';

/** Seconds as spoken time, `m:ss`. */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

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
  if (row.status === 'low') return `${row.label}: ${row.count} ${row.count === 1 ? 'story' : 'stories'}, ideally ${idealRange(row)} — add ${row.min - row.count} more.`;
  if (row.status === 'high') return `${row.label}: ${row.count} stories, ideally ${idealRange(row)} — the bank leans on this category.`;
  return undefined;
}

export function problemCount(story: BankStory): number {
  const p = story.problems;
  return p.error + p.warning + p.info + p.hint;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A story row's description: `72 · 2:31 · 3 problems`. */
export function storyDescription(story: BankStory): string {
  return `${story.score.total} · ${mmss(story.seconds)} · ${plural(problemCount(story), 'problem')}`;
}

/** The status-bar text of a story: words, spoken time, I-ratio. */
export function storyStatus(story: Pick<BankStory, 'words' | 'seconds' | 'iRatio'>): string {
  const parts = [plural(story.words, 'word'), mmss(story.seconds)];
  if (story.iRatio !== undefined) parts.push(`I ${Math.round(story.iRatio * 100)} %`);
  return parts.join(' · ');
}

/** Coverage rows in display order: the gaps first (uncovered, then thin), then the rest, each
 * group in configuration order. */
export function coverageOrder(rows: CoverageRow[]): CoverageRow[] {
  const rank = { uncovered: 0, thin: 1, ok: 2 } as const;
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank[a.r.status] - rank[b.r.status] || a.i - b.i).map((x) => x.r);
}

export function coverageDescription(row: CoverageRow): string {
  if (row.status === 'uncovered') return `${row.theme} · no story`;
  return `${row.theme} · ${plural(row.stories.length, 'story', 'stories')}`;
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
