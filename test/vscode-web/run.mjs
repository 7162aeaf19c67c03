#!/usr/bin/env node
// Runs test/vscode-web/checks.mjs: stages the extension with its browser entry only (no "main",
// no "extensionKind"), so code-server loads it in the browser's web-worker extension host as
// vscode.dev would, and opens a temporary copy of examples/story-bank. After `npm run build` and
// `npm run e2e:install`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-web-'));
const stage = path.join(tmp, 'extension');
const bank = path.join(tmp, 'story-bank');
fs.cpSync(path.join(root, 'examples/story-bank'), bank, { recursive: true });
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const { main, extensionKind, files, exports, types, bin, scripts, devDependencies, dependencies, ...web } = manifest;
fs.mkdirSync(stage, { recursive: true });
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(web, null, 2)}\n`);
for (const item of ['dist/browser', 'snippets', 'syntaxes', 'schemas', 'media', 'docs/rules', 'README.md']) {
  fs.cpSync(path.join(root, item), path.join(stage, item), { recursive: true });
}
let status = 1;
try {
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/e2e/run-code-server-tests.mjs'),
      '--extension',
      stage,
      '--workspace',
      bank,
      '--ui',
      path.join(root, 'test/vscode-web/checks.mjs'),
      '--ui-only',
      '--out',
      path.join(root, 'test-results', 'web'),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', cwd: root },
  );
  status = r.status ?? 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
