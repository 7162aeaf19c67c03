// Parse units (server/src/engine/syntax/units.ts) keep micromark's cost linear by construction: no unit is
// longer than a bound, and no unit holds more than a bounded count of the inline constructs whose
// cost grows with their count. These tests count, they never time: for every adversarial input at
// 1× and 10× size the bounds hold, so the parse costs at most (number of units) × (cost of one
// bounded unit). They also check that real Markdown is not touched: stories parse in one unit, and
// the guards change nothing in them.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LONG_RUN, UNIT, guardUnit, parseUnits } from '../server/src/engine/syntax/units';
import { chunkBounds, flatten } from '../server/src/engine/syntax/blocks';
import { parseTree } from '../server/src/engine/syntax/tree';
import { NESTING, NESTING_PER_LINE, PARSER_HARD, PROSE, STRUCTURE, DOCUMENT, storyWith } from './robustness/adversarial';
import { story } from '../bench/corpus';

const ROOT = join(__dirname, '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** Every unit of a text, through its chunks, as the engine parses it. */
function unitsOf(text: string): string[] {
  const out: string[] = [];
  for (const [s, e] of chunkBounds(text)) {
    const chunk = text.slice(s, e);
    for (const [us, ue] of parseUnits(chunk)) out.push(chunk.slice(us, ue));
  }
  return out;
}

/** The costly constructs a guarded unit still holds, counted as units.ts bounds them. */
function costly(unit: string): { images: number; delimiterRuns: number; commentOpeners: number } {
  const guarded = guardUnit(unit);
  const lineStartMarker = (at: number, len: number): boolean => {
    const next = guarded[at + len];
    const before = guarded.slice(Math.max(0, at - 40), at);
    return (
      (next === undefined || /[ \t\r\n]/.test(next)) && /(?:^|[\r\n])[ \t>]*$/.test(before) && (at >= 40 || /^[ \t>]*$/.test(before) || /[\r\n]/.test(before))
    );
  };
  let delimiterRuns = 0;
  for (const m of guarded.matchAll(/(?<![\\*_])(?:\*+|_+)/g)) if (!lineStartMarker(m.index, m[0].length)) delimiterRuns++;
  return {
    images: (guarded.match(/!\[/g) ?? []).length,
    delimiterRuns,
    commentOpeners: (guarded.match(/<!--/g) ?? []).length - (guarded.match(/-->/g) ?? []).length,
  };
}

// Prose and Markdown structures; whole documents (DOCUMENT) are checked for their costly constructs
// only, since a list item may hold thousands of lines of headings or labels that cannot be cut
// without changing what they are (micromark parses those in linear time).
const PAYLOADS: Record<string, (n: number) => string> = { ...PROSE, ...STRUCTURE, ...PARSER_HARD, ...NESTING_PER_LINE, ...DOCUMENT };
const WHOLE_DOCUMENTS = new Set(Object.keys(DOCUMENT));

describe('parse units: micromark gets bounded pieces of work', () => {
  for (const [name, build] of Object.entries(PAYLOADS)) {
    it(`${name}: units at 1× and 10× are bounded in length and in costly constructs`, () => {
      for (const size of [20_000, 200_000]) {
        const text = storyWith(build(size), size);
        const units = unitsOf(text);
        assert.equal(units.join(''), text.slice(0, units.join('').length), 'units are contiguous');
        // Fenced code and raw HTML hold no prose and parse in linear time: they may be one unit.
        const fenced = /```|~~~|<(?:pre|script|style|textarea)|^<!--/m.test(build(100)) || WHOLE_DOCUMENTS.has(name);
        for (const unit of units) {
          if (!fenced) assert.ok(unit.length <= 2 * LONG_RUN, `${name} at ${size}: a unit of ${unit.length} characters`);
          const c = costly(unit);
          assert.ok(c.images <= 32, `${name} at ${size}: ${c.images} image openers in a unit`);
          assert.ok(c.delimiterRuns <= 256, `${name} at ${size}: ${c.delimiterRuns} emphasis runs in a unit`);
        }
        // Linear: ten times the text gives at most about ten times the units (plus a few).
        if (size === 200_000) {
          const small = unitsOf(storyWith(build(20_000), 20_000)).length;
          assert.ok(units.length <= 10 * small + 12, `${name}: ${small} units at 1×, ${units.length} at 10×`);
        }
      }
    });
  }

  it('unclosed comment openers: at most a few per unit stay active', () => {
    for (const size of [20_000, 200_000]) {
      for (const unit of unitsOf(PARSER_HARD['unclosed comment openers'](size))) {
        const active = (guardUnit(unit).match(/<!--/g) ?? []).length;
        assert.ok(active <= 16, `${active} openers left`);
      }
    }
  });

  for (const [name, build] of Object.entries(NESTING)) {
    it(`${name}: 1,000 levels on one line are read as 32 and the prose after them`, () => {
      const { blocks } = flatten(build(1000));
      assert.match(blocks.map((b) => b.pieces.map((p) => p.text).join('')).join(' '), /I did it\./);
    });
  }
});

describe('parse units: real Markdown is parsed as written', () => {
  const files = [...markdownFiles(join(ROOT, 'examples')), ...markdownFiles(join(ROOT, 'test', 'fixtures')), ...markdownFiles(join(ROOT, 'docs'))];

  it('the guards change no character of real Markdown (examples, fixtures, docs)', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const unit of unitsOf(text)) assert.equal(guardUnit(unit), unit, file);
    }
  });

  it('a 400-word story is one unit', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const text = story(seed);
      assert.ok(text.length <= UNIT);
      assert.equal(unitsOf(text).length, 1);
    }
  });

  it('a long story cut into units reads the same blocks as one parse would', () => {
    // Cut after blank lines and between list items: the same paragraphs, lists and headings.
    const prose = Array.from({ length: 8 }, (_, k) =>
      story(100 + k)
        .replace(/^---[\s\S]*?\n---\n/, '')
        .replace(/^#+ .*$/gm, '')
        .trim(),
    ).join('\n\n');
    const list = prose
      .split(/(?<=\.) /)
      .slice(0, 120)
      .map((s) => `- ${s.replace(/\n+/g, ' ')}`)
      .join('\n');
    const text = `# Long\n\n## Action\n\n${prose}\n\n${list}\n`;
    assert.ok(unitsOf(text).length > 4, 'the story is cut');
    const blocks = flatten(text).blocks;
    // One parse of the whole text, as micromark reads it without units.
    const whole = parseTree(text);
    assert.equal(blocks.filter((b) => b.type === 'paragraph').length, whole.filter((b) => b.type === 'paragraph').length);
    assert.equal(blocks.filter((b) => b.type === 'heading').length, whole.filter((b) => b.type === 'heading').length);
    const items = (list: { type: string; children?: unknown[] }[]): number =>
      list.filter((b) => b.type === 'list').reduce((n, b) => n + (b.children?.length ?? 0), 0);
    assert.equal(blocks.flatMap((b) => b.items ?? []).length, items(whole as never));
  });

  it('a list of labelled sections cut between items still reads every label, and a blank line is the preferred cut', () => {
    const w = 'I measured the latency and I chose the cache. ';
    const item = (label: string, n: number): string => `- **${label}:** ${w.repeat(n)}`;
    // No blank line in the list: it must be cut between items, leaving the Result alone in its unit.
    const list = [item('Situation', 30), item('Task', 30), item('Action', 25), item('Result', 30)].join('\n');
    const cuts = parseUnits(list).map(([s]) => s);
    assert.ok(cuts.length > 1 && cuts.every((c) => c === 0 || list.slice(c).startsWith('- **')), JSON.stringify(cuts));
    const last = list.slice(cuts[cuts.length - 1]);
    assert.equal(last.match(/^- \*\*/gm)?.length, 1, 'one item alone in the last unit');
    assert.deepEqual(
      flatten(list).blocks.map((b) => b.label?.kind),
      ['situation', 'task', 'action', 'result'],
    );
    // With a blank line before the list's story, the cut comes there and the list stays whole.
    const story2 = `## One\n\n${w.repeat(60)}\n\n## Two\n${item('Situation', 10)}\n${item('Task', 10)}\n${item('Action', 20)}\n${item('Result', 10)}\n`;
    const at = parseUnits(story2).map(([s]) => s);
    assert.ok(at.includes(story2.indexOf('## Two')), JSON.stringify(at));
  });

  it('docs/: units of the long reference pages end at block boundaries', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [s, e] of chunkBounds(text)) {
        const chunk = text.slice(s, e);
        for (const [us] of parseUnits(chunk)) {
          if (us === 0) continue;
          // A cut comes after a blank line or before a bullet item at the margin.
          assert.ok(
            /\n[ \t\r]*\n$/.test(chunk.slice(0, us)) || /^[-*+][ \t]/.test(chunk.slice(us)),
            `${file}: cut at ${JSON.stringify(chunk.slice(us - 20, us + 20))}`,
          );
        }
      }
    }
  });
});
