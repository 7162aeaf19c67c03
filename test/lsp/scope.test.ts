// Workspace diagnostics (`starlint.scope`), over stdio with the real server: in `workspace` scope
// (the default) every story file in the workspace gets its diagnostics at start-up without being
// opened, so the editor's Problems panel agrees with the Story Bank; closed files keep them and
// follow the disk. In `open` scope only open files have diagnostics. Markdown that is not a story
// never gets a publish, not even an empty one.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { BankResult, LintAllResult } from '../../shared/protocol';
import { ROOT, TestClient, ensureBuilt, fileUri, until } from './helpers/client';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const STORIES = [
  '01-cold-start-recommender.md',
  '02-fraud-scoring-latency.md',
  '03-promotion-uplift-with-finance.md',
  '04-dispute-labelling-guidelines.md',
  '05-churn-model-label-break.md',
  '06-search-ranking-ab-loss.md',
  '07-onboarding-junior-engineers.md',
  '08-credit-limit-fairness.md',
];

describe('lsp: workspace diagnostics (starlint.scope)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;
  const uri = (name: string): string => fileUri(path.join(dir, name));
  const latest = (name: string): PublishDiagnosticsParams | undefined => client.diagnostics.get(uri(name))?.at(-1);
  /** The next publish for a file after this call. */
  const next = (name: string): Promise<PublishDiagnosticsParams> => {
    const seen = client.diagnostics.get(uri(name))?.length ?? 0;
    return client.waitForDiagnostics(uri(name), (p) => client.diagnostics.get(uri(name))!.indexOf(p) >= seen);
  };
  /** Waits until the server has scanned and gone quiet: the bank answers and a bank change has been sent. */
  async function settled(): Promise<BankResult> {
    const bank = await client.request<BankResult>('starlint/bank', {});
    await until(() => client.bankChanges.length > 0, 10_000, 'the first bankChanged');
    return bank;
  }

  beforeEach(() => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-scope-'));
    cpSync(path.join(ROOT, 'examples/story-bank'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'notes.md'), '# Meeting notes\n\nWe discussed the roadmap and hiring.\n');
  });

  afterEach(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('workspace scope (the default)', () => {
    beforeEach(async () => {
      client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
    });

    it("publishes every story file's diagnostics at start-up, unopened, and they add up to the bank's problem count", async () => {
      const bank = await settled();
      const withProblems = bank.stories.filter((s) => Object.values(s.problems).some((n) => n > 0));
      assert.ok(withProblems.length >= 3, 'the example bank has stories with problems');
      for (const s of withProblems) await client.waitForDiagnostics(s.uri, (p) => p.diagnostics.length > 0);
      let published = 0;
      let counted = 0;
      for (const s of bank.stories) {
        const p = client.diagnostics.get(s.uri)?.at(-1);
        assert.equal(p?.version, undefined, 'a closed file has no version');
        published += p?.diagnostics.length ?? 0;
        counted += s.problems.error + s.problems.warning + s.problems.info + s.problems.hint;
      }
      assert.equal(published, counted, 'the Problems panel and the Story Bank agree');
      assert.ok(counted > 0);
    });

    it('never publishes for Markdown that is not a story, nor an empty list for a story with no finding', async () => {
      await settled();
      await client.waitForDiagnostics(uri(STORIES[2]), (p) => p.diagnostics.length > 0);
      assert.equal(client.diagnostics.get(uri('README.md')), undefined);
      assert.equal(client.diagnostics.get(uri('notes.md')), undefined);
      assert.equal(client.diagnostics.get(uri('08-credit-limit-fairness.md')), undefined, 'a clean story: nothing to show');
    });

    it("keeps a story's diagnostics when it is closed (from the disk's text), and follows changes on disk", async () => {
      await settled();
      const name = '05-churn-model-label-break.md';
      await client.waitForDiagnostics(uri(name), (p) => p.diagnostics.length > 0);
      const text = readFileSync(path.join(dir, name), 'utf8');
      await client.open(uri(name), text.replace('Result: ', 'Result: We did a lot of stuff. '));
      const open = await client.diagnosticsAt(uri(name), 1);
      assert.ok(
        open.diagnostics.some((d) => d.code === 'vague-language'),
        'the open, unsaved text',
      );
      const closed = next(name);
      await client.close(uri(name));
      const after = await closed;
      assert.equal(after.version, undefined);
      assert.ok(after.diagnostics.length > 0, 'kept');
      assert.ok(!after.diagnostics.some((d) => d.code === 'vague-language'), "the disk's text, not the discarded edit");
      // Changed on disk: published again.
      const changed = next(name);
      writeFileSync(path.join(dir, name), text.replace('Result: ', 'Result: It was a lot of stuff. '));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: CHANGED }] });
      assert.ok((await changed).diagnostics.some((d) => d.code === 'vague-language'));
    });

    it('publishes a story created on disk, clears one that stops being a story or is deleted', async () => {
      await settled();
      const created = next('09-new.md');
      writeFileSync(path.join(dir, '09-new.md'), readFileSync(path.join(ROOT, 'test/fixtures/cli/errors.md'), 'utf8'));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09-new.md'), type: CREATED }] });
      assert.ok((await created).diagnostics.some((d) => d.code === 'missing-section'));
      const stopped = next('09-new.md');
      writeFileSync(path.join(dir, '09-new.md'), '# Just notes\n\nNothing here.\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('09-new.md'), type: CHANGED }] });
      assert.deepEqual((await stopped).diagnostics, []);
      const name = '07-onboarding-junior-engineers.md';
      await client.waitForDiagnostics(uri(name), (p) => p.diagnostics.length > 0);
      const deleted = next(name);
      unlinkSync(path.join(dir, name));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: DELETED }] });
      assert.deepEqual((await deleted).diagnostics, []);
    });

    it('switching the setting to `open` clears the closed files, and back to `workspace` shows them again', async () => {
      await settled();
      const name = '03-promotion-uplift-with-finance.md';
      await client.waitForDiagnostics(uri(name), (p) => p.diagnostics.length > 0);
      const cleared = next(name);
      client.settings = { debounceMs: 0, scope: 'open' };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual((await cleared).diagnostics, []);
      const shown = next(name);
      client.settings = { debounceMs: 0, scope: 'workspace' };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      assert.ok((await shown).diagnostics.length > 0);
    });
  });

  describe('open scope', () => {
    beforeEach(async () => {
      client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0, scope: 'open' } });
    });

    it('publishes nothing for closed files; an open file gets its diagnostics, cleared when it closes', async () => {
      await settled();
      // A document opened and linted proves the server is past its start-up publishing.
      const name = '03-promotion-uplift-with-finance.md';
      await client.open(uri(name), readFileSync(path.join(dir, name), 'utf8'));
      assert.ok((await client.diagnosticsAt(uri(name), 1)).diagnostics.length > 0);
      for (const other of STORIES.filter((n) => n !== name)) assert.equal(client.diagnostics.get(uri(other)), undefined, other);
      const closed = next(name);
      await client.close(uri(name));
      assert.deepEqual((await closed).diagnostics, []);
    });

    it('starlint/lintAll still shows every story file, and those keep their diagnostics while closed', async () => {
      await settled();
      const result = await client.request<LintAllResult>('starlint/lintAll', {});
      assert.equal(result.uris.length, 8);
      const name = '05-churn-model-label-break.md';
      assert.ok(latest(name)!.diagnostics.length > 0);
      await client.open(uri(name), readFileSync(path.join(dir, name), 'utf8'));
      await client.diagnosticsAt(uri(name), 1);
      const closed = next(name);
      await client.close(uri(name));
      assert.ok((await closed).diagnostics.length > 0, 'a linted file keeps them');
    });
  });
});
