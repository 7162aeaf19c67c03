// The job-match panel's HTML: the competencies a posting asks for, each with the phrase that asks
// for it and the stories that answer it (best first), the gaps first, then the stories to rehearse
// first — what `starlint match` prints, as a table whose stories and evidence are links. Pure (no
// vscode) so the escaping and the structure are unit-tested; the page loads nothing.
import type { BankStory } from '../../shared/protocol';
import type { Competency, MatchResult } from '../../shared/protocol';
import { practiceNote } from '../../shared/drill-words';
import { escapeHtml, plural } from './format';
import { clock } from '../../shared/time';
import { webviewPage, type PageParts } from './webviewPage';

export interface MatchView {
  result: MatchResult;
  stories: BankStory[];
  /** Where the posting came from: a file name, "the clipboard", an editor's title. */
  source: string;
  /** Whether evidence lines can be opened (the posting is a file or an open document). */
  linkable: boolean;
}

export type MatchHtmlOptions = Pick<PageParts, 'cspSource' | 'nonce'>;

/** Stories named in a row before the rest fold away. */
const SHOWN = 3;
const STATUS = { gap: ['✗', 'no story'], thin: ['!', 'one story'], ok: ['✓', 'covered'] } as const;
const FAMILY = { theme: 'question theme', company: 'company value', ml: 'ML skill' } as const;

function storyButton(stories: BankStory[], i: number): string {
  const s = stories[i];
  return `<button type="button" class="link" data-story="${i}" title="${escapeHtml(`${s.uri.split('/').pop()}:${s.line + 1} · ${clock(s.seconds)} · ${practiceNote(s)}`)}">${escapeHtml(s.title)}</button> <span class="score">${s.score.total}</span>`;
}

function evidenceCell(c: Competency, linkable: boolean): string {
  const [first, ...rest] = c.evidence;
  const phrase = (e: Competency['evidence'][number]) => {
    const text = `“${escapeHtml(e.phrase)}”`;
    const where = `<span class="meta">line ${e.line}</span>`;
    return linkable
      ? `<button type="button" class="link evidence" data-line="${e.line}" data-column="${e.column}" title="${escapeHtml(e.excerpt)}">${text}</button> ${where}`
      : `<span title="${escapeHtml(e.excerpt)}">${text}</span> ${where}`;
  };
  if (c.implied) return `<span class="meta">implied: the posting names</span> ${phrase(first)}`;
  const more = rest.length
    ? `<details><summary>${plural(rest.length, 'more phrase')}</summary>${rest.map((e) => `<div>${phrase(e)}</div>`).join('')}</details>`
    : '';
  return `${phrase(first)}${more}`;
}

export function renderMatchHtml(v: MatchView, o: MatchHtmlOptions): string {
  const { result, stories } = v;
  const n = result.competencies.length;
  const gaps = result.competencies.filter((c) => c.status === 'gap');
  const company = result.company ? ` · names ${result.company.label} (line ${result.company.evidence.line})` : '';
  const rows = result.competencies
    .map((c) => {
      const [mark, status] = STATUS[c.status];
      // The best three by name; the others behind a disclosure, so one row stays a few lines high.
      const item = (i: number) => `<li>${storyButton(stories, i)}</li>`;
      const rest = c.stories.slice(SHOWN);
      const cell = c.stories.length
        ? `<ol class="stories">${c.stories.slice(0, SHOWN).map(item).join('')}</ol>${rest.length ? `<details><summary>${plural(rest.length, 'more story', 'more stories')}</summary><ol class="stories" start="${SHOWN + 1}">${rest.map(item).join('')}</ol></details>` : ''}`
        : '<span class="gap-text">none — write one</span>';
      // A theme is named by its question; a value or a skill by its label.
      const label = c.family === 'theme' ? c.question : c.label;
      return `<tr class="${c.status}"><td class="status" title="${status}"><span aria-hidden="true">${mark}</span><span class="sr">${status}</span></td><th scope="row"><span class="label">${escapeHtml(label)}</span><code>${escapeHtml(c.id)}</code><span class="meta">${FAMILY[c.family]}</span></th><td>${evidenceCell(c, v.linkable)}</td><td>${cell}</td></tr>`;
    })
    .join('\n');
  const table =
    n === 0
      ? '<p class="empty">No competency of the lexicon (docs/match.md) found in this posting.</p>'
      : `<table aria-label="Competencies the posting asks for, gaps first"><thead><tr><th scope="col"><span class="sr">Status</span></th><th scope="col">Competency</th><th scope="col">Asked for</th><th scope="col">Stories (best first)</th></tr></thead><tbody>
${rows}
</tbody></table>`;
  const rehearse = result.rehearse.length
    ? `<section><h2>Rehearse first</h2><ol class="rehearse">${result.rehearse
        .map((r) => {
          const s = stories[r.story];
          const notes = [r.due ? practiceNote(s) : undefined, r.weak ? `weak (${s.score.total}/100)` : undefined].filter(Boolean).join('; ');
          return `<li>${storyButton(stories, r.story)} <span class="meta">— answers ${r.answers.length} of ${n}: ${escapeHtml(r.answers.join(', '))}${notes ? `; ${escapeHtml(notes)}` : ''}</span></li>`;
        })
        .join('')}</ol></section>`
    : '';
  const gapText = gaps.length
    ? `<p class="gaps">Gaps: ${gaps.map((g) => `<code>${escapeHtml(g.id)}</code>`).join(', ')} — no story answers ${gaps.length === 1 ? 'it' : 'them'}.</p>`
    : n
      ? '<p class="covered">Every competency this posting asks for has a story.</p>'
      : '';
  return webviewPage({
    cspSource: o.cspSource,
    nonce: o.nonce,
    title: 'Job Match',
    style: STYLE,
    script: SCRIPT,
    body: `<h1>Job match</h1>
<p class="meta">${escapeHtml(`${v.source} · ${plural(result.words, 'word')}${company} · ${plural(stories.length, 'story', 'stories')} in the bank`)}</p>
<p class="summary">${escapeHtml(n ? `${plural(n, 'competency')} asked for · ${n - gaps.length} answered by your stories · ${plural(gaps.length, 'gap')}` : '')}</p>
${table}
${rehearse}
${gapText}`,
  });
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.4em; font-weight: 600; }
h2 { font-size: 1.15em; font-weight: 600; margin-top: 1.4em; }
.meta, .summary { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 8px 0; width: 100%; }
th, td { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { font-weight: 600; color: var(--vscode-descriptionForeground); }
th[scope=row] { font-weight: normal; min-width: 12em; max-width: 22em; }
td:last-child { min-width: 22em; }
th[scope=row] .label { display: block; font-weight: 600; }
th[scope=row] code { display: table; font-size: 0.9em; }
th[scope=row] .meta { display: block; font-size: 0.9em; }
td.status { width: 1.5em; text-align: center; font-weight: 700; }
tr.gap td.status, .gap-text { color: var(--vscode-errorForeground); }
tr.thin td.status { color: var(--vscode-editorWarning-foreground); }
tr.ok td.status { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
ol.stories { margin: 0; padding-left: 1.4em; }
ol.stories li { white-space: nowrap; }
.score { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
button.link { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; cursor: pointer; text-align: left; }
button.link:hover { text-decoration: underline; }
button.link:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
details summary { color: var(--vscode-descriptionForeground); cursor: pointer; }
.gaps { color: var(--vscode-editorWarning-foreground); }
code { font-family: var(--vscode-editor-font-family); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  for (const b of document.querySelectorAll('[data-story]')) b.addEventListener('click', () => vscode.postMessage({ type: 'open', story: Number(b.dataset.story) }));
  for (const b of document.querySelectorAll('[data-line]')) b.addEventListener('click', () => vscode.postMessage({ type: 'evidence', line: Number(b.dataset.line), column: Number(b.dataset.column) }));
})();
`;
