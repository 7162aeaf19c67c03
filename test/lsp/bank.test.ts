// The story bank over the protocol: a temporary copy of examples/story-bank is scanned, then
// files are created, changed and deleted (with didChangeWatchedFiles, as an editor reports them).
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { BankResult } from '../../shared/protocol';
import { FIXTURES, ROOT, TestClient, ensureBuilt, fileUri } from './helpers/client';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('lsp: story bank', function () {
  let client: TestClient;
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  const uri = (name: string): string => fileUri(file(name));
  const bank = (folder?: string): Promise<BankResult> => client.request<BankResult>('starlint/bank', folder ? { folder } : {});
  const names = (r: BankResult): string[] => r.stories.map((s) => path.basename(new URL(s.uri).pathname));
  const coverage = (r: BankResult, theme: string): string => r.coverage.find((c) => c.theme === theme)!.status;

  /** Sends the watcher event and waits for the bank to say it changed because of that file. */
  async function fileEvent(name: string, type: number): Promise<void> {
    const changed = client.waitForBankChange((p) => p.uris.includes(uri(name)));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type }] });
    await changed;
  }

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-bank-'));
    cpSync(path.join(ROOT, 'examples/story-bank'), dir, { recursive: true });
    // Things the scan must skip.
    cpSync(path.join(ROOT, 'examples/story-bank/01-cold-start-recommender.md'), path.join(dir, 'node_modules/pkg/story.md'), { recursive: true });
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('watches Markdown files and .starlintrc.json through a dynamic registration', async () => {
    await bank();
    const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(reg?.registerOptions, { watchers: [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/.starlintrc.json' }] });
  });

  it('scans the workspace folder and answers starlint/bank with every story', async () => {
    const r = await bank();
    // Eight stories and the folder's README: nine Markdown files read, eight of them stories.
    assert.equal(r.files, 8);
    assert.equal(r.scanned, 9);
    assert.deepEqual(names(r), [
      '01-cold-start-recommender.md',
      '02-fraud-scoring-latency.md',
      '03-promotion-uplift-with-finance.md',
      '04-dispute-labelling-guidelines.md',
      '05-churn-model-label-break.md',
      '06-search-ranking-ab-loss.md',
      '07-onboarding-junior-engineers.md',
      '08-credit-limit-fairness.md',
    ]);
    assert.equal(r.files, 8, 'README.md is not a story; node_modules is skipped');
    assert.deepEqual(r.folders, [fileUri(dir)]);
    assert.equal(r.today, '2026-11-25');
    assert.ok(r.stories.every((s) => s.uri.startsWith('file:///') && s.score.total >= 0 && s.score.total <= 100));
    assert.equal(coverage(r, 'why-company'), 'uncovered');
    assert.equal(coverage(r, 'leading-without-authority'), 'uncovered');
    assert.deepEqual(r.findings.filter((f) => f.rule === 'uncovered-question').length, 2);
    assert.deepEqual(
      r.composition.map((c) => `${c.category}:${c.count}`),
      ['project:2', 'collaboration:2', 'failure:2', 'leadership:1', 'ethics:1'],
    );
    // The same answer for the one folder by name.
    assert.deepEqual(names(await bank(fileUri(dir))), names(r));
  });

  it('adds a story file created on disk', async () => {
    writeFileSync(file('09-why-company.md'), readFileSync(path.join(FIXTURES, 'why-company.md'), 'utf8'));
    await fileEvent('09-why-company.md', CREATED);
    const r = await bank();
    assert.equal(r.stories.length, 9);
    assert.equal(coverage(r, 'why-company'), 'thin');
    assert.equal(r.composition.find((c) => c.category === 'leadership')!.count, 2);
  });

  it('shows a bank-wide finding (the same headline metric in two stories) as a diagnostic on the story', async () => {
    const r = await bank();
    assert.ok(r.findings.some((f) => f.rule === 'duplicate-metric' && f.uri === uri('09-why-company.md')));
    await client.open(uri('02-fraud-scoring-latency.md'), readFileSync(file('02-fraud-scoring-latency.md'), 'utf8'));
    const { diagnostics } = await client.diagnosticsAt(uri('02-fraud-scoring-latency.md'), 1);
    const dup = diagnostics.find((d) => d.code === 'duplicate-metric');
    assert.ok(dup, `duplicate-metric expected in ${diagnostics.map((d) => d.code)}`);
    assert.match(dup.message, /Why I want to build evaluation tooling here/);
    assert.equal(dup.source, 'starlint');
  });

  it('updates an open story when another file changes the bank (the duplicate goes away)', async () => {
    const target = uri('02-fraud-scoring-latency.md');
    const before = client.diagnostics.get(target)!.length;
    writeFileSync(file('09-why-company.md'), readFileSync(file('09-why-company.md'), 'utf8').replace('from 180 ms to 95 ms', 'from 240 ms to 90 ms'));
    await fileEvent('09-why-company.md', CHANGED);
    const p = await client.waitForDiagnostics(target, (x) => client.diagnostics.get(target)!.indexOf(x) >= before);
    assert.ok(!p.diagnostics.some((d: Diagnostic) => d.code === 'duplicate-metric'));
  });

  it('lets an open document override the file on disk until it closes', async () => {
    const target = uri('02-fraud-scoring-latency.md');
    const text = client.text(target).replace(/^category: project$/m, 'category: ethics');
    const changed = client.waitForBankChange((p) => p.uris.includes(target));
    const v2 = await client.change(target, [{ text }]);
    await client.diagnosticsAt(target, v2);
    await changed;
    let r = await bank();
    assert.equal(r.stories.find((s) => s.uri === target)!.category, 'ethics');
    const closed = client.waitForBankChange((p) => p.uris.includes(target));
    await client.close(target);
    await closed;
    r = await bank();
    assert.equal(r.stories.find((s) => s.uri === target)!.category, 'project', 'the disk version is back');
  });

  it('drops a story file deleted on disk', async () => {
    unlinkSync(file('09-why-company.md'));
    await fileEvent('09-why-company.md', DELETED);
    const r = await bank();
    assert.equal(r.stories.length, 8);
    assert.equal(coverage(r, 'why-company'), 'uncovered');
  });

  it('drops a file that stops being a story, and picks up one that becomes a story', async () => {
    // Sections that tell a first-person account make a story (SPEC §2); "A." and "B." would be a template.
    writeFileSync(
      file('README.md'),
      readFileSync(file('README.md'), 'utf8') + '\n## Situation\n\nChurn rose and I was asked to fix it.\n\n## Task\n\nI owned the model.\n',
    );
    await fileEvent('README.md', CHANGED);
    assert.equal((await bank()).stories.length, 9);
    writeFileSync(file('README.md'), '# Example story bank\n\nNothing here.\n');
    await fileEvent('README.md', CHANGED);
    assert.equal((await bank()).stories.length, 8);
  });

  it('lets an inline comment switch a bank-wide finding off, in the editor and in the bank', async () => {
    const story = readFileSync(path.join(FIXTURES, 'why-company.md'), 'utf8').replace(
      'Evaluation latency fell from 180 ms to 95 ms per batch',
      'Agreement rose from 71% to 92% per batch',
    );
    writeFileSync(file('10-dup.md'), story);
    await fileEvent('10-dup.md', CREATED);
    let r = await bank();
    assert.ok(
      r.findings.some((f) => f.rule === 'duplicate-metric' && f.uri === uri('10-dup.md')),
      'the duplicate is found',
    );
    const disabled = story.replace('\n# Why', '\n<!-- starlint-disable-file duplicate-metric -->\n\n# Why');
    await client.open(uri('10-dup.md'), disabled);
    const { diagnostics } = await client.diagnosticsAt(uri('10-dup.md'), 1);
    assert.ok(!diagnostics.some((d) => d.code === 'duplicate-metric'));
    r = await bank();
    assert.ok(!r.findings.some((f) => f.rule === 'duplicate-metric' && f.uri === uri('10-dup.md')), 'off in the bank for that file');
    assert.ok(
      r.findings.some((f) => f.rule === 'duplicate-metric' && f.uri === uri('04-dispute-labelling-guidelines.md')),
      'still on for the other story',
    );
    await client.close(uri('10-dup.md'));
  });

  it('rejects a bank request for a folder that is not in the workspace', async () => {
    await assert.rejects(bank('file:///not/a/workspace'), /Not a workspace folder/);
  });

  it('tells a workspace with Markdown but no story (scanned > 0, no story) from an empty one', async () => {
    const notes = mkdtempSync(path.join(os.tmpdir(), 'starlint-notes-'));
    const empty = mkdtempSync(path.join(os.tmpdir(), 'starlint-empty-'));
    writeFileSync(path.join(notes, 'meeting.md'), '# Meeting notes\n\nWe discussed the roadmap.\n');
    writeFileSync(path.join(notes, 'todo.md'), '# To do\n\n- hire\n');
    const other = await TestClient.start({ folders: [notes, empty], settings: { debounceMs: 0 } });
    try {
      const all = await other.request<BankResult>('starlint/bank', {});
      assert.deepEqual([all.stories.length, all.files, all.scanned], [0, 0, 2]);
      const none = await other.request<BankResult>('starlint/bank', { folder: fileUri(empty) });
      assert.deepEqual([none.files, none.scanned], [0, 0]);
    } finally {
      await other.stop();
      rmSync(notes, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
