// Runs a real editor (headless Neovim, batch Emacs) on a copy of a fixture story: the editor's
// harness script starts the built server, talks to it, and writes what it saw as JSON.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, SERVER } from './client';

export interface EditorRun<T> {
  /** The temporary folder holding the story and the result; the caller removes it. */
  dir: string;
  /** The editor's exit code. */
  code: number | null;
  result: T;
}

export async function runEditorHarness<T>(command: string, args: string[], fixture = 'headings.md', timeoutMs = 80_000): Promise<EditorRun<T>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `starlint-${command}-`));
  const story = path.join(dir, 'story.md');
  copyFileSync(path.join(FIXTURES, fixture), story);
  const out = path.join(dir, 'result.json');
  const code = await new Promise<number | null>((resolve, reject) => {
    const p = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, STARLINT_SERVER: SERVER, STARLINT_FILE: story, STARLINT_OUT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`${command} did not finish in ${timeoutMs / 1000} s: ${stderr}`));
    }, timeoutMs);
    p.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { dir, code, result: JSON.parse(readFileSync(out, 'utf8')) as T };
}
