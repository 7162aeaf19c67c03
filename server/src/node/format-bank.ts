// The bank report of `--bank`: stories with their strength score, the composition by category,
// the coverage of question themes (gaps first), the bank findings, and each score's rubric.
// `--format bank-json` prints the same report as one JSON object.
import { formatScore, scoreValue, type BankReport, type LineIndex } from '../engine';
import { plural, severityColor, table, toCliFinding, type CliFinding, type Colors } from './report';
import { severityCounts } from '../../../shared/wording';
import { clock } from '../../../shared/time';

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function ideal(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}

const COVERAGE_ORDER = { uncovered: 0, thin: 1, ok: 2 } as const;

export function formatBankText(report: BankReport, bankFindings: CliFinding[], c: Colors): string[] {
  const out: string[] = [];
  const files = new Set(report.stories.map((s) => s.uri)).size;
  const n = report.stories.length;
  out.push(c.bold(`Story bank: ${plural(n, 'story')} in ${plural(files, 'file')} (today ${report.today})`), '');

  if (report.stories.length) {
    const rows = [['#', 'Story', 'Category', 'Score', 'Time', 'Problems']];
    report.stories.forEach((s, i) => {
      rows.push([
        String(i + 1),
        truncate(s.title, 56),
        s.inferred?.category ? `${s.category} (inferred)` : (s.category ?? '—'),
        scoreValue(s.score),
        clock(s.seconds),
        severityCounts(s.problems) || '—',
      ]);
    });
    out.push(
      ...table(rows, {
        indent: '  ',
        align: ['r', 'l', 'l', 'r', 'r', 'l'],
        style: (col, text, row) => (row === 0 ? c.dim(text) : col === 3 ? scoreColor(c, Number(text))(text) : text),
      }),
      '',
    );
  }

  out.push(c.bold('Composition'));
  const composition = [['Category', 'Stories', 'Ideal', 'Status']];
  for (const r of report.composition)
    composition.push([r.category, String(r.count), ideal(r.min, r.max), r.status === 'ok' ? '✓ ok' : r.status === 'low' ? '✗ too few' : '✗ too many']);
  out.push(
    ...table(composition, {
      indent: '  ',
      align: ['l', 'r', 'l', 'l'],
      style: (col, text, row) => (row === 0 ? c.dim(text) : col === 3 ? (text.startsWith('✓') ? c.green(text) : c.yellow(text)) : text),
    }),
    '',
  );

  out.push(c.bold('Coverage'));
  const coverage = [['Theme', 'Stories', 'Status', 'Answered by']];
  const rows = [...report.coverage].sort((a, b) => COVERAGE_ORDER[a.status] - COVERAGE_ORDER[b.status]);
  for (const r of rows) {
    const status = r.status === 'uncovered' ? '✗ uncovered' : r.status === 'thin' ? '! thin' : '✓ ok';
    coverage.push([r.theme, String(r.stories.length), status, r.stories.map((i) => `#${i + 1}`).join(' ') || '—']);
  }
  out.push(
    ...table(coverage, {
      indent: '  ',
      align: ['l', 'r', 'l', 'l'],
      style: (col, text, row) =>
        row === 0 ? c.dim(text) : col === 2 ? (text.startsWith('✓') ? c.green(text) : text.startsWith('✗') ? c.red(text) : c.yellow(text)) : text,
    }),
    '',
  );

  if (bankFindings.length) {
    out.push(c.bold('Bank findings'));
    const rows = bankFindings.map((f) => [f.file === null ? '(bank)' : `${f.file}:${f.line}:${f.column}`, f.severity, f.message, f.rule]);
    out.push(
      ...table(rows, {
        indent: '  ',
        style: (col, text, row) => (col === 0 || col === 3 ? c.dim(text) : col === 1 ? severityColor(c, bankFindings[row].severity)(text) : text),
      }),
      '',
    );
  }

  const weak = report.stories.map((s, i) => ({ s, i })).filter(({ s }) => s.score.total < 100 || s.score.draft);
  if (weak.length) {
    out.push(c.bold('Scores below 100'));
    for (const { s, i } of weak) {
      const [head, ...criteria] = formatScore(s.score);
      out.push(`  #${i + 1} ${s.title} — ${head}`);
      for (const line of criteria) out.push(`      ${line}`);
    }
    out.push('');
  }
  return out;
}

function scoreColor(c: Colors, score: number): (s: string) => string {
  if (Number.isNaN(score)) return c.dim; // a draft
  return score >= 80 ? c.green : score >= 60 ? c.yellow : c.red;
}

/** The bank report as plain JSON: file paths relative to the working directory, lines 1-based. */
export function bankJson(report: BankReport, bankFindings: CliFinding[], linesOf: (file: string) => LineIndex | undefined): unknown {
  return {
    today: report.today,
    stories: report.stories.map((s) => {
      const lines = linesOf(s.uri);
      const title = lines ? toCliFinding(s.uri, lines, { rule: '', message: '', severity: 'info', span: s.span }) : undefined;
      return {
        file: s.uri,
        line: s.line + 1,
        column: title?.column ?? 1,
        index: s.index,
        title: s.title,
        category: s.category ?? null,
        themes: s.themes,
        inferred: s.inferred ?? null,
        date: s.date ?? null,
        score: s.score,
        words: s.words,
        seconds: s.seconds,
        problems: s.problems,
        followUps: s.followUps ?? null,
        practice: s.practice,
        principles: s.principles,
        headlineMetric: s.headlineMetric ?? null,
        iRatio: s.iRatio ?? null,
      };
    }),
    composition: report.composition,
    coverage: report.coverage,
    findings: bankFindings,
  };
}
