// Inline configuration comments (SPEC §3), as markdownlint users expect them.
import assert from 'node:assert/strict';
import { lintText, resolveConfig, type Finding } from '../server/src/engine';

const TODAY = '2026-11-25';

/**
 * A story whose Action has one hedge and one vague word on each of its numbered lines, so a test
 * can say which lines still report. `between` maps a line number to the comment put before it.
 */
function story(comments: { before?: Record<number, string>; on?: Record<number, string>; top?: string } = {}): string {
  const lines = [1, 2, 3, 4].map((n) => {
    const line = `Line ${n}: I think we fixed the stuff in step ${n}.`;
    const on = comments.on?.[n] ? ` ${comments.on[n]}` : '';
    const before = comments.before?.[n] ? `${comments.before[n]}\n` : '';
    return `${before}${line}${on}`;
  });
  return [
    comments.top ?? '',
    '# Churn',
    '',
    '## Situation',
    '',
    'Churn rose at our shop.',
    '',
    '## Task',
    '',
    'I owned the churn model.',
    '',
    '## Action',
    '',
    lines.join('\n\n'),
    '',
    '## Result',
    '',
    'Churn fell from 9% to 6%.',
    '',
  ].join('\n');
}

function lint(text: string): Finding[] {
  return lintText(text, resolveConfig(), { today: TODAY }).findings;
}

/** The "Line n" numbers on which a rule still reports. */
function linesOf(text: string, rule: string): number[] {
  return lint(text)
    .filter((f) => f.rule === rule)
    .map((f) => {
      const lineStart = text.lastIndexOf('\n', f.span.start) + 1;
      const m = /^Line (\d)/.exec(text.slice(lineStart));
      assert.ok(m, `${rule} finding outside the numbered lines`);
      return Number(m[1]);
    });
}

describe('inline configuration comments', () => {
  it('without comments, every line reports', () => {
    const text = story();
    assert.deepEqual(linesOf(text, 'hedging'), [1, 2, 3, 4]);
    assert.deepEqual(linesOf(text, 'vague-language'), [1, 2, 3, 4]);
  });

  it('starlint-disable with an id switches that rule off until starlint-enable', () => {
    const text = story({ before: { 2: '<!-- starlint-disable hedging -->', 4: '<!-- starlint-enable hedging -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), [1, 4]);
    assert.deepEqual(linesOf(text, 'vague-language'), [1, 2, 3, 4]);
  });

  it('starlint-disable without ids switches every rule off until starlint-enable', () => {
    const text = story({ before: { 2: '<!-- starlint-disable -->', 4: '<!-- starlint-enable -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), [1, 4]);
    assert.deepEqual(linesOf(text, 'vague-language'), [1, 4]);
  });

  it('starlint-enable without ids ends a disable of one rule', () => {
    const text = story({ before: { 2: '<!-- starlint-disable hedging -->', 3: '<!-- starlint-enable -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), [1, 3, 4]);
  });

  it('starlint-enable of one rule leaves the others disabled', () => {
    const text = story({ before: { 1: '<!-- starlint-disable -->', 3: '<!-- starlint-enable hedging -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), [3, 4]);
    assert.deepEqual(linesOf(text, 'vague-language'), []);
  });

  it('takes several ids, separated by spaces or commas', () => {
    for (const ids of ['hedging vague-language', 'hedging, vague-language', 'hedging,vague-language']) {
      const text = story({ before: { 3: `<!-- starlint-disable ${ids} -->` } });
      assert.deepEqual(linesOf(text, 'hedging'), [1, 2], ids);
      assert.deepEqual(linesOf(text, 'vague-language'), [1, 2], ids);
    }
  });

  it('starlint-disable-line switches rules off on its own line', () => {
    const text = story({ on: { 2: '<!-- starlint-disable-line hedging -->', 3: '<!-- starlint-disable-line -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), [1, 4]);
    assert.deepEqual(linesOf(text, 'vague-language'), [1, 2, 4]);
  });

  it('starlint-disable-next-line switches rules off on the next line only', () => {
    const text = story({ before: { 2: '<!-- starlint-disable-next-line hedging -->', 4: '<!-- starlint-disable-next-line -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), [1, 3]);
    assert.deepEqual(linesOf(text, 'vague-language'), [1, 2, 3]);
  });

  it('starlint-disable-file with an id switches that rule off in the whole file, wherever it stands', () => {
    const text = story({ before: { 4: '<!-- starlint-disable-file hedging -->' } });
    assert.deepEqual(linesOf(text, 'hedging'), []);
    assert.deepEqual(linesOf(text, 'vague-language'), [1, 2, 3, 4]);
  });

  it('starlint-disable-file without ids silences the whole file', () => {
    const text = story({ top: '<!-- starlint-disable-file -->\n' });
    assert.deepEqual(lint(text), []);
  });

  it('switches off section-level findings at their heading too', () => {
    const text = story({ top: '<!-- starlint-disable-file story-length section-balance experimentation -->\n' });
    const rules = new Set(lint(text).map((f) => f.rule));
    for (const rule of ['story-length', 'section-balance', 'experimentation']) assert.ok(!rules.has(rule), rule);
  });

  it('reports an unknown rule id at the id, and still applies the known ones', () => {
    const comment = '<!-- starlint-disable hedgin, vague-language -->';
    const text = story({ before: { 1: comment } });
    const unknown = lint(text).filter((f) => f.rule === 'inline-config');
    assert.equal(unknown.length, 1);
    assert.equal(text.slice(unknown[0].span.start, unknown[0].span.end), 'hedgin');
    assert.match(unknown[0].message, /Unknown rule "hedgin"/);
    assert.deepEqual(linesOf(text, 'vague-language'), []);
    assert.deepEqual(linesOf(text, 'hedging'), [1, 2, 3, 4]);
  });

  it('reports an unknown id in every kind of comment', () => {
    for (const kind of ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file']) {
      const text = story({ before: { 2: `<!-- starlint-${kind} no-such-rule -->` } });
      const unknown = lint(text).filter((f) => f.rule === 'inline-config');
      assert.deepEqual(
        unknown.map((f) => text.slice(f.span.start, f.span.end)),
        ['no-such-rule'],
        kind,
      );
    }
  });

  it('cannot silence its own report of an unknown id', () => {
    const text = story({ top: '<!-- starlint-disable-file -->\n<!-- starlint-disable nope -->\n' });
    assert.deepEqual(
      lint(text).map((f) => f.rule),
      ['inline-config'],
    );
  });

  it('ignores comments inside code and comments that are not starlint comments', () => {
    const fenced = story({ before: { 2: '```html\n<!-- starlint-disable -->\n```' } });
    assert.deepEqual(linesOf(fenced, 'hedging'), [1, 2, 3, 4]);
    const other = story({ before: { 2: '<!-- markdownlint-disable -->' } });
    assert.deepEqual(linesOf(other, 'hedging'), [1, 2, 3, 4]);
  });
});
