// Typing into a bank file: the server re-lints the edited story alone (engine lintEdit) from the
// editor's incremental changes. Whatever it re-lints, the diagnostics after each keystroke must
// be those of the same text opened fresh.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { FIXTURES, TestClient, ensureBuilt, fileUri } from './helpers/client';
import { bankFile } from '../../bench/corpus';

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('lsp: typing into a bank file', function () {
  this.timeout(120_000);
  let client: TestClient;

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    client = await TestClient.start({ initializationOptions: { scanWorkspace: false }, settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
  });

  it('publishes after every keystroke what a fresh open of the same text gets', async () => {
    let text = bankFile(14, 3);
    assert.ok(text.length > 24_000, 'big enough to be split into stories');
    const uri = fileUri(path.join(FIXTURES, 'typed-bank.md'));
    await client.open(uri, text);
    await client.diagnosticsAt(uri, 1);
    // Into the Action of the sixth story: words, "we", a number, a line break, then a heading.
    let at = text.indexOf('### Action\n\n', text.indexOf('## ', text.length / 2)) + '### Action\n\n'.length;
    const typed = [...' We cut latency by 40%.', '\n', '\n', ...'Then we shipped', '\n', '\n', ...'### Notes', '\n'];
    let version = 1;
    for (const [i, ch] of typed.entries()) {
      version = await client.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: ch }]);
      text = text.slice(0, at) + ch + text.slice(at);
      at += ch.length;
      const got = await client.diagnosticsAt(uri, version);
      // Every few keystrokes (and at the end), compare with the same text opened fresh.
      if (i % 6 === 5 || i === typed.length - 1) {
        // A new document each time: the client keeps the last diagnostics of every uri and version.
        const fresh = fileUri(path.join(FIXTURES, `typed-bank-fresh-${i}.md`));
        await client.open(fresh, text);
        const want = await client.diagnosticsAt(fresh, 1);
        assert.deepEqual(got.diagnostics, want.diagnostics, `after typing ${JSON.stringify(typed.slice(0, i + 1).join(''))}`);
        await client.close(fresh);
      }
    }
    // The typed "we" are in the Action, so the typed text itself is under a squiggle.
    const final = (await client.diagnosticsAt(uri, version)).diagnostics;
    assert.ok(
      final.some((d) => d.code === 'first-person'),
      'a first-person finding on the typed text',
    );
    await client.close(uri);
  });
});
