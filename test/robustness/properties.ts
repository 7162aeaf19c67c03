// The properties every engine result must have, whatever the input: no exception, no internal
// rule error, every finding a known rule id and a non-empty range inside the text, and the same
// findings every time — cold, after the caches hold other documents, and with a cold story cache;
// and every prose piece marked exact is the source text it claims to be.
import {
  ALL_RULES,
  analyzeBank,
  buildCards,
  cardsToHtml,
  lintText,
  parseConfigText,
  resolveConfig,
  scoreStory,
  validateConfig,
  type LintOptions,
  type LintResult,
  type ResolvedConfig,
  type StarlintConfig,
} from '../../server/src/engine';
import { flatten } from '../../server/src/engine/syntax/blocks';

export const TODAY = '2026-11-25';

/** Inputs per property in the test suite; `npm run fuzz` multiplies them. */
export const FUZZ_RUNS = {
  markdown: 120,
  unicode: 150,
  mutated: 120,
  configs: 100,
  directives: 80,
};

const KNOWN = new Set(ALL_RULES.map((r) => r.id));

/** Lints `text` and checks the invariants of the result; throws an Error that says which one failed. */
export function lintChecked(text: string, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  const result = lintText(text, config, { today: TODAY, ...options });
  for (const f of result.findings) {
    const where = `${f.rule} at ${f.span.start}–${f.span.end} (text length ${text.length})`;
    if (!KNOWN.has(f.rule)) throw new Error(`unknown rule id: ${where}`);
    if (!Number.isInteger(f.span.start) || !Number.isInteger(f.span.end)) throw new Error(`non-integer span: ${where}`);
    if (!(f.span.start >= 0 && f.span.start < f.span.end && f.span.end <= text.length)) throw new Error(`span outside the text or empty: ${where}`);
  }
  if (result.errors.length) {
    const e = result.errors[0];
    throw new Error(`rule "${e.rule}" threw on story ${e.story}: ${e.error}`);
  }
  return result;
}

/** The findings as the surfaces see them, for comparing runs. */
function findingsJson(result: LintResult): string {
  return JSON.stringify(result.findings);
}

/**
 * Documents that share chunks and stories with `text` but put them in another context: under a
 * bank heading, followed by another story, under other front matter, with CRLF line endings.
 * Linting them fills the parse and story caches with entries a buggy cache key would confuse.
 */
function neighbours(text: string): string[] {
  const other = '# Another story\n\n## Situation\n\nChurn rose for two quarters.\n\n## Task\n\nI owned the model.\n';
  return [
    `# Bank\n\n${text}`,
    `${text}\n\n${other}`,
    `---\ncategory: failure\nquestions: [failure]\n---\n\n${text}`,
    text.replace(/\n/g, '\r\n'),
    `${other}\n${text}`,
  ];
}

let nonce = 0;

/**
 * Checks every property on one document under one list of configuration layers. Throws on the
 * first failure, so fast-check can shrink the input to a small counterexample.
 */
/**
 * Pieces marked exact must be the source characters themselves, inside the text: the Markdown
 * layer finds markdown-it's inline tokens in the source, and a wrong find would misplace
 * every squiggle after it.
 */
export function verbatimPieceProblems(text: string): string[] {
  const problems: string[] = [];
  for (const block of flatten(text).blocks) {
    const base = block.base ?? 0;
    for (const p of [...block.pieces, ...(block.items ?? []).flat()]) {
      const start = p.start + base;
      const end = p.end + base;
      if (start < 0 || end > text.length || end < start) problems.push(`piece ${JSON.stringify(p.text)} at ${start}–${end} lies outside the text`);
      else if (p.exact && text.slice(start, end) !== p.text)
        problems.push(`piece ${JSON.stringify(p.text)} is marked exact but the source at ${start}–${end} is ${JSON.stringify(text.slice(start, end))}`);
    }
  }
  return problems;
}

export function checkDocument(text: string, layers: StarlintConfig[] = []): void {
  for (const layer of layers) {
    validateConfig(layer as Record<string, unknown>);
    parseConfigText(JSON.stringify(layer) ?? '');
  }
  const config = resolveConfig(...layers);
  const first = lintChecked(text, config);
  const expected = findingsJson(first);
  if (text.length <= config.maxFileSize) {
    const problems = verbatimPieceProblems(text);
    if (problems.length) throw new Error(problems[0]);
  }

  if (findingsJson(lintChecked(text, config)) !== expected) throw new Error('a second run gave other findings');
  for (const doc of neighbours(text)) lintChecked(doc, config);
  if (findingsJson(lintChecked(text, config)) !== expected) throw new Error('findings changed after the caches were filled with other documents');
  // `only` is part of the story cache key: listing every enabled rule (plus a nonce) runs the
  // same rules with the same severities on an empty story cache.
  const enabled = ALL_RULES.filter((r) => config.severities[r.id] !== 'off').map((r) => r.id);
  const cold = lintChecked(text, config, { only: [...enabled, `nonce-${nonce++}`] });
  if (findingsJson(cold) !== expected) throw new Error('findings differ between a warm and a cold story cache');

  // What the CLI and the server build on a result must not throw either.
  const files = [{ uri: 'file:///fuzz.md', result: first }];
  const report = analyzeBank(files, config, TODAY);
  if (report.errors.length) throw new Error(`bank rule "${report.errors[0].rule}" threw: ${report.errors[0].error}`);
  cardsToHtml(buildCards(files, report), TODAY);
  for (const story of first.doc.stories)
    scoreStory(
      story,
      first.findings.filter((f) => f.story === story.index),
      config,
      TODAY,
    );
}
