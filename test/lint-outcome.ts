// What an incremental lint (`lintEdit`) and a full one (`lintText`) of the same text must share:
// the findings, the errors and every part of the parsed document the editor reads.
import type { LintResult } from '../server/src/engine';

export function lintOutcome(r: LintResult): unknown {
  return {
    findings: r.findings,
    errors: r.errors,
    comments: r.doc.comments,
    problems: r.doc.problems,
    chunks: r.doc.chunks,
    titleDepth: r.doc.titleDepth,
    stories: r.doc.stories.map((s) => [s.index, s.title, s.span, s.titleSpan, s.reach, s.sections.map((x) => [x.kind, x.span])]),
    lines: Array.from({ length: r.lines.lineCount }, (_, i) => r.lines.lineStart(i)),
  };
}
