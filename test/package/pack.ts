// The npm package as a stranger gets it: `npm pack` of this repository (its `prepack` script
// builds the production bundles and the type declarations), then `npm install <tarball>` into an
// empty project. Packed once per test run and shared by the package, Action and pre-commit tests.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Packed {
  /** The tarball's absolute path. */
  tarball: string;
  /** Its size in bytes, and its files' total. */
  size: number;
  unpackedSize: number;
  /** Every file in the tarball, relative to the package root. */
  files: string[];
}

let packed: Packed | undefined;

// The tarball and the snapshot serve the whole run; they go when the test process ends.
const temporary: string[] = [];
process.on('exit', () => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** npm, run quietly and without the network where the local cache has what it needs. */
export function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
}

export function pack(): Packed {
  if (packed) return packed;
  const dir = mkdtempSync(join(tmpdir(), 'starlint-pack-'));
  temporary.push(dir);
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  packed = { tarball: join(dir, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((f) => f.path).sort() };
  return packed;
}

/** A new, empty npm project with the packed tarball installed; returns its folder. */
export function strangerProject(): string {
  const { tarball } = pack();
  const dir = mkdtempSync(join(tmpdir(), 'starlint-stranger-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'stranger', version: '1.0.0', private: true }, null, 2));
  npm(['install', tarball], dir);
  return dir;
}

let snapshot: { dir: string; commit: string } | undefined;

/**
 * This working tree as a repository of its own, as GitHub or pre-commit would clone it: the
 * tracked and untracked-but-not-ignored files (so uncommitted work is tested too), one commit.
 */
export function sourceSnapshot(): { dir: string; commit: string } {
  if (snapshot) return snapshot;
  const dir = mkdtempSync(join(tmpdir(), 'starlint-source-'));
  temporary.push(dir);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue; // deleted but not yet staged
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(dir, f));
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=starlint tests', '-c', 'user.email=tests@starlint.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot of the working tree');
  snapshot = { dir, commit: git('rev-parse', 'HEAD') };
  return snapshot;
}
