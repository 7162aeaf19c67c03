// Keeping reads and writes inside the folder the user gave (a workspace folder, the CLI's folder):
// paths are compared by their real path, so a symbolic link in a cloned repository cannot lead a
// scan or a write elsewhere on the disk. Node only (the CLI, the server, the desktop client).
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The real path of `path`, following every symbolic link. A path that does not exist yet (a file
 * about to be written) is resolved through its deepest existing ancestor.
 */
export function realPathOf(path: string): string {
  const tail: string[] = [];
  let p = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(p), ...tail.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return join(p, ...tail.reverse());
      tail.push(basename(p));
      p = parent;
    }
  }
}

/** True when `path`, by its real path, is `root` or lies inside it (also by real path). */
export function isInsideReal(root: string, path: string): boolean {
  return within(realPathOf(root), realPathOf(path));
}

/** True when `path` lies inside one of `roots` by real path. */
export function isInsideAnyReal(roots: readonly string[], path: string): boolean {
  const real = realPathOf(path);
  return roots.some((root) => within(realPathOf(root), real));
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
