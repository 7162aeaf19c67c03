// A hostile repository: what a cloned workspace can put in front of starlint — a glob crafted to
// backtrack, symbolic links out of the folder, settings that point writes elsewhere, a huge
// maxFileSize — through the real CLI and a real language-server process (issue 17 items 1–4).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { compileGlob, GLOB_LIMITS, MAX_FILE_SIZE_LIMIT, parseConfigText, resolveConfig } from '../server/src/engine';
import { parseConfigFile } from '../server/src/node/config-files';
import { walkStoryFiles } from '../server/src/lsp/files';
import type { BankResult } from '../shared/protocol';
import { runCli } from './helpers/cli';
import { ROOT, TestClient, ensureBuilt, fileUri, until } from './lsp/helpers/client';
import { runMetered } from './robustness/metered';

const CRAFTED = '*a*a*a*a*a*a*a*a*a*a*a*a*z';
/** As in test/robustness/complexity.test.ts: linear work grows at most this much for 10 times the input. */
const MAX_GROWTH = 15;
/** A story with findings (a "we" Action, a Result with no number), so every linted file shows in --format json. */
const WEAK =
  '# Churn model\n\n## Situation\n\nChurn was rising.\n\n## Task\n\nI had to fix it.\n\n## Action\n\nWe built a model and we shipped it.\n\n## Result\n\nIt went well.\n';
const filesOf = (json: string): string[] => [...new Set((JSON.parse(json) as { file: string }[]).map((f) => f.file))].sort();
const STORY = readFileSync(join(ROOT, 'examples/story-bank/01-cold-start-recommender.md'), 'utf8');

describe('security: globs cannot hang the scan', () => {
  // picomatch is the reference for the syntax; the matcher must agree with it wherever both accept a glob.
  const GLOBS = [
    '**/*.md',
    '**/*.markdown',
    '**/node_modules/**',
    '**/.git/**',
    'stories/**',
    'stories/*.md',
    '*.md',
    'a/**/b.md',
    '**/draft-*.md',
    '{stories,notes}/**/*.md',
    '**/*.{md,markdown}',
    'x/[abc]*.md',
    'x/[^a]*.md',
    'x/[a-c]?.md',
    '.interviews/**',
    '**/.interviews/**/*.md',
    'st?ries/*.md',
    '**',
    '**/*',
    'a/**',
    '**/a',
    '*a*b*.md',
    './stories/*.md',
    'archive',
    '**/old/**',
    'a/*/b/**/*.md',
    '[0-9]*-*.md',
    'x\\*.md',
    '{a,b{c,d}}/*.md',
    CRAFTED,
  ];
  const PATHS = [
    'a.md',
    'x.markdown',
    'stories/a.md',
    'stories/b/c.md',
    '.hidden.md',
    'stories/.h.md',
    '.interviews/a.md',
    'node_modules/x/a.md',
    'a/node_modules/b.md',
    '.git/a.md',
    'drafts/a.md',
    'a/b.md',
    'a/x/y/b.md',
    'a',
    'b/draft-1.md',
    'notes/a/b.md',
    'x/abc.md',
    'x/dfg.md',
    'x/ab.md',
    'storie/a.md',
    'stoRies/a.md',
    'archive',
    'archive/a.md',
    'q/old/r.md',
    'a/q/b/c/d.md',
    '12-x.md',
    'x*.md',
    'xa.md',
    'xaybz.md',
    'a/.b/c.md',
    'bc/a.md',
    'bd/x.md',
    `${'a'.repeat(30)}z`,
    `${'a'.repeat(30)}y`,
  ];

  for (const dot of [false, true]) {
    it(`matches as picomatch does (dot: ${dot}) on ${GLOBS.length} globs × ${PATHS.length} paths`, () => {
      const differences: string[] = [];
      for (const glob of GLOBS) {
        const ours = compileGlob(glob, { dot });
        assert.ok(ours.ok, `${glob} is accepted`);
        // picomatch backtracks on the crafted glob: compare it on short names only.
        const reference = picomatch(glob, { dot });
        for (const path of PATHS) {
          if (glob === CRAFTED && path.length > 20) continue;
          if (ours.match(path) !== reference(path)) differences.push(`${glob} on ${path}: picomatch ${reference(path)}`);
        }
      }
      assert.deepEqual(differences, []);
    });
  }

  it('reads [!a] as "not a", as POSIX shells do (picomatch reads it as "! or a")', () => {
    const g = compileGlob('x/[!a]*.md', { dot: false });
    assert.ok(g.ok);
    assert.equal(g.match('x/b.md'), true);
    assert.equal(g.match('x/a.md'), false);
  });

  it('refuses negations, extended globs, empty, over-long and over-branching globs with a message', () => {
    const refused = (glob: string): string => {
      const c = compileGlob(glob, { dot: false });
      assert.equal(c.ok, false, glob);
      return (c as { message: string }).message;
    };
    assert.match(refused('!drafts/**'), /Negated globs/);
    assert.match(refused('+(a|b).md'), /Extended globs/);
    assert.match(refused(''), /empty glob/);
    assert.match(refused('a'.repeat(GLOB_LIMITS.length + 1)), /at most 256/);
    assert.match(refused('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}'), /more than 64 alternatives/);
  });

  it('reports a refused glob in .starlintrc.json at its line and column and leaves it out', () => {
    const text = '{\n  "stories": ["stories/**/*.md", "!drafts/**"],\n  "ignore": ["+(x|y)/**"]\n}\n';
    const parsed = parseConfigFile(text);
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.column, p.endColumn]),
      [
        [2, 34, 46],
        [3, 14, 25],
      ],
    );
    assert.match(parsed.problems[0].message, /Negated globs .* This glob is not used\./);
    const config = resolveConfig(parsed.config);
    assert.deepEqual(config.stories, ['stories/**/*.md']);
    assert.ok(!config.ignore.includes('+(x|y)/**'));
  });

  it('matches the crafted glob and longer variants in work linear in the name (counted, not timed)', function () {
    this.timeout(300_000);
    const growth = runMetered<Record<string, number>>('globs');
    assert.deepEqual(Object.keys(growth).sort(), ['crafted glob, 12 stars', 'globstar chain on deep paths', 'the same with 48 stars'].sort());
    for (const [name, ratio] of Object.entries(growth)) assert.ok(ratio < MAX_GROWTH, `${name}: work grew ${ratio.toFixed(1)}× for a 10× longer name`);
  });

  it('the CLI lints a folder whose .starlintrc.json holds the crafted glob next to a 40-a file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starlint-crafted-'));
    try {
      writeFileSync(join(dir, '.starlintrc.json'), JSON.stringify({ ignore: [CRAFTED] }));
      writeFileSync(join(dir, `${'a'.repeat(40)}.md`), WEAK);
      const r = runCli(['.', '--no-exit', '--format', 'json'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(filesOf(r.stdout), [`${'a'.repeat(40)}.md`], 'the one story file was linted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI reports a refused glob as a configuration error at its line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starlint-refused-'));
    try {
      writeFileSync(join(dir, '.starlintrc.json'), '{\n  "ignore": ["!keep.md"]\n}\n');
      writeFileSync(join(dir, 'story.md'), STORY);
      const r = runCli(['.'], { cwd: dir });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /\.starlintrc\.json:2:14.*Negated globs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: the workspace stays the workspace', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'starlint-ws-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'starlint-outside-')));
    writeFileSync(join(outside, 'elsewhere.md'), STORY.replace(/^title: .*$/m, 'title: A story from elsewhere on the disk'));
    mkdirSync(join(dir, 'stories'));
    writeFileSync(join(dir, 'stories', 'mine.md'), WEAK);
    symlinkSync(outside, join(dir, 'stories', 'disk'));
    symlinkSync(join(outside, 'elsewhere.md'), join(dir, 'stories', 'linked.md'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('the server walk does not follow links out of the folder unless followSymlinks is set', async () => {
    const walk = await walkStoryFiles(dir, resolveConfig());
    assert.deepEqual(walk.files, [join(dir, 'stories', 'mine.md')]);
    assert.deepEqual(walk.linkedOut, ['stories/disk', 'stories/linked.md']);
    const following = await walkStoryFiles(dir, resolveConfig({ followSymlinks: true }));
    assert.deepEqual(following.files.sort(), [
      join(dir, 'stories', 'disk', 'elsewhere.md'),
      join(dir, 'stories', 'linked.md'),
      join(dir, 'stories', 'mine.md'),
    ]);
  });

  it('the CLI does not lint or --fix a file reached through a link out of the folder', () => {
    const broken = STORY.replace(/^category: .*$/m, 'category: projetc');
    writeFileSync(join(outside, 'elsewhere.md'), broken);
    const walked = runCli(['.', '--no-exit', '--format', 'json'], { cwd: dir });
    assert.deepEqual(filesOf(walked.stdout), ['stories/mine.md']);
    assert.match(walked.stderr, /stories\/linked\.md: a symbolic link out of \.; not followed/);
    const fixed = runCli(['stories/linked.md', '--fix'], { cwd: dir });
    assert.match(fixed.stderr, /not fixed: it is a symbolic link to .*elsewhere\.md, outside this folder; not written/);
    assert.equal(readFileSync(join(outside, 'elsewhere.md'), 'utf8'), broken, 'the file outside was not written');
  });

  it('the language server keeps linked stories out of the bank and refuses to write through a link', async function () {
    this.timeout(60_000);
    ensureBuilt();
    const client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
    try {
      const bank = await client.request<BankResult>('starlint/bank', {});
      assert.deepEqual(
        bank.stories.map((s) => s.uri),
        [fileUri(join(dir, 'stories', 'mine.md'))],
      );
      assert.equal(bank.files, 1);
      await until(() => client.logs.find((l) => /did not follow 2 symbolic links out of/.test(l)), 10_000, 'the log line');
      await assert.rejects(
        client.request('workspace/executeCommand', {
          command: 'starlint.markPracticed',
          arguments: [{ uri: fileUri(join(dir, 'stories', 'linked.md')), story: 0 }],
        }),
        /lies outside the workspace folders; nothing was written/,
      );
      assert.equal(client.applyEditRequests.length, 0);
    } finally {
      await client.stop();
    }
  });
});

describe('security: size caps and Restricted Mode in the language server', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'starlint-trust-')));
    cpSync(join(ROOT, 'examples/story-bank'), join(dir, 'stories'), { recursive: true });
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'draft.md'), STORY.replace(/^title: .*$/m, 'title: A draft only the workspace config reads'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('maxFileSize has an upper bound, in the schema and in the code', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/starlintrc.schema.json'), 'utf8'));
    assert.equal(schema.properties.maxFileSize.maximum, MAX_FILE_SIZE_LIMIT);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.configuration.properties['starlint.maxFileSize'].maximum, MAX_FILE_SIZE_LIMIT);
    const { config, problems } = parseConfigText('{"maxFileSize": 1e12}');
    assert.match(problems[0].message, /at most 10,000,000/);
    assert.equal(resolveConfig(config).maxFileSize, MAX_FILE_SIZE_LIMIT);
  });

  it('logs a refused glob from the editor settings once, and scans without it', async function () {
    this.timeout(60_000);
    ensureBuilt();
    const client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0, ignore: ['!stories/**', 'drafts/**'] } });
    try {
      const bank = await client.request<BankResult>('starlint/bank', {});
      assert.equal(bank.stories.length, 8, 'drafts/ is ignored, the negated glob is not used');
      const line = await until(() => client.logs.find((l) => l.includes('starlint.ignore[0]')), 10_000, 'the log line');
      assert.match(line, /"!stories\/\*\*": Negated globs/);
      assert.equal(client.logs.filter((l) => l.includes('starlint.ignore[0]')).length, 1);
    } finally {
      await client.stop();
    }
  });

  it('an untrusted workspace is scanned with the built-in globs; trusting it applies .starlintrc.json without a restart', async function () {
    this.timeout(60_000);
    ensureBuilt();
    // The workspace narrows the scan to drafts/: a repository could point it anywhere.
    writeFileSync(join(dir, '.starlintrc.json'), JSON.stringify({ stories: ['drafts/**/*.md'] }));
    const client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 }, initializationOptions: { trusted: false } });
    try {
      const titles = async (): Promise<string[]> => (await client.request<BankResult>('starlint/bank', {})).stories.map((s) => s.title).sort();
      const untrusted = await titles();
      assert.equal(untrusted.length, 9, `the defaults read every story: ${untrusted.join(', ')}`);
      await client.notify('starlint/workspaceTrust', { trusted: true });
      const trusted = await until(
        async () => {
          const t = await titles();
          return t.length === 1 ? t : undefined;
        },
        20_000,
        'the workspace configuration applied',
      );
      assert.deepEqual(trusted, ['A draft only the workspace config reads']);
    } finally {
      await client.stop();
    }
  });
});
