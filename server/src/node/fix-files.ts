// Writing `starlint --fix` results: only a file whose text changed, atomically (a temporary file
// beside it, then a rename), never over a file that changed on disk since it was read, and with
// its UTF-8 byte-order mark kept. `--fix-dry-run` prints the same change as a unified diff.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInsideReal, realPathOf } from '../../../shared/confine';
import { createTwoFilesPatch } from 'diff';

export type WriteOutcome = { written: true } | { written: false; reason: string };

/**
 * Writes `fixed` to `path` if the file still holds exactly the bytes `original` was read from.
 * The file is written at its real path (a link stays a link); a link that leads out of `root`
 * (the current folder) is refused.
 */
export function writeFixed(path: string, original: string, fixed: string, root: string = process.cwd()): WriteOutcome {
  const real = realPathOf(path);
  if (real !== resolve(path) && !isInsideReal(root, real))
    return { written: false, reason: `it is a symbolic link to ${real}, outside this folder; not written` };
  path = real;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { written: false, reason: `cannot read it again (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return { written: false, reason: 'UTF-16 files are not rewritten' };
  const now = new TextDecoder('utf-8').decode(bytes);
  if (now !== original) return { written: false, reason: 'it changed on disk since starlint read it; run starlint --fix again' };
  const temp = join(dirname(path), `.${basename(path)}.starlint-${process.pid}.tmp`);
  try {
    writeFileSync(temp, (bom ? '\ufeff' : '') + fixed, { mode: statSync(path).mode });
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    return { written: false, reason: `cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return { written: true };
}

/** The change as a unified diff, file names as the user gave them. */
export function fixDiff(file: string, original: string, fixed: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, original, fixed, '', '', { context: 3 }).replace(/^={67}\n/m, '');
}
