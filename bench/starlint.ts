// starlint behind the benchmark's Tool interface: an engine (createEngine, with its caches), as
// the CLI and the language server make and call one.
import { analyzeBank, createEngine, resolveConfig, type BankFile, type TextChange } from '../server/src/engine';
import type { Tool } from './tools';

/** Fixed so that date-dependent rules (recency, practice) give the same findings on any day. */
export const TODAY = '2026-11-25';

// The bank file is ~2.5 MB; the default maxFileSize (1 MB) would make starlint lint only the
// first 40 % of it, which would flatter it. Every tool lints every byte.
const config = resolveConfig({ maxFileSize: 10_000_000 });
const engine = createEngine();

/** starlint also exposes its phases, so the report can say where its time goes. */
export interface Starlint extends Tool {
  lintAll(files: Record<string, string>): BankFile[];
  /** Re-lints a file after an edit, as the language server does with the editor's change. */
  edit(prev: BankFile, text: string, change: TextChange): BankFile;
  bank(results: BankFile[]): number;
}

export const starlint: Starlint = {
  name: 'starlint',
  does: 'parse + every story rule (+ analyzeBank for sets and bank files)',
  one(text) {
    return engine.lintText(text, config, { today: TODAY }).findings.length;
  },
  lintAll(files) {
    return Object.entries(files).map(([uri, text]) => ({ uri, result: engine.lintText(text, config, { today: TODAY }) }));
  },
  edit(prev, text, change) {
    return { uri: prev.uri, result: engine.lintEdit(prev.result, text, change, config, { today: TODAY }) };
  },
  bank(results) {
    return analyzeBank(results, config, TODAY).findings.length;
  },
  many(files) {
    const results = this.lintAll(files);
    return results.reduce((n, f) => n + f.result.findings.length, 0) + this.bank(results);
  },
};
