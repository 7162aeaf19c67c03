// Protocol tests: the built server over stdio publishes the engine's findings as diagnostics.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, TestClient, ensureBuilt, fileUri } from './helpers/client';

const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const uriOf = (name: string): string => fileUri(path.join(FIXTURES, name));
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe('lsp: diagnostics', function () {
  let client: TestClient;

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    client = await TestClient.start({ settings: { debounceMs: 20 }, initializationOptions: { scanWorkspace: false } });
  });

  after(async () => {
    await client?.stop();
  });

  it('announces its capabilities: incremental sync, code actions with fix-all, hover, lenses, symbols, completion', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.hoverProvider);
    assert.ok(caps.codeLensProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll', 'source.fixAll.starlint']);
    assert.ok(caps.completionProvider?.triggerCharacters?.includes(':'));
    assert.equal(client.initializeResult.serverInfo?.name, 'starlint');
  });

  it('publishes findings of a story written with headings, with source, code, docs link and severity', async () => {
    const uri = uriOf('headings.md');
    await client.open(uri, fixture('headings.md'));
    const { diagnostics, version } = await client.diagnosticsAt(uri, 1);
    assert.equal(version, 1);
    const we = diagnostics.filter((d) => d.code === 'first-person');
    assert.deepEqual(
      we.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        [20, 0, 2],
        [20, 67, 69],
        [21, 80, 82],
        [22, 35, 37],
      ],
    );
    for (const d of diagnostics) {
      assert.equal(d.source, 'starlint');
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
    assert.equal(we[0].severity, DiagnosticSeverity.Warning);
    const balance = diagnostics.find((d) => d.code === 'section-balance');
    assert.deepEqual(
      balance?.range,
      { start: { line: 18, character: 3 }, end: { line: 18, character: 9 } },
      'a section-level finding points at the heading text',
    );
    await client.close(uri);
  });

  it('publishes findings of a story written with labels', async () => {
    const uri = uriOf('labels.md');
    await client.open(uri, fixture('labels.md'));
    const { diagnostics } = await client.diagnosticsAt(uri, 1);
    const missing = diagnostics.find((d) => d.code === 'missing-section');
    assert.ok(missing, `missing-section expected in ${codes(diagnostics)}`);
    assert.equal(missing.severity, DiagnosticSeverity.Error);
    assert.match(missing.message, /no Task section/);
    assert.deepEqual(missing.range.start, { line: 6, character: 2 });
    await client.close(uri);
  });

  it('publishes findings for each story of a bank file with <!-- story --> comments', async () => {
    const uri = uriOf('bank.md');
    await client.open(uri, fixture('bank.md'));
    const { diagnostics } = await client.diagnosticsAt(uri, 1);
    const unknown = diagnostics.find((d) => d.code === 'unknown-question');
    assert.ok(unknown, `unknown-question expected in ${codes(diagnostics)}`);
    assert.deepEqual(unknown.range, { start: { line: 34, character: 30 }, end: { line: 34, character: 38 } });
    assert.match(unknown.message, /did you mean "ambiguity"/);
    // Both stories are linted: section findings in the first and in the second.
    const lines = diagnostics.filter((d) => d.code === 'section-balance').map((d) => d.range.start.line);
    assert.ok(lines.some((l) => l < 30) && lines.some((l) => l > 30), `section-balance on both stories: ${lines}`);
    await client.close(uri);
  });

  it('publishes an empty array for a Markdown file that is not a story', async () => {
    const uri = uriOf('readme.md');
    await client.open(uri, fixture('readme.md'));
    const p = await client.diagnosticsAt(uri, 1);
    assert.deepEqual(p.diagnostics, []);
    await client.close(uri);
  });

  it('follows incremental edits: a finding appears, then goes away', async () => {
    const uri = uriOf('edits.md');
    await client.open(uri, fixture('labels.md'));
    const first = await client.diagnosticsAt(uri, 1);
    assert.ok(!first.diagnostics.some((d) => d.code === 'vague-language'));
    // Line 12 is the Action; add a vague phrase in the middle of it.
    const v2 = await client.change(uri, [
      { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'I tried a bunch of things. ' },
    ]);
    const second = await client.diagnosticsAt(uri, v2);
    const vague = second.diagnostics.find((d) => d.code === 'vague-language');
    assert.ok(vague, `vague-language expected in ${codes(second.diagnostics)}`);
    assert.deepEqual(vague.range, { start: { line: 12, character: 8 }, end: { line: 12, character: 18 } });
    // Remove it again.
    const v3 = await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 27 } }, text: '' }]);
    const third = await client.diagnosticsAt(uri, v3);
    assert.ok(!third.diagnostics.some((d) => d.code === 'vague-language'));
    assert.deepEqual(third.diagnostics, first.diagnostics);
    await client.close(uri);
  });

  it('lints once after a burst of edits (debounced) and publishes for the last version only', async () => {
    const uri = uriOf('burst.md');
    await client.open(uri, fixture('labels.md'));
    await client.diagnosticsAt(uri, 1);
    const before = client.diagnostics.get(uri)!.length;
    let v = 1;
    for (const ch of 'We shipped it. ')
      v = await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: ch }]);
    await client.diagnosticsAt(uri, v);
    const published = client.diagnostics.get(uri)!.slice(before);
    assert.ok(published.length <= 2, `a burst of ${v - 1} edits published ${published.length} times`);
    assert.equal(published.at(-1)!.version, v);
    await client.close(uri);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf('closing.md');
    await client.open(uri, fixture('labels.md'));
    await client.diagnosticsAt(uri, 1);
    const count = client.diagnostics.get(uri)!.length;
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => client.diagnostics.get(uri)!.indexOf(p) >= count);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('survives bad requests: an unknown document, a position out of range, garbage params', async () => {
    const nowhere = 'file:///nowhere/x.md';
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: nowhere }, position: { line: 0, character: 0 } }), null);
    const uri = uriOf('robust.md');
    await client.open(uri, fixture('headings.md'));
    await client.diagnosticsAt(uri, 1);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }), []);
    assert.ok(
      client.logs.some((l) => /^starlint: codeAction failed: TypeError/.test(l)),
      'the exception is logged',
    );
    await client.request('textDocument/completion', { textDocument: { uri } }).catch(() => undefined);
    await assert.rejects(client.request('starlint/bank', { folder: 'file:///not/a/folder' }));
    // Still alive and answering.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    await client.close(uri);
  });
});
