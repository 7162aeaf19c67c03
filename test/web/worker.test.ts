// The language server of VS Code for the Web, as it runs there: dist/browser/server.js in a web
// worker of Debian's Chromium (driven by playwright-core), spoken to by a real JSON-RPC client
// (vscode-jsonrpc) over the worker's postMessage. The test plays VS Code's part: a workspace on a
// virtual file system (`vscode-vfs:`) whose files the server lists and reads through the client.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { BankResult } from '../../shared/protocol';
import { needTool } from '../helpers/tools';
import { ROOT, ensureBuilt } from '../lsp/helpers/client';

const CHROMIUM = process.env.STARLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const WORKER = join(ROOT, 'dist', 'browser', 'server.js');
const EXTENSION = join(ROOT, 'dist', 'browser', 'extension.js');
const FOLDER = 'vscode-vfs://github/someone/stories';
const WEAK = `${FOLDER}/stories/churn-labels.md`;
const GOOD = `${FOLDER}/stories/cold-start.md`;

const FILES: Record<string, string> = {
  [WEAK]: [
    '---',
    'title: Churn labels that broke',
    'category: failure',
    'questions: [failure]',
    'date: 2025-03',
    '---',
    '',
    '# Churn labels that broke',
    '',
    '## Situation',
    '',
    'Our churn model stopped matching what the account managers saw in the field.',
    '',
    '## Task',
    '',
    'I had to find out why before the quarterly review.',
    '',
    '## Action',
    '',
    'We rebuilt the labels. We retrained the model. We shipped it to the outreach queue.',
    '',
    '## Result',
    '',
    'It went well and the account managers were happy.',
    '',
  ].join('\n'),
  [GOOD]: readFileSync(join(ROOT, 'examples/story-bank/01-cold-start-recommender.md'), 'utf8'),
  [`${FOLDER}/README.md`]: '# My stories\n\nInterview prep notes.\n',
  [`${FOLDER}/.starlintrc.json`]: '{\n  "ignore": ["!keep/**"]\n}\n',
};

/** Messages from the page, fed to vscode-jsonrpc as a message stream. */
class PageReader extends AbstractMessageReader {
  private callback?: DataCallback;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly send: (m: Message) => Promise<void>) {
    super();
  }
  async write(message: Message): Promise<void> {
    await this.send(message);
  }
  end(): void {}
}

describe('web: the language server in a browser web worker (Chromium, JSON-RPC over postMessage)', function () {
  this.timeout(120_000);
  let http: Server;
  let browser: { close(): Promise<void> } | undefined;
  let connection: MessageConnection;
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const logs: string[] = [];

  const until = async <T>(check: () => T | undefined, what: string, ms = 30_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      if (Date.now() > end) assert.fail(`timed out waiting for ${what}; server log:\n${logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const latest = (uri: string): Diagnostic[] | undefined => diagnostics.get(uri)?.at(-1)?.diagnostics;

  before(async function () {
    needTool(this, existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
    ensureBuilt();
    const script = readFileSync(WORKER, 'utf8');
    http = createServer((req, res) => {
      if (req.url === '/server.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(script);
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<!doctype html><script>const worker = new Worker("/server.js"); worker.onmessage = (e) => window.toNode(e.data); worker.onerror = (e) => window.toNode({ workerError: String(e.message) }); window.toWorker = (m) => worker.postMessage(m);</script>',
        );
      }
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
    });
    browser = b;
    const page = await b.newPage();
    const reader = new PageReader();
    await page.exposeFunction('toNode', (m: Message & { workerError?: string }) => {
      if (m.workerError) logs.push(`worker error: ${m.workerError}`);
      else reader.deliver(m);
    });
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    const writer = new PageWriter(async (m) => {
      await page.evaluate((msg) => (globalThis as unknown as { toWorker(x: unknown): void }).toWorker(msg), m as never);
    });
    connection = createMessageConnection(reader, writer);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 0 })));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('starlint/findFiles', () => Object.keys(FILES).filter((u) => /\.(md|markdown)$/.test(u)));
    connection.onRequest('starlint/readFile', ({ uri }: { uri: string }) => (uri in FILES ? { text: FILES[uri] } : null));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'stories' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
      initializationOptions: { today: '2026-11-25' },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: WEAK, languageId: 'markdown', version: 1, text: FILES[WEAK] } });
  });

  after(async () => {
    connection?.dispose();
    await browser?.close();
    http?.close();
  });

  it('publishes the story rules’ diagnostics for an open story, at the words they are about', async () => {
    const list = await until(() => (latest(WEAK)?.length ? latest(WEAK) : undefined), 'diagnostics for the open story');
    const codes = new Set(list.map((d) => String(typeof d.code === 'object' ? (d.code as { value: string }).value : d.code)));
    for (const code of ['first-person', 'result-metric']) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
    const lines = FILES[WEAK].split('\n');
    const we = list.filter((d) => d.code === 'first-person');
    assert.deepEqual(
      we.map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)),
      ['We', 'We', 'We'],
    );
    assert.ok(we.every((d) => d.source === 'starlint'));
  });

  it('answers a hover on the title with the story’s strength', async () => {
    const line = FILES[WEAK].split('\n').indexOf('# Churn labels that broke');
    const h = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: WEAK }, position: { line, character: 3 } });
    assert.ok(h, 'a hover');
    assert.match((h.contents as MarkupContent).value, /^\*\*Churn labels that broke\*\* · Strength \d+\/100/);
    assert.match((h.contents as MarkupContent).value, /Your role \d+\/25 — Action is 0 % "I" \(first-person\)/);
  });

  it('offers the first-person rewrite as a quick fix', async () => {
    const list = latest(WEAK)!;
    const first = list.find((d) => d.code === 'first-person')!;
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: WEAK },
      range: first.range,
      context: { diagnostics: [first] },
    });
    assert.ok(
      actions.some((a) => /Rewrite "We rebuilt" as "I rebuilt"/.test(a.title)),
      actions.map((a) => a.title).join(' | '),
    );
  });

  it('builds the story bank from files it reads through the client (a virtual workspace)', async () => {
    const bank = await connection.sendRequest<BankResult>('starlint/bank', {});
    assert.deepEqual(bank.stories.map((s) => s.uri).sort(), [GOOD, WEAK].sort());
    assert.equal(bank.files, 2);
    assert.ok(bank.coverage.length > 0, 'question coverage');
  });

  it('answers the cue cards, the mock-interview plan and the job match from that bank', async () => {
    const cards = await connection.sendRequest<{ cards: number; text: string }>('starlint/cards', { format: 'md' });
    assert.equal(cards.cards, 2);
    assert.match(cards.text, /Churn labels that broke/);
    const drill = await connection.sendRequest<{ plan: { questions: { id: string }[] } }>('starlint/drillPlan', { seed: 1, questions: 2 });
    assert.equal(drill.plan.questions.length, 2);
    const match = await connection.sendRequest<{ result: { competencies: { id: string }[] } }>('starlint/matchJob', {
      text: 'We are hiring an ML engineer to run A/B tests, ship ranking models and work with product managers.',
    });
    assert.ok(match.result.competencies.length > 0);
  });

  it('reports a broken .starlintrc.json on the file itself', async () => {
    const rc = `${FOLDER}/.starlintrc.json`;
    const list = await until(() => latest(rc), 'diagnostics on .starlintrc.json');
    assert.equal(list.length, 1);
    assert.match(list[0].message, /Negated globs/);
    assert.equal(list[0].range.start.line, 1);
  });

  it('ships bundles with no Node module in them', () => {
    for (const file of [WORKER, EXTENSION]) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /require\(["'](?:node:)?(?:fs|path|child_process|os|crypto|net|http)["']\)/, file);
      assert.doesNotMatch(text, /from ["']node:/, file);
    }
  });
});
