// Configuration over the protocol: `starlint` settings from the editor merge UNDER the
// workspace's `.starlintrc.json`; both are re-read on change; a broken rc file is reported on
// itself while linting goes on with the settings and the defaults.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES, TestClient, ensureBuilt, fileUri } from './helpers/client';

const story = readFileSync(path.join(FIXTURES, 'headings.md'), 'utf8');
const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

describe('lsp: configuration', function () {
  let dir: string;
  let client: TestClient;
  const rcPath = (): string => path.join(dir, '.starlintrc.json');
  const storyUri = (): string => fileUri(path.join(dir, 'story.md'));
  const rcUri = (): string => fileUri(rcPath());

  /** The next diagnostics published for `uri` after this call. */
  function nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    const seen = client.diagnostics.get(uri)?.length ?? 0;
    return client.waitForDiagnostics(uri, (p) => client.diagnostics.get(uri)!.indexOf(p) >= seen).then((p) => p.diagnostics);
  }

  async function rcEvent(type: number): Promise<void> {
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri(), type }] });
  }

  beforeEach(async function () {
    this.timeout(60_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-config-'));
    writeFileSync(path.join(dir, 'story.md'), story);
  });

  afterEach(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the editor settings when there is no .starlintrc.json', async () => {
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0, rules: { 'first-person': 'error' } } });
    await client.open(storyUri(), story);
    const { diagnostics } = await client.diagnosticsAt(storyUri(), 1);
    const we = diagnostics.filter((d) => d.code === 'first-person');
    assert.equal(we.length, 4);
    assert.ok(we.every((d) => d.severity === DiagnosticSeverity.Error));
    assert.ok(client.configurationRequests > 0, 'settings are pulled with workspace/configuration');
  });

  it('lets .starlintrc.json win over the settings, key by key', async () => {
    writeFileSync(rcPath(), JSON.stringify({ rules: { 'first-person': 'hint' }, wordsPerMinute: 100 }));
    client = await TestClient.start({
      folders: [dir],
      settings: { debounceMs: 0, rules: { 'first-person': 'error', 'section-balance': 'off' }, wordsPerMinute: 200 },
    });
    await client.open(storyUri(), story);
    const { diagnostics } = await client.diagnosticsAt(storyUri(), 1);
    assert.ok(
      diagnostics.filter((d) => d.code === 'first-person').every((d) => d.severity === DiagnosticSeverity.Hint),
      'the rc severity wins',
    );
    assert.ok(!diagnostics.some((d) => d.code === 'section-balance'), 'a setting the rc file does not mention still applies');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: storyUri() }, position: { line: 18, character: 4 } });
    assert.match((h.contents as MarkupContent).value, /spoken at 100 wpm/);
  });

  it('re-reads the settings on didChangeConfiguration', async () => {
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
    await client.open(storyUri(), story);
    const first = await client.diagnosticsAt(storyUri(), 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'first-person'));
    client.settings = { debounceMs: 0, rules: { 'first-person': 'off' } };
    const next = nextDiagnostics(storyUri());
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!(await next).some((d) => d.code === 'first-person'));
  });

  it('follows .starlintrc.json being created, changed and deleted', async () => {
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
    await client.open(storyUri(), story);
    await client.diagnosticsAt(storyUri(), 1);

    writeFileSync(rcPath(), JSON.stringify({ rules: { 'first-person': 'off' } }));
    let next = nextDiagnostics(storyUri());
    await rcEvent(CREATED);
    assert.ok(!(await next).some((d) => d.code === 'first-person'));

    writeFileSync(rcPath(), JSON.stringify({ rules: { 'first-person': 'error' } }));
    next = nextDiagnostics(storyUri());
    await rcEvent(CHANGED);
    assert.ok((await next).filter((d) => d.code === 'first-person').every((d) => d.severity === DiagnosticSeverity.Error));

    unlinkSync(rcPath());
    next = nextDiagnostics(storyUri());
    await rcEvent(DELETED);
    assert.ok((await next).filter((d) => d.code === 'first-person').every((d) => d.severity === DiagnosticSeverity.Warning));
  });

  it('reports a broken .starlintrc.json on the file itself, even when it is not open, and keeps linting with the settings', async () => {
    writeFileSync(rcPath(), '{\n  "rules": {\n    "first-person": "off",\n  \n');
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0, rules: { hedging: 'off', 'first-person': 'error' } } });
    const broken = await client.waitForDiagnostics(rcUri(), (p) => p.diagnostics.length > 0);
    assert.match(broken.diagnostics[0].message, /Invalid JSON/);
    assert.equal(broken.diagnostics[0].source, 'starlint');
    await client.open(storyUri(), story);
    const { diagnostics } = await client.diagnosticsAt(storyUri(), 1);
    assert.ok(
      diagnostics.filter((d) => d.code === 'first-person').every((d) => d.severity === DiagnosticSeverity.Error),
      'the settings apply',
    );
    // Fixing the file clears its diagnostics and applies it.
    writeFileSync(rcPath(), '{ "rules": { "first-person": "off" } }');
    const cleared = client.waitForDiagnostics(rcUri(), (p) => p.diagnostics.length === 0);
    const next = nextDiagnostics(storyUri());
    await rcEvent(CHANGED);
    await cleared;
    assert.ok(!(await next).some((d) => d.code === 'first-person'));
  });

  it('reports schema problems in an open .starlintrc.json at the offending setting, live as it is edited', async () => {
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
    const text = '{\n  "rules": { "first-persn": "off" },\n  "wordsPerMinute": 1000\n}\n';
    await client.open(rcUri(), text, 'json');
    const { diagnostics } = await client.diagnosticsAt(rcUri(), 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message.slice(0, 30)]),
      [
        [1, 13, 33, 'Unknown rule "first-persn". Di'],
        [2, 2, 24, '"wordsPerMinute" must be a num'],
      ],
    );
    // The open, unsaved text is the configuration: fixing the rule id applies it at once.
    await client.open(storyUri(), story);
    await client.diagnosticsAt(storyUri(), 1);
    const next = nextDiagnostics(storyUri());
    const v = await client.change(rcUri(), [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 26 } }, text: '"first-person"' }]);
    const fixed = await client.diagnosticsAt(rcUri(), v);
    assert.equal(fixed.diagnostics.length, 1);
    assert.ok(!(await next).some((d) => d.code === 'first-person'));
  });

  it('uses each folder’s own settings (per resource) and its own story globs', async () => {
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, '.starlintrc.json'), JSON.stringify({ stories: ['stories/**/*.md'] }));
    writeFileSync(path.join(other, 'story.md'), story);
    client = await TestClient.start({
      folders: [path.join(dir, 'a'), other],
      settings: (scope) => (scope === fileUri(other) ? { debounceMs: 0 } : { debounceMs: 0, rules: { 'first-person': 'off' } }),
    });
    mkdirSync(path.join(dir, 'a'));
    const inA = fileUri(path.join(dir, 'a', 'story.md'));
    await client.open(inA, story);
    assert.ok(!(await client.diagnosticsAt(inA, 1)).diagnostics.some((d) => d.code === 'first-person'));
    // In the other folder, story.md is outside the `stories` globs: not a story file at all.
    const inOther = fileUri(path.join(other, 'story.md'));
    await client.open(inOther, story);
    assert.deepEqual((await client.diagnosticsAt(inOther, 1)).diagnostics, []);
    const inStories = fileUri(path.join(other, 'stories', 'x.md'));
    await client.open(inStories, story);
    assert.ok((await client.diagnosticsAt(inStories, 1)).diagnostics.some((d) => d.code === 'first-person'));
  });

  it("a nested .starlintrc.json's globs are relative to its own folder, in the scan and for open files (as on the command line)", async () => {
    const rc = path.join(dir, 'rc');
    mkdirSync(path.join(rc, 'stories'), { recursive: true });
    writeFileSync(path.join(rc, '.starlintrc.json'), JSON.stringify({ stories: ['stories/**/*.md'] }));
    writeFileSync(path.join(rc, 'notes.md'), story);
    writeFileSync(path.join(rc, 'stories', 'x.md'), story);
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
    const bank = await client.request<{ stories: { uri: string }[] }>('starlint/bank', {});
    assert.deepEqual(bank.stories.map((s) => path.relative(dir, new URL(s.uri).pathname)).sort(), ['rc/stories/x.md', 'story.md']);
    await client.open(fileUri(path.join(rc, 'notes.md')), story);
    assert.deepEqual((await client.diagnosticsAt(fileUri(path.join(rc, 'notes.md')), 1)).diagnostics, [], "rc/notes.md is outside rc/'s stories");
  });

  it('can switch diagnostics off with the `enable` setting', async () => {
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0, enable: false } });
    await client.open(storyUri(), story);
    assert.deepEqual((await client.diagnosticsAt(storyUri(), 1)).diagnostics, []);
  });
});
