// While a long, hostile document is parsed, the server keeps answering: it parses such a document
// a unit at a time (engine prepareText) and reads requests between units. This checks the order
// of events, not their timing: a hover on another file, sent once the server reports that it has
// started reading the hostile one, is answered before that file's diagnostics arrive.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSER_HARD, STRUCTURE } from '../robustness/adversarial';
import { CAPABILITIES, FIXTURES, TestClient, fileUri } from './helpers/client';

/** A story whose Action holds the inputs micromark parses in super-linear time, about 360 kB. */
function hostileStory(): string {
  const payloads = [
    PARSER_HARD['list items with sub-items'](40_000),
    STRUCTURE['setext underlines'](40_000),
    PARSER_HARD['nested emphasis openers'](40_000),
    PARSER_HARD['unclosed comment openers'](40_000),
    PARSER_HARD['lazy continuation lines in a list item'](40_000),
    STRUCTURE['nested image labels'](40_000),
    STRUCTURE['emphasis pairs'](40_000),
    PARSER_HARD['lazy continuation lines in a block quote'](40_000),
  ];
  return `# A hostile story\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\n${payloads.join('\n\n')}\n\n## Result\n\nChurn fell 5%.\n`;
}

describe('language server: responsive while a hostile document is parsed', function () {
  this.timeout(120_000);

  it('answers a hover on another file before the hostile file is done, and reports progress', async () => {
    const client = await TestClient.start({
      capabilities: { ...CAPABILITIES, window: { workDoneProgress: true } },
      initializationOptions: { scanWorkspace: false },
      settings: { debounceMs: 0 },
    });
    try {
      const events: string[] = [];
      let begun!: () => void;
      const begin = new Promise<void>((resolve) => (begun = resolve));
      client.connection.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => {
        events.push(`progress ${p.value.kind}`);
        if (p.value.kind === 'begin') begun();
      });

      const story = join(FIXTURES, 'headings.md');
      const storyUri = fileUri(story);
      const storyText = readFileSync(story, 'utf8');
      await client.open(storyUri, storyText);
      await client.diagnosticsAt(storyUri, 1);

      const hostile = hostileStory();
      assert.ok(hostile.length > 300_000, `${hostile.length} characters`);
      const hostileUri = fileUri(join(FIXTURES, 'hostile-generated.md'));
      const done = client.diagnosticsAt(hostileUri, 1, 110_000).then((p) => {
        events.push('hostile diagnostics');
        return p;
      });
      await client.open(hostileUri, hostile);
      await begin;

      // Hover on the Action heading of the other story.
      const line = storyText.split('\n').findIndex((l) => /^## Action/.test(l));
      const sent = Date.now();
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: storyUri }, position: { line, character: 4 } })) as {
        contents: { value: string };
      } | null;
      events.push('hover answered');
      const latency = Date.now() - sent;
      assert.ok(hover && /Action/.test(hover.contents.value), JSON.stringify(hover));

      const diagnostics = await done;
      assert.deepEqual(
        events.filter((e) => e !== 'progress report'),
        ['progress begin', 'hover answered', 'progress end', 'hostile diagnostics'],
      );
      // The hostile story is linted: its sections are found and it gets its findings.
      assert.ok(diagnostics.diagnostics.length > 0);
      // Reported, never asserted: timing depends on the machine.
      console.log(`      hover answered in ${latency} ms while a ${Math.round(hostile.length / 1000)} kB hostile story was parsed`);
    } finally {
      await client.stop();
    }
  });
});
