// Quick fixes and the fix-all source action. Every edit is computed from the engine's own data
// (a finding's span and `data`) and is tested by applying it and linting again through the server.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { FOLLOW_UPS, type Finding, type FixOffer, type Section } from '../engine';
import { lineEnd, trimEnd } from '../engine/facts/edits';
import { allFindings, type Analysis } from './analysis';
import { SOURCE, findingToDiagnostic, rangesOverlap, sameRange, toRange } from './convert';

export { addSectionTitle } from '../engine/facts/edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.starlint`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/** Past forms that read as well after "I" as after "we" (irregular, or the same in every tense). */
const IRREGULAR_PAST = new Set(
  (
    'built made ran wrote led chose took found set shipped began brought bought caught did drew drove fed felt fought gave got grew had held ' +
    'kept knew laid left lent lost met paid put rebuilt rewrote redid remade reran rethought retook said sent shut sold sought spent split spoke ' +
    'stood struck swept taught thought told threw understood went won oversaw undertook underwent overcame saw became came cut hit let quit ' +
    'read spread sat broke froze hid shook slept sped stole bound dug flew hung lit meant misled shot shrank strove wound upheld withdrew'
  ).split(' '),
);
/** Adverbs that may sit between "we" and the verb ("we then built"). */
const ADVERBS = new Set(['also', 'then', 'first', 'finally', 'eventually', 'quickly', 'immediately', 'initially', 'later', 'soon', 'never', 'jointly']);

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
  if (offered.length) return offered;
  switch (f.rule) {
    case 'first-person': {
      const fix = weToI(a, f);
      return fix ? [fix] : [];
    }
    case 'follow-up-prep': {
      const story = a.result.doc.stories[f.story ?? -1];
      const section = story?.layers['follow-ups'];
      const missing = Array.isArray(f.data?.missing) ? FOLLOW_UPS.filter((q) => (f.data!.missing as unknown[]).includes(q.id)) : [];
      if (!section || missing.length === 0) return [];
      const edit = insertFollowUps(
        a,
        section,
        missing.map((q) => q.question),
      );
      return [{ title: `Insert the unanswered follow-ups (${missing.length})`, ...edit, preferred: true, mechanical: false }];
    }
  }
  return [];
}

/** A rule's offer as a code action's edits; safe fixes are preferred and part of fix-all. */
function fromOffer(a: Analysis, offer: FixOffer, safe: boolean): Fix {
  const [first, ...rest] = offer.edits.map((e): TextEdit => ({ range: toRange(a.result.lines, { start: e.start, end: e.end }), newText: e.text }));
  const start = Math.min(...offer.edits.map((e) => e.start));
  const end = Math.max(...offer.edits.map((e) => e.end));
  return { title: offer.title, edit: first, more: rest, span: { start, end }, preferred: true, mechanical: safe };
}

/** "we built" → "I built", only where the next word is a past form that reads the same after "I". */
function weToI(a: Analysis, f: Finding): Fix | undefined {
  const word = a.text.slice(f.span.start, f.span.end);
  if (word !== 'we' && word !== 'We') return undefined;
  const after = a.text.slice(f.span.end, f.span.end + 80);
  // One word, or an adverb and a word ("we then built"); a line break may sit in between.
  const WORD = /^(?:[ \t]+|[ \t]*\r?\n[ \t]*)([A-Za-z]+)(?![\w'’-])/;
  const first = WORD.exec(after);
  if (!first) return undefined;
  let adverb: string | undefined;
  let verb = first[1];
  if (ADVERBS.has(verb.toLowerCase())) {
    const second = WORD.exec(after.slice(first[0].length));
    if (!second) return undefined;
    adverb = verb;
    verb = second[1];
  }
  if (!isPast(verb)) return undefined;
  const phrase = `${word}${adverb ? ' ' + adverb : ''} ${verb}`;
  return {
    title: `Rewrite "${phrase}" as "I${adverb ? ' ' + adverb : ''} ${verb}"`,
    edit: { range: toRange(a.result.lines, f.span), newText: 'I' },
    span: f.span,
    preferred: true,
    mechanical: false,
  };
}

function isPast(word: string): boolean {
  const w = word.toLowerCase();
  return (
    (w.length > 3 &&
      w.endsWith('ed') &&
      !['need', 'feed', 'seed', 'speed', 'breed', 'proceed', 'exceed', 'succeed', 'heed', 'bleed', 'embed', 'shred'].includes(w)) ||
    IRREGULAR_PAST.has(w)
  );
}

// ---------------------------------------------------------------------------------------------
// Inserting a missing section.

// ---------------------------------------------------------------------------------------------
// Inserting the unanswered follow-ups.

/** A top-level list item's marker at the start of a line: `- `, `* `, `+ `, `1. `, `1) `. */
const LIST_ITEM = /^ {0,3}([-*+]|(\d{1,9})([.)]))[ \t]+/;

/**
 * One entry per question at the end of the Follow-ups section, each waiting for its answer
 * (`- **What were the biggest risks?** …`). They continue the section's list in its own marker
 * style; a section written as paragraphs gets paragraphs, since a list there would hide them
 * from the readiness count (which then reads list items only).
 */
function insertFollowUps(a: Analysis, section: Section, questions: string[]): { edit: TextEdit; span: { start: number; end: number } } {
  const text = a.text;
  const end = trimEnd(text, section.span.end);
  const body = text.slice(section.marker.end, end);
  const lines = body.split(/\r?\n/);
  let last = -1;
  for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (LIST_ITEM.test(lines[i])) last = i;
  let newText: string;
  if (section.items.length > 0 && last >= 0) {
    const m = LIST_ITEM.exec(lines[last])!;
    const next = (k: number): string => (m[2] ? `${Number(m[2]) + k}${m[3]}` : m[1]);
    // The list goes on unless a paragraph follows it (a blank line, then an unindented line).
    const after = lines.slice(last + 1);
    const ended = after.some((l, i) => i > 0 && after[i - 1].trim() === '' && /^\S/.test(l) && !LIST_ITEM.test(l));
    newText = (ended ? '\n\n' : '\n') + questions.map((q, k) => `${next(k + 1)} **${q}** …`).join('\n');
  } else if (section.prose.isEmpty) {
    newText = '\n\n' + questions.map((q) => `- **${q}** …`).join('\n');
  } else {
    newText = questions.map((q) => `\n\n**${q}** …`).join('');
  }
  const at = Math.max(end, section.marker.end);
  return { edit: { range: toRange(a.result.lines, { start: at, end: at }), newText }, span: { start: at, end: at } };
}

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
