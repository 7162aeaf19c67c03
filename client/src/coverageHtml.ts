// The coverage heat-map's HTML: stories × question themes, or — when the bank is tuned for
// Amazon — stories × Leadership Principles, with a toggle between the two. Pure (no vscode), so
// the escaping and the table structure are unit-tested. Every string from a story file goes through
// escapeHtml; colours come from the VS Code theme's CSS variables; nothing remote is loaded.
import type { BankReport, BankStory, CoverageRow } from '../../shared/protocol';
import { clock } from '../../shared/time';
import { coverageOrder, escapeHtml, plural, principleCoverage, scoreText, showsPrinciples } from './format';
import { webviewPage } from './webviewPage';

export type CoverageMode = 'themes' | 'principles';

export interface CoverageHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for the inline style and script. */
  nonce: string;
  /** The columns: question themes (default), or Leadership Principles when the bank is tuned for Amazon. */
  mode?: CoverageMode;
}

export type CoverageReport = Pick<BankReport, 'stories' | 'coverage'> & { targetCompany?: string };

/** What one kind of column is called, in the page and in each cell's label. */
interface Columns {
  rows: CoverageRow[];
  title: string;
  noun: string;
  yes: string;
  no: string;
  gap: string;
}

function columnsFor(report: CoverageReport, mode: CoverageMode): Columns {
  if (mode === 'principles') {
    return {
      rows: coverageOrder(principleCoverage(report.stories)),
      title: 'Leadership Principles',
      noun: 'principle',
      yes: 'names',
      no: 'does not name',
      gap: 'named by no story',
    };
  }
  return { rows: coverageOrder(report.coverage), title: 'Question coverage', noun: 'theme', yes: 'answers', no: 'does not answer', gap: 'uncovered' };
}

/** The heat level of an answered cell, from the story's strength: 1 (weak) to 4 (strong). */
export function heat(score: number): 1 | 2 | 3 | 4 {
  return score >= 85 ? 4 : score >= 70 ? 3 : score >= 50 ? 2 : 1;
}

export function renderCoverageHtml(report: CoverageReport, o: CoverageHtmlOptions): string {
  const toggle = showsPrinciples(report);
  const mode: CoverageMode = toggle && o.mode === 'principles' ? 'principles' : 'themes';
  const cols = columnsFor(report, mode);
  const columns = cols.rows;
  const gaps = columns.filter((c) => c.status === 'uncovered');
  const summary = [
    plural(report.stories.length, 'story'),
    plural(columns.length, cols.noun),
    gaps.length ? `${gaps.length} ${cols.gap}: ${gaps.map((g) => g.theme).join(', ')}` : `every ${cols.noun} covered`,
  ].join(' · ');
  const body =
    report.stories.length === 0
      ? '<p class="empty">No story files in this workspace yet. Run <strong>starlint: New Story</strong> to write one.</p>'
      : table(report.stories, cols);
  // Amazon interviewers listen for the Leadership Principles: the page can show those instead.
  const modes = toggle ? modeToggle(mode) : '';
  return webviewPage({
    cspSource: o.cspSource,
    nonce: o.nonce,
    title: cols.title,
    style: STYLE,
    script: SCRIPT,
    body: `<h1>${escapeHtml(cols.title)}</h1>
${modes}
<p class="summary">${escapeHtml(summary)}</p>
${body}
<p class="legend"><span class="swatch heat-4"></span> strong story (85+) <span class="swatch heat-3"></span> 70+ <span class="swatch heat-2"></span> 50+ <span class="swatch heat-1"></span> under 50 <span class="swatch draft"></span> draft (placeholders left) · arrow keys move, Enter or a click on a title opens the story</p>`,
  });
}

const MODES: [CoverageMode, string][] = [
  ['themes', 'Question themes'],
  ['principles', 'Leadership Principles'],
];

/** Two buttons that ask the extension (the script posts a message) to switch the columns. */
function modeToggle(current: CoverageMode): string {
  const buttons = MODES.map(
    ([id, label]) =>
      `<button type="button" role="radio" data-mode="${id}" aria-checked="${id === current}"${id === current ? ' class="active"' : ''}>${label}</button>`,
  );
  return `<div class="modes" role="radiogroup" aria-label="Columns">${buttons.join('')}</div>`;
}

function table(stories: BankStory[], cols: Columns): string {
  const columns = cols.rows;
  const head = columns
    .map((c) => `<th scope="col" class="theme ${c.status}" data-nav title="${escapeHtml(c.question)}"><span>${escapeHtml(c.theme)}</span></th>`)
    .join('');
  const rows = stories
    .map((s, i) => {
      const cells = columns
        .map((c) => {
          const yes = c.stories.includes(i);
          const label = `${s.title} ${yes ? cols.yes : cols.no} “${c.question}”`;
          return `<td class="cell ${yes ? `yes ${s.score.draft ? 'draft' : `heat-${heat(s.score.total)}`}` : 'no'}${c.status === 'uncovered' ? ' gap' : ''}" data-nav data-story="${i}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${yes ? '●' : ''}</td>`;
        })
        .join('');
      const meta = `${s.category ?? 'no category'} · ${scoreText(s.score)} · ${clock(s.seconds)}`;
      return `<tr><th scope="row" class="story" data-nav data-story="${i}"><span class="title">${escapeHtml(s.title)}</span><span class="meta">${escapeHtml(meta)}</span></th>${cells}</tr>`;
    })
    .join('\n');
  const counts = columns.map((c) => `<td class="count ${c.status}" data-nav title="${escapeHtml(c.question)}">${c.stories.length}</td>`).join('');
  return `<table role="grid" aria-label="${escapeHtml(`${cols.title}: stories by ${cols.noun}s, gaps first`)}">
<thead><tr><td class="corner"></td>${head}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" class="total" data-nav>Stories per ${cols.noun}</th>${counts}</tr></tfoot>
</table>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.4em; font-weight: 600; }
.summary, .legend, .meta { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 4px 6px; }
thead th { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; font-weight: 600; padding: 6px 4px; white-space: nowrap; }
thead th.uncovered, td.count.uncovered { color: var(--vscode-errorForeground); }
thead th.thin, td.count.thin { color: var(--vscode-editorWarning-foreground); }
td.corner { border: none; }
th.story { text-align: left; font-weight: normal; min-width: 16em; max-width: 28em; }
th.story .title { display: block; font-weight: 600; overflow-wrap: anywhere; }
th.story .meta { display: block; font-size: 0.9em; }
td.cell { width: 2.2em; height: 2.2em; text-align: center; color: var(--vscode-editor-background); }
td.cell.gap { background: var(--vscode-inputValidation-errorBackground, transparent); }
.heat-1 { background: color-mix(in srgb, var(--vscode-charts-blue) 30%, transparent); }
.heat-2 { background: color-mix(in srgb, var(--vscode-charts-blue) 55%, transparent); }
.heat-3 { background: color-mix(in srgb, var(--vscode-charts-blue) 80%, transparent); }
.heat-4 { background: var(--vscode-charts-blue); }
.draft { background: repeating-linear-gradient(45deg, transparent 0 4px, color-mix(in srgb, var(--vscode-charts-blue) 35%, transparent) 4px 8px); }
td.count { text-align: center; font-weight: 600; }
th.total { text-align: left; font-weight: 600; }
[data-nav]:focus { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
th.story, td.cell { cursor: pointer; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: middle; border: 1px solid var(--vscode-panel-border, transparent); }
.empty { color: var(--vscode-descriptionForeground); }
.modes { display: inline-flex; border: 1px solid var(--vscode-button-border, var(--vscode-panel-border, transparent)); border-radius: 2px; }
.modes button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 4px 10px; cursor: pointer; }
.modes button.active { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
.modes button:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
`;

// Roving focus over the grid: one cell is tabbable; the arrow keys, Home/End and Ctrl+Home/End
// move it; Enter or Space on a story's row opens the story.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  for (const button of document.querySelectorAll('[data-mode]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'mode', mode: button.dataset.mode }));
  }
  const table = document.querySelector('table');
  if (!table) return;
  const grid = Array.from(table.rows).map((tr) => Array.from(tr.cells).filter((c) => c.hasAttribute('data-nav')));
  const pos = (el) => { for (let r = 0; r < grid.length; r++) { const c = grid[r].indexOf(el); if (c >= 0) return [r, c]; } return undefined; };
  let current = grid[1] && grid[1][0] ? grid[1][0] : grid[0][0];
  const state = vscode.getState();
  if (state && grid[state.r] && grid[state.r][state.c]) current = grid[state.r][state.c];
  for (const row of grid) for (const cell of row) cell.tabIndex = -1;
  current.tabIndex = 0;
  const focus = (el) => {
    if (!el) return;
    current.tabIndex = -1;
    current = el;
    el.tabIndex = 0;
    el.focus();
    const p = pos(el);
    if (p) vscode.setState({ r: p[0], c: p[1] });
  };
  const at = (r, c) => { const row = grid[Math.max(0, Math.min(grid.length - 1, r))]; return row[Math.max(0, Math.min(row.length - 1, c))]; };
  const open = (el) => { if (el && el.dataset.story !== undefined) vscode.postMessage({ type: 'open', story: Number(el.dataset.story) }); };
  table.addEventListener('keydown', (e) => {
    const p = pos(document.activeElement);
    if (!p) return;
    let [r, c] = p;
    // The header and footer rows have no row-header cell: keep columns aligned with the body.
    const offset = (row) => (grid[row].length < grid[1 < grid.length ? 1 : 0].length ? 1 : 0);
    const col = c + offset(r);
    switch (e.key) {
      case 'ArrowRight': c += 1; break;
      case 'ArrowLeft': c -= 1; break;
      case 'ArrowDown': r += 1; c = col - offset(Math.min(grid.length - 1, r)); break;
      case 'ArrowUp': r -= 1; c = col - offset(Math.max(0, r)); break;
      case 'Home': if (e.ctrlKey) r = 0; c = 0; break;
      case 'End': if (e.ctrlKey) r = grid.length - 1; c = grid[r].length - 1; break;
      case 'Enter': case ' ': open(document.activeElement); e.preventDefault(); return;
      default: return;
    }
    e.preventDefault();
    focus(at(r, c));
  });
  // A click focuses a cell; a click on a story's title (or Enter anywhere in its row) opens it.
  table.addEventListener('click', (e) => {
    const el = e.target.closest('[data-nav]');
    if (!el) return;
    focus(el);
    if (el.matches('th.story')) open(el);
  });
})();
`;
