// The server's file-system edge. Finding `.starlintrc.json`, deciding which files are stories and
// decoding file bytes come from `node/config-files` (shared with the CLI, so both agree); this file
// adds what only an editor needs: open (unsaved) configuration files, and a workspace walk that
// stops at a file limit and yields to requests while it runs.
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../engine';
import { CONFIG_FILE_NAME, findConfigFile as findOnDisk, isStoryCandidate } from '../node/config-files';
import { MAX_READ_BYTES, decodeText } from '../node/files';
import { matchersFor, relativeInside } from '../node/globs';

export { isStoryCandidate, CONFIG_FILE_NAME };

export function isInside(file: string, dir: string): boolean {
  return path.resolve(file) === path.resolve(dir) || relativeInside(dir, file) !== undefined;
}

/**
 * The nearest `.starlintrc.json` from `startDir` up to `stopDir` (inclusive). An open one counts
 * even before it is saved (`openConfigs`), and the deepest file wins, on disk or open.
 */
export function findConfigFile(startDir: string, stopDir: string | undefined, openConfigs: string[] = []): string | undefined {
  const onDisk = findOnDisk(startDir, stopDir);
  let best = onDisk;
  for (const open of openConfigs) {
    const dir = path.dirname(open);
    if (!isInside(startDir, dir) || (stopDir && !isInside(dir, stopDir))) continue;
    if (!best || dir.length > path.dirname(best).length) best = open;
  }
  return best;
}

/** Reads a file as text as the CLI does (BOM, UTF-16, invalid UTF-8); undefined for binary or unreadable files. */
export async function readText(file: string): Promise<string | undefined> {
  try {
    // The same cap as the CLI's: a file this large is not read at all, whatever maxFileSize says.
    if ((await fs.stat(file)).size > MAX_READ_BYTES) return undefined;
    const decoded = decodeText(await fs.readFile(file));
    return decoded.skipped === undefined ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

export interface WalkResult {
  files: string[];
  /** Set when the walk stopped at a limit. */
  truncated?: string;
  /** Symbolic links out of the folder that were not followed (the first 20), relative to it. */
  linkedOut?: string[];
}

export interface WalkLimits {
  /** Most story files returned (default 20,000). */
  maxFiles?: number;
  /** Most directory entries looked at, a guard against enormous trees (default 500,000). */
  maxEntries?: number;
}

/**
 * Lists the story files under `root` as the CLI's folder walk would: files matching `stories`,
 * not `ignore` (node_modules and .git always), hidden entries skipped unless a glob names them,
 * symbolic links inside the folder followed once, links out of it only with `followSymlinks`. Also skips files larger than `maxFileSize`. Breadth-first.
 */
export async function walkStoryFiles(root: string, config: ResolvedConfig, limits: WalkLimits = {}): Promise<WalkResult> {
  const maxFiles = limits.maxFiles ?? 20_000;
  const maxEntries = limits.maxEntries ?? 500_000;
  const { stories, ignored } = matchersFor(config);
  const walkHidden = config.stories.some((g) => /(^|\/)\.[^./]/.test(g));
  const files: string[] = [];
  const realRoot = await real(root);
  const visited = new Set<string>([realRoot]);
  const linkedOut: string[] = [];
  const queue = [root];
  let entries = 0;
  while (queue.length) {
    const dir = queue.shift() as string;
    let list: Dirent[];
    try {
      list = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      if (++entries > maxEntries) return { files, linkedOut, truncated: `stopped after ${maxEntries.toLocaleString('en-US')} folder entries` };
      if (entry.name.startsWith('.') && !walkHidden) continue;
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const rel = relativeInside(root, full) ?? entry.name;
      if (ignored(rel)) continue;
      let stat;
      try {
        stat = await fs.stat(full);
      } catch {
        continue;
      }
      // A link out of the workspace folder is not followed unless `followSymlinks` is set: a cloned
      // repository must not make the server read, and offer to edit, files elsewhere on the disk.
      if (entry.isSymbolicLink() && !config.followSymlinks) {
        const r = await real(full);
        if (r !== realRoot && relativeInside(realRoot, r) === undefined) {
          if (linkedOut.length < 20) linkedOut.push(rel);
          continue;
        }
      }
      if (stat.isDirectory()) {
        const r = await real(full);
        if (visited.has(r)) continue;
        visited.add(r);
        queue.push(full);
      } else if (stat.isFile() && stories(rel) && stat.size <= config.maxFileSize) {
        files.push(full);
        if (files.length >= maxFiles) return { files, linkedOut, truncated: `stopped at ${maxFiles.toLocaleString('en-US')} story files` };
      }
    }
  }
  return { files, linkedOut };
}

async function real(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return p;
  }
}
