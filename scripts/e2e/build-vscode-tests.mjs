#!/usr/bin/env node
// Compiles the real-editor suite: test/vscode/index.ts and test/vscode/*.test.ts
// → out/test/vscode/*.js (CommonJS, Node, bundled per file; `vscode` comes from the
// extension host and `mocha` resolves from node_modules at run time).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = path.join(root, 'test/vscode');
const outDir = path.join(root, 'out/test/vscode');

const entryPoints = readdirSync(srcDir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(srcDir, f));

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
console.log(`[e2e:build] ${entryPoints.length} file(s) → ${path.relative(root, outDir)}/`);
