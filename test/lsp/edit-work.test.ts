// The work of a keystroke in a bank file, counted inside the real server process: the server
// runs under `node --no-opt` with test/robustness/work-signal.ts preloaded, and SIGUSR2 starts
// and stops its WorkMeter. A keystroke in one story of a 100-story file must cost a small part of
// opening the file: the server hands the editor's change to the engine's lintEdit, which re-lints
// the edited story alone. (How long it takes is measured by `npm run bench`, scenario (f).)
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, TestClient, ensureBuilt, until } from './helpers/client';

/** A bank file of `count` copies of the fixture's first story, each with its own title and figures. */
function bankOf(count: number): string {
  const one = readFileSync(path.join(FIXTURES, 'bank.md'), 'utf8').split(/\n(?=## )/)[1];
  const out = ['# A large bank\n'];
  for (let i = 0; i < count; i++)
    out.push(one.replace('## Cutting fraud-scoring latency', `## Story ${i + 1}`).replace('from 180 ms to 38 ms', `from ${180 + i} ms to 38 ms`));
  return out.join('\n');
}

interface Counts {
  blocks: number;
  native: number;
}

/** The work the server does while `work` runs. */
async function counted(client: TestClient, work: () => Promise<void>): Promise<Counts> {
  const mark = client.stderr.length;
  client.proc.kill('SIGUSR2');
  await until(() => client.stderr.slice(mark).includes('work-meter: started'), 20_000, 'the work meter to start');
  await work();
  const from = client.stderr.length;
  client.proc.kill('SIGUSR2');
  const line = await until(() => /work-meter: (\{.*\})\n/.exec(client.stderr.slice(from))?.[1], 20_000, 'the work meter to stop');
  return JSON.parse(line) as Counts;
}

const EDITS = 20;

describe('lsp: the work of a keystroke in a bank file (counted)', function () {
  this.timeout(180_000);
  let client: TestClient;

  before(async () => {
    ensureBuilt();
    client = await TestClient.start({
      node: ['--no-opt', '--require', 'tsx/cjs', '--require', path.resolve(__dirname, '../robustness/work-signal.ts')],
      settings: { debounceMs: 0 },
      initializationOptions: { scanWorkspace: false },
    });
  });
  after(async () => client?.stop());

  it('costs under a tenth of opening the file: only the edited story is linted again', async () => {
    const uri = 'file:///tmp/starlint-work/bank.md';
    const text = bankOf(100);
    const open = await counted(client, async () => {
      await client.open(uri, text);
      const first = await client.diagnosticsAt(uri, 1, 60_000);
      assert.ok(first.diagnostics.length > 100);
    });
    // Typing in the middle of a paragraph of the Action of story 50, then deleting it again.
    const line = text
      .split('\n')
      .findIndex((l, i, all) => l.startsWith('against precomputing features') && all.slice(0, i).filter((x) => x.startsWith('## Story')).length === 50);
    const typed = 'We built a bunch of things. ';
    const edits = await counted(client, async () => {
      for (let i = 0; i < EDITS; i++) {
        const range =
          i % 2 === 0
            ? { start: { line, character: 8 }, end: { line, character: 8 } }
            : { start: { line, character: 8 }, end: { line, character: 8 + typed.length } };
        const v = await client.change(uri, [{ range, text: i % 2 === 0 ? typed : '' }]);
        await client.diagnosticsAt(uri, v);
      }
    });
    const per = { blocks: edits.blocks / EDITS, native: edits.native / EDITS };
    const say = `one keystroke: ${Math.round(per.blocks).toLocaleString('en-US')} blocks, ${Math.round(per.native).toLocaleString('en-US')} native; opening the file: ${open.blocks.toLocaleString('en-US')} blocks, ${open.native.toLocaleString('en-US')} native`;
    // Publishing the file's few hundred diagnostics is part of every keystroke's work, and grows
    // with the file; re-linting every story would cost about what opening the file does.
    assert.ok(per.blocks < open.blocks / 10 && per.native < open.native / 10, say);
  });
});
