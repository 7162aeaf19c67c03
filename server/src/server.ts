// The starlint language server: a thin adapter between LSP and the engine. It owns the open
// documents, the configuration store and the story bank; every feature lives in `lsp/` as a pure
// function of an Analysis. Start: `starlint-lsp --stdio` (default), `--node-ipc`, `--socket=PORT`.
import './node/memory';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildCards, cardsToHtml, cardsToMarkdown, createEngine, today as realToday, type Severity } from './engine';
import { parseConfigFile } from './node/config-files';
import {
  BankChangedNotification,
  BankRequest,
  CardsRequest,
  DrillPlanRequest,
  MatchJobRequest,
  LintAllRequest,
  MARK_PRACTICED_COMMAND,
  WorkspaceTrustNotification,
  type MarkPracticedResult,
  type StarlintInitializationOptions,
  type StarlintSettings,
} from '../../shared/protocol';
import { PREPARE_ABOVE, allFindings, analyze, analyzeEdit, prepareYielding, type Analysis } from './lsp/analysis';
import { EditTracker } from './lsp/edits';
import { ConfigStore, asSettings, configDiagnostics, isConfigFile, pathToUri, uriToPath, type Folder } from './lsp/config';
import { Debouncer, diagnosticsFor } from './lsp/diagnostics';
import { codeActions } from './lsp/codeActions';
import { hover } from './lsp/hover';
import { initOptionsOf } from './lsp/settings';
import { SERVER_CAPABILITIES, WATCHED_FILES } from './lsp/capabilities';
import { codeLenses } from './lsp/codeLens';
import { documentSymbols, flatSymbols } from './lsp/symbols';
import { completions } from './lsp/completion';
import { DEFAULT_WAIT_MS, StoryBank, bankFiles, keyOf } from './lsp/workspace';
import { markPracticed, markPracticedArgs } from './lsp/practice';
import { drillPlanFor, matchJobFor } from './lsp/rehearse';
import { isStoryCandidate, readText } from './lsp/files';
import { isInsideAnyReal } from '../../shared/confine';

import { version as VERSION } from '../../package.json';

const DEFAULT_DEBOUNCE_MS = 300;
const RESCAN_MS = 30_000;
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`starlint-lsp ${VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: starlint-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--clientProcessId=PID]\n' +
      'The starlint language server. Speaks LSP over stdio unless told otherwise.\n',
  );
  process.exit(0);
}
// An editor that runs `starlint-lsp` with no arguments means stdio.
if (!args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(t + '=')))) process.argv.push('--stdio');

const connection: Connection = createConnection(ProposedFeatures.all);
// The server's engine: its caches hold the parses and findings of the stories it has linted.
const engine = createEngine();
const edits = new EditTracker();
const documents = new TextDocuments(edits.documents);

/** The server's state, in one object: what the client said, what is open and what was published. */
const state = {
  capabilities: {} as ClientCapabilities,
  folders: [] as Folder[],
  initOptions: {} as StarlintInitializationOptions,
  pushedSettings: undefined as unknown,
  /** False in an untrusted workspace (Restricted Mode), as the client says in its initialization options. */
  trusted: true,
  shuttingDown: false,
  analyses: new Map<string, Analysis>(),
  settingsOf: new Map<string, StarlintSettings>(),
  /** What was last published for each `.starlintrc.json`, so a fixed file is cleared and nothing is sent twice. */
  rcPublished: new Map<string, string>(),
  /**
   * The story files (by key) whose diagnostics `starlint/lintAll` published: they keep diagnostics
   * while closed, kept current from the disk, until they leave the bank (in `open` scope too).
   */
  lintedAll: new Map<string, string>(),
  /**
   * Closed files (by key, with the URI published under) that show diagnostics now: only these are
   * cleared, so Markdown that never had any (a README, notes) never gets an empty publish.
   */
  shownClosed: new Map<string, { uri: string; json: string }>(),
  bankVersion: 0,
  /** Long documents being parsed ahead of their lint. */
  preparing: new Map<string, { text: string; done: Promise<void> }>(),
  configTimer: undefined as NodeJS.Timeout | undefined,
};
const debouncer = new Debouncer();
const loggedErrors = new Set<string>();

function today(): string {
  return state.initOptions.today && /^\d{4}-\d{2}-\d{2}$/.test(state.initOptions.today) ? state.initOptions.today : realToday();
}

/** How long bank-wide requests wait for the first workspace scan. */
function bankWaitMs(): number {
  const v = state.initOptions.bankWaitMs;
  return typeof v === 'number' && v >= 0 ? Math.min(v, 60_000) : DEFAULT_WAIT_MS;
}

function logError(message: string): void {
  connection.console.error(message);
}

function stack(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Wraps a handler: an exception is logged and the request answered with `fallback`. */
function safe<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logError(`starlint: ${name} failed: ${stack(e)}`);
      return fallback;
    }
  };
}

const configs = new ConfigStore({
  folders: () => state.folders,
  pullSettings: async (scopeUri) => {
    if (!state.capabilities.workspace?.configuration) return undefined;
    const [value] = await connection.workspace.getConfiguration([{ scopeUri, section: 'starlint' }]);
    return value ?? undefined;
  },
  pushedSettings: () => state.pushedSettings ?? state.initOptions.settings ?? state.initOptions.starlint,
  openConfigs: () =>
    documents
      .all()
      .filter((d) => isConfigFile(d.uri))
      .map((d) => uriToPath(d.uri))
      .filter((p): p is string => p !== undefined),
  readText: async (file) => openDocument(file)?.getText() ?? readText(file),
  trusted: () => state.trusted,
  warn: (m) => connection.console.warn(m),
});

function openDocument(file: string): TextDocument | undefined {
  return documents.get(pathToUri(file)) ?? documents.all().find((d) => uriToPath(d.uri) === file);
}

/** The open document of a URI, however the editor spelled it. */
function openDocumentOf(uri: string): TextDocument | undefined {
  const file = uriToPath(uri);
  return documents.get(uri) ?? (file ? openDocument(file) : undefined);
}

const bank = new StoryBank({
  engine,
  folders: () => state.folders,
  configForUri: (uri) => configs.forUri(uri),
  configForFolder: (folder) => configs.forFolder(folder),
  today,
  log: (m) => connection.console.log(m),
  error: logError,
  changed: ({ uris, findingsChanged }) => {
    for (const uri of findingsChanged) {
      const a = state.analyses.get(uri);
      if (a && documents.get(uri)?.version === a.version) {
        a.bank = bank.findingsFor(uri);
        publish(a);
      }
    }
    // Closed story files (every one in `workspace` scope, from start-up) follow the disk.
    for (const uri of new Set([...uris, ...findingsChanged])) {
      if (!openDocumentOf(uri)) void publishClosed(uri).catch((e) => logError(`starlint: publishing ${uri} failed: ${stack(e)}`));
    }
    void publishConfigProblems();
    connection.sendNotification(BankChangedNotification.type, { version: ++state.bankVersion, uris });
  },
});

function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(?:md|markdown|mdx?|mkd|mdown)$/i.test(doc.uri);
}

function publish(a: Analysis): void {
  const settings = state.settingsOf.get(a.uri);
  const diagnostics = settings?.enable === false ? [] : diagnosticsFor(a);
  void connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics });
}

/** Whether a closed story file shows its diagnostics: in `workspace` scope, or after `starlint/lintAll`. */
function showsClosed(uri: string, settings: StarlintSettings): boolean {
  return settings.enable !== false && (settings.scope !== 'open' || state.lintedAll.has(keyOf(uri)));
}

/**
 * Publishes the diagnostics of a story file that is not open, from the bank's reading of the
 * disk (bank-wide findings included), when its scope shows closed files; clears what it showed
 * when the file has left the bank or its scope no longer shows it. A file that shows nothing and
 * showed nothing gets no publish at all.
 */
async function publishClosed(uri: string): Promise<Diagnostic[]> {
  const key = keyOf(uri);
  const a = bank.analysisOf(uri);
  if (!a) state.lintedAll.delete(key);
  const fc = await configs.forUri(a?.uri ?? uri);
  // The document may have been opened meanwhile: then its own analysis is what the editor shows.
  if (openDocumentOf(uri)) return [];
  const diagnostics = a && showsClosed(uri, fc.settings) ? diagnosticsFor({ ...a, bank: bank.findingsFor(a.uri) }) : [];
  const shown = state.shownClosed.get(key);
  if (diagnostics.length === 0 && shown === undefined) return [];
  const target = a?.uri ?? shown?.uri ?? uri;
  const json = JSON.stringify(diagnostics);
  if (shown?.json === json) return diagnostics; // already showing exactly these
  if (diagnostics.length) state.shownClosed.set(key, { uri: target, json });
  else state.shownClosed.delete(key);
  void connection.sendDiagnostics({ uri: target, diagnostics });
  return diagnostics;
}

/** Every closed story file's diagnostics again (after the settings or the scope changed). */
async function publishAllClosed(): Promise<void> {
  const uris = new Set([...bank.uris(), ...[...state.shownClosed.values()].map((s) => s.uri)]);
  for (const uri of uris) if (!openDocumentOf(uri)) await publishClosed(uri);
}

/** Lints an open document now, with its current text and configuration. */
async function lint(uri: string): Promise<Analysis | undefined> {
  debouncer.cancel(uri);
  const doc = documents.get(uri);
  if (!doc) return undefined;
  if (isConfigFile(uri)) {
    publishRc(uri, doc.getText());
    return undefined;
  }
  if (!isMarkdown(doc)) return undefined;
  const fc = await configs.forUri(uri);
  // The document may have changed or closed while the configuration was read.
  const now = documents.get(uri);
  if (!now) return undefined;
  const previous = state.analyses.get(uri);
  if (previous && previous.version === now.version && previous.config.key === fc.config.key) return previous;
  const file = uriToPath(uri);
  const candidate = file ? isStoryCandidate(file, fc.config, fc.root) : true;
  // Typing in a bank file re-lints the edited story only, when the last analysis is still valid.
  const day = today();
  const change =
    previous?.isStory && candidate && previous.config.key === fc.config.key && previous.today === day ? edits.since(uri, previous.version) : undefined;
  if (!change && candidate && now.getText().length > PREPARE_ABOVE) {
    // A long document is parsed a unit at a time, answering other requests in between.
    await prepared(uri, now.getText());
    if (documents.get(uri)?.version !== now.version) return lint(uri);
  }
  // A re-lint after typing (no incremental path) does not fill the caches with a keystroke's text.
  const a =
    previous && change
      ? analyzeEdit(engine, previous, now.getText(), change, now.version)
      : analyze(engine, uri, now.getText(), fc.config, day, candidate, now.version, !previous);
  edits.linted(uri, now.version);
  for (const e of a.result.errors) {
    const key = `${e.rule}\u0000${e.error}`;
    if (loggedErrors.has(key)) continue;
    loggedErrors.add(key);
    logError(`starlint: rule "${e.rule}" failed on ${uri} (story ${e.story + 1}) and was skipped: ${e.error}`);
  }
  state.settingsOf.set(uri, fc.settings);
  state.analyses.set(uri, a);
  bank.setOpen(a);
  a.bank = a.isStory ? bank.provisionalFindings(a) : [];
  publish(a);
  return a;
}

// Past this length, parsing a document ahead of its lint shows the client a progress report.
const PROGRESS_ABOVE = 131_072;

/** Parses a long text into the engine's cache without blocking other requests (once per text). */
async function prepared(uri: string, text: string): Promise<void> {
  const running = state.preparing.get(uri);
  if (running?.text === text) return running.done;
  const done = (async () => {
    const progress =
      text.length > PROGRESS_ABOVE && state.capabilities.window?.workDoneProgress
        ? await connection.window.createWorkDoneProgress().catch(() => undefined)
        : undefined;
    progress?.begin('starlint', 0, `reading ${uri.slice(uri.lastIndexOf('/') + 1)}`, false);
    let shown = 0;
    try {
      await prepareYielding(engine, text, (n, total) => {
        const percent = Math.floor((100 * n) / total);
        if (progress && percent >= shown + 10) {
          shown = percent;
          progress.report(percent);
        }
      });
    } finally {
      progress?.done();
    }
  })();
  state.preparing.set(uri, { text, done });
  try {
    await done;
  } finally {
    if (state.preparing.get(uri)?.done === done) state.preparing.delete(uri);
  }
}

/** The analysis of an open document at its current version (linting it now if it is stale). */
async function current(uri: string): Promise<Analysis | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const a = state.analyses.get(uri);
  if (a && a.version === doc.version && !debouncer.pending(uri)) return a;
  return lint(uri);
}

function debounceMs(uri: string): number {
  const v = state.settingsOf.get(uri)?.debounceMs ?? asSettings(state.pushedSettings ?? state.initOptions.settings ?? state.initOptions.starlint).debounceMs;
  return typeof v === 'number' && v >= 0 ? Math.min(v, 10_000) : DEFAULT_DEBOUNCE_MS;
}

/** An open `.starlintrc.json`: its problems, from the editor's text. */
function publishRc(uri: string, text: string): void {
  const parsed = parseConfigFile(text);
  const diagnostics = configDiagnostics(parsed.text, parsed.problems);
  state.rcPublished.set(uri, JSON.stringify(diagnostics));
  void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
}

/** Publishes the problems of every `.starlintrc.json` the server read, open or not. */
async function publishConfigProblems(): Promise<void> {
  const seen = new Set<string>();
  for (const folder of state.folders) {
    const fc = await configs.forFolder(folder);
    if (fc.rc) seen.add(pathToUri(fc.rc.path));
  }
  for (const a of state.analyses.values()) {
    const fc = await configs.forUri(a.uri);
    if (fc.rc) seen.add(pathToUri(fc.rc.path));
  }
  for (const uri of seen) {
    if (openDocument(uriToPath(uri)!)) continue;
    const rc = await configs.rcFile(uriToPath(uri)!);
    if (!rc) continue;
    const diagnostics = configDiagnostics(rc.text, rc.problems);
    const json = JSON.stringify(diagnostics);
    if ((state.rcPublished.get(uri) ?? '[]') === json) continue;
    state.rcPublished.set(uri, json);
    void connection.sendDiagnostics({ uri, diagnostics });
  }
  for (const uri of state.rcPublished.keys()) {
    if (!seen.has(uri) && !openDocument(uriToPath(uri)!)) {
      state.rcPublished.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}

/** Configuration changed: lint every open document again and re-read the workspace. */
function configurationChanged(): void {
  if (state.configTimer) clearTimeout(state.configTimer);
  state.configTimer = setTimeout(() => {
    state.configTimer = undefined;
    void (async () => {
      for (const doc of documents.all()) await lint(doc.uri).catch((e) => logError(`starlint: lint failed: ${stack(e)}`));
      if (state.initOptions.scanWorkspace !== false) await bank.scan();
      // Settings such as `enable` and `scope` change what closed files show without changing their findings.
      await publishAllClosed();
      await publishConfigProblems();
    })().catch((e) => logError(`starlint: configuration reload failed: ${stack(e)}`));
  }, 50);
}

connection.onInitialize((params): InitializeResult => {
  state.capabilities = params.capabilities;
  state.initOptions = initOptionsOf(params.initializationOptions);
  const list =
    params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : params.rootPath ? [{ uri: pathToUri(params.rootPath), name: '' }] : []);
  state.folders = toFolders(list);
  state.trusted = state.initOptions.trusted !== false;
  // Without a scan the bank is the open documents: nothing to wait for.
  if (state.initOptions.scanWorkspace === false) bank.skipScan();
  watchParent(params.processId);
  return {
    capabilities: SERVER_CAPABILITIES,
    serverInfo: { name: 'starlint', version: VERSION },
  };
});

connection.onInitialized(
  safe('initialized', undefined, async () => {
    // Start the scan first: a bank request that arrives meanwhile waits for it.
    const scanned = state.initOptions.scanWorkspace !== false ? bank.scan() : Promise.resolve();
    if (state.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_FILES,
      });
    }
    if (state.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'starlint' });
    }
    if (state.capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => keyOf(f.uri)));
        state.folders = [...state.folders.filter((f) => !removed.has(keyOf(f.uri))), ...toFolders(e.added)];
        configs.invalidateFiles();
        configurationChanged();
      });
    }
    await scanned;
    await publishConfigProblems();
    // A client that cannot watch files (Neovim before 0.10, many others) still sees files change
    // on disk: the workspace is walked again now and then, and only changed files are read.
    if (state.initOptions.scanWorkspace !== false && !state.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      setInterval(() => void bank.scan(), RESCAN_MS).unref();
    }
  }),
);

function toFolders(list: { uri: string }[]): Folder[] {
  const out: Folder[] = [];
  for (const f of list) {
    const p = uriToPath(f.uri);
    if (p) out.push({ uri: f.uri, path: p });
  }
  return out;
}

documents.onDidChangeContent(
  safe('didChange', undefined, ({ document }) => {
    const uri = document.uri;
    if (isConfigFile(uri)) {
      publishRc(uri, document.getText());
      configs.invalidateFiles();
      configurationChanged();
      return;
    }
    if (!isMarkdown(document)) return;
    // A document seen for the first time is linted at once; edits wait for a pause in typing.
    const first = !state.analyses.has(uri) && !debouncer.pending(uri);
    debouncer.schedule(uri, first ? 0 : debounceMs(uri), () => {
      lint(uri).catch((e) => logError(`starlint: lint failed: ${stack(e)}`));
    });
  }),
);

documents.onDidClose(
  safe('didClose', undefined, async ({ document }) => {
    const uri = document.uri;
    debouncer.cancel(uri);
    state.analyses.delete(uri);
    edits.forget(uri);
    state.settingsOf.delete(uri);
    if (isConfigFile(uri)) {
      // The editor's text is gone: the disk's version is the configuration again.
      configs.invalidateFiles();
      state.rcPublished.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      configurationChanged();
      return;
    }
    // In `workspace` scope (or after `starlint/lintAll`) a closed story keeps its diagnostics, now
    // from the disk's text; otherwise they go with the editor.
    const fc = await configs.forUri(uri);
    const keep = showsClosed(uri, fc.settings);
    if (!keep) {
      state.shownClosed.delete(keyOf(uri));
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    await bank.closed(uri);
    if (keep) {
      // What the open document showed is replaced: by the disk's findings, or cleared once.
      state.shownClosed.set(keyOf(uri), { uri, json: '' });
      await publishClosed(uri);
    }
  }),
);

connection.onDidChangeWatchedFiles(
  safe('didChangeWatchedFiles', undefined, async ({ changes }) => {
    const stories: { uri: string; deleted: boolean }[] = [];
    let configChanged = false;
    for (const c of changes) {
      if (isConfigFile(c.uri)) configChanged = true;
      else stories.push({ uri: c.uri, deleted: c.type === FileChangeType.Deleted });
    }
    if (configChanged) {
      configs.invalidateFiles();
      configurationChanged();
    }
    if (stories.length) await bank.filesChanged(stories);
  }),
);

connection.onDidChangeConfiguration(
  safe('didChangeConfiguration', undefined, (params) => {
    const settings = (params.settings as { starlint?: unknown } | null | undefined)?.starlint;
    if (settings !== undefined) state.pushedSettings = settings;
    configs.invalidateSettings();
    configurationChanged();
  }),
);

// The user trusted the workspace: its settings and .starlintrc.json globs apply from now on, without a restart.
connection.onNotification(
  WorkspaceTrustNotification.type,
  safe(WorkspaceTrustNotification.method, undefined, (params) => {
    const trusted = params?.trusted !== false;
    if (trusted === state.trusted) return;
    state.trusted = trusted;
    configs.invalidateSettings();
    configs.invalidateFiles();
    configurationChanged();
  }),
);

connection.onHover(
  safe('hover', null, async ({ textDocument, position }) => {
    const a = await current(textDocument.uri);
    return (a && hover(a, position)) ?? null;
  }),
);

connection.onCodeAction(
  safe('codeAction', [], async (params) => {
    const a = await current(params.textDocument.uri);
    return a ? codeActions(a, params) : [];
  }),
);

connection.onCodeLens(
  safe('codeLens', [], async ({ textDocument }) => {
    const a = await current(textDocument.uri);
    return a ? codeLenses(a) : [];
  }),
);

connection.onDocumentSymbol(
  safe('documentSymbol', [], async ({ textDocument }) => {
    const a = await current(textDocument.uri);
    if (!a) return [];
    return state.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? documentSymbols(a) : flatSymbols(a);
  }),
);

connection.onCompletion(
  safe('completion', [], async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !isMarkdown(doc)) return [];
    const fc = await configs.forUri(textDocument.uri);
    return completions(doc.getText(), position, fc.config);
  }),
);

/**
 * A bank-wide request: pending edits are linted first, so the answer reflects what the user sees;
 * an unknown folder is the caller's error, anything else is logged and reported.
 */
function bankRequest<P extends { folder?: string } | undefined, R>(method: string, handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      for (const doc of documents.all()) if (debouncer.pending(doc.uri)) await lint(doc.uri);
      return await handler(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      if (e instanceof Error && /^Not a workspace folder/.test(e.message)) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
      logError(`starlint: ${method} failed: ${stack(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `starlint: ${method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

connection.onRequest(
  BankRequest.type,
  bankRequest(BankRequest.method, (params) => bank.result(params?.folder, bankWaitMs())),
);

connection.onRequest(
  LintAllRequest.type,
  bankRequest(LintAllRequest.method, async (params) => {
    const snap = await bank.snapshot(params?.folder, bankWaitMs());
    const problems: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    const uris: string[] = [];
    for (const a of snap.files) {
      const fc = await configs.forUri(a.uri);
      const diagnostics = fc.settings.enable === false ? [] : diagnosticsFor(a);
      const doc = openDocumentOf(a.uri);
      // An open document's version tells the editor which text the diagnostics belong to.
      void connection.sendDiagnostics({ uri: a.uri, version: doc && doc.version === a.version ? a.version : undefined, diagnostics });
      if (!doc) {
        if (diagnostics.length) state.shownClosed.set(keyOf(a.uri), { uri: a.uri, json: JSON.stringify(diagnostics) });
        else state.shownClosed.delete(keyOf(a.uri));
      }
      if (fc.settings.enable !== false) for (const f of allFindings(a)) problems[f.severity]++;
      state.lintedAll.set(keyOf(a.uri), a.uri);
      uris.push(a.uri);
    }
    return { uris, problems, partial: snap.partial };
  }),
);

connection.onRequest(
  CardsRequest.type,
  bankRequest(CardsRequest.method, async (params) => {
    const snap = await bank.snapshot(params?.folder, bankWaitMs());
    const deck = buildCards(bankFiles(snap), snap.report);
    const format = params?.format === 'md' ? 'md' : 'html';
    return { format, text: format === 'md' ? cardsToMarkdown(deck) : cardsToHtml(deck, today()), cards: deck.length, partial: snap.partial };
  }),
);

connection.onRequest(
  DrillPlanRequest.type,
  bankRequest(DrillPlanRequest.method, async (params) => {
    const snap = await bank.snapshot(params?.folder, bankWaitMs());
    const r = drillPlanFor(snap.report, await bank.configOf(snap), params);
    if (typeof r === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${DrillPlanRequest.method}: ${r}`);
    return { ...r, partial: snap.partial };
  }),
);

connection.onRequest(
  MatchJobRequest.type,
  bankRequest(MatchJobRequest.method, async (params) => {
    const snap = await bank.snapshot(params?.folder, bankWaitMs());
    const r = matchJobFor(snap.report, await bank.configOf(snap), params);
    if (typeof r === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${MatchJobRequest.method}: ${r}`);
    return { ...r, partial: snap.partial };
  }),
);

connection.onExecuteCommand(async (params): Promise<MarkPracticedResult> => {
  if (params.command !== MARK_PRACTICED_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `starlint: unknown command "${params.command}".`);
  const args = markPracticedArgs(params.arguments ?? []);
  if (typeof args === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${MARK_PRACTICED_COMMAND}: ${args}`);
  const date = args.date ?? today();
  // The edit goes where the story's file really is: a file reached through a link out of the
  // workspace is not written unless it is open in the editor (the user chose it).
  const target = uriToPath(args.uri);
  if (
    target &&
    !openDocumentOf(args.uri) &&
    !isInsideAnyReal(
      state.folders.map((f) => f.path),
      target,
    )
  ) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `starlint: ${MARK_PRACTICED_COMMAND}: ${args.uri} lies outside the workspace folders; nothing was written.`,
    );
  }
  const a = await analysisForEdit(args.uri);
  const story = a?.isStory ? a.result.doc.stories[args.story] : undefined;
  if (!a || !story) throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${MARK_PRACTICED_COMMAND}: no story ${args.story} in ${args.uri}.`);
  const { edit, practice } = markPracticed(a, story, date, {
    today: today(),
    documentChanges: state.capabilities.workspace?.workspaceEdit?.documentChanges === true,
  });
  if (!edit) return { applied: false, date, reason: `"${story.title}" was already practiced on ${date}.`, practice };
  if (!state.capabilities.workspace?.applyEdit)
    return { applied: false, date, reason: 'The client does not apply edits sent by the server: apply `edit` yourself.', practice, edit };
  const result = await connection.workspace.applyEdit({ label: `starlint: practiced "${story.title}" on ${date}`, edit });
  return { applied: result.applied, date, reason: result.applied ? undefined : (result.failureReason ?? 'The client did not apply the edit.'), practice };
});

/** The analysis of a file to edit: the open document at its current version, else the file on disk. */
async function analysisForEdit(uri: string): Promise<Analysis | undefined> {
  const doc = openDocumentOf(uri);
  if (doc) return current(doc.uri);
  const file = uriToPath(uri);
  if (!file) return undefined;
  const text = await readText(file);
  if (text === undefined) return undefined;
  const fc = await configs.forUri(uri);
  return analyze(engine, uri, text, fc.config, today(), isStoryCandidate(file, fc.config, fc.root));
}

connection.onShutdown(() => {
  state.shuttingDown = true;
});

/**
 * Exits when the editor is gone: its process id (from `initialize`, also checked by the library)
 * no longer exists, or this process was re-parented. Stdio and IPC close on their own too.
 */
function watchParent(processId: number | null | undefined): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    };
    if (process.ppid !== parent || (typeof processId === 'number' && processId > 0 && !alive(processId))) process.exit(state.shuttingDown ? 0 : 1);
  }, 3000);
  timer.unref();
}
process.on('disconnect', () => process.exit(state.shuttingDown ? 0 : 1));

process.on('uncaughtException', (e) => logError(`starlint: uncaught exception: ${stack(e)}`));
process.on('unhandledRejection', (e) => logError(`starlint: unhandled rejection: ${stack(e)}`));

documents.listen(connection);
connection.listen();
