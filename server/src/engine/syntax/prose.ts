import type { Piece, Span } from '../model/types';

/**
 * The spoken text of a section: the prose of its Markdown with code, HTML comments, labels and
 * headings left out, typography normalised (curly quotes become straight ones, one character for
 * one so offsets survive), and a map from every character back to the source.
 */
export class Prose {
  readonly text: string;
  private readonly pieces: Piece[];
  private readonly starts: number[];
  /** Added to every source offset: a story reused at another place in the file shifts for free. */
  private readonly offset: number;
  /** Facts derived from this text (metrics…), computed once however many rules ask. */
  private derived?: Map<string, unknown>;

  constructor(pieces: Piece[], shared?: { text: string; starts: number[]; offset: number }) {
    this.pieces = pieces;
    if (shared) {
      this.text = shared.text;
      this.starts = shared.starts;
      this.offset = shared.offset;
      return;
    }
    this.offset = 0;
    this.starts = [];
    let text = '';
    for (const piece of pieces) {
      this.starts.push(text.length);
      text += piece.text;
    }
    this.text = normaliseTypography(text);
  }
  /** `compute()`, once per text: the value is kept with this prose (and shared: do not mutate it). */
  once<T>(key: string, compute: (text: string) => T): T {
    this.derived ??= new Map();
    if (!this.derived.has(key)) this.derived.set(key, compute(this.text));
    return this.derived.get(key) as T;
  }

  /** The same prose, its source offsets moved by `delta`. */
  shifted(delta: number): Prose {
    if (delta === 0) return this;
    return new Prose(this.pieces, { text: this.text, starts: this.starts, offset: this.offset + delta });
  }

  static readonly empty = new Prose([]);

  /** Several proses as one, a paragraph break between each (a Result and its lessons). */
  static join(list: Prose[]): Prose {
    const pieces: Piece[] = [];
    for (const p of list) {
      if (pieces.length && p.pieces.length) pieces.push({ text: '\n\n', start: p.offset + p.pieces[0].start, end: p.offset + p.pieces[0].start, exact: false });
      for (const piece of p.pieces) pieces.push(p.offset ? { ...piece, start: piece.start + p.offset, end: piece.end + p.offset } : piece);
    }
    return new Prose(pieces);
  }

  get isEmpty(): boolean {
    return !/[\p{L}\p{N}]/u.test(this.text);
  }

  /** Maps an offset in `text` to an offset in the source document. */
  toSource(offset: number, isEnd = false): number {
    const { pieces, starts } = this;
    if (pieces.length === 0) return this.offset;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] < offset || (!isEnd && starts[mid] === offset)) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo];
    const within = Math.max(0, Math.min(offset - starts[lo], piece.text.length));
    if (piece.exact) return this.offset + piece.start + within;
    // A piece whose text differs from its source (an escape, an entity): point at all of it.
    return this.offset + (isEnd ? piece.end : piece.start);
  }

  /** Maps a range of `text` to a source span. */
  span(start: number, end: number): Span {
    const s = this.toSource(start);
    const e = Math.max(s + 1, this.toSource(end, true));
    return { start: s, end: e };
  }

  /** The whole prose as a source span (first to last character). */
  get whole(): Span | undefined {
    const first = this.pieces.find((p) => p.text.trim() !== '');
    const last = [...this.pieces].reverse().find((p) => p.text.trim() !== '');
    if (!first || !last) return undefined;
    return { start: this.offset + first.start, end: this.offset + last.end };
  }
}

export function normaliseTypography(text: string): string {
  // A lone CR (old Mac line endings) becomes the LF every rule splits lines at.
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\r(?!\n)/g, '\n');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’._%$€£-]*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in the prose text. */
  start: number;
  end: number;
}

/**
 * Splits prose into sentences: at blank lines (paragraph and list-item boundaries) and after
 * . ! ? followed by a space and an upper-case letter, digit or quote. Decimal points and
 * "e.g." in the middle of a sentence do not split.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // A run of end marks is tried from its first mark only (the lookbehind): tried from each mark,
  // a long run of dots without a space after it costs the square of its length.
  const boundary = /\n\s*\n|(?<![.!?])[.!?]+["')\]]*\s+(?=["'(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (end: number): void => {
    const part = trimmed(text, start, end);
    if (part) out.push(part);
  };
  while ((m = boundary.exec(text))) {
    const isBlank = m[0].startsWith('\n');
    const end = isBlank ? m.index : m.index + m[0].trimEnd().length;
    // "e.g. Foo" and "vs. Bar" are not sentence ends.
    if (!isBlank && /\b(?:e\.g|i\.e|vs|etc|approx|Dr|Mr|Ms|Mrs|No|Fig)\.$/i.test(text.slice(Math.max(0, end - 7), end))) continue;
    push(end);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** Splits prose at blank lines into its paragraphs and list items, trimmed, with their offsets. */
export function paragraphs(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    const part = trimmed(text, start, m.index);
    if (part) out.push(part);
    start = m.index + m[0].length;
  }
  const last = trimmed(text, start, text.length);
  if (last) out.push(last);
  return out;
}

/** text[start, end) without its surrounding white space, or undefined when nothing is left. */
function trimmed(text: string, start: number, end: number): Sentence | undefined {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  return body ? { text: body, start: start + lead, end: start + lead + body.length } : undefined;
}

/** Finds every match of a global regular expression, as prose offsets. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = re.global ? re : new RegExp(re.source, re.flags + 'g');
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    yield m;
  }
}
