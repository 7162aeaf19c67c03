// Logging a practice session from the command line: the engine's markPracticedEdit (the edit
// *Mark Practiced Today* makes in the editor: the date appended to the story's `practiced` list,
// every other byte kept), written atomically, and only to a file that still holds the text the
// edit was computed from. Never throws.
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { markPracticedEdit, type Story } from '../engine';

export type PracticeLogResult = { logged: true; text: string } | { logged: false; reason: string; already?: boolean };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The file's text as UTF-8 (a UTF-8 byte-order mark set aside); undefined when it is not UTF-8. */
function readUtf8(path: string): { text: string; bom: boolean } | undefined {
  const bytes = readFileSync(path);
  const bom = bytes.subarray(0, 3).equals(BOM);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes), bom };
  } catch {
    return undefined;
  }
}

/**
 * Appends `date` to the `practiced` list of `story` in the file at `path`, whose text was `expected`
 * when `story` was parsed from it. Refuses (and writes nothing) when the file changed on disk since,
 * is not UTF-8, or already logs that date.
 */
export function logPractice(path: string, expected: string, story: Story, date: string): PracticeLogResult {
  let real: string;
  try {
    // Write through a symbolic link to the file it points at, and keep the link.
    real = realpathSync(path);
  } catch (e) {
    return { logged: false, reason: `cannot read it any more (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const edit = markPracticedEdit(expected, story, date);
  if (!edit) return { logged: false, already: true, reason: `"${story.title}" already logs ${date}` };
  const text = expected.slice(0, edit.start) + edit.text + expected.slice(edit.end);
  const unchanged = (): string | undefined => {
    try {
      const now = readUtf8(real);
      if (!now) return 'it is not UTF-8 text; log the practice in your editor';
      if (now.text !== expected) return 'it changed on disk since the drill read it; run the drill again to log this story';
      return undefined;
    } catch (e) {
      return `cannot read it any more (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    }
  };
  const before = unchanged();
  if (before) return { logged: false, reason: before };
  const bom = readUtf8(real)?.bom ?? false;
  const tmp = join(dirname(real), `.${basename(real)}.starlint-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', statSync(real).mode & 0o7777);
    writeSync(fd, bom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8'));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // The last look before the rename: an editor that saved meanwhile keeps its version.
    const late = unchanged();
    if (late) {
      unlinkSync(tmp);
      return { logged: false, reason: late };
    }
    renameSync(tmp, real);
    return { logged: true, text };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    return { logged: false, reason: `cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
