// An engine: the engine's functions bound to caches it owns. The CLI, the language server, the
// remark plugin and the tests each make one; two engines share nothing. The free functions
// (lintText, lintEdit, parseDocument…) stay available and cache nothing.
import { Memo } from './memo';
import { lintText, type LintOptions, type LintResult, type TextChange } from './lint/lint';
import { lintEdit } from './lint/edit';
import { parseDocument } from './model/stories';
import { prepareText } from './syntax/blocks';
import type { ResolvedConfig } from './lint/config';
import type { ParsedDocument } from './model/types';

export type EngineLintOptions = Omit<LintOptions, 'memo'>;

export interface Engine {
  /** Lints one Markdown document (see lintText), reusing what this engine parsed and linted before. */
  lintText(text: string, config: ResolvedConfig, options?: EngineLintOptions): LintResult;
  /** Lints a document after one edit (see lintEdit). */
  lintEdit(prev: LintResult, text: string, change: TextChange, config: ResolvedConfig, options?: EngineLintOptions): LintResult;
  /** Parses a long text a unit at a time, awaiting `pause` between units, for the next lint to read. */
  prepareText(text: string, pause: (done: number, total: number) => Promise<void>): Promise<void>;
  /** Parses one document into stories. */
  parseDocument(text: string): ParsedDocument;
}

export interface EngineOptions {
  /** Keep nothing between calls (each call parses and lints afresh). Default false. */
  noCache?: boolean;
}

/** Makes an engine with its own caches. */
export function createEngine(options: EngineOptions = {}): Engine {
  const memo = options.noCache ? undefined : new Memo();
  return {
    lintText: (text, config, o = {}) => lintText(text, config, { ...o, memo }),
    lintEdit: (prev, text, change, config, o = {}) => lintEdit(prev, text, change, config, { ...o, memo }),
    prepareText: (text, pause) => (memo ? prepareText(text, memo, pause) : Promise.resolve()),
    parseDocument: (text) => parseDocument(text, memo),
  };
}
