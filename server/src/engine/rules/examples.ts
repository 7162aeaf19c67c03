// Builds the example stories that rules carry as documentation and tests. A default story that
// passes every content rule is filled in; an example replaces only the part it is about.

export interface ExampleParts {
  front?: string;
  title?: string;
  situation?: string | null;
  task?: string | null;
  action?: string | null;
  result?: string | null;
  after?: string;
}

export const GOOD = {
  front: 'title: Fraud model for a new payment method\ncategory: project\nquestions: [challenging-project, ambiguity, proud]\ndate: 2025-06',
  situation: 'Our checkout team at a mid-size retailer saw fraud losses climb after a new payment method launched.',
  task: 'I owned the fraud model and had to cut losses without blocking good customers.',
  action:
    'I compared three options against the current rules as a baseline. I chose gradient-boosted trees over a deep model because analysts needed explanations. I ran a two-week A/B test on 10% of traffic.',
  result:
    'Fraud losses fell from $80K to $35K a month and precision rose from 0.61 to 0.78. The review template I wrote is now used by two other teams. I learned to agree on the metric with the business before modelling.',
};

/** How many words each section of GOOD counts, for the examples at a length threshold. */
export const GOOD_WORDS = { situation: 17, task: 14, action: 34, result: 40 };

export function ex(parts: ExampleParts = {}): string {
  const front = parts.front ?? GOOD.front;
  const out: string[] = [];
  if (front) out.push(`---\n${front}\n---\n`);
  out.push(`# ${parts.title ?? 'Fraud model'}\n`);
  for (const kind of ['situation', 'task', 'action', 'result'] as const) {
    const value = parts[kind] === undefined ? GOOD[kind] : parts[kind];
    if (value === null) continue;
    const heading = value.startsWith('## ') ? '' : `## ${kind[0].toUpperCase()}${kind.slice(1)}\n\n`;
    out.push(`${heading}${value}\n`);
  }
  if (parts.after) out.push(parts.after + '\n');
  return out.join('\n');
}

/**
 * Prose of exactly `n` words for an example at a length threshold: the words of `sentence`, told
 * as often as they fit and then cut short, each run closed with a full stop.
 */
export function fill(n: number, sentence: string): string {
  const words = sentence.replace(/[.!?]$/, '').split(/\s+/);
  const out: string[] = [];
  for (let left = n; left > 0; left -= words.length) out.push(words.slice(0, left).join(' ') + '.');
  return out.join(' ');
}

export interface ReadExample {
  /** The Markdown with the « » markers removed. */
  markdown: string;
  config?: import('../lint/config').StarlintConfig;
  /**
   * The marked spans, as offsets into `markdown`, in the order they close. In a `fire` example they
   * are every finding the rule gives, no more: `««Title»»` marks two findings on the same span.
   */
  marks: { start: number; end: number }[];
}

/** Reads a rule example: removes the « » markers and returns the spans they marked. */
export function readExample(example: import('./rule').RuleExample): ReadExample {
  const { markdown: marked, config } = typeof example === 'string' ? { markdown: example, config: undefined } : example;
  const marks: { start: number; end: number }[] = [];
  let markdown = '';
  // Markers nest, so one span can be marked twice and a finding can lie inside another's span.
  const open: number[] = [];
  for (const ch of marked) {
    if (ch === '«') open.push(markdown.length);
    else if (ch === '»' && open.length > 0) marks.push({ start: open.pop()!, end: markdown.length });
    else markdown += ch;
  }
  return { markdown, config, marks };
}
