import { countAtMost, type LineIndex } from '../syntax/lines';
import { closest } from '../../../../shared/domain';
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
    const ids = m[2]
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    let cursor = c.span.start + 4 + c.body.indexOf(m[2]);
    for (const id of ids) {
      const idStart = lines.text.indexOf(id, cursor);
      if (!knownRules.has(id)) {
        // A misspelt id has one closest rule id: the fix writes it.
        const suggestion = idStart >= 0 && /^[\w-]+$/.test(id) ? closest(id, [...knownRules]) : undefined;
        problems.push({
          rule: 'inline-config',
          message: `Unknown rule "${id}" in a starlint comment: use a rule id such as "first-person", or leave the ids out to mean all rules.`,
          span: idStart >= 0 ? { start: idStart, end: idStart + id.length } : c.span,
          ...(suggestion
            ? { fix: { title: `Change "${id}" to "${suggestion}"`, edits: [{ start: idStart, end: idStart + id.length, text: suggestion }] } }
            : {}),
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
  // Comments are indexed once so that each finding costs a lookup and two binary searches, not a
  // pass over every comment: a file of thousands of comments and findings stays linear.
  const fileOff = new Set<string>();
  const byLine = new Map<number, Directive[]>();
  const ranged = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.offset - b.offset);
  for (const d of directives) {
    if (d.kind === 'disable-file') for (const rule of d.rules === 'all' ? ['*'] : d.rules) fileOff.add(rule);
    const line = d.kind === 'disable-line' ? d.line : d.kind === 'disable-next-line' ? d.line + 1 : undefined;
    if (line === undefined) continue;
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  }
  // Positions in `ranged` of the comments without ids, and of those naming each rule. The last
  // comment before a finding that applies to its rule decides whether the rule is off there.
  const forAll: number[] = [];
  const forRule = new Map<string, number[]>();
  ranged.forEach((d, i) => {
    if (d.rules === 'all') forAll.push(i);
    else
      for (const rule of new Set(d.rules)) {
        const list = forRule.get(rule);
        if (list) list.push(i);
        else forRule.set(rule, [i]);
      }
  });
  const offsets = ranged.map((d) => d.offset);
  return findings.filter((f) => {
    if (f.rule === 'inline-config') return true;
    if (fileOff.has('*') || fileOff.has(f.rule)) return false;
    const line = lines.lineOf(f.span.start);
    if (byLine.get(line)?.some((d) => applies(d, f.rule))) return false;
    const before = countAtMost(offsets, f.span.start);
    const last = Math.max(lastBelow(forAll, before), lastBelow(forRule.get(f.rule) ?? [], before));
    return last < 0 || ranged[last].kind !== 'disable';
  });
}

/** The largest value of an ascending array below `limit`, or -1. */
function lastBelow(values: number[], limit: number): number {
  const k = countAtMost(values, limit - 1);
  return k > 0 ? values[k - 1] : -1;
}
