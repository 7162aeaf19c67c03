// The story bank the server keeps in memory: every story file of every workspace folder, linted,
// with open documents overriding the disk. It answers `starlint/bank` and gives each file the
// bank-wide findings that concern it.
import { promises as fs } from 'node:fs';
import { ALL_RULES, analyzeBank, resolveConfig, type Engine, type BankFile, type BankFinding, type BankReport, type ResolvedConfig } from '../engine';
import { withoutDisabled } from '../engine/bank/bank';
import type { BankResult } from '../../../shared/protocol';
import { plural } from '../../../shared/wording';
import { analyze, prepareYielding, type Analysis } from './analysis';
import { pathToUri, uriToPath, type FileConfig, type Folder } from './config';
import { isInside, isStoryCandidate, readText, walkStoryFiles } from './files';
import { isInsideAnyReal } from '../../../shared/confine';

export interface BankHost {
  /** The engine that parses and lints (its caches are the server's). */
  engine: Engine;
  folders(): Folder[];
  configForUri(uri: string): Promise<FileConfig>;
  configForFolder(folder: Folder): Promise<FileConfig>;
  today(): string;
  log(message: string): void;
  error(message: string): void;
  /**
   * Called (debounced) after the bank changed: the story files added, changed or removed, and
   * the files whose bank-wide findings changed (their diagnostics need publishing again).
   */
  changed(event: { uris: string[]; findingsChanged: string[] }): void;
}

export interface BankOptions {
  /** Quiet period before `changed` is called (default 250 ms). */
  debounceMs?: number;
  /** Most story files read from disk across all folders (default 20,000). */
  maxFiles?: number;
}

/** The bank of one folder (or of all of them) at one moment: what every bank-wide answer is made of. */
export interface BankSnapshot {
  /** The folder asked for; undefined for the whole bank. */
  folder?: Folder;
  /** The story files, sorted by path, with the bank findings that concern each. */
  files: Analysis[];
  report: BankReport;
  /** Why the bank is incomplete (scan truncated, or the first scan still running). */
  partial?: string;
}

interface Entry {
  analysis: Analysis;
  open: boolean;
}

interface Computed {
  report: BankReport;
  /** Bank findings per file key, with inline `starlint-disable` comments applied. */
  byKey: Map<string, BankFinding[]>;
  /** The analyses the report was computed from, per file key. */
  sources: Map<string, Analysis>;
}

const KNOWN_RULES = new Set(ALL_RULES.map((r) => r.id));

/** The key of a document: its file path when it has one, so URIs spelled differently agree. */
export function keyOf(uri: string): string {
  return uriToPath(uri) ?? uri;
}

export class StoryBank {
  private readonly entries = new Map<string, Entry>();
  /** What each file on disk looked like when last read (mtime, size, configuration), story or not. */
  private readonly stamps = new Map<string, string>();
  private scans = 0;
  private changedSinceScan = false;
  private generation = 0;
  /** Settles when a scan has read every folder to the end for the first time (or scanning is off). */
  private readonly firstScan = deferred();
  private scanned = false;
  /** The latest scan; before the first one starts, the wait for it. */
  private scanning: Promise<void> = this.firstScan.promise;
  private truncated?: string;
  /** The bank as it is now; undefined after a change until someone needs it. */
  private computed?: Computed;
  /** The last bank computed, possibly stale: the source of provisional findings while typing. */
  private last?: Computed;
  /** The configuration bank-wide rules run with: the first workspace folder's. */
  private bankConfig?: ResolvedConfig;
  /** Bank findings last handed out per key, to tell which files' diagnostics changed. */
  private published = new Map<string, string>();
  private readonly pendingUris = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly debounceMs: number;
  private readonly maxFiles: number;

  constructor(
    private readonly host: BankHost,
    options: BankOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 250;
    this.maxFiles = options.maxFiles ?? 20_000;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The server will not scan (`scanWorkspace: false`): the bank is complete with the open documents. */
  skipScan(): void {
    this.scanned = true;
    this.firstScan.resolve();
  }

  /**
   * Waits, at most `waitMs`, until no scan is running (a scan superseded by a newer one is followed
   * to the newer one). Returns why the bank is partial when the first scan has not finished by then.
   */
  async settle(waitMs: number): Promise<string | undefined> {
    const deadline = Date.now() + Math.max(0, waitMs);
    for (;;) {
      const current = this.scanning;
      const finished = await within(current, deadline - Date.now());
      if (!finished || current === this.scanning) break;
    }
    if (this.scanned) return undefined;
    return `the workspace scan is still running (${plural(this.entries.size, 'story file')} indexed so far)`;
  }

  /**
   * (Re)reads every workspace folder. A newer scan supersedes a running one; open documents are
   * kept as they are, and files that vanished since the last scan are dropped.
   */
  scan(): Promise<void> {
    const generation = ++this.generation;
    const run = this.runScan(generation).catch((e) => {
      this.host.error(`starlint: workspace scan failed: ${stack(e)}`);
      // A failed scan is over: requests stop waiting for it and answer with what was read.
      if (generation === this.generation) this.skipScan();
    });
    this.scanning = run;
    return run;
  }

  private async runScan(generation: number): Promise<void> {
    const started = Date.now();
    this.changedSinceScan = false;
    const seen = new Set<string>();
    let budget = this.maxFiles;
    let truncated: string | undefined;
    const folders = this.host.folders();
    for (const folder of folders) {
      if (budget <= 0) break;
      const root = await this.host.configForFolder(folder);
      if (folder === folders[0]) this.bankConfig = root.config;
      const walk = await walkStoryFiles(folder.path, root.config, { maxFiles: budget });
      if (walk.truncated) truncated = `${folder.path}: ${walk.truncated}`;
      if (walk.linkedOut?.length && this.scans === 0) {
        this.host.log(
          `starlint: did not follow ${plural(walk.linkedOut.length, 'symbolic link')} out of ${folder.path} (${walk.linkedOut.join(', ')}); set "followSymlinks": true to follow them.`,
        );
      }
      budget -= walk.files.length;
      let lastYield = Date.now();
      for (const file of walk.files) {
        if (generation !== this.generation) return;
        seen.add(file);
        // A file under a nested .starlintrc.json is judged by that file's own globs.
        await this.loadFromDisk(file, true, false);
        // Let requests and edits through during a long scan.
        if (Date.now() - lastYield > 20) {
          await new Promise((r) => setImmediate(r));
          lastYield = Date.now();
        }
      }
    }
    if (generation !== this.generation) return;
    for (const [key, entry] of this.entries) {
      if (!entry.open && !seen.has(key)) this.remove(key);
    }
    for (const key of this.stamps.keys()) if (!seen.has(key)) this.stamps.delete(key);
    this.truncated = truncated;
    this.scanned = true;
    this.firstScan.resolve();
    // Periodic rescans (for clients that cannot watch files) stay quiet when nothing changed.
    if (this.scans++ === 0 || this.changedSinceScan) {
      this.host.log(`starlint: indexed ${plural(this.entries.size, 'story file')} in ${Date.now() - started} ms${truncated ? ` (${truncated})` : ''}.`);
      this.touch();
    }
  }

  private folderPaths(): string[] {
    return this.host.folders().map((f) => f.path);
  }

  /** An open document was (re)analysed: it overrides the file on disk. */
  setOpen(a: Analysis): void {
    const key = keyOf(a.uri);
    const had = this.entries.has(key);
    if (a.isStory) this.entries.set(key, { analysis: a, open: true });
    else if (had) this.entries.delete(key);
    if (a.isStory || had) this.touch(a.uri);
  }

  /** A document was closed: its file on disk takes its place again (or it leaves the bank). */
  async closed(uri: string): Promise<void> {
    const key = keyOf(uri);
    const entry = this.entries.get(key);
    if (entry) entry.open = false;
    const file = uriToPath(uri);
    if (file && this.host.folders().some((f) => isInside(file, f.path))) await this.loadFromDisk(file, true, true);
    else if (entry) this.remove(key);
  }

  /** `workspace/didChangeWatchedFiles` for Markdown files. */
  async filesChanged(changes: { uri: string; deleted: boolean }[]): Promise<void> {
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (change.deleted) {
        // A deleted folder arrives as one event: drop everything under it.
        for (const [key, entry] of this.entries) if (!entry.open && isInside(key, file)) this.remove(key);
        for (const key of this.stamps.keys()) if (isInside(key, file)) this.stamps.delete(key);
        continue;
      }
      if (!this.host.folders().some((f) => isInside(file, f.path))) continue;
      let stat;
      try {
        stat = await fs.stat(file);
      } catch {
        if (this.entries.has(file) && !this.entries.get(file)!.open) this.remove(file);
        continue;
      }
      if (stat.isDirectory()) {
        // A folder moved in: read the story files inside it.
        const folder = this.host.folders().find((f) => isInside(file, f.path))!;
        const cfg = await this.host.configForFolder(folder);
        const walk = await walkStoryFiles(file, cfg.config, { maxFiles: Math.max(0, this.maxFiles - this.entries.size) });
        for (const f of walk.files) await this.loadFromDisk(f, true, true);
      } else await this.loadFromDisk(file, true, true);
    }
  }

  /**
   * Reads and lints one file unless it is open. `force` reads it even when its mtime, size and
   * configuration are those of the last read (a watcher event says it changed).
   */
  private async loadFromDisk(file: string, checkCandidate: boolean, force: boolean): Promise<void> {
    const existing = this.entries.get(file);
    if (existing?.open) return;
    const uri = existing?.analysis.uri ?? pathToUri(file);
    try {
      const fc = await this.host.configForUri(uri);
      if (checkCandidate && !isStoryCandidate(file, fc.config, fc.root)) {
        if (existing) this.remove(file);
        return;
      }
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > fc.config.maxFileSize || (!fc.config.followSymlinks && !isInsideAnyReal(this.folderPaths(), file))) {
        // Too large, or reached through a link out of the workspace (read only with followSymlinks).
        if (existing) this.remove(file);
        return;
      }
      const stamp = `${stat.mtimeMs}:${stat.size}:${configStamp(fc.config)}`;
      if (!force && this.stamps.get(file) === stamp) return;
      this.stamps.set(file, stamp);
      const text = await readText(file);
      if (text === undefined) {
        // Binary or unreadable: not a story.
        if (existing) this.remove(file);
        return;
      }
      if (this.entries.get(file)?.open) return;
      if (existing && existing.analysis.text === text && existing.analysis.config.key === fc.config.key) return;
      // A long file is parsed a unit at a time, so the scan never holds up a request for long.
      await prepareYielding(this.host.engine, text);
      if (this.entries.get(file)?.open) return;
      // Read once and kept in the bank: nothing for the engine's caches to remember.
      const a = analyze(this.host.engine, uri, text, fc.config, this.host.today(), true, undefined, false);
      for (const e of a.result.errors) this.host.error(`starlint: rule "${e.rule}" failed on ${file} (story ${e.story + 1}) and was skipped: ${e.error}`);
      if (a.isStory) {
        this.entries.set(file, { analysis: a, open: false });
        this.touch(uri);
      } else if (existing) this.remove(file);
    } catch (e) {
      // A file that vanished or cannot be read simply leaves the bank.
      this.stamps.delete(file);
      if (existing) this.remove(file);
      if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT') this.host.error(`starlint: cannot read ${file}: ${stack(e)}`);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.touch(entry.analysis.uri);
  }

  /** Marks the bank as changed and schedules the (debounced) change event. */
  private touch(uri?: string): void {
    this.computed = undefined;
    this.changedSinceScan = true;
    if (uri) this.pendingUris.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emit(), this.debounceMs);
  }

  private emit(): void {
    this.timer = undefined;
    let findingsChanged: string[] = [];
    try {
      findingsChanged = this.diffPublished();
    } catch (e) {
      this.host.error(`starlint: bank analysis failed: ${stack(e)}`);
    }
    const uris = [...this.pendingUris];
    this.pendingUris.clear();
    this.host.changed({ uris, findingsChanged });
  }

  /** The URIs whose bank findings differ from what was last handed out. */
  private diffPublished(): string[] {
    const { byKey } = this.compute();
    const changed: string[] = [];
    const next = new Map<string, string>();
    for (const [key, entry] of this.entries) {
      const json = JSON.stringify(byKey.get(key) ?? []);
      next.set(key, json);
      if ((this.published.get(key) ?? '[]') !== json) changed.push(entry.analysis.uri);
    }
    this.published = next;
    return changed;
  }

  /**
   * The bank-wide findings on a document that was just analysed, without analysing the bank
   * again (that waits for the debounced change event): the last bank's findings on the stories
   * whose text did not change, moved to where those stories are now. The change event publishes
   * the exact findings if they differ.
   */
  provisionalFindings(a: Analysis): BankFinding[] {
    const key = keyOf(a.uri);
    const last = this.computed ?? this.last;
    const found = last?.byKey.get(key) ?? [];
    const source = last?.sources.get(key);
    let out: BankFinding[] = [];
    if (source === a) out = found;
    else if (source && found.length) {
      const now = new Map(a.result.doc.stories.map((s) => [s.key, s]));
      for (const f of found) {
        const was = f.story === undefined ? undefined : source.result.doc.stories[f.story];
        const is = was && now.get(was.key);
        if (!was || !is) continue;
        const shift = is.span.start - was.span.start;
        out.push({ ...f, uri: a.uri, story: is.index, span: { start: f.span.start + shift, end: f.span.end + shift } });
      }
    }
    this.published.set(key, JSON.stringify(out));
    return out;
  }

  /** The bank-wide findings on one document, computed from the current bank. */
  findingsFor(uri: string): BankFinding[] {
    const key = keyOf(uri);
    const entry = this.entries.get(key);
    if (!entry) return [];
    const found = this.compute().byKey.get(key) ?? [];
    this.published.set(key, JSON.stringify(found));
    return found;
  }

  /** Analyses in the bank whose file lies in a folder (or all of them). */
  private analyses(folder?: Folder): Analysis[] {
    const list: [string, Analysis][] = [];
    for (const [key, e] of this.entries) if (!folder || isInside(key, folder.path)) list.push([key, e.analysis]);
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return list.map(([, a]) => a);
  }

  private compute(): Computed {
    if (this.computed) return this.computed;
    const analyses = this.analyses();
    const report = this.analyzeWith(analyses, this.bankConfig ?? analyses[0]?.config ?? resolveConfig());
    const byKey = new Map<string, BankFinding[]>();
    const sources = new Map<string, Analysis>();
    for (const a of analyses) {
      const own = report.findings.filter((f) => f.uri === a.uri);
      byKey.set(keyOf(a.uri), withoutDisabled(a, own, KNOWN_RULES));
      sources.set(keyOf(a.uri), a);
    }
    this.computed = { report, byKey, sources };
    this.last = this.computed;
    return this.computed;
  }

  private analyzeWith(analyses: Analysis[], config: ResolvedConfig): BankReport {
    return analyzeBank(
      analyses.map((a) => ({ uri: a.uri, result: a.result })),
      config,
      this.host.today(),
    );
  }

  /** The URIs of every story file in the bank, open or not. */
  uris(): string[] {
    return [...this.entries.values()].map((e) => e.analysis.uri);
  }

  /** The analysis the bank holds for a file (open or read from disk), if it is a story file. */
  analysisOf(uri: string): Analysis | undefined {
    return this.entries.get(keyOf(uri))?.analysis;
  }

  /** The bank-wide answer for one folder, or for everything, after waiting (at most `waitMs`) for the scan. */
  async snapshot(folderUri: string | undefined, waitMs: number): Promise<BankSnapshot> {
    const waited = await this.settle(waitMs);
    const folders = this.host.folders();
    const folder = folderUri ? folders.find((f) => keyOf(f.uri) === keyOf(folderUri)) : undefined;
    if (folderUri && !folder) throw new Error(`Not a workspace folder: ${folderUri}`);
    let report: BankReport;
    let files: Analysis[];
    let byKey: Map<string, BankFinding[]>;
    if (folder) {
      const cfg = await this.host.configForFolder(folder);
      files = this.analyses(folder);
      report = this.analyzeWith(files, cfg.config);
      byKey = new Map(
        files.map((a) => [
          keyOf(a.uri),
          withoutDisabled(
            a,
            report.findings.filter((f) => f.uri === a.uri),
            KNOWN_RULES,
          ),
        ]),
      );
    } else {
      const computed = this.compute();
      report = computed.report;
      files = [...computed.sources.values()];
      byKey = computed.byKey;
    }
    // Inline comments switch bank findings off in the bank view as they do in the editor.
    const byUri = new Map(files.map((a) => [a.uri, a]));
    const findings = report.findings.filter((f) => {
      const a = f.uri ? byUri.get(f.uri) : undefined;
      return !a || withoutDisabled(a, [f], KNOWN_RULES).length > 0;
    });
    return {
      folder,
      files: files.map((a) => ({ ...a, bank: byKey.get(keyOf(a.uri)) ?? [] })),
      report: { ...report, findings },
      partial: this.truncated ?? waited,
    };
  }

  /** How many files on disk the scan read in a folder (or in all), stories or not. */
  filesRead(folder?: Folder): number {
    let n = 0;
    for (const key of this.stamps.keys()) if (!folder || isInside(key, folder.path)) n++;
    return n;
  }

  /** The `starlint/bank` answer: the bank of one folder, or of everything. */
  /** The configuration a snapshot's bank is judged with: its folder's, or the first folder's for the whole bank. */
  async configOf(snap: BankSnapshot): Promise<ResolvedConfig | undefined> {
    return snap.folder ? (await this.host.configForFolder(snap.folder)).config : (this.bankConfig ?? snap.files[0]?.config);
  }

  async result(folderUri?: string, waitMs = DEFAULT_WAIT_MS): Promise<BankResult> {
    const snap = await this.snapshot(folderUri, waitMs);
    const config = await this.configOf(snap);
    return {
      ...snap.report,
      folders: (snap.folder ? [snap.folder] : this.host.folders()).map((f) => f.uri),
      files: snap.files.length,
      scanned: this.filesRead(snap.folder),
      partial: snap.partial,
      targetCompany: config?.targetCompany,
    };
  }
}

/** How long a bank-wide request waits for the first workspace scan by default. */
export const DEFAULT_WAIT_MS = 5000;

/** The files of a snapshot as the engine's bank functions take them. */
export function bankFiles(snap: BankSnapshot): BankFile[] {
  return snap.files.map((a) => ({ uri: a.uri, result: a.result }));
}

const configStamps = new WeakMap<ResolvedConfig, string>();

/** A short fingerprint of a configuration (FNV-1a of its key), for file stamps. */
function configStamp(config: ResolvedConfig): string {
  let stamp = configStamps.get(config);
  if (!stamp) {
    let h = 0x811c9dc5;
    for (let i = 0; i < config.key.length; i++) h = Math.imul(h ^ config.key.charCodeAt(i), 0x01000193);
    stamp = `${config.key.length}:${(h >>> 0).toString(16)}`;
    configStamps.set(config, stamp);
  }
  return stamp;
}

function stack(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** True when `p` settles within `ms`, false when the time runs out first. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) {
    // No time left: only a promise that has already settled counts.
    return Promise.race([p.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
