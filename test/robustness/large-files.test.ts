// Big and odd files at the engine level: a 10 MB bank, binary data, NUL bytes, invalid UTF-8,
// unterminated front matter and code fences, 5,000 stories in one file, every line ending, and
// YAML nested deep enough to crash the YAML library. None may throw; each must hold the shared
// invariants; work beyond "maxFileSize" must be bounded (counted with a WorkMeter, see work.ts).
import assert from 'node:assert/strict';
import { resolveConfig, type Finding, type LintResult } from '../../server/src/engine';
import { BANK } from './bank';
import { bankOfSize, manyStories, randomBytes } from './adversarial';
import { lintChecked } from './properties';
import { runMetered, type BigFileResult } from './metered';

const config = resolveConfig({});

/** The rule ids and messages of a result, in order: what a line-ending change must not alter. */
function verdicts(result: LintResult): string[] {
  return result.findings.map((f: Finding) => `${f.rule}: ${f.message}`);
}

const story = BANK[0].text;

describe('robustness: big and odd files', () => {
  it('a 10 MB bank file gets one large-file finding and analysis stops at maxFileSize', () => {
    const text = bankOfSize(10_000_000);
    const result = lintChecked(text, config);
    const notes = result.findings.filter((f) => f.rule === 'large-file');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, 'info');
    assert.match(notes[0].message, /analysed the first [\d,]+/);
    for (const f of result.findings) assert.ok(f.span.end <= config.maxFileSize, `${f.rule} at ${f.span.start} is past maxFileSize`);
    assert.ok(result.doc.stories.length > 100, 'the stories that fit were linted');
    for (const s of result.doc.stories) assert.ok(s.span.end <= config.maxFileSize);
  });

  it('work beyond maxFileSize is bounded: past the cut, only the chunk and line scans read the file (counted)', () => {
    const r = runMetered<BigFileResult>('big-file');
    // Everything but the two scans costs the same for 10 MB as for 1 MB (maxFileSize 100,000): the
    // same blocks, and the same native work but for the few characters more of the large-file
    // message's numbers ("10,000,000 characters").
    const why = `1 MB: ${JSON.stringify(r.oneMbRest)}, 10 MB: ${JSON.stringify(r.tenMbRest)}`;
    assert.equal(r.tenMbRest.blocks, r.oneMbRest.blocks, why);
    assert.ok(Math.abs(r.tenMbRest.native - r.oneMbRest.native) <= 64, why);
    // And the scans themselves are linear: the whole lint grows less than the file.
    assert.ok(r.tenMb.blocks < r.oneMb.blocks * 10 && r.tenMb.native < r.oneMb.native * 10, JSON.stringify(r));
  });

  it('a binary file (random bytes as latin1 and as UTF-8) is recognised and skipped', () => {
    const bytes = randomBytes(200_000);
    for (const encoding of ['latin1', 'utf8'] as const) {
      const result = lintChecked(bytes.toString(encoding), config);
      assert.equal(result.doc.limited, 'binary', encoding);
      assert.deepEqual(
        result.findings.filter((f) => f.rule !== 'large-file'),
        [],
      );
    }
  });

  it('NUL bytes: near the start the file counts as binary; further in, the story is still linted', () => {
    assert.equal(lintChecked(`\u0000${story}`, config).doc.limited, 'binary');
    const late = `${story}\n\n${'Padding paragraph without a section.\n\n'.repeat(300)}A NUL \u0000 here.\n`;
    const result = lintChecked(late, config);
    assert.equal(result.doc.limited, undefined);
    assert.ok(result.doc.isStory);
  });

  it('invalid UTF-8 decoded to replacement characters still lints, with the same stories', () => {
    const bytes = Buffer.from(story, 'utf8');
    for (let i = 200; i < bytes.length; i += 97) bytes[i] = [0xff, 0xc3, 0x80, 0xed][i % 4];
    const text = bytes.toString('utf8');
    assert.ok(text.includes('\ufffd'));
    const result = lintChecked(text, config);
    assert.equal(result.doc.limited, undefined);
    assert.equal(result.doc.stories.length, lintChecked(story, config).doc.stories.length);
  });

  it('an unterminated front matter is reported, and the story is still linted', () => {
    const text = story.replace(/\n---\n/, '\n\n');
    const result = lintChecked(text, config);
    assert.ok(result.findings.some((f) => f.rule === 'front-matter' && /not closed/.test(f.message)));
  });

  it('an unterminated code fence swallows the rest of the story, which is then reported as missing', () => {
    const text = story.replace('## Result', '```python\n## Result');
    const result = lintChecked(text, config);
    assert.ok(result.findings.some((f) => f.rule === 'missing-section' && /Result/.test(f.message)));
  });

  it('5,000 stories in one file are all linted, and re-linting after one edit gives the same other findings', () => {
    const stories = manyStories(5000)
      .split('\n# ')
      .map((s, i) => (i ? `# ${s}` : s));
    const text = stories.join('\n');
    assert.equal(text, manyStories(5000));
    const roomy = resolveConfig({ maxFileSize: 2_000_000 });
    const first = lintChecked(text, roomy);
    assert.equal(first.doc.stories.length, 5000);
    stories[2500] = stories[2500].replace('Churn rose', 'Churn rose sharply');
    const edited = lintChecked(stories.join('\n'), roomy);
    assert.equal(edited.doc.stories.length, 5000);
    const outside = (r: LintResult): string[] => r.findings.filter((f) => f.story !== 2500).map((f) => `${f.story} ${f.rule} ${f.message}`);
    assert.deepEqual(outside(edited), outside(first));
  });

  it('CRLF and lone CR line endings give the same verdicts as LF for every story of the bank', () => {
    for (const { name, text } of BANK) {
      const lf = verdicts(lintChecked(text, config));
      assert.deepEqual(verdicts(lintChecked(text.replace(/\n/g, '\r\n'), config)), lf, `${name} with CRLF`);
      assert.deepEqual(verdicts(lintChecked(text.replace(/\n/g, '\r'), config)), lf, `${name} with CR`);
    }
  });

  it('YAML nested thousands deep is refused before the YAML library can overflow the stack', () => {
    const deep = [
      '['.repeat(5000),
      '{'.repeat(5000),
      '? '.repeat(5000),
      '- '.repeat(5000),
      Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    ];
    for (const yaml of deep) {
      const text = `---\ncategory: project\nx: ${yaml}\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n`;
      const expected = JSON.stringify(lintChecked(text, config).findings);
      // Near the stack limit the outcome used to change with the JIT state: it must not.
      for (let i = 0; i < 5; i++) assert.equal(JSON.stringify(lintChecked(text, config).findings), expected);
      assert.match(expected, /nests deeper than/);
      const comment = `# Bank\n\n## Churn\n\n<!-- story\ncategory: project\nx: ${yaml}\n-->\n\n**Situation:** Churn rose.\n\n**Task:** I owned it.\n`;
      lintChecked(comment, config);
    }
  });
});
