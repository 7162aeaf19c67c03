// The language server in a web worker, for VS Code for the Web (vscode.dev, github.dev). The same
// engine and the same LSP features as the Node server (squiggles, hovers, quick fixes, lenses,
// symbols, completion, the story bank and its requests), without a file system: the workspace's
// Markdown files and `.starlintrc.json` are listed and read by the client through
// `vscode.workspace.fs` (`starlint/findFiles`, `starlint/readFile`), so virtual workspaces work.
// Differences from the Node server, by design: one `.starlintrc.json` per workspace folder (at its
// root), no file-size cap but maxFileSize, and diagnostics only for open documents and after
// *Lint All*.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ALL_RULES,
  analyzeBank,
  buildCards,
  cardsToHtml,
  cardsToMarkdown,
  createEngine,
  globMatcher,
  parseConfigFile,
  resolveConfig,
  today as realToday,
  type BankReport,
  type ResolvedConfig,
  type StarlintConfig,
} from './engine';
import { withoutDisabled } from './engine/bank/bank';
import {
  BankChangedNotification,
  BankRequest,
  CardsRequest,
  DrillPlanRequest,
  FindFilesRequest,
  LintAllRequest,
  MARK_PRACTICED_COMMAND,
  MatchJobRequest,
  ReadFileRequest,
  WorkspaceTrustNotification,
  type BankResult,
  type MarkPracticedResult,
  type StarlintInitializationOptions,
  type StarlintSettings,
} from '../../shared/protocol';
import { analyze, type Analysis } from './lsp/analysis';
import { codeActions } from './lsp/codeActions';
import { codeLenses } from './lsp/codeLens';
import { completions } from './lsp/completion';
import { configDiagnostics, diagnosticsFor } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { SERVER_CAPABILITIES, WATCHED_FILES } from './lsp/capabilities';
import { markPracticed, markPracticedArgs } from './lsp/practice';
import { drillPlanFor, matchJobFor } from './lsp/rehearse';
import { asSettings, initOptionsOf, restricted, settingsLayer } from './lsp/settings';
import { documentSymbols, flatSymbols } from './lsp/symbols';

declare const self: object;

const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));
const engine = createEngine();
const documents = new TextDocuments(TextDocument);
const KNOWN_RULES = new Set(ALL_RULES.map((r) => r.id));
/** Most Markdown files read per workspace folder. */
const MAX_FILES = 2000;

interface Folder {
  uri: string;
}

/** A folder's configuration: its settings merged under the `.starlintrc.json` at its root. */
interface FolderConfig {
  config: ResolvedConfig;
  settings: StarlintSettings;
  rcUri?: string;
}

const state = {
  capabilities: {} as ClientCapabilities,
  initOptions: {} as StarlintInitializationOptions,
  folders: [] as Folder[],
  trusted: true,
  configs: new Map<string, Promise<FolderConfig>>(),
  /** The text of each Markdown file of the workspace, as the client read it (open documents override it). */
  disk: new Map<string, string>(),
  scanned: undefined as Promise<void> | undefined,
  analyses: new Map<string, Analysis>(),
  timers: new Map<string, ReturnType<typeof setTimeout>>(),
  bankVersion: 0,
};

function today(): string {
  return state.initOptions.today ?? realToday();
}

function log(message: string): void {
  connection.console.log(message);
}

// ------------------------------------------------------------------ configuration

function folderOf(uri: string): Folder | undefined {
  let best: Folder | undefined;
  for (const f of state.folders) {
    const root = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
    if ((uri.startsWith(root) || uri === f.uri) && (!best || f.uri.length > best.uri.length)) best = f;
  }
  return best;
}

/** The path of `uri` relative to its folder, with forward slashes, as the globs see it. */
function relativePath(uri: string, folder: Folder | undefined): string {
  const root = folder ? (folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`) : '';
  const rel = folder && uri.startsWith(root) ? uri.slice(root.length) : (uri.split('/').pop() ?? uri);
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

function configFor(folder: Folder | undefined): Promise<FolderConfig> {
  const key = folder?.uri ?? '';
  let p = state.configs.get(key);
  if (!p) {
    p = loadConfig(folder);
    state.configs.set(key, p);
  }
  return p;
}

async function loadConfig(folder: Folder | undefined): Promise<FolderConfig> {
  let settings: StarlintSettings = asSettings(state.initOptions.settings ?? state.initOptions.starlint);
  if (state.capabilities.workspace?.configuration) {
    try {
      const [pulled] = await connection.workspace.getConfiguration([{ scopeUri: folder?.uri, section: 'starlint' }]);
      if (pulled) settings = asSettings(pulled);
    } catch {
      // The defaults, then.
    }
  }
  let rc: StarlintConfig | undefined;
  let rcUri: string | undefined;
  if (folder) {
    rcUri = `${folder.uri.replace(/\/$/, '')}/.starlintrc.json`;
    const read = await readFile(rcUri);
    if (read !== undefined) {
      const parsed = parseConfigFile(read);
      rc = parsed.config;
      void connection.sendDiagnostics({ uri: rcUri, diagnostics: configDiagnostics(parsed.text, parsed.problems) });
    } else rcUri = undefined;
  }
  const layers = [settingsLayer(settings), rc];
  return { config: resolveConfig(...(state.trusted ? layers : layers.map(restricted))), settings, rcUri };
}

async function readFile(uri: string): Promise<string | undefined> {
  const open = documents.get(uri);
  if (open) return open.getText();
  try {
    const r = await connection.sendRequest(ReadFileRequest.type, { uri });
    return r?.text;
  } catch {
    return undefined;
  }
}

function configurationChanged(): void {
  state.configs.clear();
  state.analyses.clear();
  state.scanned = undefined;
  state.disk.clear();
  for (const doc of documents.all()) schedule(doc.uri, 0);
  bankChanged([]);
}

// ------------------------------------------------------------------ documents

/** The `stories` and `ignore` matchers of a configuration, compiled once. */
const matchers = new WeakMap<ResolvedConfig, { stories: (p: string) => boolean; ignored: (p: string) => boolean }>();

function isCandidate(uri: string, config: ResolvedConfig, folder: Folder | undefined): boolean {
  let m = matchers.get(config);
  if (!m) {
    m = { stories: globMatcher(config.stories, { dot: false }), ignored: globMatcher(config.ignore, { dot: true }) };
    matchers.set(config, m);
  }
  const rel = relativePath(uri, folder);
  return m.stories(rel) && !m.ignored(rel);
}

/** The analysis of an open document at its current version, linted now if it is not yet. */
async function current(uri: string): Promise<Analysis | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const have = state.analyses.get(uri);
  if (have && have.version === doc.version) return have;
  return lint(uri);
}

async function lint(uri: string): Promise<Analysis | undefined> {
  const doc = documents.get(uri);
  if (!doc || doc.languageId !== 'markdown') return undefined;
  const folder = folderOf(uri);
  const fc = await configFor(folder);
  const text = doc.getText();
  const a = analyze(engine, uri, text, fc.config, today(), isCandidate(uri, fc.config, folder), doc.version);
  const { report } = await bankSnapshot(folder, a);
  a.bank = withoutDisabled(
    a,
    report.findings.filter((f) => f.uri === uri),
    KNOWN_RULES,
  );
  state.analyses.set(uri, a);
  if (documents.get(uri)?.version === a.version) {
    void connection.sendDiagnostics({ uri, version: a.version, diagnostics: fc.settings.enable === false ? [] : diagnosticsFor(a) });
  }
  return a;
}

function schedule(uri: string, delay: number): void {
  const t = state.timers.get(uri);
  if (t) clearTimeout(t);
  state.timers.set(
    uri,
    setTimeout(() => {
      state.timers.delete(uri);
      void lint(uri)
        .then(() => bankChanged([uri]))
        .catch((e) => log(`starlint: lint failed: ${String(e)}`));
    }, delay),
  );
}

documents.onDidOpen((e) => schedule(e.document.uri, 0));
documents.onDidChangeContent(async (e) => {
  const fc = await configFor(folderOf(e.document.uri));
  schedule(e.document.uri, fc.settings.debounceMs ?? 300);
});
documents.onDidClose((e) => {
  state.analyses.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  bankChanged([e.document.uri]);
});

// ------------------------------------------------------------------ the bank

/** Lists and reads the workspace's Markdown files through the client, once (and after a change). */
function scan(): Promise<void> {
  state.scanned ??= (async () => {
    for (const folder of state.folders) {
      let uris: string[] = [];
      try {
        uris = await connection.sendRequest(FindFilesRequest.type, { folder: folder.uri, max: MAX_FILES });
      } catch (e) {
        log(`starlint: could not list the files of ${folder.uri}: ${String(e)}`);
      }
      const fc = await configFor(folder);
      for (const uri of uris) {
        if (!isCandidate(uri, fc.config, folder)) continue;
        const text = await readFile(uri);
        if (text !== undefined && text.length <= fc.config.maxFileSize) state.disk.set(uri, text);
      }
    }
  })();
  return state.scanned;
}

/** The story files of a folder (or of every folder): the open documents' text over the disk's. */
async function bankAnalyses(folder: Folder | undefined, replacing?: Analysis): Promise<Analysis[]> {
  await scan();
  const out: Analysis[] = [];
  const uris = new Set([...state.disk.keys(), ...documents.keys()]);
  for (const uri of uris) {
    const f = folderOf(uri);
    if (folder && f?.uri !== folder.uri) continue;
    if (replacing?.uri === uri) {
      if (replacing.isStory) out.push(replacing);
      continue;
    }
    const fc = await configFor(f);
    const doc = documents.get(uri);
    const text = doc?.getText() ?? state.disk.get(uri);
    if (text === undefined) continue;
    const known = state.analyses.get(uri);
    const a =
      known && known.text === text && known.config === fc.config
        ? known
        : analyze(engine, uri, text, fc.config, today(), isCandidate(uri, fc.config, f), doc?.version, false);
    if (!doc) state.analyses.set(uri, a);
    if (a.isStory) out.push(a);
  }
  return out.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0));
}

/** The bank of a folder (or of every folder): its story files, the configuration it is judged by, and the report. */
async function bankSnapshot(folder: Folder | undefined, replacing?: Analysis): Promise<{ files: Analysis[]; config: ResolvedConfig; report: BankReport }> {
  const files = await bankAnalyses(folder, replacing);
  const { config } = await configFor(folder ?? state.folders[0]);
  const report = analyzeBank(
    files.map((a) => ({ uri: a.uri, result: a.result })),
    config,
    today(),
  );
  return { files, config, report };
}

function folderParam(uri: string | undefined): Folder | undefined {
  if (!uri) return undefined;
  const folder = state.folders.find((f) => f.uri === uri || f.uri.replace(/\/$/, '') === uri.replace(/\/$/, ''));
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `Not a workspace folder: ${uri}`);
  return folder;
}

let changedTimer: ReturnType<typeof setTimeout> | undefined;
const changedUris = new Set<string>();
function bankChanged(uris: string[]): void {
  for (const u of uris) changedUris.add(u);
  if (changedTimer) clearTimeout(changedTimer);
  changedTimer = setTimeout(() => {
    changedTimer = undefined;
    const list = [...changedUris];
    changedUris.clear();
    void connection.sendNotification(BankChangedNotification.type, { version: ++state.bankVersion, uris: list });
  }, 100);
}

// ------------------------------------------------------------------ protocol

connection.onInitialize((params): InitializeResult => {
  state.capabilities = params.capabilities;
  state.initOptions = initOptionsOf(params.initializationOptions);
  state.trusted = state.initOptions.trusted !== false;
  state.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => ({ uri: f.uri }));
  return {
    capabilities: SERVER_CAPABILITIES,
    serverInfo: { name: 'starlint (web worker)' },
  };
});

connection.onInitialized(async () => {
  if (state.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_FILES,
    });
  }
  if (state.capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => f.uri));
      state.folders = [...state.folders.filter((f) => !removed.has(f.uri)), ...e.added.map((f) => ({ uri: f.uri }))];
      configurationChanged();
    });
  }
});

connection.onDidChangeConfiguration(() => configurationChanged());
connection.onNotification(WorkspaceTrustNotification.type, (params) => {
  state.trusted = params?.trusted !== false;
  configurationChanged();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  if (changes.some((c) => c.uri.endsWith('/.starlintrc.json'))) return configurationChanged();
  if (!state.scanned) return;
  await state.scanned;
  for (const change of changes) {
    state.analyses.delete(change.uri);
    if (change.type === 3) {
      state.disk.delete(change.uri);
      continue;
    }
    const folder = folderOf(change.uri);
    const fc = await configFor(folder);
    if (!isCandidate(change.uri, fc.config, folder)) continue;
    const text = await readFile(change.uri);
    if (text === undefined) state.disk.delete(change.uri);
    else state.disk.set(change.uri, text);
  }
  bankChanged(changes.map((c) => c.uri));
});

connection.onHover(async ({ textDocument, position }) => {
  const a = await current(textDocument.uri);
  return (a && hover(a, position)) ?? null;
});
connection.onCodeAction(async (params) => {
  const a = await current(params.textDocument.uri);
  return a ? codeActions(a, params) : [];
});
connection.onCodeLens(async ({ textDocument }) => {
  const a = await current(textDocument.uri);
  return a ? codeLenses(a) : [];
});
connection.onDocumentSymbol(async ({ textDocument }) => {
  const a = await current(textDocument.uri);
  if (!a) return [];
  return state.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? documentSymbols(a) : flatSymbols(a);
});
connection.onCompletion(async ({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc || doc.languageId !== 'markdown') return [];
  return completions(doc.getText(), position, (await configFor(folderOf(textDocument.uri))).config);
});

async function bankResult(folderUri: string | undefined): Promise<BankResult> {
  const folder = folderParam(folderUri);
  const { files, config, report } = await bankSnapshot(folder);
  return {
    ...report,
    folders: (folder ? [folder] : state.folders).map((f) => f.uri),
    files: files.length,
    scanned: [...state.disk.keys()].filter((u) => !folder || folderOf(u)?.uri === folder.uri).length,
    targetCompany: config.targetCompany,
  };
}

connection.onRequest(BankRequest.type, (params) => bankResult(params?.folder));

connection.onRequest(LintAllRequest.type, async (params) => {
  const { files, report } = await bankSnapshot(folderParam(params?.folder));
  const problems = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const a of files) {
    a.bank = withoutDisabled(
      a,
      report.findings.filter((f) => f.uri === a.uri),
      KNOWN_RULES,
    );
    const diagnostics = diagnosticsFor(a);
    const doc = documents.get(a.uri);
    void connection.sendDiagnostics({ uri: a.uri, version: doc?.version, diagnostics });
    for (const d of diagnostics) problems[d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 3 ? 'info' : 'hint']++;
  }
  return { problems, uris: files.map((a) => a.uri) };
});

connection.onRequest(CardsRequest.type, async (params) => {
  const { files, report } = await bankSnapshot(folderParam(params?.folder));
  const deck = buildCards(
    files.map((a) => ({ uri: a.uri, result: a.result })),
    report,
  );
  const format = params?.format === 'md' ? 'md' : 'html';
  return { format, text: format === 'md' ? cardsToMarkdown(deck) : cardsToHtml(deck, today()), cards: deck.length };
});

connection.onRequest(DrillPlanRequest.type, async (params) => {
  const { report, config } = await bankSnapshot(folderParam(params?.folder));
  const r = drillPlanFor(report, config, params);
  if (typeof r === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${DrillPlanRequest.method}: ${r}`);
  return r;
});

connection.onRequest(MatchJobRequest.type, async (params) => {
  const { report, config } = await bankSnapshot(folderParam(params?.folder));
  const r = matchJobFor(report, config, params);
  if (typeof r === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${MatchJobRequest.method}: ${r}`);
  return r;
});

connection.onExecuteCommand(async (params): Promise<MarkPracticedResult> => {
  if (params.command !== MARK_PRACTICED_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `starlint: unknown command "${params.command}".`);
  const args = markPracticedArgs(params.arguments ?? []);
  if (typeof args === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${MARK_PRACTICED_COMMAND}: ${args}`);
  const date = args.date ?? today();
  let a = await current(args.uri);
  if (!a) {
    await scan();
    const text = state.disk.get(args.uri);
    if (text !== undefined) a = analyze(engine, args.uri, text, (await configFor(folderOf(args.uri))).config, today(), true, undefined, false);
  }
  const story = a?.isStory ? a.result.doc.stories[args.story] : undefined;
  if (!a || !story) throw new ResponseError(ErrorCodes.InvalidParams, `starlint: ${MARK_PRACTICED_COMMAND}: no story ${args.story} in ${args.uri}.`);
  const { edit, practice } = markPracticed(a, story, date, {
    today: today(),
    documentChanges: state.capabilities.workspace?.workspaceEdit?.documentChanges === true,
  });
  if (!edit) return { applied: false, date, reason: `"${story.title}" was already practiced on ${date}.`, practice };
  const result = await connection.workspace.applyEdit({ label: `starlint: practiced "${story.title}" on ${date}`, edit });
  return { applied: result.applied, date, reason: result.applied ? undefined : (result.failureReason ?? 'The client did not apply the edit.'), practice };
});

documents.listen(connection);
connection.listen();
