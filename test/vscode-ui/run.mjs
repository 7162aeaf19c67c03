#!/usr/bin/env node
// Runs the browser UI checks (checks.mjs) in code-server on a temporary copy of the example
// story bank, so the checks may add a story (the `<img onerror>` title) without touching the
// repository. Screenshots for the README land in docs/images/.
//   node test/vscode-ui/run.mjs [--keep] [--readme-images]   (after `npm run build` and
//   `npm run e2e:install`); --readme-images rewrites docs/images/*.png, else screenshots go to
//   test-results/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'starlint-ui-'));
const bank = path.join(workspace, 'story-bank');
fs.cpSync(path.join(root, 'examples/story-bank'), bank, { recursive: true });
let status = 1;
try {
  const own = new Set(['--keep', '--readme-images']);
  const env = { ...process.env, STARLINT_README_IMAGES: process.argv.includes('--readme-images') ? '1' : '0' };
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/e2e/run-code-server-tests.mjs'),
      '--workspace',
      bank,
      '--ui',
      path.join(root, 'test/vscode-ui/checks.mjs'),
      '--ui-only',
      ...process.argv.slice(2).filter((a) => !own.has(a)),
    ],
    { stdio: 'inherit', cwd: root, env },
  );
  status = r.status ?? 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`workspace kept: ${bank}`);
  else fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(status);
