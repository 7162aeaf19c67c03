/**
 * Configuration files on disk, for the CLI and the language server. The engine parses and
 * validates configuration text (`parseConfigText`); this module adds what needs the filesystem:
 * finding `.starlintrc.json`, reading it, placing each problem at a line and column, and deciding
 * which files are stories.
 *
 * Stable API (imported by the language server):
 *
 * - `CONFIG_FILE_NAME` — `.starlintrc.json`.
 * - `findConfigFile(startDir, stopDir?)` — the nearest `.starlintrc.json` in `startDir` or one of
 *   its ancestors, or `undefined`. The walk stops after `stopDir` (inclusive) or at the
 *   filesystem root. Never throws.
 * - `loadConfigFile(path)` — reads and checks one file; returns `{ path, text, config, problems }`.
 *   Never throws: an unreadable file yields `config: {}` and one problem at 1:1.
 * - `parseConfigFile(text)` — the same for text already in memory (an editor buffer).
 * - `ConfigFileProblem` — `{ message, line, column, endLine, endColumn, span, path }`. `line` and
 *   `column` are 1-based; `endColumn` is 1-based and exclusive (the column just after the last
 *   character), as in ESLint and SARIF. `span` holds the same range as UTF-16 offsets
 *   `[start, end)` into the text, for editors that convert positions themselves (LSP is 0-based:
 *   use `span` with the engine's `LineIndex`, or subtract 1 from line and column).
 * - `isStoryCandidate(path, config, root)` — whether a file is a story file to scan: its path
 *   relative to `root` (the folder of the configuration file, or the workspace folder) matches
 *   one of `config.stories` and none of `config.ignore`; a path outside `root` is matched by its
 *   file name. `stories` globs skip hidden files and folders unless they name them; `ignore`
 *   globs match hidden paths too.
 * - `collectFiles(patterns, cwd, config, root?)` — re-exported from `./files` (the CLI's expansion
 *   of paths, directories and globs).
 * - `ConfigLookup` — the CLI's configuration per linted file: `forDir(dir)` is the nearest
 *   `.starlintrc.json` upward from `dir`, read and resolved once per file (or the `--config` file
 *   for every folder); `read()` lists every configuration file read, with its problems.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseConfigFile, resolveConfig, type ConfigFileProblem, type ResolvedConfig, type StarlintConfig } from '../engine';

export { parseConfigFile, type ConfigFileProblem } from '../engine';
import { matchersFor, relativeInside } from './globs';

export { collectFiles, type CollectedFiles, type FileProblem } from './files';

export const CONFIG_FILE_NAME = '.starlintrc.json';

export interface LoadedConfigFile {
  path: string;
  /** The text read ('' when the file could not be read). */
  text: string;
  /** The settings that could be read; pass to `resolveConfig` even when there are problems. */
  config: StarlintConfig;
  problems: ConfigFileProblem[];
}

/** The nearest `.starlintrc.json` in `startDir` or above it; stops after `stopDir` or at the root. */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  let dir = resolve(startDir);
  const stop = stopDir === undefined ? undefined : resolve(stopDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (stop !== undefined && dir === stop) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads and checks a configuration file. Never throws. */
export function loadConfigFile(path: string): LoadedConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : ((e as Error).message ?? String(e));
    return {
      path,
      text: '',
      config: {},
      problems: [
        { message: `Cannot read the configuration file: ${reason}.`, line: 1, column: 1, endLine: 1, endColumn: 1, span: { start: 0, end: 0 }, path: [] },
      ],
    };
  }
  return { path, ...parseConfigFile(text) };
}

/**
 * True when `path` (absolute, or relative to `root`) is a story file that a workspace scan should
 * lint. A file outside `root` (one opened from elsewhere) is judged by its name alone.
 */
export function isStoryCandidate(path: string, config: Pick<ResolvedConfig, 'stories' | 'ignore'>, root: string): boolean {
  const rel = relativeInside(root, path) ?? basename(path);
  const { stories, ignored } = matchersFor(config);
  return stories(rel) && !ignored(rel);
}

/** The configuration that applies in a folder. */
export interface FolderConfig {
  /** The configuration file, when one applies. */
  path?: string;
  config: ResolvedConfig;
  /** What the `stories` and `ignore` globs are relative to: the configuration file's folder, else the current folder. */
  root: string;
}

/**
 * The configuration of each folder the CLI reads, as ESLint and markdownlint-cli2 find theirs:
 * the nearest `.starlintrc.json` upward from the folder, or one fixed file (`--config`) for every
 * folder. Each file is read and resolved once; a broken one still yields the settings it could
 * read, and its problems are kept for `read()`.
 */
export class ConfigLookup {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly files = new Map<string, { folder: FolderConfig; problems: ConfigFileProblem[] }>();
  private defaults?: FolderConfig;

  constructor(
    private readonly cwd: string,
    /** A configuration file for every folder (`--config`). */
    private readonly fixed?: string,
  ) {}

  forDir(dir: string): FolderConfig {
    const path = this.fixed ?? this.nearestFile(resolve(dir));
    if (path === undefined) return (this.defaults ??= { config: resolveConfig(), root: this.cwd });
    let entry = this.files.get(path);
    if (!entry) {
      const loaded = loadConfigFile(path);
      entry = { folder: { path, config: resolveConfig(loaded.config), root: dirname(path) }, problems: loaded.problems };
      this.files.set(path, entry);
    }
    return entry.folder;
  }

  /** Every configuration file read so far, in the order first read, with its problems. */
  read(): { path: string; problems: ConfigFileProblem[] }[] {
    return [...this.files].map(([path, e]) => ({ path, problems: e.problems }));
  }

  private nearestFile(dir: string): string | undefined {
    // Each folder on the way up is remembered, so a walk of many folders looks at each once.
    const walked: string[] = [];
    let found: string | undefined;
    for (let d = dir; ;) {
      if (this.nearest.has(d)) {
        found = this.nearest.get(d);
        break;
      }
      walked.push(d);
      const candidate = join(d, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    for (const d of walked) this.nearest.set(d, found);
    return found;
  }
}
