// The story segmenter (server/src/engine/model/stories.ts), branch by branch: heading title
// spans, one-line titles, Q/A pairs, where the title level comes from, the span of a story with
// no body, and how metadata is read and refused. Each test runs the real parser on a small
// in-memory document and checks exact values.
import assert from 'node:assert/strict';
import { parseDocument, type ParsedDocument, type ParseProblem } from '../server/src/engine';
import { readMeta, shiftStory, storySource } from '../server/src/engine/model/stories';
import { Memo } from '../server/src/engine/memo';

/** A story short enough to read at a glance that still reads as a first-person account. */
const STORY = 'Situation: I had a bug last year.\n\nTask: I fixed it.\n';

/** A longer first-person account in the past tense. */
const ANSWER =
  'I led the migration of our billing service last year. I planned the cutover, I wrote the runbook and I moved every customer in two weeks. We cut failed payments by 30% and I learned to test rollbacks first.';

/** Each story as its title, title span, span and section kinds. */
function outline(doc: ParsedDocument): [string, { start: number; end: number } | undefined, { start: number; end: number }, string[]][] {
  return doc.stories.map((s) => [s.title, s.titleSpan, s.span, s.sections.map((x) => x.kind)]);
}

/** The problems readMeta reports for `yaml`, read at offset 0 as story metadata. */
function metaProblems(yaml: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  readMeta(yaml, 0, 'comment', problems, 'story metadata');
  return problems;
}

const TOO_DEEP = (end: number): ParseProblem[] => [
  {
    rule: 'front-matter',
    message:
      'The story metadata nests deeper than 64 levels: flatten it to plain keys and lists, e.g. "questions: [failure, ambiguity]"; starlint ignores this metadata until then.',
    span: { start: 0, end },
  },
];

describe('model/stories: heading title spans', () => {
  it('leaves out closing hashes after several spaces or tabs', () => {
    for (const heading of ['# Title  ##', '# Title\t##\t', '# Title ## ', '# Title \t#']) {
      const doc = parseDocument(`${heading}\n\n${STORY}`);
      assert.equal(doc.stories[0].title, 'Title', heading);
      assert.deepEqual(doc.stories[0].titleSpan, { start: 2, end: 7 }, heading);
    }
  });

  it('leaves out trailing spaces with no closing hashes', () => {
    const doc = parseDocument(`# Title   \n\n${STORY}`);
    assert.deepEqual(outline(doc), [['Title', { start: 2, end: 7 }, { start: 0, end: 64 }, ['situation', 'task']]]);
  });

  it('keeps a hash glued to the text or escaped, which closes nothing', () => {
    const glued = parseDocument(`# Title#\n\n${STORY}`);
    assert.deepEqual(outline(glued)[0].slice(0, 2), ['Title#', { start: 2, end: 8 }]);
    const escaped = parseDocument(`# Title \\#\n\n${STORY}`);
    assert.deepEqual(outline(escaped)[0].slice(0, 2), ['Title \\#', { start: 2, end: 10 }]);
  });

  it('takes the heading text after up to three spaces of indentation and several spaces after the hashes', () => {
    const doc = parseDocument(`   ##   Title\n\n${STORY}`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc)[0].slice(0, 2), ['Title', { start: 8, end: 13 }]);
  });

  it('keeps the whole heading as the span of a heading with no text', () => {
    const doc = parseDocument(`#   \n\n${STORY}`);
    assert.deepEqual(outline(doc), [['#', { start: 0, end: 4 }, { start: 0, end: 58 }, ['situation', 'task']]]);
  });

  it('cuts a bank the same with LF and CRLF line endings, at offsets shifted by each CR', () => {
    const lf = `# Stories\n\n## First\n\n${STORY}\n## Second\n\n${STORY}`;
    assert.deepEqual(outline(parseDocument(lf)), [
      ['First', { start: 14, end: 19 }, { start: 11, end: 73 }, ['situation', 'task']],
      ['Second', { start: 78, end: 84 }, { start: 75, end: 138 }, ['situation', 'task']],
    ]);
    const crlf = parseDocument(lf.replace(/\n/g, '\r\n'));
    assert.equal(crlf.titleDepth, 2);
    assert.deepEqual(outline(crlf), [
      ['First', { start: 16, end: 21 }, { start: 13, end: 79 }, ['situation', 'task']],
      ['Second', { start: 86, end: 92 }, { start: 83, end: 150 }, ['situation', 'task']],
    ]);
  });
});

describe('model/stories: Q/A pairs', () => {
  // The question's "Q" and its colon may sit in different pieces of text ("**Q**:"): the pieces
  // are read joined, so the "A:" after it is still its answer.
  it('reads an "A:" after "**Q**:" or "*Q*:" as the answer, not an Action', () => {
    for (const q of ['**Q**:', '*Q*:', 'Q:', 'Q.', 'Q)']) {
      const doc = parseDocument(`${q} Why did you do it?\n\nA: Because I had to.\n\nS: I had a bug last year.\n\nT: I fixed it.\n`);
      assert.deepEqual(
        doc.stories[0].sections.map((s) => s.kind),
        ['situation', 'task'],
        q,
      );
    }
  });

  it('reads an "A:" after a question without a "Q" as an Action', () => {
    const doc = parseDocument('Why did you do it?\n\nA: Because I had to.\n\nS: I had a bug last year.\n\nT: I fixed it.\n');
    assert.deepEqual(outline(doc), [['Why did you do it?', { start: 0, end: 18 }, { start: 0, end: 83 }, ['action', 'situation', 'task']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 20, end: 40 });
  });

  it('reads an "A:" as an Action when the "Q" is further than the first characters', () => {
    const doc = parseDocument('Then Q: why did you do it\n\nA: Because I had to.\n\nS: I had a bug last year.\n\nT: I fixed it.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => s.kind),
      ['action', 'situation', 'task'],
    );
  });
});

describe('model/stories: the title level', () => {
  it('keeps the title level of the headings before the sections, whatever the depth of a question heading', () => {
    const doc = parseDocument(
      `# Tell me about a time you failed?\n\n## My first story\n\n### Situation\n\n${ANSWER}\n\n### Action\n\n${ANSWER}\n\n## My second story\n\n### Situation\n\n${ANSWER}\n\n### Action\n\n${ANSWER}\n`,
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [
      ['My first story', { start: 39, end: 53 }, { start: 36, end: 496 }, ['situation', 'action']],
      ['My second story', { start: 501, end: 516 }, { start: 498, end: 959 }, ['situation', 'action']],
    ]);
  });

  it('takes the shallowest question heading as the title level when no heading comes before the sections', () => {
    const doc = parseDocument(`### Tell me about a time you failed?\n\n${ANSWER}\n\n## Tell me about a conflict?\n\n${ANSWER}\n`);
    assert.equal(doc.titleDepth, 2);
  });

  it('takes a one-level title over sections as title level 1, not the deepest level', () => {
    const doc = parseDocument(`# Title\n\n## Situation\n\nI had a bug last year.\n\n## Task\n\nI fixed it.\n`);
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Title', { start: 2, end: 7 }, { start: 0, end: 67 }, ['situation', 'task']]]);
  });
});

describe('model/stories: stories with no body', () => {
  it('spans the whole file for front matter alone, with or without a closing line break', () => {
    const closed = parseDocument('---\nstar: true\n---\n');
    assert.deepEqual(outline(closed), [['Untitled story', undefined, { start: 0, end: 19 }, []]]);
    assert.equal(closed.stories[0].reach, 19);
    const open = parseDocument('---\nstar: true\n---');
    assert.deepEqual(outline(open), [['Untitled story', undefined, { start: 0, end: 18 }, []]]);
  });

  it('spans the whole file for a title with nothing under it after front matter', () => {
    const doc = parseDocument('---\nstar: true\n---\n# Title\n');
    assert.deepEqual(outline(doc), [['Title', { start: 21, end: 26 }, { start: 0, end: 26 }, []]]);
  });
});

describe('model/stories: an answer under a question', () => {
  it('keeps an answer told without labels and then a lesson label as one story', () => {
    const doc = parseDocument(`## Tell me about a time you failed?\n\n${ANSWER}\n\n**What I learned:**\n\n- testing rollbacks\n`);
    assert.deepEqual(outline(doc), [['Tell me about a time you failed?', { start: 3, end: 35 }, { start: 0, end: 285 }, ['result']]]);
  });

  it('reads no story under a question whose only text is a lesson label over a list', () => {
    assert.equal(parseDocument('## Tell me about a time you failed?\n\n**What I learned:**\n\n- testing rollbacks\n').isStory, false);
    const doc = parseDocument(
      `# Qs\n\n## Tell me about a time you failed?\n\n**What I learned:**\n\n- testing rollbacks\n\n## Tell me about a time you led?\n\n${ANSWER}\n`,
    );
    assert.deepEqual(outline(doc), [['Tell me about a time you led?', { start: 88, end: 117 }, { start: 0, end: 325 }, ['answer']]]);
  });

  it('reads no story under a question whose only text is a lesson label and a guide', () => {
    const doc = parseDocument('## Tell me about a time you failed?\n\nYou should describe the situation.\n\n**What I learned:**\n\n- testing rollbacks\n');
    assert.equal(doc.isStory, false);
    assert.deepEqual(doc.stories, []);
  });
});

describe('model/stories: shiftStory and storySource', () => {
  it('renumbers a story without moving it, and keeps an absent reach absent', () => {
    const [story] = parseDocument(`# Title\n\n${STORY}`).stories;
    const renumbered = shiftStory(story, 0, 3);
    assert.notEqual(renumbered, story);
    assert.equal(renumbered.index, 3);
    assert.deepEqual(renumbered.span, story.span);
    assert.equal(storySource(renumbered), `# Title\n\n${STORY}`.trimEnd());
    const noReach = shiftStory({ ...story, reach: undefined }, 5);
    assert.equal(noReach.reach, undefined);
    assert.deepEqual(noReach.span, { start: story.span.start + 5, end: story.span.end + 5 });
  });
});

describe('model/stories: readMeta values', () => {
  it('drops a title with no value or only spaces, and trims one with text', () => {
    const meta = (yaml: string): string | undefined => readMeta(yaml, 0, 'comment', [], 'x').title;
    assert.equal(meta('title:\n'), undefined);
    assert.equal(meta('title: ~\n'), undefined);
    assert.equal(meta('title: "   "\n'), undefined);
    assert.equal(meta('title: "  A story  "\n'), 'A story');
    assert.equal(meta('title: false\n'), 'false');
  });

  it('reads a category, a date and a company as text, and drops empty ones', () => {
    const problems: ParseProblem[] = [];
    const meta = readMeta('category: " failure "\ndate: 2024-03-05\ncompany: Acme\n', 0, 'comment', problems, 'x');
    assert.deepEqual(problems, []);
    assert.deepEqual([meta.category, meta.date, meta.company], ['failure', '2024-03-05', 'Acme']);
    const text = readMeta('date: "March 2024"\ncategory: 0\n', 0, 'comment', [], 'x');
    assert.deepEqual([text.date, text.category], ['March 2024', '0']);
    const empty = readMeta('date:\ncategory: ~\ncompany: ""\npracticed: false\n', 0, 'comment', [], 'x');
    assert.deepEqual([empty.date, empty.category, empty.company, empty.practiced], [undefined, undefined, undefined, undefined]);
  });

  it('reads practiced dates from a list or one value', () => {
    assert.deepEqual(readMeta('practiced: [2024-01-02, 2024-02-03]\n', 0, 'comment', [], 'x').practiced, ['2024-01-02', '2024-02-03']);
    assert.deepEqual(readMeta('practiced: 2024-01-02\n', 0, 'comment', [], 'x').practiced, ['2024-01-02']);
  });

  it('reads star as true only for the boolean true', () => {
    assert.equal(readMeta('star: true\n', 0, 'comment', [], 'x').star, true);
    assert.equal(readMeta('star: 1\n', 0, 'comment', [], 'x').star, false);
  });

  it('reads questions as a flow list with spans moved by the base', () => {
    const meta = readMeta('questions: [ failure , conflict ]\n', 7, 'comment', [], 'x');
    assert.deepEqual(meta.questions, ['failure', 'conflict']);
    assert.deepEqual(meta.questionSpans, [
      { start: 20, end: 27 },
      { start: 30, end: 38 },
    ]);
  });
});

describe('model/stories: metadata nesting', () => {
  it('counts closed brackets and braces one after another as one level each', () => {
    assert.deepEqual(metaProblems(`a: [${Array.from({ length: 70 }, () => '[x]').join(', ')}]\n`), []);
    assert.deepEqual(metaProblems(`a: [${Array.from({ length: 70 }, () => '{x: 1}').join(', ')}]\n`), []);
  });

  it('refuses 65 nested brackets even after a stray closing bracket', () => {
    const deep = 'b: ' + '['.repeat(65) + ']'.repeat(65);
    assert.deepEqual(metaProblems(deep), TOO_DEEP(deep.length));
    const afterStray = 'a: x]\n' + deep;
    assert.deepEqual(metaProblems(afterStray), TOO_DEEP(afterStray.length));
    const afterStrayBrace = 'a: x}\n' + deep;
    assert.deepEqual(metaProblems(afterStrayBrace), TOO_DEEP(afterStrayBrace.length));
  });

  it('refuses 65 nested brackets or braces with text between them', () => {
    const list = 'b: ' + '[x, '.repeat(65) + ']'.repeat(65);
    assert.deepEqual(metaProblems(list), TOO_DEEP(list.length));
    const map = 'b: ' + '{x: '.repeat(65) + '}'.repeat(65);
    assert.deepEqual(metaProblems(map), TOO_DEEP(map.length));
  });

  it('accepts exactly 64 nested brackets and braces', () => {
    assert.deepEqual(metaProblems('b: ' + '['.repeat(64) + ']'.repeat(64)), []);
    const braces = metaProblems('b: ' + '{'.repeat(65) + '}'.repeat(65));
    assert.deepEqual(braces, TOO_DEEP(133));
  });

  it('counts list indicators afresh on each line, LF or CRLF', () => {
    const list = Array.from({ length: 70 }, (_, i) => `  - q${i}`);
    for (const eol of ['\n', '\r\n']) {
      const problems: ParseProblem[] = [];
      const meta = readMeta(`questions:${eol}${list.join(eol)}${eol}`, 0, 'comment', problems, 'story metadata');
      assert.deepEqual(problems, [], JSON.stringify(eol));
      assert.equal(meta.questions?.length, 70);
    }
  });

  it('counts indentation afresh after a lone CR', () => {
    const yaml = Array.from({ length: 3 }, (_, i) => `k${i}:\r${' '.repeat(40)}v: ${i}`).join('\r');
    const problems: ParseProblem[] = [];
    const meta = readMeta(yaml, 0, 'comment', problems, 'story metadata');
    assert.deepEqual(problems, []);
    assert.deepEqual(meta.raw, { k0: { v: 0 }, k1: { v: 1 }, k2: { v: 2 } });
  });

  it('counts a "?" key indicator like a list indicator, but not a dash inside a word', () => {
    const keys = '? '.repeat(65) + 'x';
    assert.deepEqual(metaProblems(keys), TOO_DEEP(keys.length));
    assert.deepEqual(metaProblems('a: ' + 'x- '.repeat(70)), []);
  });
});

describe('model/stories: a first heading named like a layer', () => {
  const SECTIONS = '## Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n';

  it('is the title when it is shallower than every other heading marker and no heading comes before it', () => {
    const doc = parseDocument(`# Notes\n\n${SECTIONS}`);
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Notes', { start: 2, end: 7 }, { start: 0, end: 72 }, ['situation', 'task']]]);
  });

  it('is a section when another heading marker is as shallow', () => {
    const doc = parseDocument('# Notes\n\n# Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n');
    assert.equal(doc.titleDepth, undefined);
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 71 }, ['notes', 'situation', 'task']]]);
    const same = parseDocument('## Notes\n\n## Summary\n\nI had a bug last year.\n\n### Situation\n\nI had a bug last year.\n\n### Task\n\nI had to fix it.\n');
    assert.deepEqual(
      same.stories[0].sections.map((s) => s.kind),
      ['notes', 'summary', 'situation', 'task'],
    );
  });

  it('is a section when no other marker is a heading', () => {
    const doc = parseDocument('# Notes\n\nSituation: I had a bug last year.\n\nTask: I had to fix it.\n');
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 66 }, ['notes', 'situation', 'task']]]);
    assert.deepEqual(doc.stories[0].layers.notes?.span, { start: 0, end: 7 });
  });

  it('is a section when a plain heading comes before it', () => {
    const doc = parseDocument('# Intro\n\n## Notes\n\n### Situation\n\nI had a bug last year.\n\n### Task\n\nI had to fix it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Intro', { start: 2, end: 7 }, { start: 0, end: 84 }, ['notes', 'situation', 'task']]]);
  });

  it('is never a STAR section', () => {
    const doc = parseDocument('# Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n\n## Action\n\nI fixed it.\n');
    assert.equal(doc.titleDepth, undefined);
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span]),
      [
        ['situation', { start: 0, end: 35 }],
        ['task', { start: 37, end: 62 }],
        ['action', { start: 64, end: 86 }],
      ],
    );
  });
});

describe('model/stories: which documents hold stories', () => {
  it('reads a plain heading as deep as the sections as no title', () => {
    const doc = parseDocument('## Title\n\n## Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n');
    assert.equal(doc.titleDepth, undefined);
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 73 }, ['situation', 'task']]]);
  });

  it('needs two STAR kinds, a mark, a story comment or a question', () => {
    assert.equal(parseDocument('Situation: I had a bug last year.\n\nSome more text.\n').isStory, false);
    assert.equal(parseDocument('Situation: I had a bug last year.\n\nAction: I fixed it.\n').isStory, true);
  });

  it('reads a story comment in a file with one candidate as its metadata', () => {
    const doc = parseDocument('<!-- story category: failure -->\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n');
    assert.equal(doc.stories.length, 1);
    const [story] = doc.stories;
    assert.equal(story.meta.source, 'comment');
    assert.equal(story.meta.category, 'failure');
    assert.deepEqual(story.meta.span, { start: 0, end: 32 });
    assert.deepEqual(story.meta.keys.category, { key: { start: 11, end: 19 }, value: { start: 21, end: 28 } });
    assert.deepEqual(story.span, { start: 0, end: 86 });
  });

  it('gives a bank story the comment inside it, and none to a story whose comment stands before its title', () => {
    const doc = parseDocument(`<!-- story category: failure -->\n\n# One\n\n${STORY}\n# Two\n\n<!-- story category: conflict -->\n\n${STORY}`);
    assert.deepEqual(
      doc.stories.map((s) => [s.title, s.span, s.reach, s.meta.source, s.meta.category]),
      [
        ['One', { start: 34, end: 93 }, 95, 'none', undefined],
        ['Two', { start: 95, end: 189 }, 190, 'comment', 'conflict'],
      ],
    );
    assert.deepEqual(doc.stories[0].meta, { source: 'none', keys: {}, raw: {} });
  });

  it('finds each story comment of a bank of many stories', () => {
    const bank = Array.from({ length: 5 }, (_, i) => `## S${i}\n\n<!-- story category: c${i} -->\n\nJust a note ${i}.\n`).join('\n');
    const doc = parseDocument(bank);
    assert.deepEqual(
      doc.stories.map((s) => [s.title, s.meta.category]),
      [
        ['S0', 'c0'],
        ['S1', 'c1'],
        ['S2', 'c2'],
        ['S3', 'c3'],
        ['S4', 'c4'],
      ],
    );
  });

  it('keeps a titled story with its own comment even when it reads as no story', () => {
    const doc = parseDocument(`# One\n\n${STORY}\n# Two\n\n<!-- story category: failure -->\n\nYou should describe the situation.\n`);
    assert.deepEqual(
      doc.stories.map((s) => [s.title, s.meta.source, s.sections.map((x) => x.kind)]),
      [
        ['One', 'none', ['situation', 'task']],
        ['Two', 'comment', ['answer']],
      ],
    );
  });

  it('keeps the story key to its text, and adds metadata standing outside it', () => {
    const doc = parseDocument(`<!-- story category: failure -->\n\n${STORY}`);
    assert.equal(doc.stories[0].key, doc.text.trimEnd());
    const [, two] = parseDocument(`# One\n\n${STORY}\n# Two\n\n<!-- story category: conflict -->\n\n${STORY}`).stories;
    assert.equal(storySource(two), `# Two\n\n<!-- story category: conflict -->\n\n${STORY}`.trimEnd());
    assert.equal(two.key, storySource(two));
  });
});

describe('model/stories: question paragraphs and shallower headings', () => {
  it('cuts at a question paragraph and still at each later title heading', () => {
    const doc = parseDocument(`**Tell me about a time you failed?**\n\n${ANSWER}\n\n# Other\n\n${STORY}`);
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [
      ['Tell me about a time you failed?', { start: 0, end: 36 }, { start: 0, end: 244 }, ['answer']],
      ['Other', { start: 248, end: 253 }, { start: 246, end: 307 }, ['situation', 'task']],
    ]);
    assert.deepEqual(
      doc.stories.map((s) => s.reach),
      [246, 308],
    );
  });

  it('reads nothing under a shallower heading as a story until the next title', () => {
    const doc = parseDocument(`# Bank\n\n## One\n\n${STORY}\n# Appendix\n\nSome text.\n\n## Two\n\n${STORY}`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [
      ['One', { start: 11, end: 14 }, { start: 8, end: 68 }, ['situation', 'task']],
      ['Two', { start: 97, end: 100 }, { start: 94, end: 154 }, ['situation', 'task']],
    ]);
    assert.deepEqual(
      doc.stories.map((s) => s.reach),
      [70, 155],
    );
  });
});

describe('model/stories: the title of an untitled story', () => {
  it('takes a first line of up to twenty words, without its closing period', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    const doc = parseDocument(`${twenty}\n\n${STORY}`);
    assert.deepEqual(outline(doc)[0].slice(0, 2), [twenty, { start: 0, end: 69 }]);
    const intro = parseDocument(`Short intro line.\n\n${STORY}`);
    assert.deepEqual(outline(intro)[0].slice(0, 2), ['Short intro line', { start: 0, end: 17 }]);
  });

  it('takes the first line before single-letter labels, and none from a label', () => {
    const doc = parseDocument('Intro here.\n\nS: I had a bug last year.\n\nT: I fixed it.\n');
    assert.deepEqual(outline(doc), [['Intro here', { start: 0, end: 11 }, { start: 0, end: 54 }, ['situation', 'task']]]);
    const labelled = parseDocument('**Situation:** I had a bug last year.\n\n**Task:** I fixed it.\n');
    assert.deepEqual(outline(labelled), [['Untitled story', undefined, { start: 0, end: 60 }, ['situation', 'task']]]);
  });

  it('takes the text of a quoted first line', () => {
    const doc = parseDocument(`> quote line\n\nShort line\n\n${STORY}`);
    assert.deepEqual(outline(doc)[0].slice(0, 2), ['quote line', { start: 2, end: 12 }]);
  });

  it('takes the first line of an answer told without labels, and counts its words as spoken', () => {
    const doc = parseDocument('---\nstar: true\n---\n\nI did many things last year with my team.\n');
    const [story] = doc.stories;
    assert.deepEqual(outline(doc), [['I did many things last year with my team', { start: 20, end: 61 }, { start: 0, end: 61 }, ['answer']]]);
    assert.equal(story.starWords, 9);
    assert.equal(story.meta, doc.frontMatter);
    assert.deepEqual(story.kindWords, { situation: 0, task: 0, action: 0, result: 0 });
  });
});

describe('model/stories: a Situation told again', () => {
  it('starts the story at the heading before the second Situation, at that heading depth', () => {
    const doc = parseDocument(
      '# Guide\n\nSituation: describe it.\n\nTask: what you owned.\n\n## Example\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n',
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Example', { start: 60, end: 67 }, { start: 0, end: 121 }, ['situation', 'task']]]);
  });

  it('takes the heading right before the second Situation, past an earlier heading at the same depth', () => {
    const doc = parseDocument(
      '# Guide\n\n## Part\n\nSituation: describe it.\n\nTask: what you owned.\n\n## Example\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n',
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Example', { start: 69, end: 76 }, { start: 0, end: 130 }, ['situation', 'task']]]);
  });

  it('does not start a story at an answer heading before the second Situation', () => {
    const doc = parseDocument('# Guide\n\nSituation: describe it.\n\n## Sample answer\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Guide', { start: 2, end: 7 }, { start: 0, end: 104 }, ['situation', 'situation', 'task']]]);
  });

  it('keeps one story when the Situation is told twice with no heading between', () => {
    const doc = parseDocument('# Story\n\nSituation: I had a bug last year.\n\nSituation: It was in billing.\n\nTask: I fixed it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Story', { start: 2, end: 7 }, { start: 0, end: 92 }, ['situation', 'situation', 'task']]]);
  });

  it('cuts two stories under headings of the same depth', () => {
    const doc = parseDocument(
      '## One\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n\n## Two\n\nSituation: I had a fight last year.\n\nTask: I settled it.\n',
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [
      ['One', { start: 3, end: 6 }, { start: 0, end: 60 }, ['situation', 'task']],
      ['Two', { start: 65, end: 68 }, { start: 62, end: 126 }, ['situation', 'task']],
    ]);
  });

  // "## Example one" heads the first story and "### Example two" the second; the title level
  // becomes 3 (the heading before the Situation told again), and "## Example one", shallower,
  // still titles the sections right under it (the first story was "Untitled story").
  it('keeps the title of a first story whose heading is shallower than the heading of a Situation told again', () => {
    const doc = parseDocument(
      '## Example one\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n\n### Example two\n\nSituation: I had a fight last year.\n\nTask: I settled it.\n',
    );
    assert.deepEqual(
      doc.stories.map((s) => s.title),
      ['Example one', 'Example two'],
    );
  });
});

describe('model/stories: sections marked after their text', () => {
  it('gives each section the blocks since the previous marker, the first from the first prose, the last the rest', () => {
    const doc = parseDocument('Intro.\n\nI had a bug last year. (Situation)\n\nMore of it.\n\nI fixed it myself. (Action)\n\nIt worked. (Result)\n\nAfter.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span, s.prose.text]),
      [
        ['situation', { start: 0, end: 42 }, 'Intro.\n\nI had a bug last year. '],
        ['action', { start: 44, end: 84 }, 'More of it.\n\nI fixed it myself. '],
        ['result', { start: 86, end: 113 }, 'It worked. \n\nAfter.'],
      ],
    );
  });

  it('starts the first section at the first block of prose, past a thematic break', () => {
    const doc = parseDocument('***\n\nI had a bug last year. (Situation)\n\nI fixed it myself. (Action)\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span, s.prose.text]),
      [
        ['situation', { start: 5, end: 39 }, 'I had a bug last year. '],
        ['action', { start: 41, end: 68 }, 'I fixed it myself. '],
      ],
    );
  });

  it('ends the last section at a heading', () => {
    const doc = parseDocument('I had a bug last year. (Situation)\n\nI fixed it myself. (Action)\n\nAfterwards all good.\n\n## Other\n\nTail text.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span, s.prose.text]),
      [
        ['situation', { start: 0, end: 34 }, 'I had a bug last year. '],
        ['action', { start: 36, end: 85 }, 'I fixed it myself. \n\nAfterwards all good.'],
      ],
    );
  });
});

describe('model/stories: heading sections', () => {
  it('keeps a deeper plain heading and its text in a heading section', () => {
    const doc = parseDocument('## Situation\n\nI had a bug last year.\n\n### Deeper\n\nDetail.\n\n## Task\n\nI fixed it.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span, s.marker, s.prose.text, s.words]),
      [
        ['situation', { start: 0, end: 57 }, { start: 3, end: 12 }, 'I had a bug last year.\n\nDetail.', 7],
        ['task', { start: 59, end: 79 }, { start: 62, end: 66 }, 'I fixed it.', 3],
      ],
    );
  });

  it('ends a heading section at a plain heading at the title level, though it is shallower than the section', () => {
    const doc = parseDocument('# Story\n\n### Situation\n\nI had a bug last year.\n\n## Plain\n\nMore.\n\n### Task\n\nI fixed it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span, s.prose.text]),
      [
        ['situation', { start: 9, end: 46 }, 'I had a bug last year.'],
        ['task', { start: 65, end: 86 }, 'I fixed it.'],
      ],
    );
  });

  it('ends a heading section at a plain heading as deep as it', () => {
    const doc = parseDocument('## Situation\n\nI had a bug last year.\n\n## Plain\n\nMore.\n\n## Task\n\nI fixed it.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span]),
      [
        ['situation', { start: 0, end: 36 }],
        ['task', { start: 55, end: 75 }],
      ],
    );
  });

  it('reads each layer once, the first of its kind, apart from the STAR sections', () => {
    const doc = parseDocument(
      '## Situation\n\nI had a bug last year.\n\n## Task\n\nI fixed it.\n\n## Summary\n\nA bug fixed.\n\n## Notes\n\nOne.\n\n## Notes\n\nTwo.\n',
    );
    const [story] = doc.stories;
    assert.deepEqual(Object.keys(story.layers), ['summary', 'notes']);
    assert.equal(story.layers.notes, story.sections[3]);
    assert.equal(story.layers.summary, story.sections[2]);
    assert.deepEqual(Object.keys(story.star), ['situation', 'task']);
    assert.deepEqual(story.kindWords, { situation: 6, task: 3, action: 0, result: 0 });
    assert.equal(story.starWords, 9);
  });

  it('reads the first section of a kind told twice', () => {
    const doc = parseDocument('Situation: I had a bug last year.\n\nSituation: It was in billing.\n\nTask: I fixed it.\n');
    const [story] = doc.stories;
    assert.equal(story.star.situation, story.sections[0]);
    assert.deepEqual(story.kindWords, { situation: 6, task: 3, action: 0, result: 0 });
  });
});

describe('model/stories: setext and inline titles', () => {
  it('takes the first line of a CRLF setext title of two lines', () => {
    const doc = parseDocument('Title line\r\nsecond\r\n=====\r\n\r\nSituation: I had a bug.\r\n\r\nTask: I fixed it.\r\n');
    assert.deepEqual(outline(doc), [['Title line', { start: 0, end: 10 }, { start: 0, end: 73 }, ['situation', 'task']]]);
  });

  it('keeps the text of links and inline HTML in a title', () => {
    const links = parseDocument('# [Link title](http://x.y) and [two](a)\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.deepEqual(outline(links)[0].slice(0, 2), ['Link title and two', { start: 2, end: 39 }]);
    const html = parseDocument('# <b>Bold</b>\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.deepEqual(outline(html)[0].slice(0, 2), ['<b>Bold</b>', { start: 2, end: 13 }]);
  });
});

describe('model/stories: binary input', () => {
  it('reads one control character in a short text as binary, and two in twenty as text', () => {
    assert.equal(parseDocument('a\u0001bxxxxx').limited, 'binary');
    assert.equal(parseDocument('\u0001\u0001' + 'x'.repeat(18)).limited, undefined);
    assert.equal(parseDocument('\u0001\u0001\u0001' + 'x'.repeat(18)).limited, 'binary');
  });

  it('reads a NUL as binary, and exactly one control character in ten as text', () => {
    assert.equal(parseDocument('# Title\u0000 with more text after it, a long line').limited, 'binary');
    assert.equal(parseDocument('\u0001' + 'x'.repeat(9)).limited, undefined);
    assert.equal(parseDocument('\u0001' + 'x'.repeat(8)).limited, 'binary');
    assert.equal(parseDocument('x'.repeat(8192) + '\u0000').limited, undefined);
  });

  it('counts replacement characters and vertical tabs, but not tabs, line breaks or form feeds', () => {
    assert.deepEqual(parseDocument('\ufffd\ufffd\ufffd' + 'x'.repeat(18)), {
      text: '\ufffd\ufffd\ufffd' + 'x'.repeat(18),
      isStory: false,
      stories: [],
      comments: [],
      problems: [],
      limited: 'binary',
    });
    assert.equal(parseDocument('\u000b\u000b\u000bxxxxx').limited, 'binary');
    assert.equal(parseDocument('\t\n\r\f'.repeat(5)).limited, undefined);
  });
});

describe('model/stories: readMeta problems', () => {
  const invalid = (what: string): string => `Invalid YAML in m: ${what}. Fix the YAML; starlint ignores this metadata until then.`;
  const problemsOf = (yaml: string, base = 0): ParseProblem[] => {
    const problems: ParseProblem[] = [];
    readMeta(yaml, base, 'comment', problems, 'm');
    return problems;
  };

  it('points an unclosed bracket at its line, past the blank lines after it', () => {
    assert.deepEqual(problemsOf('a: 1\nb: [1,\n\n\n', 3), [
      {
        rule: 'front-matter',
        message: invalid('Flow sequence in block collection must be sufficiently indented and end with a ]'),
        span: { start: 8, end: 14 },
      },
    ]);
    assert.deepEqual(problemsOf('a: 1\nb: [x\n')[0].span, { start: 5, end: 10 });
  });

  it('points a missing quote at its line, past blank and space-only lines before it', () => {
    assert.deepEqual(problemsOf('a: 1\n\n  \nb: "x\n'), [{ rule: 'front-matter', message: invalid('Missing closing "quote'), span: { start: 9, end: 14 } }]);
  });

  it('points a bad indentation at the line the parser names, without its indentation', () => {
    assert.deepEqual(problemsOf('  a: 1\n b: 2\n'), [{ rule: 'front-matter', message: invalid('Unexpected scalar at node end'), span: { start: 8, end: 12 } }]);
  });

  it('points an unclosed brace noticed on a later line at the line that opened it', () => {
    assert.deepEqual(problemsOf('a: 1\nb: {c: 1\nd: 2\n'), [
      { rule: 'front-matter', message: problemsOf('a: 1\nb: {c: 1\nd: 2\n')[0].message, span: { start: 5, end: 13 } },
    ]);
    assert.match(problemsOf('a: 1\nb: {c: 1\nd: 2\n')[0].message, /^Invalid YAML in m: Flow map/);
  });

  it('accepts a repeated key, the last one winning', () => {
    const meta = readMeta('title: a\ntitle: b\n', 0, 'comment', [], 'm');
    assert.equal(meta.title, 'b');
  });

  it('reports a scalar, not an empty document, as metadata that is no mapping', () => {
    assert.deepEqual(problemsOf('"just text"', 4), [
      { rule: 'front-matter', message: 'The m must be a YAML mapping of keys to values (e.g. "category: project").', span: { start: 4, end: 15 } },
    ]);
    assert.deepEqual(problemsOf('~'), []);
    assert.deepEqual(problemsOf('\n\n'), []);
  });

  it('reads questions only from a list or a string', () => {
    const meta = readMeta('themes: "a, b"\nquestions: {a: 1}\n', 0, 'comment', [], 'm');
    assert.deepEqual(meta.questions, ['a', 'b']);
    assert.deepEqual(meta.raw.questions, { a: 1 });
    assert.equal(readMeta('questions: 7\n', 0, 'comment', [], 'm').questions, undefined);
  });

  it('trims the span of refused metadata to its text', () => {
    assert.deepEqual(problemsOf('x:\n' + ' '.repeat(65) + '\n'), [
      {
        rule: 'front-matter',
        message:
          'The m nests deeper than 64 levels: flatten it to plain keys and lists, e.g. "questions: [failure, ambiguity]"; starlint ignores this metadata until then.',
        span: { start: 0, end: 2 },
      },
    ]);
  });
});

describe('model/stories: front matter', () => {
  const NOT_CLOSED: ParseProblem[] = [
    { rule: 'front-matter', message: 'Front matter is not closed: add a line with three dashes (---) after the metadata.', span: { start: 0, end: 3 } },
  ];

  it('reports front matter never closed, after a BOM, with spaces after the dashes or CRLF', () => {
    for (const text of ['---\ntitle: x\n\n# Title\n\nSome text.\n', '\ufeff---\ntitle: x\n\n# Title\n', '---  \r\ntitle: x\r\n\r\n# Title\r\n']) {
      const doc = parseDocument(text);
      assert.deepEqual(doc.problems, NOT_CLOSED, JSON.stringify(text));
      assert.equal(doc.isStory, false);
    }
  });

  it('reports no problem for dashes that open no front matter', () => {
    assert.deepEqual(parseDocument('Text first.\n---\ntitle: x\n').problems, []);
    assert.deepEqual(parseDocument('---- \ntitle: x\n').problems, []);
  });

  it('reads CRLF front matter keys at their offsets in the file, and its title as the story title', () => {
    const doc = parseDocument('---\r\ntitle: T\r\nstar: true\r\n---\r\n\r\n# H\r\n\r\nSituation: I had a bug.\r\n');
    assert.deepEqual(doc.frontMatter?.span, { start: 0, end: 30 });
    assert.deepEqual(doc.frontMatter?.keys, {
      title: { key: { start: 5, end: 10 }, value: { start: 12, end: 13 } },
      star: { key: { start: 15, end: 19 }, value: { start: 21, end: 25 } },
    });
    assert.deepEqual(outline(doc), [['T', { start: 36, end: 37 }, { start: 0, end: 64 }, ['situation']]]);
    assert.equal(doc.stories[0].meta.source, 'front-matter');
  });

  it('reports invalid front matter at its line in the file and still reads the story', () => {
    const doc = parseDocument('---\ntitle: [x\n---\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n');
    assert.deepEqual(doc.problems, [
      {
        rule: 'front-matter',
        message:
          'Invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML; starlint ignores this metadata until then.',
        span: { start: 4, end: 13 },
      },
    ]);
    assert.deepEqual(doc.frontMatter?.span, { start: 0, end: 17 });
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 71 }, ['situation', 'task']]]);
  });
});

describe('model/stories: questions between sections', () => {
  it('starts a new answer at a plain question followed by a Situation', () => {
    const doc = parseDocument(`Situation: ${ANSWER}\n\nTell me about a time you failed?\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n`);
    assert.deepEqual(outline(doc), [
      ['Untitled story', undefined, { start: 0, end: 217 }, ['situation']],
      ['Tell me about a time you failed?', { start: 219, end: 251 }, { start: 219, end: 686 }, ['situation', 'result']],
    ]);
  });

  it('keeps a plain question followed by another kind of section in the section', () => {
    const doc = parseDocument(`Situation: ${ANSWER}\n\nTell me about a time you failed?\n\nTask: ${ANSWER}\n\nResult: ${ANSWER}\n`);
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 681 }, ['situation', 'task', 'result']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 0, end: 251 });
  });

  it('keeps a plain question in the section when a heading comes before the next Situation', () => {
    const doc = parseDocument(`Situation: ${ANSWER}\n\nTell me about a time you failed?\n\n## Heading\n\nSituation: ${ANSWER}\n`);
    assert.equal(doc.isStory, false);
  });

  it('takes a question after a shallower plain heading as the title of a new answer', () => {
    const doc = parseDocument(`## Situation\n\n${ANSWER}\n\n## Task\n\n${ANSWER}\n\n# Plain\n\nTell me about a time you failed?\n\n${ANSWER}\n`);
    assert.deepEqual(outline(doc), [
      ['Untitled story', undefined, { start: 0, end: 446 }, ['situation', 'task']],
      ['Tell me about a time you failed?', { start: 448, end: 480 }, { start: 448, end: 688 }, ['answer']],
    ]);
  });

  it('reads no answer under a question followed at once by another', () => {
    const para = parseDocument(`**Tell me about a time you failed?**\n\n**Tell me about a time you led?**\n\n${ANSWER}\n`);
    assert.deepEqual(outline(para), [['Tell me about a time you led?', { start: 38, end: 71 }, { start: 0, end: 279 }, ['answer']]]);
    const heads = parseDocument(`# Qs\n\n## Tell me about a time you failed?\n\n## Tell me about a time you led?\n\n${ANSWER}\n`);
    assert.equal(heads.titleDepth, 2);
    assert.deepEqual(outline(heads), [['Tell me about a time you led?', { start: 46, end: 75 }, { start: 0, end: 283 }, ['answer']]]);
  });

  it('takes no question of two lines as a title', () => {
    assert.equal(parseDocument(`Tell me about a time you failed?\nSecond line here?\n\n${ANSWER}\n`).isStory, false);
  });
});

describe('model/stories: sections from the memo', () => {
  it('builds the same stories with a memo, and moves cached sections with the text', () => {
    const bank = `# Bank\n\n## One\n\n${STORY}\n## Two\n\n${STORY}`;
    const memo = new Memo();
    const plain = parseDocument(bank);
    assert.deepEqual(outline(parseDocument(bank, memo)), outline(plain));
    assert.deepEqual(outline(parseDocument(bank, memo)), outline(plain));
    const moved = parseDocument('\n\n\n' + bank, memo);
    assert.deepEqual(
      moved.stories.map((s) => s.sections.map((x) => [x.span, x.marker, x.prose.text])),
      plain.stories.map((s) =>
        s.sections.map((x) => [{ start: x.span.start + 3, end: x.span.end + 3 }, { start: x.marker.start + 3, end: x.marker.end + 3 }, x.prose.text]),
      ),
    );
  });

  it('reads metadata from the memo with its spans and problems moved by the base', () => {
    const memo = new Memo();
    const first: ParseProblem[] = [];
    const a = readMeta('title: A\nquestions: [x]\nb: [1\n', 0, 'comment', first, 'm', memo);
    const again: ParseProblem[] = [];
    const b = readMeta('title: A\nquestions: [x]\nb: [1\n', 10, 'comment', again, 'm', memo);
    assert.deepEqual(again, [{ ...first[0], span: { start: first[0].span.start + 10, end: first[0].span.end + 10 } }]);
    assert.deepEqual(a, { source: 'comment', keys: {}, raw: {} });
    assert.deepEqual(b, a);
    const ok1 = readMeta('title: A\nquestions: [x]\n', 0, 'comment', [], 'm', memo);
    const ok2 = readMeta('title: A\nquestions: [x]\n', 10, 'comment', [], 'm', memo);
    assert.deepEqual(ok1.questionSpans, [{ start: 21, end: 22 }]);
    assert.deepEqual(ok2.questionSpans, [{ start: 31, end: 32 }]);
    assert.deepEqual(ok2.keys.title, { key: { start: 10, end: 15 }, value: { start: 17, end: 18 } });
  });
});

describe('model/stories: shiftStory with metadata', () => {
  it('moves the metadata span, its keys and its question spans, and copies its lists', () => {
    const doc = parseDocument(`<!-- story\nquestions: [failure]\npracticed: [2024-01-02]\n-->\n\n${STORY}`);
    const [story] = doc.stories;
    const moved = shiftStory(story, 4);
    assert.deepEqual(moved.meta.span, { start: story.meta.span!.start + 4, end: story.meta.span!.end + 4 });
    assert.deepEqual(moved.meta.questionSpans, [{ start: story.meta.questionSpans![0].start + 4, end: story.meta.questionSpans![0].end + 4 }]);
    assert.deepEqual(moved.meta.keys.questions, {
      key: { start: story.meta.keys.questions.key.start + 4, end: story.meta.keys.questions.key.end + 4 },
      value: { start: story.meta.keys.questions.value.start + 4, end: story.meta.keys.questions.value.end + 4 },
    });
    assert.deepEqual(moved.meta.questions, ['failure']);
    assert.notEqual(moved.meta.questions, story.meta.questions);
    assert.deepEqual(moved.meta.practiced, ['2024-01-02']);
    assert.notEqual(moved.meta.practiced, story.meta.practiced);
    assert.deepEqual(moved.titleSpan, undefined);
    assert.deepEqual(moved.reach, story.reach! + 4);
    assert.deepEqual(
      moved.sections.map((s) => s.span),
      story.sections.map((s) => ({ start: s.span.start + 4, end: s.span.end + 4 })),
    );
    assert.equal(moved.star.situation, moved.sections[0]);
    assert.equal(moved.star.task, moved.sections[1]);
  });
});

describe('model/stories: marks and answer headings', () => {
  const GUIDE = '# How to use STAR\n\nYou should describe the situation.\n';

  it('takes star: true, a questions or themes key, or a known category as a mark', () => {
    for (const fm of ['star: true', 'questions: x', 'themes: ~', 'category: " FAILURE "']) {
      const doc = parseDocument(`---\n${fm}\n---\n\n${GUIDE}`);
      assert.deepEqual(outline(doc), [['How to use STAR', { start: fm.length + 12, end: fm.length + 27 }, { start: 0, end: fm.length + 63 }, ['answer']]], fm);
    }
    for (const fm of ['star: false', 'category: 7', 'category: career', 'title: x']) {
      assert.equal(parseDocument(`---\n${fm}\n---\n\n${GUIDE}`).isStory, false, fm);
    }
  });

  it('keeps the story of a marked file, and no empty story after a shallower heading followed by a label', () => {
    const doc = parseDocument(`---\nstar: true\n---\n\n## One\n\n${STORY}\n# Appendix\n\nSituation: more.\n`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['One', { start: 23, end: 26 }, { start: 0, end: 110 }, ['situation', 'task']]]);
  });

  it('takes "STAR Answer:" under a question heading as no title', () => {
    const doc = parseDocument(
      '## Question 1: Tell me about a failure\n\n### STAR Answer:\n\n**Situation:** I had a bug last year.\n\n**Task:** I had to fix it.\n',
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Question 1: Tell me about a failure', { start: 3, end: 38 }, { start: 0, end: 123 }, ['situation', 'task']]]);
  });

  it('takes an answer heading as the title when it is the first plain heading', () => {
    const doc = parseDocument(`## Sample answer\n\n${STORY}`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Sample answer', { start: 3, end: 16 }, { start: 0, end: 70 }, ['situation', 'task']]]);
    const under = parseDocument(`# Intro\n\n## Sample answer\n\n${STORY}`);
    assert.equal(under.titleDepth, 1);
    assert.deepEqual(outline(under), [['Intro', { start: 2, end: 7 }, { start: 0, end: 79 }, ['situation', 'task']]]);
  });

  it('takes the depth of a heading before a Situation told again when no heading comes before the first', () => {
    const doc = parseDocument(`Situation: describe it.\n\nTask: what you owned.\n\n## Example\n\n${STORY}`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Example', { start: 51, end: 58 }, { start: 0, end: 112 }, ['situation', 'task']]]);
  });

  it('keeps the title level when the Situation is told again under a heading as deep', () => {
    const doc = parseDocument(`# Guide\n\nSituation: describe it.\n\n# Example\n\n${STORY}`);
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Example', { start: 36, end: 43 }, { start: 0, end: 97 }, ['situation', 'task']]]);
  });
});

describe('model/stories: how far a question looks for a new Situation', () => {
  const blocks = (n: number): string => Array.from({ length: n }, (_, i) => `Para ${i}.`).join('\n\n');

  it('starts a new answer at a Situation 49 blocks after the question', () => {
    const doc = parseDocument(`Situation: ${ANSWER}\n\nTell me about a time you failed?\n\n${blocks(49)}\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n`);
    assert.deepEqual(
      doc.stories.map((s) => [s.title, s.sections.map((x) => x.kind)]),
      [
        ['Untitled story', ['situation']],
        ['Tell me about a time you failed?', ['situation', 'result']],
      ],
    );
  });

  it('keeps the question in the section when the Situation is 50 blocks after it', () => {
    const doc = parseDocument(`Situation: ${ANSWER}\n\nTell me about a time you failed?\n\n${blocks(50)}\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n`);
    assert.deepEqual(
      doc.stories.map((s) => [s.title, s.span, s.sections.map((x) => [x.kind, x.span])]),
      [
        [
          'Untitled story',
          { start: 0, end: 1176 },
          [
            ['situation', { start: 0, end: 741 }],
            ['situation', { start: 743, end: 960 }],
            ['result', { start: 962, end: 1176 }],
          ],
        ],
      ],
    );
  });
});

describe('model/stories: drafts', () => {
  const draft = (body: string): (boolean | undefined)[] =>
    parseDocument(`---\nstar: true\n---\n\n## Situation\n\n${body}\n\n## Task\n\nI fixed it.\n`).stories[0].sections.map((s) => s.draft);
  const placeholders = (n: number): string => Array.from({ length: n }, (_, i) => `[describe thing ${i}]`).join(' ');

  it('marks a section of placeholders only as a draft, up to 80 words', () => {
    assert.deepEqual(draft('[describe the situation]'), [true, undefined]);
    assert.deepEqual(draft('TODO'), [true, undefined]);
    assert.deepEqual(draft(`${placeholders(26)} [fill in]`), [true, undefined]);
  });

  it('does not mark a section of more than 80 words of placeholders, or one with prose', () => {
    assert.deepEqual(draft(`${placeholders(26)} [fill this in]`), [undefined, undefined]);
    assert.deepEqual(draft('[describe the situation] I had a bug.'), [undefined, undefined]);
  });
});

describe('model/stories: words and titles of untitled stories', () => {
  it('takes no title from prose after the first label', () => {
    const doc = parseDocument('Situation: I had a bug last year.\n\nMore text here.\n\nTask: I fixed it.\n');
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 69 }, ['situation', 'task']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 0, end: 50 });
  });

  it('takes the first paragraph as the title, past a list or a code block', () => {
    const list = parseDocument('- one\n- two\n\nShort line\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.deepEqual(outline(list)[0].slice(0, 2), ['Short line', { start: 13, end: 23 }]);
    const code = parseDocument('```\ncode\n```\n\nShort line\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.deepEqual(outline(code)[0].slice(0, 2), ['Short line', { start: 14, end: 24 }]);
  });

  it('counts the words of every STAR kind present, also without a Situation', () => {
    const doc = parseDocument('Task: I had to fix a bug last year.\n\nAction: I fixed it myself.\n');
    assert.deepEqual(doc.stories[0].kindWords, { situation: 0, task: 8, action: 4, result: 0 });
    assert.equal(doc.stories[0].starWords, 12);
  });

  it('reads markers after their text with a later label as labels, each for its own text', () => {
    const doc = parseDocument('I had a bug last year. (Situation)\n\nI fixed it myself. (Action)\n\nSituation: again here.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span]),
      [
        ['situation', { start: 0, end: 34 }],
        ['action', { start: 36, end: 63 }],
        ['situation', { start: 65, end: 87 }],
      ],
    );
    assert.deepEqual(doc.stories[0].kindWords, { situation: 6, task: 0, action: 4, result: 0 });
  });
});

describe('model/stories: topic headings beside questions', () => {
  it('heads an answer under a topic heading at the title level, not under a question outside STAR', () => {
    const doc = parseDocument(
      `# Answers\n\n## Tell me about a time you failed?\n\n${ANSWER}\n\n## Negative feedback from a teammate\n\n${ANSWER}\n\n## What are your hobbies?\n\nI like to read books on weekends and I play chess.\n`,
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [
      ['Tell me about a time you failed?', { start: 14, end: 46 }, { start: 11, end: 254 }, ['answer']],
      ['Negative feedback from a teammate', { start: 259, end: 292 }, { start: 256, end: 500 }, ['answer']],
    ]);
    assert.deepEqual(
      doc.stories.map((s) => s.starWords),
      [39, 39],
    );
  });

  it('heads no answer under a topic heading in a file that asks no question', () => {
    const doc = parseDocument(`# Bank\n\n## Story one\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n\n## Topic\n\n${ANSWER}\n`);
    assert.deepEqual(outline(doc), [['Story one', { start: 11, end: 20 }, { start: 0, end: 673 }, ['situation', 'result']]]);
  });
});

describe('model/stories: list indicators at the edges of the metadata', () => {
  it('counts a dash at the very start and at the very end as indicators', () => {
    const end = '- '.repeat(64) + '-';
    assert.deepEqual(metaProblems(end), TOO_DEEP(end.length));
    const keys = '? '.repeat(64) + '?';
    assert.deepEqual(metaProblems(keys), TOO_DEEP(keys.length));
  });

  it('counts a dash between tabs as an indicator', () => {
    const tabs = '- '.repeat(63) + '-\t-';
    assert.deepEqual(metaProblems(tabs), TOO_DEEP(tabs.length));
  });
});

describe('model/stories: the prose that decides whether sections tell a story', () => {
  it('reads the STAR sections, combined ones and lessons, and leaves Notes out', () => {
    assert.deepEqual(outline(parseDocument('**Situation/Task:** I had a bug last year and I had to fix it.\n')), [
      ['Untitled story', undefined, { start: 0, end: 62 }, ['situation']],
    ]);
    const lesson = parseDocument('**Situation/Task:** You should describe the bug.\n\n**Lessons learned:** I had a bug last year and I fixed it.\n');
    assert.deepEqual(outline(lesson), [['Untitled story', undefined, { start: 0, end: 108 }, ['situation', 'result']]]);
    assert.equal(parseDocument('**Situation/Task:** You should describe the bug.\n\n**Notes:** I had a bug last year and I fixed it.\n').isStory, false);
    assert.equal(parseDocument('Situation: You should describe it.\n\nTask: what you owned.\n\nNotes: I had a bug last year and I fixed it.\n').isStory, false);
  });
});

describe('model/stories: more boundaries of titles and lessons', () => {
  it('takes no title from a first paragraph of 21 words or of two lines', () => {
    const long = Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ');
    assert.deepEqual(outline(parseDocument(`${long}\n\n${STORY}`)), [['Untitled story', undefined, { start: 0, end: 127 }, ['situation', 'task']]]);
    assert.deepEqual(outline(parseDocument(`Line one\nline two\n\n${STORY}`)), [['Untitled story', undefined, { start: 0, end: 71 }, ['situation', 'task']]]);
  });

  it('does not start a story at a heading before the first Situation when another section came first', () => {
    const doc = parseDocument('# Title\n\nTask: I had to fix a bug last year.\n\n## Sub\n\nSituation: It was in billing.\n\nAction: I fixed it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Title', { start: 2, end: 7 }, { start: 0, end: 104 }, ['task', 'situation', 'action']]]);
  });

  it('reads a lone lesson as the Result itself, not a joined copy', () => {
    const [story] = parseDocument('Situation: I had a bug last year.\n\nLessons learned: I test first now.\n').stories;
    assert.equal(story.star.result, story.sections[1]);
    assert.equal(story.star.result?.parts, undefined);
    assert.equal(story.star.result?.lesson, true);
    assert.deepEqual(story.kindWords, { situation: 6, task: 0, action: 0, result: 4 });
  });
});

describe('model/stories: the section of an answer told without labels', () => {
  it('is a label-style Answer over its paragraphs, its marker the first paragraph', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n# T\n\nI did it last year.\n\nIt went well.\n');
    const [answer] = doc.stories[0].sections;
    assert.deepEqual(
      [answer.kind, answer.name, answer.style, answer.span, answer.marker, answer.prose.text, answer.words, answer.items],
      ['answer', 'Answer', 'label', { start: 25, end: 59 }, { start: 25, end: 44 }, 'I did it last year.\n\nIt went well.', 8, []],
    );
  });

  it('maps the break between its paragraphs to the start of the next paragraph', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n# T\n\nI did it last year.\n\nIt went well.\n');
    const { prose } = doc.stories[0].sections[0];
    assert.equal(prose.toSource(19), 46);
    assert.equal(prose.toSource(20), 46);
    assert.equal(prose.toSource(21), 46);
    assert.equal(prose.toSource(22), 47);
  });

  it('maps the break between the blocks of a labelled section to the start of the next block', () => {
    const doc = parseDocument('Situation: I had a bug.\n\nIt was bad.\n\nTask: I fixed it.\n');
    const { prose } = doc.stories[0].sections[0];
    assert.equal(prose.text, 'I had a bug.\n\nIt was bad.');
    assert.equal(prose.toSource(13), 25);
    assert.equal(prose.toSource(14), 25);
  });
});

describe('model/stories: the metadata memo', () => {
  it('keeps front matter and story comments with the same YAML apart', () => {
    const memo = new Memo();
    assert.equal(readMeta('title: a\n', 0, 'comment', [], 'story metadata', memo).source, 'comment');
    assert.equal(readMeta('title: a\n', 0, 'front-matter', [], 'story metadata', memo).source, 'front-matter');
  });

  it('keeps the problems of the same YAML read as front matter and as story metadata apart', () => {
    const memo = new Memo();
    const asComment: ParseProblem[] = [];
    readMeta('"x"', 0, 'comment', asComment, 'story metadata', memo);
    const asFrontMatter: ParseProblem[] = [];
    readMeta('"x"', 0, 'comment', asFrontMatter, 'front matter', memo);
    assert.deepEqual(
      [...asComment, ...asFrontMatter].map((p) => p.message),
      [
        'The story metadata must be a YAML mapping of keys to values (e.g. "category: project").',
        'The front matter must be a YAML mapping of keys to values (e.g. "category: project").',
      ],
    );
  });
});

describe('model/stories: more title levels and questions', () => {
  it('takes a layer-named first heading as the title over heading and label sections alike', () => {
    const doc = parseDocument('# Notes\n\n## Situation\n\nI had a bug last year.\n\nTask: I had to fix it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Notes', { start: 2, end: 7 }, { start: 0, end: 69 }, ['situation', 'task']]]);
  });

  it('compares plain headings with the shallowest section heading, not the last one', () => {
    const doc = parseDocument('## Title\n\n## Situation\n\nI had a bug last year.\n\n### Task\n\nI had to fix it.\n');
    assert.equal(doc.titleDepth, undefined);
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 74 }, ['situation', 'task']]]);
  });

  it('takes the first heading after the front matter as the title of marked metadata, past a paragraph', () => {
    const doc = parseDocument('---\nstar: true\n---\n\nIntro text.\n\n## Title\n\nMore.\n');
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Title', { start: 36, end: 41 }, { start: 0, end: 48 }, ['answer']]]);
  });

  it('does not cut a story at a question heading deeper than the title level', () => {
    const doc = parseDocument(`# Story\n\nSituation: ${ANSWER}\n\n### Tell me about a time you failed?\n\nResult: ${ANSWER}\n`);
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Story', { start: 2, end: 7 }, { start: 0, end: 480 }, ['situation', 'result']]]);
    assert.deepEqual(
      doc.stories[0].sections.map((s) => s.span),
      [
        { start: 9, end: 226 },
        { start: 266, end: 480 },
      ],
    );
  });

  it('heads no answer under a question outside STAR beside a behavioral question', () => {
    const doc = parseDocument(`# Answers\n\n## Tell me about a time you failed?\n\n${ANSWER}\n\n## Tell me about yourself\n\n${ANSWER}\n`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Tell me about a time you failed?', { start: 14, end: 46 }, { start: 0, end: 489 }, ['answer']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 48, end: 254 });
  });

  it('takes no question in a list item as a title', () => {
    assert.equal(parseDocument(`- Tell me about a time you failed?\n\n${ANSWER}\n`).isStory, false);
  });

  it('keeps a question at the end of a section in the section, with or without text after it', () => {
    assert.equal(parseDocument(`Situation: ${ANSWER}\n\nTell me about a time you failed?\n\nSome text.\n`).isStory, false);
    const last = parseDocument(`Situation: ${ANSWER}\n\nTask: ${ANSWER}\n\nTell me about a time you failed?\n`);
    assert.deepEqual(outline(last), [['Untitled story', undefined, { start: 0, end: 465 }, ['situation', 'task']]]);
  });

  it('reports invalid YAML in a story comment as story metadata, at its line in the file', () => {
    const doc = parseDocument('<!-- story\ntitle: [x\n-->\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n');
    assert.deepEqual(doc.problems, [
      {
        rule: 'front-matter',
        message:
          'Invalid YAML in story metadata: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML; starlint ignores this metadata until then.',
        span: { start: 11, end: 20 },
      },
    ]);
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 78 }, ['situation', 'task']]]);
  });
});

describe('model/stories: what a story comment looks like', () => {
  const metaOf = (comment: string): [string, string | undefined, unknown][] =>
    parseDocument(`${comment}\n\n${STORY}`).stories.map((s) => [s.meta.source, s.meta.category, s.meta.keys.category]);

  it('reads "story" or "starlint-story" in any case, then a colon, a line break, a tab or a space before a key', () => {
    assert.deepEqual(metaOf('<!-- starlint-story: category: failure -->'), [
      ['comment', 'failure', { key: { start: 21, end: 29 }, value: { start: 31, end: 38 } }],
    ]);
    assert.deepEqual(metaOf('<!-- Story\r\ncategory: failure -->'), [['comment', 'failure', { key: { start: 12, end: 20 }, value: { start: 22, end: 29 } }]]);
    assert.deepEqual(metaOf('<!-- story\tcategory: failure -->'), [['comment', 'failure', { key: { start: 11, end: 19 }, value: { start: 21, end: 28 } }]]);
    assert.deepEqual(metaOf('<!--story\ncategory: failure\n-->'), [['comment', 'failure', { key: { start: 10, end: 18 }, value: { start: 20, end: 27 } }]]);
  });

  it('reads no comment that only starts with "story" or names no key', () => {
    for (const comment of ['<!-- stories category: failure -->', '<!-- story-time -->', '<!-- story category -->']) {
      assert.deepEqual(metaOf(comment), [['none', undefined, undefined]], comment);
    }
  });
});

describe('model/stories: answer headings and one-line titles', () => {
  it('skips answer headings under a question heading, whatever their wording', () => {
    for (const heading of ['My response', 'Example answers (short)', 'STAR Answer:', 'Great-answer']) {
      const doc = parseDocument(`# Intro\n\n## Q\n\n### ${heading}\n\n${STORY}`);
      assert.equal(doc.titleDepth, 2, heading);
      assert.deepEqual(
        doc.stories.map((s) => s.title),
        ['Q'],
        heading,
      );
    }
    const other = parseDocument(`# Intro\n\n## Q\n\n### Answer to this\n\n${STORY}`);
    assert.equal(other.titleDepth, 3);
    assert.deepEqual(
      other.stories.map((s) => s.title),
      ['Answer to this'],
    );
  });

  it('writes a one-line title without emphasis, straight or curly quotes, or a closing colon or period', () => {
    for (const [line, title, end] of [
      ['**"Tell me about a time you failed?"**', 'Tell me about a time you failed?', 38],
      ['“Tell me about a time you failed.”', 'Tell me about a time you failed', 34],
      ['__Tell me about a time:__', 'Tell me about a time', 25],
      ['*Short intro*.', 'Short intro', 14],
    ] as const) {
      const doc = parseDocument(`${line}\n\n${STORY}`);
      assert.deepEqual(outline(doc)[0].slice(0, 2), [title, { start: 0, end }], line);
    }
  });

  it('writes a heading title without bold marks of either kind or code marks, keeping a link with brackets inside', () => {
    for (const [heading, title, end] of [
      ['# __Bold__ `code` title', 'Bold code title', 23],
      ['# **Bold**', 'Bold', 10],
      ['# [a [b] c](x) d', '[a [b] c](x) d', 16],
    ] as const) {
      const doc = parseDocument(`${heading}\n\n${STORY}`);
      assert.deepEqual(outline(doc)[0].slice(0, 2), [title, { start: 2, end }], heading);
    }
  });
});

describe('model/stories: the line a YAML problem points at', () => {
  const spanOf = (yaml: string): { start: number; end: number } => metaProblems(yaml)[0].span;

  it('points at a one-line document as a whole', () => {
    assert.deepEqual(spanOf('"x'), { start: 0, end: 2 });
    assert.deepEqual(spanOf('['), { start: 0, end: 1 });
  });

  it('points back past blank lines at the last line with text', () => {
    assert.deepEqual(spanOf('a: "x\n\n\n'), { start: 0, end: 5 });
    assert.deepEqual(spanOf('a: [b, c\n  d: e\n\n'), { start: 0, end: 8 });
  });

  it('points at the line the parser names, without its indentation or line break', () => {
    assert.deepEqual(spanOf('a: b: c\n'), { start: 0, end: 7 });
    assert.deepEqual(spanOf('a: 1\n  b: 2\n'), { start: 0, end: 4 });
    assert.deepEqual(spanOf('a: [x] y\n'), { start: 0, end: 8 });
    assert.deepEqual(spanOf('- a\nb: 1\n'), { start: 4, end: 8 });
    assert.deepEqual(spanOf("a: 'it''s\n"), { start: 0, end: 9 });
  });

  it('reads a lone tab as empty metadata', () => {
    assert.deepEqual(metaProblems('\t'), []);
  });
});

describe('model/stories: more markers and answers', () => {
  it('skips a lone marker after its text and still reads the labels after it', () => {
    const doc = parseDocument('I had a bug last year. (Situation)\n\nTask: I fixed it.\n\nAction: I did it myself.\n');
    assert.deepEqual(
      doc.stories[0].sections.map((s) => [s.kind, s.span, s.prose.text]),
      [
        ['task', { start: 36, end: 53 }, 'I fixed it.'],
        ['action', { start: 55, end: 79 }, 'I did it myself.'],
      ],
    );
  });

  it('still finds question titles after a question kept inside a section', () => {
    const doc = parseDocument(
      `Situation: ${ANSWER}\n\nTell me about a time you failed?\n\nTask: ${ANSWER}\n\n## Common questions\n\n**Tell me about a time you led?**\n\n${ANSWER}\n`,
    );
    assert.deepEqual(outline(doc), [
      ['Untitled story', undefined, { start: 0, end: 486 }, ['situation', 'task']],
      ['Tell me about a time you led?', { start: 488, end: 521 }, { start: 488, end: 729 }, ['answer']],
    ]);
  });

  it('reads a combined Task/Result joined with a lesson as a Result', () => {
    const [story] = parseDocument('Task/Result: I fixed the bug last year.\n\nLessons learned: I test first now.\n\nSituation: It was in billing.\n').stories;
    const result = story.star.result!;
    assert.deepEqual([result.kind, result.span, result.parts?.length, result.words], ['result', { start: 0, end: 75 }, 2, 10]);
    assert.equal(story.star.task, story.sections[0]);
  });

  it('leaves a deeper heading out of the prose of an answer told without labels', () => {
    const doc = parseDocument(`## Tell me about a time you failed?\n\n${ANSWER}\n\n### Sub\n\nMore detail here.\n`);
    const [answer] = doc.stories[0].sections;
    assert.deepEqual([answer.span, answer.prose.text], [{ start: 37, end: 271 }, `${ANSWER}\n\nMore detail here.`]);
  });

  it('starts an answer told without labels at its first prose, past a thematic break', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n***\n\nI did it last year.\n');
    assert.deepEqual(outline(doc), [['I did it last year', { start: 25, end: 44 }, { start: 0, end: 44 }, ['answer']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 25, end: 44 });
  });

  it('reads an answer that starts the file, its story comment after it', () => {
    const doc = parseDocument('I did it last year.\n\n<!-- story category: failure -->\n');
    assert.deepEqual(outline(doc), [['I did it last year', { start: 0, end: 19 }, { start: 0, end: 53 }, ['answer']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 0, end: 19 });
    assert.equal(doc.stories[0].meta.category, 'failure');
  });
});

describe('model/stories: headings as deep as the sections', () => {
  it('takes no plain heading deeper than the section headings as the title', () => {
    const doc = parseDocument('### Intro\n\n## Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n');
    assert.equal(doc.titleDepth, undefined);
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 74 }, ['situation', 'task']]]);
  });

  it('starts no story at a heading as deep as the section headings before a Situation told again', () => {
    const doc = parseDocument('# Guide\n\n## Situation\n\nDescribe it.\n\n## Example\n\n## Situation\n\nI had a bug last year.\n\n## Task\n\nI fixed it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Guide', { start: 2, end: 7 }, { start: 0, end: 107 }, ['situation', 'situation', 'task']]]);
  });

  it('skips a lone single-letter label and still reads the labels after it', () => {
    const doc = parseDocument('S: I had a bug last year.\n\nTask: I fixed it.\n\nAction: I did it myself.\n');
    assert.deepEqual(outline(doc), [['Untitled story', undefined, { start: 0, end: 70 }, ['task', 'action']]]);
  });

  it('gives an answer told without labels no layer', () => {
    const [story] = parseDocument('---\nstar: true\n---\n\nIntro text.\n\n## Title\n\nMore.\n').stories;
    assert.deepEqual(story.layers, {});
    assert.deepEqual(story.star, {});
    assert.equal(story.sections[0].kind, 'answer');
  });
});

describe('model/stories: more metadata edges', () => {
  it('points an unclosed bracket noticed on a later line at the line that opened it', () => {
    assert.deepEqual(metaProblems('a: [1, 2\nb: 3\n')[0].span, { start: 0, end: 8 });
  });

  it('refuses indentation deeper than 64 spaces on the first line', () => {
    const deep = ' '.repeat(65) + 'a: 1';
    assert.deepEqual(metaProblems(deep), TOO_DEEP(deep.length));
  });

  it('reads the keys after an empty key', () => {
    const meta = readMeta('"": x\ntitle: T\n', 0, 'comment', [], 'm');
    assert.equal(meta.title, 'T');
    assert.deepEqual(Object.keys(meta.keys), ['title']);
  });

  it('skips empty entries of a questions list', () => {
    const meta = readMeta('questions: [a, ~, b]\n', 0, 'comment', [], 'm');
    assert.deepEqual(meta.questions, ['a', 'b']);
    assert.deepEqual(meta.questionSpans, [
      { start: 12, end: 13 },
      { start: 18, end: 19 },
    ]);
  });
});
