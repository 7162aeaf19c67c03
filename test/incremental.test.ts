// lintEdit re-lints only the edited story of a bank file. Whatever path it takes, its result
// must be the one a full lintText of the new text gives: checked here on chains of random edits
// (letters, spaces, line breaks, Markdown punctuation, deletions) at random places of two kinds
// of bank file, and the fast path must actually be taken for ordinary typing in a story's prose.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine, resolveConfig, type LintResult } from '../server/src/engine';

// As the language server does: one engine, whose caches hold the unchanged stories (test/engine.test.ts
// checks that an engine's results equal the uncached free functions').
const engine = createEngine();
const lintText = engine.lintText;
const lintEdit = engine.lintEdit;
import { bankOfSize } from './robustness/adversarial';
import { bankFile } from '../bench/corpus';
import { mergeChange } from '../server/src/lsp/edits';

const TODAY = '2026-11-25';
const config = resolveConfig({});

/** What a user sees of a result: the findings, and each story's place, title and sections. */
function visible(r: LintResult): unknown {
  return {
    findings: r.findings,
    errors: r.errors,
    stories: r.doc.stories.map((s) => ({
      index: s.index,
      title: s.title,
      span: s.span,
      titleSpan: s.titleSpan,
      meta: { ...s.meta, span: s.meta.span },
      sections: s.sections.map((x) => ({ kind: x.kind, marker: x.marker, span: x.span, words: x.words, whole: x.prose.whole })),
    })),
    comments: r.doc.comments,
    lines: Array.from({ length: r.lines.lineCount }, (_, i) => r.lines.lineStart(i)),
  };
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const CHARS = ['a', 'e', 'we ', 'I ', ' ', '5%', '\n', '\n\n', '#', '## ', '-', '---', '<!--', '`', '*', '>', 'Task:', '='];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...CHARS) });

function apply(text: string, e: Edit): { text: string; start: number; end: number; newEnd: number } {
  return applyAt(text, Math.floor(e.at * text.length), e.remove, e.insert);
}

function applyAt(text: string, at: number, remove: number, insert: string): { text: string; start: number; end: number; newEnd: number } {
  const start = Math.min(text.length, at);
  const end = Math.min(text.length, start + remove);
  return { text: text.slice(0, start) + insert + text.slice(end), start, end, newEnd: start + insert.length };
}

const BANKS: Record<string, string> = {
  'a bank of `##` titles with story comments and `###` sections': bankFile(14, 7),
  'the example stories as `#` titles with `##` sections': bankOfSize(40_000, 3),
  'a bank with CRLF line endings': bankFile(14, 11).replace(/\n/g, '\r\n'),
};

describe('lintEdit: an edit re-lints one story, with the result of a full lint', () => {
  for (const [name, bank] of Object.entries(BANKS)) {
    it(`gives lintText's result after every edit of a random chain (${name})`, () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
          let text = bank;
          let prev = lintText(text, config, { today: TODAY });
          for (const [n, e] of edits.entries()) {
            const next = apply(text, e);
            // As the server calls it: with the inserted text (every other edit), or without.
            const change = { start: next.start, end: next.end, newEnd: next.newEnd, inserted: n % 2 ? e.insert : undefined };
            const got = lintEdit(prev, next.text, change, config, { today: TODAY });
            const want = lintText(next.text, config, { today: TODAY });
            assert.deepEqual(visible(got), visible(want), `after ${JSON.stringify(e)} (${got.incremental ? 'incremental' : 'full'})`);
            text = next.text;
            prev = got;
          }
        }),
        { numRuns: 40, seed: 20261125 },
      );
    });

    it(`takes the fast path for typing in a story's prose (${name})`, () => {
      let text = bank;
      let prev = lintText(text, config, { today: TODAY });
      let fast = 0;
      let total = 0;
      // Type a word into the middle of a prose line of every third story's Action or Situation.
      // Lines inside a story (not a README between stories) with nothing that looks like structure.
      const inStory = (at: number): boolean => prev.doc.stories.some((s) => s.span.start < at && at < s.span.end);
      const lines = [...text.matchAll(/^(?:I|We|The|Our) [^\n#`~<>]{40,}$/gm)].filter((m, i) => i % 3 === 0 && inStory(m.index as number));
      assert.ok(lines.length >= 5, 'the bank has prose lines to type into');
      let shift = 0;
      for (const m of lines) {
        for (const ch of ' quickly') {
          const at = (m.index as number) + shift + 20;
          const next = applyAt(text, at, 0, ch);
          const got = lintEdit(prev, next.text, { start: next.start, end: next.end, newEnd: next.newEnd, inserted: ch }, config, { today: TODAY });
          total++;
          if (got.incremental) fast++;
          text = next.text;
          prev = got;
          shift++;
        }
      }
      assert.deepEqual(visible(prev), visible(lintText(text, config, { today: TODAY })));
      assert.equal(fast, total, `${fast} of ${total} edits re-linted one story`);
    });
  }

  it('lints the whole file when the edit adds a heading, a comment or a fence', () => {
    const bank = BANKS['a bank of `##` titles with story comments and `###` sections'];
    const prev = lintText(bank, config, { today: TODAY });
    const at = bank.indexOf('\n', bank.indexOf('### Action', 5000) + 20) + 1;
    for (const insert of ['## New story\n', '<!-- starlint-disable -->\n', '```\n', 'Text\n===\n']) {
      const next = applyAt(bank, at, 0, insert);
      const got = lintEdit(prev, next.text, { start: next.start, end: next.end, newEnd: next.newEnd, inserted: insert }, config, { today: TODAY });
      assert.equal(got.incremental, undefined, insert);
      assert.deepEqual(visible(got), visible(lintText(next.text, config, { today: TODAY })));
    }
  });
});

describe('mergeChange: the keystrokes between two lints as one changed stretch', () => {
  it('maps the old text to the new one for any sequence of edits, and keeps the inserted text right', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert: fc.string({ maxLength: 4 }) }), { minLength: 1, maxLength: 10 }),
        (old, edits) => {
          let text = old;
          let change: ReturnType<typeof mergeChange> | undefined;
          for (const e of edits) {
            const start = e.at % (text.length + 1);
            const end = Math.min(text.length, start + e.remove);
            text = text.slice(0, start) + e.insert + text.slice(end);
            change = mergeChange(change, start, end, e.insert);
          }
          assert.ok(change);
          assert.equal(old.slice(0, change.start) + text.slice(change.start, change.newEnd) + old.slice(change.end), text);
          if (change.inserted !== undefined) assert.equal(change.inserted, text.slice(change.start, change.newEnd));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
