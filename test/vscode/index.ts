/**
 * In-host mocha runner for the real-editor suite.
 *
 * VS Code's extension host (desktop via @vscode/test-electron, or code-server via
 * scripts/e2e/run-code-server-tests.mjs) loads this module from `extensionTestsPath`
 * and awaits `run()`. It loads every `*.test.js` compiled next to it (out/test/vscode/),
 * runs them with mocha (bdd), writes a results JSON file and rejects if any test failed.
 *
 * Results file (mocha's own output only reaches the extension host's console):
 *   - `$STARLINT_E2E_RESULTS` if that variable reaches the extension host, else
 *   - `<extension root>/test-results/vscode-results.json`, where the extension root is the
 *     nearest folder above this file that holds a package.json (the repo root here).
 * Shape: { passes: [{title, file?, duration?}], failures: [{title, error, stack?}], pending: [...] }
 *
 * Build: node scripts/e2e/build-vscode-tests.mjs  (esbuild → CommonJS; `vscode` and `mocha`
 * stay external: `vscode` is provided by the host, mocha resolves from node_modules).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface E2EResults {
  passes: { title: string; file?: string; duration?: number }[];
  failures: { title: string; error: string; stack?: string; file?: string }[];
  pending: { title: string }[];
  startedAt: string;
  durationMs: number;
  host: { node: string; pid: number };
}

function extensionRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
}

export function resultsFile(): string {
  const fromEnv = process.env.STARLINT_E2E_RESULTS;
  if (fromEnv) return fromEnv;
  return path.join(extensionRoot(__dirname), 'test-results', 'vscode-results.json');
}

function writeResults(file: string, results: E2EResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file); // atomic: the outside runner never reads half a file
}

export function run(): Promise<void> {
  const started = Date.now();
  const file = resultsFile();
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* ignore */
  }
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.STARLINT_E2E_MOCHA_TIMEOUT) || 20_000,
    reporter: 'spec',
  });
  const grep = process.env.STARLINT_E2E_GREP;
  if (grep) mocha.grep(grep);

  const testsRoot = __dirname;
  const files = fs
    .readdirSync(testsRoot)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(testsRoot, f));

  const results: E2EResults = {
    passes: [],
    failures: [],
    pending: [],
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    host: { node: process.version, pid: process.pid },
  };

  return new Promise<void>((resolve, reject) => {
    const finish = (err?: unknown) => {
      results.durationMs = Date.now() - started;
      if (err) {
        results.failures.push({
          title: '(runner) could not load or run the suite',
          error: String((err as Error)?.message ?? err),
          stack: (err as Error)?.stack,
        });
      }
      try {
        writeResults(file, results);
        console.log(`[starlint-e2e] results written to ${file}`);
      } catch (e) {
        console.error(`[starlint-e2e] could not write ${file}:`, e);
      }
      if (files.length === 0) {
        reject(new Error(`no *.test.js files in ${testsRoot}`));
      } else if (results.failures.length > 0) {
        reject(new Error(`${results.failures.length} test(s) failed`));
      } else {
        resolve();
      }
    };
    try {
      const runner = mocha.run(() => finish());
      runner.on('pass', (t: Mocha.Test) => results.passes.push({ title: t.fullTitle(), file: t.file && path.basename(t.file), duration: t.duration }));
      runner.on('fail', (t: Mocha.Runnable, err: Error) =>
        results.failures.push({
          title: t.fullTitle(),
          error: String(err?.message ?? err),
          stack: err?.stack,
          file: t.file && path.basename(t.file),
        }),
      );
      runner.on('pending', (t: Mocha.Test) => results.pending.push({ title: t.fullTitle() }));
    } catch (err) {
      finish(err);
    }
  });
}
