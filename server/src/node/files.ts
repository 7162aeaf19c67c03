/**
 * Files for the CLI: expanding the paths, folders and globs on the command line into a sorted
 * list of story files, and reading each one as text without ever throwing.
 *
 * - `collectFiles(patterns, cwd, config, root?)` — `{ files, problems }`. `files` are absolute
 *   paths, deduplicated by real path and sorted by their path relative to `cwd`. A named file is
 *   always included. A folder is walked recursively for files matching `config.stories` (default
 *   `**\/*.md`, `**\/*.markdown`), skipping `config.ignore` (node_modules and .git always) and
 *   hidden entries; glob patterns are expanded with tinyglobby (following no symbolic link) and filtered by `config.ignore`.
 *   Globs in the configuration are matched against paths relative to `root` (the folder of the
 *   configuration file; `cwd` by default; the named folder when it lies outside `root`); a file
 *   whose path relative to the named folder matches `stories` counts too. `config` may instead be
 *   a function giving each folder its own configuration and root (`ConfigLookup.forDir`): every
 *   folder walked, and the folder of every file named or matched, is judged by its own. A symbolic
 *   link that leads out of the walked folder (to a folder or a file) is not followed, and is
 *   reported as a non-fatal problem, unless the configuration sets `followSymlinks`; then each
 *   real folder is walked once. Links back into the folder are skipped (their files are reached by
 *   their own path), so loops end. A pattern that names nothing is a `fatal` problem; an unreadable folder a non-fatal one.
 * - `readTextFile(path)` — `{ text, note? }` or `{ skipped }`: binary files are skipped, invalid
 *   UTF-8 is decoded with replacement characters (and noted), UTF-16 with a byte-order mark is
 *   decoded, and files over `MAX_READ_BYTES` are skipped before they are read.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
// `require`, not `import`: esbuild then bundles tinyglobby's (and fdir's) CommonJS build. Their
// ESM build calls createRequire(import.meta.url), which is undefined in our CommonJS bundle.
import tinyglobby = require('tinyglobby');
import type { ResolvedConfig } from '../engine';
import { matchersFor, relativeInside } from './globs';

export interface FileProblem {
  /** The pattern or path concerned, as given or as found. */
  path: string;
  message: string;
  /** True when a command-line pattern names no file at all (a usage error). */
  fatal: boolean;
}

export interface CollectedFiles {
  files: string[];
  problems: FileProblem[];
}

type FileConfig = Pick<ResolvedConfig, 'stories' | 'ignore'> & Partial<Pick<ResolvedConfig, 'followSymlinks'>>;

/** The configuration of one folder and the folder its globs are relative to. */
export type ConfigForFolder = (dir: string) => { config: FileConfig; root: string };

/** Expands command-line paths, folders and globs into story files. Never throws. */
export function collectFiles(patterns: string[], cwd: string, config: FileConfig | ConfigForFolder, root: string = cwd): CollectedFiles {
  const configFor: ConfigForFolder = typeof config === 'function' ? config : () => ({ config, root });
  const found = new Map<string, string>(); // real path → path as reached
  const problems: FileProblem[] = [];

  const add = (path: string): void => {
    const real = realOf(path);
    const seen = found.get(real);
    // Prefer the path that is not reached through a symbolic link, then the shorter one.
    if (seen === undefined || (path === real && seen !== real) || (seen !== real && path.length < seen.length)) found.set(real, path);
  };

  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const stats = statOf(abs);
    if (stats?.isFile()) {
      configFor(dirname(abs)); // read now, so a broken configuration of a named file is reported
      add(abs);
    } else if (stats?.isDirectory()) {
      walk(abs);
    } else if (stats) {
      problems.push({ path: pattern, message: 'not a regular file or folder; skipped', fatal: false });
    } else if (tinyglobby.isDynamicPattern(pattern)) {
      let matches: string[] = [];
      try {
        matches = tinyglobby.globSync(pattern, {
          cwd,
          absolute: true,
          dot: false,
          expandDirectories: false,
          // Symbolic links are not followed (tinyglobby then lists no linked file or folder at all), so a
          // link in a cloned repository cannot send the glob across the disk; name a folder to walk its links.
          followSymbolicLinks: false,
          ignore: ['**/node_modules/**', '**/.git/**'],
        });
      } catch (e) {
        problems.push({ path: pattern, message: `invalid glob pattern: ${(e as Error).message}`, fatal: true });
        continue;
      }
      const kept = matches.filter((m) => {
        const here = configFor(dirname(m));
        return !matchersFor(here.config).ignored(matchPath(m, cwd, here.root));
      });
      if (matches.length === 0) problems.push({ path: pattern, message: 'no file matches this pattern', fatal: true });
      else if (kept.length === 0) problems.push({ path: pattern, message: 'every file this pattern matches is ignored by "ignore"', fatal: true });
      for (const m of kept) add(m);
    } else {
      problems.push({ path: pattern, message: 'no such file or folder', fatal: true });
    }
  }

  const files = [...found.values()].map((path) => ({ path, key: displayPath(path, cwd) }));
  files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { files: files.map((f) => f.path), problems };

  // The configuration's globs are relative to its root; a folder outside root is matched on its own.
  function matchPath(path: string, base: string, root: string): string {
    return relativeInside(root, path) ?? relativeInside(base, path) ?? displayPath(path, base);
  }

  function walk(start: string): void {
    const realStart = realOf(start);
    const visited = new Set<string>([realStart]);
    const stack = [start];
    while (stack.length) {
      const dir = stack.pop()!;
      // Each folder is judged by its own configuration: a sub-folder may hold another .starlintrc.json.
      const here = configFor(dir);
      const { stories, ignored } = matchersFor(here.config);
      const walkHidden = here.config.stories.some((g) => /(^|\/)\.[^./]/.test(g));
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        problems.push({ path: dir, message: `cannot read this folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`, fatal: false });
        continue;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') && !walkHidden) continue;
        const full = join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        const isLink = entry.isSymbolicLink();
        let linksOut = false;
        if (isLink) {
          const target = statOf(full);
          if (!target) continue; // A dangling link names nothing to lint.
          isDir = target.isDirectory();
          isFile = target.isFile();
          const real = realOf(full);
          linksOut = real !== realStart && relativeInside(realStart, real) === undefined;
        }
        const rel = matchPath(full, start, here.root);
        if (ignored(rel)) continue;
        // A link out of the folder given is not followed unless the configuration says so: a cloned
        // repository must not make starlint read (and --fix write) files elsewhere on the disk.
        if (linksOut && !here.config.followSymlinks) {
          if (isDir || stories(rel)) {
            problems.push({
              path: displayPath(full, cwd),
              message: `a symbolic link out of ${displayPath(start, cwd)}; not followed (set "followSymlinks": true in .starlintrc.json to follow it)`,
              fatal: false,
            });
          }
          continue;
        }
        if (isDir) {
          const real = realOf(full);
          // A link to a folder inside this walk is a second name for files reached anyway (or a
          // loop); a link out of it is followed (with followSymlinks), each real folder once.
          if (isLink && !linksOut) continue;
          if (visited.has(real)) continue;
          visited.add(real);
          stack.push(full);
        } else if (isFile) {
          const relToStart = relativeInside(start, full);
          if (stories(rel) || (relToStart !== undefined && stories(relToStart))) add(full);
        }
      }
    }
  }
}

/** The path as the CLI prints it: relative to `cwd` when possible, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function realOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Files larger than this are not read at all; the engine analyses only `maxFileSize` characters anyway. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export type ReadResult = { text: string; note?: string; skipped?: undefined } | { skipped: string; text?: undefined; note?: undefined };

/** Reads a file as text. Never throws: what cannot be linted comes back as `skipped` with a reason. */
export function readTextFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_READ_BYTES) return { skipped: `larger than ${MAX_READ_BYTES / 1024 / 1024} MB; skipped` };
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { skipped: `cannot read (${err.code ?? err.message}); skipped` };
  }
  return decodeText(bytes);
}

/** Decodes file bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM; binary is refused. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    if (!le) body.swap16();
    return { text: new TextDecoder('utf-16le').decode(body) };
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { skipped: 'binary file; skipped' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), note: 'not valid UTF-8; invalid bytes were read as U+FFFD' };
  }
}
