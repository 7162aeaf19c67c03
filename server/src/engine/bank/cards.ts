import type { BankFile, BankReport } from './bank';
import { FOLLOW_UPS, THEMES } from '../../../../shared/domain';
import { clock } from '../../../../shared/time';
import { sentences } from '../syntax/prose';
import { lessonPart } from '../model/text';
import { LESSON } from '../facts/cues';
import { scoreText } from '../../../../shared/score-format';
import type { Story } from '../model/types';

/**
 * Cue cards (SPEC §6): one printable page per story with the title, a 30-second summary, the
 * headline metric, the lesson, the themes and the follow-up cues. Pure: text in, text out.
 */
export interface Card {
  title: string;
  category?: string;
  /** The strength as shown: "72/100", or "draft" while template placeholders are left. */
  strength: string;
  spoken: string;
  summary: string;
  metric?: string;
  lesson?: string;
  themes: string[];
  followUps: { question: string; ready: boolean }[];
}

export function buildCards(files: BankFile[], report: BankReport): Card[] {
  return report.stories.map((s) => {
    const file = files.find((f) => f.uri === s.uri);
    const story = file?.result.doc.stories[s.index];
    const ready = new Set(s.followUps?.answered ?? []);
    return {
      title: s.title,
      category: s.category,
      strength: scoreText(s.score),
      spoken: clock(s.seconds),
      summary: story ? summaryOf(story) : '',
      metric: s.headlineMetric,
      lesson: story ? lessonOf(story) : undefined,
      // The question as the configuration words it (a theme of the user's own), else the built-in one.
      themes: s.themes.map((t) => report.coverage.find((c) => c.theme === t)?.question ?? THEMES.find((x) => x.id === t)?.question ?? t),
      followUps: FOLLOW_UPS.map((f) => ({ question: f.question, ready: ready.has(f.id) })),
    };
  });
}

/** The Summary section, else the first sentence of Situation, Task and Result. */
function summaryOf(story: Story): string {
  const summary = story.layers.summary;
  if (summary && !summary.prose.isEmpty) return clip(summary.prose.text, 120);
  const first = (kind: 'situation' | 'task' | 'result'): string => sentences(story.star[kind]?.prose.text ?? '')[0]?.text ?? '';
  return clip([first('situation'), first('task'), first('result')].filter(Boolean).join(' '), 120);
}

function lessonOf(story: Story): string | undefined {
  const result = story.star.result;
  if (!result) return undefined;
  const said = sentences(result.prose.text).find((s) => LESSON.test(s.text)) ?? sentences(lessonPart(result)?.prose.text ?? '')[0];
  return said?.text.replace(/\s+/g, ' ');
}

function clip(text: string, words: number): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')} …`;
}

export function cardsToMarkdown(cards: Card[]): string {
  const out: string[] = ['# Cue cards', ''];
  for (const c of cards) {
    out.push(`## ${c.title}`, '');
    out.push(`*${c.category ?? 'uncategorised'} · strength ${c.strength} · ${c.spoken} spoken*`, '');
    out.push(`**In 30 seconds:** ${c.summary || '—'}`, '');
    out.push(`**Headline metric:** ${c.metric ?? '— (add one to the Result)'}`, '');
    out.push(`**Lesson:** ${c.lesson ?? '— (add one to the Result)'}`, '');
    out.push(`**Answers:** ${c.themes.length ? c.themes.join('; ') : '—'}`, '');
    out.push('**Follow-ups:**', '');
    for (const f of c.followUps) out.push(`- [${f.ready ? 'x' : ' '}] ${f.question}`);
    out.push('', '---', '');
  }
  return out.join('\n');
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function cardsToHtml(cards: Card[], generated: string): string {
  const body = cards
    .map(
      (c) => `<section class="card">
  <header><h2>${escape(c.title)}</h2><p class="meta">${escape(c.category ?? 'uncategorised')} · strength ${escape(c.strength)} · ${escape(c.spoken)} spoken</p></header>
  <dl>
    <dt>In 30 seconds</dt><dd>${escape(c.summary || '—')}</dd>
    <dt>Headline metric</dt><dd class="metric">${escape(c.metric ?? '— (add one to the Result)')}</dd>
    <dt>Lesson</dt><dd>${escape(c.lesson ?? '— (add one to the Result)')}</dd>
    <dt>Answers</dt><dd><ul class="themes">${c.themes.map((t) => `<li>${escape(t)}</li>`).join('') || '<li>—</li>'}</ul></dd>
    <dt>Follow-ups</dt><dd><ul class="followups">${c.followUps.map((f) => `<li class="${f.ready ? 'ready' : 'todo'}">${f.ready ? '✓' : '○'} ${escape(f.question)}</li>`).join('')}</ul></dd>
  </dl>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>starlint cue cards</title>
<style>
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 0; background: #f4f4f6; }
  .card { background: #fff; max-width: 180mm; margin: 12mm auto; padding: 14mm 16mm; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  h2 { margin: 0 0 2mm; font-size: 22px; }
  .meta { margin: 0 0 6mm; color: #666; }
  dt { font-weight: 600; margin-top: 4mm; text-transform: uppercase; font-size: 11px; letter-spacing: .06em; color: #555; }
  dd { margin: 1mm 0 0; }
  .metric { font-size: 20px; font-weight: 600; }
  ul { margin: 0; padding-left: 0; list-style: none; }
  .themes li { display: inline-block; border: 1px solid #ccc; border-radius: 3px; padding: 0 2mm; margin: 0 1mm 1mm 0; }
  .followups .todo { color: #9a6700; }
  footer { text-align: center; color: #888; font-size: 12px; margin: 8mm; }
  @page { size: A4; margin: 12mm; }
  @media print {
    body { background: none; }
    .card { box-shadow: none; margin: 0; max-width: none; page-break-after: always; break-after: page; }
    footer { display: none; }
  }
</style>
</head>
<body>
${body}
<footer>Generated by starlint on ${escape(generated)} — printed locally, nothing was sent anywhere.</footer>
</body>
</html>
`;
}
