// The setup writer's file system on Node: a folder on disk (the command line's current folder,
// or a local workspace folder in VS Code).
import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { SetupFs } from './setup';

export function nodeSetupFs(folder: string): SetupFs {
  // The folder's own real path, so a folder reached through a link is still "this folder".
  const root = realpathSync(folder);
  const at = (path: string) => join(root, ...path.split('/'));
  return {
    async kind(path) {
      try {
        const s = await lstat(at(path));
        return s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
        throw e;
      }
    },
    async leadsInside(path) {
      let real: string;
      try {
        real = await realpath(at(path));
      } catch {
        return undefined;
      }
      const rel = relative(root, real);
      return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
    },
    async makeFolder(path) {
      await mkdir(at(path));
    },
    async createFile(path, text) {
      try {
        // 'wx' fails when anything is at the path, a dangling link included: never overwrite.
        await writeFile(at(path), text, { flag: 'wx' });
        return 'created';
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
        throw e;
      }
    },
  };
}
