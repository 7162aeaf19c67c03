// Inputs built to make regular expressions and parsers backtrack: long runs of the characters and
// words that the engine's patterns repeat (`\d[\d,]*`, `\s+`, `[.!?]+`, phrase lists with
// `\s+` between words, label and heading shapes), and the Markdown structures micromark nests.
// Each payload takes a size in characters and returns text of about that size.
import type { StarlintConfig } from '../../server/src/engine';
import { BANK } from './bank';

export type Payload = (size: number) => string;

const times = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.round(size / unit.length)));

/** Prose payloads, put into every section of a story (see `storyWith`). */
export const PROSE: Record<string, Payload> = {
  // Numbers: the metric detector's `\d[\d,]*(?:\.\d+)?` and every pattern built on it.
  digits: (n) => times('1', n),
  'digits and commas': (n) => times('1,', n),
  'digits and dots': (n) => times('1.', n),
  'one long decimal': (n) => `0.${times('1', n)}`,
  'percent signs': (n) => times('5% ', n),
  'percents and commas': (n) => times('5%, ', n),
  'money signs': (n) => times('$1 ', n),
  durations: (n) => times('5 days ', n),
  'from and to': (n) => times('from 1 to ', n),
  'x vs y': (n) => times('1 vs ', n),
  arrows: (n) => times('1 -> ', n),
  'statistic keyword then spaces': (n) => `accuracy${times(' ', n)}x`,
  'statistic keyword then digits': (n) => `NDCG@${times('1', n)}x`,
  'metric words': (n) => times('latency revenue users cost ', n),
  // Spaces: `\s+` inside phrase lists, `\s*` around labels.
  'spaces after I': (n) => `I${times(' ', n)}x`,
  'spaces after a phrase start': (n) => `kind${times(' ', n)}x`,
  tabs: (n) => `we${times('\t', n)}x`,
  // Repeated words: each occurrence starts a phrase that never completes.
  'we we we': (n) => times('we ', n),
  'I I I': (n) => times('I ', n),
  'a a a': (n) => times('a ', n),
  'the the the': (n) => times('the ', n),
  'why why why': (n) => times('why ', n),
  'phrase prefixes': (n) => times('I would a lot kind nothing I could gave us blame the it was a I learned from now still I am too had no idea what they ', n),
  'claim words': (n) => times('better improved faster ', n),
  'statistically then spaces': (n) => times(`statistically${' '.repeat(20)}`, n),
  'lesson words': (n) => times('learned lesson adopted template baseline architecture because ', n),
  apostrophes: (n) => times("'", n),
  'curly quotes': (n) => times('’“', n),
  // Sentence ends: `[.!?]+["')\]]*\s+` and the clause stops.
  dots: (n) => times('.', n),
  'bangs and questions': (n) => times('!?', n),
  'short sentences': (n) => times('I did. ', n),
  'spaced dashes': (n) => `x${times(' - ', n)}`,
  semicolons: (n) => times(';', n),
  // Markdown punctuation.
  hashes: (n) => times('#', n),
  stars: (n) => times('*', n),
  underscores: (n) => times('_', n),
  dashes: (n) => times('-', n),
  pipes: (n) => times('|', n),
  backticks: (n) => times('`', n),
  'backtick pairs': (n) => times('` a ', n),
  brackets: (n) => times('[', n),
  'link openers': (n) => times('[a](', n),
  'angle brackets': (n) => times('<', n),
  backslashes: (n) => times('\\', n),
  ampersands: (n) => times('&amp;', n),
  'closed comments': (n) => times('<!-- x --> ', n),
  'label then spaces': (n) => `**Situation${times(' ', n)}x** text`,
  'plain label then spaces': (n) => `Situation${times(' ', n)}x`,
  'bold letter then spaces': (n) => `**S${times(' ', n)}x** text`,
  'label parentheses on every line': (n) => `Intro\n${times('Task (\n', n)}`,
  'labels on every line': (n) => `Intro\n${times('Task: I did it.\n', n)}`,
  'hard breaks': (n) => times('a\\\n', n),
  'bracket slots': (n) => times('[X] [a b] [1] ', n),
  'angle slots': (n) => times('<x y> <…> ', n),
  'template instructions': (n) => times('Describe the situation. What was your role? ', n),
  'number slots': (n) => times('X.X,X% $X ', n),
  'one long line': (n) => times('I chose the baseline because latency fell from 120 ms to 80 ms, saving $1.2M; we think it was a lot better. ', n),
};

/** Markdown structures, also put into every section. */
export const STRUCTURE: Record<string, Payload> = {
  'list items': (n) => times('- an item\n', n),
  'numbered items': (n) => times('1. an item\n', n),
  'table rows': (n) => `| a | b |\n|---|---|\n${times('| x | 5% |\n', n)}`,
  'table columns': (n) => `${times('| a ', n / 3)}|\n${times('|---', n / 3)}|\n${times('| 5 ', n / 3)}|\n`,
  'code fences': (n) => times('```\nx\n```\n', n),
  'unterminated fence': (n) => `\`\`\`\n${times('## Result\n', n)}`,
  'indented code': (n) => times('    code\n', n),
  'block quote lines': (n) => times('> quoted\n', n),
  'html blocks': (n) => times('<div>\nx\n</div>\n\n', n),
  'directive comments': (n) => times('We did it. <!-- starlint-disable-line first-person -->\n\n', n),
  'disable and enable pairs': (n) => times('<!-- starlint-disable hedging -->\nI think so.\n<!-- starlint-enable hedging -->\n\n', n),
  'unknown ids in comments': (n) => times('<!-- starlint-disable first-persn -->\n\n', n),
  'setext underlines': (n) => times('Text\n===\n\n', n),
  'thematic breaks': (n) => times('***\n\n', n),
  'emphasis pairs': (n) => times('*a* ', n),
  // Each nested label is scanned again at every level: linear only because inline nesting is capped.
  'nested image labels': (n) => `${times('![a ', n)}x${times('](y)', n)}`,
  'nested link labels': (n) => `${times('[a ', n)}x${times('](y)', n)}`,
};

/**
 * Markdown that micromark (under remark-parse, starlint's first parser) parsed in super-linear
 * time; markdown-it parses it in linear time, and these keep it that way. See docs/reliability.md.
 */
export const PARSER_HARD: Record<string, Payload> = {
  'unclosed comment openers': (n) => `x ${times('<!-- a ', n)}`,
  'nested emphasis openers': (n) => `${times('*a ', n / 2)}x${times('*', n / 2)}`,
  'nested underscore openers': (n) => `${times('_a ', n / 2)}x${times('_', n / 2)}`,
  // mdast-util-from-markdown's prepareList splices once per item: syntax-tree/mdast-util-from-markdown#49.
  'list items with sub-items': (n) => times('- a\n  - b\n', n),
  'lazy continuation lines in a list item': (n) => `- x\n${times('word\n', n)}`,
  'lazy continuation lines in a block quote': (n) => `> x\n${times('word\n', n)}`,
};

/** Whole documents. */
export const DOCUMENT: Record<string, Payload> = {
  'stories in one file': (n) =>
    times('# Story\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nI chose a model.\n\n## Result\n\nChurn fell 5%.\n\n', n),
  'labelled stories in one file': (n) =>
    times('# Story\n\n**Situation:** Churn rose.\n**Task:** I owned it.\n**Action:** I chose a model.\n**Result:** Churn fell 5%.\n\n', n),
  'story comments': (n) =>
    times('## Story\n\n<!-- story\ncategory: project\nquestions: [failure]\n-->\n\n**Situation:** Churn rose.\n\n**Task:** I owned it.\n\n', n),
  'section headings only': (n) => times('## Task\n\nI x\n\n', n),
  'bare section headings': (n) => `# T\n\n${times('# Task\n', n)}`,
  'headings with long space runs': (n) => `# T\n\n## Situation\n\nx\n\n## Task ${' '.repeat(n)} #\n\nI did.\n`,
  'lines after a comment': (n) => `<!-- x -->\n# T\n\n## Action\n\n${times('I did a thing.\n', n)}`,
  'nested list lines': (n) => `# T\n\n## Action\n\n${Array.from({ length: Math.round(n / 40) }, (_, i) => `${'  '.repeat(i % 8)}- x`).join('\n')}\n`,
  'disable comments with findings': (n) =>
    `# T\n\n## Situation\n\nx\n\n## Task\n\nI did.\n\n## Action\n\n${times('We did a lot of stuff. <!-- starlint-disable-line hedging -->\n<!-- starlint-disable blame -->\n<!-- starlint-enable -->\n\n', n)}\n## Result\n\n5%\n`,
  'front matter then text': (n) => `---\ncategory: project\n---\n\n# T\n\n## Situation\n\n${times('x ', n)}\n`,
  'unterminated front matter': (n) => `---\n${times('category: project\n', n)}`,
};

/** Nesting depth as the size: block quotes and lists, on one line and one level per line. */
export const NESTING: Record<string, Payload> = {
  'block quotes on one line': (depth) => `# T\n\n## Action\n\n${'> '.repeat(depth)}I did it.\n`,
  // Quadratic in micromark; markdown.ts parses only the first 32 markers of a line as markers.
  'lists on one line': (depth) => `# T\n\n## Action\n\n${'- '.repeat(depth)}I did it.\n`,
  'ordered lists and quotes on one line': (depth) => `# T\n\n## Action\n\n${'1. > '.repeat(depth)}I did it.\n`,
};

/**
 * One more level per line: the text grows with the square of the depth, so these take the text
 * size and work out the depth (1,000 levels is about 500 kB).
 */
export const NESTING_PER_LINE: Record<string, Payload> = {
  'block quotes, one level per line': (n) =>
    `# T\n\n## Action\n\n${Array.from({ length: Math.round(Math.sqrt(2 * n)) }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')}\n`,
  'lists, one level per line': (n) => `# T\n\n## Action\n\n${Array.from({ length: Math.round(Math.sqrt(n)) }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`,
};

/** Front-matter payloads, for the metadata rules. */
export const FRONT_MATTER: Record<string, Payload> = {
  'many questions': (n) => `category: project\nquestions: [${times('ambiguty, ', n)}x]`,
  'many known questions': (n) => `category: project\nquestions: [${times('failure, ', n)}proud]`,
  'long category': (n) => `category: ${times('projec', n)}\nquestions: [failure]`,
  'long date': (n) => `category: project\nquestions: [failure]\ndate: 2020-${times('1', n)}`,
  'long title': (n) => `title: ${times('a ', n)}\ncategory: project`,
  'block list of questions': (n) => `category: project\nquestions:\n${times('  - failure\n', n)}`,
  'deep YAML nesting': (n) => `category: ${'['.repeat(n)}`,
  'deep YAML indentation': (n) => Array.from({ length: Math.round(Math.sqrt(2 * n)) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v',
  'deep YAML explicit keys': (n) => `x: ${times('? ', n)}a`,
  'blank lines in practiced': (n) => `category: project\npracticed:\n${times('\n', n)}  - 2026-11-01`,
};

/**
 * A story with `content` in the sections the rules read most (Task, Action, Result, and a
 * Follow-ups question), and `salt` in each chunk so no cache answers from an earlier run.
 */
export function storyWith(content: string, salt: number): string {
  const section = (name: string, text: string): string => `## ${name}\n\n${text}\n\nRun ${salt}.\n`;
  return [
    '---\ncategory: project\nquestions: [challenging-project, ambiguity, proud]\ndate: 2025-03\n---\n',
    `# Story ${salt}\n`,
    section('Summary', 'I cut fraud losses by 55% with a model analysts could read.'),
    section('Situation', 'Fraud losses climbed after a new payment method launched.'),
    section('Task', content),
    section('Action', content),
    section('Result', content),
    // Continuation lines indented: lazy ones were quadratic in micromark (see PARSER_HARD).
    section('Follow-ups', `- ${content.replace(/\n/g, '\n  ')}? I chose it because the baseline lost, and the analysts agreed.`),
  ].join('\n');
}

/** A short story under front matter made of `yaml`. */
export function storyUnder(yaml: string, salt: number): string {
  return `---\n${yaml}\n---\n\n# Story ${salt}\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nI chose a model.\n\n## Result\n\nChurn fell 5%.\n`;
}

/** Salts a whole document: a comment at its start and one at its end, in the first and last chunks. */
export function salted(doc: string, salt: number): string {
  return `<!-- run ${salt} -->\n${doc}\n<!-- run ${salt} -->\n`;
}

export interface RuleCase {
  payloads: string[];
  config?: StarlintConfig;
}

/**
 * For each story rule, the payloads its patterns are exposed to (read from its regular
 * expressions). Structure and parser payloads run for every rule in a separate group.
 */
export const RULE_PAYLOADS: Record<string, RuleCase> = {
  'missing-section': {
    payloads: ['label then spaces', 'plain label then spaces', 'bold letter then spaces', 'label parentheses on every line', 'labels on every line', 'hashes'],
  },
  'empty-section': { payloads: ['label then spaces', 'labels on every line', 'backticks'] },
  'section-order': { payloads: ['labels on every line', 'label parentheses on every line'] },
  'section-balance': { payloads: ['one long line', 'apostrophes', 'dashes'] },
  'story-length': { payloads: ['one long line', 'a a a', 'digits and dots'] },
  'layer-length': { payloads: ['one long line', 'curly quotes'] },
  'first-person': { payloads: ['we we we', 'I I I', 'apostrophes', 'tabs'] },
  'team-task': { payloads: ['apostrophes', 'we we we', 'the the the'] },
  'result-metric': {
    payloads: [
      'digits',
      'digits and commas',
      'digits and dots',
      'one long decimal',
      'percent signs',
      'money signs',
      'from and to',
      'x vs y',
      'arrows',
      'statistic keyword then spaces',
      'statistic keyword then digits',
      'durations',
    ],
  },
  'metric-types': { payloads: ['percent signs', 'percents and commas', 'durations', 'metric words', 'short sentences', 'spaced dashes', 'semicolons'] },
  'unquantified-claim': { payloads: ['claim words', 'statistically then spaces', 'dots', 'bangs and questions', 'short sentences', 'digits and commas'] },
  'vague-language': { payloads: ['a a a', 'spaces after a phrase start', 'phrase prefixes'] },
  hedging: { payloads: ['I I I', 'spaces after I', 'spaces after a phrase start', 'phrase prefixes'] },
  hypothetical: { payloads: ['I I I', 'spaces after I', 'phrase prefixes'] },
  'missing-learning': { payloads: ['lesson words', 'phrase prefixes', 'I I I'] },
  'generic-learning': { payloads: ['phrase prefixes', 'a a a', 'spaces after I'] },
  'lasting-impact': { payloads: ['lesson words', 'phrase prefixes'] },
  experimentation: { payloads: ['lesson words', 'a a a'] },
  'technical-lecture': { payloads: ['lesson words', 'short sentences', 'dots'] },
  blame: { payloads: ['phrase prefixes', 'the the the', 'we we we'] },
  villain: { payloads: ['phrase prefixes', 'a a a'] },
  'humble-brag': { payloads: ['phrase prefixes', 'I I I'] },
  'company-values': { payloads: ['phrase prefixes', 'digits', 'lesson words'], config: { targetCompany: 'meta' } },
  'unknown-category': { payloads: ['long category'] },
  'unknown-question': { payloads: ['many questions', 'block list of questions'] },
  'missing-metadata': { payloads: ['long title', 'deep YAML nesting', 'deep YAML indentation'] },
  versatility: { payloads: ['many known questions'] },
  recency: { payloads: ['long date'] },
  'follow-up-prep': { payloads: ['why why why', 'the the the', 'list items'] },
  placeholder: {
    payloads: ['bracket slots', 'angle slots', 'template instructions', 'number slots', 'brackets', 'angle brackets', 'bangs and questions', 'dots'],
  },
  confidential: { payloads: ['a a a', 'phrase prefixes'], config: { redact: ['a', 'Acme', 'I would'] } },
  'front-matter': {
    payloads: ['deep YAML nesting', 'deep YAML explicit keys', 'deep YAML indentation', 'blank lines in practiced', 'unterminated front matter'],
  },
  'inline-config': { payloads: ['closed comments', 'directive comments', 'disable and enable pairs', 'unknown ids in comments', 'angle brackets'] },
  'large-file': { payloads: ['one long line', 'list items'], config: { maxFileSize: 2000 } },
};

export interface GrowthCase {
  group: string;
  name: string;
  /** The input at a size, with a salt that keeps the caches from answering. */
  build: (size: number, salt: number) => string;
  /** The 1× size; the 10× run uses ten times it. */
  size: number;
  config: StarlintConfig;
  /** The rules to run (all enabled rules when absent). */
  only?: string[];
}

/** Characters of payload per section at 1× for prose payloads (a story of ~6 kB; 60 kB at 10×). */
export const PROSE_SIZE = 1500;
/** The same for Markdown structures, which micromark parses at a far higher cost per character. */
export const STRUCTURE_SIZE = 250;
/** Characters of a whole-document payload at 1×. */
export const DOCUMENT_SIZE = 3000;

function sectionBuilder(name: string): (size: number, salt: number) => string {
  if (name in FRONT_MATTER) return (size, salt) => storyUnder(FRONT_MATTER[name](size), salt);
  if (name in DOCUMENT) return (size, salt) => salted(DOCUMENT[name](size), salt);
  const payload: Payload | undefined = PROSE[name] ?? STRUCTURE[name] ?? PARSER_HARD[name];
  if (!payload) throw new Error(`no payload named "${name}"`);
  return (size, salt) => storyWith(payload(size), salt);
}

/** Every growth measurement of test/robustness/complexity.test.ts. */
export function growthCases(storyRules: string[]): GrowthCase[] {
  const cases: GrowthCase[] = [];
  for (const id of storyRules) {
    const { payloads, config = {} } = RULE_PAYLOADS[id] ?? { payloads: [] };
    for (const name of payloads) {
      const size = name in DOCUMENT ? DOCUMENT_SIZE : name in STRUCTURE ? STRUCTURE_SIZE : PROSE_SIZE;
      cases.push({
        group: 'each story rule, on the characters its patterns repeat',
        name: `${id}: ${name}`,
        build: sectionBuilder(name),
        size,
        config,
        only: [id],
      });
    }
  }
  // Prose payloads no rule lists above still reach the parser and every rule.
  const listed = new Set(Object.values(RULE_PAYLOADS).flatMap((c) => c.payloads));
  for (const name of Object.keys(PROSE).filter((n) => !listed.has(n))) {
    cases.push({ group: 'every rule, on the remaining character runs', name, build: sectionBuilder(name), size: PROSE_SIZE, config: {} });
  }
  for (const name of Object.keys(STRUCTURE)) {
    cases.push({ group: 'every rule, on Markdown structures in every section', name, build: sectionBuilder(name), size: STRUCTURE_SIZE, config: {} });
  }
  for (const name of Object.keys(DOCUMENT)) {
    cases.push({ group: 'every rule, on whole documents', name, build: sectionBuilder(name), size: DOCUMENT_SIZE, config: {} });
  }
  for (const [name, payload] of Object.entries(NESTING)) {
    cases.push({
      group: 'every rule, on deep nesting',
      name: `${name} (100 and 1,000 levels)`,
      build: (depth, salt) => salted(payload(depth), salt),
      size: 100,
      config: {},
    });
  }
  for (const [name, payload] of Object.entries(NESTING_PER_LINE)) {
    cases.push({
      group: 'every rule, on deep nesting',
      name: `${name} (5 kB and 50 kB)`,
      build: (size, salt) => salted(payload(size), salt),
      size: 5_000,
      config: {},
    });
  }
  cases.push({
    group: 'every rule, on big inputs',
    name: 'a single line of 100 kB and 1 MB',
    build: (size, salt) => salted(`# T\n\n## Result\n\n${PROSE['one long line'](size)}\n`, salt),
    size: 100_000,
    config: { maxFileSize: 2_000_000 },
  });
  cases.push({
    group: 'every rule, on big inputs',
    name: 'lists of 500 and 5,000 items',
    build: (size, salt) => salted(`# T\n\n## Action\n\nI did.\n\n${'- an item\n'.repeat(size)}`, salt),
    size: 500,
    config: {},
  });
  for (const name of Object.keys(PARSER_HARD)) {
    cases.push({ group: 'every rule, on Markdown that was super-linear in micromark', name, build: sectionBuilder(name), size: STRUCTURE_SIZE, config: {} });
  }
  return cases;
}

/** The example bank without front matter, copied until it is at least `size` characters long. */
export function bankOfSize(size: number, salt = 0): string {
  const bank = BANK.map((b) => b.text.replace(/^---[\s\S]*?\n---\n/, '')).join('\n');
  let out = `<!-- ${salt} -->\n`;
  // Each copy's titles are numbered, so every story is new to the caches.
  for (let copy = 1; out.length < size; copy++) out += bank.replace(/^# (.*)$/gm, `# $1 (${salt}.${copy})`);
  return out;
}

/** Bytes from a fixed-seed generator, so the "binary file" is the same on every run. */
export function randomBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** `count` small stories in one bank file. */
export function manyStories(count: number, salt = 0): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `# Story ${i} ${salt}\n\n## Situation\n\nChurn rose for two quarters.\n\n## Task\n\nI owned the churn model.\n\n## Action\n\nI chose logistic regression because it was explainable.\n\n## Result\n\nChurn fell from 9% to 6%.\n`,
  ).join('\n');
}
