// Configuration per resource: the editor's `starlint` settings merged UNDER the nearest
// `.starlintrc.json` (the rc file wins, so the editor and CI agree). Nothing is kept in globals:
// results are cached per folder and per rc file, and the caches are dropped on every change.
import * as path from 'node:path';
import { resolveConfig, validateConfig, type ResolvedConfig, type StarlintConfig } from '../engine';
import { parseConfigFile, type ConfigFileProblem } from '../node/config-files';
import type { StarlintSettings } from '../../../shared/protocol';
import { CONFIG_FILE_NAME, findConfigFile, isInside } from './files';
import { asSettings, restricted, settingsLayer } from './settings';

export { RESTRICTED_KEYS, asSettings, restricted, settingsLayer } from './settings';
export { configDiagnostics } from './diagnostics';

export interface Folder {
  uri: string;
  path: string;
}

/** What the configuration store needs from the server: nothing but these functions. */
export interface ConfigHost {
  folders(): Folder[];
  /** The `starlint` section for a scope (`workspace/configuration`), or undefined if unsupported. */
  pullSettings(scopeUri: string): Promise<unknown>;
  /** Settings pushed by `didChangeConfiguration` or given in `initializationOptions`. */
  pushedSettings(): unknown;
  /** A file's text: the open document's if it is open, else the disk's; undefined if absent. */
  readText(file: string): Promise<string | undefined>;
  /** The paths of the `.starlintrc.json` files open in the editor (they count even if unsaved). */
  openConfigs(): string[];
  /** False in an untrusted workspace (Restricted Mode): what decides which files are read comes from the defaults. */
  trusted?(): boolean;
  /** Says something is wrong with the settings (a glob the matcher refuses); each message once. */
  warn?(message: string): void;
}

export interface RcFile {
  path: string;
  /** The text the problems' spans refer to (without a byte-order mark). */
  text: string;
  config: StarlintConfig;
  problems: ConfigFileProblem[];
}

export interface FileConfig {
  config: ResolvedConfig;
  settings: StarlintSettings;
  /** The workspace folder holding the file, if any. */
  folder?: Folder;
  /** Where globs are relative to: the rc file's folder, else the workspace folder, else the file's. */
  root: string;
  rc?: RcFile;
}

export class ConfigStore {
  private readonly settings = new Map<string, Promise<StarlintSettings>>();
  private readonly rcByDir = new Map<string, string | undefined>();
  private readonly rcFiles = new Map<string, Promise<RcFile | undefined>>();
  private readonly resolved = new Map<string, { settings: StarlintSettings; rc?: RcFile; config: ResolvedConfig }>();
  private readonly warned = new Set<string>();

  constructor(private readonly host: ConfigHost) {}

  folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.host.folders()) if (isInside(file, f.path) && (!best || f.path.length > best.path.length)) best = f;
    return best;
  }

  /** The configuration of a document. */
  forUri(uri: string): Promise<FileConfig> {
    const file = uriToPath(uri);
    const folder = file ? this.folderOf(file) : undefined;
    return this.resolve(file ? path.dirname(file) : undefined, folder, folder?.uri ?? uri);
  }

  /** The configuration at a workspace folder's root: its globs decide what the scan reads. */
  forFolder(folder: Folder): Promise<FileConfig> {
    return this.resolve(folder.path, folder, folder.uri);
  }

  private async resolve(dir: string | undefined, folder: Folder | undefined, scopeUri: string): Promise<FileConfig> {
    const settings = await this.settingsFor(scopeUri);
    const rcPath = dir ? this.rcPathFor(dir, folder?.path) : undefined;
    const rc = rcPath ? await this.rcFile(rcPath) : undefined;
    // One ResolvedConfig per (settings, rc file) pair: a scan of many files resolves it once.
    const key = `${scopeUri}\u0000${rcPath ?? ''}`;
    let hit = this.resolved.get(key);
    if (!hit || hit.settings !== settings || hit.rc !== rc) {
      const trusted = this.host.trusted?.() !== false;
      const layers = [settingsLayer(settings), rc?.config];
      hit = { settings, rc, config: resolveConfig(...(trusted ? layers : layers.map(restricted))) };
      this.warnRefusedGlobs(layers[0]);
      this.resolved.set(key, hit);
    }
    // Globs are relative to the rc file that holds them, as on the command line.
    const root = rc ? path.dirname(rc.path) : (folder?.path ?? dir ?? path.parse(process.cwd()).root);
    return { config: hit.config, settings, folder, root, rc };
  }

  /**
   * A glob in the editor's settings that the matcher refuses is left out, as in `.starlintrc.json`,
   * where it is a diagnostic at its line; here the server's log says so (VS Code also marks it in
   * settings.json through the schema).
   */
  private warnRefusedGlobs(layer: StarlintConfig | undefined): void {
    if (!layer || !this.host.warn) return;
    for (const p of validateConfig(layer as Record<string, unknown>)) {
      if (p.path.length !== 2 || (p.path[0] !== 'stories' && p.path[0] !== 'ignore')) continue;
      const message = `starlint: the setting starlint.${p.path[0]}[${p.path[1]}] ${JSON.stringify((layer as Record<string, string[]>)[p.path[0]][p.path[1] as number])}: ${p.message}`;
      if (this.warned.has(message)) continue;
      this.warned.add(message);
      this.host.warn(message);
    }
  }

  /** The rc file as the store last read it (for its diagnostics). */
  async rcFile(file: string): Promise<RcFile | undefined> {
    let p = this.rcFiles.get(file);
    if (!p) {
      p = this.host.readText(file).then((text) => (text === undefined ? undefined : { path: file, ...parseConfigFile(text) }));
      this.rcFiles.set(file, p);
    }
    return p;
  }

  /** Drops cached settings (after `didChangeConfiguration`). */
  invalidateSettings(): void {
    this.settings.clear();
    this.resolved.clear();
  }

  /** Drops cached rc files and lookups (after an rc file was created, changed or deleted). */
  invalidateFiles(): void {
    this.rcByDir.clear();
    this.rcFiles.clear();
    this.resolved.clear();
  }

  private settingsFor(scopeUri: string): Promise<StarlintSettings> {
    let p = this.settings.get(scopeUri);
    if (!p) {
      p = this.host
        .pullSettings(scopeUri)
        .then((pulled) => asSettings(pulled ?? this.host.pushedSettings()))
        .catch(() => asSettings(this.host.pushedSettings()));
      this.settings.set(scopeUri, p);
    }
    return p;
  }

  private rcPathFor(dir: string, stop?: string): string | undefined {
    if (!this.rcByDir.has(dir)) this.rcByDir.set(dir, findConfigFile(dir, stop, this.host.openConfigs()));
    return this.rcByDir.get(dir);
  }
}

export function isConfigFile(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE_NAME);
}

/** The file path of a `file:` URI, undefined for other schemes (untitled documents, virtual files). */
export function uriToPath(uri: string): string | undefined {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  let p: string;
  try {
    p = decodeURIComponent(m[2] ?? '/');
  } catch {
    return undefined;
  }
  if (process.platform === 'win32') {
    if (/^\/[a-zA-Z]:/.test(p)) p = p.slice(1);
    p = p.replace(/\//g, '\\');
    if (m[1]) p = `\\\\${m[1]}${p}`;
  }
  return path.normalize(p);
}

/** A `file:` URI for a path, encoded the way VS Code encodes it (so keys from both sides agree). */
export function pathToUri(file: string): string {
  let p = path.resolve(file);
  if (process.platform === 'win32') {
    p = p.replace(/\\/g, '/');
    if (/^[a-zA-Z]:/.test(p)) p = '/' + p[0].toLowerCase() + p.slice(1);
  }
  const encoded = p.replace(/[^A-Za-z0-9\-._~/]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''),
  );
  return 'file://' + encoded;
}
