// Coaching a whole interview loop, over the protocol: recording practice sessions (the server
// edits the YAML through `workspace/applyEdit`), inserting the unanswered follow-ups, the depth
// layers in the title hover, and the cue cards.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { BankResult, CardsResult, MarkPracticedResult } from '../../shared/protocol';
import { CAPABILITIES, ROOT, TestClient, editsOf, ensureBuilt, fileUri } from './helpers/client';

describe('lsp: practice, follow-ups, depth layers and cue cards', function () {
  let client: TestClient;
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  const uri = (name: string): string => fileUri(file(name));
  const markPracticed = (...args: unknown[]): Promise<MarkPracticedResult> =>
    client.request('workspace/executeCommand', { command: 'starlint.markPracticed', arguments: args });

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-coaching-'));
    cpSync(path.join(ROOT, 'examples/story-bank'), dir, { recursive: true });
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('starlint.markPracticed', () => {
    it('is offered as a command', () => {
      assert.deepEqual(client.initializeResult.capabilities.executeCommandProvider?.commands, ['starlint.markPracticed']);
    });

    it('appends the date to an open story’s practiced list through workspace/applyEdit, versioned, and changes nothing else', async () => {
      const name = '07-onboarding-junior-engineers.md';
      const original = readFileSync(file(name), 'utf8');
      await client.open(uri(name), original);
      await client.diagnosticsAt(uri(name), 1);
      const result = await markPracticed({ uri: uri(name), story: 0, date: '2026-11-25' });
      assert.equal(result.applied, true, result.reason);
      assert.equal(result.date, '2026-11-25');
      assert.deepEqual(result.practice.practiced, ['2026-11-02', '2026-11-25']);
      assert.equal(result.practice.next, '2026-11-09', 'the day-7 checkpoint comes next');
      const request = client.applyEditRequests.at(-1)!;
      assert.match(request.label ?? '', /practiced "Onboarding three junior ML engineers" on 2026-11-25/);
      assert.deepEqual(
        editsOf(request.edit).map((e) => [e.uri, e.version]),
        [[uri(name), 1]],
      );
      assert.equal(client.text(uri(name)), original.replace('practiced: [2026-11-02]', 'practiced: [2026-11-02, 2026-11-25]'));
      // The server lints the edited text and the bank follows.
      await client.diagnosticsAt(uri(name), 2);
      const bank = await client.request<BankResult>('starlint/bank', {});
      assert.deepEqual(bank.stories.find((s) => s.uri === uri(name))!.practice.practiced, ['2026-11-02', '2026-11-25']);
    });

    it('applies nothing when the date is logged already', async () => {
      const before = client.applyEditRequests.length;
      const result = await markPracticed({ uri: uri('07-onboarding-junior-engineers.md'), story: 0, date: '2026-11-25' });
      assert.equal(result.applied, false);
      assert.match(result.reason ?? '', /already practiced on 2026-11-25/);
      assert.equal(client.applyEditRequests.length, before);
      await client.close(uri('07-onboarding-junior-engineers.md'));
    });

    it('edits a closed file’s block list, comments and quoting kept byte for byte, with today as the default date', async () => {
      const name = 'block-list.md';
      const yaml =
        '---\r\ntitle: "Shipping: the hard way"   # quoted, with a comment\r\ncategory: failure\r\npracticed:\r\n  - 2026-11-20   # first run-through\r\nquestions: [failure]\r\n---\r\n';
      const original = `${yaml}\r\n# Shipping\r\n\r\n## Situation\r\n\r\nI joined late.\r\n\r\n## Task\r\n\r\nI owned it.\r\n`;
      writeFileSync(file(name), original);
      // The editor applies the edit to the file on disk (the file is not open).
      client.onApplyEdit = ({ edit }) => {
        for (const e of editsOf(edit)) {
          assert.equal(e.version, null, 'a closed file has no version');
          const doc = TextDocument.create(e.uri, 'markdown', 0, readFileSync(new URL(e.uri), 'utf8'));
          writeFileSync(new URL(e.uri), TextDocument.applyEdits(doc, e.edits));
        }
        return { applied: true };
      };
      try {
        const result = await markPracticed(uri(name), 0);
        assert.equal(result.applied, true, result.reason);
        assert.equal(result.date, '2026-11-25', "the server's today");
      } finally {
        client.onApplyEdit = (p) => client.applyToOpenDocuments(p.edit);
      }
      assert.equal(
        readFileSync(file(name), 'utf8'),
        original.replace('  - 2026-11-20   # first run-through\r\n', '  - 2026-11-20   # first run-through\r\n  - 2026-11-25\r\n'),
      );
    });

    it('adds the key to front matter that has none, and to a story with no metadata at all', async () => {
      const withMeta = '---\ncategory: project\n---\n\n# A\n\n## Situation\n\nS.\n\n## Task\n\nT.\n';
      // A story by its prose (SPEC §2): a first-person account, with no metadata at all.
      const bare = '# B\n\n## Situation\n\nChurn rose and I was asked to fix it.\n\n## Task\n\nI owned the model.\n';
      for (const [name, text, expected] of [
        ['meta.md', withMeta, withMeta.replace('category: project\n', 'category: project\npracticed: [2026-11-25]\n')],
        ['bare.md', bare, `---\npracticed: [2026-11-25]\n---\n\n${bare}`],
      ]) {
        await client.open(uri(name), text);
        await client.diagnosticsAt(uri(name), 1);
        const result = await markPracticed({ uri: uri(name), story: 0, date: '2026-11-25' });
        assert.equal(result.applied, true, result.reason);
        assert.equal(client.text(uri(name)), expected, name);
        await client.close(uri(name));
      }
    });

    it('rejects a story index or a date that does not exist', async () => {
      await assert.rejects(markPracticed({ uri: uri('02-fraud-scoring-latency.md'), story: 5 }), /no story 5/);
      await assert.rejects(markPracticed({ uri: uri('02-fraud-scoring-latency.md'), story: 0, date: '2026-02-30' }), /YYYY-MM-DD/);
      await assert.rejects(markPracticed({ story: 0 }), /URI/);
    });

    it('hands the edit back to a client that cannot apply edits sent by the server', async () => {
      const capabilities = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, applyEdit: false, workspaceEdit: {} } };
      const plain = await TestClient.start({ folders: [dir], capabilities, initializationOptions: { scanWorkspace: false } });
      try {
        const result = await plain.request<MarkPracticedResult>('workspace/executeCommand', {
          command: 'starlint.markPracticed',
          arguments: [{ uri: uri('05-churn-model-label-break.md'), story: 0, date: '2026-11-25' }],
        });
        assert.equal(result.applied, false);
        assert.equal(plain.applyEditRequests.length, 0);
        const edits = result.edit!.changes![uri('05-churn-model-label-break.md')];
        assert.equal(edits.length, 1);
        assert.equal(edits[0].newText, 'practiced: [2026-11-25]\n');
      } finally {
        await plain.stop();
      }
    });
  });

  describe('inserting the unanswered follow-ups', () => {
    async function fix(name: string, text: string): Promise<{ u: string; after: string; diagnostics: Diagnostic[]; action: CodeAction }> {
      const u = uri(name);
      await client.open(u, text);
      const { diagnostics } = await client.diagnosticsAt(u, 1);
      const d = diagnostics.find((x) => x.code === 'follow-up-prep');
      assert.ok(d, `follow-up-prep expected in ${diagnostics.map((x) => x.code)}`);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: u },
        range: d.range,
        context: { diagnostics: [d] },
      });
      const action = actions.find((a) => a.title.startsWith('Insert the unanswered follow-ups'));
      assert.ok(action, `no insert action in ${actions.map((a) => a.title)}`);
      const v = await client.applyWorkspaceEdit(action.edit!);
      return { u, after: client.text(u), diagnostics: (await client.diagnosticsAt(u, v)).diagnostics, action };
    }

    it('appends the missing questions to the list; the rule fires until they are answered, then stops', async () => {
      const original = readFileSync(file('01-cold-start-recommender.md'), 'utf8');
      const { u, after, diagnostics, action } = await fix('01-cold-start-recommender.md', original);
      assert.equal(action.title, 'Insert the unanswered follow-ups (2)');
      assert.equal(after, `${original.trimEnd()}\n- **What were the biggest risks?** …\n- **What happened after shipping / what if it had failed?** …\n`);
      const still = diagnostics.find((d) => d.code === 'follow-up-prep');
      assert.match(still!.message, /^Follow-ups answers 4 of 6: prepare "What were the biggest risks\?" and "What happened after shipping/);
      assert.ok(!diagnostics.some((d) => d.severity === 1), 'no new error');
      // The document still parses into the same story and sections.
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
      assert.deepEqual(
        symbols[0].children!.map((s) => s.name),
        ['Summary', 'Situation', 'Task', 'Action', 'Result', 'Follow-ups'],
      );
      // Writing the answers in place of the ellipses silences the rule.
      const answered = after
        .replace('risks?** …', 'risks?** Brand exposure for merchandising partners; I capped the blend weight.')
        .replace('failed?** …', 'failed?** Two other teams adopted the hand-over pattern within a quarter.');
      const v = await client.change(u, [{ text: answered }]);
      const { diagnostics: done } = await client.diagnosticsAt(u, v);
      assert.ok(!done.some((d) => d.code === 'follow-up-prep'), done.map((d) => d.message).join('\n'));
      await client.close(u);
    });

    it('continues a numbered list, inserts a list under an empty heading, and paragraphs among paragraphs', async () => {
      const base = '# Story\n\n## Situation\n\nS.\n\n## Task\n\nI owned it.\n\n## Follow-ups\n\n';
      const numbered = `${base}1. **Why this approach?** Trees gave analysts explanations they could act on.\n2. **What would you do differently?** I would involve the analysts a week earlier.\n`;
      let r = await fix('numbered.md', numbered);
      assert.ok(
        r.after.startsWith(`${numbered.trimEnd()}\n3. **How did you get buy-in / how did the team react?** …\n4. **What were the biggest risks?** …\n`),
        r.after,
      );
      assert.match(r.diagnostics.find((d) => d.code === 'follow-up-prep')!.message, /answers 2 of 6/);
      await client.close(r.u);

      const empty = `${base}## Notes\n\nBring the slides.\n`;
      r = await fix('empty.md', empty);
      assert.ok(r.after.startsWith(`${base}- **Why that approach, and not the alternatives?** …\n`), r.after);
      assert.ok(r.after.endsWith('- **What happened after shipping / what if it had failed?** …\n\n## Notes\n\nBring the slides.\n'), r.after);
      await client.close(r.u);

      const paragraphs = `${base}**Why this approach?** Trees gave analysts explanations they could act on.\n`;
      r = await fix('paragraphs.md', paragraphs);
      assert.ok(r.after.startsWith(`${paragraphs.trimEnd()}\n\n**What would you do differently?** …\n\n**How did you get buy-in`), r.after);
      assert.match(r.diagnostics.find((d) => d.code === 'follow-up-prep')!.message, /answers 1 of 6/, 'the paragraph answer still counts');
      await client.close(r.u);
    });
  });

  describe('depth layers', () => {
    const hoverAt = async (u: string, line: number): Promise<string> => {
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line, character: 3 } });
      return (h!.contents as MarkupContent).value;
    };

    it('shows Summary, standard STAR and Deep dive side by side on the title and on the layer headings', async () => {
      const text = readFileSync(file('06-search-ranking-ab-loss.md'), 'utf8');
      const deep = `${text.trimEnd()}\n\n## Deep dive\n\n${'I compared three ranking objectives on a held-out week before the test. '.repeat(20).trim()}\n`;
      const u = uri('06-search-ranking-ab-loss.md');
      await client.open(u, deep);
      await client.diagnosticsAt(u, 1);
      const bank = await client.request<BankResult>('starlint/bank', {});
      const story = bank.stories.find((s) => s.uri === u)!;
      const lines = deep.split('\n');
      const title = lines.findIndex((l) => l.startsWith('# '));
      const value = await hoverAt(u, title);
      assert.match(value, /Strength \d+\/100/, 'the rubric is still there');
      const table = value.slice(value.indexOf('**Depth layers**'));
      const rows = table.split('\n').slice(2);
      assert.equal(rows[0], '| | Summary | Standard STAR | Deep dive |');
      const words = rows[2]
        .split('|')
        .map((c) => c.trim())
        .slice(2, 5);
      assert.equal(words[1], String(story.words), 'the STAR words are the bank’s');
      assert.equal(words[2], '240');
      assert.match(rows[3], /^\| spoken \| \d:\d\d \| \d:\d\d \| 1:36 \|$/);
      assert.match(rows[4], /^\| target \| 75–150 · (✓|\d+ (short|over)) \| 300–400 · (✓|\d+ (short|over)) \| 600–750 · 360 short \|$/);
      for (const heading of ['## Summary', '## Deep dive']) {
        const at = await hoverAt(u, lines.indexOf(heading));
        assert.match(at, new RegExp(`^\\*\\*${heading.slice(3)}\\*\\* · \\d+ words`));
        assert.ok(at.includes('| | Summary | Standard STAR | Deep dive |'), heading);
      }
      // A STAR heading's hover stays about its section.
      assert.ok(!(await hoverAt(u, lines.indexOf('## Action'))).includes('Depth layers'));
      await client.close(u);
    });

    it('marks a layer the story does not have yet', async () => {
      const u = uri('no-layers.md');
      await client.open(u, '# Plain\n\n## Situation\n\nI joined.\n\n## Task\n\nI owned it.\n');
      await client.diagnosticsAt(u, 1);
      const value = await hoverAt(u, 0);
      assert.ok(value.includes('| words | — | 5 | — |'), value);
      assert.ok(value.includes('| target | 75–150 · none yet | 300–400 · 295 short | 600–750 · none yet |'), value);
      await client.close(u);
    });
  });

  describe('starlint/cards', () => {
    it('renders one printable card per story, as the CLI does', async () => {
      // Earlier tests in this file change story files; poll until the bank has settled, so both
      // requests see the same set of stories.
      let bank = await client.request<BankResult>('starlint/bank', {});
      let html = await client.request<CardsResult>('starlint/cards', {});
      for (let i = 0; i < 50 && html.cards !== bank.stories.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        bank = await client.request<BankResult>('starlint/bank', {});
        html = await client.request<CardsResult>('starlint/cards', {});
      }
      assert.equal(html.format, 'html');
      assert.equal(html.cards, bank.stories.length);
      assert.equal((html.text.match(/<section class="card">/g) ?? []).length, bank.stories.length);
      assert.match(html.text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
      assert.ok(!/<script/i.test(html.text));
      assert.ok(html.text.includes('Generated by starlint on 2026-11-25'));
      const md = await client.request<CardsResult>('starlint/cards', { format: 'md' });
      assert.equal(md.format, 'md');
      assert.match(md.text, /^# Cue cards\n\n## /);
      assert.equal((md.text.match(/^## /gm) ?? []).length, bank.stories.length);
    });
  });
});
