// The story shapes of SPEC §2, the edge cases of §3 ("where rules look"), and bad input. Each
// test reads a Markdown document and checks the story model or the findings it yields.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, parseDocument, resolveConfig, type Finding, type ParsedDocument } from '../server/src/engine';

const TODAY = '2026-11-25';
const FIXTURES = join(__dirname, 'fixtures', 'stories');
const EXAMPLES = join(__dirname, '..', 'examples');

const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const lint = (text: string): Finding[] => lintText(text, resolveConfig(), { today: TODAY }).findings;

/** Each section of each story as [kind, style, the marker as written]. */
function shape(doc: ParsedDocument): [string, string, string][][] {
  return doc.stories.map((s) => s.sections.map((sec) => [sec.kind, sec.style, doc.text.slice(sec.marker.start, sec.marker.end)]));
}

/** The prose of a story's section, whitespace collapsed. */
function prose(doc: ParsedDocument, kind: string, story = 0): string {
  const section = doc.stories[story].sections.find((s) => s.kind === kind);
  assert.ok(section, `no ${kind} section`);
  return section.prose.text.replace(/\s+/g, ' ').trim();
}

/** Findings as rule, 1-based line and column, so documents with different offsets compare. */
function located(text: string, findings: Finding[]): string[] {
  const lineOf = (offset: number): string => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\n/).length;
    const column = offset - Math.max(before.lastIndexOf('\n') + 1, 0) + 1;
    return `${line}:${column}`;
  };
  return findings.map((f) => `${f.rule}@${lineOf(f.span.start)}-${lineOf(f.span.end)}`).sort();
}

const STAR = ['situation', 'task', 'action', 'result'];

describe('parser: story shapes (SPEC §2)', () => {
  it('reads ## headings under the story title', () => {
    const doc = parseDocument(fixture('headings.md'));
    assert.equal(doc.isStory, true);
    assert.equal(doc.stories.length, 1);
    assert.equal(doc.stories[0].title, 'Fraud model for a new payment method');
    assert.deepEqual(shape(doc), [
      [
        ['situation', 'heading', 'Situation'],
        ['task', 'heading', 'Task'],
        ['action', 'heading', 'Action'],
        ['result', 'heading', 'Result'],
      ],
    ]);
    assert.equal(prose(doc, 'task'), 'I owned the fraud model and had to cut losses without blocking good customers.');
  });

  it('reads **Situation:** labels, the label left out of the prose', () => {
    const doc = parseDocument(fixture('labels-bold.md'));
    assert.deepEqual(shape(doc), [
      [
        ['situation', 'label', '**Situation:**'],
        ['task', 'label', '**Task:**'],
        ['action', 'label', '**Action:**'],
        ['result', 'label', '**Result:**'],
      ],
    ]);
    assert.equal(prose(doc, 'task'), 'I owned the model and the nightly scores.');
  });

  it('reads plain Situation: labels, one per line with no blank line between them', () => {
    const doc = parseDocument(fixture('labels-lines.md'));
    assert.deepEqual(shape(doc), [
      [
        ['situation', 'label', 'Situation:'],
        ['task', 'label', 'Task:'],
        ['action', 'label', 'Action:'],
        ['result', 'label', 'Result:'],
      ],
    ]);
    assert.equal(prose(doc, 'situation'), 'Our membership churn model scored every member each night.');
    assert.equal(prose(doc, 'result'), 'Recall at the top decile rose from 0.41 to 0.63.');
  });

  it('reads bold labels one per line with no blank line between them', () => {
    const doc = parseDocument('# Churn\n\n**Situation:** Churn rose.\n**Task:** I owned it.\n**Action:** I built a model.\n**Result:** Churn fell 3%.\n');
    assert.deepEqual(
      shape(doc)[0].map(([kind]) => kind),
      STAR,
    );
    assert.equal(prose(doc, 'action'), 'I built a model.');
  });

  it('reads **Situation** - labels with a dash or an em dash', () => {
    const doc = parseDocument(fixture('labels-dash.md'));
    assert.deepEqual(
      shape(doc)[0].map(([kind, style]) => `${kind}/${style}`),
      STAR.map((k) => `${k}/label`),
    );
    assert.equal(prose(doc, 'action'), 'I traced the drop to a label change upstream and retrained the model.');
    assert.equal(prose(doc, 'situation'), 'Our membership churn model scored every member each night.');
  });

  const labelShapes: [string, string][] = [
    ['**Situation:**', '**Situation:**'],
    ['**Situation**:', '**Situation**:'],
    ['**Situation** -', '**Situation** -'],
    ['**Situation** —', '**Situation** —'],
    ['*Situation:*', '*Situation:*'],
    ['__Situation:__', '__Situation:__'],
    ['**Situation (30 s):**', '**Situation (30 s):**'],
    ['Situation:', 'Situation:'],
    ['SITUATION:', 'SITUATION:'],
  ];
  for (const [label, marker] of labelShapes) {
    it(`reads the label ${JSON.stringify(label)} and keeps it out of the prose`, () => {
      const doc = parseDocument(`# Churn\n\n${label} Churn rose at the shop.\n\n**Task:** I owned it.\n`);
      const situation = doc.stories[0].star.situation!;
      assert.equal(doc.text.slice(situation.marker.start, situation.marker.end), marker);
      assert.equal(situation.prose.text.trim(), 'Churn rose at the shop.');
      assert.equal(situation.words, 5);
    });
  }

  it('matches section names case-insensitively', () => {
    const doc = parseDocument('# Churn\n\n## SITUATION\n\nChurn rose.\n\n## task\n\nI owned it.\n\nACTION: I built a model.\n\n**result:** Churn fell 3%.\n');
    assert.deepEqual(
      shape(doc)[0].map(([kind]) => kind),
      STAR,
    );
  });

  const aliases: [string, string][] = [
    ['Context', 'situation'],
    ['Background', 'situation'],
    ['Goal', 'task'],
    ['Responsibility', 'task'],
    ['Actions', 'action'],
    ['Approach', 'action'],
    ['Results', 'result'],
    ['Outcome', 'result'],
    ['Impact', 'result'],
  ];
  for (const [alias, kind] of aliases) {
    it(`reads "${alias}" as ${kind}, as a heading and as a label`, () => {
      // First-person prose: a story (SPEC §2), not a guide or a template.
      const others = STAR.filter((k) => k !== kind).map((k) => `## ${k[0].toUpperCase()}${k.slice(1)}\n\nI did the work here.\n`);
      const asHeading = parseDocument(`# Story\n\n## ${alias}\n\nThe aliased section.\n\n${others.join('\n')}`);
      assert.equal(asHeading.stories[0].star[kind as 'task']?.name, alias);
      const asLabel = parseDocument(`# Story\n\n**${alias}:** The aliased section.\n\n${others.join('\n')}`);
      assert.equal(asLabel.stories[0].star[kind as 'task']?.name, alias);
      assert.equal(prose(asLabel, kind), 'The aliased section.');
    });
  }

  it('reads a story written entirely in aliases', () => {
    const doc = parseDocument(fixture('aliases.md'));
    assert.deepEqual(
      shape(doc)[0].map(([kind, , marker]) => `${kind}=${marker}`),
      ['situation=Context', 'task=Goal', 'action=Approach', 'result=Outcome'],
    );
    assert.ok(!lint(fixture('aliases.md')).some((f) => f.rule === 'missing-section'));
  });

  it('reads a mixture of headings and labels, and labels that own the lists, tables and code after them', () => {
    const text = fixture('mixed.md');
    const doc = parseDocument(text);
    assert.deepEqual(shape(doc), [
      [
        ['situation', 'heading', 'Background'],
        ['task', 'label', '**Responsibility:**'],
        ['action', 'label', 'Approach:'],
        ['result', 'heading', 'Impact'],
      ],
    ]);
    const action = doc.stories[0].star.action!;
    assert.match(action.prose.text, /I ran the A\/B test on 5% of traffic\./, 'the list belongs to the label section');
    assert.match(action.prose.text, /NDCG@10/, 'the table belongs to the label section');
    assert.doesNotMatch(action.prose.text, /model\.fit/, 'code is not prose');
    assert.ok(action.span.end > text.indexOf('model.fit'), 'the code block lies inside the section');
    assert.ok(action.span.end < text.indexOf('## Impact'));
  });

  it('ends a label section at the next label, the next heading and the next story', () => {
    const text =
      '# Churn\n\nSituation: Churn rose.\n\nTask: I owned it.\n\nAction: I built a model.\n\nResult: Churn fell 3%.\n\n## Action items\n\n- Follow up with Sam.\n';
    const doc = parseDocument(text);
    assert.equal(prose(doc, 'result'), 'Churn fell 3%.');
    assert.ok(doc.stories[0].star.result!.span.end <= text.indexOf('## Action items'));
  });

  it('reads Summary, Deep dive, Follow-ups and Notes as layers outside the STAR word count', () => {
    const doc = parseDocument(fixture('layers.md'));
    const story = doc.stories[0];
    assert.deepEqual(
      story.sections.map((s) => s.kind),
      ['summary', 'situation', 'task', 'action', 'result', 'deep-dive', 'follow-ups', 'notes'],
    );
    assert.deepEqual(Object.keys(story.layers).sort(), ['deep-dive', 'follow-ups', 'notes', 'summary']);
    assert.equal(
      story.starWords,
      STAR.reduce((n, k) => n + story.star[k as 'task']!.words, 0),
    );
    assert.equal(story.layers['follow-ups']!.items.length, 1);
  });

  it('does not read "## Action items" as a section', () => {
    const doc = parseDocument('# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action items\n\n- Fix the pipeline.\n');
    assert.deepEqual(
      shape(doc)[0].map(([kind]) => kind),
      ['situation', 'task'],
    );
    assert.equal(prose(doc, 'task'), 'I owned it.');
  });

  it('does not read "Result:" in the middle of a sentence or in a list item as a label', () => {
    const doc = parseDocument(
      '# Churn\n\n## Situation\n\nThe Result: nothing changed. Churn rose.\n\n## Task\n\n- Result: I owned it.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell 3%.\n',
    );
    assert.deepEqual(
      shape(doc)[0].map(([kind, style]) => `${kind}/${style}`),
      STAR.map((k) => `${k}/heading`),
    );
    assert.equal(prose(doc, 'situation'), 'The Result: nothing changed. Churn rose.');
    assert.equal(prose(doc, 'task'), 'Result: I owned it.');
  });

  it('reads a bank file of several stories, each with its <!-- story … --> metadata', () => {
    const text = fixture('bank.md');
    const doc = parseDocument(text);
    assert.deepEqual(
      doc.stories.map((s) => s.title),
      ['Cold-start recommender', 'Churn model that broke', 'Onboarding three junior engineers'],
    );
    assert.deepEqual(
      doc.stories.map((s) => s.meta.source),
      ['comment', 'comment', 'comment'],
    );
    assert.deepEqual(
      doc.stories.map((s) => s.meta.category),
      ['project', 'failure', 'leadership'],
    );
    assert.deepEqual(doc.stories[0].meta.questions, ['challenging-project', 'ambiguity', 'proud']);
    assert.equal(doc.stories[1].meta.questions, undefined);
    for (const story of doc.stories)
      assert.deepEqual(
        story.sections.map((s) => s.kind),
        STAR,
      );
    for (let i = 1; i < doc.stories.length; i++) assert.ok(doc.stories[i - 1].span.end <= doc.stories[i].span.start, 'stories do not overlap');
    assert.ok(doc.stories[0].span.start > text.indexOf('Stories I am preparing'), 'the bank intro belongs to no story');

    const findings = lint(text);
    const metadata = findings.filter((f) => f.rule === 'missing-metadata');
    assert.deepEqual(
      metadata.map((f) => text.slice(f.span.start, f.span.end)),
      ['category'],
      'only the story without questions is reported, at its comment',
    );
    assert.deepEqual(
      metadata.map((f) => f.story),
      [1],
    );
    assert.equal(findings.filter((f) => f.rule === 'missing-section').length, 0);
  });

  it('reads every shape of story comment: a line break, a colon, or a space before the first key', () => {
    const story = (comment: string): string =>
      `# Bank\n\n## Churn model\n\n${comment}\n\n**Situation:** Churn rose.\n\n**Task:** I owned it.\n\n## Fraud rules\n\n<!-- story: category: project -->\n\n**Situation:** Losses rose.\n`;
    for (const comment of [
      '<!-- story\ncategory: failure\n-->',
      '<!-- story: category: failure -->',
      '<!-- story category: failure -->',
      '<!-- starlint-story category: failure -->',
      '<!--story category: failure-->',
    ]) {
      const doc = parseDocument(story(comment));
      assert.deepEqual(
        doc.stories.map((s) => s.meta.category),
        ['failure', 'project'],
        comment,
      );
    }
    // "story" that is not followed by a key is not a story comment.
    const plain = parseDocument(story('<!-- story time: we were late -->').replace('story time', 'story time is'));
    assert.equal(plain.stories[0].meta.source, 'none');
  });

  it('reads a title named like a depth layer ("# Notes", "# Summary") as the title, not a section', () => {
    for (const title of ['Notes', 'Summary', 'Deep dive']) {
      const doc = parseDocument(
        `# ${title}\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nI chose a model.\n\n## Result\n\nChurn fell 5%.\n`,
      );
      assert.equal(doc.stories.length, 1);
      assert.equal(doc.stories[0].title, title);
      assert.deepEqual(
        doc.stories[0].sections.map((s) => s.kind),
        STAR,
        title,
      );
    }
    // A bank titled "Notes" still splits into its stories.
    const bank = parseDocument(
      '# Notes\n\n## Churn model\n\n### Situation\n\nChurn rose and I owned it.\n\n### Result\n\nI cut it 5%.\n\n## Fraud rules\n\n### Situation\n\nLosses rose and I owned them.\n\n### Result\n\nI cut them 8%.\n',
    );
    assert.deepEqual(
      bank.stories.map((s) => s.title),
      ['Churn model', 'Fraud rules'],
    );
    // A Notes section under a title stays a section.
    const notes = parseDocument('# Churn\n\n## Situation\n\nChurn rose and I owned it.\n\n## Result\n\nI cut it 5%.\n\n## Notes\n\nAsk about the pilot.\n');
    assert.deepEqual(
      notes.stories[0].sections.map((s) => s.kind),
      ['situation', 'result', 'notes'],
    );
  });

  it('reports a finding of a bank story in that story only', () => {
    const text = fixture('bank.md').replace('New-visitor conversion rose from 1.1% to 1.5%.', 'New visitors were happier.');
    const metric = lint(text).filter((f) => f.rule === 'result-metric');
    assert.deepEqual(
      metric.map((f) => f.story),
      [0],
    );
  });
});

describe('parser: files that are not stories', () => {
  const notStories: [string, string][] = [
    ['a README with "## Installation"', fixture('readme.md')],
    ['a document with one STAR heading only', fixture('one-heading.md')],
    ['examples/not-a-story.md', readFileSync(join(EXAMPLES, 'not-a-story.md'), 'utf8')],
    ['the story bank README', readFileSync(join(EXAMPLES, 'story-bank', 'README.md'), 'utf8')],
    ['plain notes', 'Some notes about my week.\n\nI should prepare a story about the fraud model.\n'],
  ];
  for (const [name, text] of notStories) {
    it(`${name} is not a story and gets no findings`, () => {
      assert.equal(parseDocument(text).isStory, false);
      assert.deepEqual(lint(text), []);
    });
  }

  it('front matter with category, questions or star: true makes a story', () => {
    for (const front of ['category: project', 'questions: [failure]', 'star: true']) {
      const doc = parseDocument(`---\n${front}\n---\n\n# Draft\n\nNothing written yet.\n`);
      assert.equal(doc.isStory, true, front);
    }
    assert.equal(parseDocument('---\ntitle: Notes\n---\n\n# Draft\n\n## Result\n\nNothing yet.\n').isStory, false);
  });
});

describe('parser: word counts', () => {
  it('count the STAR prose only: not front matter, headings, labels, code, inline code, comments or layers', () => {
    const text = [
      '---',
      'title: Words words words words',
      'category: project',
      'questions: [failure, ambiguity, proud]',
      '---',
      '',
      '# Title words are not counted',
      '',
      '## Summary',
      '',
      'Summary words are not counted either.',
      '',
      '## Situation',
      '',
      'One two three `inline code here` four. <!-- a comment with words -->',
      '',
      '```python',
      'code words are not counted',
      '```',
      '',
      '**Task:** Five six seven.',
      '',
      'Action: Eight nine ten eleven.',
      '',
      '## Result',
      '',
      'Twelve thirteen.',
      '',
      '## Deep dive',
      '',
      'Deep dive words are not counted.',
      '',
      '## Follow-ups',
      '',
      '- Follow-up words are not counted.',
      '',
      '## Notes',
      '',
      'Notes words are not counted.',
      '',
    ].join('\n');
    const story = parseDocument(text).stories[0];
    assert.deepEqual(
      STAR.map((k) => story.star[k as 'task']!.words),
      [4, 3, 4, 2],
    );
    assert.equal(story.starWords, 13);
  });

  it('count numbers, money and hyphenated words as one word each', () => {
    const story = parseDocument('---\nstar: true\n---\n# T\n\n## Situation\n\nRevenue was $1.2M, up 12%.\n\n## Task\n\nA gradient-boosted model.\n').stories[0];
    assert.equal(story.star.situation!.words, 5);
    assert.equal(story.star.task!.words, 3);
  });
});

describe('parser: typography never changes a verdict', () => {
  const files = [
    ...readdirSync(join(EXAMPLES, 'story-bank')).map((f) => join(EXAMPLES, 'story-bank', f)),
    ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
  ].filter((f) => f.endsWith('.md'));

  for (const file of files) {
    const name = file.slice(file.lastIndexOf('examples') >= 0 ? file.lastIndexOf('examples') : 0);
    it(`CRLF and LF give the same findings: ${name}`, () => {
      const lf = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      assert.deepEqual(located(crlf, lint(crlf)), located(lf, lint(lf)));
      assert.deepEqual(
        lint(crlf).map((f) => f.message),
        lint(lf).map((f) => f.message.replace(/\n/g, '\r\n')),
      );
    });

    it(`curly and straight quotes give the same findings: ${name}`, () => {
      const straight = readFileSync(file, 'utf8');
      // Quotes are curled in the prose only: in YAML front matter they are syntax.
      const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(straight)?.[0] ?? '';
      const body = straight.slice(fm.length);
      let open = false;
      const curly = fm + body.replace(/'/g, '\u2019').replace(/"/g, () => ((open = !open) ? '\u201C' : '\u201D'));
      const spans = (text: string): string[] => lint(text).map((f) => `${f.rule}@${f.span.start}-${f.span.end}`);
      assert.deepEqual(spans(curly), spans(straight));
    });
  }

  it('CRLF keeps metadata findings on their keys and values', () => {
    const lf =
      '---\ntitle: Churn\ncategory: projcet\nquestions: [failur, ambiguity, proud]\ndate: 2019-03\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n';
    for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
      const found = lint(text)
        .filter((f) => ['unknown-category', 'unknown-question', 'recency'].includes(f.rule))
        .map((f) => `${f.rule}=${text.slice(f.span.start, f.span.end)}`);
      assert.deepEqual(found, ['unknown-category=projcet', 'unknown-question=failur', 'recency=date']);
    }
  });

  it('counts "I’m", "I’ve" and "I’d" as first person, and "we’ve" as we', () => {
    const action = (text: string): Finding[] =>
      lint(`# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\n${text}\n\n## Result\n\nChurn fell from 9% to 6%.\n`).filter(
        (f) => f.rule === 'first-person',
      );
    assert.equal(action('I’m leading the review. I’ve compared three options. I’d argued for trees. We shipped it.').length, 0, '3 of 4 subjects are I');
    assert.equal(action("I'm leading the review. I've compared three options. I'd argued for trees. We shipped it.").length, 0);
    assert.equal(action('We’ve compared three options. We’re shipping trees. I’m running the test.').length, 2);
    assert.equal(action("We've compared three options. We're shipping trees. I'm running the test.").length, 2);
  });

  it('reads a humble-brag with a curly apostrophe', () => {
    const text = '# Weakness\n\n## Situation\n\nHonestly I’m a perfectionist about models.\n\n## Task\n\nI owned it.\n';
    assert.equal(lint(text).filter((f) => f.rule === 'humble-brag').length, 1);
  });

  const british: [string, string][] = [
    ['realized', 'realised'],
    ['analyzed', 'analysed'],
    ['prioritized', 'prioritised'],
    ['organization', 'organisation'],
    ['standardized', 'standardised'],
    ['optimizer', 'optimiser'],
    ['quantized', 'quantised'],
    ['normalization', 'normalisation'],
  ];
  it('British spellings give the same findings as American ones', () => {
    const american = [
      '# Churn',
      '',
      '## Situation',
      '',
      'Churn rose at our organization and nobody had analyzed why.',
      '',
      '## Task',
      '',
      'I prioritized the churn model.',
      '',
      '## Action',
      '',
      'I analyzed the label pipeline. The optimizer was Adam with normalization layers. The model was quantized to 8 bits. The embeddings were standardized.',
      '',
      '## Result',
      '',
      'Churn fell from 9% to 6%. I realized the labels had drifted, and the check was standardized across the organization.',
      '',
    ].join('\n');
    const uk = british.reduce((t, [us, gb]) => t.replaceAll(us, gb), american);
    assert.notEqual(uk, american);
    const spans = (text: string): string[] => lint(text).map((f) => `${f.rule}@${f.span.start}-${f.span.end}`);
    assert.deepEqual(spans(uk), spans(american));
  });

  it('"realised" and "analysed" are read like "realized" and "analyzed" by missing-learning', () => {
    const result = (text: string): number =>
      lint(
        `# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell from 9% to 6%. ${text}\n`,
      ).filter((f) => f.rule === 'missing-learning').length;
    assert.equal(result('I analysed the misses and realised the labels had drifted.'), 0);
    assert.equal(result('I analyzed the misses and realized the labels had drifted.'), 0);
    assert.equal(result('I analysed the misses.'), 1);
    assert.equal(result('I analyzed the misses.'), 1);
  });
});

describe('parser: bad input never throws', () => {
  it('reports invalid YAML front matter on the bad line and lints the rest', () => {
    const text = '---\ntitle: Churn\ncategory: [project\ndate: 2025-03\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n';
    const findings = lint(text);
    const fm = findings.filter((f) => f.rule === 'front-matter');
    assert.equal(fm.length, 1);
    assert.equal(text.slice(fm[0].span.start, fm[0].span.end), 'category: [project');
    assert.match(fm[0].message, /Invalid YAML/);
    assert.ok(
      findings.some((f) => f.rule === 'missing-section'),
      'the story is still linted',
    );
  });

  it('reports YAML that is not a mapping', () => {
    const text = '---\n- project\n- failure\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n';
    assert.ok(lint(text).some((f) => f.rule === 'front-matter'));
  });

  it('reports unterminated front matter at its opening dashes and lints the rest', () => {
    const text = '---\ncategory: project\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n';
    const findings = lint(text);
    const fm = findings.filter((f) => f.rule === 'front-matter');
    assert.deepEqual(
      fm.map((f) => f.span),
      [{ start: 0, end: 3 }],
    );
    assert.ok(findings.some((f) => f.rule === 'missing-section'));
  });

  it('treats binary junk with NUL bytes as no story', () => {
    const junk = '\u0000\u0001PK\u0003\u0004' + String.fromCharCode(...Array.from({ length: 500 }, (_, i) => i % 256));
    assert.deepEqual(lint(junk), []);
    assert.equal(parseDocument(junk).isStory, false);
  });

  it('treats an unterminated code fence as code to the end of the file', () => {
    const text = '# Churn\n\n## Situation\n\nChurn rose, and I was asked to fix it.\n\n## Task\n\n```\nI owned it.\n\n## Action\n\nI built a model.\n';
    const doc = parseDocument(text);
    assert.deepEqual(
      shape(doc)[0].map(([kind]) => kind),
      ['situation', 'task'],
    );
    assert.ok(lint(text).some((f) => f.rule === 'empty-section'));
  });

  it('reads a file of only headings as a template (nothing), or as empty sections once metadata marks it a story', () => {
    // SPEC §2: a template (sections empty or holding placeholders) is not a story.
    assert.deepEqual(lint('# Churn\n## Situation\n## Task\n## Action\n## Result\n'), []);
    const text = '---\ncategory: project\n---\n# Churn\n## Situation\n## Task\n## Action\n## Result\n';
    const findings = lint(text);
    assert.equal(findings.filter((f) => f.rule === 'empty-section').length, 4);
    assert.equal(findings.filter((f) => f.rule === 'section-balance' || f.rule === 'result-metric').length, 0);
  });

  it('reads a file of plain headings as no story', () => {
    assert.deepEqual(lint('# One\n## Two\n### Three\n'), []);
  });

  it('reads an empty file, and one of whitespace, as no story', () => {
    for (const text of ['', '\n', '   \n\n\t\n', '\r\n']) {
      assert.equal(parseDocument(text).isStory, false);
      assert.deepEqual(lint(text), []);
    }
  });

  it('lints a 10 MB file without throwing, up to maxFileSize', () => {
    const story = readFileSync(join(EXAMPLES, 'story-bank', '01-cold-start-recommender.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    const text = story.repeat(Math.ceil(10_000_000 / story.length));
    const result = lintText(text, resolveConfig(), { today: TODAY });
    assert.ok(text.length >= 10_000_000);
    assert.equal(result.findings.filter((f) => f.rule === 'large-file').length, 1);
    assert.ok(result.doc.stories.length > 10);
    assert.ok(result.findings.every((f) => f.span.end <= text.length));
  });

  it('lints a 10 MB line of one character without throwing', () => {
    const result = lintText('x'.repeat(10_000_000), resolveConfig(), { today: TODAY });
    assert.deepEqual(
      result.findings.map((f) => f.rule),
      ['large-file'],
    );
  });
});

describe('where rules look (SPEC §3)', () => {
  const rulesIn = (text: string, span: string): string[] => {
    const at = text.indexOf(span);
    return lint(text)
      .filter((f) => f.span.start >= at && f.span.end <= at + span.length)
      .map((f) => `${f.rule}=${text.slice(f.span.start, f.span.end)}`);
  };

  it('phrase rules read the STAR sections and the Summary, Deep dive and Follow-ups, never front matter, Notes, code or comments', () => {
    const text = [
      '---',
      'title: I think a lot of stuff',
      'category: project',
      'questions: [failure, ambiguity, proud]',
      '---',
      '',
      '# Churn',
      '',
      '## Summary',
      '',
      'I think we fixed a lot of stuff.',
      '',
      '## Situation',
      '',
      'Churn rose. `a lot of stuff` <!-- I think a lot of stuff -->',
      '',
      '```',
      'I think a lot of stuff',
      '```',
      '',
      '## Task',
      '',
      'I owned it.',
      '',
      '## Action',
      '',
      'I built a model.',
      '',
      '## Result',
      '',
      'Churn fell from 9% to 6%.',
      '',
      '## Deep dive',
      '',
      'Deep: maybe it was lucky.',
      '',
      '## Follow-ups',
      '',
      '- **Risks?** I guess the data was bad.',
      '',
      '## Notes',
      '',
      'I think a lot of stuff, maybe.',
      '',
    ].join('\n');
    const phraseRules = new Set(['hedging', 'vague-language']);
    const phraseFindings = lint(text)
      .filter((f) => phraseRules.has(f.rule))
      .map((f) => `${f.rule}=${text.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(phraseFindings, ['hedging=I think', 'vague-language=a lot of', 'vague-language=stuff', 'hedging=maybe', 'hedging=I guess']);
    assert.deepEqual(rulesIn(text, 'I think a lot of stuff, maybe.'), [], 'nothing in Notes');
  });

  it('hypothetical reads Situation, Task and Action, not the lesson in the Result', () => {
    const text =
      '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nI usually start from a baseline, so I compared two models.\n\n## Result\n\nChurn fell from 9% to 6%. Now I always start with error analysis.\n';
    assert.deepEqual(
      lint(text)
        .filter((f) => f.rule === 'hypothetical')
        .map((f) => text.slice(f.span.start, f.span.end)),
      ['I usually'],
    );
  });

  it('a story with no STAR section gets one missing-section, and the rules that need no section read its whole prose (SPEC §3)', () => {
    const text =
      '---\ncategory: project\nquestions: [failure, ambiguity, proud]\ndate: 2025-01\n---\n\n# Churn\n\nSome notes. We did a lot of stuff, I think.\n';
    assert.deepEqual([...new Set(lint(text).map((f) => f.rule))].sort(), ['hedging', 'missing-section', 'story-length', 'vague-language']);
    assert.equal(lint(text).filter((f) => f.rule === 'missing-section').length, 1);
  });

  it('content rules skip empty sections, and section-balance is not computed', () => {
    const text = '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\n## Action\n\nI built a model.\n\n## Result\n\n<!-- TODO -->\n';
    const rules = lint(text).map((f) => f.rule);
    assert.deepEqual(rules.filter((r) => r === 'empty-section').length, 2);
    for (const rule of ['section-balance', 'team-task', 'result-metric', 'missing-learning', 'metric-types', 'lasting-impact'])
      assert.ok(!rules.includes(rule), rule);
  });

  it('team-task is satisfied by any of I, me, my and mine', () => {
    for (const task of ['I owned the model.', 'The model was given to me.', 'My goal was lower churn.', 'The churn model was mine.']) {
      const text = `# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\n${task}\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell 3%.\n`;
      assert.ok(!lint(text).some((f) => f.rule === 'team-task'), task);
    }
  });

  it('versatility counts known theme ids only', () => {
    const text =
      '---\ncategory: project\nquestions: [challenging-project, proud, scaling]\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n';
    assert.equal(lint(text).filter((f) => f.rule === 'versatility').length, 1);
  });

  it('recency reads a year, a year-month and a full date, a year counting from its end', () => {
    const recency = (date: string): number =>
      lint(
        `---\ncategory: project\nquestions: [failure, ambiguity, proud]\ndate: ${date}\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n`,
      ).filter((f) => f.rule === 'recency').length;
    assert.equal(recency('2023'), 0);
    assert.equal(recency('2024-01'), 0);
    assert.equal(recency('2023-06'), 1);
    assert.equal(recency('2022-06-01'), 1);
    assert.equal(recency('last year'), 1, 'an unreadable date is reported');
  });
});
