// Template placeholders: the parts of a story a template put there for the writer to replace.
// Shared knowledge (the `placeholder` rule, the draft score, and whatever else must tell a draft
// or a whole template from a written story): pure functions of a section's prose, with the
// section's source only for the `<your result>` kind that Markdown reads as an HTML tag.
//
// What counts, from our own templates (snippets/starlint.json, client/src/templates.ts) and the
// templates people copy from the web:
// - bracketed slots: `[…]`, `[Describe the situation]`, `[company name]`, `[X]`, and a paragraph
//   or list item that is one bracketed text (`[What I was responsible for, and the goal I owned.]`);
// - angle slots: `<…>`, `<your result here>`, `<X%>`, `<metric>` (a tag name no HTML element has);
// - markers: TODO, TBD, TBA, FIXME, TKTK, XXX, "lorem ipsum", and numbers left as X: `X%`, `$XK`;
// - a paragraph or list item that is only an ellipsis ("…");
// - instruction sentences addressed to the writer: an imperative on the story's parts ("Describe
//   the context…", "Explain what you did.", "Set the scene.") and questions to the writer left
//   unanswered ("What was your role?").
// What does not: citations (`[1]`, `[2, 3]`), footnotes (`[^1]`), links (their text has no
// brackets in prose), task boxes (`[ ]`, `[x]` opening an item), editorial brackets inside real
// sentences (`he said [the model] was fine`, `[sic]`), HTML (`<br>`, `<sup>`), autolinks, code.
import { paragraphs, sentences } from '../syntax/prose';
import type { Section, Span } from '../model/types';

export type PlaceholderKind = 'bracket' | 'angle' | 'marker' | 'ellipsis' | 'instruction' | 'title';

export interface Placeholder {
  kind: PlaceholderKind;
  /** Offsets into the text searched. */
  start: number;
  end: number;
  /** The placeholder as written. */
  text: string;
}

const INSTRUCTION_VERB =
  /^(?:(?:Briefly|Clearly|Concisely|Now|Then|Please)\s+)?(?:Describe|Explain|Outline|Summari[sz]e|Mention|Include|Detail|Share|State|Insert|Provide|Give|Highlight|Quantify|Specify|Write|Talk about|Tell (?:us|me|them|the interviewer)|Walk (?:us|me|them|the interviewer) through|Set the scene|Fill in|Replace|Enter|Focus on|Discuss|Identify|Emphasi[sz]e|Demonstrate|Reflect on|Add|List|Paste|Put)\b/i;
/** What an instruction is about: the parts of a story, or the writer ("your role", "what you did"). */
const STORY_PART =
  /\b(?:you|your|yourself|the (?:situation|context|scene|background|setting|task|challenge|problem|goal|objective|responsibilit(?:y|ies)|action|actions|steps|approach|result|results|outcome|outcomes|impact|lesson|lessons|learning|metric|metrics|numbers|story|role|stakes))\b/i;
const QUESTION_TO_WRITER = /\b(?:you|your|yourself)\b/i;

// A bracketed slot: ellipsis, blanks or x's; an instruction; a question word; "your"/"here"; a generic slot noun.
const SLOT_NOUN =
  /^(?:the |a |an |your |my )?(?:company|organi[sz]ation|team|product|project|feature|metric|kpi|number|amount|percentage|percent|figure|value|name|date|year|month|role|title|job title|position|manager|client|customer|stakeholder|tool|technology|skill|result|outcome|impact|situation|task|action|goal|timeframe|time ?frame|duration|deadline|location|industry|department|x|n)(?: name| names| here| title| size| number)?$/i;
const BLANK = /^[\s.…_\-–—xX*?]+$/;
const QUESTION_WORD =
  /^(?:what|why|how|when|where|who|which|whom|whose|did|do|does|was|were|is|are|can|could|would|will|have|has|e\.g\.|eg\b|i\.e\.|insert|add|enter|todo|tbd)(?:\b|(?<=\.))/i;
// In capitals only: "todo" and "tba" inside a sentence are words, an upper-case X a number left out.
const MARKER =
  /(?<![\w$])(?:TODO|TBD|TBA|FIXME|TKTK|XXX+)(?!\w)|(?<![\w$.])(?:\$\s?)?X{1,3}(?:[.,]X+)?\s?(?:%|[KMB](?!\w))|(?<!\w)\$X{1,3}(?!\w)|\b[Ll]orem ipsum\b/g;
/** A title a template left: "Title", "Story title", "ML project title", "Untitled story" (New Story's suggestion). */
const TEMPLATE_TITLE = /^(?:(?:[\w-]+ ){0,2}(?:story|project) )?title$|^untitled(?: [\w-]+){0,3}$/i;

/** The HTML elements a story might use; any other tag name in angle brackets is a slot. */
const HTML_TAGS = new Set(
  'a abbr address article aside b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label legend li main mark meter nav ol p picture pre progress q rp rt ruby s samp section small source span strong sub summary sup table tbody td template tfoot th thead time tr track u ul var video wbr audio center font iframe object param script style'.split(
    ' ',
  ),
);

function isBracketSlot(inner: string, wholeBlock: boolean): boolean {
  const content = inner.trim();
  if (content === '') return /[ _]/.test(inner); // "[ ]" is a blank to fill, "[]" an empty list
  if (/^\^/.test(content) || /^\d+(?:\s*[,;–-]\s*\d+)*$/.test(content) || /^(?:sic|citation needed|emphasis (?:mine|added)|sic!)$/i.test(content)) return false;
  if (BLANK.test(content)) return true;
  if (wholeBlock && content.split(/\s+/).length >= 3) return true;
  if (INSTRUCTION_VERB.test(content) || QUESTION_WORD.test(content)) return true;
  if (/\b(?:you|your)\b/i.test(content) || /\bhere$/i.test(content) || /\b(?:TODO|TBD|placeholder)\b/i.test(content)) return true;
  return SLOT_NOUN.test(content);
}

/**
 * The placeholders in a stretch of prose text (a section's `prose.text`, or any plain text), in
 * order, with offsets into it. Pure and linear in the text.
 */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const add = (kind: PlaceholderKind, start: number, end: number): void => {
    found.push({ kind, start, end, text: text.slice(start, end) });
  };
  for (const block of paragraphs(text)) {
    const t = block.text;
    const base = block.start;
    if (/^[.…\s]+$/.test(t) && /…|\.\.\./.test(t)) {
      add('ellipsis', base, block.end);
      continue;
    }
    // Bracketed slots; a task box opening the block is not one. Quotes before each slot are
    // counted as the scan goes, so the count costs the block's length once.
    let quotes = 0;
    let counted = 0;
    const bare = t.replace(/^[-*+]\s+/, '').trim();
    for (const m of t.matchAll(/\[([^[\]\n]{0,300})\]/g)) {
      const at = m.index;
      for (; counted < at; counted++) if (t.charCodeAt(counted) === 34) quotes++;
      if (at === 0 && /^\s?[xX]?$/.test(m[1]) && t.length > m[0].length) continue; // a task box
      const whole = bare === m[0];
      // An elision inside a quotation ("the plan was "[…] too risky"") is the quoter's, not a slot.
      if (BLANK.test(m[1]) && m[1].trim() !== '' && quotes % 2 === 1) continue;
      if (isBracketSlot(m[1], whole)) add('bracket', base + at, base + at + m[0].length);
    }
    // Angle slots that stayed text (Markdown did not read them as HTML): <…>, <X%>, <your result!>.
    for (const m of t.matchAll(/<([^<>\n]{1,120})>/g)) {
      const inner = m[1].trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(inner) || /^[^\s@]+@[^\s@]+$/.test(inner) || /^[/!?]/.test(inner) || /^[=-]+$/.test(inner)) continue;
      if (/[\p{L}…]|\.\.\./u.test(inner)) add('angle', base + m.index, base + m.index + m[0].length);
    }
    for (const m of t.matchAll(MARKER)) add('marker', base + m.index, base + m.index + m[0].length);
    // Instruction sentences: an imperative on the story's parts, or a question to the writer that
    // nothing in its block answers.
    const list = sentences(t);
    // Walking back, whether only questions and instructions follow: nothing answers a question then.
    let unansweredAfter = true;
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i];
      const body = s.text.replace(/^["'(]+/, '');
      const question = /\?["')\]]*$/.test(s.text);
      const imperative = INSTRUCTION_VERB.test(body) && STORY_PART.test(body);
      if (imperative || (question && unansweredAfter && QUESTION_TO_WRITER.test(s.text))) add('instruction', base + s.start, base + s.end);
      unansweredAfter &&= question || INSTRUCTION_VERB.test(body);
    }
  }
  return withoutOverlaps(found);
}

/** In order of position; where two overlap, the one that starts first (then the longer) stays. */
function withoutOverlaps<T extends { start: number; end: number }>(list: T[]): T[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let reach = -1;
  for (const p of sorted) {
    if (p.start < reach) continue;
    out.push(p);
    reach = p.end;
  }
  return out;
}

/**
 * Angle slots that Markdown read as HTML tags (`<your result here>`, `<metric>`): the tag name is
 * no HTML element. `source` is the raw Markdown of a section; code spans and fenced code are
 * skipped. Offsets are into `source`.
 */
export function findTagPlaceholders(source: string): Placeholder[] {
  const found: Placeholder[] = [];
  let fence: string | undefined;
  let offset = 0;
  for (const line of source.split('\n')) {
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
    } else if (open) fence = open[1];
    else if (!/^(?: {4}|\t)/.test(line)) {
      let ticks = 0;
      let counted = 0;
      for (const m of line.matchAll(/<([A-Za-z][\w]*)((?:\s[^<>\n]*)?)>/g)) {
        // Inside a code span when an odd number of backticks comes before it on the line.
        for (; counted < m.index; counted++) if (line.charCodeAt(counted) === 96) ticks++;
        if (HTML_TAGS.has(m[1].toLowerCase()) || ticks % 2 === 1) continue;
        found.push({ kind: 'angle', start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
      }
    }
    offset += line.length + 1;
  }
  return found;
}

/** The title a template left in place ("Story title", "[Your story title]"), as offsets into `title`. */
export function titlePlaceholder(title: string): Placeholder | undefined {
  const t = title.trim();
  if (TEMPLATE_TITLE.test(t)) return { kind: 'title', start: title.indexOf(t), end: title.indexOf(t) + t.length, text: t };
  // A title is often the interview question itself ("Tell me about a time you failed"): an
  // instruction or a question there is the story's subject, not a template's prompt.
  return findPlaceholders(title).find((p) => p.kind !== 'instruction');
}

/** Every placeholder of a section, as source spans: its prose's and its HTML-looking slots. */
export function sectionPlaceholders(section: Section, text: string): (Placeholder & { span: Span })[] {
  const inProse = findPlaceholders(section.prose.text).map((p) => ({ ...p, span: section.prose.span(p.start, p.end) }));
  const from = section.marker.end;
  const tags = findTagPlaceholders(text.slice(from, section.span.end)).map((p) => ({ ...p, span: { start: from + p.start, end: from + p.end } }));
  if (tags.length === 0) return inProse;
  // A slot such as "<your result here!>" is text to Markdown and a tag to the source scan: once.
  return withoutOverlaps([...inProse, ...tags].map((p) => ({ p, start: p.span.start, end: p.span.end }))).map((x) => x.p);
}

/** The text with every placeholder taken out. */
export function withoutPlaceholders(text: string): string {
  let rest = text;
  for (const p of findPlaceholders(text).reverse()) rest = rest.slice(0, p.start) + rest.slice(p.end);
  return rest;
}

/**
 * True when a section holds nothing but placeholders: its prose, with every placeholder taken
 * out, has no word left (an empty section is not one: nothing was put there).
 */
export function onlyPlaceholders(section: Section, text: string): boolean {
  const found = sectionPlaceholders(section, text);
  if (found.length === 0) return false;
  return !/[\p{L}\p{N}]/u.test(withoutPlaceholders(section.prose.text));
}
