// The edge between the engine's plain data (offsets, severities) and LSP's (ranges, enums).
// Small pure converters, used by every feature; nothing else in the server builds a Range.
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import { ruleDocsUrl, type Finding, type LineIndex, type Severity, type Span } from '../engine';

export const SOURCE = 'starlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(Math.max(span.end, span.start)) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offset(position.line, position.character);
}

/** Engine-level pseudo-rules (front-matter, inline-config, large-file) have docs pages too. */
export function findingToDiagnostic(lines: LineIndex, f: Finding): Diagnostic {
  return {
    range: toRange(lines, f.span),
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.rule,
    codeDescription: { href: ruleDocsUrl(f.rule) },
    message: f.message,
  };
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Inclusive containment: an offset at either end of the span is inside it (hover at a word's end). */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
