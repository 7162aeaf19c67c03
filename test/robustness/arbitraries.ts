// Generators of hostile input for the engine: Markdown built from a grammar of story-ish
// fragments, arbitrary Unicode, real stories with random damage, random configurations and
// random inline comments. Shared by the fuzz tests (fixed seed, few runs) and `npm run fuzz`.
import fc from 'fast-check';
import { ALL_RULES, COMPANIES, SECTION_ALIASES, SEVERITIES, THEMES, type StarlintConfig } from '../../server/src/engine';
import { BANK } from './bank';

export { BANK };

const RULE_IDS = ALL_RULES.map((r) => r.id);
const SECTION_NAMES = Object.values(SECTION_ALIASES).flat();

// Characters that break naive code: surrogates, direction marks, joiners, NUL, every line
// ending, the BOM, typographic quotes and dashes.
const ODD_CHARS = [
  '\u0000',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u202d',
  '\u200f',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\ude80',
  '🚀',
  '👩‍💻',
  '🇺🇳',
  'é',
  'é',
  'ß',
  'İ',
  'ﬁ',
  'שלום',
  'مرحبا',
  '中文',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '—',
  '–',
  '…',
  '\ufffd',
  '\uffff',
  '\\',
  '`',
  '*',
  '_',
  '#',
  '|',
  '<',
  '>',
  '&',
  '[',
  ']',
  '(',
  ')',
  '!',
  '~',
  ':',
  '-',
];

/** Any string of UTF-16 code units, lone surrogates included. */
export const codeUnits = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

/** Arbitrary Unicode with a bias towards the characters above. */
export const unicode = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    codeUnits(maxLength),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.constantFrom(...ODD_CHARS), maxLength }),
    fc.string({ unit: fc.oneof(fc.constantFrom(...ODD_CHARS), fc.constantFrom('a', ' ', 'I', 'we', '5', '%', '.')), maxLength }),
  );

// Words and phrases that the rules and the metric detector look for, and some they must ignore.
const PHRASES = [
  'I',
  'we',
  'We',
  "I'm",
  "we're",
  "I'd",
  'me',
  'my',
  'the team',
  'the model',
  'built',
  'chose',
  'because',
  'instead of',
  'trade-off',
  'a lot of',
  'stuff',
  'etc.',
  'and so on',
  'I think',
  'kind of',
  'what kind of',
  'maybe',
  'probably',
  'better',
  'improved',
  'significantly',
  'statistically significant',
  'from 2.1% to 3.4%',
  'from 0.72 to 0.89',
  '$1.2M',
  '€50k',
  '$5M/year',
  '40,000 users',
  '1.5k tickets',
  '50ms',
  'p < 0.01',
  'AUC 0.91',
  'F1 of 0.89',
  'NDCG@10',
  '3x',
  '2.5×',
  '10-fold',
  'doubled',
  'halved',
  '62 percent',
  'in 2023',
  'Q3',
  'GPT-3.5',
  'v2',
  'a 4-person team',
  'team of four',
  'within four weeks',
  'saved 20 hours/week',
  'from 2 weeks to 3 days',
  '12%',
  '1,234,567',
  '0.5',
  'learned',
  'lesson',
  'I learned a lot',
  'it was a good learning experience',
  'communication is important',
  'going forward',
  'adopted',
  'template',
  'still uses',
  'rolled out',
  'hypothesis',
  'baseline',
  'A/B test',
  'held-out',
  'ruled out',
  'architecture',
  'embeddings',
  'learning rate',
  'nothing I could do',
  'not my fault',
  'gave us bad data',
  'their fault',
  'incompetent',
  'refused to listen',
  'lazy loading',
  "I'm a perfectionist",
  'I work too hard',
  'I would usually',
  'I typically',
  'in general',
  'normally I',
  'now I always',
  'Dive Deep',
  'Ownership',
  'changed my mind',
  'the data showed',
  'shipped',
  'quickly',
  'risks',
  'mitigated',
  'Acme',
  'realised',
  'analysed',
  'e.g.',
  'vs.',
  'Result:',
  'Task:',
  'Action items',
  'café',
  '“quoted”',
  'don’t',
  '&amp;',
  '&#x27;',
  '\\*',
  '`code`',
  '**bold**',
  '_em_',
  '~~del~~',
  '[link](http://example.com)',
  '![img](x.png)',
  '<br>',
  '<span>x</span>',
  '<!-- inline -->',
  'https://example.com',
  '[^1]',
  ':)',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 1, arbitrary: unicode(8) },
  { weight: 1, arbitrary: fc.constantFrom(...SECTION_NAMES) },
);

const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('.', '.', '!', '?', '', '...', ':', ';'))
  .map(([words, end]) => words.join(' ') + end);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).chain((s) => fc.constantFrom(' ', '\n', '  \n', '\\\n').map((sep) => s.join(sep)));

/** A section name as people write it: aliases, case, numbering, letters, emoji, suffixes. */
const sectionName = fc.oneof(
  fc.constantFrom(...SECTION_NAMES),
  fc.constantFrom(...SECTION_NAMES).map((n) => n.toUpperCase()),
  fc
    .tuple(
      fc.constantFrom('1. ', '3) ', 'S: ', 'A — ', '(R) ', '🎯 ', ''),
      fc.constantFrom(...SECTION_NAMES),
      fc.constantFrom('', ' (90 s)', ': what I did', ' & impact', ' items', ' and results', ' ##', '(', ' / x'),
    )
    .map((p) => p.join('')),
  fc.constantFrom('S', 'T', 'A', 'R', 'Situation and Task', 'Actions taken', 'Deep Dive', 'follow up questions', 'Notes'),
);

const heading = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 7 }), fc.oneof(sectionName, sentence), fc.constantFrom('', ' #', ' ###', '  '))
    .map(([n, t, tail]) => `${'#'.repeat(n)} ${t}${tail}`),
  fc.tuple(fc.oneof(sectionName, sentence), fc.constantFrom('===', '---', '-')).map(([t, u]) => `${t}\n${u}`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), sectionName).map(([n, t]) => `${'#'.repeat(n)}${t}`),
);

const label = fc
  .tuple(sectionName, fc.constantFrom('**{}:** ', '{}: ', '**{}** - ', '**{}** — ', '**{}**: ', '__{}:__ ', '*{}:* ', '**{}:**\n', '{} (30 s): '), paragraph)
  .map(([name, shape, text]) => shape.replace('{}', name) + text);

const listItem = fc.oneof(
  sentence,
  label,
  paragraph,
  fc
    .tuple(
      fc.constantFrom(
        'Why this approach?',
        'What would you do differently?',
        'How did you get buy-in?',
        'Biggest risks?',
        'How did you know it was successful?',
        'What happened after shipping?',
      ),
      sentence,
    )
    .map(([q, a]) => `**${q}** ${a}`),
);

const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), listItem), {
    minLength: 1,
    maxLength: 8,
  })
  .map((items) => items.map(([depth, marker, text]) => '  '.repeat(depth) + marker + text).join('\n'));

const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), fc.boolean())
  .map(([cols, rows, aligned]) => {
    const row = (cells: string[]): string => `| ${Array.from({ length: cols }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
    const sep = `|${Array.from({ length: cols }, (_, i) => (aligned ? [':--', '--:', ':-:'][i % 3] : '---')).join('|')}|`;
    return [row(['Metric', 'Before', 'After']), sep, ...rows.map(row)].join('\n');
  });

const codeFence = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````', '```python', '~~~ yaml'),
    fc.array(fc.oneof(sentence, heading, fc.constantFrom('## Result', '---', '<!--', '```')), { maxLength: 4 }),
    fc.constantFrom('```', '~~~', '````', '', '``'),
  )
  .map(([open, lines, close]) => [open, ...lines, close].join('\n'));

const yamlValue = fc.oneof(
  fc.constantFrom('project', 'failure', 'ethics', 'leadership', 'collaboration', 'projekt', '', '~', 'null', '[project]', '{a: 1}', '"quoted"', "'single'"),
  fc.constantFrom(...THEMES.map((t) => t.id)),
  fc
    .array(fc.oneof(fc.constantFrom(...THEMES.map((t) => t.id)), fc.constantFrom('ambiguty', 'scaling', '', '[', '- x')), { maxLength: 6 })
    .map((q) => `[${q.join(', ')}]`),
  fc.constantFrom('2025-03', '2019', '2026-11-25', '2025-13-40', 'last year', '2020/02/02', '99999', '2025-03-01T10:00:00Z'),
  unicode(12).map((s) => JSON.stringify(s)),
);

const frontMatterBody = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom('title', 'category', 'questions', 'themes', 'date', 'practiced', 'star', 'company', 'extra'), yamlValue), { maxLength: 8 })
    .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n')),
  fc.constantFrom(
    'questions: [failure',
    'category: : :',
    '\tcategory: project',
    '- project\n- failure',
    '&a x: *a',
    '!!binary x',
    '? [a]\n: b',
    'a: b\n a: c',
    'questions:\n  - failure\n  - ambiguity',
    'star: true',
    '"unclosed: x',
    '[[[[[[[[',
    'category: project\ncategory: failure',
  ),
  unicode(30),
);

const frontMatter = fc.tuple(frontMatterBody, fc.constantFrom('---', '---', '...', '', '--', '--- ')).map(([body, close]) => `---\n${body}\n${close}`);

/** Inline configuration comments, with known, unknown and odd rule ids. */
export const directive = fc
  .tuple(
    fc.constantFrom(
      'starlint-disable',
      'starlint-enable',
      'starlint-disable-line',
      'starlint-disable-next-line',
      'starlint-disable-file',
      'starlint-disablex',
      'STARLINT-DISABLE',
    ),
    fc.array(fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('first-persn', 'hedgin', 'all', '*', '', ','), unicode(6)), { maxLength: 4 }),
    fc.constantFrom(' ', ', ', ',', '\n'),
  )
  .map(([kind, ids, sep]) => `<!-- ${kind} ${ids.join(sep)} -->`);

const htmlComment = fc.oneof(
  directive,
  fc.tuple(frontMatterBody, fc.constantFrom('story', 'starlint-story', 'story:', ' STORY ')).map(([body, tag]) => `<!-- ${tag}\n${body}\n-->`),
  fc.constantFrom('<!-- a note -->', '<!---->', '<!-->', '<!-- a -- b -->', '<!-- unterminated', '-->', '<!--\n\n## Result\n\n-->', '<!-- <!-- nested --> -->'),
);

const htmlBlock = fc.constantFrom(
  '<div>\n\n**Result:** hidden?\n\n</div>',
  '<details><summary>Notes</summary>\n\nI did it.\n\n</details>',
  '<script>alert(1)</script>',
  '<?php echo 1; ?>',
  '<![CDATA[ x ]]>',
);

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 4, arbitrary: heading },
  { weight: 4, arbitrary: label },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: codeFence },
  { weight: 2, arbitrary: htmlComment },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), paragraph).map(([n, p]) => `${'> '.repeat(n)}${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '    indented code', '[ref]: http://example.com "t"', '[^1]: a footnote', '', '\u0000', '\ufeff') },
  { weight: 1, arbitrary: unicode(60) },
);

/** A story in one of the shapes people write: headings, labels, or a mixture, in any order. */
const story = fc
  .tuple(
    fc.option(fc.tuple(fc.integer({ min: 1, max: 3 }), sentence)),
    fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 2, max: 4 }), sectionName, fc.array(block, { maxLength: 3 })), { minLength: 1, maxLength: 7 }),
  )
  .map(([title, sections]) => {
    const out: string[] = [];
    if (title) out.push(`${'#'.repeat(title[0])} ${title[1]}`);
    for (const [asHeading, depth, name, blocks] of sections) {
      if (asHeading) out.push(`${'#'.repeat(depth)} ${name}`, ...blocks);
      else out.push(`**${name}:** ${blocks[0] ?? ''}`, ...blocks.slice(1));
    }
    return out.join('\n\n');
  });

const lineEndings = (text: string, kind: number): string => (kind === 1 ? text.replace(/\n/g, '\r\n') : kind === 2 ? text.replace(/\n/g, '\r') : text);

/** A Markdown document from the grammar: front matter (maybe broken), stories and loose blocks. */
export const markdown: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { freq: 3 }),
    fc.array(fc.oneof({ weight: 2, arbitrary: story }, { weight: 3, arbitrary: block }), { maxLength: 8 }),
    fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n'),
    fc.integer({ min: 0, max: 5 }),
    fc.boolean(),
  )
  .map(([fm, parts, sep, endings, bom]) => {
    const text = [...(fm ? [fm] : []), ...parts].join(sep) + '\n';
    return (bom ? '\ufeff' : '') + lineEndings(text, endings);
  });

interface Mutation {
  kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'replace' | 'truncate' | 'endings';
  a: number;
  b: number;
  text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'insert', 'replace', 'truncate', 'endings'),
  a: fc.nat(),
  b: fc.nat(),
  text: fc.oneof(unicode(12), block, directive),
});

/** Applies damage to a text: lines deleted, duplicated, swapped or replaced; characters inserted. */
export function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const lines = out.split('\n');
    const i = lines.length ? m.a % lines.length : 0;
    const j = lines.length ? m.b % lines.length : 0;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 'swap':
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      case 'replace':
        lines[i] = m.text;
        break;
      case 'insert': {
        const at = out.length ? m.a % (out.length + 1) : 0;
        out = out.slice(0, at) + m.text + out.slice(at);
        continue;
      }
      case 'truncate':
        out = out.slice(0, out.length ? m.a % (out.length + 1) : 0);
        continue;
      case 'endings':
        out = lineEndings(out, 1 + (m.a % 2));
        continue;
    }
    out = lines.join('\n');
  }
  return out;
}

/** A story of the example bank with random damage. */
export const mutatedStory: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BANK.map((b) => b.text)), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, mutations]) => mutate(text, mutations));

/** A document with inline comments dropped at random lines. */
export const withDirectives = (doc: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(doc, fc.array(fc.tuple(fc.nat(), directive, fc.boolean()), { maxLength: 5 })).map(([text, comments]) => {
    const lines = text.split('\n');
    for (const [at, comment, ownLine] of comments) {
      const i = at % (lines.length + 1);
      if (ownLine || i >= lines.length) lines.splice(i, 0, comment);
      else lines[i] = `${lines[i]} ${comment}`;
    }
    return lines.join('\n');
  });

/** Every kind of document the fuzzer tries. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: withDirectives(markdown) },
  { weight: 3, arbitrary: withDirectives(mutatedStory) },
  { weight: 1, arbitrary: unicode(200) },
  {
    weight: 1,
    arbitrary: fc.tuple(markdown, unicode(20), fc.nat()).map(([md, junk, at]) => md.slice(0, at % (md.length + 1)) + junk + md.slice(at % (md.length + 1))),
  },
);

// Values of every JSON type, including the ones a careless reader trips on.
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    '',
    '10-20',
    '20-10',
    'NaN',
    '1e999',
    '__proto__',
    'constructor',
  ),
  fc.double(),
  fc.integer(),
  unicode(10),
  fc.array(fc.oneof(unicode(6), fc.integer()), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const ruleSetting: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...SEVERITIES),
  fc.constantFrom('err', 'Warning', 'none'),
  fc.dictionary(
    fc.oneof(
      fc.constantFrom('severity', 'min', 'max', 'minRatio', 'minSubjects', 'tolerance', 'situation', 'task', 'action', 'result', 'maxYears', 'minThemes'),
      unicode(6),
    ),
    oddValue,
    { maxKeys: 4 },
  ),
  oddValue,
);

/** A raw configuration as a user might write it: right, wrong, or absurd. */
export const rawConfig: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    rules: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom('first-persn', '__proto__', 'constructor', 'toString')), ruleSetting, {
        maxKeys: 8,
      }),
      oddValue,
    ),
    themes: fc.oneof(
      fc.array(fc.oneof(fc.record({ id: fc.oneof(fc.constantFrom('scaling', 'ambiguity', 'x', ''), unicode(8)), question: oddValue }), oddValue), {
        maxLength: 4,
      }),
      oddValue,
    ),
    targetCompany: fc.oneof(fc.constantFrom(...COMPANIES, 'Amazon', 'GOOGLE', 'apple', ''), oddValue),
    wordsPerMinute: oddValue,
    redact: fc.oneof(fc.array(fc.oneof(fc.constantFrom('Acme', 'Basketly', '$1.2M', '.*', '(', '\\', 'I', 'a', ' '), unicode(6)), { maxLength: 4 }), oddValue),
    maxFileSize: fc.oneof(fc.integer({ min: 1, max: 4000 }), oddValue),
    stories: oddValue,
    ignore: oddValue,
  },
  { requiredKeys: [] },
);

/** One or two configuration layers, as the server merges user and workspace settings. */
export const configLayers: fc.Arbitrary<StarlintConfig[]> = fc.array(rawConfig, { minLength: 0, maxLength: 2 }) as fc.Arbitrary<StarlintConfig[]>;
