import { CACHE_CHARS, CacheSlot, type Memo } from '../memo';
import { frontMatter, parseTree, type BlockNode, type InlineNode, type Pos } from './tree';
import type { HtmlComment, Piece, Span } from '../model/types';
import { LEAD, labelWord, lineLabelStarts, plainLabel, separatorLength, standaloneLabel, trailingMarkers, type LabelMeaning } from '../model/labels';
import { guardUnit, parseUnits } from './units';

/**
 * The Markdown layer: remark-parse (through the adapter in tree.ts) turns the text into a small
 * syntax tree, and this file flattens the top-level blocks into plain records with absolute
 * offsets and their prose, so the rest of the engine never walks a syntax tree.
 *
 * Large documents are split into chunks at top-level ATX headings (outside code fences, front
 * matter and HTML comments) and each chunk is parsed on its own: a chunk that did not change is
 * not parsed again, and an edit re-parses one story.
 */

export interface Label extends LabelMeaning {
  span: Span;
  /** A marker after the text it names: "… the launch was at risk. (Situation)". */
  trailing?: boolean;
}

export interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'code' | 'html' | 'yaml' | 'other';
  span: Span;
  depth?: number;
  /** Heading text (headings only). */
  heading?: string;
  /** A section label at the start of a top-level paragraph. */
  label?: Label;
  /** Prose pieces; their offsets are relative to `base` (the start of the block's chunk). */
  pieces: Piece[];
  /** List items as separate piece lists (lists only), relative to `base` too. */
  items?: Piece[][];
  /** Added to the offsets of `pieces` and `items`; 0 when absent. */
  base?: number;
  /** The raw YAML of a front-matter block. */
  value?: string;
}

export interface FlatDocument {
  blocks: Block[];
  comments: HtmlComment[];
  /** Where each chunk starts (documents split for parsing; [0] otherwise). */
  chunks?: number[];
}

export const SPLIT_ABOVE = 24_000;
const CHUNKS = new CacheSlot<FlatDocument>('parsed chunks', CACHE_CHARS);

/** Flattens `text` into blocks, chunk by chunk; `memo` keeps each chunk's blocks for the next call. */
export function flatten(text: string, memo?: Memo): FlatDocument {
  const blocks: Block[] = [];
  const comments: HtmlComment[] = [];
  const chunks: number[] = [];
  for (const [start, end] of chunkBounds(text)) {
    chunks.push(start);
    const chunk = text.slice(start, end);
    const flat = flattenChunk(chunk, memo);
    for (const b of flat.blocks) blocks.push(start === 0 ? b : shiftBlock(b, start));
    for (const c of flat.comments) comments.push(start === 0 ? c : { body: c.body, span: shiftSpan(c.span, start) });
  }
  return { blocks, comments, chunks };
}

function flattenChunk(chunk: string, memo: Memo | undefined): FlatDocument {
  const cached = memo?.get(CHUNKS, chunk);
  if (cached) return cached;
  const steps = chunkSteps(chunk, parseUnits(chunk, frontMatterEnd(chunk)));
  let step = steps.next();
  while (!step.done) step = steps.next();
  memo?.set(CHUNKS, chunk, step.value);
  return step.value;
}

// Bullet-like emoji and symbols people put before a label ("🔹 **Situation:**", "✅ Result:").
const LEAD_ONLY = new RegExp(`^[ \\t]*${LEAD}+[ \\t]*$`, 'u');
// Such a symbol opening a new line at the end of a text: [1] is up to the line break.
const LEAD_AT_END = new RegExp(`((?:\\n|\\r)[ \\t]*)${LEAD}+[ \\t]*$`, 'u');
// A text that ends a line (and maybe opens the next with such a symbol).
const LINE_END = new RegExp(`(?:\\n|\\r)[ \\t]*(?:${LEAD}+[ \\t]*)?$`, 'u');

// A list item at the margin, where a unit may be cut (units.ts).
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]/;

/** Flattens a chunk unit by unit, yielding after each unit but the last. */
function* chunkSteps(chunk: string, units: [number, number][]): Generator<void, FlatDocument> {
  if (units.length === 1) return flattenUnit(chunk);
  const flat: FlatDocument = { blocks: [], comments: [] };
  for (const [start, end] of units) {
    if (start > 0) yield;
    // A list cut between two items whose first part holds a labelled item: its other items'
    // labels are sections too, as in one parse.
    const last = flat.blocks[flat.blocks.length - 1];
    const listGoesOn =
      last?.label !== undefined && LIST_MARKER.test(chunk.slice(last.span.start, last.span.start + 12)) && LIST_MARKER.test(chunk.slice(start, start + 12));
    const unit = flattenUnit(chunk.slice(start, end), listGoesOn);
    for (const b of unit.blocks) flat.blocks.push(start === 0 ? b : shiftBlock(b, start));
    for (const c of unit.comments) flat.comments.push(start === 0 ? c : { body: c.body, span: shiftSpan(c.span, start) });
  }
  return flat;
}

/**
 * Parses `text` ahead of a lint, one parse unit at a time, awaiting `pause(done, total)` between
 * units, into `memo`, which the lint then reads: a caller on an event loop (the language server)
 * keeps answering other requests while a long or hostile document is parsed. The result is the
 * same as a lint's own parse.
 */
export async function prepareText(text: string, memo: Memo, pause: (done: number, total: number) => Promise<void>): Promise<void> {
  const pending: { chunk: string; units: [number, number][] }[] = [];
  let total = 0;
  for (const [start, end] of chunkBounds(text)) {
    const chunk = text.slice(start, end);
    if (memo.get(CHUNKS, chunk)) continue;
    const units = parseUnits(chunk, frontMatterEnd(chunk));
    pending.push({ chunk, units });
    total += units.length;
  }
  let done = 0;
  for (const { chunk, units } of pending) {
    const steps = chunkSteps(chunk, units);
    let step = steps.next();
    while (!step.done) {
      await pause(++done, total);
      step = steps.next();
    }
    memo.set(CHUNKS, chunk, step.value);
    await pause(++done, total);
  }
}

/** Parses one unit (units.ts): the parser's cost is bounded by the unit's length. */
function flattenUnit(unit: string, listGoesOn = false): FlatDocument {
  const src = guardUnit(flattenDeepContainers(unit));
  const flat: FlatDocument = { blocks: [], comments: [] };
  const add = (node: BlockNode, quoted: number): void => {
    if (node.type === 'paragraph') {
      for (const children of splitAtLabels(node.children, src)) {
        for (const b of splitAtTrailingMarkers(paragraphBlock(children, src, flat.comments))) flat.blocks.push(b);
      }
    } else if (node.type === 'list') {
      const continued = listGoesOn && flat.blocks.length === 0;
      for (const b of listBlocks(node as BlockNode & { children: BlockNode[] }, src, flat.comments, continued)) flat.blocks.push(b);
    } else if (node.type === 'blockquote' && quoted < MAX_QUOTES) {
      // An answer pasted as a quotation ("> **Situation:** …"): its blocks, read as if unquoted.
      for (const child of node.children) add(child, quoted + 1);
    } else flat.blocks.push(toBlock(node, src, flat.comments));
  };
  for (const node of parseTree(src, unit)) add(node, 0);
  return flat;
}

// Block quotes nested deeper than this are read as one block, as before.
const MAX_QUOTES = 4;

/** The offset just after a closed front matter at the start of `text`, else 0. */
function frontMatterEnd(text: string): number {
  return frontMatter(text)?.after ?? 0;
}

// List markers past this many on one line ("- - - … x", "1. 1. 1. … x") are not parsed as
// markers: micromark takes quadratic time on lists nested on one line (8 kB of them cost seconds),
// and prose nested that deep is not read anyway (see MAX_NESTING). A lookalike of the same length
// takes each marker's place, so every offset stays valid. Front matter is left alone.
const MAX_LINE_CONTAINERS = 32;

// A line that opens more than MAX_LINE_CONTAINERS containers, as the loop below counts them.
const DEEP_LINE = new RegExp(String.raw`^[ \t]*(?:(?:>|[-*+](?=[ \t\r]|$)|\d{1,9}[.)](?=[ \t\r]|$))[ \t]*){${MAX_LINE_CONTAINERS + 1}}`, 'm');

function flattenDeepContainers(text: string): string {
  if (!DEEP_LINE.test(text)) return text;
  let out: string[] | undefined;
  let last = 0;
  for (let pos = frontMatterEnd(text); pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const cuts: number[] = [];
    let level = 0;
    let i = pos;
    const isGap = (k: number): boolean => k >= end || text[k] === ' ' || text[k] === '\t' || text[k] === '\r';
    while (i < end) {
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      let marker = -1;
      if (text[i] === '>') marker = i;
      else if ((text[i] === '-' || text[i] === '*' || text[i] === '+') && isGap(i + 1)) marker = i;
      else {
        let j = i;
        while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
        if (j > i && (text[j] === '.' || text[j] === ')') && isGap(j + 1)) marker = j;
      }
      if (marker < 0) break;
      if (++level > MAX_LINE_CONTAINERS) cuts.push(marker);
      i = marker + 1;
    }
    // "- - - - …" alone on its line is a thematic break, which micromark parses in linear time.
    if (cuts.length && !/^[ \t]*([-*_])(?:[ \t]*\1)*[ \t\r]*$/.test(text.slice(pos, end))) {
      out ??= [];
      for (const cut of cuts) {
        out.push(text.slice(last, cut), '\u00b7');
        last = cut + 1;
      }
    }
    pos = end + 1;
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** Offsets where chunks begin: top-level ATX headings outside fences, comments and front matter. */
export function chunkBounds(text: string, alwaysSplit = false): [number, number][] {
  // A story-sized document parses fastest in one piece.
  if (text.length < SPLIT_ABOVE && !alwaysSplit) return [[0, text.length]];
  const bounds: number[] = [0];
  // Heading offsets and depths, as flat pairs, and how many headings each depth has.
  const headings: number[] = [];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  let pos = frontMatterEnd(text);
  let fence: { char: string; len: number } | undefined;
  let inComment = false;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, Math.min(nl, pos + 200));
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
    } else if (inComment) {
      if (text.slice(pos, nl).includes('-->')) inComment = false;
    } else {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) fence = { char: f[1][0], len: f[1].length };
      else if (/^#{1,6}(?:[ \t]|\r?$)/.test(line)) {
        let depth = 1;
        while (line.charCodeAt(depth) === 35) depth++;
        headings.push(pos, depth);
        counts[depth]++;
      } else {
        // Search this line only: a search back through the whole text made big files quadratic.
        const inLine = text.slice(pos, nl).lastIndexOf('<!--');
        if (inLine !== -1) {
          const close = text.indexOf('-->', pos + inLine + 4);
          if (close === -1 || close > nl) inComment = true;
        }
      }
    }
    pos = nl + 1;
  }
  // Split at the shallowest depth that repeats: in a bank file that is the story titles
  // ("## Story"), not their sections, so chunks follow stories and stay few; a file of one story
  // splits at its sections. The depth depends only on the headings, so an edit inside a story
  // leaves the other chunks, and their cache entries, as they were.
  let splitDepth = 6;
  for (let d = 1; d <= 6; d++) {
    if (counts[d] >= 2) {
      splitDepth = d;
      break;
    }
  }
  for (let i = 0; i < headings.length; i += 2) {
    if (headings[i + 1] <= splitDepth && headings[i] > bounds[bounds.length - 1]) bounds.push(headings[i]);
  }
  const out: [number, number][] = [];
  for (let i = 0; i < bounds.length; i++) out.push([bounds[i], i + 1 < bounds.length ? bounds[i + 1] : text.length]);
  return out;
}

/** The span moved by `by`. */
export function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** The pieces of a block with absolute offsets. */
export function absolutePieces(pieces: Piece[], base: number | undefined): Piece[] {
  if (!base) return pieces;
  return pieces.map((p) => ({ text: p.text, start: p.start + base, end: p.end + base, exact: p.exact }));
}

// Pieces stay relative to their chunk (copied only when a story is rebuilt); spans move.
function shiftBlock(b: Block, by: number): Block {
  return {
    ...b,
    span: shiftSpan(b.span, by),
    label: b.label && { ...b.label, span: shiftSpan(b.label.span, by) },
    base: (b.base ?? 0) + by,
  };
}

function spanOf(node: Pos): Span {
  return { start: node.start, end: node.end };
}

function toBlock(node: BlockNode, src: string, comments: HtmlComment[]): Block {
  const span = spanOf(node);
  switch (node.type) {
    case 'heading': {
      const pieces: Piece[] = [];
      inline(node.children, src, pieces, comments);
      return { type: 'heading', span, depth: node.depth, heading: pieces.map((p) => p.text).join(''), pieces: [] };
    }
    case 'paragraph':
      return paragraphBlock(node.children, src, comments);
    case 'list': {
      const pieces: Piece[] = [];
      const items: Piece[][] = [];
      for (const item of node.children) {
        const own: Piece[] = [];
        if (item.type === 'listItem') blockPieces(item.children, src, own, comments);
        if (own.length) {
          items.push(own);
          if (pieces.length) pieces.push(separator(own[0].start));
          // A loop, not push(...own): spreading a huge array overflows the call stack.
          for (const p of own) pieces.push(p);
        }
      }
      return { type: 'list', span, pieces, items };
    }
    case 'code':
      return { type: 'code', span, pieces: [] };
    case 'html':
      collectComments(node.value, span.start, comments);
      return { type: 'html', span, pieces: [] };
    case 'yaml':
      return { type: 'yaml', span, pieces: [], value: node.value };
    case 'thematicBreak':
      return { type: 'other', span, pieces: [] };
    default: {
      const pieces: Piece[] = [];
      blockPieces(node.children, src, pieces, comments);
      return { type: 'other', span, pieces };
    }
  }
}

function paragraphBlock(children: InlineNode[], src: string, comments: HtmlComment[]): Block {
  const pieces: Piece[] = [];
  const label = paragraphLabel(children, src, pieces, comments);
  const span = { start: children[0].start, end: children[children.length - 1].end };
  return { type: 'paragraph', span, label, pieces };
}

/**
 * People paste answers with one label per line and no blank line between them
 * ("**Situation:** …⏎**Task:** …"), or with every label inside one paragraph ("**Situation:** …
 * **Task:** …"). Markdown makes that one paragraph; this splits it into one paragraph per label,
 * so each label starts its own section. Inside a line, a bold label needs a colon (or a dash after
 * it) and, unless the paragraph itself starts with a label, a sentence end before it; a plain
 * label inside a line ("… at risk. Task: I …") only counts in a paragraph that starts with one.
 */
function splitAtLabels(children: InlineNode[], _src: string): InlineNode[][] {
  const groups: InlineNode[][] = [[]];
  const push = (node: InlineNode): void => {
    groups[groups.length - 1].push(node);
  };
  const newGroup = (): void => {
    if (groups[groups.length - 1].length) groups.push([]);
  };
  const labelled = startsWithLabel(children);
  let lineStart = true;
  let sentenceEnd = true;
  for (let k = 0; k < children.length; k++) {
    const node = children[k];
    if ((node.type === 'strong' || node.type === 'emphasis') && groups[groups.length - 1].length) {
      const word = labelWord(textOf(node.children));
      const next = children[k + 1];
      const separated = word && (word.colon || (next?.type === 'text' && separatorLength(next.value) > 0));
      if (word && (lineStart || (separated && (labelled || sentenceEnd)))) {
        // "…\n🔹 **Task:**": the symbol before the label goes with it, not with the text before.
        const group = groups[groups.length - 1];
        const last = group[group.length - 1];
        const lead = last?.type === 'text' && last.exact ? LEAD_AT_END.exec(last.value) : null;
        if (lead && last?.type === 'text') {
          const at = lead.index + lead[1].length;
          group[group.length - 1] = textNode(last.value.slice(0, at), last.start);
          newGroup();
          push(textNode(last.value.slice(at), last.start + at));
        } else newGroup();
      }
    }
    if (node.type === 'text') {
      const { start } = node;
      // A text that starts a line is read as if the line ending were part of it.
      const lead = lineStart && groups[groups.length - 1].length ? 1 : 0;
      const cuts = node.exact ? lineLabelStarts(lead ? `\n${node.value}` : node.value).map((c) => c - lead) : [];
      if (labelled && node.exact) for (const c of inlineLabelStarts(node.value)) if (!cuts.includes(c)) cuts.push(c);
      cuts.sort((x, y) => x - y);
      let from = 0;
      for (const cut of cuts) {
        if (cut > from) push(textNode(node.value.slice(from, cut), start + from));
        newGroup();
        from = cut;
      }
      push(from === 0 ? node : textNode(node.value.slice(from), start + from));
      lineStart = LINE_END.test(node.value);
      sentenceEnd = /[.!?]["'”’)]?\s*$/.test(node.value);
    } else {
      push(node);
      lineStart = node.type === 'break';
      sentenceEnd = node.type === 'break';
    }
  }
  return groups.filter((g) => g.length > 0);
}

/** Whether a paragraph opens with a bold or plain section label. */
function startsWithLabel(children: InlineNode[]): boolean {
  const first = children[0];
  if (!first) return false;
  if (first.type === 'strong' || first.type === 'emphasis') return labelWord(textOf(first.children)) !== undefined;
  return first.type === 'text' && plainLabel(first.value) !== undefined && !plainLabel(first.value)?.letter;
}

function textOf(nodes: InlineNode[]): string {
  const pieces: Piece[] = [];
  inline(nodes, '', pieces, []);
  return pieces.map((p) => p.text).join('');
}

// "… at risk. Task: I had to …": a STAR or lesson name with a colon after a sentence end.
const INLINE_PLAIN =
  /(?<=[.!?]["'”’)]?[ \t]+)(?=(?:situation|context|background|task|goal|responsibility|actions?|approach|results?|outcome|impact|reflection|lessons? learned|what i learned|takeaways?)\s*:)/gi;

function inlineLabelStarts(text: string): number[] {
  const out: number[] = [];
  INLINE_PLAIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_PLAIN.exec(text))) {
    out.push(m.index);
    INLINE_PLAIN.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * A paragraph whose sections are named after their text — "… the launch was at risk.
 * (Situation) I had to … (Task)" — becomes one labelled block per marker; text after the last
 * marker stays with it. parse.ts keeps trailing markers only where a document has two kinds or more.
 */
function splitAtTrailingMarkers(block: Block): Block[] {
  if (block.label || !block.pieces.length) return [block];
  const text = block.pieces.map((p) => p.text).join('');
  const markers = trailingMarkers(text);
  if (!markers.length) return [block];
  const out: Block[] = [];
  let from = 0;
  for (const m of markers) {
    const pieces = slicePieces(block.pieces, from, m.start);
    const marker = slicePieces(block.pieces, m.start, m.end);
    if (!marker.length) continue;
    const span = { start: marker[0].start, end: marker[marker.length - 1].end };
    const first = pieces.find((p) => p.text.trim()) ?? marker[0];
    out.push({ type: 'paragraph', span: { start: first.start, end: span.end }, label: { ...m.meaning, span, trailing: true }, pieces });
    from = m.end;
  }
  const rest = slicePieces(block.pieces, from, text.length);
  if (rest.some((p) => /[\p{L}\p{N}]/u.test(p.text))) out.push({ type: 'paragraph', span: { start: rest[0].start, end: block.span.end }, pieces: rest });
  return out;
}

/** The pieces that cover text offsets [from, to) of the pieces' joined text; verbatim pieces are cut exactly. */
function slicePieces(pieces: Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const p of pieces) {
    const s = at;
    const e = at + p.text.length;
    at = e;
    if (e <= from || s >= to) continue;
    if (!p.exact) {
      out.push(p);
      continue;
    }
    const a = Math.max(from, s) - s;
    const b = Math.min(to, e) - s;
    out.push({ text: p.text.slice(a, b), start: p.start + a, end: p.start + b, exact: true });
  }
  return out;
}

/**
 * A list whose items start with section labels (`- Situation: …`, `- **S:** …`, `1. Task: …`) is
 * a story's sections: each labelled item becomes a labelled block holding its text and nested
 * items, and the items between stay a list in the section above them. It takes two items
 * labelled with different kinds to read a list so; a bullet that merely starts with "Goal:" inside
 * an Action is a bullet.
 */
type ListNode = BlockNode & { children: BlockNode[] };

/** The section kinds the items of a list are labelled with. */
function labelKinds(labelled: ({ label: Label } | undefined)[]): Set<string> {
  return new Set(labelled.flatMap((l) => (l ? [l.label.kind, ...(l.label.kinds ?? [])] : [])));
}

// Labelled lists nested deeper than this in unlabelled items are read as bullets.
const MAX_LABEL_NESTING = 3;

/** Whether a nested list is labelled with two kinds of sections or more. */
function holdsLabels(node: BlockNode, src: string): boolean {
  if (node.type !== 'list') return false;
  return labelKinds(node.children.map((item) => (item.type === 'listItem' ? itemLabel(item.children, src) : undefined))).size >= 2;
}

function listBlocks(node: ListNode, src: string, comments: HtmlComment[], continued = false, depth = 0): Block[] {
  const labelled = node.children.map((item) => (item.type === 'listItem' ? itemLabel(item.children, src) : undefined));
  const kinds = labelKinds(labelled);
  // "- Good answer:" with "  - **S**: …" nested under it: the nested labels are sections, the
  // item's own text a paragraph before them.
  const nests =
    kinds.size === 0 && depth < MAX_LABEL_NESTING
      ? node.children.map((item) => item.type === 'listItem' && item.children.some((c) => holdsLabels(c, src)))
      : [];
  if (nests.includes(true)) {
    const out: Block[] = [];
    for (const [i, item] of node.children.entries()) {
      if (item.type !== 'listItem') continue;
      if (!nests[i]) {
        out.push(bulletBlock(item, src, comments));
        continue;
      }
      for (const child of item.children) {
        if (child.type === 'paragraph') out.push(paragraphBlock(child.children, src, comments));
        else if (child.type === 'list') for (const b of listBlocks(child as ListNode, src, comments, false, depth + 1)) out.push(b);
        else out.push(toBlock(child, src, comments));
      }
    }
    return out;
  }
  // A list of one item that is nothing but a section name ("4. Result" alone, then the text) heads
  // a section, as a heading would.
  const first = node.children.length === 1 ? node.children[0] : undefined;
  const word = first?.type === 'listItem' && first.children.length === 1 ? labelled[0]?.paragraph.children : undefined;
  const lone = word?.length === 1 && word[0].type === 'text' && standaloneLabel(word[0].value) !== undefined;
  if (kinds.size < (continued || lone ? 1 : 2)) return [toBlock(node, src, comments)];
  const out: Block[] = [];
  node.children.forEach((item, i) => {
    if (item.type !== 'listItem') return;
    const span = spanOf(item);
    const found = labelled[i];
    const own: Piece[] = [];
    if (found) {
      const pieces: Piece[] = [];
      const label = paragraphLabel(found.paragraph.children, src, pieces, comments) as Label;
      const rest: Piece[] = [];
      blockPieces(item.children.slice(1), src, rest, comments);
      for (const p of pieces) own.push(p);
      if (own.length && rest.length) own.push(separator(rest[0].start));
      for (const p of rest) own.push(p);
      out.push({ type: 'paragraph', span, label, pieces: own });
    } else {
      out.push(bulletBlock(item, src, comments));
    }
  });
  return out;
}

/** An unlabelled item of a list that holds labels: a list block of its own. */
function bulletBlock(item: BlockNode & { children: BlockNode[] }, src: string, comments: HtmlComment[]): Block {
  const own: Piece[] = [];
  blockPieces(item.children, src, own, comments);
  return { type: 'list', span: spanOf(item), pieces: own, items: own.length ? [own] : [] };
}

/** The label that opens a list item's first paragraph, if any. */
function itemLabel(children: BlockNode[], src: string): { label: Label; paragraph: BlockNode & { type: 'paragraph' } } | undefined {
  const first = children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const label = paragraphLabel(first.children, src, [], []);
  return label ? { label, paragraph: first } : undefined;
}

function textNode(value: string, start: number): InlineNode {
  return { type: 'text', value, start, end: start + value.length, exact: true };
}

function separator(at: number): Piece {
  return { text: '\n\n', start: at, end: at, exact: false };
}

// Prose nested deeper than this (block quotes in lists in block quotes…) is not read: no story
// nests that deep, and recursing through hundreds of levels would risk the call stack.
const MAX_NESTING = 100;

function blockPieces(nodes: BlockNode[], src: string, out: Piece[], comments: HtmlComment[], depth = 0): void {
  if (depth > MAX_NESTING) return;
  for (const node of nodes) {
    const before = out.length;
    const mark = out.length ? separator(node.start) : undefined;
    if (mark) out.push(mark);
    switch (node.type) {
      case 'code':
      case 'yaml':
      case 'thematicBreak':
        break;
      case 'html':
        collectComments(node.value, node.start, comments);
        break;
      case 'paragraph':
      case 'heading':
        inline(node.children, src, out, comments, depth + 1);
        break;
      default:
        blockPieces(node.children, src, out, comments, depth + 1);
    }
    if (mark && out.length === before + 1) out.pop();
  }
}

function inline(nodes: InlineNode[], src: string, out: Piece[], comments: HtmlComment[], depth = 0): void {
  if (depth > MAX_NESTING) return;
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value, start: node.start, end: node.end, exact: node.exact });
        break;
      case 'break':
        out.push({ text: ' ', start: node.start, end: node.end, exact: false });
        break;
      case 'code':
        break;
      case 'html':
        collectComments(node.value, node.start, comments);
        break;
      default:
        inline(node.children, src, out, comments, depth + 1);
    }
  }
}

function collectComments(html: string, base: number, comments: HtmlComment[]): void {
  const re = /<!--([\s\S]*?)(?:-->|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    comments.push({ body: m[1], span: { start: base + m.index, end: base + m.index + m[0].length } });
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * Detects a section label at the start of a top-level paragraph (`**Situation:** text`,
 * `Situation: text`, `**Situation** - text`) and fills `out` with the prose after it.
 */
function paragraphLabel(children: InlineNode[], src: string, out: Piece[], comments: HtmlComment[]): Label | undefined {
  const first = children[0];
  if (!first) return undefined;
  // "🔹 **Situation:** …": a bullet-like emoji before a bold label is no prose.
  if (first.type === 'text' && LEAD_ONLY.test(first.value) && (children[1]?.type === 'strong' || children[1]?.type === 'emphasis')) {
    const label = paragraphLabel(children.slice(1), src, out, comments);
    if (label) return label;
    out.length = 0;
  }
  // "**S**ituation: …": the name's first letter in bold.
  if (first.type === 'strong' && children[1]?.type === 'text') {
    const letter = textOf(first.children);
    const next = children[1];
    const found = /^[STAR]$/i.test(letter) && /^[a-z]/.test(next.value) ? plainLabel(letter + next.value) : undefined;
    if (found && !found.letter && found.length > 1) {
      const pieces: Piece[] = [];
      inline(children.slice(1), src, pieces, comments);
      const p = pieces[0];
      const used = found.length - 1;
      pieces[0] = { text: p.text.slice(used), start: p.exact ? p.start + used : p.start, end: p.end, exact: p.exact };
      for (const piece of pieces) out.push(piece);
      const span = { start: spanOf(first).start, end: p.exact ? p.start + used : p.end };
      span.end = trimEnd(src, span);
      const { length: _length, ...meaning } = found;
      return { ...meaning, span };
    }
  }
  if (first.type === 'strong' || first.type === 'emphasis') {
    const inner: Piece[] = [];
    inline(first.children, src, inner, comments);
    const word = labelWord(inner.map((p) => p.text).join(''));
    if (word) {
      const rest = children.slice(1);
      const next = rest[0];
      const nextText = next && next.type === 'text' ? next.value : undefined;
      const sep = nextText === undefined ? 0 : separatorLength(nextText);
      const ok = word.colon || next === undefined || next.type === 'break' || sep > 0 || (nextText !== undefined && /^\s*(?:\n|\r)/.test(nextText));
      if (ok) {
        const labelSpan = spanOf(first);
        let consumed = 0;
        if (nextText !== undefined && sep > 0) consumed = sep;
        const pieces: Piece[] = [];
        inline(rest, src, pieces, comments);
        if (consumed && pieces.length) {
          const p = pieces[0];
          pieces[0] = { text: p.text.slice(consumed), start: p.exact ? p.start + consumed : p.start, end: p.end, exact: p.exact };
          labelSpan.end = p.exact ? p.start + consumed : labelSpan.end;
          labelSpan.end = trimEnd(src, labelSpan);
        }
        for (const p of pieces) out.push(p);
        const { colon: _colon, ...meaning } = word;
        return { ...meaning, span: labelSpan };
      }
    }
  }
  if (first.type === 'text') {
    const found = plainLabel(first.value) ?? lineLabel(first.value, children.length === 1);
    if (found) {
      const pieces: Piece[] = [];
      inline(children, src, pieces, comments);
      const p = pieces[0];
      const start = p.start;
      pieces[0] = { text: p.text.slice(found.length), start: p.exact ? p.start + found.length : p.start, end: p.end, exact: p.exact };
      for (const p of pieces) out.push(p);
      const span = { start, end: p.exact ? start + found.length : p.end };
      span.end = trimEnd(src, span);
      const { length: _length, ...meaning } = found;
      return { ...meaning, span };
    }
  }
  inline(children, src, out, comments);
  return undefined;
}

/**
 * A first line that is nothing but a section name ("⭐ Situation", then the text on the next
 * lines or in the next paragraph), with the length it takes up to the text after it. The line
 * must end where the text node does or at a line break.
 */
function lineLabel(value: string, only: boolean): (LabelMeaning & { length: number }) | undefined {
  const nl = value.indexOf('\n');
  if (nl === -1 && !only) return undefined;
  const line = nl === -1 ? value : value.slice(0, nl);
  if (line.length > 80) return undefined;
  const found = standaloneLabel(line);
  return found && { ...found, length: nl === -1 ? value.length : nl + 1 };
}

function trimEnd(src: string, span: Span): number {
  let end = span.end;
  while (end > span.start + 1 && /\s/.test(src[end - 1])) end--;
  return end;
}
