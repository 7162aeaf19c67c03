// Every quick fix is applied through the protocol and the document linted again by the server:
// the fix must leave the story parseable and the rule silent at the place it fixed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Position, TextEdit } from 'vscode-languageserver-protocol';
import { FIXTURES, TestClient, ensureBuilt } from './helpers/client';

const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

let n = 0;
const freshUri = (): string => `file:///tmp/starlint-fix-${process.pid}-${++n}.md`;

describe('lsp: code actions', function () {
  let client: TestClient;

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    client = await TestClient.start({ settings: { debounceMs: 0 }, initializationOptions: { scanWorkspace: false } });
  });

  after(async () => {
    await client?.stop();
  });

  async function openFresh(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = freshUri();
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsAt(uri, 1);
    return { uri, diagnostics };
  }

  function actionsAt(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only } });
  }

  async function apply(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    const v = await client.applyWorkspaceEdit(action.edit!);
    return (await client.diagnosticsAt(uri, v)).diagnostics;
  }

  async function symbols(uri: string): Promise<DocumentSymbol[]> {
    return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  }

  /** Where a position of the old text lands after the edits. */
  function mapPosition(before: string, edits: TextEdit[], pos: Position, after: string): Position {
    const old = TextDocument.create('x:a', 'markdown', 1, before);
    let offset = old.offsetAt(pos);
    let shift = 0;
    for (const e of edits) {
      const s = old.offsetAt(e.range.start);
      const en = old.offsetAt(e.range.end);
      if (en <= offset) shift += e.newText.length - (en - s);
      else if (s < offset) offset = s;
    }
    return TextDocument.create('x:b', 'markdown', 1, after).positionAt(offset + shift);
  }

  const quickFixTitles = (actions: CodeAction[]): string[] => actions.filter((a) => a.kind === 'quickfix').map((a) => a.title);

  it('labels an answer told without labels where it turns, and the story then has its four sections', async () => {
    const answer =
      '## Tell me about a time you solved an ambiguous problem\n\nI was working as the only data scientist at a payments startup when fraud losses doubled after a launch. My job was to cut the losses without blocking good customers, and I had three weeks. I decided to compare three models against the existing rules, and I chose gradient-boosted trees because the analysts needed explanations. I ran a two-week test on a tenth of the traffic. As a result, losses fell from $80K to $35K a month, and I learned to agree on the metric with the business first.\n';
    const { uri, diagnostics } = await openFresh(answer);
    const missing = diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /No STAR sections found/);
    const fix = (await actionsAt(uri, missing[0])).find((x) => /^Label the Situation/.test(x.title));
    assert.ok(fix, 'a quick fix labels the four parts');
    const after = await apply(uri, fix);
    assert.ok(!after.some((d) => d.code === 'missing-section'), JSON.stringify(after.map((d) => d.message)));
    const outline = await symbols(uri);
    assert.deepEqual(
      outline[0].children?.map((c) => c.name),
      ['Situation', 'Task', 'Action', 'Result'],
    );
    const text = client.text(uri);
    assert.match(text, /^\*\*Situation:\*\* I was working/m);
    assert.match(text, /\*\*Task:\*\* My job was/);
    assert.match(text, /\*\*Action:\*\* I decided/);
    assert.match(text, /\*\*Result:\*\* As a result/);
  });

  it('applies every quick fix offered on the fixtures; the rule is silent there afterwards and the story still parses', async function () {
    this.timeout(120_000);
    let applied = 0;
    const crlf = (name: string): string => fixture(name).replace(/\n/g, '\r\n');
    const cases: [string, string][] = [
      ...['headings.md', 'labels.md', 'plain-labels.md', 'typos.md', 'bank.md'].map((name): [string, string] => [name, fixture(name)]),
      ['labels.md (CRLF)', crlf('labels.md')],
      ['plain-labels.md (CRLF)', crlf('plain-labels.md')],
      ['typos.md (CRLF)', crlf('typos.md')],
    ];
    for (const [name, text] of cases) {
      const probe = await openFresh(text);
      const storyCount = (await symbols(probe.uri)).length;
      const offers: { d: Diagnostic; action: CodeAction }[] = [];
      for (const d of probe.diagnostics) for (const action of await actionsAt(probe.uri, d, ['quickfix'])) offers.push({ d, action });
      await client.close(probe.uri);
      for (const { d, action } of offers) {
        const { uri } = await openFresh(text);
        const edits = action.edit!.changes![probe.uri];
        const renamed = { changes: { [uri]: edits } };
        const after = await apply(uri, { ...action, edit: renamed });
        const newText = client.text(uri);
        const where = mapPosition(text, edits, d.range.start, newText);
        const context = `${name}: "${action.title}" for ${d.code} at ${d.range.start.line}:${d.range.start.character}\n${newText}`;
        if (d.code === 'missing-section') {
          const kind = /no (\w+) section/.exec(d.message)![1];
          assert.ok(!after.some((x) => x.code === 'missing-section' && x.message.includes(`no ${kind} section`)), context);
        } else {
          const again = after.filter((x) => x.code === d.code && x.range.start.line === where.line && x.range.start.character === where.character);
          assert.deepEqual(again, [], context);
        }
        assert.equal((await symbols(uri)).length, storyCount, `the story count changed: ${context}`);
        assert.ok(!after.some((x) => x.code === 'front-matter'), `metadata broke: ${context}`);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(newText), `a bare LF in a CRLF document: ${context}`);
        await client.close(uri);
        applied++;
      }
    }
    assert.ok(applied >= 60, `only ${applied} fixes were exercised`);
  });

  it('inserts a missing Task heading after Situation, at the depth of the other section headings', async () => {
    const text = fixture('headings.md').replace(/## Task\n\nI owned[^\n]*\n\n/, '');
    const { uri, diagnostics } = await openFresh(text);
    const d = diagnostics.find((x) => x.code === 'missing-section')!;
    const action = (await actionsAt(uri, d)).find((a) => a.title === 'Add a Task section')!;
    assert.equal(action.isPreferred, true);
    const after = await apply(uri, action);
    assert.ok(!after.some((x) => x.code === 'missing-section'));
    assert.match(client.text(uri), /new patterns\.\n\n## Task\n\n<!-- Task: [^\n]* -->\n\n## Action\n/);
    assert.deepEqual(
      (await symbols(uri))[0].children!.map((s) => s.name),
      ['Situation', 'Task', 'Action', 'Result'],
    );
    await client.close(uri);
  });

  it('inserts a missing Situation before the first section, and a bank story keeps its ### depth', async () => {
    const text = fixture('bank.md').replace(/### Situation\n\nOur payments[^#]*?\n\n(?=### Task)/, '');
    const { uri, diagnostics } = await openFresh(text);
    const d = diagnostics.find((x) => x.code === 'missing-section')!;
    const action = (await actionsAt(uri, d)).find((a) => a.title === 'Add a Situation section')!;
    await apply(uri, action);
    assert.match(client.text(uri), /-->\n\n### Situation\n\n<!-- Situation: [^\n]* -->\n\n### Task\n/);
    const stories = await symbols(uri);
    assert.deepEqual(
      stories[0].children!.map((s) => s.name),
      ['Situation', 'Task', 'Action', 'Result'],
    );
    assert.equal(stories.length, 2);
    await client.close(uri);
  });

  it('inserts a bold label paragraph in a story written with bold labels', async () => {
    const { uri, diagnostics } = await openFresh(fixture('labels.md'));
    const d = diagnostics.find((x) => x.code === 'missing-section')!;
    await apply(
      uri,
      (await actionsAt(uri, d)).find((a) => a.title === 'Add a Task section')!,
    );
    assert.match(client.text(uri), /outreach team\.\n\n\*\*Task:\*\* <!-- Task: [^\n]* -->\n\n\*\*Action:\*\*/);
    assert.deepEqual(
      (await symbols(uri))[0].children!.map((s) => s.name),
      ['Situation', 'Task', 'Action', 'Result'],
    );
    await client.close(uri);
  });

  it('inserts a plain label line in a story whose labels are lines of one paragraph', async () => {
    const { uri, diagnostics } = await openFresh(fixture('plain-labels.md'));
    const d = diagnostics.find((x) => x.code === 'missing-section')!;
    await apply(
      uri,
      (await actionsAt(uri, d)).find((a) => a.title === 'Add a Result section')!,
    );
    assert.match(client.text(uri), /side by side for a month\.\nResult: <!-- Result: [^\n]* -->\n$/);
    assert.deepEqual(
      (await symbols(uri))[0].children!.map((s) => s.name),
      ['Situation (Context)', 'Task (Goal)', 'Action (Approach)', 'Result'],
    );
    await client.close(uri);
  });

  it('rewrites "we + past verb" as "I", and offers nothing for "we should"', async () => {
    const { uri, diagnostics } = await openFresh(fixture('typos.md'));
    const we = diagnostics.filter((x) => x.code === 'first-person');
    assert.equal(we.length, 4);
    const titles = await Promise.all(we.map(async (d) => quickFixTitles(await actionsAt(uri, d)).find((t) => t.startsWith('Rewrite'))));
    assert.deepEqual(titles, [
      'Rewrite "We measured" as "I measured"',
      'Rewrite "We chose" as "I chose"',
      'Rewrite "We presented" as "I presented"',
      undefined,
    ]);
    const action = (await actionsAt(uri, we[1])).find((a) => a.title.startsWith('Rewrite'))!;
    await apply(uri, action);
    assert.match(client.text(uri), /I chose to drop/);
    await client.close(uri);
  });

  const FAILED = [
    '## Situation',
    '',
    'I owned the churn model for our subscription product, and the retention team relied on its weekly list.',
    '',
    '## Task',
    '',
    'I had to retrain it on the new billing data before the quarterly campaign.',
    '',
    '## Action',
    '',
    'I retrained it without checking the label definition, and the launch failed: the list missed most churners. It was my mistake. I rolled it back within a day, wrote the post-mortem and rebuilt the labels with finance.',
    '',
    '## Result',
    '',
    'The rebuilt model recovered recall from 0.41 to 0.78. Since then I check every label definition with its owner before training.',
    '',
  ].join('\n');

  it('writes inferred metadata for the writer to confirm: new front matter, keys in existing front matter, a story comment in a bank', async () => {
    // A one-story file without front matter.
    let opened = await openFresh(`# Tell me about a time you failed\n\n${FAILED}`);
    let d = opened.diagnostics.find((x) => x.code === 'missing-metadata')!;
    assert.match(d.message, /add "category: failure" and "questions: \[failure\]" \(what starlint infers/);
    let fix = (await actionsAt(opened.uri, d)).find((x) => /inferred metadata/.test(x.title))!;
    assert.equal(fix.title, 'Write the inferred metadata (failure, failure) to confirm');
    let after = await apply(opened.uri, fix);
    assert.ok(!after.some((x) => x.code === 'missing-metadata'));
    assert.match(client.text(opened.uri), /^---\ncategory: failure\nquestions: \[failure\]\n---\n\n# Tell me about a time you failed\n/);
    await client.close(opened.uri);

    // Front matter with other keys: the missing ones go before its closing line.
    opened = await openFresh(`---\ntitle: The churn relaunch\ndate: 2025-03\n---\n\n# Tell me about a time you failed\n\n${FAILED}`);
    d = opened.diagnostics.find((x) => x.code === 'missing-metadata')!;
    fix = (await actionsAt(opened.uri, d)).find((x) => /inferred metadata/.test(x.title))!;
    after = await apply(opened.uri, fix);
    assert.ok(!after.some((x) => x.code === 'missing-metadata'));
    assert.match(client.text(opened.uri), /^---\ntitle: The churn relaunch\ndate: 2025-03\ncategory: failure\nquestions: \[failure\]\n---\n/);
    await client.close(opened.uri);

    // A bank file: a story comment under the story's title.
    const bank = `# My stories\n\n## Tell me about a time you failed\n\n${FAILED.replace(/^## /gm, '### ')}\n## The second story\n\n<!-- story\ncategory: project\nquestions: [proud]\n-->\n\n${FAILED.replace(/^## /gm, '### ')}`;
    opened = await openFresh(bank);
    d = opened.diagnostics.find((x) => x.code === 'missing-metadata')!;
    fix = (await actionsAt(opened.uri, d)).find((x) => /inferred metadata/.test(x.title))!;
    after = await apply(opened.uri, fix);
    assert.ok(!after.some((x) => x.code === 'missing-metadata'));
    assert.match(client.text(opened.uri), /## Tell me about a time you failed\n<!-- story\ncategory: failure\nquestions: \[failure\]\n-->\n/);
    await client.close(opened.uri);
  });

  it('fixes an unknown category and theme id to the closest match', async () => {
    const { uri, diagnostics } = await openFresh(fixture('typos.md'));
    const category = diagnostics.find((x) => x.code === 'unknown-category')!;
    const catActions = await actionsAt(uri, category);
    assert.deepEqual(
      quickFixTitles(catActions),
      ['Change "ethcs" to "ethics"', 'Disable unknown-category for this file'],
      'no line comment inside front matter',
    );
    let after = await apply(uri, catActions[0]);
    assert.ok(!after.some((x) => x.code === 'unknown-category'));
    const question = after.find((x) => x.code === 'unknown-question')!;
    after = await apply(uri, (await actionsAt(uri, question))[0]);
    assert.ok(!after.some((x) => x.code === 'unknown-question'));
    assert.match(client.text(uri), /category: ethics\nquestions: \[ethics, disagreement, proud\]/);
    await client.close(uri);
  });

  it('fixes a theme id inside a <!-- story --> comment and never offers a line comment there', async () => {
    const { uri, diagnostics } = await openFresh(fixture('bank.md'));
    const d = diagnostics.find((x) => x.code === 'unknown-question')!;
    const actions = await actionsAt(uri, d);
    assert.deepEqual(quickFixTitles(actions), ['Change "ambiguty" to "ambiguity"', 'Disable unknown-question for this file']);
    const after = await apply(uri, actions[0]);
    assert.ok(!after.some((x) => x.code === 'unknown-question'));
    await client.close(uri);
  });

  it('fixes a misspelt rule id in an inline comment', async () => {
    const { uri, diagnostics } = await openFresh(fixture('typos.md'));
    const d = diagnostics.find((x) => x.code === 'inline-config')!;
    const actions = await actionsAt(uri, d);
    assert.deepEqual(quickFixTitles(actions), ['Change "first-persn" to "first-person"']);
    const after = await apply(uri, actions[0]);
    assert.ok(!after.some((x) => x.code === 'inline-config'));
    await client.close(uri);
  });

  it('disables a rule for one line: a comment above a heading, at the end of a line inside a paragraph', async () => {
    const { uri, diagnostics } = await openFresh(fixture('headings.md'));
    const balance = diagnostics.find((x) => x.code === 'section-balance' && x.range.start.line === 18)!;
    let after = await apply(
      uri,
      (await actionsAt(uri, balance)).find((a) => a.title === 'Disable section-balance for this line')!,
    );
    assert.match(client.text(uri), /\n<!-- starlint-disable-next-line section-balance -->\n## Action\n/);
    assert.ok(!after.some((x) => x.code === 'section-balance' && x.range.start.line === 19));
    assert.ok(
      after.some((x) => x.code === 'section-balance' && x.range.start.line > 19),
      'the Result heading still reports',
    );
    const we = after.find((x) => x.code === 'first-person' && x.range.start.line === 22)!;
    after = await apply(
      uri,
      (await actionsAt(uri, we)).find((a) => a.title === 'Disable first-person for this line')!,
    );
    assert.match(client.text(uri), /because analysts needed explanations\. We built the <!-- starlint-disable-line first-person -->\n/);
    assert.deepEqual(
      after.filter((x) => x.code === 'first-person').map((x) => x.range.start.line),
      [21, 21, 23],
    );
    await client.close(uri);
  });

  it('disables a rule for the file, after the front matter, and adds to an existing comment', async () => {
    const { uri, diagnostics } = await openFresh(fixture('headings.md'));
    const we = diagnostics.find((x) => x.code === 'first-person')!;
    let after = await apply(
      uri,
      (await actionsAt(uri, we)).find((a) => a.title === 'Disable first-person for this file')!,
    );
    assert.match(client.text(uri), /^---\n[^]*?\n---\n<!-- starlint-disable-file first-person -->\n\n# Fraud/);
    assert.ok(!after.some((x) => x.code === 'first-person'));
    const balance = after.find((x) => x.code === 'section-balance')!;
    after = await apply(
      uri,
      (await actionsAt(uri, balance)).find((a) => a.title === 'Disable section-balance for this file')!,
    );
    assert.match(client.text(uri), /<!-- starlint-disable-file first-person section-balance -->/);
    assert.ok(!after.some((x) => x.code === 'section-balance' || x.code === 'first-person'));
    await client.close(uri);
  });

  it('fixes every safe problem at once with source.fixAll.starlint, and leaves prose to the writer', async () => {
    const { uri, diagnostics } = await openFresh(fixture('typos.md'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.starlint');
    assert.ok(diagnostics.some((x) => x.code === 'first-person'));
    const after = await apply(uri, actions[0]);
    const text = client.text(uri);
    assert.match(text, /category: ethics\nquestions: \[ethics, disagreement, proud\]/);
    // "we" → "I" rewrites prose: a suggestion in the quick fixes, never part of fix-all.
    assert.match(text, /we measured/i);
    assert.match(text, /starlint-disable first-person -->/);
    for (const rule of ['unknown-category', 'unknown-question', 'inline-config']) assert.ok(!after.some((x) => x.code === rule), rule);
    // Nothing safe is left: a second request offers no fix-all.
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.starlint'] },
    });
    assert.deepEqual(again, []);
    await client.close(uri);
  });
});
