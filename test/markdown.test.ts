// The Markdown layer: mdast gives each node its position, but a text node's value is decoded
// (escapes, entities), so the adapter (syntax/tree.ts) aligns each value with its source. These check that prose maps back to the right source
// characters where that search could go wrong: link destinations that repeat the next word,
// escapes, entities, code spans, images, hard breaks, containers and every line ending.
import assert from 'node:assert/strict';
import { flatten } from '../server/src/engine/syntax/blocks';
import { LineIndex, lintText, parseDocument, resolveConfig } from '../server/src/engine';
import { verbatimPieceProblems } from './robustness/properties';

const TODAY = '2026-11-25';

/** The prose of the document's paragraphs and list items, as one string. */
function proseOf(text: string): string {
  return flatten(text)
    .blocks.map((b) => b.pieces.map((p) => p.text).join(''))
    .filter(Boolean)
    .join('\n\n');
}

/** Source text under each first-person finding. */
function weAt(text: string): string[] {
  const config = resolveConfig({ rules: { 'first-person': 'warning' } });
  return lintText(text, config, { today: TODAY, only: ['first-person'] }).findings.map((f) => text.slice(f.span.start, f.span.end));
}

const story = (action: string, eol = '\n'): string =>
  [
    '# Churn model',
    '',
    '## Situation',
    '',
    'Churn rose.',
    '',
    '## Task',
    '',
    'I owned it.',
    '',
    '## Action',
    '',
    action,
    '',
    '## Result',
    '',
    'Churn fell 5%.',
    '',
  ].join(eol);

const TRICKY: Record<string, string> = {
  'a link whose destination repeats later words': 'See [the docs](https://we.example/we "we") where we wrote it.',
  'a reference link': 'See [the docs][we] where we wrote it.\n\n[we]: https://we.example',
  'an autolink': 'See <https://we.example/we> where we wrote it.',
  'an image with brackets in its alt text': 'See ![a [we] chart](we.png) where we wrote it.',
  'escapes and entities': 'Costs fell \\*a lot\\* &amp; we &copy; wrote &#35;1.',
  'code spans': 'Ran `we --all` and ``we ` x`` then we wrote it.',
  'emphasis of every kind': '***We*** wrote _it_ and __we__ tuned *it* — we shipped.',
  'an inline comment': 'We <!-- we --> wrote it.',
  'hard breaks': 'We wrote it.  \nThen we tuned it.\\\nAnd we shipped.',
  'soft breaks': 'We wrote it\nand we tuned it\nand we shipped.',
  'a block quote over lines': '> We wrote it\n> and we tuned it.',
  'a nested list with continuation lines': '- We wrote it\n  and we tuned it\n  - then we shipped\n    it',
  'emphasis that does not close': 'We *wrote it and we tuned it.',
};

describe('markdown: prose keeps its source offsets (remark-parse, syntax/tree.ts)', () => {
  for (const [name, action] of Object.entries(TRICKY)) {
    for (const [eolName, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['lone CR', '\r'],
    ] as const) {
      it(`${name} (${eolName})`, () => {
        // Two more "we" make the rule judge the Action (it needs three first-person subjects).
        const text = story(`${action.replace(/\n/g, eol)}${eol}${eol}We did. We did.`, eol);
        assert.deepEqual(verbatimPieceProblems(text), []);
        // Every "we" the rule finds is a "we" in the source, and it finds all of them in the prose.
        const found = weAt(text);
        const inProse = proseOf(text).match(/(?<![\w'])we(?![\w'])/gi) ?? [];
        assert.equal(found.length, inProse.length, 'one finding per "we" of the prose');
        for (const w of found) assert.equal(w.toLowerCase(), 'we');
      });
    }
  }

  it('marks text with a NUL (which CommonMark reads as U+FFFD) as not verbatim', () => {
    const text = 'We wrote\u0000 it and we tuned it.\n\nAnd \u0000 again.';
    assert.deepEqual(verbatimPieceProblems(text), []);
    assert.equal(proseOf(text), 'We wrote\ufffd it and we tuned it.\n\nAnd \ufffd again.');
  });

  it('reads a link destination, an image and code as no prose', () => {
    const prose = proseOf(TRICKY['a link whose destination repeats later words']);
    assert.equal(prose, 'See the docs where we wrote it.');
    assert.equal(proseOf('See ![a chart](x.png) and `code` here.'), 'See  and  here.');
  });

  it('decodes escapes and entities in the prose and points at their source', () => {
    const text = 'Costs fell \\*a lot\\* &amp; more.';
    assert.equal(proseOf(text), 'Costs fell *a lot* & more.');
    const piece = flatten(text).blocks[0].pieces.find((p) => p.text === '&');
    assert.ok(piece);
    assert.equal(text.slice(piece.start, piece.end), '&amp;');
    assert.equal(piece.exact, false);
  });

  it('keeps front matter apart and the first line of the body at its offset', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `---${eol}category: project${eol}---${eol}# Title${eol}${eol}We did it.${eol}`;
      const { blocks } = flatten(text);
      assert.equal(blocks[0].type, 'yaml');
      assert.equal(blocks[0].value, 'category: project');
      assert.equal(text.slice(blocks[0].span.start, blocks[0].span.end), `---${eol}category: project${eol}---`);
      assert.equal(text.slice(blocks[1].span.start, blocks[1].span.end), '# Title');
      assert.deepEqual(verbatimPieceProblems(text), []);
    }
  });

  it('keeps story comments, their YAML and comments over lines at the same line and column with CRLF and lone CR', () => {
    const bank = [
      '# Bank',
      '',
      '## Churn model',
      '',
      '<!-- story',
      'category: projekt',
      'questions: [failure]',
      '-->',
      '',
      '### Situation',
      '',
      'Churn rose. I think it mattered <!-- starlint-disable-line',
      'hedging --> a lot.',
      '',
      '### Action',
      '',
      'I built a model.',
      '',
      '## Fraud rules',
      '',
      '<!-- story',
      'category: project',
      '-->',
      '',
      '### Situation',
      '',
      'Losses rose.',
      '',
    ].join('\n');
    const located = (eol: string): string[] => {
      const text = bank.replace(/\n/g, eol);
      const lines = new LineIndex(text);
      const r = lintText(text, resolveConfig(), { today: TODAY });
      const at = (o: number): string => `${lines.position(o).line}:${lines.position(o).character}`;
      return [
        ...r.findings.map((f) => `${f.rule} ${at(f.span.start)}-${at(f.span.end)}`),
        ...r.doc.comments.map((c) => `comment ${at(c.span.start)}-${at(c.span.end)}`),
      ];
    };
    const lf = located('\n');
    assert.ok(
      lf.some((l) => l.startsWith('unknown-category 5:10')),
      lf.join('\n'),
    );
    assert.deepEqual(located('\r\n'), lf);
    assert.deepEqual(located('\r'), lf);
  });

  it('reads the sections after a list nested 40 levels deep (a nesting limit must not stop the reading)', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const doc = parseDocument(story(`I did it.\n\n${deep}`));
    assert.deepEqual(
      doc.stories[0].sections.map((s) => s.kind),
      ['situation', 'task', 'action', 'result'],
    );
    assert.match(doc.stories[0].star.action?.prose.text ?? '', /level 40/);
  });
});
