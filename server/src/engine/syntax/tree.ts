import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/**
 * Markdown to a small syntax tree with source offsets: unified + remark-parse (micromark,
 * CommonMark) with remark-frontmatter read the text into mdast, and this adapter keeps what the
 * engine needs of it — block and inline kinds, offsets, and prose that maps back to the source
 * character by character.
 *
 * mdast gives every node its offsets. A text node's value is not always its source slice: escapes
 * (`\*`) and entities (`&amp;`) are decoded, and continuation lines lose their indentation and
 * container prefixes (`> `). `alignText` splits such a value into runs that are verbatim slices of
 * the source and small pieces for each escape or entity, so a finding on a word still points at
 * that word.
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

// CommonMark (no GFM: tables and strikethrough read as text, as stories rarely hold them) and
// YAML front matter. Frozen once: every parse reuses the same parser.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** remark-parse's mdast of `text`, as starlint parses it (the benchmark's floor calls this too). */
export function parseMdast(text: string): Root {
  return processor.parse(text);
}

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

/** Finds the front matter without parsing: chunking needs to know where the body starts. */
export function frontMatter(text: string): FrontMatter | undefined {
  // After a byte order mark too, as micromark reads it.
  const open = /^\ufeff?---[ \t]*(\r\n?|\n)/.exec(text);
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

// Prose nested deeper than this is not read: no story nests that deep, and the adapter recurses.
const MAX_DEPTH = 200;

/**
 * The blocks of `parsed`. `source` is the text as written when `parsed` is a guarded copy of it
 * (units.ts: the same length, a few characters made inert): prose is read from the source.
 */
export function parseTree(parsed: string, source = parsed): BlockNode[] {
  // micromark drops a byte order mark and counts offsets from the character after it.
  const bom = parsed.charCodeAt(0) === 0xfeff ? 1 : 0;
  const adapter = new Adapter(parsed, source, bom);
  const out: BlockNode[] = [];
  for (const node of parseMdast(bom ? parsed.slice(1) : parsed).children) {
    const block = adapter.block(node, 0);
    if (block) out.push(block);
  }
  return out;
}

class Adapter {
  constructor(
    private readonly parsed: string,
    private readonly src: string,
    /** Added to mdast's offsets: 1 after a byte order mark. */
    private readonly off: number,
  ) {}

  private start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.off;
  }

  private end(node: Nodes): number {
    return (node.position?.end.offset ?? 0) + this.off;
  }

  block(node: RootContent, depth: number): BlockNode | undefined {
    const pos = { start: this.start(node), end: this.end(node) };
    switch (node.type) {
      case 'heading':
        return { type: 'heading', depth: node.depth, children: this.inlines(node.children, depth + 1), ...pos };
      case 'paragraph':
        return { type: 'paragraph', children: this.inlines(node.children, depth + 1), ...pos };
      case 'list':
      case 'listItem':
      case 'blockquote': {
        const children: BlockNode[] = [];
        if (depth < MAX_DEPTH) {
          for (const child of node.children) {
            const block = this.block(child, depth + 1);
            if (block) children.push(block);
          }
        }
        return { type: node.type, children, ...pos };
      }
      case 'code':
        return { type: 'code', ...pos };
      case 'thematicBreak':
        return { type: 'thematicBreak', ...pos };
      case 'html':
        // Inside a container the value lost its prefixes ("> "); at the top level it is the
        // source, whose line endings (CRLF) are kept as written so offsets inside it stay right.
        return { type: 'html', value: depth === 0 ? this.src.slice(pos.start, pos.end) : node.value, ...pos };
      case 'yaml':
        return { type: 'yaml', value: node.value, ...pos };
      default:
        // Link reference definitions and anything else hold no prose.
        return undefined;
    }
  }

  private inlines(nodes: PhrasingContent[], depth: number): InlineNode[] {
    const out: InlineNode[] = [];
    if (depth > MAX_DEPTH) return out;
    for (const node of nodes) {
      const start = this.start(node);
      const end = this.end(node);
      switch (node.type) {
        case 'text':
          alignText(node.value, this.parsed, this.src, start, end, out);
          break;
        case 'strong':
        case 'emphasis':
        case 'link':
        case 'linkReference':
          out.push({ type: node.type === 'linkReference' ? 'link' : node.type, children: this.inlines(node.children, depth + 1), start, end });
          break;
        case 'break':
          out.push({ type: 'break', start, end });
          break;
        case 'html':
          out.push({ type: 'html', value: this.src.slice(start, end), start, end });
          break;
        default:
          // Inline code, images and image references: no prose.
          out.push({ type: 'code', start, end });
      }
    }
    return out;
  }
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * Pushes `value` (a text node over src[from, to)) as text nodes: verbatim runs of the source (read
 * from `source`, the text as written, where `src` is its guarded copy), and
 * one piece per character the source writes otherwise (an escape, an entity, NUL as U+FFFD). The
 * source characters the value leaves out — a continuation line's indentation, a block quote's
 * `>`, spaces before a line ending — end one run and start the next.
 */
function alignText(value: string, src: string, source: string, from: number, to: number, out: InlineNode[]): void {
  if (to - from === value.length && src.startsWith(value, from)) {
    out.push({ type: 'text', value: src === source ? value : source.slice(from, to), start: from, end: to, exact: true });
    return;
  }
  let i = from;
  let j = 0;
  let run = -1;
  const flush = (): void => {
    if (run >= 0 && i > run) out.push({ type: 'text', value: source.slice(run, i), start: run, end: i, exact: true });
    run = -1;
  };
  while (j < value.length && i < to) {
    const c = src[i];
    const v = value[j];
    // An escape or an entity first: its first character may equal the one it stands for ("&").
    if (c === '\\' && src[i + 1] === v && ASCII_PUNCT.test(v)) {
      flush();
      out.push({ type: 'text', value: v, start: i, end: i + 2, exact: false });
      i += 2;
      j++;
      continue;
    }
    if (c === '&') {
      // The longest entity name is 31 characters: look no further, so "& & & …" stays linear.
      const near = src.slice(i, i + 34).indexOf(';');
      const semi = near > 1 ? i + near : -1;
      const decoded = semi > 0 ? decodeEntity(src.slice(i, semi + 1)) : undefined;
      if (decoded && value.startsWith(decoded, j)) {
        flush();
        out.push({ type: 'text', value: decoded, start: i, end: semi + 1, exact: false });
        i = semi + 1;
        j += decoded.length;
        continue;
      }
    }
    if (c === v) {
      if (run < 0) run = i;
      i++;
      j++;
      continue;
    }
    flush();
    if (c === '\u0000' && v === '\ufffd') {
      out.push({ type: 'text', value: v, start: i, end: i + 1, exact: false });
      i++;
      j++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '>' || c === '\r' || c === '\n') {
      // Indentation, a container prefix or trailing spaces that the value leaves out.
      i++;
      continue;
    }
    break;
  }
  flush();
  if (j < value.length) {
    // The rest could not be aligned: one piece that points at the rest of the source.
    out.push({ type: 'text', value: value.slice(j), start: Math.min(i, to), end: to, exact: false });
  }
}

/** The character(s) an entity or numeric character reference stands for, decoded as micromark does. */
function decodeEntity(entity: string): string | undefined {
  const body = entity.slice(1, -1);
  if (body[0] === '#') {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    if (!(hex ? /^[\da-f]{1,6}$/i : /^\d{1,7}$/).test(digits)) return undefined;
    return decodeNumericCharacterReference(digits, hex ? 16 : 10);
  }
  const named = decodeNamedCharacterReference(body);
  return named === false ? undefined : named;
}
