// A small LSP client for protocol tests: it starts the BUILT server (dist/server.js) as a child
// process and speaks real JSON-RPC over stdio, as an editor would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type InitializeResult,
  type ClientCapabilities,
  type WorkspaceEdit,
  type TextEdit,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BankChangedNotification, type BankChangedParams, type StarlintInitializationOptions } from '../../../shared/protocol';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lsp');

let built = false;
/** Builds dist/server.js once per test run (every protocol test file calls this in `before`). */
export function ensureBuilt(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  built = true;
}

export function fileUri(file: string): string {
  return pathToFileURL(file).toString();
}

export interface StartOptions {
  /** Workspace folders (paths). */
  folders?: string[];
  /** The `starlint` settings answered to `workspace/configuration` (per scope URI if a function). */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown> | null);
  initializationOptions?: StarlintInitializationOptions;
  capabilities?: ClientCapabilities;
  /** Process arguments instead of `--stdio` (the transport stays stdio). */
  args?: string[];
  /** The server's command line instead of `node dist/server.js` (e.g. an installed `starlint-lsp`); `args` follow it. */
  command?: string[];
  /** The server's working folder (default: the repository). */
  cwd?: string;
  /** The `processId` sent in `initialize` (default: this process). */
  processId?: number | null;
  /** Node options before the server script (e.g. a preload that counts work). */
  node?: string[];
}

type Waiter<T> = { test: (v: T) => boolean; resolve: (v: T) => void };

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false } },
  },
};

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly bankChanges: BankChangedParams[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  configurationRequests = 0;
  /** Every `workspace/applyEdit` the server sent, in order. */
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  /**
   * Answers `workspace/applyEdit`. By default the edit is applied to the documents opened through
   * this client (as didChange notifications, like an editor) and refused for any other file.
   */
  onApplyEdit: (p: ApplyWorkspaceEditParams) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult> = (p) => this.applyToOpenDocuments(p.edit);
  private readonly diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly bankWaiters: Waiter<BankChangedParams>[] = [];
  private readonly docs = new Map<string, TextDocument>();
  settings: StartOptions['settings'];
  initializeResult!: InitializeResult;
  exited: Promise<number | null>;
  stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr!.on('data', (d) => (this.stderr += String(d)));
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!options.command) ensureBuilt();
    const [program, ...programArgs] = options.command ?? [process.execPath, ...(options.node ?? []), SERVER];
    const proc = spawn(program, [...programArgs, ...(options.args ?? ['--stdio'])], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection);
    client.settings = options.settings;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = client.diagnostics.get(p.uri) ?? [];
      list.push(p);
      client.diagnostics.set(p.uri, list);
      settle(client.diagWaiters, p);
    });
    connection.onNotification(BankChangedNotification.type, (p) => {
      client.bankChanges.push(p);
      settle(client.bankWaiters, p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configurationRequests++;
      return p.items.map((item) => {
        const s = client.settings;
        return typeof s === 'function' ? s(item.scopeUri) : (s ?? null);
      });
    });
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.applyEditRequests.push(p);
      return client.onApplyEdit(p);
    });
    connection.listen();
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })) : null,
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: { today: '2026-11-25', ...options.initializationOptions },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the first publishDiagnostics for `uri` (already received or future) that passes `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const seen = (this.diagnostics.get(uri) ?? []).find(test);
    if (seen) return Promise.resolve(seen);
    return wait(this.diagWaiters, (p) => p.uri === uri && test(p), timeoutMs, `diagnostics for ${uri}`);
  }

  /** The next publishDiagnostics for `uri` at `version` (documents opened through this client). */
  diagnosticsAt(uri: string, version = this.version(uri), timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  waitForBankChange(test: (p: BankChangedParams) => boolean = () => true, timeoutMs = 10_000): Promise<BankChangedParams> {
    return wait(this.bankWaiters, test, timeoutMs, 'starlint/bankChanged');
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes (and applies them to the client's copy). */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** Applies text edits as incremental changes, from the last to the first so ranges stay valid. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    return this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<number> {
    const entries = Object.entries(edit.changes ?? {});
    if (entries.length !== 1) throw new Error(`expected edits for one document, got ${entries.length}`);
    const [uri, edits] = entries[0];
    return this.applyEdits(uri, edits);
  }

  /** Applies a workspace edit (`changes` or versioned `documentChanges`) to documents open in this client. */
  async applyToOpenDocuments(edit: WorkspaceEdit): Promise<ApplyWorkspaceEditResult> {
    for (const { uri, version } of editsOf(edit)) {
      const doc = this.docs.get(uri);
      if (!doc) return { applied: false, failureReason: `${uri} is not open` };
      if (typeof version === 'number' && version !== doc.version)
        return { applied: false, failureReason: `${uri} is at version ${doc.version}, not ${version}` };
    }
    for (const { uri, edits } of editsOf(edit)) await this.applyEdits(uri, edits);
    return { applied: true };
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 3000);
        await this.connection.sendNotification('exit');
      } catch {
        // The server may be gone already.
      }
      await withTimeout(this.exited, 3000).catch(() => this.proc.kill());
    }
    this.connection.dispose();
  }
}

/** The text edits of a workspace edit per document, with the version they were made for (if any). */
export function editsOf(edit: WorkspaceEdit): { uri: string; version: number | null | undefined; edits: TextEdit[] }[] {
  const out: { uri: string; version: number | null | undefined; edits: TextEdit[] }[] = [];
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.push({ uri, version: undefined, edits });
  for (const change of edit.documentChanges ?? []) {
    if (!('edits' in change)) throw new Error(`unexpected resource operation ${JSON.stringify(change)}`);
    out.push({ uri: change.textDocument.uri, version: change.textDocument.version, edits: change.edits as TextEdit[] });
  }
  return out;
}

function settle<T>(waiters: Waiter<T>[], value: T): void {
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].test(value)) {
      waiters[i].resolve(value);
      waiters.splice(i, 1);
    }
  }
}

function wait<T>(waiters: Waiter<T>[], test: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const i = waiters.indexOf(waiter);
      if (i >= 0) waiters.splice(i, 1);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const waiter: Waiter<T> = {
      test,
      resolve: (v) => {
        clearTimeout(timer);
        resolve(v);
      },
    };
    waiters.push(waiter);
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
