// The .vsix that `npm run package` builds from the same package.json as the npm package: it must
// still package, and hold the extension's files only — none of the npm package's (library
// bundles, type declarations) nor the repository's (CI files, sources, tests).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './pack';

interface ZipEntry {
  name: string;
  read(): Buffer;
}

/** The entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      read() {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + size);
        return method === 8 ? inflateRawSync(data) : data;
      },
    });
    at += 46 + skip;
  }
  return entries;
}

describe('VS Code extension package (.vsix)', function () {
  this.timeout(120_000);
  let entries: ZipEntry[];

  before(() => {
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    entries = zipEntries(readFileSync(join(ROOT, `starlint-${version}.vsix`)));
  });

  it('holds the extension, the server and the declarative contributions, nothing else', () => {
    const files = entries.map((e) => e.name).filter((n) => n.startsWith('extension/'));
    const allowed = [
      /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
      /^extension\/dist\/(extension|server)\.js$/,
      /^extension\/dist\/browser\/(extension|server)\.js$/,
      /^extension\/docs\/rules\/[\w-]+\.md$/,
      /^extension\/media\/(icon\.png|starlint\.svg)$/,
      /^extension\/snippets\/starlint\.json$/,
      /^extension\/syntaxes\/star-labels\.tmLanguage\.json$/,
      /^extension\/schemas\/starlintrc\.schema\.json$/,
    ];
    assert.deepEqual(
      files.filter((f) => !allowed.some((re) => re.test(f))),
      [],
    );
    for (const f of [
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/browser/extension.js',
      'extension/dist/browser/server.js',
      'extension/snippets/starlint.json',
    ])
      assert.ok(files.includes(f), f);
  });

  it('keeps the extension manifest and leaves out the npm-only fields', () => {
    const manifest = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')!
        .read()
        .toString('utf8'),
    );
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/browser/extension.js', 'VS Code for the Web loads this entry');
    assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'starlint.setUpBank'));
    for (const npmOnly of ['files', 'exports', 'types', 'bin', 'scripts', 'devDependencies']) assert.equal(manifest[npmOnly], undefined, npmOnly);
  });
});
