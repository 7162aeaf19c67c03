// Hover, CodeLens, document symbols and completion, through the protocol.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, CompletionItem, DocumentSymbol, Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { FIXTURES, ROOT, TestClient, ensureBuilt } from './helpers/client';

const example = readFileSync(path.join(ROOT, 'examples/story-bank/01-cold-start-recommender.md'), 'utf8');
const bankFile = readFileSync(path.join(FIXTURES, 'bank.md'), 'utf8');
const readme = readFileSync(path.join(FIXTURES, 'readme.md'), 'utf8');

describe('lsp: hover, CodeLens, symbols, completion', function () {
  let client: TestClient;
  const uri = 'file:///tmp/starlint-features/story.md';
  const bankUri = 'file:///tmp/starlint-features/bank.md';
  const readmeUri = 'file:///tmp/starlint-features/README.md';

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    client = await TestClient.start({
      settings: { debounceMs: 0, wordsPerMinute: 120, themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] },
      initializationOptions: { scanWorkspace: false },
    });
    await client.open(uri, example);
    await client.open(bankUri, bankFile);
    await client.open(readmeUri, readme);
    await client.diagnosticsAt(uri, 1);
  });

  after(async () => {
    await client?.stop();
  });

  const hoverAt = (u: string, line: number, character: number): Promise<Hover | null> =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line, character } });

  it('hovers a section heading with its words, share, target, spoken time at the configured pace, and one tip', async () => {
    const h = await hoverAt(uri, 34, 1);
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Action\*\* · 217 words · 55 % of the story \(target 50–60 %\) · 1:49 spoken at 120 wpm\n\nTip: /);
    assert.equal(value.match(/Tip:/g)!.length, 1);
    assert.deepEqual(h!.range, { start: { line: 34, character: 3 }, end: { line: 34, character: 9 } });
  });

  it('hovers a label with its numbers and the advice for a share out of range', async () => {
    const labels = readFileSync(path.join(FIXTURES, 'labels.md'), 'utf8');
    const u = 'file:///tmp/starlint-features/labels.md';
    await client.open(u, labels);
    const h = await hoverAt(u, 8, 4);
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Situation\*\* · 26 words · 23 % of the story \(target 15–20 %\) · 0:13 spoken at 120 wpm/);
    assert.match(value, /Tip: Too long:/);
    assert.equal(await hoverAt(u, 9, 10), null, 'prose is not a label');
    await client.close(u);
  });

  it('hovers a story title with the strength score and its rubric', async () => {
    const h = await hoverAt(uri, 8, 0);
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Hybrid recommender for cold-start users\*\* · Strength \d+\/100\n\n- Your role \d+\/25/);
    for (const criterion of ['Specificity', 'Relevance to ML/AI', 'Versatility', 'Complexity', 'Outcome', 'Recency'])
      assert.match(value, new RegExp(`- ${criterion.replace('/', '\\/')} \\d+/\\d+`));
  });

  it('has no hover on prose, nor anywhere in a file that is not a story', async () => {
    assert.equal(await hoverAt(uri, 36, 10), null);
    assert.equal(await hoverAt(readmeUri, 0, 3), null);
    assert.equal(await hoverAt(readmeUri, 4, 3), null);
  });

  it('shows a CodeLens on each section and on the title', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => `${l.range.start.line} ${l.command!.title}`);
    assert.match(titles[0], /^8 Strength \d+\/100 · 398 words · 3:19$/);
    assert.deepEqual(titles.slice(1), [
      '10 Summary · 110 words (75–150) · 0:55',
      '20 Situation · 64 words · 16 % (15–20 %) · 0:32',
      '28 Task · 38 words · 10 % (10–15 %) · 0:19',
      '34 Action · 217 words · 55 % (50–60 %) · 1:49',
      '54 Result · 79 words · 20 % (15–20 %) · 0:40',
      '63 Follow-ups · 117 words · 4/6 follow-ups · 0:59',
    ]);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: readmeUri } }), []);
  });

  it('withholds the score of a draft in the title hover and CodeLens, and marks each placeholder', async () => {
    const draft = `---\ncategory: project\nquestions: [failure]\n---\n\n# Fraud model\n\n## Situation\n\n[Describe the situation]\n\n## Task\n\nWhat was your role?\n\n## Action\n\nI compared three options and chose trees because analysts needed explanations.\n\n## Result\n\nLosses fell from $80K to $35K a month.\n`;
    const u = 'file:///tmp/starlint-features/draft.md';
    await client.open(u, draft);
    const { diagnostics } = await client.diagnosticsAt(u, 1);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'placeholder').map((d) => [d.range.start.line, d.message.slice(0, 45)]),
      [
        [9, 'Template placeholder "[Describe the situation'],
        [13, 'Template instruction "What was your role?" is'],
      ],
    );
    const value = ((await hoverAt(u, 5, 3))!.contents as MarkupContent).value;
    assert.match(value, /^\*\*Fraud model\*\* · Strength: draft \(2 template placeholders left\)\n\n- The score shows once every placeholder is replaced/);
    assert.doesNotMatch(value, /\d+\/100/);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    assert.match(lenses[0].command!.title, /^Strength: draft \(2 template placeholders left\) · \d+ words · \d:\d\d$/);
    await client.close(u);
  });

  it('outlines stories and their sections as hierarchical symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: bankUri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children!.map((c) => c.name)]),
      [
        ['Cutting fraud-scoring latency', ['Situation', 'Task', 'Action', 'Result']],
        ['Labelling guidelines with operations', ['Situation', 'Task', 'Action', 'Result']],
      ],
    );
    for (const s of symbols) {
      assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line);
      for (const c of s.children!) assert.ok(s.range.start.line <= c.range.start.line && c.range.end.line <= s.range.end.line);
    }
    assert.equal(symbols[0].selectionRange.start.line, 4);
    assert.equal(symbols[1].children![2].selectionRange.start.line, 46);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: readmeUri } }), []);
  });

  it('gives flat symbols to a client without hierarchical support', async () => {
    const flat = await TestClient.start({ capabilities: { textDocument: {} }, initializationOptions: { scanWorkspace: false } });
    try {
      await flat.open(bankUri, bankFile);
      const symbols = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: bankUri } });
      assert.equal(symbols.length, 10);
      assert.equal(symbols[1].containerName, 'Cutting fraud-scoring latency');
      assert.equal(symbols[1].location.uri, bankUri);
    } finally {
      await flat.stop();
    }
  });

  describe('completion', () => {
    let drafts = 0;
    const complete = async (text: string, line: number, character: number): Promise<CompletionItem[]> => {
      const draft = `file:///tmp/starlint-features/draft-${++drafts}.md`;
      await client.open(draft, text);
      const r = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
        textDocument: { uri: draft },
        position: { line, character },
      });
      await client.close(draft);
      return Array.isArray(r) ? r : r.items;
    };

    it('completes category ids after `category:` in front matter, replacing the word typed so far', async () => {
      const items = await complete('---\ncategory: fai\n---\n', 1, 13);
      assert.deepEqual(
        items.map((i) => i.label),
        ['project', 'collaboration', 'failure', 'leadership', 'ethics'],
      );
      const failure = items.find((i) => i.label === 'failure')!;
      assert.deepEqual((failure.textEdit as { range: unknown }).range, { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } });
    });

    it('completes theme ids inside `questions: [...]`, custom themes included, without the ones already listed', async () => {
      const items = await complete('---\ncategory: project\nquestions: [failure, amb\n---\n\n# Draft\n', 2, 24);
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('ambiguity'));
      assert.ok(labels.includes('scaling'), 'custom theme from settings');
      assert.ok(!labels.includes('failure'), 'already listed');
      assert.equal(items.find((i) => i.label === 'ambiguity')!.detail, 'How did you handle ambiguity?');
    });

    it('completes theme ids in a block list and inside a <!-- story --> comment', async () => {
      const block = await complete('---\nquestions:\n  - failure\n  - \n---\n', 3, 4);
      assert.ok(block.some((i) => i.label === 'proud') && !block.some((i) => i.label === 'failure'));
      const comment = await complete('# Bank\n\n## A story\n<!-- story\ncategory: \n-->\n', 4, 10);
      assert.deepEqual(
        comment.map((i) => i.label),
        ['project', 'collaboration', 'failure', 'leadership', 'ethics'],
      );
    });

    it('offers nothing in prose, in ordinary comments, or after the front matter', async () => {
      assert.deepEqual(await complete('# Story\n\ncategory: \n', 2, 10), []);
      assert.deepEqual(await complete('<!-- note\ncategory: \n-->\n', 1, 10), []);
      assert.deepEqual(await complete('---\ntitle: x\n---\ncategory: \n', 3, 10), []);
    });
  });
});
