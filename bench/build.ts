// Bundles the benchmark worker with esbuild, as scripts/build.mjs bundles the CLI and the server,
// so the starlint code that the benchmark and the profiler time is the production bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');
export const RESULTS = path.join(ROOT, 'bench', 'results');
export const WORKER = path.join(RESULTS, '.build', 'worker.mjs');

export async function buildWorker(): Promise<void> {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    // ESM so that the ESM-only peers load with a plain import(); starlint's code is the same.
    format: 'esm',
    // jsonc-parser's "main" is a UMD build whose relative require()s a bundle cannot follow.
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    // The peers run as published, from node_modules.
    external: ['markdownlint', 'alex', 'write-good'],
    outfile: WORKER,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(path.dirname(WORKER), 'package.json'), '{"type":"module"}\n');
}
