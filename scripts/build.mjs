// Bundles every entry point with esbuild: the CLI, the language server, the VS Code client, and
// the npm package's library API (ESM and CommonJS builds of each entry in API below).
// `--watch` rebuilds on change; `--production` minifies and writes no source maps (used by
// `npm run package` and `npm pack`); `--types` also writes the API's type declarations with tsc.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const types = process.argv.includes('--types');

const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli' },
  { in: 'server/src/server.ts', out: 'dist/server' },
  { in: 'client/src/extension.ts', out: 'dist/extension' },
].filter((e) => existsSync(e.in));

/**
 * The library entry points, one per subpath of package.json's "exports". Each is bundled twice —
 * `<out>.mjs` for `import`, `<out>.cjs` for `require` — and its declarations go to
 * `dist/types/<types>.d.ts` (CommonJS) and `.d.mts` (ESM). To add one (e.g. `starlint/remark`):
 * add a line here, its source file to tsconfig.api.json's "files", and the matching "exports"
 * entry (import: types .d.mts, default .mjs; require: types .d.ts, default .cjs).
 * test/package/package.test.ts then checks that every target is in the tarball, and imports and
 * type-checks every subpath from a stranger's project in both module systems.
 */
export const API = [
  { subpath: '.', in: 'server/src/api.ts', out: 'dist/api/index', types: 'api' },
  { subpath: './remark', in: 'server/src/remark.ts', out: 'dist/api/remark', types: 'remark' },
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow; its ESM
  // build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
};

// ESM dependencies that call createRequire(import.meta.url) need a real URL in a CJS bundle.
const cjs = {
  format: 'cjs',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
// CommonJS dependencies bundled into an ES module may still call require() for Node's own modules.
const esm = {
  format: 'esm',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
const api = API.map((a) => ({ in: a.in, out: a.out }));
// The library API imports its run-time dependencies (the remark parser stack, YAML, JSONC) from
// node_modules, shared with the user's own remark pipeline; the CLI and the server bundle them.
const runtime = Object.keys(createRequire(import.meta.url)('../package.json').dependencies ?? {});

// VS Code for the Web: the extension's browser entry (a CommonJS module the web extension host
// loads) and the language server as a classic web-worker script. Platform "browser": a Node
// built-in module imported by mistake fails the build. 'vscode-languageserver' (constants and types
// used by the LSP features) resolves to its browser build.
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [
    {
      name: 'languageserver-browser',
      setup(build) {
        const target = createRequire(import.meta.url).resolve('vscode-languageserver/browser');
        build.onResolve({ filter: /^vscode-languageserver$/ }, () => ({ path: target }));
      },
    },
  ],
};
const web = [
  { ...browser, format: 'cjs', entryPoints: [{ in: 'client/src/browser.ts', out: 'dist/browser/extension' }], outdir: '.', external: ['vscode'] },
  // A worker has no DOM: the "worker" export condition picks packages' DOM-free builds
  // (decode-named-character-reference's "browser" build calls document.createElement).
  { ...browser, conditions: ['worker'], format: 'iife', entryPoints: [{ in: 'server/src/browser.ts', out: 'dist/browser/server' }], outdir: '.' },
];

const builds = [
  ...web,
  { ...common, ...cjs, entryPoints: entries, outdir: '.', external: ['vscode'] },
  { ...common, ...cjs, entryPoints: api, outdir: '.', outExtension: { '.js': '.cjs' }, external: runtime },
  { ...common, ...esm, entryPoints: api, outdir: '.', outExtension: { '.js': '.mjs' }, external: runtime },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (types) writeTypes();
}

/** The API's declarations: tsc writes the CommonJS `.d.ts` files; each ESM `.d.mts` re-exports its twin. */
function writeTypes() {
  rmSync('dist/types', { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json'], { stdio: 'inherit' });
  for (const a of API) {
    // tsc mirrors the source tree (the engine imports shared/); each entry's declarations are
    // re-exported at the path the exports map names, as `.d.ts` (CommonJS) and `.d.mts` (ESM).
    const source = `./${a.in.replace(/\.ts$/, '.js')}`;
    // `export *` leaves the default export out: a plugin (starlint/remark) is its default export.
    const hasDefault = /^export default /m.test(readFileSync(a.in, 'utf8'));
    const body = `export * from '${source}';\n${hasDefault ? `export { default } from '${source}';\n` : ''}`;
    mkdirSync(dirname(`dist/types/${a.types}`), { recursive: true });
    for (const ext of ['.d.ts', '.d.mts']) writeFileSync(`dist/types/${a.types}${ext}`, body);
  }
  console.error(`  dist/types: declarations for ${API.map((a) => (a.subpath === '.' ? 'starlint' : `starlint/${a.subpath.slice(2)}`)).join(', ')}`);
}
