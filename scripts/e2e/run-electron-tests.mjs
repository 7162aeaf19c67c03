#!/usr/bin/env node
// Runs the same real-editor mocha suite (out/test/vscode/index.js) in desktop VS Code through
// @vscode/test-electron. For machines that reach Microsoft's update server (a developer's laptop,
// a public CI): it downloads VS Code into .tools/vscode-test/ on first use. Where only the npm
// registry is reachable it fails at once with ENOTFOUND: use run-code-server-tests.mjs there.
//
// Usage:
//   node scripts/e2e/run-electron-tests.mjs [options] [workspace]
//     --extension DIR       extension under development (default: repo root)
//     --tests FILE          tests module with run() (default: <extension>/out/test/vscode/index.js)
//     --workspace DIR       folder to open (default: examples/story-bank; also the positional arg)
//     --vscode-version V    VS Code version to download: "stable" (default), "insiders" or "1.95.0"
//                           (also VSCODE_TEST_VERSION)
//     --grep TEXT           only tests whose full title matches
// On Linux without a display, run it under `xvfb-run -a`.
// Exit codes: 0 all passed; 1 a test failed; 2 usage; 3 could not start VS Code.
// The last line printed is always "N passed, M failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function usage(msg) {
  const head = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1, 18);
  if (msg) console.error(`error: ${msg}\n`);
  console.error(head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(msg ? 2 : 0);
}

const o = { extension: ROOT, tests: undefined, workspace: undefined, version: process.env.VSCODE_TEST_VERSION || 'stable', grep: undefined };
const rest = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => argv[++i] ?? usage(`missing value for ${a}`);
  if (a === '--extension') o.extension = val();
  else if (a === '--tests') o.tests = val();
  else if (a === '--workspace') o.workspace = val();
  else if (a === '--vscode-version') o.version = val();
  else if (a === '--grep') o.grep = val();
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else rest.push(a);
}
if (rest.length > 1) usage('at most one workspace folder');
const extensionDevelopmentPath = path.resolve(o.extension);
const extensionTestsPath = path.resolve(o.tests ?? path.join(extensionDevelopmentPath, 'out/test/vscode/index.js'));
const workspace = path.resolve(rest[0] ?? o.workspace ?? path.join(ROOT, 'examples/story-bank'));

function fail(code, msg) {
  console.error(`[e2e:electron] ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(code);
}
if (!fs.existsSync(extensionTestsPath)) fail(3, `tests module ${extensionTestsPath} not found: run node scripts/e2e/build-vscode-tests.mjs`);
if (!fs.existsSync(workspace)) fail(3, `workspace ${workspace} not found`);
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('[e2e:electron] warning: no DISPLAY; on a headless Linux machine run this under `xvfb-run -a`');
}

const { runTests } = await import('@vscode/test-electron');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-e2e-electron-'));
const resultsFile = path.join(tmp, 'vscode-results.json');
let exitCode = 0;
let hostError;
try {
  exitCode = await runTests({
    version: o.version,
    cachePath: path.join(ROOT, '.tools/vscode-test'),
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: {
      STARLINT_E2E_RESULTS: resultsFile,
      ...(o.grep ? { STARLINT_E2E_GREP: o.grep } : {}),
    },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
    ],
  });
} catch (e) {
  // runTests rejects with the host's exit code (a number) or with a download/launch error.
  if (typeof e === 'number') exitCode = e;
  else if (e?.name === 'TestRunFailedError' || /^Test run (failed with code|terminated with signal)/.test(String(e?.message))) {
    exitCode = typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
    if (e.signal) console.error(`[e2e:electron] VS Code ${e.message}`);
  } else {
    hostError = e;
  }
}

let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
} catch {
  /* none written */
}
fs.rmSync(tmp, { recursive: true, force: true });

if (hostError) {
  const msg = String(hostError?.message ?? hostError);
  const hint = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(msg)
    ? ' (cannot reach the VS Code download server: use scripts/e2e/run-code-server-tests.mjs on this machine)'
    : '';
  fail(3, `could not run VS Code: ${msg}${hint}`);
}

let passed = 0;
let failed = 0;
if (results) {
  for (const t of results.passes ?? []) console.log(`  ok    ${t.title}`);
  for (const t of results.pending ?? []) console.log(`  skip  ${t.title}`);
  for (const t of results.failures ?? []) {
    console.log(`  FAIL  ${t.title}`);
    for (const l of String(t.stack || t.error)
      .split('\n')
      .slice(0, 12))
      console.log(`          ${l}`);
  }
  passed = results.passes?.length ?? 0;
  failed = results.failures?.length ?? 0;
} else {
  console.error(`[e2e:electron] no results file from the extension host (exit code ${exitCode})`);
}
if (exitCode !== 0 && failed === 0) failed = 1;
if (passed + failed === 0) {
  console.error('[e2e:electron] the suite ran no test');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || exitCode !== 0 ? 1 : 0);
