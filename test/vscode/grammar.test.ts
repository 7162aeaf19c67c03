// The STAR injection grammar, run against the Markdown grammar this editor ships, with the same
// TextMate engine VS Code uses (vscode-textmate + oniguruma).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as tm from 'vscode-textmate';
import * as onig from 'vscode-oniguruma';

const SAMPLE = [
  '# Story', //                         0
  '## Situation', //                    1
  '## Action items', //                 2
  '**Task:** I owned the *model*.', //  3
  'Result: churn fell 12%.', //         4
  '- Result: a list item', //           5
  '**Background** - the context', //    6
  '```', //                             7
  'Action: inside code', //             8
  '```', //                             9
  '### 3. Outcome (30 s)', //           10
  '## Lessons learned', //              11
  '**Reflection:** I now ask first.', // 12
];

let grammar: tm.IGrammar;
function tokens(lines: string[]): { text: string; scopes: string }[][] {
  let state = tm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') }));
  });
}
const scopeOf = (line: { text: string; scopes: string }[], text: string) =>
  line.find((t) => t.text === text)?.scopes ?? `(no token "${text}": ${JSON.stringify(line)})`;

describe('STAR label grammar', function () {
  this.timeout(30_000);

  before(async () => {
    const ext = vscode.extensions.getExtension('starlint.starlint')!;
    type Grammar = { scopeName: string; path: string };
    const md = vscode.extensions.all.find((e) => (e.packageJSON.contributes?.grammars ?? []).some((g: Grammar) => g.scopeName === 'text.html.markdown'));
    assert.ok(md, 'no extension contributes the Markdown grammar');
    const mdGrammar = md.packageJSON.contributes.grammars.find((g: Grammar) => g.scopeName === 'text.html.markdown');
    const star = ext.packageJSON.contributes.grammars[0];
    // From the repository's node_modules, beside the compiled tests (a packaged extension has none).
    const wasm = fs.readFileSync(createRequire(__filename).resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const read = (dir: string, p: string) => JSON.parse(fs.readFileSync(path.join(dir, p), 'utf8'));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
      loadGrammar: async (scope) =>
        scope === 'text.html.markdown' ? read(md.extensionPath, mdGrammar.path) : scope === star.scopeName ? read(ext.extensionPath, star.path) : null,
      getInjections: (scope) => (star.injectTo.includes(scope) ? [star.scopeName] : undefined),
    });
    grammar = (await registry.loadGrammar('text.html.markdown'))!;
  });

  it('scopes STAR headings, keeping them Markdown headings', () => {
    const t = tokens(SAMPLE);
    assert.match(
      scopeOf(t[1], 'Situation'),
      /markup\.heading\.markdown markup\.heading\.star\.situation\.markdown .*entity\.name\.section\.star\.situation\.markdown/,
    );
    assert.match(scopeOf(t[10], '3. Outcome'), /entity\.name\.section\.star\.result\.markdown/);
  });

  it('scopes bold and plain labels at the start of a paragraph, aliases included', () => {
    const t = tokens(SAMPLE);
    assert.match(scopeOf(t[3], 'Task'), /markup\.heading\.star\.task\.markdown entity\.name\.section\.star\.markdown/);
    assert.match(scopeOf(t[3], 'model'), /markup\.italic\.markdown/, 'inline Markdown still works after a label');
    assert.match(scopeOf(t[4], 'Result'), /markup\.heading\.star\.result\.markdown/);
    assert.match(scopeOf(t[6], 'Background'), /markup\.heading\.star\.situation\.markdown/);
  });

  it('scopes lesson sections as part of the Result', () => {
    const t = tokens(SAMPLE);
    assert.match(scopeOf(t[11], 'Lessons learned'), /markup\.heading\.star\.result\.markdown/);
    assert.match(scopeOf(t[12], 'Reflection'), /markup\.heading\.star\.result\.markdown/);
  });

  it('leaves look-alikes alone: "## Action items", list items, code', () => {
    const t = tokens(SAMPLE);
    for (const i of [0, 2, 5, 8]) assert.ok(!t[i].some((x) => /\.star\./.test(x.scopes)), `line ${i} "${SAMPLE[i]}": ${JSON.stringify(t[i])}`);
  });
});
