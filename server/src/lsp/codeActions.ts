// Quick fixes and the fix-all source action. The edits are the rules' own (a finding's `fix` and
// `suggestions`, in engine/facts/edits.ts); the server adds only the disable comments. Each is
// tested by applying it and linting again through the server.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { type Finding, type FixOffer } from '../engine';
import { lineEnd } from '../engine/facts/edits';
import { allFindings, type Analysis } from './analysis';
import { SOURCE, findingToDiagnostic, rangesOverlap, sameRange, toRange } from './convert';

export { addSectionTitle } from '../engine/facts/edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.starlint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/** The code actions for a range: quick fixes for the findings there, and fix-all when asked for. */
export function codeActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  if (!a.isStory) return [];
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const lines = a.result.lines;
    const overlapping = allFindings(a).filter((f) => rangesOverlap(toRange(lines, f.span), params.range));
    // Fixes for the diagnostics the client asks about; for all findings in the range when it
    // names none of ours (or names them at stale positions).
    const asked = params.context.diagnostics.filter((d) => d.source === SOURCE);
    const matched = overlapping.filter((f) => asked.some((d) => d.code === f.rule && sameRange(d.range, toRange(lines, f.span))));
    const here = matched.length ? matched : overlapping;
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const seen = new Set<string>();
    for (const f of here) {
      const diagnostic =
        params.context.diagnostics.find((d) => d.code === f.rule && sameRange(d.range, toRange(lines, f.span))) ?? findingToDiagnostic(lines, f);
      for (const fix of quickFixes(a, f)) fixes.push(quickFix(a, fix.title, [fix.edit, ...(fix.more ?? [])], diagnostic, fix.preferred));
      for (const d of disableActions(a, f)) {
        if (seen.has(d.title)) continue;
        seen.add(d.title);
        disables.push(quickFix(a, d.title, [d.edit], diagnostic, false));
      }
    }
    actions.push(...fixes, ...disables);
  }
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(a);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** `source.fixAll.starlint`: every mechanical fix at once (theme and category ids, we → I, rule ids in comments). */
export function fixAllAction(a: Analysis): CodeAction | undefined {
  if (!a.isStory) return undefined;
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  const spans: { start: number; end: number; edit: TextEdit }[] = [];
  for (const f of allFindings(a)) {
    for (const fix of quickFixes(a, f)) if (fix.mechanical) spans.push({ ...fix.span, edit: fix.edit });
  }
  spans.sort((x, y) => x.start - y.start);
  for (const s of spans) {
    if (s.start < lastEnd) continue;
    edits.push(s.edit);
    lastEnd = s.end;
  }
  if (edits.length === 0) return undefined;
  return { title: `Fix all safe starlint problems (${edits.length})`, kind: FIX_ALL_KIND, edit: { changes: { [a.uri]: edits } } };
}

interface Fix {
  title: string;
  edit: TextEdit;
  /** Further edits of the same fix (the four labels of an answer told without them). */
  more?: TextEdit[];
  span: { start: number; end: number };
  preferred: boolean;
  /** Safe to apply without looking: part of fix-all. */
  mechanical: boolean;
}

function quickFixes(a: Analysis, f: Finding): Fix[] {
  // What the rule offers with its finding: its safe fix (also part of fix-all and `starlint --fix`)
  // and its suggestions.
  const offered: Fix[] = [];
  if (f.fix) offered.push(fromOffer(a, f.fix, true));
  for (const o of f.suggestions ?? []) offered.push(fromOffer(a, o, false));
  return offered;
}

/** A rule's offer as a code action's edits; safe fixes are preferred and part of fix-all. */
function fromOffer(a: Analysis, offer: FixOffer, safe: boolean): Fix {
  const [first, ...rest] = offer.edits.map((e): TextEdit => ({ range: toRange(a.result.lines, { start: e.start, end: e.end }), newText: e.text }));
  const start = Math.min(...offer.edits.map((e) => e.start));
  const end = Math.max(...offer.edits.map((e) => e.end));
  return { title: offer.title, edit: first, more: rest, span: { start, end }, preferred: true, mechanical: safe };
}

// ---------------------------------------------------------------------------------------------
// Inserting a missing section.

// ---------------------------------------------------------------------------------------------
// Inserting the unanswered follow-ups.

// ---------------------------------------------------------------------------------------------
// Inline disable comments.

const NEXT_LINE = /^[ \t]*<!--\s*starlint-disable-next-line\b[^>]*-->[ \t]*$/;
const SAME_LINE = /<!--\s*starlint-disable-line\b[^>]*-->[ \t]*$/;
const FILE = /^\s*starlint-disable-file\b([\s\S]*)$/;

function disableActions(a: Analysis, f: Finding): { title: string; edit: TextEdit }[] {
  // Inline comments cannot silence a mistake in an inline comment.
  if (f.rule === 'inline-config') return [];
  const out: { title: string; edit: TextEdit }[] = [];
  const line = disableLineEdit(a, f);
  if (line) out.push({ title: `Disable ${f.rule} for this line`, edit: line });
  const file = disableFileEdit(a, f.rule);
  if (file) out.push({ title: `Disable ${f.rule} for this file`, edit: file });
  return out;
}

function disableLineEdit(a: Analysis, f: Finding): TextEdit | undefined {
  const { doc, lines } = a.result;
  const text = a.text;
  const at = f.span.start;
  // Not inside metadata: a comment in front matter or in a `<!-- story -->` comment breaks it.
  if (doc.frontMatter?.span && at >= doc.frontMatter.span.start && at < doc.frontMatter.span.end) return undefined;
  if (doc.comments.some((c) => at >= c.span.start && at < c.span.end)) return undefined;
  if (/^---[ \t]*\r?\n/.test(text) && !doc.frontMatter && at < firstBlankLine(text)) return undefined;
  const line = lines.lineOf(at);
  const start = lines.lineStart(line);
  const end = lineEnd(text, start);
  const lineText = text.slice(start, end);
  const above = line > 0 ? text.slice(lines.lineStart(line - 1), lineEnd(text, lines.lineStart(line - 1))) : '';

  // Add the id to a comment that is already there.
  if (line > 0 && NEXT_LINE.test(above)) return addId(a, lines.lineStart(line - 1) + above.lastIndexOf('-->'), f.rule);
  if (SAME_LINE.test(lineText)) return addId(a, start + lineText.lastIndexOf('-->'), f.rule);

  // A comment on its own line above, when the line starts a block; otherwise at the end of the
  // line, so a paragraph is never split in two (that would change its sentences).
  const startsBlock =
    line === 0 || above.trim() === '' || /^ {0,3}#/.test(lineText) || /^ {0,3}#/.test(above) || /^ {0,3}(?:[-*_] *){3,}$/.test(above) || /-->\s*$/.test(above);
  if (startsBlock) {
    const indent = /^[ \t]*/.exec(lineText)![0];
    return { range: toRange(lines, { start, end: start }), newText: `${indent}<!-- starlint-disable-next-line ${f.rule} -->\n` };
  }
  return { range: toRange(lines, { start: end, end }), newText: ` <!-- starlint-disable-line ${f.rule} -->` };
}

function disableFileEdit(a: Analysis, rule: string): TextEdit | undefined {
  const { doc, lines } = a.result;
  const existing = doc.comments.find((c) => FILE.test(c.body));
  if (existing) return addId(a, existing.span.end - 3, rule);
  if (doc.frontMatter?.span) {
    const end = lineEnd(a.text, doc.frontMatter.span.end);
    return { range: toRange(lines, { start: end, end }), newText: `\n<!-- starlint-disable-file ${rule} -->` };
  }
  // An unclosed front matter would turn into a thematic break under a comment: leave it alone.
  if (/^---[ \t]*\r?\n/.test(a.text)) return undefined;
  return { range: toRange(lines, { start: 0, end: 0 }), newText: `<!-- starlint-disable-file ${rule} -->\n\n` };
}

/** Inserts a rule id just before the `-->` of an existing comment. */
function addId(a: Analysis, close: number, rule: string): TextEdit {
  const space = /\s/.test(a.text[close - 1] ?? ' ') ? '' : ' ';
  return { range: toRange(a.result.lines, { start: close, end: close }), newText: `${space}${rule} ` };
}

function firstBlankLine(text: string): number {
  const m = /\n[ \t]*\r?\n/.exec(text);
  return m ? m.index : text.length;
}

function quickFix(a: Analysis, title: string, edits: TextEdit[], diagnostic: Diagnostic, isPreferred: boolean): CodeAction {
  // Inserted lines end the way the document's lines do.
  const crlf = a.text.includes('\r\n');
  const fixed = crlf ? edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })) : edits;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: isPreferred || undefined, edit: { changes: { [a.uri]: fixed } } };
}
