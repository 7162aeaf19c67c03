// Findings → diagnostics, and the debounce that keeps squiggles off the sentence being typed.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, type Span } from '../engine';
import { allFindings, type Analysis } from './analysis';
import { SOURCE, findingToDiagnostic, toRange } from './convert';

/** The diagnostics of a document: none at all unless it is a story file. */
export function diagnosticsFor(a: Analysis): Diagnostic[] {
  return allFindings(a).map((f) => findingToDiagnostic(a.result.lines, f));
}

/**
 * Runs one pending task per key after a quiet period; a newer call for the same key replaces
 * the older.
 */
export class Debouncer {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; task: () => void }>();

  schedule(key: string, delayMs: number, task: () => void): void {
    this.cancel(key);
    // Even a zero delay stays asynchronous, so a burst of changes read at once lints once.
    const timer = setTimeout(() => this.run(key), Math.max(0, delayMs));
    this.timers.set(key, { timer, task });
  }

  pending(key: string): boolean {
    return this.timers.has(key);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t.timer);
    this.timers.delete(key);
  }

  private run(key: string): void {
    const t = this.timers.get(key);
    if (!t) return;
    clearTimeout(t.timer);
    this.timers.delete(key);
    t.task();
  }
}

/** The problems of a `.starlintrc.json` as diagnostics, at the spans `parseConfigFile` gives them. */
export function configDiagnostics(text: string, problems: { message: string; span: Span }[]): Diagnostic[] {
  const lines = new LineIndex(text);
  return problems.map((p) => ({ range: toRange(lines, p.span), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: p.message }));
}
