// `--format json`: exactly one JSON array of findings (SPEC §5), sorted by file, line, column.
import type { CliFinding } from './report';

export function formatJson(findings: CliFinding[]): string {
  return JSON.stringify(
    findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
    null,
    2,
  );
}
