import MarkdownIt, { type Token } from 'markdown-it';
import { LineIndex } from './lines';

/**
 * Markdown to a small syntax tree with source offsets, by markdown-it (CommonMark).
 *
 * markdown-it gives block tokens with line ranges and inline tokens with their text and markup
 * but no offsets; this walks the inline tokens in order and finds each one in the source after
 * the previous one, which gives every text run its exact offsets. markdown-it parses a
 * 400-word story about fourteen times faster than remark-parse (bench/README.md), and the
 * engine needs nothing mdast has beyond this tree.
 */


export interface Pos {
  start: number;
  end: number;
}

export type InlineNode =
  /** `exact`: the value is the source slice itself, so offsets inside it map one to one. */
  | ({ type: 'text'; value: string; exact: boolean } & Pos)
  | ({ type: 'strong' | 'emphasis' | 'link'; children: InlineNode[] } & Pos)
  | ({ type: 'break' } & Pos)
  | ({ type: 'html'; value: string } & Pos)
  /** Inline code and images: no prose. */
  | ({ type: 'code' } & Pos);

export type BlockNode =
  | ({ type: 'heading'; depth: number; children: InlineNode[] } & Pos)
  | ({ type: 'paragraph'; children: InlineNode[] } & Pos)
  | ({ type: 'list' | 'listItem' | 'blockquote'; children: BlockNode[] } & Pos)
  | ({ type: 'code' | 'thematicBreak' } & Pos)
  | ({ type: 'html' | 'yaml'; value: string } & Pos);

// CommonMark only (no tables, strikethrough or linkify), raw HTML on, as remark-parse reads it.
// `text_join` would fold escapes and entities into the text around them; kept apart, each text
// token is a verbatim slice of the source and an escape or entity is a token of its own.
//
// One `maxNesting` option limits two things. In blocks, markdown-it stops reading the whole rest
// of the document at that many container levels (each list level counts two): the preset's 20
// lost every section after a list ten levels deep, so blocks get 1,000, which reads any real
// story and stays far from the stack limit. Inline, each nested link or image label is scanned
// again at every level, so the cost is the text times the depth: inline keeps 20, and deeper
// brackets are read as text (20,000 nested images took 1.8 s with 1,000, take 57 ms with 20).
const BLOCK_NESTING = 1000;
const INLINE_NESTING = 20;
const md = new MarkdownIt('commonmark', { maxNesting: BLOCK_NESTING });
md.core.ruler.disable('text_join');
md.core.ruler.before('inline', 'starlint_inline_nesting', (state) => {
  state.md.options.maxNesting = INLINE_NESTING;
});

/** A front matter at the start of `text`: `---` lines around YAML, as remark-frontmatter reads it. */
export interface FrontMatter {
  /** The YAML between the fences. */
  valueStart: number;
  valueEnd: number;
  /** The end of the closing fence's line, before its line ending. */
  end: number;
  /** Just after the closing fence's line ending. */
  after: number;
}

const EOL = /\r\n?|\n/g;

export function frontMatter(text: string): FrontMatter | undefined {
  const open = /^---[ \t]*(\r\n?|\n)/.exec(text);
  if (!open) return undefined;
  let pos = open[0].length;
  while (pos <= text.length) {
    EOL.lastIndex = pos;
    const m = EOL.exec(text);
    const lineEnd = m ? m.index : text.length;
    if (/^---[ \t]*$/.test(text.slice(pos, Math.min(lineEnd, pos + 200)))) {
      // The value ends before the line ending that precedes the closing fence.
      let valueEnd = pos;
      if (valueEnd > open[0].length) valueEnd -= text[valueEnd - 2] === '\r' && text[valueEnd - 1] === '\n' ? 2 : 1;
      return { valueStart: open[0].length, valueEnd: Math.max(open[0].length, valueEnd), end: lineEnd, after: m ? lineEnd + m[0].length : lineEnd };
    }
    if (!m) return undefined;
    pos = lineEnd + m[0].length;
  }
  return undefined;
}

/** markdown-it's tokens of `text`, parsed as starlint parses (the benchmark's floor calls this too). */
export function tokenize(text: string): Token[] {
  md.options.maxNesting = BLOCK_NESTING;
  return md.parse(text, {});
}

export function parseTree(src: string): BlockNode[] {
  const fm = frontMatter(src);
  let input = src;
  const top: BlockNode[] = [];
  if (fm) {
    top.push({ type: 'yaml', value: src.slice(fm.valueStart, fm.valueEnd), start: 0, end: fm.end });
    // markdown-it sees empty lines where the front matter was, so line numbers stay the same.
    input = src.slice(0, fm.after).replace(/[^\r\n]+/g, '') + src.slice(fm.after);
  }
  const tokens = tokenize(input);
  // LineIndex splits lines as markdown-it does: LF, CRLF and a lone CR.
  const reader = new Reader(src, new LineIndex(src));
  const stack: { node: BlockNode & { children: BlockNode[] } }[] = [];
  const add = (node: BlockNode): void => {
    (stack.length ? stack[stack.length - 1].node.children : top).push(node);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
      case 'list_item_open':
      case 'blockquote_open': {
        const type = t.type === 'blockquote_open' ? 'blockquote' : t.type === 'list_item_open' ? 'listItem' : 'list';
        const node = { type, children: [], ...reader.blockSpan(t.map) } as BlockNode & { children: BlockNode[] };
        add(node);
        stack.push({ node });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
        stack.pop();
        break;
      case 'paragraph_open':
      case 'heading_open': {
        const inline = tokens[i + 1];
        const children = inline?.type === 'inline' ? reader.inline(inline) : [];
        const span = reader.blockSpan(t.map);
        if (t.type === 'heading_open') add({ type: 'heading', depth: Number(t.tag.slice(1)), children, ...span });
        else {
          const first = children[0];
          const last = children[children.length - 1];
          add({ type: 'paragraph', children, start: first ? first.start : span.start, end: last ? last.end : span.end });
        }
        i += 2;
        break;
      }
      case 'fence':
      case 'code_block':
        add({ type: 'code', ...reader.blockSpan(t.map) });
        break;
      case 'hr':
        add({ type: 'thematicBreak', ...reader.blockSpan(t.map) });
        break;
      case 'html_block': {
        const span = reader.blockSpan(t.map);
        if (stack.length === 0) {
          // At the top level the block is its source lines: take them, line endings as written
          // (markdown-it's content has LF for CRLF, which would shift every offset after a line).
          add({ type: 'html', value: src.slice(span.start, span.end), start: span.start, end: span.end });
          break;
        }
        // Inside a container the content lost its prefixes ("> "); its first line is still verbatim.
        const firstLine = t.content.split(/\r\n?|\n/, 1)[0].trim();
        const at = firstLine ? src.indexOf(firstLine, span.start) : -1;
        const start = at >= 0 && at < span.end ? at : span.start;
        add({ type: 'html', value: t.content.replace(/(?:\r\n?|\n)$/, ''), start, end: span.end });
        break;
      }
      default:
        break;
    }
  }
  return top;
}

/** Finds tokens in the source, in order. */
class Reader {
  private cur = 0;
  private limit = 0;

  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
  ) {}

  /** Where a line starts; the end of the text for a line past the last. */
  private lineStart(line: number): number {
    return line < this.lines.lineCount ? this.lines.lineStart(line) : this.src.length;
  }

  /** From the first non-blank character of the first line to the last non-blank one. */
  blockSpan(map: [number, number] | null): Pos {
    if (!map) return { start: 0, end: 0 };
    const { src } = this;
    let start = this.lineStart(map[0]);
    const lineEnd = this.lineEnd(map[0]);
    while (start < lineEnd && (src[start] === ' ' || src[start] === '\t')) start++;
    let end = this.lineEnd(Math.max(map[0], map[1] - 1));
    while (end > start && /\s/.test(src[end - 1])) end--;
    return { start, end: Math.max(start, end) };
  }

  private lineEnd(line: number): number {
    if (line + 1 >= this.lines.lineCount) return this.src.length;
    let end = this.lines.lineStart(line + 1) - 1;
    if (this.src[end] === '\n' && this.src[end - 1] === '\r') end--;
    return end;
  }

  private find(s: string, from = this.cur): number {
    if (!s) return -1;
    const at = this.src.indexOf(s, from);
    return at >= 0 && at + s.length <= this.limit ? at : -1;
  }

  private eol(from: number): { at: number; len: number } {
    const { src } = this;
    for (let i = from; i < this.limit; i++) {
      const c = src.charCodeAt(i);
      if (c === 10) return { at: i, len: 1 };
      if (c === 13) return { at: i, len: src.charCodeAt(i + 1) === 10 ? 2 : 1 };
    }
    return { at: this.limit, len: 0 };
  }

  /** Skips a link's or an image's destination: `(…)`, `[…]` or nothing, after its `]`. */
  private skipDestination(close: number): number {
    const { src } = this;
    let i = close + 1;
    if (src[i] === '(') {
      let depth = 0;
      for (; i < this.limit; i++) {
        const c = src[i];
        if (c === '\\') i++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) return i + 1;
      }
      return this.limit;
    }
    if (src[i] === '[') {
      const end = src.indexOf(']', i);
      return end >= 0 && end < this.limit ? end + 1 : i;
    }
    return i;
  }

  inline(token: Token): InlineNode[] {
    const map = token.map ?? [0, 0];
    this.cur = this.lineStart(map[0]);
    this.limit = this.lineEnd(Math.max(map[0], map[1] - 1));
    const root: InlineNode[] = [];
    const stack: (InlineNode & { children: InlineNode[] })[] = [];
    const add = (node: InlineNode): void => {
      const siblings = stack.length ? stack[stack.length - 1].children : root;
      const prev = siblings[siblings.length - 1];
      // Runs of verbatim text (lines joined by their line endings) become one text, as in mdast.
      if (node.type === 'text' && node.exact && prev?.type === 'text' && prev.exact && prev.end === node.start) {
        prev.value += node.value;
        prev.end = node.end;
        return;
      }
      siblings.push(node);
    };
    // A text whose source could not be found ends where the next token starts.
    let loose: (InlineNode & { type: 'text' }) | undefined;
    const settle = (at: number): void => {
      if (loose) loose.end = Math.max(loose.start, at);
      loose = undefined;
    };
    for (const t of token.children ?? []) {
      switch (t.type) {
        case 'text':
        case 'text_special': {
          if (!t.content) break;
          // An escape or an entity is found by its markup (`\*`, `&amp;`), its text is the character.
          const raw = t.type === 'text_special' && t.markup ? t.markup : t.content;
          const at = this.find(raw);
          if (at < 0) {
            settle(this.cur);
            loose = { type: 'text', value: t.content, start: this.cur, end: this.cur, exact: false };
            add(loose);
            break;
          }
          settle(at);
          add({ type: 'text', value: t.content, start: at, end: at + raw.length, exact: raw === t.content });
          this.cur = at + raw.length;
          break;
        }
        case 'softbreak': {
          const { at, len } = this.eol(this.cur);
          settle(at);
          add({ type: 'text', value: this.src.slice(at, at + len) || '\n', start: at, end: at + len, exact: len > 0 });
          this.cur = at + len;
          break;
        }
        case 'hardbreak': {
          const { at, len } = this.eol(this.cur);
          let start = at;
          while (start > this.cur && (this.src[start - 1] === ' ' || this.src[start - 1] === '\t' || this.src[start - 1] === '\\')) start--;
          settle(start);
          add({ type: 'break', start, end: at + len });
          this.cur = at + len;
          break;
        }
        case 'code_inline': {
          const open = this.find(t.markup);
          if (open < 0) break;
          settle(open);
          const close = this.find(t.markup, open + t.markup.length + Math.max(0, t.content.length - 2));
          const end = close >= 0 ? close + t.markup.length : open + t.markup.length;
          add({ type: 'code', start: open, end });
          this.cur = end;
          break;
        }
        case 'image': {
          const open = this.find('![');
          if (open < 0) break;
          settle(open);
          // The alt text may hold brackets of its own; the image ends at the bracket that balances.
          let depth = 0;
          let close = open + 1;
          for (; close < this.limit; close++) {
            const c = this.src[close];
            if (c === '\\') close++;
            else if (c === '[') depth++;
            else if (c === ']' && --depth === 0) break;
          }
          const end = this.skipDestination(close);
          add({ type: 'code', start: open, end });
          this.cur = end;
          break;
        }
        case 'html_inline': {
          let at = this.find(t.content);
          let end = at + t.content.length;
          let value = t.content;
          if (at < 0) {
            // Over lines with CRLF endings, or inside a container: its first line is verbatim, and
            // a comment ends at its "-->"; the source between is the value, as written.
            const first = t.content.split(/\r\n?|\n/, 1)[0];
            at = this.find(first);
            if (at < 0) break;
            const close = t.content.startsWith('<!--') ? this.find('-->', at + 4) : -1;
            end = close >= 0 ? close + 3 : Math.min(this.limit, at + t.content.length);
            value = this.src.slice(at, end);
          }
          settle(at);
          add({ type: 'html', value, start: at, end });
          this.cur = end;
          break;
        }
        case 'strong_open':
        case 'em_open':
        case 'link_open': {
          const marker = t.type === 'link_open' ? (t.markup === 'autolink' ? '<' : '[') : t.markup;
          const at = this.find(marker);
          const start = at < 0 ? this.cur : at;
          settle(start);
          const node = { type: t.type === 'strong_open' ? 'strong' : t.type === 'em_open' ? 'emphasis' : 'link', children: [], start, end: start } as InlineNode & { children: InlineNode[] };
          add(node);
          stack.push(node);
          this.cur = at < 0 ? this.cur : at + marker.length;
          break;
        }
        case 'strong_close':
        case 'em_close':
        case 'link_close': {
          const node = stack.pop();
          let end = this.cur;
          if (t.type === 'link_close') {
            const autolink = t.markup === 'autolink';
            const close = this.find(autolink ? '>' : ']');
            if (close >= 0) end = autolink ? close + 1 : this.skipDestination(close);
          } else {
            const at = this.find(t.markup);
            if (at >= 0) end = at + t.markup.length;
          }
          settle(end);
          if (node) node.end = end;
          this.cur = end;
          break;
        }
        default:
          break;
      }
    }
    settle(this.limit);
    return root;
  }
}
