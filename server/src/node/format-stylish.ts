// The default, human format, modelled on ESLint's "stylish": a header per file, then one aligned
// row per finding (`line:column  severity  message  rule`), then a one-line summary.
import { countBySeverity, plural, severityColor, table, type CliFinding, type Colors } from './report';
import { severityCounts } from '../../../shared/wording';

/** The findings of each file, in the order given (already sorted). Bank-wide findings are left to the bank report. */
export function formatStylishFindings(findings: CliFinding[], c: Colors): string[] {
  const out: string[] = [];
  const byFile = new Map<string, CliFinding[]>();
  for (const f of findings) {
    if (f.file === null) continue;
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  }
  for (const [file, list] of byFile) {
    out.push(c.underline(file));
    const lineWidth = Math.max(...list.map((f) => String(f.line).length));
    const columnWidth = Math.max(...list.map((f) => String(f.column).length));
    const rows = list.map((f) => [`${String(f.line).padStart(lineWidth)}:${String(f.column).padEnd(columnWidth)}`, f.severity, f.message, f.rule]);
    out.push(
      ...table(rows, {
        indent: '  ',
        style: (col, text, row) => (col === 0 || col === 3 ? c.dim(text) : col === 1 ? severityColor(c, list[row].severity)(text) : text),
      }),
    );
    out.push('');
  }
  return out;
}

/** "✖ 14 problems (1 error, 11 warnings, 2 infos)", with hints named only when there are some (nouns: shared/wording). */
export function formatSummary(findings: CliFinding[], c: Colors): string[] {
  if (findings.length === 0) return [];
  const n = countBySeverity(findings);
  const line = `\u2716 ${plural(findings.length, 'problem')} (${severityCounts(n, ['error', 'warning', 'info'])})`;
  const color = n.error ? c.red : n.warning ? c.yellow : c.blue;
  return [color(c.bold(line))];
}
