// Bank-wide requests over the protocol: `starlint/lintAll` publishes diagnostics for every story
// file, open or not, and keeps them current; `starlint/bank` sent while the first workspace scan
// runs waits for it (or, when its wait runs out, says the answer is partial).
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BankResult, LintAllResult } from '../../shared/protocol';
import { ROOT, TestClient, ensureBuilt, fileUri, until } from './helpers/client';

const CHANGED = 2;
const DELETED = 3;

describe('lsp: starlint/lintAll', function () {
  let client: TestClient;
  let dir: string;
  const uri = (name: string): string => fileUri(path.join(dir, name));

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-lintall-'));
    cpSync(path.join(ROOT, 'examples/story-bank'), dir, { recursive: true });
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the diagnostics of every story file, none of which is open, and counts them', async () => {
    const result = await client.request<LintAllResult>('starlint/lintAll', {});
    assert.equal(result.uris.length, 8);
    assert.ok(!result.uris.some((u) => u.endsWith('README.md')), 'README.md is not a story');
    let total = 0;
    for (const u of result.uris) {
      const p = await client.waitForDiagnostics(u);
      assert.equal(p.version, undefined, 'a closed file has no version');
      assert.ok(p.diagnostics.every((d) => d.source === 'starlint'));
      total += p.diagnostics.length;
    }
    assert.ok(total > 0);
    assert.equal(result.problems.error + result.problems.warning + result.problems.info + result.problems.hint, total);
    assert.equal(client.diagnostics.get(uri('README.md')), undefined, 'nothing for a file that is not a story');
    // The bank-wide findings are there too: the two uncovered themes land on no file, but a
    // duplicate headline metric would; at least the story findings match what the bank counts.
    const bank = await client.request<BankResult>('starlint/bank', {});
    for (const s of bank.stories) {
      const published = client.diagnostics.get(s.uri)!.at(-1)!.diagnostics.length;
      const counted = s.problems.error + s.problems.warning + s.problems.info + s.problems.hint;
      assert.equal(published, counted, s.title);
    }
  });

  it('publishes again when a linted file changes on disk', async () => {
    const name = '07-onboarding-junior-engineers.md';
    const before = client.diagnostics.get(uri(name))!.length;
    const text = readFileSync(path.join(dir, name), 'utf8').replace('## Result\n', '## Result\n\nWe did a lot of stuff.\n');
    writeFileSync(path.join(dir, name), text);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: CHANGED }] });
    const p = await client.waitForDiagnostics(
      uri(name),
      (x) => client.diagnostics.get(uri(name))!.indexOf(x) >= before && x.diagnostics.some((d) => d.code === 'vague-language'),
    );
    assert.ok(p.diagnostics.some((d) => d.code === 'vague-language'));
  });

  it('keeps the diagnostics of a linted file when it is opened and closed again', async () => {
    const name = '05-churn-model-label-break.md';
    const u = uri(name);
    await client.open(u, readFileSync(path.join(dir, name), 'utf8'));
    await client.diagnosticsAt(u, 1);
    const before = client.diagnostics.get(u)!.length;
    await client.close(u);
    const p = await client.waitForDiagnostics(u, (x) => client.diagnostics.get(u)!.indexOf(x) >= before);
    assert.ok(p.diagnostics.length > 0, 'the disk version is linted again, not cleared');
    assert.equal(p.version, undefined);
  });

  it('clears the diagnostics of a linted file that is deleted', async () => {
    // A file that shows diagnostics (08 has none: there is nothing to clear, so nothing is sent).
    const name = '01-cold-start-recommender.md';
    assert.ok(client.diagnostics.get(uri(name))!.at(-1)!.diagnostics.length > 0);
    const before = client.diagnostics.get(uri(name))!.length;
    unlinkSync(path.join(dir, name));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: DELETED }] });
    const p = await client.waitForDiagnostics(uri(name), (x) => client.diagnostics.get(uri(name))!.indexOf(x) >= before);
    assert.deepEqual(p.diagnostics, []);
  });

  it('clears them when diagnostics are switched off, and publishes them again when switched on', async () => {
    const u = uri('03-promotion-uplift-with-finance.md');
    const count = () => client.diagnostics.get(u)!.length;
    assert.ok(client.diagnostics.get(u)!.at(-1)!.diagnostics.length > 0);
    let before = count();
    client.settings = { debounceMs: 0, enable: false };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(u, (x) => client.diagnostics.get(u)!.indexOf(x) >= before && x.diagnostics.length === 0);
    before = count();
    client.settings = { debounceMs: 0 };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(u, (x) => client.diagnostics.get(u)!.indexOf(x) >= before && x.diagnostics.length > 0);
  });

  it('rejects a folder that is not in the workspace', async () => {
    await assert.rejects(client.request('starlint/lintAll', { folder: 'file:///not/a/workspace' }), /Not a workspace folder/);
  });
});

describe('lsp: starlint/bank before the first scan has finished', function () {
  const STORIES = 150;
  let dir: string;
  const clients: TestClient[] = [];

  before(function () {
    this.timeout(60_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-scan-'));
    const story = readFileSync(path.join(ROOT, 'examples/story-bank/02-fraud-scoring-latency.md'), 'utf8');
    for (let i = 0; i < STORIES; i++) {
      const sub = path.join(dir, `team-${i % 10}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `story-${i}.md`), story.replace(/^title: .*$/m, `title: Story ${i}`));
    }
  });

  after(async () => {
    for (const c of clients) await c.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the scan: a request sent right after `initialized` gets the whole bank', async function () {
    this.timeout(60_000);
    const client = await TestClient.start({ folders: [dir], initializationOptions: { bankWaitMs: 50_000 } });
    clients.push(client);
    const r = await client.request<BankResult>('starlint/bank', {});
    assert.equal(r.stories.length, STORIES);
    assert.equal(r.partial, undefined);
  });

  it('follows a scan superseded by a newer one (a settings change at start-up) to its end', async function () {
    this.timeout(60_000);
    const client = await TestClient.start({ folders: [dir], initializationOptions: { bankWaitMs: 50_000 } });
    clients.push(client);
    // Editors push settings right after start-up; the server then scans again from the start.
    await client.notify('workspace/didChangeConfiguration', { settings: { starlint: { wordsPerMinute: 140 } } });
    const r = await client.request<BankResult>('starlint/bank', {});
    assert.equal(r.stories.length, STORIES);
    assert.equal(r.partial, undefined);
    assert.equal(r.stories[0].seconds, Math.round((r.stories[0].words / 140) * 60), 'the new settings apply');
  });

  it('answers with partial set when its wait runs out, and announces the complete bank', async function () {
    this.timeout(60_000);
    const client = await TestClient.start({ folders: [dir], initializationOptions: { bankWaitMs: 0 } });
    clients.push(client);
    const r = await client.request<BankResult>('starlint/bank', {});
    assert.match(r.partial ?? '', /^the workspace scan is still running \(\d+ story files? indexed so far\)$/);
    assert.ok(r.stories.length < STORIES);
    // The end of the scan is announced; the bank asked for again then is complete.
    await until(() => client.bankChanges.length > 0, 50_000, 'starlint/bankChanged');
    const complete = await until(
      async () => {
        const again = await client.request<BankResult>('starlint/bank', {});
        return again.partial ? undefined : again;
      },
      50_000,
      'a complete bank',
    );
    assert.equal(complete.stories.length, STORIES);
  });
});
