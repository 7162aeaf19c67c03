// The npm package, tested as a stranger uses it: the packed tarball installed into an empty
// project, its bins run through npx, its language server spoken to over JSON-RPC, its library
// imported from ES modules and CommonJS and type-checked as TypeScript users would.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../lsp/helpers/client';
import { ROOT, pack, strangerProject, type Packed } from './pack';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CLI_FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

/** Every file the package may ship; anything else in the tarball fails the test. */
const SHIPPED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^bin\/starlint(-lsp)?\.js$/,
  /^dist\/(cli|server)\.js$/,
  /^dist\/api\/[\w-]+\.(mjs|cjs)$/,
  /^dist\/types\/[\w/-]+\.d\.m?ts$/,
  /^schemas\/starlintrc\.schema\.json$/,
];

function npx(dir: string, args: string[], input = '') {
  // --no: never fetch a package from the registry; only the installed bins may answer.
  const r = spawnSync('npx', ['--no', '--', ...args], { cwd: dir, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm package (packed and installed into an empty project)', function () {
  this.timeout(240_000);
  let packed: Packed;
  let dir: string;

  before(() => {
    packed = pack();
    dir = strangerProject();
    copyFileSync(join(CLI_FIXTURES, 'errors.md'), join(dir, 'bad-story.md'));
    copyFileSync(join(CLI_FIXTURES, 'clean.md'), join(dir, 'good-story.md'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is publishable: not private, with bins, a files list and an exports map with types', () => {
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.bin, { starlint: 'bin/starlint.js', 'starlint-lsp': 'bin/starlint-lsp.js' });
    assert.ok(Array.isArray(manifest.files));
    for (const [subpath, target] of Object.entries<Record<string, { types: string; default: string }> | string>(manifest.exports)) {
      if (subpath === './package.json') continue;
      assert.equal(typeof target, 'object', subpath);
      const t = target as Record<string, { types: string; default: string }>;
      assert.deepEqual(Object.keys(t), ['import', 'require'], `${subpath}: import first, then require`);
      assert.match(t.import.types, /\.d\.mts$/);
      assert.match(t.import.default, /\.mjs$/);
      assert.match(t.require.types, /\.d\.ts$/);
      assert.match(t.require.default, /\.cjs$/);
    }
  });

  it('ships only the bins, the bundles, the types, the config schema and the docs files', () => {
    const stray = packed.files.filter((f) => !SHIPPED.some((re) => re.test(f)));
    assert.deepEqual(stray, [], 'files that should not be in the tarball');
    for (const f of ['bin/starlint.js', 'bin/starlint-lsp.js', 'dist/cli.js', 'dist/server.js', 'schemas/starlintrc.schema.json', 'README.md', 'LICENSE'])
      assert.ok(packed.files.includes(f), f);
    // Every target of the exports map is in the tarball.
    const targets = Object.values<Record<string, Record<string, string>> | string>(manifest.exports).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t).flatMap((c) => Object.values(c)),
    );
    for (const t of targets) assert.ok(packed.files.includes(t.replace(/^\.\//, '')), `exports target ${t} is not in the tarball`);
    assert.ok(!packed.files.some((f) => f.endsWith('.map')), 'no source maps');
    assert.ok(!packed.files.includes('dist/extension.js'), 'the VS Code extension ships in the .vsix, not on npm');
  });

  it('depends on the remark parser stack at run time; its bins are self-contained bundles', () => {
    // The library API and the remark plugin import unified + remark-parse (shared with the user's
    // own remark pipeline); markdown-it is nowhere among what a user installs.
    for (const dep of ['unified', 'remark-parse', 'remark-frontmatter', 'yaml']) assert.ok(manifest.dependencies[dep], dep);
    const installed = readdirSync(join(dir, 'node_modules')).filter((n) => !n.startsWith('.'));
    for (const dep of Object.keys(manifest.dependencies)) assert.ok(installed.includes(dep), `${dep} is installed`);
    assert.ok(!installed.includes('markdown-it'));
    // The CLI and the server load no dependency from node_modules (cold start): their bundles carry them.
    for (const bundle of ['dist/cli.js', 'dist/server.js']) {
      const code = readFileSync(join(dir, 'node_modules', 'starlint', bundle), 'utf8');
      assert.doesNotMatch(code, /require\(["'](?:unified|remark-parse|yaml|vscode-languageserver)["']\)/, bundle);
    }
  });

  it('states its measured size in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /npm tarball is (\d+) kB \((\d+(?:\.\d+)?) MB unpacked\)/.exec(readme);
    assert.ok(m, 'README: "the npm tarball is N kB (M MB unpacked)"');
    const kB = packed.size / 1000;
    assert.ok(Math.abs(Number(m[1]) - kB) / kB < 0.1, `README says ${m[1]} kB, the tarball is ${kB.toFixed(0)} kB`);
    const mb = packed.unpackedSize / 1e6;
    assert.ok(Math.abs(Number(m[2]) - mb) / mb < 0.1, `README says ${m[2]} MB unpacked, it is ${mb.toFixed(2)} MB`);
  });

  it('runs `npx starlint` on a story: exit 1 on an error, 0 on a clean story', () => {
    const bad = npx(dir, ['starlint', 'bad-story.md']);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /bad-story\.md/);
    assert.match(bad.stdout, /error {4}Story has no Result section.*missing-section/);
    const good = npx(dir, ['starlint', 'good-story.md']);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.equal(npx(dir, ['starlint', '--version']).stdout.trim(), manifest.version);
  });

  it('runs `npx starlint init` in the project', () => {
    const r = npx(dir, ['starlint', 'init', '--company', 'meta']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(dir, '.starlintrc.json'), 'utf8'), /"targetCompany": "meta"/);
    assert.match(readFileSync(join(dir, 'stories', 'my-first-story.md'), 'utf8'), /^## Situation$/m);
  });

  it('starts `npx starlint-lsp --stdio` and publishes diagnostics over JSON-RPC', async () => {
    const client = await TestClient.start({
      command: ['npx', '--no', '--', 'starlint-lsp'],
      cwd: dir,
      initializationOptions: { scanWorkspace: false },
      settings: { debounceMs: 0 },
    });
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'starlint');
      assert.equal(client.initializeResult.serverInfo?.version, manifest.version);
      const uri = pathToFileURL(join(dir, 'bad-story.md')).toString();
      await client.open(uri, readFileSync(join(dir, 'bad-story.md'), 'utf8'));
      const { diagnostics } = await client.diagnosticsAt(uri, 1, 30_000);
      assert.ok(
        diagnostics.some((d) => d.code === 'missing-section' && d.source === 'starlint' && d.severity === 1),
        JSON.stringify(diagnostics),
      );
    } finally {
      await client.stop();
    }
  });

  it('imports every export from an ES module and from CommonJS', () => {
    const subpaths = Object.keys(manifest.exports).filter((s) => s !== './package.json');
    for (const subpath of subpaths) {
      const spec = subpath === '.' ? 'starlint' : `starlint/${subpath.slice(2)}`;
      writeFileSync(join(dir, 'check.mjs'), `import * as api from '${spec}';\nconsole.log(JSON.stringify(Object.keys(api).sort()));\n`);
      writeFileSync(join(dir, 'check.cjs'), `console.log(JSON.stringify(Object.keys(require('${spec}')).sort()));\n`);
      const esm = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: dir, encoding: 'utf8' })) as string[];
      const cjs = JSON.parse(execFileSync(process.execPath, ['check.cjs'], { cwd: dir, encoding: 'utf8' })) as string[];
      assert.deepEqual(esm, cjs, `${spec}: the same names from import and require`);
      assert.ok(esm.length > 0, spec);
    }
    // The library lints a story the same way from both module systems.
    const story = JSON.stringify(readFileSync(join(dir, 'bad-story.md'), 'utf8'));
    const lint = "const r = lintText(STORY, resolveConfig()); console.log(r.findings.map((f) => f.rule).sort().join(','));";
    writeFileSync(join(dir, 'lint.mjs'), `import { lintText, resolveConfig } from 'starlint';\nconst STORY = ${story};\n${lint}\n`);
    writeFileSync(join(dir, 'lint.cjs'), `const { lintText, resolveConfig } = require('starlint');\nconst STORY = ${story};\n${lint}\n`);
    const fromEsm = execFileSync(process.execPath, ['lint.mjs'], { cwd: dir, encoding: 'utf8' }).trim();
    assert.equal(execFileSync(process.execPath, ['lint.cjs'], { cwd: dir, encoding: 'utf8' }).trim(), fromEsm);
    assert.match(fromEsm, /missing-section/);
  });

  it('type-checks as TypeScript from ES modules and CommonJS (node16 resolution, library checks on)', () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['use.mts', 'use.cts', 'all.mts', 'all.cts'],
      }),
    );
    // Every subpath of the exports map resolves to its types from both module systems.
    const specs = Object.keys(manifest.exports)
      .filter((s) => s !== './package.json')
      .map((s) => (s === '.' ? 'starlint' : `starlint/${s.slice(2)}`));
    writeFileSync(
      join(dir, 'all.mts'),
      specs.map((spec, i) => `import * as api${i} from '${spec}';\nexport const n${i}: number = Object.keys(api${i}).length;`).join('\n'),
    );
    writeFileSync(
      join(dir, 'all.cts'),
      specs.map((spec, i) => `import api${i} = require('${spec}');\nexport const n${i}: number = Object.keys(api${i}).length;`).join('\n'),
    );
    writeFileSync(
      join(dir, 'use.mts'),
      [
        "import { lintText, resolveConfig, findConfigFile, type LintResult, type Finding } from 'starlint';",
        "const result: LintResult = lintText('# A story', resolveConfig());",
        'export const findings: Finding[] = result.findings;',
        "export const config: string | undefined = findConfigFile('.');",
        '// @ts-expect-error lintText takes text',
        'lintText(42, resolveConfig());',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'use.cts'),
      ["import starlint = require('starlint');", "export const result: starlint.LintResult = starlint.lintText('# A story', starlint.resolveConfig());"].join(
        '\n',
      ),
    );
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});
