// Scenario (f): the language server end to end. A real JSON-RPC client starts
// `node dist/server.js --stdio`, lets it index a workspace of story files, then types into one
// story and times each `didChange` until the `publishDiagnostics` for that version arrives.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BankRequest, type BankResult } from '../shared/protocol';
import { story, storyFiles } from './corpus';
import { quantile } from './stats';

export interface LspReport {
  rows: [string, string][];
  notes: string[];
  targets: { what: string; target: string; measured: string; met: boolean | undefined }[];
}

interface Options {
  root: string;
  files: number;
  edits: number;
  /** Stop typing after this long even if fewer edits were made (the report says how many). */
  budgetMs?: number;
  log: (message: string) => void;
  /** Extra node flags for the workspace server (bench/profile.ts passes --cpu-prof). */
  nodeArgs?: string[];
}

const TODAY = '2026-11-25';
/** The server's own default quiet period (StarlintSettings.debounceMs). */
const DEFAULT_DEBOUNCE_MS = 300;

/** Reads VmRSS (current) and VmHWM (peak) of a process from /proc, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

class Session {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly waiters = new Map<string, { version?: number; resolve: (p: PublishDiagnosticsParams) => void }>();
  stderr = '';

  constructor(server: string, settings: Record<string, unknown>, nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    // Answer the few requests a server may make of its client.
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const w = this.waiters.get(p.uri);
      // A publish without a version is taken as the answer to the pending change.
      if (w && (p.version === undefined || w.version === undefined || p.version >= w.version)) {
        this.waiters.delete(p.uri);
        w.resolve(p);
      }
    });
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid as number;
  }

  diagnostics(uri: string, version?: number, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(uri);
        reject(new Error(`no publishDiagnostics for ${uri} v${version} within ${timeoutMs} ms; server stderr: ${this.stderr.slice(-500)}`));
      }, timeoutMs);
      this.waiters.set(uri, {
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async initialize(folder: string | undefined, initializationOptions: Record<string, unknown>): Promise<void> {
    const folders = folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders ? folders[0].uri : null,
      workspaceFolders: folders,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
        },
        workspace: { workspaceFolders: true, configuration: true },
      },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    // Give the server time to exit by itself (and to write a CPU profile, when asked to).
    const exited = new Promise((r) => this.child.once('exit', r));
    if (this.child.exitCode === null) await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}

/**
 * Text typed into the story: sentences of other generated stories, so that no two edits give
 * the same document (the engine caches findings by story text; a repeat would be a cache hit).
 */
function typingStream(chars: number): string {
  let s = '';
  for (let seed = 50_000; s.length < chars; seed++) {
    const action = /## Action\n\n([\s\S]*?)\n\n## Result/.exec(story(seed))?.[1] ?? '';
    s += ' ' + action.replace(/\n+/g, ' ').replace(/- /g, '');
  }
  return s;
}

/**
 * Types `edits` characters into the Action of `text`, one didChange each; every `cycle`
 * characters the typed run is deleted in one change (not timed). Returns the latencies in ms.
 */
async function typeInto(session: Session, uri: string, text: string, edits: number, budgetMs = Infinity, cycle = 200): Promise<number[]> {
  const deadline = performance.now() + budgetMs;
  const stream = typingStream(edits + 10);
  const at = text.indexOf('\n\n', text.indexOf('## Action') + 12);
  const lineOf = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  const anchor = lineOf(at);
  let version = 1;
  let typed = 0;
  const latencies: number[] = [];
  for (let i = 0; i < edits && performance.now() < deadline; i++) {
    const ch = stream[i];
    const pos = { line: anchor.line, character: anchor.character + typed };
    version++;
    const done = session.diagnostics(uri, version);
    const t0 = performance.now();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: pos, end: pos }, text: ch }],
    });
    await done;
    latencies.push(performance.now() - t0);
    typed++;
    if (typed === cycle && i + 1 < edits) {
      version++;
      const cleared = session.diagnostics(uri, version);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: anchor, end: { line: anchor.line, character: anchor.character + typed } }, text: '' }],
      });
      await cleared;
      typed = 0;
    }
  }
  return latencies;
}

async function waitForIndex(session: Session, files: number, timeoutMs: number): Promise<BankResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const bank = await session.connection.sendRequest(BankRequest.type, {});
    if (bank.files >= files && !bank.partial) return bank;
    if (Date.now() > deadline) throw new Error(`indexing incomplete after ${timeoutMs} ms: ${bank.files} files, ${bank.partial ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ms = (x: number): string => `${x.toFixed(2)} ms`;
const mb = (x: number): string => `${x.toFixed(0)} MB`;

export async function lspBench(options: Options): Promise<LspReport | { skipped: string }> {
  const server = path.join(options.root, 'dist', 'server.js');
  if (!fs.existsSync(server)) return { skipped: 'dist/server.js is missing (run `npm run build`)' };
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(tmpdir()), 'starlint-bench-lsp-'));
  const rows: [string, string][] = [];
  const notes: string[] = [];
  const targets: LspReport['targets'] = [];
  try {
    // 1. With the default debounce, a few edits: latency minus the configured quiet period.
    {
      const file = path.join(dir, 'single', 'story.md');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const text = story(1);
      fs.writeFileSync(file, text);
      const session = new Session(server, {});
      try {
        await session.initialize(path.dirname(file), { today: TODAY, scanWorkspace: false });
        const uri = pathToFileURL(file).href;
        const first = session.diagnostics(uri, 1);
        await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        await first;
        const lat = await typeInto(session, uri, text, 30);
        const net = lat.map((x) => x - DEFAULT_DEBOUNCE_MS);
        rows.push([
          `didChange → publishDiagnostics, default debounce (${DEFAULT_DEBOUNCE_MS} ms), p50 / p95 minus debounce (30 edits)`,
          `${ms(quantile(net, 0.5))} / ${ms(quantile(net, 0.95))}`,
        ]);
      } finally {
        await session.close();
      }
    }

    // 2. A workspace of story files: indexing, then typing with no debounce.
    const ws = path.join(dir, 'workspace');
    for (const [name, text] of Object.entries(storyFiles(options.files))) {
      fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
      fs.writeFileSync(path.join(ws, name), text);
    }
    const settings = { debounceMs: 0 };
    const session = new Session(server, settings, options.nodeArgs);
    try {
      const t0 = performance.now();
      await session.initialize(ws, { today: TODAY, settings });
      const idle = memoryOf(session.pid);
      const bank = await waitForIndex(session, options.files, 120_000);
      const indexMs = performance.now() - t0;
      const indexed = memoryOf(session.pid);
      rows.push([
        `workspace of ${options.files.toLocaleString('en-US')} story files: initialize → bank complete`,
        `${(indexMs / 1000).toFixed(2)} s (${bank.stories.length} stories)`,
      ]);
      if (idle) rows.push(['server RSS just after initialize', mb(idle.rss)]);
      if (indexed) rows.push([`server RSS with ${options.files.toLocaleString('en-US')} stories indexed`, mb(indexed.rss)]);

      const name = Object.keys(storyFiles(1))[0];
      const file = path.join(ws, name);
      const uri = pathToFileURL(file).href;
      const text = fs.readFileSync(file, 'utf8');
      const first = session.diagnostics(uri, 1);
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await first;
      options.log(`  typing ${options.edits} characters into ${name}`);
      const lat = await typeInto(session, uri, text, options.edits, options.budgetMs);
      const made = lat.length;
      if (made < options.edits)
        notes.push(
          `Typing stopped at the time budget (${((options.budgetMs ?? 0) / 1000).toFixed(0)} s) after ${made.toLocaleString('en-US')} of ${options.edits.toLocaleString('en-US')} edits.`,
        );
      const p50 = quantile(lat, 0.5);
      const p95 = quantile(lat, 0.95);
      rows.push([
        `didChange → publishDiagnostics, debounceMs 0, p50 / p95 / max (${made.toLocaleString('en-US')} edits)`,
        `${ms(p50)} / ${ms(p95)} / ${ms(Math.max(...lat))}`,
      ]);
      // Let the debounced bank update run, then read memory.
      await new Promise((r) => setTimeout(r, 1000));
      await session.connection.sendRequest(BankRequest.type, {});
      const after = memoryOf(session.pid);
      if (after) {
        rows.push([`server RSS after ${made.toLocaleString('en-US')} edits`, mb(after.rss)]);
        rows.push(['server peak RSS (VmHWM) over the whole session', mb(after.peak)]);
        targets.push({
          what: '(f) server memory',
          target: '< 150 MB RSS',
          measured: `${mb(indexed?.rss ?? NaN)} indexed, ${mb(after.rss)} after edits, ${mb(after.peak)} peak`,
          met: Math.max(indexed?.rss ?? 0, after.rss) < 150,
        });
      }
      targets.push({ what: '(f) LSP didChange → diagnostics', target: 'p95 ≤ 20 ms + debounce', measured: `p95 ${ms(p95)} (debounce 0)`, met: p95 <= 20 });
      notes.push(
        `One character per didChange (incremental sync), typed into the Action of a 400-word story that is part of the ${options.files.toLocaleString('en-US')}-file workspace; each edit waits for its publishDiagnostics (matched by version) before the next. Every 200 characters the typed run is deleted in one untimed change. The typed text never repeats, so no edit hits the engine's per-story cache.`,
        `Settings come from initializationOptions (\`settings.debounceMs\`) and from \`workspace/configuration\`; memory is VmRSS/VmHWM of the server process from /proc.`,
      );
    } finally {
      await session.close();
    }
  } catch (e) {
    return { skipped: `the language server run failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rows, notes, targets };
}
