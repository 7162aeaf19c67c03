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
  for (const [file, all] of byFile) {
    const list = oncePerStory(all);
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

/**
 * One row per story for `first-person`, whose finding marks every "we" of an Action with the same
 * message: the first "we" stands for them, with the count and the lines of the others ("8 × we").
 * The editor still marks each one, and the machine formats list each finding.
 */
export function oncePerStory(list: CliFinding[]): CliFinding[] {
  const out: CliFinding[] = [];
  let group: { row: CliFinding; message: string; lines: number[] } | undefined;
  for (const f of list) {
    if (f.rule !== 'first-person') {
      out.push(f);
      continue;
    }
    // The rows of one story share a message (its counts); another story's rows start a new group.
    if (group && group.message === f.message && group.row.story === f.story) {
      group.lines.push(f.line);
      const lines = [...new Set(group.lines)];
      group.row.message = `${group.lines.length} × "we" (${lines.length > 1 ? 'lines' : 'line'} ${lines.join(', ')}): ${f.message}`;
      continue;
    }
    group = { row: { ...f }, message: f.message, lines: [f.line] };
    out.push(group.row);
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
