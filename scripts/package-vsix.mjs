// Packages the VS Code extension (`npm run package`): starlint-<version>.vsix.
//
// package.json is both the npm manifest and the extension manifest. npm ships what its "files"
// list names; the .vsix ships what .vscodeignore lets back in. vsce refuses a folder that has
// both, so the extension is staged in .tmp/vsix: the files .vscodeignore allows, and a
// package.json without the npm-only fields. vsce then packages the stage, .vscodeignore included.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

const root = resolve(import.meta.dirname, '..');
const stage = join(root, '.tmp', 'vsix');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
// The allow-list: every "!pattern" line of .vscodeignore.
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
const allowed = ignore
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1));
for (const file of globSync(allowed, { cwd: root, dot: true })) {
  if (file === 'package.json') continue;
  mkdirSync(dirname(join(stage, file)), { recursive: true });
  copyFileSync(join(root, file), join(stage, file));
}
copyFileSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
// npm's fields mean nothing to VS Code; "files" would make vsce refuse the folder.
const { files, exports, types, bin, scripts, devDependencies, ...extension } = manifest;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(extension, null, 2)}\n`);

const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const out = join(root, `starlint-${manifest.version}.vsix`);
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', out], { cwd: stage, stdio: 'inherit' });
