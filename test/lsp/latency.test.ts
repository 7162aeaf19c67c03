// How long from a keystroke (didChange) to fresh diagnostics (publishDiagnostics), with the
// debounce at 0 so only the server's own work is measured: one story, and one story edited in a
// bank file of 100 stories (the engine re-lints only the edited story).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, TestClient, ensureBuilt } from './helpers/client';

function bankOf(count: number): string {
  const one = readFileSync(path.join(FIXTURES, 'bank.md'), 'utf8').split(/\n(?=## )/)[1];
  const out = ['# A large bank\n'];
  for (let i = 0; i < count; i++) out.push(one.replace('## Cutting fraud-scoring latency', `## Story ${i + 1}`).replace('from 180 ms to 38 ms', `from ${180 + i} ms to 38 ms`));
  return out.join('\n');
}

async function measure(client: TestClient, uri: string, line: number, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const text = i % 2 === 0 ? 'We built a bunch of things. ' : '';
    const range = i % 2 === 0 ? { start: { line, character: 0 }, end: { line, character: 0 } } : { start: { line, character: 0 }, end: { line, character: 28 } };
    const t0 = performance.now();
    const v = await client.change(uri, [{ range, text }]);
    await client.diagnosticsAt(uri, v);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

describe('lsp: didChange → publishDiagnostics latency', function () {
  this.timeout(120_000);
  let client: TestClient;

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    client = await TestClient.start({ settings: { debounceMs: 0 }, initializationOptions: { scanWorkspace: false } });
  });
  after(async () => client?.stop());

  it('answers an edit of one story quickly', async () => {
    const uri = 'file:///tmp/starlint-latency/one.md';
    await client.open(uri, readFileSync(path.join(FIXTURES, 'headings.md'), 'utf8'));
    await client.diagnosticsAt(uri, 1);
    const times = await measure(client, uri, 20, 40);
    console.log(`      one story: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
    assert.ok(pct(times, 50) < 250, `median ${pct(times, 50)} ms`);
  });

  it('answers an edit in a bank file of 100 stories quickly (only the edited story is linted again)', async () => {
    const uri = 'file:///tmp/starlint-latency/bank.md';
    const text = bankOf(100);
    await client.open(uri, text);
    const first = await client.diagnosticsAt(uri, 1, 30_000);
    assert.ok(first.diagnostics.length > 100);
    const line = text.split('\n').findIndex((l) => l.startsWith('I profiled the service'));
    const times = await measure(client, uri, line, 40);
    console.log(`      100-story bank file: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
    assert.ok(pct(times, 50) < 500, `median ${pct(times, 50)} ms`);
  });
});
