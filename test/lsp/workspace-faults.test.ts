// Workspace faults: a big workspace of which few files are stories, a symlink loop, a dangling
// link, a folder named like a Markdown file, a file that vanishes after the scan. The bank must
// still be exactly the stories, and the scan must end.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BankResult } from '../../shared/protocol';
import { ROOT, TestClient, ensureBuilt, fileUri } from './helpers/client';

const NOTES = 10_000;
const STORIES = 50;

describe('lsp: workspace faults', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;

  before(async function () {
    this.timeout(120_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-faults-'));
    const examples = readdirSync(path.join(ROOT, 'examples/story-bank')).filter((f) => /^\d\d-.*\.md$/.test(f));
    // 10,000 Markdown notes in 100 folders, of which 50 files are stories.
    for (let d = 0; d < 100; d++) {
      const folder = path.join(dir, `notes-${d}`);
      mkdirSync(folder);
      for (let i = 0; i < NOTES / 100; i++) writeFileSync(path.join(folder, `note-${i}.md`), `# Note ${d}.${i}\n\nSome text about the day.\n`);
    }
    for (let i = 0; i < STORIES; i++)
      cpSync(path.join(ROOT, 'examples/story-bank', examples[i % examples.length]), path.join(dir, `notes-${i}`, `story-${i}.md`));
    symlinkSync(dir, path.join(dir, 'notes-0', 'loop'));
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));
    mkdirSync(path.join(dir, 'folder.md'));
    writeFileSync(path.join(dir, 'vanishing.md'), '# V\n\n## Situation\n\nx\n\n## Task\n\nI y\n');
    // A loaded CI machine may scan slowly: let the first bank request wait for the whole scan.
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 }, initializationOptions: { bankWaitMs: 100_000 } });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds exactly the stories among 10,000 notes, through a symlink loop and a dangling link', async () => {
    const r = await client.request<BankResult>('starlint/bank', {});
    const stories = r.stories.map((s) => path.basename(new URL(s.uri).pathname)).filter((n) => n.startsWith('story-'));
    assert.equal(new Set(stories).size, STORIES, 'every story once, none through the loop twice');
    assert.ok(!r.stories.some((s) => s.uri.includes('/loop/')), 'the loop is not followed into a second copy');
  });

  it('drops a file deleted after the scan when the watcher reports it, and keeps answering', async () => {
    const vanishing = path.join(dir, 'vanishing.md');
    unlinkSync(vanishing);
    const changed = client.waitForBankChange((p) => p.uris.includes(fileUri(vanishing)));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(vanishing), type: 3 }] });
    await changed;
    const r = await client.request<BankResult>('starlint/bank', {});
    assert.ok(!r.stories.some((s) => s.uri === fileUri(vanishing)));
    assert.equal(r.stories.filter((s) => path.basename(s.uri).startsWith('story-')).length, STORIES);
  });

  it('treats a change event for a file that no longer exists as a deletion', async () => {
    const ghost = path.join(dir, 'notes-1', 'story-1.md');
    unlinkSync(ghost);
    const changed = client.waitForBankChange((p) => p.uris.includes(fileUri(ghost)));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ghost), type: 2 }] });
    await changed;
    const r = await client.request<BankResult>('starlint/bank', {});
    assert.ok(!r.stories.some((s) => s.uri === fileUri(ghost)));
  });
});
