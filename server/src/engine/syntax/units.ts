/**
 * Containing the parser's cost. micromark (under remark-parse) is super-linear on some inputs:
 * resolvers splice into the whole event list of a document (long lists with sub-items, setext
 * headings, many emphasis pairs), and some constructs rescan the rest of their paragraph at each
 * opener (unclosed `<!--`, nested `*a` openers, `[a](` without a closing parenthesis, nested
 * image labels). Two measures bound the cost of every input by its length:
 *
 * 1. `parseUnits` cuts a chunk into units of about UNIT characters, each parsed on its own, so a
 *    super-linear cost applies to a bounded unit and the whole stays linear. Units end before a
 *    line that begins a new top-level block after a blank line — the same blocks as in one parse,
 *    with two exceptions named below — and are never cut inside a fence or an HTML block that may
 *    hold blank lines. A unit with no such line ends before a list item at the margin (a list
 *    cut between two items; its labelled items still read as sections, see blocks.ts). Only
 *    where neither comes for LONG_RUN characters is a unit cut at another line start (a
 *    paragraph line of a run longer than any story's paragraph), and only a line longer than
 *    that is cut at a space inside it.
 * 2. `guardUnit` rewrites, character for character, the few inline constructs whose cost grows
 *    with their count in one paragraph beyond what a unit bounds: past a generous count per unit,
 *    `![` image openers become link openers, emphasis delimiter runs become look-alike stars and
 *    low lines, and `<!--` openers that nothing closes become `‹!--`. Real stories never reach
 *    those counts; every offset stays the same.
 *
 * What differs from one parse of the whole chunk: a link reference definition applies only within
 * its unit (a `[text][ref]` elsewhere reads as its text and brackets), and a cut that is not
 * after a blank line ends the paragraph or list there. Both happen only in chunks longer than
 * UNIT, and the second only without a blank line for LONG_RUN characters.
 */

export const UNIT = 4096;
export const LONG_RUN = 8_192;

// Emphasis runs, image openers and unclosed comment openers allowed per unit before the guard.
const MAX_DELIMITER_RUNS = 256;
const MAX_IMAGES = 32;
const MAX_ITEMS = 64;
const MAX_FAILING_COMMENTS = 16;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// HTML blocks of CommonMark's kinds 1 and 2, which may hold blank lines: raw text elements and comments.
const RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i;
const COMMENT_OPEN = /^ {0,3}<!--/;
// A bullet item at the margin: a list may be cut between two items (it reads as two lists of the same items).
const LIST_ITEM = /^[-*+][ \t]/;
// A line's container prefix (indentation, `>`) and the prose or list item after it.
const CONTENT = /^([ \t>]*)((?:[-*+]|\d{1,9}[.)])[ \t]|[\p{L}\p{N}|]|([*_])(?:[ \t]*\3){2,}[ \t\r]*$)/u;
// A setext underline or a thematic break made of dashes: no unit may start with one.
const SETEXT_OR_BREAK = /^(?:=+|-+|(?:-[ \t]*){3,})[ \t\r]*$/;

/** [start, end) offsets of the parse units of `text`. A text no longer than UNIT is one unit. */
export function parseUnits(text: string, from = 0): [number, number][] {
  if (text.length - from <= UNIT) return [[0, text.length]];
  const cuts: number[] = [0];
  let unitStart = 0;
  // Where the last line that may start a unit after a blank line, at a list item after none,
  // and after none, begins.
  let strong = -1;
  let item = -1;
  let weak = -1;
  let previousBlank = false;
  let fence: { char: string; len: number } | undefined;
  let raw: RegExp | undefined;
  // Where the list items of the current unit begin.
  let items: number[] = [];
  const cut = (at: number): void => {
    cuts.push(at);
    unitStart = at;
    items = items.filter((i) => i >= at);
    strong = -1;
    item = -1;
    weak = -1;
  };
  for (let pos = from; pos < text.length;) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, Math.min(nl, pos + 200));
    const blank = /^[ \t\r]*$/.test(line);
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
    } else if (raw) {
      if (raw.test(text.slice(pos, nl))) raw = undefined;
    } else {
      if (pos > unitStart && mayStartUnit(line)) {
        // After a blank line, or at a list item: the same blocks as one parse would read.
        if (previousBlank) strong = pos;
        else if (LIST_ITEM.test(line)) item = pos;
        weak = pos;
      }
      // Inside containers (indented lines, block quotes), the content of a line may start a
      // unit too, when nothing better comes for LONG_RUN: prose or a list item, never a heading,
      // a fence or HTML, which would read differently at the margin.
      const content = CONTENT.exec(text.slice(pos, Math.min(nl, pos + 4096)));
      const at = content ? pos + content[1].length : -1;
      if (content && at > unitStart && at > weak && !SETEXT_OR_BREAK.test(text.slice(at, Math.min(nl, at + 200)))) weak = at;
      // mdast-util-from-markdown splices once per list item (its cost grows with the square of
      // the items of a unit): cut long lists every MAX_ITEMS items, nested ones too.
      if (content && LIST_ITEM.test(content[2])) {
        items.push(at);
        if (items.length > MAX_ITEMS && at > unitStart) cut(at);
      }
      const f = FENCE.exec(line);
      const r = RAW_OPEN.exec(line);
      if (f) fence = { char: f[1][0], len: f[1].length };
      else if (r) raw = new RegExp(`</${r[1]}>`, 'i');
      else if (COMMENT_OPEN.test(line)) raw = /-->/;
      // A block closed on its own first line holds no blank line.
      if (raw?.test(text.slice(pos + (r?.[0].length ?? 4), nl))) raw = undefined;
    }
    previousBlank = blank;
    const end = nl + 1;
    // A cut after a blank line keeps a list whole (its labelled items read as sections together).
    if (end - unitStart > UNIT && strong > unitStart) cut(strong);
    else if (end - unitStart > UNIT && item > unitStart) cut(item);
    else if (end - unitStart > LONG_RUN && weak > unitStart) cut(weak);
    if (!fence && !raw) {
      // A line longer than any paragraph of prose: cut it every LONG_RUN or so.
      while (nl - Math.max(pos, unitStart) > LONG_RUN) {
        const at = cutBefore(text, Math.max(pos, unitStart) + LONG_RUN);
        if (at <= unitStart || at >= nl) break;
        cut(at);
      }
    }
    pos = end;
  }
  const out: [number, number][] = [];
  for (let i = 0; i < cuts.length; i++) out.push([cuts[i], i + 1 < cuts.length ? cuts[i + 1] : text.length]);
  return out;
}

/**
 * Whether a unit may begin with this line: it starts at the margin with a character that cannot
 * continue the block above (not a setext underline, not a `---` that would read as front matter
 * at the start of a unit).
 */
function mayStartUnit(line: string): boolean {
  const c = line.charCodeAt(0);
  if (Number.isNaN(c) || c === 32 || c === 9 || c === 13 || c === 10) return false;
  return !/^(?:=+|-+)[ \t\r]*$/.test(line) && !line.startsWith('---');
}

/**
 * Where to cut a line that is too long, at or before `at`: just after a space followed by a
 * letter or digit if one lies within 4,096 characters, else before a letter or digit, else at
 * `at` (never inside a surrogate pair or a CRLF).
 */
function cutBefore(text: string, at: number): number {
  const stop = Math.max(0, at - 4096);
  for (let i = at; i > stop; i--) {
    if ((text[i - 1] === ' ' || text[i - 1] === '\t') && ALNUM.test(text[i])) return i;
  }
  for (let i = at; i > stop; i--) if (ALNUM.test(text[i])) return i;
  const c = text.charCodeAt(at);
  return (c >= 0xdc00 && c <= 0xdfff) || c === 10 ? at + 1 : at;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** The unit with the inline constructs past their per-unit budget made inert, offsets kept. */
export function guardUnit(unit: string): string {
  let out = capMatches(unit, /!\[/g, MAX_IMAGES, () => '\u01c3[');
  out = capMatches(out, /(?<![\\*_])(?:\*+|_+)/g, MAX_DELIMITER_RUNS, (m) => (m[0] === '*' ? '\u2217' : '\uff3f').repeat(m.length), isListMarker);
  out = unclosedComments(out);
  return out.replace(DEEP_ITEM, (_, indent: string, marker: string) => `${indent}${marker.slice(0, -1)}\u00b7`);
}

// A list item indented 128 columns or more is nested dozens of levels deep (or is code, where the
// change does not matter): micromark's cost for a line grows with the containers open above it.
// Its marker's last character becomes `·`, so the line continues the item above instead.
const DEEP_ITEM = /^([ \t]{128,})([-*+]|\d{1,9}[.)])(?=[ \t\r]|$)/gm;

/** A `*` list marker or thematic break at the start of a line (after indentation or `>`), which is no emphasis. */
function isListMarker(text: string, at: number, match: string): boolean {
  const next = text[at + match.length];
  if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\r' && next !== '\n') return false;
  return atLineStart(text, at);
}

/** Whether only indentation and `>` come between the start of its line and `at` (looking back 40 characters at most). */
function atLineStart(text: string, at: number, allowed = /[ \t>]/): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 40); i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (!allowed.test(c)) return false;
  }
  return at <= 40;
}

/**
 * Replaces every match of `re` after the first `keep` with `replace(match)`, of the same length.
 * Matches that `exempt` names are left alone and not counted.
 */
function capMatches(text: string, re: RegExp, keep: number, replace: (m: string) => string, exempt?: (text: string, at: number, m: string) => boolean): string {
  re.lastIndex = 0;
  let count = 0;
  let parts: string[] | undefined;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (exempt?.(text, m.index, m[0]) || ++count <= keep) continue;
    parts ??= [];
    parts.push(text.slice(last, m.index), replace(m[0]));
    last = m.index + m[0].length;
  }
  if (!parts) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

/**
 * An inline `<!--` that another `<!--` follows before any `-->` closes nowhere as a comment of
 * its own: micromark rescans the rest of the paragraph at each such opener. A look-alike `‹` takes
 * its `<` (CommonMark reads it as text either way, or as part of one comment that hides the rest).
 * Comments that close before the next one opens, the directive comments among them, are left
 * alone, and so is an opener at the start of a line (an HTML block).
 */
function unclosedComments(text: string): string {
  let at = text.indexOf('<!--');
  if (at === -1) return text;
  const failing: number[] = [];
  let close = text.indexOf('-->', at + 2);
  while (at !== -1) {
    const next = text.indexOf('<!--', at + 4);
    // "<!-->" and "<!--->" close themselves.
    while (close !== -1 && close < at + 2) close = text.indexOf('-->', close + 1);
    const closesFirst = close !== -1 && (next === -1 || close < next);
    if (!closesFirst && !atLineStart(text, at, /[ \t]/)) failing.push(at);
    at = next;
  }
  // A few cost little and keep the text as written.
  if (failing.length <= MAX_FAILING_COMMENTS) return text;
  const parts: string[] = [];
  let last = 0;
  for (const f of failing.slice(MAX_FAILING_COMMENTS)) {
    parts.push(text.slice(last, f), '\u2039');
    last = f + 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
