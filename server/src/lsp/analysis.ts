// What every feature reads: one document's lint result with the configuration it ran on and the
// bank-wide findings that concern it. Features are pure functions of an Analysis and a request.
import { LineIndex, type Engine, type BankFinding, type Finding, type LintResult, type ResolvedConfig, type Story, type TextChange } from '../engine';

export interface Analysis {
  uri: string;
  text: string;
  /** The editor's version of an open document; undefined for a file read from disk. */
  version?: number;
  config: ResolvedConfig;
  result: LintResult;
  /**
   * True when the file is a story file: it matches the configured globs and the engine found a
   * story in it. A Markdown file that is not gets no diagnostics, lenses or hovers.
   */
  isStory: boolean;
  today: string;
  /** Bank-wide findings on this file (duplicate-metric, confidential across stories…). */
  bank: BankFinding[];
}

export function analyze(
  engine: Engine,
  uri: string,
  text: string,
  config: ResolvedConfig,
  today: string,
  candidate: boolean,
  version?: number,
  remember = true,
): Analysis {
  // A file the globs exclude (a CHANGELOG, a vendored README) is not even parsed.
  const result: LintResult = candidate
    ? engine.lintText(text, config, { today, remember })
    : { doc: { text, isStory: false, stories: [], comments: [], problems: [] }, lines: new LineIndex(text), findings: [], errors: [] };
  return { uri, text, version, config, result, isStory: candidate && result.doc.isStory, today, bank: [] };
}

/**
 * The analysis after an edit of a story file analysed before under the same configuration and
 * day: a bank file's edited story is linted alone when the edit allows it (engine `lintEdit`).
 */
export function analyzeEdit(engine: Engine, prev: Analysis, text: string, change: TextChange, version?: number): Analysis {
  // A keystroke's version is not linted twice: it is not added to the engine's caches.
  const result = engine.lintEdit(prev.result, text, change, prev.config, { today: prev.today, remember: false });
  return { uri: prev.uri, text, version, config: prev.config, result, isStory: result.doc.isStory, today: prev.today, bank: [] };
}

/** The findings of one story, bank findings included: what its score is computed from. */
export function storyFindings(a: Analysis, story: Story): Finding[] {
  return [...a.result.findings.filter((f) => f.story === story.index), ...a.bank.filter((f) => f.story === story.index)];
}

/** Every finding shown on the document: its own and the bank's, in document order. */
export function allFindings(a: Analysis): Finding[] {
  if (!a.isStory) return [];
  return [...a.result.findings, ...a.bank].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}

/** Documents longer than this are parsed ahead of their lint, yielding between parse units. */
export const PREPARE_ABOVE = 16_384;

/**
 * Parses a long text into the engine's cache a unit at a time, letting the event loop run between
 * units (other requests, other files), so the lint that follows reads the parse from the cache.
 */
export function prepareYielding(engine: Engine, text: string, progress?: (done: number, total: number) => void): Promise<void> {
  if (text.length <= PREPARE_ABOVE) return Promise.resolve();
  return engine.prepareText(text, (done, total) => {
    progress?.(done, total);
    return new Promise((resolve) => setImmediate(resolve));
  });
}
