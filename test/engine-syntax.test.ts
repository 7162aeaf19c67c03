// The syntax stage of the engine (server/src/engine/syntax/), function by function: front matter,
// the mdast adapter and its text alignment, the flattened blocks, chunking, parse units and their
// guard, line indexes and prose. Each test reads a small in-memory text through the real parser
// and checks exact offsets, kinds and texts.
import assert from 'node:assert/strict';
import { frontMatter, parseTree, type BlockNode, type InlineNode } from '../server/src/engine/syntax/tree';
import { absolutePieces, chunkBounds, flatten, prepareText, shiftSpan, type Block } from '../server/src/engine/syntax/blocks';
import { Memo } from '../server/src/engine/memo';
import { guardUnit, parseUnits } from '../server/src/engine/syntax/units';
import { countAtMost, LineIndex } from '../server/src/engine/syntax/lines';
import { countWords, matches, normaliseTypography, paragraphs, Prose, sentences } from '../server/src/engine/syntax/prose';

/** A block as [type, span, label kind/span/trailing, pieces as [text, start, end, exact]]. */
function brief(b: Block): unknown {
  return {
    t: b.type,
    s: [b.span.start, b.span.end],
    l: b.label && [b.label.kind, b.label.span.start, b.label.span.end, b.label.trailing === true],
    p: b.pieces.map((p) => [p.text, p.start, p.end, p.exact]),
  };
}

const blocksOf = (text: string): unknown[] => flatten(text).blocks.map(brief);

/** The innermost node of nested block quotes and how deep it is. */
function innermost(nodes: BlockNode[]): { node: BlockNode; depth: number } {
  let node = nodes[0];
  let depth = 0;
  while (node.type === 'blockquote' && node.children.length) {
    node = node.children[0];
    depth++;
  }
  return { node, depth };
}

describe('syntax/tree.ts', () => {
  describe('frontMatter', () => {
    it('reads an LF front matter: the value between the fences, the closing line and what follows', () => {
      assert.deepEqual(frontMatter('---\na: 1\n---\nbody'), { valueStart: 4, valueEnd: 8, end: 12, after: 13 });
    });

    it('leaves both characters of a CRLF out of the value and counts both after the fence', () => {
      assert.deepEqual(frontMatter('---\r\na: 1\r\n---\r\nbody'), { valueStart: 5, valueEnd: 9, end: 14, after: 16 });
    });

    it('takes one character off before the fence after a lone CR', () => {
      assert.deepEqual(frontMatter('---\ra\r---'), { valueStart: 4, valueEnd: 5, end: 9, after: 9 });
      assert.deepEqual(frontMatter('---\na\r---\n'), { valueStart: 4, valueEnd: 5, end: 9, after: 10 });
    });

    it('gives an empty value when the fences are adjacent, with LF or CRLF', () => {
      assert.deepEqual(frontMatter('---\n---\nx'), { valueStart: 4, valueEnd: 4, end: 7, after: 8 });
      assert.deepEqual(frontMatter('---\r\n---\r\n'), { valueStart: 5, valueEnd: 5, end: 8, after: 10 });
      assert.deepEqual(frontMatter('---\n\n---\n'), { valueStart: 4, valueEnd: 4, end: 8, after: 9 });
    });

    it('reads a front matter after a byte order mark and fences with trailing blanks', () => {
      assert.deepEqual(frontMatter('\ufeff---\na\n---'), { valueStart: 5, valueEnd: 6, end: 10, after: 10 });
      assert.deepEqual(frontMatter('---  \na\n---  '), { valueStart: 6, valueEnd: 7, end: 13, after: 13 });
    });

    it('finds none without a closing fence, with a longer fence, or not at the start', () => {
      assert.equal(frontMatter('---\na\n'), undefined);
      assert.equal(frontMatter('---\na\n----\n'), undefined);
      assert.equal(frontMatter('x---\n'), undefined);
      assert.equal(frontMatter(''), undefined);
    });
  });

  describe('parseTree', () => {
    it('splits escapes and entities into pieces of their own and keeps the rest verbatim', () => {
      assert.deepEqual(parseTree('a \\* b &amp; c &#65; &#x42; &bogus; d'), [
        {
          type: 'paragraph',
          start: 0,
          end: 37,
          children: [
            { type: 'text', value: 'a ', start: 0, end: 2, exact: true },
            { type: 'text', value: '*', start: 2, end: 4, exact: false },
            { type: 'text', value: ' b ', start: 4, end: 7, exact: true },
            { type: 'text', value: '&', start: 7, end: 12, exact: false },
            { type: 'text', value: ' c ', start: 12, end: 15, exact: true },
            { type: 'text', value: 'A', start: 15, end: 20, exact: false },
            { type: 'text', value: ' ', start: 20, end: 21, exact: true },
            { type: 'text', value: 'B', start: 21, end: 27, exact: false },
            { type: 'text', value: ' &bogus; d', start: 27, end: 37, exact: true },
          ],
        },
      ]);
    });

    it('reads a doubled punctuation mark as two characters, not as an escape', () => {
      assert.deepEqual(parseTree('a!! \\* b'), [
        {
          type: 'paragraph',
          start: 0,
          end: 8,
          children: [
            { type: 'text', value: 'a!! ', start: 0, end: 4, exact: true },
            { type: 'text', value: '*', start: 4, end: 6, exact: false },
            { type: 'text', value: ' b', start: 6, end: 8, exact: true },
          ],
        },
      ]);
    });

    it('maps a NUL, which the value holds as U+FFFD, to its one source character', () => {
      assert.deepEqual(parseTree('a\u0000b'), [
        {
          type: 'paragraph',
          start: 0,
          end: 3,
          children: [
            { type: 'text', value: 'a', start: 0, end: 1, exact: true },
            { type: 'text', value: '\ufffd', start: 1, end: 2, exact: false },
            { type: 'text', value: 'b', start: 2, end: 3, exact: true },
          ],
        },
      ]);
    });

    it('skips the indentation before a NUL on a continuation line', () => {
      assert.deepEqual(parseTree('a\n  \u0000b'), [
        {
          type: 'paragraph',
          start: 0,
          end: 6,
          children: [
            { type: 'text', value: 'a\n', start: 0, end: 2, exact: true },
            { type: 'text', value: '\ufffd', start: 4, end: 5, exact: false },
            { type: 'text', value: 'b', start: 5, end: 6, exact: true },
          ],
        },
      ]);
    });

    it('skips the prefix of a quoted continuation line, ending one run and starting the next', () => {
      assert.deepEqual(parseTree('> one\n> two'), [
        {
          type: 'blockquote',
          start: 0,
          end: 11,
          children: [
            {
              type: 'paragraph',
              start: 2,
              end: 11,
              children: [
                { type: 'text', value: 'one\n', start: 2, end: 6, exact: true },
                { type: 'text', value: 'two', start: 8, end: 11, exact: true },
              ],
            },
          ],
        },
      ]);
    });

    it('reads the prose of a guarded copy from the source as written', () => {
      assert.deepEqual(parseTree('x \u01c3[y', 'x ![y'), [
        { type: 'paragraph', start: 0, end: 5, children: [{ type: 'text', value: 'x ![y', start: 0, end: 5, exact: true }] },
      ]);
      assert.deepEqual(parseTree('x \\* \u01c3[y', 'x \\* ![y'), [
        {
          type: 'paragraph',
          start: 0,
          end: 8,
          children: [
            { type: 'text', value: 'x ', start: 0, end: 2, exact: true },
            { type: 'text', value: '*', start: 2, end: 4, exact: false },
            { type: 'text', value: ' ![y', start: 4, end: 8, exact: true },
          ],
        },
      ]);
    });

    it('keeps breaks, top-level HTML with its CRLF, and quoted HTML as mdast reads it', () => {
      assert.deepEqual(parseTree('para  \nline'), [
        {
          type: 'paragraph',
          start: 0,
          end: 11,
          children: [
            { type: 'text', value: 'para', start: 0, end: 4, exact: true },
            { type: 'break', start: 4, end: 7 },
            { type: 'text', value: 'line', start: 7, end: 11, exact: true },
          ],
        },
      ]);
      assert.deepEqual(parseTree('<div>\r\nx\r\n</div>'), [{ type: 'html', value: '<div>\r\nx\r\n</div>', start: 0, end: 16 }]);
      assert.deepEqual(parseTree('> <div>\n> x'), [
        { type: 'blockquote', start: 0, end: 11, children: [{ type: 'html', value: '<div>\nx', start: 2, end: 11 }] },
      ]);
    });

    it('shifts offsets past a byte order mark and maps every inline kind', () => {
      assert.deepEqual(parseTree('\ufeffhi *e* **s** [l](u) [r][r]\n\n[r]: /x\n\n`c` ![i](x) <b>h</b>'), [
        {
          type: 'paragraph',
          start: 1,
          end: 27,
          children: [
            { type: 'text', value: 'hi ', start: 1, end: 4, exact: true },
            { type: 'emphasis', start: 4, end: 7, children: [{ type: 'text', value: 'e', start: 5, end: 6, exact: true }] },
            { type: 'text', value: ' ', start: 7, end: 8, exact: true },
            { type: 'strong', start: 8, end: 13, children: [{ type: 'text', value: 's', start: 10, end: 11, exact: true }] },
            { type: 'text', value: ' ', start: 13, end: 14, exact: true },
            { type: 'link', start: 14, end: 20, children: [{ type: 'text', value: 'l', start: 15, end: 16, exact: true }] },
            { type: 'text', value: ' ', start: 20, end: 21, exact: true },
            { type: 'link', start: 21, end: 27, children: [{ type: 'text', value: 'r', start: 22, end: 23, exact: true }] },
          ],
        },
        {
          type: 'paragraph',
          start: 38,
          end: 58,
          children: [
            { type: 'code', start: 38, end: 41 },
            { type: 'text', value: ' ', start: 41, end: 42, exact: true },
            { type: 'code', start: 42, end: 49 },
            { type: 'text', value: ' ', start: 49, end: 50, exact: true },
            { type: 'html', value: '<b>', start: 50, end: 53 },
            { type: 'text', value: 'h', start: 53, end: 54, exact: true },
            { type: 'html', value: '</b>', start: 54, end: 58 },
          ],
        },
      ]);
    });

    it('maps headings, breaks, code and lists', () => {
      assert.deepEqual(parseTree('# H\n\n---\n\n```\nc\n```\n\n- a\n- b'), [
        { type: 'heading', depth: 1, start: 0, end: 3, children: [{ type: 'text', value: 'H', start: 2, end: 3, exact: true }] },
        { type: 'thematicBreak', start: 5, end: 8 },
        { type: 'code', start: 10, end: 19 },
        {
          type: 'list',
          start: 21,
          end: 28,
          children: [
            {
              type: 'listItem',
              start: 21,
              end: 24,
              children: [{ type: 'paragraph', start: 23, end: 24, children: [{ type: 'text', value: 'a', start: 23, end: 24, exact: true }] }],
            },
            {
              type: 'listItem',
              start: 25,
              end: 28,
              children: [{ type: 'paragraph', start: 27, end: 28, children: [{ type: 'text', value: 'b', start: 27, end: 28, exact: true }] }],
            },
          ],
        },
      ]);
    });

    it('reads inline prose in headings and paragraphs down to 199 nested emphases, and none deeper', () => {
      const deepest = (nodes: InlineNode[]): [number, InlineNode[]] => {
        let depth = 0;
        let cur = nodes;
        for (;;) {
          const inner = cur.find((c) => c.type === 'emphasis');
          if (!inner || inner.type !== 'emphasis') return [depth, cur];
          cur = inner.children;
          depth++;
        }
      };
      const nested = (n: number): string => `${'_a '.repeat(n)}x${' a_'.repeat(n)}`;
      const childrenOf = (b: BlockNode): InlineNode[] => (b.type === 'heading' || b.type === 'paragraph' ? b.children : []);
      assert.deepEqual(deepest(childrenOf(parseTree(`# ${nested(199)}`)[0])), [199, [{ type: 'text', value: 'a x a', start: 597, end: 602, exact: true }]]);
      assert.deepEqual(deepest(childrenOf(parseTree(nested(199))[0])), [199, [{ type: 'text', value: 'a x a', start: 595, end: 600, exact: true }]]);
      assert.deepEqual(deepest(childrenOf(parseTree(`# ${nested(200)}`)[0])), [200, []]);
      assert.deepEqual(deepest(childrenOf(parseTree(nested(200))[0])), [200, []]);
    });

    it('reads prose down to the nesting limit and no deeper', () => {
      // 199 quotes: the paragraph's inlines sit at depth 200, the last depth read.
      const at199 = innermost(parseTree(`${'>'.repeat(199)} x`));
      assert.equal(at199.depth, 199);
      assert.deepEqual(at199.node, { type: 'paragraph', start: 200, end: 201, children: [{ type: 'text', value: 'x', start: 200, end: 201, exact: true }] });
      // 200 quotes: the paragraph is kept, its inlines are past the limit.
      const at200 = innermost(parseTree(`${'>'.repeat(200)} x`));
      assert.equal(at200.depth, 200);
      assert.deepEqual(at200.node, { type: 'paragraph', start: 201, end: 202, children: [] });
      // 201 quotes: the quote at depth 200 holds nothing.
      const at201 = innermost(parseTree(`${'>'.repeat(201)} x`));
      assert.equal(at201.depth, 200);
      assert.deepEqual(at201.node, { type: 'blockquote', start: 200, end: 203, children: [] });
    });
  });
});

describe('syntax/blocks.ts', () => {
  describe('flatten: lists', () => {
    it('keeps a list whose items name one kind of section a list', () => {
      assert.deepEqual(blocksOf('- Situation: x\n- y'), [
        {
          t: 'list',
          s: [0, 18],
          l: undefined,
          p: [
            ['Situation: x', 2, 14, true],
            ['\n\n', 17, 17, false],
            ['y', 17, 18, true],
          ],
        },
      ]);
    });

    it('puts no separator for a code block that holds no prose in an item', () => {
      assert.deepEqual(flatten('- a\n\n  ```\n  c\n  ```\n\n  d\n- e').blocks.map(brief), [
        {
          t: 'list',
          s: [0, 29],
          l: undefined,
          p: [
            ['a', 2, 3, true],
            ['\n\n', 24, 24, false],
            ['d', 24, 25, true],
            ['\n\n', 28, 28, false],
            ['e', 28, 29, true],
          ],
        },
      ]);
    });

    it('leaves an empty item out of the items and pieces', () => {
      const [list] = flatten('- a\n-\n- b').blocks;
      assert.deepEqual(brief(list), {
        t: 'list',
        s: [0, 9],
        l: undefined,
        p: [
          ['a', 2, 3, true],
          ['\n\n', 8, 8, false],
          ['b', 8, 9, true],
        ],
      });
      assert.deepEqual(list.items, [[{ text: 'a', start: 2, end: 3, exact: true }], [{ text: 'b', start: 8, end: 9, exact: true }]]);
    });

    it('reads a list nested under an item as sections when it holds two kinds of label', () => {
      assert.deepEqual(blocksOf('- Good answer:\n  - **S:** a\n  - **T:** b'), [
        { t: 'paragraph', s: [2, 14], l: undefined, p: [['Good answer:', 2, 14, true]] },
        { t: 'paragraph', s: [17, 27], l: ['situation', 19, 25, false], p: [[' a', 25, 27, true]] },
        { t: 'paragraph', s: [30, 40], l: ['task', 32, 38, false], p: [[' b', 38, 40, true]] },
      ]);
    });

    it('keeps a nested list with one label, or none, a list', () => {
      assert.deepEqual(
        flatten('- Good answer:\n  - **S:** a\n  - b').blocks.map((b) => b.type),
        ['list'],
      );
      assert.deepEqual(
        flatten('- a\n  - b\n  - c').blocks.map((b) => b.type),
        ['list'],
      );
    });
  });

  describe('flatten: quotes', () => {
    it('reads four nested quotes as unquoted blocks', () => {
      assert.deepEqual(blocksOf('> > > > **Situation:** x'), [{ t: 'paragraph', s: [8, 24], l: ['situation', 8, 22, false], p: [[' x', 22, 24, true]] }]);
    });

    it('reads a fifth nested quote as one block', () => {
      assert.deepEqual(blocksOf('> > > > > **Situation:** x'), [
        {
          t: 'other',
          s: [8, 26],
          l: undefined,
          p: [
            ['Situation:', 12, 22, true],
            [' x', 24, 26, true],
          ],
        },
      ]);
    });
  });

  describe('flatten: labels inside a paragraph', () => {
    it('splits plain labels at a line start and after a sentence end, in source order', () => {
      assert.deepEqual(blocksOf('Situation: x. Task: y\nAction: z'), [
        { t: 'paragraph', s: [0, 14], l: ['situation', 0, 10, false], p: [['x. ', 11, 14, true]] },
        { t: 'paragraph', s: [14, 22], l: ['task', 14, 19, false], p: [['y\n', 20, 22, true]] },
        { t: 'paragraph', s: [22, 31], l: ['action', 22, 29, false], p: [['z', 30, 31, true]] },
      ]);
    });

    it('starts a new section at a plain label after a hard break, with no empty piece before it', () => {
      assert.deepEqual(blocksOf('**Situation:** x  \nTask: y'), [
        {
          t: 'paragraph',
          s: [0, 19],
          l: ['situation', 0, 14, false],
          p: [
            [' x', 14, 16, true],
            [' ', 16, 19, false],
          ],
        },
        { t: 'paragraph', s: [19, 26], l: ['task', 19, 24, false], p: [['y', 25, 26, true]] },
      ]);
    });

    it('reads a bold label whose colon is escaped', () => {
      assert.deepEqual(blocksOf('**Situation\\:** x'), [{ t: 'paragraph', s: [0, 17], l: ['situation', 0, 15, false], p: [[' x', 15, 17, true]] }]);
    });

    it('splits at a plain label after a sentence end when the paragraph opens with an escaped bold label', () => {
      assert.deepEqual(blocksOf('**Situation\\:** x. Task: y'), [
        { t: 'paragraph', s: [0, 19], l: ['situation', 0, 15, false], p: [[' x. ', 15, 19, true]] },
        { t: 'paragraph', s: [19, 26], l: ['task', 19, 24, false], p: [['y', 25, 26, true]] },
      ]);
    });

    it('reads the bold label forms: first letter in bold, a dash after it, a line break after it', () => {
      assert.deepEqual(blocksOf('**S**ituation: we had x'), [{ t: 'paragraph', s: [0, 23], l: ['situation', 0, 14, false], p: [['we had x', 15, 23, true]] }]);
      assert.deepEqual(blocksOf('**Situation** - we had x'), [{ t: 'paragraph', s: [0, 24], l: ['situation', 0, 15, false], p: [['we had x', 16, 24, true]] }]);
      assert.deepEqual(blocksOf('**Situation** \u2013 we had x'), [
        { t: 'paragraph', s: [0, 24], l: ['situation', 0, 15, false], p: [['we had x', 16, 24, true]] },
      ]);
      assert.deepEqual(blocksOf('**Situation**\nwe had x'), [
        { t: 'paragraph', s: [0, 22], l: ['situation', 0, 13, false], p: [['\nwe had x', 13, 22, true]] },
      ]);
      assert.deepEqual(blocksOf('**Situation**  \nwe had x'), [
        {
          t: 'paragraph',
          s: [0, 24],
          l: ['situation', 0, 13, false],
          p: [
            [' ', 13, 16, false],
            ['we had x', 16, 24, true],
          ],
        },
      ]);
    });

    it('reads each STAR letter in bold as the start of its name', () => {
      assert.deepEqual(
        flatten('**A**ction: did x\n\n**R**esult: won\n\n**T**ask: t').blocks.map((b) => [b.label?.kind, b.label?.span.start, b.label?.span.end]),
        [
          ['action', 0, 11],
          ['result', 19, 30],
          ['task', 36, 45],
        ],
      );
    });

    it('reads no label from a bold name with neither colon nor separator after it', () => {
      assert.deepEqual(blocksOf('**Situation** we had x'), [
        {
          t: 'paragraph',
          s: [0, 22],
          l: undefined,
          p: [
            ['Situation', 2, 11, true],
            [' we had x', 13, 22, true],
          ],
        },
      ]);
    });

    it('passes over a bullet-like symbol before a bold label, and keeps it before bold that is no label', () => {
      assert.deepEqual(blocksOf('\u{1F539} **Situation:** we had x'), [
        { t: 'paragraph', s: [0, 26], l: ['situation', 3, 17, false], p: [[' we had x', 17, 26, true]] },
      ]);
      assert.deepEqual(blocksOf('\u{1F539} **nothing** here'), [
        {
          t: 'paragraph',
          s: [0, 19],
          l: undefined,
          p: [
            ['\u{1F539} ', 0, 3, true],
            ['nothing', 5, 12, true],
            [' here', 14, 19, true],
          ],
        },
      ]);
      assert.deepEqual(blocksOf('x\n\u{1F539} **Task:** y'), [
        { t: 'paragraph', s: [0, 2], l: undefined, p: [['x\n', 0, 2, true]] },
        { t: 'paragraph', s: [2, 16], l: ['task', 5, 14, false], p: [[' y', 14, 16, true]] },
      ]);
    });

    it('reads a section name alone on its first line as a label', () => {
      assert.deepEqual(blocksOf('Situation\nwe had x'), [{ t: 'paragraph', s: [0, 18], l: ['situation', 0, 9, false], p: [['we had x', 10, 18, true]] }]);
      assert.deepEqual(blocksOf('\u2b50 Situation\n\nwe had x'), [
        { t: 'paragraph', s: [0, 11], l: ['situation', 0, 11, false], p: [['', 11, 11, true]] },
        { t: 'paragraph', s: [13, 21], l: undefined, p: [['we had x', 13, 21, true]] },
      ]);
      assert.deepEqual(blocksOf('S: x\nT: y'), [
        { t: 'paragraph', s: [0, 5], l: ['situation', 0, 2, false], p: [['x\n', 3, 5, true]] },
        { t: 'paragraph', s: [5, 9], l: ['task', 5, 7, false], p: [['y', 8, 9, true]] },
      ]);
    });

    it('reads a list of one item that is only a section name as a label, and a longer list as a list', () => {
      assert.deepEqual(blocksOf('4. Result\n\nwe won'), [
        { t: 'paragraph', s: [0, 9], l: ['result', 3, 9, false], p: [['', 9, 9, true]] },
        { t: 'paragraph', s: [11, 17], l: undefined, p: [['we won', 11, 17, true]] },
      ]);
      assert.deepEqual(blocksOf('- Result\n- we won'), [
        {
          t: 'list',
          s: [0, 17],
          l: undefined,
          p: [
            ['Result', 2, 8, true],
            ['\n\n', 11, 11, false],
            ['we won', 11, 17, true],
          ],
        },
      ]);
    });

    it('splits at a bold label inside a line only after a sentence end or in a labelled paragraph', () => {
      assert.deepEqual(blocksOf('The launch. **Task:** y'), [
        { t: 'paragraph', s: [0, 12], l: undefined, p: [['The launch. ', 0, 12, true]] },
        { t: 'paragraph', s: [12, 23], l: ['task', 12, 21, false], p: [[' y', 21, 23, true]] },
      ]);
      assert.deepEqual(blocksOf('The launch **Task:** y'), [
        {
          t: 'paragraph',
          s: [0, 22],
          l: undefined,
          p: [
            ['The launch ', 0, 11, true],
            ['Task:', 13, 18, true],
            [' y', 20, 22, true],
          ],
        },
      ]);
      assert.deepEqual(blocksOf('**Situation:** a. **Task** - y'), [
        { t: 'paragraph', s: [0, 18], l: ['situation', 0, 14, false], p: [[' a. ', 14, 18, true]] },
        { t: 'paragraph', s: [18, 30], l: ['task', 18, 28, false], p: [['y', 29, 30, true]] },
      ]);
    });

    it('reads no label from a section name that runs on into emphasis on its line', () => {
      assert.deepEqual(blocksOf('Situation *was* hard'), [
        {
          t: 'paragraph',
          s: [0, 20],
          l: undefined,
          p: [
            ['Situation ', 0, 10, true],
            ['was', 11, 14, true],
            [' hard', 15, 20, true],
          ],
        },
      ]);
    });

    it('splits a paragraph at trailing markers, each marking the text before it', () => {
      assert.deepEqual(blocksOf('The launch was at risk. (Situation) I had to fix it. (Task) Then more.'), [
        { t: 'paragraph', s: [0, 35], l: ['situation', 24, 35, true], p: [['The launch was at risk. ', 0, 24, true]] },
        { t: 'paragraph', s: [35, 59], l: ['task', 53, 59, true], p: [[' I had to fix it. ', 35, 53, true]] },
        { t: 'paragraph', s: [59, 70], l: undefined, p: [[' Then more.', 59, 70, true]] },
      ]);
    });

    it('cuts verbatim pieces exactly where a trailing marker falls inside a later piece', () => {
      assert.deepEqual(blocksOf('a *b* c. (Situation) d e. (Task) f'), [
        {
          t: 'paragraph',
          s: [0, 20],
          l: ['situation', 9, 20, true],
          p: [
            ['a ', 0, 2, true],
            ['b', 3, 4, true],
            [' c. ', 5, 9, true],
          ],
        },
        { t: 'paragraph', s: [20, 32], l: ['task', 26, 32, true], p: [[' d e. ', 20, 26, true]] },
        { t: 'paragraph', s: [32, 34], l: undefined, p: [[' f', 32, 34, true]] },
      ]);
    });
  });

  describe('flatten: other blocks and comments', () => {
    it('collects HTML comments from blocks and inlines, an unclosed one to the end of its block', () => {
      const flat = flatten('x\n\n<!-- a --> <!-- b\n\nc *<!--d-->*');
      assert.deepEqual(flat.blocks.map(brief), [
        { t: 'paragraph', s: [0, 1], l: undefined, p: [['x', 0, 1, true]] },
        { t: 'html', s: [3, 20], l: undefined, p: [] },
        { t: 'paragraph', s: [22, 34], l: undefined, p: [['c ', 22, 24, true]] },
      ]);
      assert.deepEqual(flat.comments, [
        { body: ' a ', span: { start: 3, end: 13 } },
        { body: ' b', span: { start: 14, end: 20 } },
        { body: 'd', span: { start: 25, end: 33 } },
      ]);
      assert.deepEqual(flat.chunks, [0]);
    });

    it('flattens front matter, headings, code, breaks and HTML blocks', () => {
      const flat = flatten('---\ntitle: t\n---\n# Head *x*\n\n```\ncode\n```\n\n***\n\n<div>\n<!-- hi -->\n</div>');
      assert.deepEqual(flat.blocks, [
        { type: 'yaml', span: { start: 0, end: 16 }, pieces: [], value: 'title: t' },
        { type: 'heading', span: { start: 17, end: 27 }, depth: 1, heading: 'Head x', pieces: [] },
        { type: 'code', span: { start: 29, end: 41 }, pieces: [] },
        { type: 'other', span: { start: 43, end: 46 }, pieces: [] },
        { type: 'html', span: { start: 48, end: 72 }, pieces: [] },
      ]);
      assert.deepEqual(flat.comments, [{ body: ' hi ', span: { start: 54, end: 65 } }]);
    });
  });

  describe('flatten: lines that open too many containers', () => {
    it('reads list markers past the 32nd on a line as text', () => {
      assert.deepEqual(blocksOf(`${'- '.repeat(40)}x`), [{ t: 'list', s: [0, 81], l: undefined, p: [['- - - - - - - - x', 64, 81, true]] }]);
      assert.deepEqual(blocksOf(`${'- '.repeat(40)}x\r\n`), [{ t: 'list', s: [0, 81], l: undefined, p: [['- - - - - - - - x', 64, 81, true]] }]);
    });

    it('counts a marker at the end of a line, or before a tab or CR, as a container', () => {
      assert.deepEqual(blocksOf(`${'* '.repeat(32)}-`), [{ t: 'list', s: [0, 65], l: undefined, p: [['-', 64, 65, true]] }]);
      assert.deepEqual(blocksOf(`${'* '.repeat(32)}-\r\nx`), [{ t: 'list', s: [0, 68], l: undefined, p: [['-\r\nx', 64, 68, true]] }]);
      assert.deepEqual(blocksOf(`${'* '.repeat(32)}-\tx`), [{ t: 'list', s: [0, 67], l: undefined, p: [['-\tx', 64, 67, true]] }]);
      assert.deepEqual(blocksOf(`${'- '.repeat(33)}-\tx`), [{ t: 'list', s: [0, 69], l: undefined, p: [['- -\tx', 64, 69, true]] }]);
    });

    it('counts numbered markers and quote markers, not a dash before a letter', () => {
      assert.deepEqual(blocksOf(`${'1. '.repeat(33)}-x`), [{ t: 'list', s: [0, 101], l: undefined, p: [['1. -x', 96, 101, true]] }]);
      assert.deepEqual(blocksOf(`${'> '.repeat(33)}-`), [{ t: 'other', s: [8, 67], l: undefined, p: [['> -', 64, 67, true]] }]);
    });
  });

  describe('chunkBounds', () => {
    it('keeps a story-sized document whole', () => {
      assert.deepEqual(chunkBounds('x'.repeat(23_999)), [[0, 23_999]]);
      assert.deepEqual(chunkBounds('# A\n# B\n'), [[0, 8]]);
    });

    it('splits at the shallowest heading depth that repeats', () => {
      assert.deepEqual(chunkBounds('# A\n## B\n## C\n', true), [
        [0, 4],
        [4, 9],
        [9, 14],
      ]);
    });

    it('ignores headings in a fence until a fence of the same character, at least as long, closes it', () => {
      assert.deepEqual(chunkBounds('# A\n```\n## no\n~~~\n## no\n````\n## C\n## D\n', true), [
        [0, 29],
        [29, 34],
        [34, 39],
      ]);
      assert.deepEqual(chunkBounds('# A\n~~~~\n## no\n~~~\n## no\n~~~~~ \n## C\n## D\n', true), [
        [0, 32],
        [32, 37],
        [37, 42],
      ]);
    });

    it('ends a comment only at a line holding its closing -->', () => {
      assert.deepEqual(chunkBounds('# A\n<!-- x\n-- y\n## no\n-->\n## C\n## D\n', true), [
        [0, 26],
        [26, 31],
        [31, 36],
      ]);
    });

    it('ignores headings in an HTML comment left open on its line', () => {
      assert.deepEqual(chunkBounds('# A\n<!-- x\n## no\n-->\n## C\n<!-- y --> ## z\n## D\n', true), [
        [0, 21],
        [21, 42],
        [42, 47],
      ]);
    });

    it('skips the front matter and reads only one to six hashes before a blank or the line end', () => {
      assert.deepEqual(chunkBounds('---\n# not\n---\n# A\n# B\n#C\n####### D\n#\n', true), [
        [0, 14],
        [14, 18],
        [18, 35],
        [35, 37],
      ]);
    });

    it('moves blocks, labels and their base to absolute offsets in a split document', () => {
      const story = (n: number): string => `## Story ${n}\n\n**Situation:** ${'word '.repeat(10)}\n\n`;
      const text = story(1) + story(2);
      const flat = flatten(text + 'x'.repeat(24_000 - text.length));
      assert.deepEqual(flat.chunks, [0, story(1).length]);
      const labels = flat.blocks.filter((b) => b.label);
      assert.deepEqual(
        labels.map((b) => [b.span.start, b.label?.span.start, b.base ?? 0]),
        [
          [12, 12, 0],
          [story(1).length + 12, story(1).length + 12, story(1).length],
        ],
      );
      const second = labels[1];
      assert.deepEqual(
        absolutePieces(second.pieces, second.base).map((p) => text.slice(p.start, p.end)),
        [` ${'word '.repeat(10)}`.trimEnd()],
      );
    });
  });

  describe('flatten and prepareText: a chunk cut into units', () => {
    // 64 items with two kinds of label, then an item with a third: the list is cut before it,
    // the 65th item, and a paragraph takes the chunk past UNIT.
    const labelled = Array.from({ length: 64 }, (_, i) =>
      i % 2 ? `- **Task:** t${String(i).padStart(2, '0')} ${'w'.repeat(35)}` : `- **Situation:** s${String(i).padStart(2, '0')} ${'w'.repeat(30)}`,
    ).join('\n');
    const text = `${labelled}\n- Result: we won\n- more\n\n${'z'.repeat(900)}`;

    it('reads the labelled items after a cut as sections of the list before it', () => {
      assert.deepEqual(parseUnits(text), [
        [0, 3328],
        [3328, 4253],
      ]);
      assert.deepEqual(
        flatten(text)
          .blocks.slice(-4)
          .map((b) => [b.type, b.span.start, b.span.end, b.label?.kind]),
        [
          ['paragraph', 3276, 3327, 'task'],
          ['paragraph', 3328, 3344, 'result'],
          ['list', 3345, 3351, undefined],
          ['paragraph', 3353, 4253, undefined],
        ],
      );
    });

    it('keeps a cut list a list when its first part holds no label', () => {
      const items = Array.from({ length: 70 }, (_, i) => `- item ${i} ${'w'.repeat(60)}`).join('\n');
      const flat = flatten(`- Situation: ${'a'.repeat(50)}\n${items}\n- Result: we won`);
      assert.deepEqual(
        flat.blocks.map((b) => [b.type, b.span.start, b.span.end, b.label?.kind]),
        [
          ['list', 0, 4029, undefined],
          ['list', 4030, 5040, undefined],
        ],
      );
    });

    it('parses ahead one unit at a time into the memo, which a later flatten reads', async () => {
      const memo = new Memo();
      const calls: [number, number][] = [];
      await prepareText(text, memo, async (done, total) => {
        calls.push([done, total]);
      });
      assert.deepEqual(calls, [
        [1, 2],
        [2, 2],
      ]);
      const again: [number, number][] = [];
      await prepareText(text, memo, async (done, total) => {
        again.push([done, total]);
      });
      assert.deepEqual(again, []);
      assert.deepEqual(flatten(text, memo), flatten(text));
    });
  });

  describe('flatten: a split document', () => {
    it('moves comments, spans and bases by both the chunk and the unit offset', () => {
      const s1 = `## One\n\n${paras(220)}\n\n`;
      const s2 = `## Two\n\n<!-- note -->\n\n${paras(60)}\n\n**Result:** we won\n`;
      const text = s1 + s2;
      const flat = flatten(text);
      assert.deepEqual(flat.chunks, [0, 21_128]);
      assert.deepEqual(flat.comments, [{ body: ' note ', span: { start: 21_136, end: 21_149 } }]);
      const result = flat.blocks.filter((b) => b.label);
      assert.deepEqual(
        result.map((b) => [b.span, b.label?.span, b.base]),
        [[{ start: 26_911, end: 26_929 }, { start: 26_911, end: 26_922 }, 21_128 + 4055]],
      );
      assert.deepEqual(
        absolutePieces(result[0].pieces, result[0].base).map((p) => text.slice(p.start, p.end)),
        [' we won'],
      );
    });
  });

  describe('shiftSpan and absolutePieces', () => {
    it('moves spans and pieces by an offset, and leaves pieces alone at base 0', () => {
      const pieces = [{ text: 'a', start: 1, end: 2, exact: true }];
      assert.equal(absolutePieces(pieces, 0), pieces);
      assert.equal(absolutePieces(pieces, undefined), pieces);
      assert.deepEqual(absolutePieces(pieces, 5), [{ text: 'a', start: 6, end: 7, exact: true }]);
      assert.deepEqual(shiftSpan({ start: 1, end: 2 }, 3), { start: 4, end: 5 });
    });
  });
});

/** Paragraphs of 90 characters, blank lines between. */
const paras = (n: number): string => Array.from({ length: n }, (_, i) => `Paragraph ${String(i).padStart(3, '0')} ${'w'.repeat(80)}`).join('\n\n');

describe('syntax/units.ts', () => {
  describe('parseUnits', () => {
    it('keeps a text of UNIT characters or fewer whole', () => {
      assert.deepEqual(parseUnits('x'.repeat(4096)), [[0, 4096]]);
      assert.deepEqual(parseUnits('x'.repeat(4097 + 10), 11), [[0, 4107]]);
    });

    it('counts only the text after a front matter, and never cuts inside it', () => {
      const fm = `---\n${'k: v\n\n'.repeat(800)}---\n`;
      const text = `${fm}Situation: x`;
      assert.deepEqual(parseUnits(text), [
        [0, 4096],
        [4096, 4820],
      ]);
      assert.deepEqual(parseUnits(text, fm.length), [[0, 4820]]);
      assert.deepEqual(parseUnits(`${fm}a\n\nb`, fm.length), [[0, 4812]]);
      assert.deepEqual(parseUnits(`${text}\n\n${'y'.repeat(4100)}`, fm.length), [
        [0, 4822],
        [4822, 8922],
      ]);
      assert.deepEqual(
        flatten(text).blocks.map((b) => [b.type, b.span.start, b.span.end, b.label?.kind]),
        [
          ['yaml', 0, 4807, undefined],
          ['paragraph', 4808, 4820, 'situation'],
        ],
      );
    });

    it('cuts before a paragraph after a blank line', () => {
      assert.deepEqual(parseUnits(paras(60)), [
        [0, 4032],
        [4032, 5758],
      ]);
    });

    it('never cuts inside a fence, and cuts after the line that closes it', () => {
      const after = paras(30);
      assert.deepEqual(parseUnits(`\`\`\`\n${paras(30)}\n\`\`\`\n\n${after}`), [
        [0, 4040],
        [4040, 5766],
      ]);
      assert.deepEqual(parseUnits(`~~~\n${paras(30)}\n~~~\n\n${after}`), [
        [0, 4040],
        [4040, 5766],
      ]);
      const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
      assert.deepEqual(parseUnits(crlf(`\`\`\`\n${paras(30)}\n\`\`\`\n\n${after}`)), [
        [0, 4028],
        [4028, 5886],
      ]);
      assert.deepEqual(parseUnits(`\`\`\`\n${paras(60)}\n\`\`\`\n\n${paras(3)}`), [
        [0, 5768],
        [5768, 6054],
      ]);
    });

    it('keeps a fence open past a line that is no closing fence', () => {
      const after = paras(30);
      // Text after the fence, a fence indented four spaces, a shorter fence.
      assert.deepEqual(parseUnits(`\`\`\`\n${paras(30)}\n\`\`\` x\n\n${after}`), [[0, 5768]]);
      assert.deepEqual(parseUnits(`\`\`\`\n${paras(30)}\n    \`\`\`\n\n${after}`), [[0, 5770]]);
      assert.deepEqual(parseUnits(`\`\`\`\`\n${paras(30)}\n\`\`\`\n\n${after}`), [[0, 5767]]);
    });

    it('closes a fence indented up to three spaces', () => {
      assert.deepEqual(parseUnits(`\`\`\`\n${paras(30)}\n   \`\`\`\n\n${paras(30)}`), [
        [0, 4043],
        [4043, 5769],
      ]);
    });

    it('never cuts inside a raw HTML block or a comment that may hold blank lines', () => {
      assert.deepEqual(parseUnits(`<pre>\n${paras(30)}\n</pre>\n\n${paras(30)}`), [
        [0, 4045],
        [4045, 5771],
      ]);
      assert.deepEqual(parseUnits(`<PRE>\n${paras(30)}\n</pre>\n\n${paras(30)}`), [
        [0, 4045],
        [4045, 5771],
      ]);
      assert.deepEqual(parseUnits(`<!--\n${paras(30)}\n-->\n\n${paras(30)}`), [
        [0, 4041],
        [4041, 5767],
      ]);
    });

    it('cuts as usual after a comment or raw block closed on its own line', () => {
      assert.deepEqual(parseUnits(`<!-- x -->\n\n${paras(60)}`), [
        [0, 4044],
        [4044, 5770],
      ]);
      assert.deepEqual(parseUnits(`<pre>x</pre>\n\n${paras(60)}`), [
        [0, 4046],
        [4046, 5772],
      ]);
    });

    it('cuts a run of lines with no blank line at a line start after LONG_RUN, inside containers too', () => {
      const lines = Array.from({ length: 120 }, (_, i) => `line ${String(i).padStart(3, '0')} ${'w'.repeat(80)}`).join('\n');
      assert.deepEqual(parseUnits(lines), [
        [0, 8190],
        [8190, 10_799],
      ]);
      const quoted = Array.from({ length: 120 }, (_, i) => `  > line ${String(i).padStart(3, '0')} ${'w'.repeat(80)}`).join('\n');
      assert.deepEqual(parseUnits(quoted), [
        [0, 8182],
        [8182, 11_279],
      ]);
    });

    it('cuts before a paragraph indented by a space only at a line start after LONG_RUN', () => {
      const indented = Array.from({ length: 100 }, (_, i) => ` Paragraph ${String(i).padStart(3, '0')} ${'w'.repeat(80)}`).join('\n\n');
      assert.deepEqual(parseUnits(indented), [
        [0, 8149],
        [8149, 9698],
      ]);
    });

    it('cuts a long list between two items at the margin', () => {
      const items = Array.from({ length: 100 }, (_, i) => `- item ${String(i).padStart(3, '0')} ${'w'.repeat(60)}`).join('\n');
      assert.deepEqual(parseUnits(items), [
        [0, 4032],
        [4032, 7199],
      ]);
    });

    it('cuts a long line at LONG_RUN before a letter or digit, looking back for one', () => {
      assert.deepEqual(parseUnits('a'.repeat(9000)), [
        [0, 8192],
        [8192, 9000],
      ]);
      assert.deepEqual(parseUnits('ab...'.repeat(2500)), [
        [0, 8191],
        [8191, 12_500],
      ]);
      // The only letter sits 4,096 characters back: too far.
      assert.deepEqual(parseUnits(`${'.'.repeat(4096)}a${'.'.repeat(5000)}`), [
        [0, 8192],
        [8192, 9097],
      ]);
      assert.deepEqual(parseUnits(`${'.'.repeat(4097)}a${'.'.repeat(5000)}`), [
        [0, 4097],
        [4097, 9098],
      ]);
    });

    it('cuts a line with no letter at LONG_RUN, after a low surrogate rather than inside a pair', () => {
      assert.deepEqual(parseUnits('.'.repeat(9000)), [
        [0, 8192],
        [8192, 9000],
      ]);
      const emoji = `.${'\u{1F600}'.repeat(4600)}`;
      assert.deepEqual(parseUnits(emoji), [
        [0, 8193],
        [8193, emoji.length],
      ]);
    });
  });

  describe('guardUnit', () => {
    it('keeps 32 image openers and turns the 33rd into a link opener', () => {
      assert.equal(guardUnit('![a]'.repeat(32)), '![a]'.repeat(32));
      assert.equal(guardUnit('![a]'.repeat(33)), `${'![a]'.repeat(32)}\u01c3[a]`);
    });

    it('keeps 256 emphasis runs and turns later ones into look-alikes of the same length', () => {
      const runs = 'a *b* '.repeat(128);
      assert.equal(guardUnit(runs), runs);
      assert.equal(guardUnit(`${runs}**c** __d__`), `${runs}\u2217\u2217c\u2217\u2217 \uff3f\uff3fd\uff3f\uff3f`);
    });

    it('does not count star list markers as emphasis, after indentation or a quote marker too', () => {
      const items = '* a\n'.repeat(300);
      assert.equal(guardUnit(items), items);
      const quoted = '> * a\n  * b\n'.repeat(150);
      assert.equal(guardUnit(quoted), quoted);
    });

    it('looks back 40 characters for the start of the line of a star marker', () => {
      const runs = '*b* '.repeat(128);
      assert.equal(guardUnit(`${' '.repeat(40)}* a\n${runs}`), `${' '.repeat(40)}* a\n${runs}`);
      assert.equal(guardUnit(`${' '.repeat(41)}* a\n${runs}`), `${' '.repeat(41)}* a\n${runs.slice(0, -2)}\u2217 `);
    });

    it('counts a star run followed by text as emphasis, at a line start too', () => {
      const runs = '*a\n'.repeat(256);
      assert.equal(guardUnit(`${runs}*b`), `${runs}\u2217b`);
    });

    it('turns the marker of an item indented 128 columns or more into a middle dot', () => {
      assert.equal(
        guardUnit(`${' '.repeat(128)}- x\n${' '.repeat(127)}- y\n${'\t'.repeat(130)}12. z`),
        `${' '.repeat(128)}\u00b7 x\n${' '.repeat(127)}- y\n${'\t'.repeat(130)}12\u00b7 z`,
      );
    });

    it('keeps 16 unclosed comment openers and makes the 17th inert', () => {
      const sixteen = 'x <!-- a '.repeat(16);
      assert.equal(guardUnit(sixteen), sixteen);
      const seventeen = 'x <!-- a '.repeat(17);
      assert.equal(guardUnit(seventeen), `${'x <!-- a '.repeat(16)}x \u2039!-- a `);
    });

    it('leaves comment openers at a line start alone, as HTML blocks', () => {
      const blocks = '<!-- a\n'.repeat(17);
      assert.equal(guardUnit(blocks), blocks);
    });

    it('leaves comments that close before the next one opens alone', () => {
      const closed = 'x <!-- a --> '.repeat(40);
      assert.equal(guardUnit(closed), closed);
    });
  });
});

describe('syntax/lines.ts', () => {
  const text = 'ab\ncd\r\nef\rgh';

  it('finds line starts after LF, CRLF and a lone CR', () => {
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 4);
    assert.deepEqual(
      [0, 3, 7, 10, 11, 99, -5].map((o) => li.position(o)),
      [
        { line: 0, character: 0 },
        { line: 1, character: 0 },
        { line: 2, character: 0 },
        { line: 3, character: 0 },
        { line: 3, character: 1 },
        { line: 3, character: 2 },
        { line: 0, character: 0 },
      ],
    );
  });

  it('maps positions to offsets, clamped to the line and the text', () => {
    const li = new LineIndex(text);
    assert.deepEqual(
      [
        li.offset(0, 1),
        li.offset(0, 9),
        li.offset(1, 1),
        li.offset(2, 9),
        li.offset(3, 1),
        li.offset(3, 9),
        li.offset(4, 0),
        li.offset(9, 0),
        li.offset(-1, 3),
        li.offset(1, -4),
      ],
      [1, 3, 4, 10, 11, 12, 12, 12, 0, 3],
    );
    assert.deepEqual([li.lineStart(2), li.lineStart(9), li.lineStart(-1)], [7, 10, 0]);
  });

  it('moves the later line starts when an edit inserts lines', () => {
    const edited = 'ab\nXX\nYY\ncd\r\nef\rgh';
    const e = new LineIndex(text).edited(edited, 3, 3, 'XX\nYY\n');
    assert.deepEqual(
      Array.from({ length: e.lineCount }, (_, i) => e.lineStart(i)),
      [0, 3, 6, 9, 13, 16],
    );
  });

  it('moves the later line starts back when an edit removes lines, as a full scan would', () => {
    const edited = 'ab\ncd\r\nZgh';
    const e = new LineIndex(text).edited(edited, 7, 10, 'Z');
    const full = new LineIndex(edited);
    assert.deepEqual(
      Array.from({ length: e.lineCount }, (_, i) => e.lineStart(i)),
      Array.from({ length: full.lineCount }, (_, i) => full.lineStart(i)),
    );
    assert.deepEqual(
      Array.from({ length: e.lineCount }, (_, i) => e.lineStart(i)),
      [0, 3, 7],
    );
  });

  it('keeps line starts when an edit replaces text of the same length', () => {
    const e = new LineIndex(text).edited('ab\nXY\r\nef\rgh', 3, 5, 'XY');
    assert.deepEqual(
      Array.from({ length: e.lineCount }, (_, i) => e.lineStart(i)),
      [0, 3, 7, 10],
    );
  });

  it('rescans the whole text when told to', () => {
    const e = new LineIndex(text).edited('a\r\nb', 0, text.length, 'a\r\nb', true);
    assert.deepEqual([e.lineCount, e.lineStart(1)], [2, 3]);
  });

  it('counts the values at most x in an ascending array', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6].map((x) => countAtMost([1, 3, 3, 5], x)),
      [0, 1, 1, 3, 3, 4, 4],
    );
    assert.equal(countAtMost([], 3), 0);
  });
});

describe('syntax/prose.ts', () => {
  const pieces = [
    { text: 'ab ', start: 10, end: 13, exact: true },
    { text: '&', start: 13, end: 18, exact: false },
    { text: ' cd', start: 18, end: 21, exact: true },
  ];

  it('maps prose offsets to the source, a whole entity for an offset inside it', () => {
    const p = new Prose(pieces);
    assert.equal(p.text, 'ab & cd');
    assert.deepEqual(
      [p.toSource(0), p.toSource(3), p.toSource(3, true), p.toSource(4), p.toSource(4, true), p.toSource(6), p.toSource(99)],
      [10, 13, 13, 18, 18, 20, 21],
    );
    assert.deepEqual(
      [p.span(0, 2), p.span(3, 4), p.span(2, 2)],
      [
        { start: 10, end: 12 },
        { start: 13, end: 18 },
        { start: 12, end: 13 },
      ],
    );
    assert.deepEqual(p.whole, { start: 10, end: 21 });
  });

  it('shifts, joins and reports emptiness', () => {
    const p = new Prose(pieces);
    const s = p.shifted(100);
    assert.deepEqual([s.text, s.toSource(0), s.whole], ['ab & cd', 110, { start: 110, end: 121 }]);
    assert.equal(p.shifted(0), p);
    assert.deepEqual([Prose.empty.toSource(5), Prose.empty.whole, Prose.empty.isEmpty], [0, undefined, true]);
    assert.equal(p.isEmpty, false);
    assert.equal(new Prose([{ text: '-- !', start: 0, end: 4, exact: true }]).isEmpty, true);
    const joined = Prose.join([s, Prose.empty, new Prose([{ text: 'x', start: 50, end: 51, exact: true }])]);
    assert.equal(joined.text, 'ab & cd\n\nx');
    assert.deepEqual([joined.toSource(0), joined.toSource(7), joined.toSource(9), joined.toSource(11)], [110, 50, 50, 51]);
    // The paragraph break between them stands for no source: it points at the start of the next.
    assert.deepEqual([joined.toSource(8), joined.toSource(8, true)], [50, 50]);
  });

  it('ends a span at the end of the piece before a gap, and starts one at the piece after it', () => {
    const gap = new Prose([
      { text: 'ab', start: 10, end: 12, exact: true },
      { text: 'cd', start: 20, end: 22, exact: true },
    ]);
    assert.deepEqual([gap.toSource(2), gap.toSource(2, true)], [20, 12]);
    assert.deepEqual(
      [gap.span(0, 2), gap.span(2, 4), gap.span(1, 3)],
      [
        { start: 10, end: 12 },
        { start: 20, end: 22 },
        { start: 11, end: 21 },
      ],
    );
  });

  it('computes a derived value once per prose', () => {
    const p = new Prose(pieces);
    let calls = 0;
    const count = (t: string): number => {
      calls++;
      return t.length;
    };
    assert.deepEqual([p.once('n', count), p.once('n', count), calls], [7, 7, 1]);
  });

  it('normalises curly quotes and lone CRs one character for one', () => {
    assert.equal(new Prose([{ text: '\u2018a\u2019 \u201Cb\u201D c\rd\r\ne', start: 0, end: 14, exact: true }]).text, '\'a\' "b" c\nd\r\ne');
    assert.equal(normaliseTypography('\u201B\u2032\u201F\u2033'), '\'\'""');
  });

  it('counts words with numbers, units and inner punctuation as one word each', () => {
    assert.deepEqual([countWords("it's 3.5% of $10 \u2014 done-ish"), countWords(''), countWords('  -- ')], [5, 0, 0]);
  });

  it('splits sentences at end marks and blank lines, not after abbreviations, with trimmed offsets', () => {
    assert.deepEqual(sentences('  Hello there.  World is big!\n\n  Next e.g. Foo is ok. 3 dogs'), [
      { text: 'Hello there.', start: 2, end: 14 },
      { text: 'World is big!', start: 16, end: 29 },
      { text: 'Next e.g. Foo is ok.', start: 33, end: 53 },
      { text: '3 dogs', start: 54, end: 60 },
    ]);
  });

  it('splits paragraphs at blank lines with trimmed offsets', () => {
    assert.deepEqual(paragraphs('\n  one \n \n two\n\n\n'), [
      { text: 'one', start: 3, end: 6 },
      { text: 'two', start: 11, end: 14 },
    ]);
    assert.deepEqual(paragraphs('   '), []);
  });

  it('finds every non-empty match, global or not', () => {
    assert.deepEqual(
      [...matches(/a+/, 'baaca')].map((m) => [m[0], m.index]),
      [
        ['aa', 1],
        ['a', 4],
      ],
    );
    assert.deepEqual(
      [...matches(/a*/g, 'baa')].map((m) => [m[0], m.index]),
      [['aa', 1]],
    );
  });
});
