// The CLI's finding: the engine's offsets converted once to 1-based lines and columns, and the
// one sort order every output format shares.
import type { BankFinding, Finding, LineIndex, Severity } from '../engine';

/**
 * One finding as the CLI prints it. Lines and columns are 1-based; `endColumn` is exclusive (the
 * column just after the last character), as in ESLint and SARIF; columns count UTF-16 code units.
 * A bank-wide finding (about the bank as a whole, not a file) has `file: null` and every position 0.
 */
export interface CliFinding {
  file: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /** The story the finding is about (its index in the file), when it is about one. */
  story?: number;
}

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

export function toCliFinding(file: string | null, lines: LineIndex | undefined, f: Finding | BankFinding): CliFinding {
  // A message is one line; a quoted phrase that spans a line break in the source is joined.
  const message = f.message.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ');
  if (file === null || !lines) return { file: null, line: 0, column: 0, endLine: 0, endColumn: 0, severity: f.severity, rule: f.rule, message };
  const start = lines.position(f.span.start);
  const end = lines.position(Math.max(f.span.end, f.span.start));
  const row: CliFinding = {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: f.severity,
    rule: f.rule,
    message,
  };
  if (f.story !== undefined) row.story = f.story;
  return row;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file (bank-wide findings last), line, column, then end, rule and message for a stable order. */
export function compareFindings(a: CliFinding, b: CliFinding): number {
  if (a.file !== b.file) {
    if (a.file === null) return 1;
    if (b.file === null) return -1;
    return compareText(a.file, b.file);
  }
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

export function countBySeverity(findings: CliFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export { plural } from '../../../shared/wording';

/** Minimal ANSI styling; every function is the identity when colour is off. */
export interface Colors {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

export function colors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (enabled && s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    enabled,
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}

export function severityColor(c: Colors, severity: Severity): (s: string) => string {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : severity === 'info' ? c.blue : c.dim;
}

/**
 * Lays out rows of cells in aligned columns; widths are measured on the plain text and `style`
 * colours a cell after padding, so ANSI codes never break the alignment.
 */
export function table(
  rows: string[][],
  options: { align?: ('l' | 'r')[]; indent?: string; style?: (col: number, text: string, row: number) => string } = {},
): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map(
    (row, r) =>
      (options.indent ?? '') +
      row
        .map((cell, i) => {
          const last = i === row.length - 1;
          const pad = ' '.repeat(widths[i] - width(cell));
          const aligned = options.align?.[i] === 'r' ? pad + cell : last ? cell : cell + pad;
          return options.style ? styleAligned(aligned, cell, (t) => options.style!(i, t, r)) : aligned;
        })
        .join('  ')
        .trimEnd(),
  );
}

function styleAligned(aligned: string, cell: string, style: (t: string) => string): string {
  if (!cell) return aligned;
  const at = aligned.indexOf(cell);
  return aligned.slice(0, at) + style(cell) + aligned.slice(at + cell.length);
}

/** Display width: code points, not UTF-16 units, so "✓" and "–" count as one. */
export function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
