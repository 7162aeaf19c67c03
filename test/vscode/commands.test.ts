import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, starlint, starlintDiagnostics, until } from './helpers';

const XSS = '<img src=x onerror=alert(1)>';

describe('commands', function () {
  this.timeout(60_000);
  let tmp: string;
  before(async () => {
    await starlint();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-e2e-stories-'));
  });
  afterEach(() => closeAllWithoutSaving());
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('starlint.showCoverage opens the heat-map webview with a real table and a strict CSP', async () => {
    const api = await starlint();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('starlint.showCoverage');
    assert.ok(panel, 'no panel returned');
    try {
      assert.equal(panel.viewType, 'starlint.coverageMatrix');
      const html = panel.webview.html;
      assert.match(
        html,
        /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src [^"]+ &#39;nonce-[^"]+&#39;; script-src &#39;nonce-/,
      );
      assert.match(html, /<th scope="col" class="theme uncovered"/);
      assert.equal((html.match(/<th scope="row" class="story"/g) ?? []).length, api.bank.report!.stories.length);
      assert.ok(!/https?:\/\//.test(html.replace(/<meta[^>]*>/g, '')), 'no remote content');
    } finally {
      panel.dispose();
    }
  });

  it('starlint.newStory writes a story from a template with front matter, and the bank picks it up', async () => {
    const api = await starlint();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starlint.newStory', {
      template: 'failure',
      title: 'Missed the launch date',
      category: 'failure',
      folder: tmp,
    });
    assert.ok(uri, 'no file created');
    assert.equal(path.basename(uri.fsPath), 'missed-the-launch-date.md');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(
      text,
      /^---\ntitle: Missed the launch date\ncategory: failure\nquestions: \[failure\]\ndate: \d{4}-\d{2}\npracticed: \[\]\n---\n\n# Missed the launch date\n\n## Situation\n/,
    );
    for (const s of ['Situation', 'Task', 'Action', 'Result']) assert.match(text, new RegExp(`^## ${s}$`, 'm'));
    assert.ok(!/\$\{?\d/.test(text), 'no snippet placeholders left');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new story is open');
    await until(() => api.bank.report?.stories.some((s) => s.title === 'Missed the launch date'), 'the new story in the bank');
    // A second story with the same title does not overwrite the first.
    const again = await vscode.commands.executeCommand<vscode.Uri>('starlint.newStory', {
      template: 'basic',
      title: 'Missed the launch date',
      category: '',
      folder: tmp,
      open: false,
    });
    assert.equal(path.basename(again.fsPath), 'missed-the-launch-date-2.md');
    assert.ok(!/^category:/m.test(fs.readFileSync(again.fsPath, 'utf8')));
  });

  it('escapes story titles in the heat-map: an <img onerror> title renders as text', async () => {
    const api = await starlint();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starlint.newStory', { template: 'basic', title: XSS, category: 'project', folder: tmp });
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /^title: "<img src=x onerror=alert\(1\)>"$/m);
    await until(() => api.bank.report?.stories.some((s) => s.title === XSS), 'the <img> story in the bank');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('starlint.showCoverage');
    try {
      const html = await until(() => panel.webview.html.includes('&lt;img') && panel.webview.html, 'the escaped title in the heat-map');
      assert.ok(html.includes('<span class="title">&lt;img src=x onerror=alert(1)&gt;</span>'));
      assert.ok(!html.includes('<img'), 'no raw <img> tag');
    } finally {
      panel.dispose();
    }
  });

  it('starlint.lintAll has the server publish problems for every story file, without opening them', async () => {
    const opened = () => new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const before = opened();
    const report = await vscode.commands.executeCommand<{ stories: { uri: string; problems: Record<string, number> }[] }>('starlint.lintAll');
    assert.ok(report && report.stories.length >= 8);
    const withProblems = report.stories.filter((s) => Object.values(s.problems).some((n) => n > 0));
    for (const s of withProblems) {
      const uri = vscode.Uri.parse(s.uri);
      await until(() => starlintDiagnostics(uri).length > 0, `diagnostics in the Problems panel for ${path.basename(uri.path)}`);
    }
    const after = opened();
    assert.deepEqual(
      report.stories.map((s) => vscode.Uri.parse(s.uri).toString()).filter((u) => after.has(u) && !before.has(u)),
      [],
      'no story file was opened',
    );
  });

  it('starlint.newStory refuses a bankFolder setting outside the workspace and writes nothing', async () => {
    await starlint();
    const config = vscode.workspace.getConfiguration('starlint');
    const previous = config.inspect<string>('bankFolder')?.globalValue;
    const outside = fs.mkdtempSync(path.join(tmp, 'outside-'));
    try {
      await config.update('bankFolder', outside, vscode.ConfigurationTarget.Global);
      await until(() => vscode.workspace.getConfiguration('starlint').get('bankFolder') === outside, 'the setting applied');
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('starlint.newStory', {
        template: 'basic',
        title: 'Written elsewhere',
        category: '',
      });
      assert.equal(uri, undefined);
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing was written outside the workspace');
    } finally {
      await config.update('bankFolder', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it('starlint.setUpBank sets up a folder as `starlint init` does, never overwriting, and the welcome view offers it', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'setup-'));
    type Result = { created: { path: string; text: string }[]; skipped: { file: { path: string }; reason: string }[]; refused: unknown[] };
    // open: false keeps the example story (no category yet) out of the bank the views tests count.
    const first = await vscode.commands.executeCommand<Result>('starlint.setUpBank', {
      folder: dir,
      company: 'amazon',
      ci: ['github', 'pre-commit'],
      open: false,
    });
    assert.deepEqual(first.created.map((f) => f.path).sort(), [
      '.github/workflows/starlint.yml',
      '.pre-commit-config.yaml',
      '.starlintrc.json',
      'stories/my-first-story.md',
    ]);
    for (const f of first.created) assert.equal(fs.readFileSync(path.join(dir, f.path), 'utf8'), f.text, f.path);
    assert.match(fs.readFileSync(path.join(dir, '.starlintrc.json'), 'utf8'), /"targetCompany": "amazon"/);

    fs.writeFileSync(path.join(dir, '.starlintrc.json'), '{}\n');
    const again = await vscode.commands.executeCommand<Result>('starlint.setUpBank', { folder: dir, company: 'google', ci: [], open: false });
    assert.deepEqual(again.created, []);
    assert.deepEqual(
      again.skipped.map((s) => s.file.path),
      ['stories/my-first-story.md', '.starlintrc.json'],
    );
    assert.equal(fs.readFileSync(path.join(dir, '.starlintrc.json'), 'utf8'), '{}\n', 'not overwritten');

    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-e2e-outside-'));
    try {
      const linked = fs.mkdtempSync(path.join(tmp, 'linked-'));
      fs.symlinkSync(outside, path.join(linked, 'stories'));
      const refused = await vscode.commands.executeCommand<Result>('starlint.setUpBank', { folder: linked, company: '', ci: [], open: false });
      assert.equal(refused.refused.length, 1);
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing written outside the folder');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }

    const pkg = vscode.extensions.getExtension('starlint.starlint')!.packageJSON as {
      contributes: { viewsWelcome: { view: string; contents: string; when?: string }[] };
    };
    const offer = pkg.contributes.viewsWelcome.find((w) => w.view === 'starlint.bank' && w.contents.includes('command:starlint.setUpBank'));
    assert.ok(offer, 'the Story Bank welcome view offers Set Up Story Bank');
    assert.match(offer.when ?? '', /!starlint\.bankSetUp/, 'once: hidden after it ran in this workspace');
  });

  it('starlint.refreshBank answers with the bank', async () => {
    const report = await vscode.commands.executeCommand<{ stories: unknown[]; coverage: unknown[] }>('starlint.refreshBank');
    assert.ok(report && report.stories.length >= 8 && report.coverage.length >= 10);
  });

  it('starlint.openRuleDocs opens a rule page bundled with the extension', async function () {
    const ext = vscode.extensions.getExtension('starlint.starlint')!;
    if (!fs.existsSync(path.join(ext.extensionPath, 'docs', 'rules', 'first-person.md'))) this.skip(); // docs not generated yet
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starlint.openRuleDocs', 'first-person');
    assert.ok(uri && uri.path.endsWith('/docs/rules/first-person.md'));
    await until(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/i.test(t.input.viewType)),
      'a Markdown preview tab',
    );
  });
});
