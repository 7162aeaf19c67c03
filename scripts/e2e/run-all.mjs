#!/usr/bin/env node
// The real-editor runs of `npm test`, each run even when an earlier one failed: the extension's
// suite in a trusted workspace, the Restricted Mode suite in an untrusted one, and the browser
// entry in code-server's web-worker extension host. Exits non-zero when any failed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = [
  { name: 'trusted workspace', args: ['scripts/e2e/run-code-server-tests.mjs'] },
  {
    name: 'Restricted Mode',
    args: [
      'scripts/e2e/run-code-server-tests.mjs',
      '--untrusted',
      '--tests',
      'out/test/vscode-restricted/index.js',
      '--workspace',
      'test/fixtures/untrusted-workspace',
      '--out',
      'test-results/restricted',
    ],
  },
  { name: 'VS Code for the Web (browser extension host)', args: ['test/vscode-web/run.mjs'] },
];
const results = runs.map((run) => {
  console.log(`\n[e2e] ${run.name}`);
  const r = spawnSync(process.execPath, run.args, { cwd: root, stdio: 'inherit' });
  return { ...run, ok: r.status === 0, status: r.status ?? r.signal };
});
console.log('\n[e2e] summary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name}${r.ok ? '' : ` (exit ${r.status})`}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
