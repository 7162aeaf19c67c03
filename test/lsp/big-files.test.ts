// Big and odd documents through the server: a 10 MB bank, binary junk, an edit with positions
// out of range. The server stays up, says when it limited work, and other documents keep their
// diagnostics.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, ROOT, TestClient, ensureBuilt, fileUri } from './helpers/client';

describe('lsp: big and odd documents', function () {
  this.timeout(120_000);
  let client: TestClient;
  const story = readFileSync(path.join(ROOT, 'examples/story-bank/03-promotion-uplift-with-finance.md'), 'utf8');

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    client = await TestClient.start({ initializationOptions: { scanWorkspace: false }, settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
  });

  it('lints a 10 MB file up to maxFileSize, says so, and keeps serving other documents', async () => {
    const other = fileUri(path.join(FIXTURES, 'other.md'));
    await client.open(other, story);
    const before = (await client.diagnosticsAt(other, 1)).diagnostics.length;
    assert.ok(before > 0);

    const body = story.replace(/^---[\s\S]*?---\n/, '').replace(/^# /m, '## ');
    let big = '# A bank far too large\n\n';
    while (big.length < 10_000_000) big += body;
    const uri = fileUri(path.join(FIXTURES, 'huge.md'));
    await client.open(uri, big);
    const published = await client.diagnosticsAt(uri, 1, 60_000);
    const limited = published.diagnostics.filter((d) => d.code === 'large-file');
    assert.equal(limited.length, 1);
    assert.match(limited[0].message, /maxFileSize/);

    // The small document is still answered, and edits to it still lint.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.ok(symbols.length > 0);
    await client.close(uri);
    const v = await client.change(other, [{ text: story.replace('## Result', '## Result\n\nI learned to ship a pilot first.') }]);
    const after = await client.diagnosticsAt(other, v);
    assert.ok(after.diagnostics.length > 0);
    await client.close(other);
  });

  it('publishes nothing for binary junk, and survives an edit whose positions are out of range', async () => {
    const junk = fileUri(path.join(FIXTURES, 'junk.md'));
    await client.open(junk, '\u0000\u0001PNG\u0000\u00ff'.repeat(2000));
    assert.deepEqual((await client.diagnosticsAt(junk, 1)).diagnostics, []);
    const v = await client.change(junk, [
      { range: { start: { line: 5000, character: 99 }, end: { line: 6000, character: 0 } }, text: '## Situation\n\nWe.\n' },
    ]);
    await client.diagnosticsAt(junk, v);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: junk } });
    assert.ok(Array.isArray(symbols));
    await client.close(junk);
  });
});
