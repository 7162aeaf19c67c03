// Pins the behaviour of two engine files line by line: bank/match.ts (reading a job posting: its
// prose with Markdown blanked out, its boilerplate, its hiring company, the evidence and excerpt
// of each competency, the order of the table and the stories to rehearse first) and lint/edit.ts
// (re-linting one story of a bank file after an edit, and when it must lint the whole file).
import assert from 'node:assert/strict';
import { lintOutcome } from './lint-outcome';
import { lintEdit, lintText, resolveConfig, type BankStory, type LintResult, type StarlintConfig, type TextChange } from '../server/src/engine';
import { MAX_EVIDENCE, MAX_POSTING_CHARS, REHEARSE_FIRST, matchJob, type MatchResult } from '../server/src/engine/bank/match';
import { WEAK_SCORE } from '../server/src/engine/bank/drill';
import { SPLIT_ABOVE } from '../server/src/engine/syntax/blocks';

function match(posting: string, config: StarlintConfig = {}, stories: BankStory[] = []): MatchResult {
  return matchJob(posting, { stories }, resolveConfig(config));
}

/** Each competency as [id, [phrase, line, column, excerpt] of each evidence]. */
function evidence(posting: string, config: StarlintConfig = {}): [string, [string, number, number, string][]][] {
  return match(posting, config).competencies.map((c) => [c.id, c.evidence.map((e) => [e.phrase, e.line, e.column, e.excerpt])]);
}

function company(posting: string): [string, string, number, number, string] | undefined {
  const c = match(posting).company;
  return c && [c.id, c.evidence.phrase, c.evidence.line, c.evidence.column, c.evidence.excerpt];
}

/** A story of the bank as matchJob reads it: only the fields it and drill.ts look at are real. */
function story(
  title: string,
  total: number,
  opts: { themes?: string[]; values?: string[]; skills?: string[]; due?: boolean; practiced?: string[] } = {},
): BankStory {
  return {
    title,
    score: { total },
    themes: opts.themes ?? [],
    values: opts.values ?? [],
    skills: opts.skills ?? [],
    practice: { due: opts.due ?? false, practiced: opts.practiced ?? ['2026-11-20'] },
  } as unknown as BankStory;
}

describe('bank/match.ts: reading the posting', () => {
  it('blanks code marks, HTML tags and comments in place, so columns are the source’s', () => {
    assert.deepEqual(evidence('Run `A/B tests` <b>daily</b> <!-- x --> now.'), [['ml:experimentation', [['A/B tests', 1, 6, 'Run A/B tests daily now.']]]]);
    assert.deepEqual(evidence('Run ``A/B tests`` now.'), [['ml:experimentation', [['A/B tests', 1, 7, 'Run A/B tests now.']]]]);
  });

  it('reads a link as its text and an image as its alt text, keeping the offsets after them', () => {
    assert.deepEqual(evidence('See [A/B tests](https://x.io/a) and ![mentor](i.png) ok.'), [
      ['ml:experimentation', [['A/B tests', 1, 6, 'See A/B tests and mentor ok.']]],
      ['ml:leadership', [['mentor', 1, 39, 'See A/B tests and mentor ok.']]],
    ]);
  });

  it('blanks addresses, e-mail addresses and emphasis marks, and reads nothing inside an address', () => {
    assert.deepEqual(evidence('Email a/b@x.io or https://ab.io/A/B-tests and www.ab.com then *A/B tests* and __mentor__.'), [
      ['ml:experimentation', [['A/B tests', 1, 64, '…il a/ or and then A/B tests and mentor .']]],
      ['ml:leadership', [['mentor', 1, 81, '…and then A/B tests and mentor .']]],
    ]);
    assert.deepEqual(evidence('See https://mentor.io/ambiguity now.'), []);
  });

  it('blanks heading marks and block-quote marks at the start of a line', () => {
    assert.deepEqual(evidence('> Quote about ambiguity\n### Ambiguity here'), [
      [
        'ambiguity',
        [
          ['ambiguity', 1, 15, 'Quote about ambiguity'],
          ['Ambiguity', 2, 5, 'Ambiguity here'],
        ],
      ],
    ]);
  });

  it('leaves out a boilerplate section until the next heading, and a boilerplate paragraph', () => {
    assert.deepEqual(evidence('## Benefits\n\nWe handle ambiguity.\n\n## Role\n\nWe handle ambiguity.'), [
      ['ambiguity', [['ambiguity', 7, 11, 'We handle ambiguity.']]],
    ]);
    assert.deepEqual(evidence('We handle ambiguity. Paid time off.\n\nWe handle ambiguity at scale.'), [
      ['ambiguity', [['ambiguity', 3, 11, 'We handle ambiguity at scale.']]],
    ]);
    assert.equal(match('We handle ambiguity. Paid time off.\n\nWe handle ambiguity at scale.').words, 5);
    // A boilerplate heading in bold or closed by a colon starts a section too.
    assert.deepEqual(evidence('**Perks**\n\nWe mentor.\n\nRole:\n\nWe mentor.'), [['ml:leadership', [['mentor', 7, 4, 'We mentor.']]]]);
  });

  it('splits a paragraph at each list item and drops the marker from the excerpt', () => {
    assert.deepEqual(evidence('Responsibilities:\n- Mentor juniors\n- Handle ambiguity\ncontinued line'), [
      ['ambiguity', [['ambiguity', 3, 10, 'Handle ambiguity continued line']]],
      ['ml:leadership', [['Mentor', 2, 3, 'Mentor juniors']]],
    ]);
    assert.deepEqual(evidence('1. Mentor juniors\n2) Handle ambiguity'), [
      ['ambiguity', [['ambiguity', 2, 11, 'Handle ambiguity']]],
      ['ml:leadership', [['Mentor', 1, 4, 'Mentor juniors']]],
    ]);
  });

  it('counts the words read: not headings, not boilerplate; a line of more than 8 words is not a heading', () => {
    assert.equal(match('One two three four five six seven eight:\n\nbody words').words, 2);
    assert.equal(match('One two three four five six seven eight nine:\n\nbody words').words, 11);
    assert.equal(match('# Title here\n\nOne two three.\n\n## Benefits\n\nFour five six.').words, 3);
    assert.equal(match('').words, 0);
    assert.equal(match('   \n\n  ').words, 0);
  });

  it('reads CRLF and lone CR line ends as LF: the same lines and columns', () => {
    const want = [['ambiguity', [['ambiguity', 2, 12, 'x You handle ambiguity']]]];
    assert.deepEqual(evidence('x\nYou handle ambiguity\n'), want);
    assert.deepEqual(evidence('x\r\nYou handle ambiguity\r\n'), want);
    assert.deepEqual(evidence('x\rYou handle ambiguity\r'), want);
  });

  it(`reads only the first ${MAX_POSTING_CHARS} characters`, () => {
    const pad = 'a '.repeat((MAX_POSTING_CHARS - 20) / 2);
    assert.deepEqual(
      match(`${pad}\n\nhandle ambiguity`).competencies.map((c) => c.id),
      ['ambiguity'],
    );
    assert.deepEqual(match(`${pad}\n\n${'b'.repeat(20)} handle ambiguity`).competencies, []);
  });

  it('skips a phrase inside an exception, not one beside it', () => {
    assert.deepEqual(evidence('Deploy to production. Film production assistant roles. Uncertainty quantification and ambiguity.'), [
      ['ambiguity', [['ambiguity', 1, 87, '…production assistant roles. Uncertainty quantification and ambiguity.']]],
      [
        'ml:deployment',
        [
          ['Deploy', 1, 1, 'Deploy to production. Film production assistant roles. Uncertainty quantification and ambiguity.'],
          ['production', 1, 11, 'Deploy to production. Film production assistant roles. Uncertainty quantification and ambiguity.'],
        ],
      ],
    ]);
  });

  it(`keeps the first ${MAX_EVIDENCE} phrases, across paragraphs, in the posting's order`, () => {
    assert.deepEqual(evidence('mentor mentor mentor\n\nmentor mentor mentor mentor'), [
      [
        'ml:leadership',
        [
          ['mentor', 1, 1, 'mentor mentor mentor'],
          ['mentor', 1, 8, 'mentor mentor mentor'],
          ['mentor', 1, 15, 'mentor mentor mentor'],
          ['mentor', 3, 1, 'mentor mentor mentor mentor'],
          ['mentor', 3, 8, 'mentor mentor mentor mentor'],
        ],
      ],
    ]);
    assert.equal(MAX_EVIDENCE, 5);
  });

  it('collapses the spaces of a phrase that runs over a line break', () => {
    const e = match('Work with\ncross\nfunctional partners.').competencies.find((c) => c.id === 'cross-functional');
    assert.deepEqual(
      e?.evidence.map((x) => [x.phrase, x.line, x.column]),
      [['cross functional', 2, 1]],
    );
  });
});

describe('bank/match.ts: the excerpt around a phrase', () => {
  it('is a window of 60 characters before and about 140 in all, with an ellipsis at each cut end', () => {
    const text = `${'word '.repeat(40)}handle ambiguity daily ${'tail '.repeat(40)}`;
    assert.deepEqual(evidence(text), [
      [
        'ambiguity',
        [
          [
            'ambiguity',
            1,
            208,
            '…rd word word word word word word word word word word handle ambiguity daily tail tail tail tail tail tail tail tail tail tail tail tail tail…',
          ],
        ],
      ],
    ]);
  });

  it('starts at the segment start with no ellipsis when the phrase is within 60 characters of it', () => {
    const head = 'x'.repeat(50);
    const [[, [[, , , short]]]] = evidence(`${head} ambiguity`);
    assert.equal(short, `${head} ambiguity`);
    const [[, [[, , , cut]]]] = evidence(`${'x'.repeat(60)} ambiguity`);
    assert.equal(cut, `…${'x'.repeat(59)} ambiguity`);
    // Exactly 60 before: the window starts at the segment's start.
    const [[, [[, , , edge]]]] = evidence(`${'x'.repeat(59)} ambiguity`);
    assert.equal(edge, `${'x'.repeat(59)} ambiguity`);
  });

  it('ends where the segment ends, or after 140 characters with an ellipsis', () => {
    const [[, [[, , , exact]]]] = evidence(`ambiguity ${'y'.repeat(130)}`);
    assert.equal(exact, `ambiguity ${'y'.repeat(130)}`);
    const [[, [[, , , over]]]] = evidence(`ambiguity ${'y'.repeat(131)}`);
    assert.equal(over, `ambiguity ${'y'.repeat(130)}…`);
  });

  it('drops a list marker only when the window starts at the segment’s start', () => {
    const [[, [[, , , cut]]]] = evidence(`${'q'.repeat(12)} - ${'w'.repeat(56)} ambiguity`);
    assert.equal(cut, `…- ${'w'.repeat(56)} ambiguity`);
  });
});

describe('bank/match.ts: the hiring company', () => {
  it('takes a name in the posting’s first line as the employer: from its first character to its line end', () => {
    assert.deepEqual(company('Scientist Amazon'), ['amazon', 'Amazon', 1, 11, 'Scientist Amazon']);
    assert.deepEqual(company('Senior Scientist Amazon\nWe build.'), ['amazon', 'Amazon', 1, 18, 'Senior Scientist Amazon We build.']);
    assert.deepEqual(company('Amazon — Applied Scientist\n\nWe code.'), ['amazon', 'Amazon', 1, 1, 'Amazon — Applied Scientist']);
    assert.deepEqual(company('\n\n  Scientist Amazon\nmore'), ['amazon', 'Amazon', 3, 13, 'Scientist Amazon more']);
    // On the second line, with nothing that makes it the employer, a name is not the employer.
    assert.equal(company('Scientist\nAmazon Alexa and more.'), undefined);
    assert.equal(company('We code.\n\nScientist Amazon rocks'), undefined);
  });

  it('takes a name as the employer after "At", "Join", "About", or before "is", "’s mission"', () => {
    assert.deepEqual(company('Intro\n\nOpenAI is hiring; we dive deep.'), ['openai', 'OpenAI', 3, 1, 'OpenAI is hiring; we dive deep.']);
    assert.deepEqual(company('Intro\n\nWe love Meta’s mission.'), ['meta', 'Meta', 3, 9, 'We love Meta’s mission.']);
    assert.deepEqual(company('Intro\n\nJoin Anthropic today.'), ['anthropic', 'Anthropic', 3, 6, 'Join Anthropic today.']);
    assert.equal(company('Intro\n\nWe compete with Anthropic today.'), undefined);
  });

  it('does not take a product or a tool for the employer, even after "at"', () => {
    assert.equal(company('Intro\n\nWe work at Google Cloud daily.'), undefined);
    assert.equal(company('Intro\n\nUse Amazon SageMaker daily.'), undefined);
    assert.deepEqual(company('Intro\n\nUse AWS SageMaker daily. Amazon’s mission matters.'), [
      'amazon',
      'Amazon',
      3,
      26,
      'Use AWS SageMaker daily. Amazon’s mission matters.',
    ]);
  });

  it('takes a name in a heading of at most 60 characters', () => {
    const heading = (n: number) => company(`Intro\n\n## ${'x'.repeat(n)} Google\n\nWe code.`);
    assert.deepEqual(heading(53), ['google', 'Google', 3, 58, `${'x'.repeat(53)} Google`]);
    assert.equal(heading(54), undefined);
  });

  it('picks the company named most often, and among equals the one named first', () => {
    assert.deepEqual(company('Role\n\nAt Google.\n\nAt Amazon.'), ['google', 'Google', 3, 4, 'At Google.']);
    assert.deepEqual(company('Role\n\nAt Amazon.\n\nAt Google.'), ['amazon', 'Amazon', 3, 4, 'At Amazon.']);
    assert.deepEqual(company('At Google.\n\nAt Amazon.\n\nJoin Amazon.'), ['amazon', 'Amazon', 3, 4, 'At Amazon.']);
    // Equal counts on one line: the first company of the list (Amazon) stays.
    assert.deepEqual(company('Role\n\nAt Google and at Amazon.'), ['amazon', 'Amazon', 3, 18, 'At Google and at Amazon.']);
    // The evidence is the first mention, counted with its aliases.
    assert.deepEqual(company('Senior Scientist, Alexa AI, Amazon\n\nAt Google.'), ['amazon', 'Alexa', 1, 19, 'Senior Scientist, Alexa AI, Amazon']);
  });

  it('names no company in a posting that names none, or in an empty one', () => {
    assert.equal(company('We code.'), undefined);
    assert.equal(company(''), undefined);
    assert.equal(company('  \n '), undefined);
  });

  it('reads a company’s values only when the posting hires for that company', () => {
    const ids = (posting: string) => match(posting).competencies.map((c) => [c.id, c.family, c.label, c.implied]);
    assert.deepEqual(ids('Intro\n\nAt Amazon, you dive deep.'), [['amazon:dive-deep', 'company', 'Amazon: Dive Deep', undefined]]);
    assert.deepEqual(ids('Intro\n\nAt Google, you dive deep.'), [['google:intellectual-humility', 'company', 'Google: Intellectual humility', true]]);
    assert.deepEqual(ids('Intro\n\nYou dive deep.'), []);
    // A value the posting states is not implied, and not listed twice.
    assert.deepEqual(ids('About Meta: we move fast.'), [['meta:move-fast', 'company', 'Meta: Move fast', undefined]]);
    const implied = match('Our Anthropic rocks').competencies;
    assert.deepEqual(implied, [
      {
        id: 'anthropic:risks-and-trade-offs',
        family: 'company',
        label: 'Anthropic: Risks and trade-offs',
        question: 'Tell me about a time you weighed the risks and trade-offs of a decision',
        evidence: [{ phrase: 'Anthropic', line: 1, column: 5, excerpt: 'Our Anthropic rocks' }],
        implied: true,
        stories: [],
        status: 'gap',
      },
    ]);
  });
});

describe('bank/match.ts: competencies, stories and what to rehearse first', () => {
  const POSTING = 'Intro\n\nAt Google, you prioritize work, handle ambiguity, mentor juniors, run A/B tests and are cross-functional.';
  const STORIES = [
    story('A', 80, { themes: ['ambiguity'], skills: ['ml:experimentation'] }),
    story('B', 90, { themes: ['ambiguity'] }),
    story('C', 60, { skills: ['ml:leadership'], values: ['google:intellectual-humility'] }),
  ];

  it('orders gaps, then thin, then covered; within each, themes, values, skills in the lexicon’s order', () => {
    const r = match(POSTING, {}, STORIES);
    assert.deepEqual(
      r.competencies.map((c) => [c.id, c.status, c.stories]),
      [
        ['cross-functional', 'gap', []],
        ['prioritization', 'gap', []],
        ['google:intellectual-humility', 'thin', [2]],
        ['ml:experimentation', 'thin', [0]],
        ['ml:leadership', 'thin', [2]],
        ['ambiguity', 'ok', [1, 0]],
      ],
    );
    const ambiguity = r.competencies.find((c) => c.id === 'ambiguity');
    assert.deepEqual([ambiguity?.label, ambiguity?.question], ['ambiguity', 'How did you handle ambiguity?']);
    const skill = r.competencies.find((c) => c.id === 'ml:experimentation');
    assert.deepEqual([skill?.label, skill?.question], ['Experimentation', 'Tell me about an experiment you designed and what it taught you']);
    // "Intro" is a paragraph (a heading needs a mark or a colon): 1 word, and 15 in the sentence.
    assert.equal(r.words, 16);
  });

  it('rehearses first the stories answering the most, then the weak ones among equals', () => {
    const r = match(POSTING, {}, STORIES);
    assert.deepEqual(r.rehearse, [
      { story: 2, answers: ['google:intellectual-humility', 'ml:leadership'], due: false, weak: true },
      { story: 0, answers: ['ml:experimentation', 'ambiguity'], due: false, weak: false },
      { story: 1, answers: ['ambiguity'], due: false, weak: false },
    ]);
  });

  it('puts due stories (or never practised ones) before others, then weak, then by score, then by place', () => {
    const posting = 'Handle ambiguity.';
    const order = (stories: BankStory[]) => match(posting, {}, stories).rehearse.map((x) => [x.story, x.due, x.weak]);
    assert.deepEqual(order([story('A', 90, { themes: ['ambiguity'] }), story('B', 80, { themes: ['ambiguity'], due: true })]), [
      [1, true, false],
      [0, false, false],
    ]);
    assert.deepEqual(order([story('A', 90, { themes: ['ambiguity'] }), story('B', 80, { themes: ['ambiguity'], practiced: [] })]), [
      [1, true, false],
      [0, false, false],
    ]);
    // Both weak: the higher score first.
    assert.deepEqual(order([story('A', 50, { themes: ['ambiguity'] }), story('B', 60, { themes: ['ambiguity'] })]), [
      [1, false, true],
      [0, false, true],
    ]);
    // One weak: the weak one first, whatever the score.
    assert.deepEqual(order([story('A', 90, { themes: ['ambiguity'] }), story('B', WEAK_SCORE - 1, { themes: ['ambiguity'] })]), [
      [1, false, true],
      [0, false, false],
    ]);
    // A score of exactly WEAK_SCORE is not weak.
    assert.deepEqual(order([story('A', WEAK_SCORE, { themes: ['ambiguity'] }), story('B', 90, { themes: ['ambiguity'] })]), [
      [1, false, false],
      [0, false, false],
    ]);
    // Equal in everything: the bank's order.
    assert.deepEqual(order([story('A', 80, { themes: ['ambiguity'] }), story('B', 80, { themes: ['ambiguity'] }), story('C', 80)]), [
      [0, false, false],
      [1, false, false],
    ]);
  });

  it(`names at most ${REHEARSE_FIRST} stories, and none that answers nothing`, () => {
    const stories = [80, 81, 82, 83].map((s, i) => story(`S${i}`, s, { themes: ['ambiguity'] }));
    assert.deepEqual(
      match('Handle ambiguity.', {}, stories).rehearse.map((x) => x.story),
      [3, 2, 1],
    );
    assert.deepEqual(match('Handle ambiguity.', {}, [story('A', 80)]).rehearse, []);
    assert.equal(REHEARSE_FIRST, 3);
  });

  it('finds the user’s own themes by their id’s words, after the built-in ones', () => {
    const config = { themes: [{ id: 'model-serving', question: 'Tell me about serving a model' }] };
    const r = match('You own model serving and handle ambiguity.', config);
    assert.deepEqual(
      r.competencies.map((c) => [c.id, c.family, c.label, c.question, c.evidence.map((e) => [e.phrase, e.column])]),
      [
        ['ambiguity', 'theme', 'ambiguity', 'How did you handle ambiguity?', [['ambiguity', 34]]],
        ['model-serving', 'theme', 'model-serving', 'Tell me about serving a model', [['model serving', 9]]],
        ['ml:deployment', 'ml', 'Deployment', 'Tell me about taking a model to production', [['model serving', 9]]],
      ],
    );
    // A built-in theme listed again in the configuration is not read twice.
    assert.deepEqual(
      match('Handle ambiguity.', { themes: [{ id: 'ambiguity', question: 'Q?' }] }).competencies.map((c) => c.id),
      ['ambiguity'],
    );
  });
});

// ------------------------------------------------------------------ lint/edit.ts

const TODAY = '2026-11-25';
const config = resolveConfig();

/**
 * A story of a bank file whose Action runs over five lines (A1–A5), so an edit on A3 has a line
 * before, a line after, and lines two away on each side; `mark` puts a '~' (a character that could
 * be structure) on one of them.
 */
function editStory(n: number, mark?: 'A1' | 'A2' | 'A3' | 'A4' | 'A5', comment = true): string {
  const line = (id: string, words: string) => `${words}${mark === id ? ' ~ or so' : ''}`;
  return [
    `## Story ${n}`,
    ...(comment ? ['<!-- story', 'category: project', 'questions: [ambiguity]', '-->'] : []),
    '',
    '**Situation:** The churn rate rose last spring and the team had no model of it.',
    '',
    '**Task:** I owned the churn model and its weekly report for the retention team.',
    '',
    `**Action:** ${line('A1', 'I compared three options with the analysts on the team.')}`,
    line('A2', 'I chose gradient-boosted trees because the analysts needed reasons.'),
    line('A3', 'I tuned the features with care and checked each one against last year.'),
    line('A4', 'I wrote the weekly report so the retention team could act on it early.'),
    line('A5', 'I reviewed the report with the analysts every Monday for a quarter.'),
    '',
    '**Result:** Churn fell from 9% to 6% in one quarter, and the team kept the report.',
    '',
    '',
  ].join('\n');
}

/** A bank of 40 such stories (over SPLIT_ABOVE characters); story 5 is built by `five`. */
function bankOf(five: string = editStory(5), eol = '\n'): string {
  const text = Array.from({ length: 40 }, (_, i) => (i === 5 ? five : editStory(i))).join('');
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** Replaces [start, end) of `text` by `insert`. */
function change(text: string, start: number, end: number, insert: string, withText = true): { text: string; change: TextChange } {
  return {
    text: text.slice(0, start) + insert + text.slice(end),
    change: { start, end, newEnd: start + insert.length, inserted: withText ? insert : undefined },
  };
}

/** Lints `bank`, applies the edit, and checks the result is lintText's; returns whether it was incremental. */
function relint(
  bank: string,
  start: number,
  end: number,
  insert: string,
  opts: { withText?: boolean; prev?: LintResult; config?: typeof config; prevConfig?: typeof config; today?: string } = {},
) {
  const cfg = opts.config ?? config;
  const prev = opts.prev ?? lintText(bank, opts.prevConfig ?? cfg, { today: TODAY });
  const next = change(bank, start, end, insert, opts.withText ?? true);
  const got = lintEdit(prev, next.text, next.change, cfg, { today: opts.today ?? TODAY });
  assert.deepEqual(lintOutcome(got), lintOutcome(lintText(next.text, cfg, { today: opts.today ?? TODAY })));
  return { got, text: next.text, incremental: got.incremental === true };
}

/** Offset of `find` inside story `n` of `text`. */
function inStory(text: string, n: number, find: string): number {
  const at = text.indexOf(find, text.indexOf(`## Story ${n}\n`));
  assert.ok(at >= 0, find);
  return at;
}

describe('lint/edit.ts lintEdit', () => {
  const BANK = bankOf();

  it('re-lints only the edited story for typing in its prose, with lintText’s result and the region kept', () => {
    assert.ok(BANK.length > SPLIT_ABOVE);
    const at = inStory(BANK, 5, 'with care');
    const { got, text, incremental } = relint(BANK, at, at, 'great ');
    assert.equal(incremental, true);
    const s = got.doc.stories[5];
    assert.deepEqual(got.region, { start: s.span.start, end: s.reach, text: text.slice(s.span.start, s.reach) });
    // The stories after it moved by the six characters typed; those before did not.
    const before = lintText(BANK, config, { today: TODAY }).doc;
    assert.deepEqual(got.doc.stories[4].span, before.stories[4].span);
    assert.equal(got.doc.stories[6].span.start, before.stories[6].span.start + 6);
    assert.deepEqual(
      got.doc.chunks,
      before.chunks?.map((x) => (x > at ? x + 6 : x)),
    );
  });

  it('reads the inserted text from the new text when the change does not carry it, and takes deletions and replacements', () => {
    const at = inStory(BANK, 5, 'with care');
    assert.equal(relint(BANK, at, at, 'great ', { withText: false }).incremental, true);
    assert.equal(relint(BANK, at, at + 'with care '.length, '').incremental, true);
    assert.equal(relint(BANK, at, at + 'with care'.length, 'slowly and with great care', { withText: false }).incremental, true);
    // A line break typed in the prose.
    assert.equal(relint(BANK, at, at, '\n').incremental, true);
  });

  it('goes on re-linting one story over a chain of edits in it, and in another story after', () => {
    let text = BANK;
    let prev = lintText(text, config, { today: TODAY });
    for (const [n, word] of [
      [5, 'really '],
      [5, 'truly '],
      [20, 'very '],
      [5, 'x'],
    ] as const) {
      const at = inStory(text, n, 'with care');
      const r = relint(text, at, at, word, { prev });
      assert.equal(r.incremental, true, `${n} ${word}`);
      text = r.text;
      prev = r.got;
    }
  });

  it('keeps CRLF line ends right: the line index is the full lint’s', () => {
    const crlf = bankOf(editStory(5), '\r\n');
    const at = inStory(crlf, 5, 'with care');
    assert.equal(relint(crlf, at, at, 'great ').incremental, true);
    // A line break typed before a CR, and a CR typed before a LF: the CR and LF pair up.
    assert.equal(relint(crlf, at, at, '\r\n').incremental, true);
    const eol = crlf.indexOf('\r\n', at);
    assert.equal(relint(crlf, eol, eol, ' more').incremental, true);
    assert.equal(relint(crlf, eol + 1, eol + 1, 'x').incremental, true);
    // The LF of a CRLF deleted: the CR left alone ends its line by itself.
    assert.equal(relint(crlf, eol + 1, eol + 2, '').incremental, true);
  });

  it('lints the whole file when a line around the edit could be structure: the line before or after, not two away', () => {
    const a3 = (bank: string) => inStory(bank, 5, 'with care');
    const edited = (mark?: 'A1' | 'A2' | 'A3' | 'A4' | 'A5') => {
      const bank = bankOf(editStory(5, mark));
      return relint(bank, a3(bank), a3(bank), 'great ').incremental;
    };
    assert.deepEqual([edited(), edited('A1'), edited('A2'), edited('A3'), edited('A4'), edited('A5')], [true, true, false, false, false, true]);
    // The same for a deletion: the lines around the removed stretch, in the old text.
    const bank = bankOf(editStory(5, 'A4'));
    assert.equal(relint(bank, a3(bank), a3(bank) + 5, '').incremental, false);
    const far = bankOf(editStory(5, 'A5'));
    assert.equal(relint(far, a3(far), a3(far) + 5, '').incremental, true);
  });

  it('lints the whole file when the inserted text could be structure', () => {
    const at = inStory(BANK, 5, 'with care');
    for (const insert of ['#', '`', '~', '<', '>', '\n---\n', '\n===\n', '\n* * *\n']) assert.equal(relint(BANK, at, at, insert).incremental, false, insert);
    assert.equal(relint(BANK, at, at, '\n-- x\n').incremental, true);
  });

  it('lints the whole file for an edit in a title line or next to it', () => {
    const bank = bankOf(editStory(5, undefined, false));
    const title = inStory(bank, 5, 'Story 5');
    const eol = bank.indexOf('\n', title);
    assert.equal(relint(bank, title, title, 'x').incremental, false);
    assert.equal(relint(bank, eol, eol, 'x').incremental, false);
    // Just after it the title line is the line before the edit: structure, so the whole file too.
    assert.equal(relint(bank, eol + 1, eol + 1, '\n').incremental, false);
    // The first character of a story (its heading mark) is not its body.
    assert.equal(relint(bank, title - 3, title - 3, 'x').incremental, false);
  });

  it('lints the whole file for an edit that reaches the next story', () => {
    const bank = bankOf(editStory(5, undefined, false));
    const next = bank.indexOf('## Story 6');
    assert.equal(relint(bank, next - 4, next + 2, '').incremental, false);
    // Up to the next story's first character: the story's whole reach.
    assert.equal(relint(bank, next - 1, next, '').incremental, false);
    assert.equal(relint(bank, next - 2, next - 1, '').incremental, true);
  });

  it('lints the whole file when the story is not a chunk of its own (a setext heading follows it)', () => {
    const five = `${editStory(5)}Part two\n========\n\nSome words.\n\n`;
    const bank = bankOf(five);
    const at5 = inStory(bank, 5, 'with care');
    assert.equal(relint(bank, at5, at5, 'great ').incremental, false);
    const at4 = inStory(bank, 4, 'with care');
    assert.equal(relint(bank, at4, at4, 'great ').incremental, true);
  });

  it('lints the whole file when the change does not describe the edit', () => {
    const at = inStory(BANK, 5, 'with care');
    const prev = lintText(BANK, config, { today: TODAY });
    const text = BANK.slice(0, at) + 'great ' + BANK.slice(at);
    const full = lintOutcome(lintText(text, config, { today: TODAY }));
    const bad: TextChange[] = [
      { start: -1, end: at, newEnd: at + 6 },
      { start: at, end: at - 1, newEnd: at + 6 },
      { start: at, end: at, newEnd: at - 1 },
      { start: at, end: at, newEnd: at + 5 },
      { start: at, end: at, newEnd: at + 6, inserted: 'great' },
    ];
    for (const c of bad) {
      const got = lintEdit(prev, text, c, config, { today: TODAY });
      assert.equal(got.incremental, undefined, JSON.stringify(c));
      assert.deepEqual(lintOutcome(got), full);
    }
    assert.equal(lintEdit(prev, text, { start: at, end: at, newEnd: at + 6, inserted: 'great ' }, config, { today: TODAY }).incremental, true);
  });

  it('lints the whole file when the day, the configuration or the size changed', () => {
    const at = inStory(BANK, 5, 'with care');
    assert.equal(relint(BANK, at, at, 'great ', { today: '2026-11-26' }).incremental, false);
    assert.equal(relint(BANK, at, at, 'great ', { prevConfig: config, config: resolveConfig({ rules: { hedging: 'off' } }) }).incremental, false);
    // A bank under SPLIT_ABOVE characters is parsed in one piece: nothing to keep.
    const small = Array.from({ length: 3 }, (_, i) => editStory(i)).join('');
    const s = inStory(small, 1, 'with care');
    assert.equal(relint(small, s, s, 'great ').incremental, false);
    // A bank of SPLIT_ABOVE + 5 characters: cut under SPLIT_ABOVE it is one piece again; cut to it, not.
    const base = Array.from({ length: Math.floor(SPLIT_ABOVE / editStory(0).length) }, (_, i) => editStory(i)).join('');
    const edge = `${base}${'z'.repeat(SPLIT_ABOVE + 5 - base.length - 1)}\n`;
    assert.equal(edge.length, SPLIT_ABOVE + 5);
    const e = inStory(edge, 5, 'with care');
    assert.equal(relint(edge, e, e + 6, '').incremental, false);
    assert.equal(relint(edge, e, e + 5, '').incremental, true);
    // Over maxFileSize after the edit: the whole file (which says so); at it, one story.
    const limit = resolveConfig({ maxFileSize: BANK.length + 3 });
    assert.equal(relint(BANK, at, at, 'abc', { config: limit }).incremental, true);
    assert.equal(relint(BANK, at, at, 'abcd', { config: limit }).incremental, false);
  });

  it('places the region’s comments where they were, for a story with and without its own comment', () => {
    const bank = bankOf(editStory(5, undefined, false));
    for (const n of [4, 5, 6]) {
      const at = inStory(bank, n, 'with care');
      assert.equal(relint(bank, at, at, 'great ').incremental, true, `story ${n}`);
    }
  });
});

describe('bank/match.ts: the user’s own themes', () => {
  it('orders two of the user’s themes as the configuration lists them', () => {
    const config = {
      themes: [
        { id: 'model-serving', question: 'Serving?' },
        { id: 'data-contracts', question: 'Contracts?' },
      ],
    };
    assert.deepEqual(
      match('You own data contracts and model serving.', config).competencies.map((c) => c.id),
      // Not in the posting's order: the configuration's.
      ['model-serving', 'data-contracts', 'ml:deployment', 'ml:data-quality'],
    );
  });

  it('shows the whole of a phrase longer than the excerpt’s window', () => {
    const id = `${'a'.repeat(45)}-${'b'.repeat(45)}`;
    const phrase = `${'a'.repeat(45)} ${'b'.repeat(45)}`;
    const text = `${'q'.repeat(70)} ${phrase} ${'w'.repeat(100)}`;
    const c = match(text, { themes: [{ id, question: 'Long?' }] }).competencies;
    assert.deepEqual(
      c.map((x) => [x.id, x.evidence.map((e) => [e.phrase, e.column, e.excerpt])]),
      [[id, [[phrase, 72, `…${'q'.repeat(59)} ${phrase}…`]]]],
    );
  });
});
