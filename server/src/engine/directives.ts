import type { LineIndex } from './lines';
import type { Finding, HtmlComment, ParseProblem } from './types';

/**
 * Inline configuration comments, as markdownlint users expect them:
 * `<!-- starlint-disable rule-id … -->`, `starlint-enable`, `starlint-disable-line`,
 * `starlint-disable-next-line` and `starlint-disable-file`; without ids they apply to all rules.
 */
const DIRECTIVE = /^\s*starlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*)$/;

interface Directive {
  kind: string;
  rules: string[] | 'all';
  line: number;
  offset: number;
}

export function readDirectives(comments: HtmlComment[], lines: LineIndex, knownRules: Set<string>, problems: ParseProblem[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const ids = m[2].trim().split(/[\s,]+/).filter(Boolean);
    let cursor = c.span.start + 4 + c.body.indexOf(m[2]);
    for (const id of ids) {
      const idStart = lines.text.indexOf(id, cursor);
      if (!knownRules.has(id)) {
        problems.push({
          rule: 'inline-config',
          message: `Unknown rule "${id}" in a starlint comment: use a rule id such as "first-person", or leave the ids out to mean all rules.`,
          span: idStart >= 0 ? { start: idStart, end: idStart + id.length } : c.span,
        });
      }
      if (idStart >= 0) cursor = idStart + id.length;
    }
    out.push({ kind: m[1], rules: ids.length ? ids : 'all', line: lines.lineOf(c.span.start), offset: c.span.start });
  }
  return out;
}

/** Drops the findings that inline comments switch off. */
export function applyDirectives(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const applies = (d: Directive, rule: string): boolean => d.rules === 'all' || d.rules.includes(rule);
  const fileOff = directives.filter((d) => d.kind === 'disable-file');
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.offset - b.offset);
  return findings.filter((f) => {
    if (f.rule === 'inline-config') return true;
    if (fileOff.some((d) => applies(d, f.rule))) return false;
    const line = lines.lineOf(f.span.start);
    for (const d of directives) {
      if (d.kind === 'disable-line' && d.line === line && applies(d, f.rule)) return false;
      if (d.kind === 'disable-next-line' && d.line + 1 === line && applies(d, f.rule)) return false;
    }
    let disabled = false;
    for (const d of ranged) {
      if (d.offset > f.span.start) break;
      if (applies(d, f.rule)) disabled = d.kind === 'disable';
      else if (d.kind === 'enable' && d.rules === 'all') disabled = false;
    }
    return !disabled;
  });
}
