// The server's file-system edge: the bounded workspace walk, story candidates, rc lookup, URIs.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../server/src/engine';
import { findConfigFile, isStoryCandidate, walkStoryFiles } from '../../server/src/lsp/files';
import { pathToUri, uriToPath } from '../../server/src/lsp/config';

describe('lsp: files', () => {
  let dir: string;
  const write = (rel: string, text = '# x\n'): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const rel = (files: string[]): string[] => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('walks Markdown files breadth-first, skipping node_modules, hidden and ignored folders', async () => {
    for (const f of ['a.md', 'b.markdown', 'c.txt', 'stories/d.md', 'node_modules/x/e.md', '.git/f.md', '.hidden/i.md', 'drafts/g.md', 'deep/er/h.md'])
      write(f);
    const config = resolveConfig({ ignore: ['drafts/**'] });
    assert.deepEqual(rel((await walkStoryFiles(dir, config)).files), ['a.md', 'b.markdown', 'stories/d.md', 'deep/er/h.md']);
  });

  it('stops at the file limit and says so', async () => {
    for (let i = 0; i < 30; i++) write(`s${String(i).padStart(2, '0')}.md`);
    const walk = await walkStoryFiles(dir, resolveConfig(), { maxFiles: 10 });
    assert.equal(walk.files.length, 10);
    assert.match(walk.truncated!, /stopped at 10 story files/);
  });

  it('skips files larger than maxFileSize', async () => {
    write('small.md', '# small\n');
    write('big.md', 'x'.repeat(5000));
    assert.deepEqual(rel((await walkStoryFiles(dir, resolveConfig({ maxFileSize: 1000 }))).files), ['small.md']);
  });

  it('honours the configured story globs', async () => {
    for (const f of ['README.md', 'stories/a.md', 'stories/deep/b.md']) write(f);
    const config = resolveConfig({ stories: ['stories/**/*.md'] });
    assert.deepEqual(rel((await walkStoryFiles(dir, config)).files), ['stories/a.md', 'stories/deep/b.md']);
    assert.equal(isStoryCandidate(path.join(dir, 'README.md'), config, dir), false);
    assert.equal(isStoryCandidate(path.join(dir, 'stories/a.md'), config, dir), true);
    // A file outside the root is judged by its name.
    assert.equal(isStoryCandidate('/elsewhere/story.md', resolveConfig(), dir), true);
  });

  it('finds the nearest .starlintrc.json, never above the stop folder; an open one counts before it is saved', () => {
    write('.starlintrc.json', '{}');
    write('sub/deeper/x.md');
    assert.equal(findConfigFile(path.join(dir, 'sub/deeper'), dir), path.join(dir, '.starlintrc.json'));
    assert.equal(findConfigFile(path.join(dir, 'sub/deeper'), path.join(dir, 'sub')), undefined);
    const unsaved = path.join(dir, 'sub', '.starlintrc.json');
    assert.equal(findConfigFile(path.join(dir, 'sub/deeper'), dir, [unsaved]), unsaved, 'the deeper file wins');
    assert.equal(findConfigFile(path.join(dir, 'elsewhere'), dir, [unsaved]), path.join(dir, '.starlintrc.json'));
  });

  it('converts paths and file URIs both ways, encoding as VS Code does', () => {
    assert.equal(pathToUri('/tmp/my stories/[draft] #1.md'), 'file:///tmp/my%20stories/%5Bdraft%5D%20%231.md');
    assert.equal(uriToPath('file:///tmp/my%20stories/%5Bdraft%5D%20%231.md'), '/tmp/my stories/[draft] #1.md');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  });
});
