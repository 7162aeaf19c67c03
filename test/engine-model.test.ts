// The story model (server/src/engine/model): how section names are read, how a document is cut
// into stories, where titles and sections start and end, and how metadata is read. Each test
// runs the real parser on a small in-memory document and checks exact values.
import assert from 'node:assert/strict';
import { LineIndex, parseDocument, type Finding, type ParsedDocument, type ParseProblem } from '../server/src/engine';
import { applyDirectives, readDirectives } from '../server/src/engine/model/directives';
import { headingSection, labelWord, plainLabel, standaloneLabel, trailingMarkers, lineLabelStarts, separatorLength } from '../server/src/engine/model/labels';
import { readMeta, shiftStory, storySource } from '../server/src/engine/model/stories';
import { answerSection, hasProse, lessonPart, percent, phrases, spokenSections, starSection } from '../server/src/engine/model/text';
import { Memo } from '../server/src/engine/memo';

/** An account in the first person and past tense, long enough to read as a story. */
const ANSWER =
  'I led the migration of our billing service last year. I planned the cutover, I wrote the runbook and I moved every customer in two weeks. We cut failed payments by 30% and I learned to test rollbacks first.';

/** Each story as its title and its sections' kinds. */
function outline(doc: ParsedDocument): [string, string[]][] {
  return doc.stories.map((s) => [s.title, s.sections.map((x) => x.kind)]);
}

/** Each section of the first story as kind, span, marker and prose. */
function sectionsOf(doc: ParsedDocument, story = 0): [string, { start: number; end: number }, { start: number; end: number }, string][] {
  return doc.stories[story].sections.map((s) => [s.kind, s.span, s.marker, s.prose.text]);
}

describe('model/labels: headingSection', () => {
  it('reads each alias as its kind, keeping the name as written', () => {
    assert.deepEqual(headingSection('Situation'), { kind: 'situation', name: 'Situation' });
    assert.deepEqual(headingSection('  Background  '), { kind: 'situation', name: 'Background' });
    assert.deepEqual(headingSection('Goal'), { kind: 'task', name: 'Goal' });
    assert.deepEqual(headingSection('Approach'), { kind: 'action', name: 'Approach' });
    assert.deepEqual(headingSection('Outcome'), { kind: 'result', name: 'Outcome' });
    assert.deepEqual(headingSection('Summary'), { kind: 'summary', name: 'Summary' });
    assert.deepEqual(headingSection('Deep Dive'), { kind: 'deep-dive', name: 'Deep Dive' });
    assert.deepEqual(headingSection('deepdive'), { kind: 'deep-dive', name: 'deepdive' });
    assert.deepEqual(headingSection('Follow-ups'), { kind: 'follow-ups', name: 'Follow-ups' });
    assert.deepEqual(headingSection('Notes'), { kind: 'notes', name: 'Notes' });
  });

  it('reads a hyphenated or spaced alias through its other spellings', () => {
    assert.deepEqual(headingSection('Follow-up questions'), { kind: 'follow-ups', name: 'Follow-up questions' });
    assert.deepEqual(headingSection('Follow-up'), { kind: 'follow-ups', name: 'Follow-up' });
    assert.deepEqual(headingSection('Action-taken'), { kind: 'action', name: 'Action-taken' });
    assert.deepEqual(headingSection('Results-achieved'), { kind: 'result', name: 'Results-achieved' });
    assert.deepEqual(headingSection('Actions   taken'), { kind: 'action', name: 'Actions taken' });
  });

  // "follow up" and "follow-up questions" are both aliases, and the heading pattern takes
  // "Follow up questions": the lookup folds spaces and hyphens alike.
  it('reads "Follow up questions" (a space for the hyphen) as Follow-ups, as "Follow-up questions" is', () => {
    assert.deepEqual(headingSection('Follow up questions'), { kind: 'follow-ups', name: 'Follow up questions' });
  });

  it('reads lesson names as a lesson of the Result, with or without hyphens', () => {
    assert.deepEqual(headingSection('Lessons learned'), { kind: 'result', name: 'Lessons learned', lesson: true });
    assert.deepEqual(headingSection('Lessons-learned'), { kind: 'result', name: 'Lessons-learned', lesson: true });
    assert.deepEqual(headingSection('What I learned'), { kind: 'result', name: 'What I learned', lesson: true });
  });

  it('reads two STAR names joined as a combined section, in order, and a repeated kind as one', () => {
    assert.deepEqual(headingSection('Situation & Task'), { kind: 'situation', name: 'Situation', kinds: ['situation', 'task'] });
    assert.deepEqual(headingSection('Action and Result'), { kind: 'action', name: 'Action', kinds: ['action', 'result'] });
    assert.deepEqual(headingSection('Situation / T'), { kind: 'situation', name: 'Situation', kinds: ['situation', 'task'] });
    assert.deepEqual(headingSection('Results & impact'), { kind: 'result', name: 'Results' });
  });

  it('joins a STAR name to a layer without making it a combined section', () => {
    assert.deepEqual(headingSection('Follow-ups and Action'), { kind: 'follow-ups', name: 'Follow-ups' });
    assert.deepEqual(headingSection('Notes & Result'), { kind: 'notes', name: 'Notes' });
  });

  it('takes numbering, letters, emoji, durations and a subtitle around the name', () => {
    assert.deepEqual(headingSection('3. Action'), { kind: 'action', name: 'Action' });
    assert.deepEqual(headingSection('A — Action'), { kind: 'action', name: 'Action' });
    assert.deepEqual(headingSection('Action (90 s)'), { kind: 'action', name: 'Action' });
    assert.deepEqual(headingSection('Action: what I did'), { kind: 'action', name: 'Action' });
    assert.deepEqual(headingSection('📌 Situation'), { kind: 'situation', name: 'Situation' });
  });

  it('is no section for a heading that merely starts with a name, or for unknown text', () => {
    assert.equal(headingSection('Action items'), undefined);
    assert.equal(headingSection('Situational awareness'), undefined);
    assert.equal(headingSection('My project'), undefined);
    assert.equal(headingSection(''), undefined);
  });

  it('reads a letter with its name in brackets only when the letter is that name', () => {
    assert.deepEqual(headingSection('S (Situation)'), { kind: 'situation', name: 'Situation' });
    assert.deepEqual(headingSection('T [Task]:'), { kind: 'task', name: 'Task' });
    assert.equal(headingSection('T (Situation)'), undefined);
  });
});

describe('model/labels: labelWord, plainLabel, standaloneLabel, separatorLength', () => {
  it('labelWord reads a word or letter with or without a colon', () => {
    assert.deepEqual(labelWord('Situation:'), { kind: 'situation', name: 'Situation', colon: true });
    assert.deepEqual(labelWord('Situation'), { kind: 'situation', name: 'Situation', colon: false });
    assert.deepEqual(labelWord('S'), { kind: 'situation', name: 'S', colon: false });
    assert.deepEqual(labelWord('S/T:'), { kind: 'situation', name: 'S', kinds: ['situation', 'task'], colon: true });
    assert.deepEqual(labelWord('S/S'), { kind: 'situation', name: 'S', colon: false });
    assert.deepEqual(labelWord('Situation/Task:'), { kind: 'situation', name: 'Situation', kinds: ['situation', 'task'], colon: true });
    assert.deepEqual(labelWord('A (Action):'), { kind: 'action', name: 'Action', colon: true });
    assert.equal(labelWord('Situation report'), undefined);
    assert.deepEqual(labelWord('Actions\ttaken:'), { kind: 'action', name: 'Actions\ttaken', colon: true });
    assert.deepEqual(labelWord('Lessons\tlearned'), { kind: 'result', name: 'Lessons\tlearned', lesson: true, colon: false });
  });

  it('plainLabel gives the length of the label and its separator', () => {
    assert.deepEqual(plainLabel('Situation: we had'), { kind: 'situation', name: 'Situation', length: 11 });
    assert.deepEqual(plainLabel('Task – fix it'), { kind: 'task', name: 'Task', length: 7 });
    assert.deepEqual(plainLabel('S: we had'), { kind: 'situation', name: 'S', letter: true, length: 3 });
    assert.deepEqual(plainLabel('A/R - done'), { kind: 'action', name: 'A', kinds: ['action', 'result'], letter: true, length: 6 });
    assert.equal(plainLabel('Situation-based thinking'), undefined);
    assert.equal(plainLabel('Nothing here'), undefined);
  });

  it('standaloneLabel reads a line that is only a name', () => {
    assert.deepEqual(standaloneLabel('⭐ Situation'), { kind: 'situation', name: 'Situation' });
    assert.deepEqual(standaloneLabel('3. Result'), { kind: 'result', name: 'Result' });
    assert.deepEqual(standaloneLabel('Lessons learned (2 min):'), { kind: 'result', name: 'Lessons learned', lesson: true });
    assert.equal(standaloneLabel('Result of the work'), undefined);
  });

  it('separatorLength measures a colon or a dash and the spaces after it, else -1', () => {
    assert.equal(separatorLength(': text'), 2);
    assert.equal(separatorLength(' — text'), 3);
    assert.equal(separatorLength('-'), 1);
    assert.equal(separatorLength('-text'), -1);
    assert.equal(separatorLength('text'), -1);
  });

  it('lineLabelStarts gives the offset after each newline where a label begins a line', () => {
    assert.deepEqual(lineLabelStarts('We had a bug.\nTask: fix it.\n  S: more\nplain line'), [14, 30]);
    assert.deepEqual(lineLabelStarts('Task: first line is not after a newline'), []);
  });

  it('trailingMarkers finds names and capital letters in brackets at the end of a clause', () => {
    assert.deepEqual(trailingMarkers('The launch was at risk. (Situation) I owned it [T].'), [
      { start: 24, end: 35, meaning: { kind: 'situation', name: 'Situation' } },
      { start: 47, end: 50, meaning: { kind: 'task', name: 'T', letter: true } },
    ]);
    assert.deepEqual(trailingMarkers('options (a) and (b)'), []);
    assert.deepEqual(trailingMarkers('(Situation)x'), []);
  });
});

describe('model/stories: binary input', () => {
  it('takes a NUL anywhere in the first 8192 characters as binary', () => {
    assert.equal(parseDocument('ab\u0000').limited, 'binary');
    assert.equal(parseDocument('a'.repeat(8191) + '\u0000').limited, 'binary');
    assert.equal(parseDocument('a'.repeat(8192) + '\u0000').limited, undefined);
  });

  it('takes more than one control character in ten as binary, and exactly one in ten as text', () => {
    assert.deepEqual(parseDocument('abcdefgh\u0001\u0002'), {
      text: 'abcdefgh\u0001\u0002',
      isStory: false,
      stories: [],
      comments: [],
      problems: [],
      limited: 'binary',
    });
    assert.equal(parseDocument('abcdefgh\ufffd\u0002').limited, 'binary');
    assert.equal(parseDocument('abcdefghi\u0001').limited, undefined);
    assert.equal(parseDocument('abc\u0001defghi\n').limited, undefined);
  });

  it('does not count tabs, line breaks and form feeds as control characters', () => {
    assert.equal(parseDocument('\t\t\t\f\r\n\t\t\t\u0001').limited, undefined);
    assert.equal(parseDocument('\u000b\u000b\u000bab').limited, 'binary');
  });
});

describe('model/stories: titles', () => {
  it('takes an ATX title without its hashes and closing hashes', () => {
    const doc = parseDocument('# Title ##\n\nSituation: We had a bug.\n\nTask: fix it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.equal(doc.stories[0].title, 'Title');
    assert.deepEqual(doc.stories[0].titleSpan, { start: 2, end: 7 });
  });

  it('takes the first line of a setext title, LF or CRLF', () => {
    const lf = parseDocument('Title line\nsecond\n=====\n\nSituation: We had a bug.\n\nTask: fix it.\n');
    assert.deepEqual(lf.stories[0].titleSpan, { start: 0, end: 10 });
    assert.equal(lf.stories[0].title, 'Title line');
    const crlf = parseDocument('Title line\r\n=====\r\n\r\nSituation: We had a bug.\r\n\r\nTask: fix it.\r\n');
    assert.deepEqual(crlf.stories[0].titleSpan, { start: 0, end: 10 });
    assert.equal(crlf.stories[0].title, 'Title line');
  });

  it('takes a title heading at the very end of the file', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n# Last');
    assert.equal(doc.stories[0].title, 'Last');
    assert.deepEqual(doc.stories[0].titleSpan, { start: 22, end: 26 });
  });

  it('takes a short first line before the first label as the title of an untitled story', () => {
    const doc = parseDocument('Intro line here.\n\nI shipped the migration last year. (Situation)\n\nI wrote the plan and I led it. (Task)\n');
    assert.equal(doc.stories[0].title, 'Intro line here');
    assert.deepEqual(doc.stories[0].titleSpan, { start: 0, end: 16 });
  });

  it('takes no title from a first paragraph longer than twenty words', () => {
    const long = Array.from({ length: 21 }, (_, i) => `w${i}`).join(' ');
    const doc = parseDocument(`${long}\n\nSituation: I had a bug last year.\n\nTask: I fixed it.\n`);
    assert.equal(doc.stories[0].title, 'Untitled story');
    assert.equal(doc.stories[0].titleSpan, undefined);
  });
});

describe('model/stories: which candidates are stories', () => {
  it('keeps a file marked by front matter as one story even when it does not read as one', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n# How to use STAR\n\nYou should describe the situation.\n');
    assert.equal(doc.isStory, true);
    assert.deepEqual(outline(doc), [['How to use STAR', ['answer']]]);
    assert.equal(doc.stories[0].meta.source, 'front-matter');
    assert.deepEqual(doc.stories[0].span, { start: 0, end: 73 });
  });

  it('does not take an unknown category as a mark', () => {
    const doc = parseDocument('---\ncategory: career\n---\n\n# How to use STAR\n\nYou should describe the situation.\n');
    assert.equal(doc.isStory, false);
    assert.deepEqual(doc.stories, []);
  });

  it('reads a story comment at the very start of the file as the story metadata', () => {
    const doc = parseDocument('<!-- story\ncategory: failure -->\n# Title\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    const [story] = doc.stories;
    assert.equal(story.meta.source, 'comment');
    assert.equal(story.meta.category, 'failure');
    assert.deepEqual(story.meta.span, { start: 0, end: 32 });
    assert.deepEqual(story.meta.keys.category, { key: { start: 11, end: 19 }, value: { start: 21, end: 28 } });
    assert.deepEqual(story.span, { start: 0, end: 84 });
  });

  it('gives each story in a bank its own comment', () => {
    const text =
      '# Bank\n\n## One\n\n<!-- story\ncategory: failure -->\n\nSituation: I had a bug.\n\nTask: I fixed it.\n\n## Two\n\n<!-- story category: conflict -->\n\nSituation: I had a fight.\n\nTask: I settled it.\n';
    const doc = parseDocument(text);
    assert.deepEqual(
      doc.stories.map((s) => [s.title, s.meta.category, s.meta.source]),
      [
        ['One', 'failure', 'comment'],
        ['Two', 'conflict', 'comment'],
      ],
    );
  });

  it('keeps an answer under each question paragraph as its own story', () => {
    const doc = parseDocument(`**Tell me about a time you led a project?**\n\n${ANSWER}\n\n**Tell me about a time you failed?**\n\n${ANSWER}\n`);
    assert.deepEqual(outline(doc), [
      ['Tell me about a time you led a project?', ['answer']],
      ['Tell me about a time you failed?', ['answer']],
    ]);
    assert.deepEqual(
      doc.stories.map((s) => [s.span, s.titleSpan, s.reach]),
      [
        [{ start: 0, end: 251 }, { start: 0, end: 43 }, 253],
        [{ start: 253, end: 497 }, { start: 253, end: 289 }, 498],
      ],
    );
  });

  it('does not cut an answer at a question heading deeper than the title level', () => {
    const text = `# Interview answers\n\n## Tell me about a time you led a project.\n\n${ANSWER}\n\n### Tell me about a time you had to learn something new.\n\n${ANSWER}\n`;
    const doc = parseDocument(text);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Tell me about a time you led a project.', ['answer']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 65, end: 537 });
    assert.equal(doc.stories[0].sections[0].prose.text, `${ANSWER}\n\n${ANSWER}`);
  });

  it('ends a story at a shallower heading, and reads no story under that heading', () => {
    const text = `# Bank\n\n## First story\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n\n# Other page\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n`;
    const doc = parseDocument(text);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['First story', ['situation', 'result']]]);
    assert.equal(doc.stories[0].reach, text.indexOf('# Other page'));
  });

  it('keeps a task told before a heading in the story of the title above it', () => {
    const doc = parseDocument(
      '# Title\n\nTask: I fixed it in my team last year.\n\n## Sub\n\nSituation: I had a bug last year.\n\nAction: I did it.\n\nResult: I cut it by 20%.\n',
    );
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Title', ['task', 'situation', 'action', 'result']]]);
  });
});

describe('model/stories: sections', () => {
  it('gives a section after its text the blocks since the previous marker', () => {
    const doc = parseDocument('Intro line here.\n\nI shipped the migration last year. (Situation)\n\nI wrote the plan and I led it. (Task)\n');
    assert.deepEqual(sectionsOf(doc), [
      ['situation', { start: 0, end: 64 }, { start: 53, end: 64 }, 'Intro line here.\n\nI shipped the migration last year. '],
      ['task', { start: 66, end: 103 }, { start: 97, end: 103 }, 'I wrote the plan and I led it. '],
    ]);
  });

  it('ends the last section after its text at a heading', () => {
    const doc = parseDocument('I shipped the migration last year. (Situation)\n\nI did the work. (Action)\n\n## Afterwards\n\nMore text follows here.\n');
    assert.deepEqual(sectionsOf(doc), [
      ['situation', { start: 0, end: 46 }, { start: 35, end: 46 }, 'I shipped the migration last year. '],
      ['action', { start: 48, end: 72 }, { start: 64, end: 72 }, 'I did the work. '],
    ]);
  });
});

describe('model/stories: shiftStory and storySource', () => {
  const text = '# Title\n\n<!-- story\ncategory: failure -->\n\n## Situation\n\nI had a bug last year.\n\n## Result\n\nI cut it by 20%.\n';

  it('returns the same story when nothing moves', () => {
    const [story] = parseDocument(text).stories;
    assert.equal(shiftStory(story, 0), story);
    assert.notEqual(shiftStory(story, 0, 3), story);
    assert.equal(shiftStory(story, 0, 3).index, 3);
  });

  it('moves every offset by the shift', () => {
    const [story] = parseDocument(text).stories;
    const moved = shiftStory(story, 10, 2);
    assert.equal(moved.index, 2);
    assert.deepEqual(moved.span, { start: story.span.start + 10, end: story.span.end + 10 });
    assert.deepEqual(moved.titleSpan, { start: 12, end: 17 });
    assert.equal(moved.reach, (story.reach as number) + 10);
    assert.deepEqual(moved.meta.span, { start: 19, end: 51 });
    assert.deepEqual(moved.meta.keys.category, { key: { start: 30, end: 38 }, value: { start: 40, end: 47 } });
    assert.deepEqual(
      moved.sections.map((s) => [s.marker, s.span]),
      story.sections.map((s) => [
        { start: s.marker.start + 10, end: s.marker.end + 10 },
        { start: s.span.start + 10, end: s.span.end + 10 },
      ]),
    );
    assert.deepEqual(moved.sections[0].prose.span(0, 5), {
      start: story.sections[0].prose.span(0, 5).start + 10,
      end: story.sections[0].prose.span(0, 5).end + 10,
    });
    assert.equal(moved.star.situation, moved.sections[0]);
    assert.equal(moved.star.result, moved.sections[1]);
  });

  it('gives the story text back from its key', () => {
    const doc = parseDocument(text);
    const [story] = doc.stories;
    assert.equal(storySource(story), text.slice(story.span.start, story.span.end));
    assert.equal(storySource(story), text.slice(0, -1));
  });
});

describe('model/stories: readMeta', () => {
  it('reads every known key with its span, moved by the base', () => {
    const problems: ParseProblem[] = [];
    const meta = readMeta(
      'questions: [a, ~, b]\ntitle: "  T  "\ncategory: Failure \npracticed: [2024-01-02, x]\nstar: yes\ncompany: Acme\n',
      100,
      'comment',
      problems,
      'story metadata',
    );
    assert.deepEqual(problems, []);
    assert.equal(meta.source, 'comment');
    assert.deepEqual(meta.questions, ['a', 'b']);
    assert.deepEqual(meta.questionSpans, [
      { start: 112, end: 113 },
      { start: 118, end: 119 },
    ]);
    assert.equal(meta.title, 'T');
    assert.equal(meta.category, 'Failure');
    assert.deepEqual(meta.practiced, ['2024-01-02', 'x']);
    assert.equal(meta.star, false);
    assert.equal(meta.company, 'Acme');
    assert.deepEqual(meta.keys.questions, { key: { start: 100, end: 109 }, value: { start: 111, end: 120 } });
    assert.deepEqual(meta.raw.questions, ['a', null, 'b']);
  });

  it('skips empty entries of a block list', () => {
    const meta = readMeta('questions:\n  - a\n  -\n  - b\n', 0, 'front-matter', [], 'front matter');
    assert.deepEqual(meta.questions, ['a', 'b']);
    assert.deepEqual(meta.questionSpans, [
      { start: 15, end: 16 },
      { start: 25, end: 26 },
    ]);
  });

  it('splits themes given as one string at commas, each pointing at the whole value', () => {
    const meta = readMeta('themes: a, b ,, c\npracticed: 2024-01-02\nstar: true\ntitle: "  "\n', 0, 'front-matter', [], 'front matter');
    assert.deepEqual(meta.questions, ['a', 'b', 'c']);
    assert.deepEqual(meta.questionSpans, [
      { start: 8, end: 17 },
      { start: 8, end: 17 },
      { start: 8, end: 17 },
    ]);
    assert.deepEqual(meta.practiced, ['2024-01-02']);
    assert.equal(meta.star, true);
    assert.equal(meta.title, undefined);
  });

  it('reads empty metadata as no keys and no problem', () => {
    const problems: ParseProblem[] = [];
    assert.deepEqual(readMeta('', 0, 'comment', problems, 'story metadata'), { source: 'comment', keys: {}, raw: {} });
    assert.deepEqual(problems, []);
  });

  it('reports metadata that is not a mapping over its whole text', () => {
    const problems: ParseProblem[] = [];
    assert.deepEqual(readMeta('- a\n- b\n', 5, 'comment', problems, 'story metadata'), { source: 'comment', keys: {}, raw: {} });
    assert.deepEqual(problems, [
      { rule: 'front-matter', message: 'The story metadata must be a YAML mapping of keys to values (e.g. "category: project").', span: { start: 5, end: 12 } },
    ]);
  });

  it('reports invalid YAML at the line that opened the bracket', () => {
    const problems: ParseProblem[] = [];
    readMeta('title: x\nquestions: [a, b\n', 5, 'comment', problems, 'story metadata');
    assert.deepEqual(problems, [
      {
        rule: 'front-matter',
        message:
          'Invalid YAML in story metadata: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML; starlint ignores this metadata until then.',
        span: { start: 14, end: 30 },
      },
    ]);
  });

  it('refuses indentation deeper than 64 spaces, also on the first line', () => {
    const deep: ParseProblem[] = [];
    readMeta(' '.repeat(65) + 'a: 1\n', 10, 'front-matter', deep, 'front matter');
    assert.deepEqual(deep, [
      {
        rule: 'front-matter',
        message:
          'The front matter nests deeper than 64 levels: flatten it to plain keys and lists, e.g. "questions: [failure, ambiguity]"; starlint ignores this metadata until then.',
        span: { start: 10, end: 79 },
      },
    ]);
    const ok: ParseProblem[] = [];
    assert.deepEqual(readMeta(' '.repeat(64) + 'a: 1\n', 10, 'front-matter', ok, 'front matter').raw, { a: 1 });
    assert.deepEqual(ok, []);
  });

  it('refuses more than 64 nested brackets, and counts indentation afresh on each line', () => {
    const deep: ParseProblem[] = [];
    readMeta('['.repeat(65), 0, 'comment', deep, 'story metadata');
    assert.equal(deep.length, 1);
    assert.deepEqual(deep[0].span, { start: 0, end: 65 });
    assert.match(deep[0].message, /^The story metadata nests deeper than 64 levels/);
    const ok: ParseProblem[] = [];
    const lines = Array.from({ length: 3 }, (_, i) => `k${i}:\n${' '.repeat(40)}v: ${i}`).join('\n');
    readMeta(lines, 0, 'comment', ok, 'story metadata');
    assert.deepEqual(ok, []);
  });
});

describe('model/stories: front matter', () => {
  it('reports front matter that is never closed at its opening dashes', () => {
    const doc = parseDocument('---\ntitle: x\n\n# Title\n\nSome text.\n');
    assert.deepEqual(doc.problems, [
      { rule: 'front-matter', message: 'Front matter is not closed: add a line with three dashes (---) after the metadata.', span: { start: 0, end: 3 } },
    ]);
  });

  it('reads front matter keys at their offsets in the file, LF or CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'star: true', 'title: Mine', '---', '', '# Title', '', 'Situation: I had a bug.', ''].join(eol);
      const doc = parseDocument(text);
      const at = text.indexOf('title: Mine');
      assert.deepEqual(doc.frontMatter?.keys.title, { key: { start: at, end: at + 5 }, value: { start: at + 7, end: at + 11 } });
      assert.equal(doc.stories[0].title, 'Mine');
    }
  });
});

describe('model/stories: story boundaries and markers', () => {
  it('takes a first heading named like a layer, shallower than the sections, as the title', () => {
    const doc = parseDocument('# Notes\n\n## Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n');
    assert.equal(doc.titleDepth, 1);
    assert.deepEqual(outline(doc), [['Notes', ['situation', 'task']]]);
    assert.deepEqual(sectionsOf(doc), [
      ['situation', { start: 9, end: 45 }, { start: 12, end: 21 }, 'I had a bug last year.'],
      ['task', { start: 47, end: 72 }, { start: 50, end: 54 }, 'I had to fix it.'],
    ]);
    assert.equal(doc.stories[0].starWords, 11);
    assert.deepEqual(doc.stories[0].kindWords, { situation: 6, task: 5, action: 0, result: 0 });
  });

  it('takes the question above an answer heading as the title, not "STAR Answer:"', () => {
    const doc = parseDocument(
      '## Question 1: Tell me about a failure\n\n### STAR Answer:\n\n**Situation:** I had a bug last year.\n\n**Task:** I had to fix it.\n',
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Question 1: Tell me about a failure', ['situation', 'task']]]);
  });

  it('starts a story at the heading before a Situation told again', () => {
    const doc = parseDocument(
      '# Guide\n\n- Situation: describe the context.\n- Task: what you owned.\n\n## An example\n\nSituation: I had a bug last year.\n\nTask: I had to fix it.\n\nAction: I fixed it.\n',
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['An example', ['situation', 'task', 'action']]]);
    assert.deepEqual(doc.stories[0].span, { start: 0, end: 162 });
  });

  it('takes the heading of marked metadata without sections as the title', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n## My title\n\nSome prose I wrote.\n');
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(sectionsOf(doc), [['answer', { start: 33, end: 52 }, { start: 33, end: 52 }, 'Some prose I wrote.']]);
    assert.equal(doc.stories[0].sections[0].name, 'Answer');
    assert.equal(doc.stories[0].starWords, 4);
  });

  it('reads single letters as labels only where two kinds of them are used', () => {
    assert.deepEqual(outline(parseDocument('S: I had a bug last year.\n\nA: I fixed it.\n')), [['Untitled story', ['situation', 'action']]]);
    assert.equal(parseDocument('S: I had a bug last year.\n\nTask: I fixed it.\n').isStory, false);
  });

  it('reads an "A:" after a "Q:" as the answer, not an Action', () => {
    const doc = parseDocument('Q: Why did you do it?\n\nA: Because I had to.\n\nS: I had a bug last year.\n\nT: I fixed it.\n');
    assert.deepEqual(outline(doc), [['Q: Why did you do it?', ['situation', 'task']]]);
    assert.deepEqual(doc.stories[0].sections[0].span, { start: 45, end: 70 });
  });

  it('reads a combined label for both kinds, splitting its words, and joins lessons to the Result', () => {
    const doc = parseDocument(
      '**Situation/Task:** I had a bug last year and I had to fix it.\n\n**Action:** I fixed it.\n\n**Result:** It worked well.\n\n**Lesson learned:** Test first.\n',
    );
    const [story] = doc.stories;
    assert.deepEqual(
      story.sections.map((s) => [s.kind, s.name, s.words, s.kinds, s.lesson]),
      [
        ['situation', 'Situation', 12, ['situation', 'task'], undefined],
        ['action', 'Action', 3, undefined, undefined],
        ['result', 'Result', 3, undefined, undefined],
        ['result', 'Lesson learned', 2, undefined, true],
      ],
    );
    assert.deepEqual(story.kindWords, { situation: 6, task: 6, action: 3, result: 5 });
    assert.equal(story.starWords, 20);
    assert.equal(story.star.situation, story.sections[0]);
    assert.equal(story.star.task, story.sections[0]);
    const result = story.star.result!;
    assert.deepEqual(result.parts, [story.sections[2], story.sections[3]]);
    assert.deepEqual(result.span, { start: 89, end: 149 });
    assert.equal(result.words, 5);
    assert.equal(result.marker, story.sections[2].marker);
    assert.equal(lessonPart(result), story.sections[3]);
  });

  it('keeps deeper headings in a heading section, and ends a label section at any heading', () => {
    const doc = parseDocument(
      '## Situation\n\nI had a bug last year.\n\n#### Deeper\n\nMore detail.\n\n## Task\n\nI fixed it.\n\nResult: it worked.\n\n### Action items\n\nmore\n',
    );
    assert.deepEqual(sectionsOf(doc), [
      ['situation', { start: 0, end: 63 }, { start: 3, end: 12 }, 'I had a bug last year.\n\nMore detail.'],
      ['task', { start: 65, end: 85 }, { start: 68, end: 72 }, 'I fixed it.'],
      ['result', { start: 87, end: 105 }, { start: 87, end: 94 }, 'it worked.'],
    ]);
  });

  it('marks a section of placeholders only as a draft, and keeps the items of Follow-ups', () => {
    const doc = parseDocument(
      '---\nstar: true\n---\n\n## Situation\n\n[Describe the context]\n\n## Task\n\nI had to fix it.\n\n## Follow-ups\n\n- Why this?\n- Why that?\n',
    );
    const [story] = doc.stories;
    assert.deepEqual(
      story.sections.map((s) => [s.kind, s.draft, s.items.map((i) => i.text)]),
      [
        ['situation', true, []],
        ['task', undefined, []],
        ['follow-ups', undefined, ['Why this?', 'Why that?']],
      ],
    );
    assert.equal(story.layers['follow-ups'], story.sections[2]);
    assert.equal(starSection(story, 'situation'), undefined);
    assert.equal(starSection(story, 'task'), story.sections[1]);
    assert.equal(starSection(story, 'action'), undefined);
    assert.deepEqual(
      spokenSections(story).map((s) => s.kind),
      ['task', 'follow-ups'],
    );
    assert.equal(answerSection(story), undefined);
  });

  it('keeps the first candidate of a file whose only story comment names no story', () => {
    const doc = parseDocument('<!-- story:\n-->\n\nJust a note about tools.\n');
    assert.equal(doc.isStory, true);
    const [story] = doc.stories;
    assert.equal(story.title, 'Just a note about tools');
    assert.equal(story.meta.source, 'comment');
    assert.deepEqual(story.meta.span, { start: 0, end: 15 });
    assert.deepEqual(sectionsOf(doc), [['answer', { start: 17, end: 41 }, { start: 17, end: 41 }, 'Just a note about tools.']]);
    assert.equal(answerSection(story), story.sections[0]);
    assert.equal(storySource(story), '<!-- story:\n-->\n\nJust a note about tools.');
  });

  it('keeps the first titled candidate when no candidate reads as a story', () => {
    const doc = parseDocument('<!-- story:\n-->\n\n# One\n\nJust a note.\n\n# Two\n\nAnother note.\n');
    assert.deepEqual(outline(doc), [['One', ['answer']]]);
    assert.deepEqual(doc.stories[0].span, { start: 0, end: 58 });
    assert.equal(doc.stories[0].meta.source, 'comment');
  });

  it('leaves Notes out of the spoken sections', () => {
    const [story] = parseDocument('## Situation\n\nI had a bug last year.\n\n## Task\n\nI had to fix it.\n\n## Notes\n\nRemember the graph.\n').stories;
    assert.deepEqual(
      story.sections.map((s) => s.kind),
      ['situation', 'task', 'notes'],
    );
    assert.deepEqual(
      spokenSections(story).map((s) => s.kind),
      ['situation', 'task'],
    );
    assert.equal(story.layers.notes, story.sections[2]);
  });

  it('reads front matter closed after lone CR line endings', () => {
    const doc = parseDocument('---\rstar: true\rtitle: CR\r---\r\r# T\r\rSituation: I had a bug.\r');
    assert.deepEqual(doc.frontMatter?.keys.title, { key: { start: 15, end: 20 }, value: { start: 22, end: 24 } });
    assert.deepEqual(doc.frontMatter?.span, { start: 0, end: 28 });
    assert.equal(doc.stories[0].title, 'CR');
    assert.deepEqual(sectionsOf(doc), [['situation', { start: 35, end: 58 }, { start: 35, end: 45 }, 'I had a bug.']]);
  });

  it('cuts a bank into stories with their spans, reach and index, the same with or without a memo', () => {
    const bank =
      '# Bank\n\n## One\n\n<!-- story\ncategory: failure -->\n\nSituation: I had a bug.\n\nTask: I fixed it.\n\n## Two\n\nSituation: I had a fight.\n\nTask: I settled it.\n';
    const memo = new Memo();
    for (const doc of [parseDocument(bank), parseDocument(bank, memo), parseDocument(bank, memo)]) {
      assert.deepEqual(
        doc.stories.map((s) => [s.index, s.span, s.reach, s.sections.map((x) => x.span)]),
        [
          [
            0,
            { start: 8, end: 92 },
            94,
            [
              { start: 50, end: 73 },
              { start: 75, end: 92 },
            ],
          ],
          [
            1,
            { start: 94, end: 148 },
            149,
            [
              { start: 102, end: 127 },
              { start: 129, end: 148 },
            ],
          ],
        ],
      );
    }
    // The cached sections of the same stories, moved with the text.
    const moved = parseDocument('\n\n' + bank, memo);
    assert.deepEqual(
      moved.stories.map((s) => s.sections.map((x) => [x.span, x.marker, x.prose.span(0, 1)])),
      [
        [
          [
            { start: 52, end: 75 },
            { start: 52, end: 62 },
            { start: 63, end: 64 },
          ],
          [
            { start: 77, end: 94 },
            { start: 77, end: 82 },
            { start: 83, end: 84 },
          ],
        ],
        [
          [
            { start: 104, end: 129 },
            { start: 104, end: 114 },
            { start: 115, end: 116 },
          ],
          [
            { start: 131, end: 150 },
            { start: 131, end: 136 },
            { start: 137, end: 138 },
          ],
        ],
      ],
    );
  });
});

describe('model/stories: readMeta problems and values', () => {
  it('reports a missing closing quote at the line that opened it, moved by the base, also from the memo', () => {
    const memo = new Memo();
    const first: ParseProblem[] = [];
    readMeta('title: "x\n', 0, 'comment', first, 'story metadata', memo);
    const again: ParseProblem[] = [];
    readMeta('title: "x\n', 50, 'comment', again, 'story metadata', memo);
    const message = 'Invalid YAML in story metadata: Missing closing "quote. Fix the YAML; starlint ignores this metadata until then.';
    assert.deepEqual(first, [{ rule: 'front-matter', message, span: { start: 0, end: 9 } }]);
    assert.deepEqual(again, [{ rule: 'front-matter', message, span: { start: 50, end: 59 } }]);
  });

  it('points a missing single quote or brace at its own line, past blank lines', () => {
    const single: ParseProblem[] = [];
    readMeta("a: 1\ntitle: 'x\n\n\n", 0, 'comment', single, 'story metadata');
    assert.deepEqual(single[0].span, { start: 5, end: 14 });
    assert.match(single[0].message, /^Invalid YAML in story metadata: Missing closing 'quote\. /);
    const brace: ParseProblem[] = [];
    readMeta('a: {b: 1\n', 0, 'comment', brace, 'story metadata');
    assert.deepEqual(brace[0].span, { start: 0, end: 8 });
  });

  it('points a missing quote or bracket noticed lines later at the line that opened it', () => {
    for (const [yaml, span] of [
      ['title: "abc\nmore: y\nz: 1\n', { start: 0, end: 11 }],
      ["title: 'abc\nmore: y\n", { start: 0, end: 11 }],
      ['a: [1, 2\nb: 3\n', { start: 0, end: 8 }],
    ] as const) {
      const problems: ParseProblem[] = [];
      readMeta(yaml, 0, 'comment', problems, 'm');
      assert.deepEqual(problems[0].span, span, yaml);
    }
  });

  // The YAML library says "Flow map in block collection …" (and "Flow mapping" elsewhere): an
  // unclosed { is reported on the line that opened it, not where the parser noticed it.
  it('points an unclosed brace noticed a line later at the line that opened it', () => {
    const problems: ParseProblem[] = [];
    readMeta('a: {b: 1\nc: 2\n', 0, 'comment', problems, 'm');
    assert.deepEqual(problems[0].span, { start: 0, end: 8 });
  });

  it('refuses more than 64 list indicators on one line', () => {
    const deep: ParseProblem[] = [];
    readMeta('- '.repeat(65) + 'x', 0, 'comment', deep, 'story metadata');
    assert.deepEqual(deep[0].span, { start: 0, end: 131 });
    assert.match(deep[0].message, /nests deeper than 64 levels/);
    const ok: ParseProblem[] = [];
    readMeta('- '.repeat(64) + 'x', 0, 'comment', ok, 'story metadata');
    assert.match(ok[0].message, /must be a YAML mapping/);
  });

  it('keeps values of other types as text, and drops empty ones', () => {
    const problems: ParseProblem[] = [];
    const meta = readMeta('title: 42\ncategory:\nquestions: 7\ncompany: 0\nstar: "true"\npracticed:\n', 0, 'comment', problems, 'x');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [meta.title, meta.category, meta.questions, meta.company, meta.star, meta.practiced],
      ['42', undefined, undefined, undefined, false, undefined],
    );
    assert.deepEqual(meta.keys.category, { key: { start: 10, end: 18 }, value: { start: 19, end: 19 } });
  });
});

describe('model/text', () => {
  it('phrases matches whole phrases, any run of spaces and either apostrophe', () => {
    const re = phrases(['a.b', "it's", 'two words']);
    assert.deepEqual(
      [...'x a.b it’s two \n words twowords a-b axb'.matchAll(re)].map((m) => [m[0], m.index]),
      [
        ['a.b', 2],
        ['it’s', 6],
        ['two \n words', 11],
      ],
    );
    assert.equal(re.flags, 'gi');
    assert.equal(phrases(['x'], 'g').flags, 'g');
    assert.equal(phrases(['b']).test('a-b'), false);
  });

  it('percent rounds a share to a whole percent', () => {
    assert.equal(percent(0.384), '38 %');
    assert.equal(percent(0.385), '39 %');
    assert.equal(percent(0), '0 %');
  });

  it('hasProse is false for no section, an empty one and a draft', () => {
    const doc = parseDocument('---\nstar: true\n---\n\n## Situation\n\n[Describe the context]\n\n## Task\n\n## Action\n\nI fixed it.\n');
    const [story] = doc.stories;
    assert.deepEqual(
      story.sections.map((s) => [s.kind, hasProse(s)]),
      [
        ['situation', false],
        ['task', false],
        ['action', true],
      ],
    );
    assert.equal(hasProse(undefined), false);
  });
});

describe('model/directives', () => {
  const KNOWN = new Set(['first-person', 'hedging', 'vague']);
  const read = (text: string, problems: ParseProblem[] = []): ReturnType<typeof readDirectives> =>
    readDirectives(parseDocument(text).comments, new LineIndex(text), KNOWN, problems);
  const finding = (rule: string, start: number): Finding => ({ rule, message: rule, span: { start, end: start + 1 }, severity: 'warning' });

  it('reads each kind of comment with its ids, line and offset, and skips other comments', () => {
    const text =
      'a\n<!-- starlint-disable first-persn, hedging -->\nb\n<!-- starlint-enable -->\n<!-- starlint-disable-line x.y -->\n<!-- starlint-disable-next-line hedging -->\nc\n<!-- not a directive -->\n<!-- starlint-disable-file -->\n';
    const problems: ParseProblem[] = [];
    assert.deepEqual(read(text, problems), [
      { kind: 'disable', rules: ['first-persn', 'hedging'], line: 1, offset: 2 },
      { kind: 'enable', rules: 'all', line: 3, offset: 51 },
      { kind: 'disable-line', rules: ['x.y'], line: 4, offset: 76 },
      { kind: 'disable-next-line', rules: ['hedging'], line: 5, offset: 111 },
      { kind: 'disable-file', rules: 'all', line: 8, offset: 182 },
    ]);
    assert.deepEqual(problems, [
      {
        rule: 'inline-config',
        message: 'Unknown rule "first-persn" in a starlint comment: use a rule id such as "first-person", or leave the ids out to mean all rules.',
        span: { start: 24, end: 35 },
        fix: { title: 'Change "first-persn" to "first-person"', edits: [{ start: 24, end: 35, text: 'first-person' }] },
      },
      {
        rule: 'inline-config',
        message: 'Unknown rule "x.y" in a starlint comment: use a rule id such as "first-person", or leave the ids out to mean all rules.',
        span: { start: 103, end: 106 },
      },
    ]);
  });

  it('finds a repeated unknown id at each of its places', () => {
    const problems: ParseProblem[] = [];
    read('<!-- starlint-disable zz zz -->\n', problems);
    assert.deepEqual(
      problems.map((p) => p.span),
      [
        { start: 22, end: 24 },
        { start: 25, end: 27 },
      ],
    );
  });

  it('finds an unknown id after the comment keyword, not inside it', () => {
    const problems: ParseProblem[] = [];
    read('<!-- starlint-disable able -->\n', problems);
    assert.deepEqual(
      problems.map((p) => p.span),
      [{ start: 22, end: 26 }],
    );
  });

  it('offers no fix for an id that is not a plain word, however close', () => {
    const problems: ParseProblem[] = [];
    read('<!-- starlint-disable hedging! -->\n', problems);
    assert.deepEqual(problems, [
      {
        rule: 'inline-config',
        message: 'Unknown rule "hedging!" in a starlint comment: use a rule id such as "first-person", or leave the ids out to mean all rules.',
        span: { start: 22, end: 30 },
      },
    ]);
  });

  it('returns the findings as they are when there is no comment', () => {
    const findings = [finding('hedging', 0)];
    assert.equal(applyDirectives(findings, [], new LineIndex('a\n')), findings);
  });

  it('switches a rule off from its disable comment (at its offset or after) to its enable comment', () => {
    const text = 'a\n<!-- starlint-disable hedging -->\nbbbb\n<!-- starlint-enable hedging -->\ncccc\n';
    const lines = new LineIndex(text);
    const directives = read(text);
    const kept = applyDirectives(
      [finding('hedging', 0), finding('hedging', 2), finding('hedging', 37), finding('vague', 37), finding('hedging', 75), finding('inline-config', 37)],
      directives,
      lines,
    );
    assert.deepEqual(
      kept.map((f) => [f.rule, f.span.start]),
      [
        ['hedging', 0],
        ['vague', 37],
        ['hedging', 75],
        ['inline-config', 37],
      ],
    );
  });

  it('lets the last comment that applies to a rule decide', () => {
    const text = '<!-- starlint-disable -->\n<!-- starlint-enable vague -->\nxxxx\n<!-- starlint-enable -->\nyyyy\n';
    const kept = applyDirectives([finding('hedging', 57), finding('vague', 57), finding('hedging', 87)], read(text), new LineIndex(text));
    assert.deepEqual(
      kept.map((f) => [f.rule, f.span.start]),
      [
        ['vague', 57],
        ['hedging', 87],
      ],
    );
  });

  it('switches rules off on one line for disable-line and disable-next-line', () => {
    const text = 'aaaa <!-- starlint-disable-line hedging -->\nbbbb\n<!-- starlint-disable-next-line -->\ncccc\ndddd\n';
    const lines = new LineIndex(text);
    const c = text.indexOf('cccc');
    const kept = applyDirectives(
      [finding('hedging', 0), finding('vague', 0), finding('hedging', 44), finding('vague', c), finding('vague', c + 5)],
      read(text),
      lines,
    );
    assert.deepEqual(
      kept.map((f) => [f.rule, f.span.start]),
      [
        ['vague', 0],
        ['hedging', 44],
        ['vague', c + 5],
      ],
    );
  });

  it('switches a rule off in the whole file with disable-file, wherever it stands', () => {
    const text = 'aaaa\n<!-- starlint-disable-file vague -->\n';
    const kept = applyDirectives([finding('vague', 0), finding('hedging', 0)], read(text), new LineIndex(text));
    assert.deepEqual(
      kept.map((f) => f.rule),
      ['hedging'],
    );
    const all = 'aaaa\n<!-- starlint-disable-file -->\n';
    assert.deepEqual(
      applyDirectives([finding('vague', 0), finding('inline-config', 0)], read(all), new LineIndex(all)).map((f) => f.rule),
      ['inline-config'],
    );
  });
});

describe('model/stories: questions as titles', () => {
  it('reads a question inside a section as its text, not a title', () => {
    const doc = parseDocument('## Situation\n\nI had a bug last year.\n\n## Task\n\nWhat was my role?\n\nI owned the fix.\n');
    assert.deepEqual(outline(doc), [['Untitled story', ['situation', 'task']]]);
    assert.equal(doc.stories[0].sections[1].prose.text, 'What was my role?\n\nI owned the fix.');
  });

  it('starts a new answer at a question followed by a new Situation', () => {
    const doc = parseDocument(
      `**Tell me about a time you failed?**\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n\n**Tell me about a time you led a team?**\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n`,
    );
    assert.deepEqual(outline(doc), [
      ['Tell me about a time you failed?', ['situation', 'result']],
      ['Tell me about a time you led a team?', ['situation', 'result']],
    ]);
    assert.deepEqual(
      doc.stories.map((s) => [s.titleSpan, s.span]),
      [
        [
          { start: 0, end: 36 },
          { start: 0, end: 471 },
        ],
        [
          { start: 473, end: 513 },
          { start: 473, end: 948 },
        ],
      ],
    );
  });

  it('takes a topic heading beside question headings as an answer, but not a question outside STAR', () => {
    const doc = parseDocument(
      `# Answers\n\n## Tell me about a time you failed?\n\n${ANSWER}\n\n## Negative feedback from a teammate\n\n${ANSWER}\n\n## What are your hobbies?\n\nI like to read books on weekends and I play chess.\n`,
    );
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [
      ['Tell me about a time you failed?', ['answer']],
      ['Negative feedback from a teammate', ['answer']],
    ]);
    assert.deepEqual(
      doc.stories.map((s) => [s.titleSpan, s.span]),
      [
        [
          { start: 14, end: 46 },
          { start: 11, end: 254 },
        ],
        [
          { start: 259, end: 292 },
          { start: 256, end: 500 },
        ],
      ],
    );
  });

  it('writes a title without emphasis, code and link marks, quotes, a closing colon or closing hashes', () => {
    const marked = parseDocument('# **Bold** `code` [link](http://x.y) title\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.equal(marked.stories[0].title, 'Bold code link title');
    assert.deepEqual(marked.stories[0].titleSpan, { start: 2, end: 42 });
    const quoted = parseDocument('"Tell me about a time you failed:"\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.equal(quoted.stories[0].title, 'Tell me about a time you failed');
    assert.deepEqual(quoted.stories[0].titleSpan, { start: 0, end: 34 });
    const hashes = parseDocument('# Title ###   \n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.deepEqual(hashes.stories[0].titleSpan, { start: 2, end: 7 });
  });

  it('keeps the whole heading as the title span of an empty heading', () => {
    const doc = parseDocument('#\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.deepEqual(doc.stories[0].titleSpan, { start: 0, end: 1 });
  });
});

describe('model/stories: which headings and questions head answers', () => {
  it('reads a bold question inside a section as text when no Situation follows it', () => {
    const inTask = parseDocument(`## Situation\n\n${ANSWER}\n\n## Task\n\n**Tell me about a time you failed?**\n\n${ANSWER}\n`);
    assert.deepEqual(outline(inTask), [['Untitled story', ['situation', 'task']]]);
    const beforeAction = parseDocument(`Situation: ${ANSWER}\n\n**Tell me about a time you failed?**\n\nAction: ${ANSWER}\n\nResult: ${ANSWER}\n`);
    assert.deepEqual(outline(beforeAction), [['Untitled story', ['situation', 'action', 'result']]]);
  });

  it('reads a question after a plain heading that ends the story as the title of a new answer', () => {
    const doc = parseDocument(`Situation: ${ANSWER}\n\nResult: ${ANSWER}\n\n## Common questions\n\n**Tell me about a time you failed?**\n\n${ANSWER}\n`);
    assert.deepEqual(outline(doc), [
      ['Untitled story', ['situation', 'result']],
      ['Tell me about a time you failed?', ['answer']],
    ]);
  });

  it('does not take a question outside STAR ("Tell me about yourself") as the title of an answer', () => {
    const doc = parseDocument(`# Answers\n\n## Tell me about a time you failed?\n\n${ANSWER}\n\n## Tell me about yourself\n\n${ANSWER}\n`);
    assert.deepEqual(outline(doc), [['Tell me about a time you failed?', ['answer']]]);
  });

  it('does not take a topic heading as an answer in a file that asks no question', () => {
    const doc = parseDocument(`# Bank\n\n## Story one\n\nSituation: ${ANSWER}\n\nResult: ${ANSWER}\n\n## Topic\n\n${ANSWER}\n`);
    assert.equal(doc.titleDepth, 2);
    assert.deepEqual(outline(doc), [['Story one', ['situation', 'result']]]);
  });
});

describe('model/stories: what marks a file as a story', () => {
  const GUIDE = '# How to use STAR\n\nYou should describe the situation.\n';

  it('takes a questions or themes key, or a known category in any case, as a mark', () => {
    for (const fm of ['questions: [failure]', 'themes: []', 'category: " Failure "']) {
      const doc = parseDocument(`---\n${fm}\n---\n\n${GUIDE}`);
      assert.deepEqual(outline(doc), [['How to use STAR', ['answer']]], fm);
      assert.equal(doc.titleDepth, 1, fm);
    }
  });

  it('takes no other key, a category that is no text, or a star that is not true as a mark', () => {
    for (const fm of ['category: 7', 'star: "yes"', 'title: x']) {
      const doc = parseDocument(`---\n${fm}\n---\n\n${GUIDE}`);
      assert.equal(doc.isStory, false, fm);
      assert.equal(doc.titleDepth, undefined, fm);
    }
  });

  it('reads markers after their text only where two kinds of them are used', () => {
    assert.equal(parseDocument('I had a bug last year. (Situation)\n\nMore text follows.\n').isStory, false);
    assert.equal(parseDocument('I had a bug last year. (Situation)\n\nI fixed it myself. (Situation)\n').isStory, false);
    const marked = parseDocument('---\nstar: true\n---\n\nI had a bug last year. (Situation)\n\nMore text follows.\n');
    assert.deepEqual(outline(marked), [['More text follows', ['answer']]]);
  });

  it('takes the first one-line paragraph before the first label as the title, past a list', () => {
    const doc = parseDocument('- one\n- two\n\nShort line\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.equal(doc.stories[0].title, 'Short line');
    assert.deepEqual(doc.stories[0].titleSpan, { start: 13, end: 23 });
    assert.equal(doc.stories[0].reach, 68);
    const twoLines = parseDocument('Line one\nline two\n\nSituation: I had a bug.\n\nTask: I fixed it.\n');
    assert.equal(twoLines.stories[0].title, 'Untitled story');
    const labelled = parseDocument('**Situation:** I had a bug.\n\n**Task:** I fixed it.\n');
    assert.equal(labelled.stories[0].title, 'Untitled story');
    assert.deepEqual(labelled.stories[0].span, { start: 0, end: 50 });
  });
});
