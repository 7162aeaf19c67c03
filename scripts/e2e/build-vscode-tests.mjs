#!/usr/bin/env node
// Compiles the real-editor suites: test/vscode/index.ts and test/vscode/*.test.ts
// → out/test/vscode/*.js, and test/vscode-restricted/*.test.ts → out/test/vscode-restricted/ (CommonJS, Node, bundled per file; `vscode` comes from the
// extension host and `mocha` resolves from node_modules at run time).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Two suites: test/vscode (the workspace trusted) and test/vscode-restricted (run with --untrusted:
// Restricted Mode). Each gets its own copy of the in-host runner, which loads the tests beside it.
const suites = [
  { src: 'test/vscode', out: 'out/test/vscode' },
  { src: 'test/vscode-restricted', out: 'out/test/vscode-restricted' },
];

let count = 0;
for (const suite of suites) {
  const srcDir = path.join(root, suite.src);
  const outDir = path.join(root, suite.out);
  // { in, out }: every file lands at the top of the suite's folder, where the runner looks.
  const entryPoints = readdirSync(srcDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => ({ in: path.join(srcDir, f), out: f.replace(/\.ts$/, '') }));
  if (!entryPoints.some((e) => e.out === 'index')) entryPoints.push({ in: path.join(root, 'test/vscode/index.ts'), out: 'index' });
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  count += entryPoints.length;
}
console.log(`[e2e:build] ${count} file(s) → ${suites.map((s) => `${s.out}/`).join(', ')}`);
