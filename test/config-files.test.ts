// Configuration files and story files on disk (server/src/node): discovery, problems placed at
// lines and columns, precedence over editor settings, and the CLI's expansion of paths.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_RULES, lintText, resolveConfig } from '../server/src/engine';
import { CONFIG_FILE_NAME, ConfigLookup, findConfigFile, isStoryCandidate, loadConfigFile, parseConfigFile } from '../server/src/node/config-files';
import { collectFiles, decodeText, readTextFile } from '../server/src/node/files';

const HEDGING_STORY = `---
category: project
questions: [challenging-project, ambiguity, proud]
---

# Hedged

## Situation

Our churn model for 2 million members drifted after a pricing change.

## Task

I owned the retraining plan for the quarter.

## Action

I think the drift came from the new annual plan, so I compared the feature distributions before and after the change.

## Result

Recall rose from 0.61 to 0.78 and saved $200K a year. I learned to monitor pricing changes, and the drift check is now a standard process.
`;

let dir: string;

function write(path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('configuration files', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'starlint-config-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('findConfigFile', () => {
    it('finds the nearest .starlintrc.json walking upward', () => {
      const top = write(CONFIG_FILE_NAME, '{}');
      mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
      assert.equal(findConfigFile(join(dir, 'a', 'b', 'c')), top);
      const middle = write(join('a', CONFIG_FILE_NAME), '{}');
      assert.equal(findConfigFile(join(dir, 'a', 'b', 'c')), middle);
      assert.equal(findConfigFile(join(dir, 'a')), middle);
    });

    it('stops at stopDir (inclusive) and ignores a folder with the same name', () => {
      write(CONFIG_FILE_NAME, '{}');
      mkdirSync(join(dir, 'ws', 'stories', CONFIG_FILE_NAME), { recursive: true });
      assert.equal(findConfigFile(join(dir, 'ws', 'stories'), join(dir, 'ws')), undefined);
      assert.equal(findConfigFile(join(dir, 'ws', 'stories'), dir), join(dir, CONFIG_FILE_NAME));
    });

    it('returns undefined when there is none up to the filesystem root', () => {
      mkdirSync(join(dir, 'x'));
      const found = findConfigFile(join(dir, 'x'));
      assert.ok(found === undefined || !found.startsWith(dir));
    });
  });

  describe('loadConfigFile', () => {
    it('reads JSON with comments and trailing commas', () => {
      const path = write(CONFIG_FILE_NAME, '// my settings\n{\n  "rules": { "hedging": "off", },\n  "wordsPerMinute": 140,\n}\n');
      const loaded = loadConfigFile(path);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.config, { rules: { hedging: 'off' }, wordsPerMinute: 140 });
    });

    it('places a JSON syntax error at its line and column', () => {
      const path = write(CONFIG_FILE_NAME, '{\n  "rules": {\n    "hedging": "off"\n    "villain": "off"\n  }\n}\n');
      const { problems, config } = loadConfigFile(path);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /Invalid JSON: a comma was expected/);
      assert.deepEqual([problems[0].line, problems[0].column], [4, 5]);
      assert.deepEqual(config, {});
    });

    it('places a schema problem at the offending property, key through value', () => {
      const path = write(CONFIG_FILE_NAME, '{\n  "rules": {\n    "first-persn": "warning",\n    "hedging": "loud"\n  },\n  "targetCompany": "acme"\n}\n');
      const { problems } = loadConfigFile(path);
      const byLine = Object.fromEntries(problems.map((p) => [p.line, p]));
      assert.equal(byLine[3].message, 'Unknown rule "first-persn". Did you mean "first-person"?');
      assert.deepEqual([byLine[3].column, byLine[3].endLine, byLine[3].endColumn], [5, 3, 29]);
      assert.deepEqual(byLine[3].path, ['rules', 'first-persn']);
      assert.match(byLine[4].message, /Severity of "hedging" must be one of off, hint, info, warning, error/);
      assert.match(byLine[6].message, /"targetCompany" must be one of amazon, google, meta, anthropic, openai/);
      assert.deepEqual([byLine[6].column, byLine[6].endColumn], [3, 26]);
    });

    it('never throws: a missing file or a folder is one problem at 1:1', () => {
      for (const path of [join(dir, 'missing.json'), dir]) {
        const loaded = loadConfigFile(path);
        assert.deepEqual(loaded.config, {});
        assert.equal(loaded.problems.length, 1);
        assert.match(loaded.problems[0].message, /^Cannot read the configuration file: (no such file|it is a folder)\.$/);
        assert.deepEqual([loaded.problems[0].line, loaded.problems[0].column], [1, 1]);
      }
    });

    it('counts positions after a byte-order mark, as editors show them', () => {
      const { problems } = parseConfigFile('\uFEFF{ "wordsPerMinute": 5 }');
      assert.equal(problems.length, 1);
      assert.deepEqual([problems[0].line, problems[0].column, problems[0].span.start], [1, 3, 2]);
    });

    it('a document that is not an object is a problem, not a crash', () => {
      for (const text of ['', '[]', '42', 'null']) {
        const { problems } = parseConfigFile(text);
        assert.equal(problems.length, 1, JSON.stringify(text));
      }
    });
  });

  describe('precedence', () => {
    it('a rule set to "off" in .starlintrc.json silences it, over the editor settings', () => {
      const settings = { rules: { hedging: 'warning' as const } };
      const before = lintText(HEDGING_STORY, resolveConfig(settings), { today: '2026-11-25' });
      assert.ok(before.findings.some((f) => f.rule === 'hedging' && f.severity === 'warning'));
      const file = loadConfigFile(write(CONFIG_FILE_NAME, '{ "rules": { "hedging": "off" } }')).config;
      const after = lintText(HEDGING_STORY, resolveConfig(settings, file), { today: '2026-11-25' });
      assert.ok(!after.findings.some((f) => f.rule === 'hedging'));
    });

    it('rule options from the file override the defaults', () => {
      const file = loadConfigFile(write(CONFIG_FILE_NAME, '{ "rules": { "story-length": { "severity": "error", "min": 10 } } }'));
      assert.deepEqual(file.problems, []);
      const config = resolveConfig(file.config);
      assert.equal(config.severities['story-length'], 'error');
      assert.equal(config.options['story-length'].min, 10);
    });
  });

  describe('isStoryCandidate', () => {
    const config = resolveConfig({ stories: ['stories/**/*.md'], ignore: ['stories/drafts/**'] });

    it('matches the stories globs relative to the root, minus the ignore globs', () => {
      assert.equal(isStoryCandidate(join(dir, 'stories', 'a.md'), config, dir), true);
      assert.equal(isStoryCandidate('stories/team/b.md', config, dir), true);
      assert.equal(isStoryCandidate(join(dir, 'README.md'), config, dir), false);
      assert.equal(isStoryCandidate(join(dir, 'stories', 'drafts', 'c.md'), config, dir), false);
      assert.equal(isStoryCandidate(join(dir, 'stories', 'node_modules', 'd.md'), config, dir), false);
    });

    it('skips hidden folders unless a glob names them', () => {
      const defaults = resolveConfig();
      assert.equal(isStoryCandidate(join(dir, 'a.md'), defaults, dir), true);
      assert.equal(isStoryCandidate(join(dir, '.github', 'a.md'), defaults, dir), false);
      assert.equal(isStoryCandidate(join(dir, '.interviews', 'a.md'), resolveConfig({ stories: ['.interviews/**/*.md'] }), dir), true);
    });

    it('judges a file outside the root by its name', () => {
      const defaults = resolveConfig();
      assert.equal(isStoryCandidate('/elsewhere/story.md', defaults, dir), true);
      assert.equal(isStoryCandidate('/elsewhere/notes.txt', defaults, dir), false);
    });
  });

  describe("ConfigLookup (the CLI's configuration per folder)", () => {
    it("gives each folder the nearest file upward, read once, with globs relative to that file's folder", () => {
      const top = write(CONFIG_FILE_NAME, '{ "wordsPerMinute": 120 }');
      const deep = write(join('a', 'b', CONFIG_FILE_NAME), '{ "wordsPerMinute": 140 }');
      mkdirSync(join(dir, 'a', 'b', 'c'), { recursive: true });
      const lookup = new ConfigLookup(dir);
      assert.equal(lookup.forDir(join(dir, 'a')).path, top);
      assert.equal(lookup.forDir(join(dir, 'a')).config.wordsPerMinute, 120);
      assert.equal(lookup.forDir(join(dir, 'a', 'b', 'c')).path, deep);
      assert.equal(lookup.forDir(join(dir, 'a', 'b', 'c')).root, join(dir, 'a', 'b'));
      assert.equal(lookup.forDir(join(dir, 'a', 'b')).config.wordsPerMinute, 140);
      assert.strictEqual(lookup.forDir(join(dir, 'a', 'b')), lookup.forDir(join(dir, 'a', 'b', 'c')), 'one resolved configuration per file');
      assert.deepEqual(
        lookup.read().map((f) => f.path),
        [top, deep],
      );
    });

    it('keeps the problems of a broken file and the settings it could read; --config serves every folder', () => {
      write(join('a', CONFIG_FILE_NAME), '{ "wordsPerMinute": 120, "rules": { "hedgin": "off" } }');
      const fixed = write('strict.json', '{ "rules": { "hedging": "error" } }');
      const lookup = new ConfigLookup(dir);
      assert.equal(lookup.forDir(join(dir, 'a')).config.wordsPerMinute, 120);
      assert.match(lookup.read()[0].problems[0].message, /Unknown rule "hedgin"/);
      const one = new ConfigLookup(dir, fixed);
      assert.equal(one.forDir(join(dir, 'a')).config.severities.hedging, 'error');
      assert.equal(one.forDir(join(dir, 'a')).root, dir);
      assert.deepEqual(
        one.read().map((f) => f.path),
        [fixed],
      );
    });

    it('uses the defaults, relative to the current folder, where no file applies', () => {
      mkdirSync(join(dir, 'x'));
      const lookup = new ConfigLookup(join(dir, 'x'));
      const found = lookup.forDir(join(dir, 'x'));
      assert.equal(found.path, findConfigFile(join(dir, 'x')), 'the same file findConfigFile finds (none in a fresh temporary folder)');
      assert.equal(found.path, undefined);
      assert.equal(found.root, join(dir, 'x'));
      assert.deepEqual(found.config.stories, resolveConfig().stories);
    });
  });

  describe('collectFiles', () => {
    const defaults = resolveConfig();

    it('walks folders for *.md and *.markdown, sorted, skipping node_modules, .git, hidden folders and ignore globs', () => {
      for (const f of ['b.md', 'a.markdown', 'sub/c.md', 'sub/notes.txt', 'node_modules/x/d.md', '.git/e.md', '.hidden/f.md', 'drafts/g.md', 'CHANGELOG.md'])
        write(f, '# x\n');
      const config = resolveConfig({ ignore: ['drafts/**'] });
      const { files, problems } = collectFiles(['.'], dir, config);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        files,
        ['a.markdown', 'b.md', 'sub/c.md'].map((f) => join(dir, f)),
      );
    });

    it('always includes a file named on the command line, once', () => {
      write('notes.txt', 'x');
      write('a.md', 'x');
      const { files } = collectFiles(['notes.txt', 'a.md', '.', './a.md'], dir, defaults);
      assert.deepEqual(files, [join(dir, 'a.md'), join(dir, 'notes.txt')]);
    });

    it('expands globs and reports patterns that name nothing as fatal', () => {
      for (const f of ['s/one.md', 's/two.md', 's/three.txt']) write(f, 'x');
      const { files, problems } = collectFiles(['s/*.md', 'missing.md', 'nothing/*.md'], dir, defaults);
      assert.deepEqual(files, [join(dir, 's', 'one.md'), join(dir, 's', 'two.md')]);
      assert.deepEqual(
        problems.map((p) => [p.path, p.fatal]),
        [
          ['missing.md', true],
          ['nothing/*.md', true],
        ],
      );
    });

    it('survives a symbolic-link loop and lists each real file once', () => {
      write('bank/story.md', 'x');
      symlinkSync(join(dir, 'bank'), join(dir, 'bank', 'loop'));
      symlinkSync(join(dir, 'bank'), join(dir, 'alias'));
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.md'));
      const walked = collectFiles(['.'], dir, defaults);
      assert.deepEqual(walked.files, [join(dir, 'bank', 'story.md')]);
      const globbed = collectFiles(['**/*.md'], dir, defaults);
      assert.deepEqual(globbed.files, [join(dir, 'bank', 'story.md')]);
      // A link out of the walked folder is not followed, and the CLI says so; with followSymlinks it is.
      write('shared/other.md', 'x');
      symlinkSync(join(dir, 'shared'), join(dir, 'bank', 'shared'));
      const kept = collectFiles(['bank'], dir, defaults);
      assert.deepEqual(kept.files, [join(dir, 'bank', 'story.md')]);
      assert.deepEqual(
        kept.problems.map((p) => [p.path, p.fatal]),
        [['bank/shared', false]],
      );
      assert.match(kept.problems[0].message, /symbolic link out of bank; not followed \(set "followSymlinks": true/);
      const following = resolveConfig({ followSymlinks: true });
      assert.deepEqual(collectFiles(['bank'], dir, following).files, [join(dir, 'bank', 'shared', 'other.md'), join(dir, 'bank', 'story.md')]);
    });

    it('does not read a linked file or folder that leads out of the folder, by walk or by glob', () => {
      const outside = mkdtempSync(join(tmpdir(), 'starlint-outside-'));
      try {
        writeFileSync(join(outside, 'secret.md'), '# Secret\n');
        write('bank/story.md', 'x');
        symlinkSync(join(outside, 'secret.md'), join(dir, 'bank', 'linked.md'));
        symlinkSync(outside, join(dir, 'bank', 'disk'));
        symlinkSync('/', join(dir, 'bank', 'root'));
        const walked = collectFiles(['.'], dir, defaults);
        assert.deepEqual(walked.files, [join(dir, 'bank', 'story.md')]);
        assert.deepEqual(walked.problems.map((p) => p.path).sort(), ['bank/disk', 'bank/linked.md', 'bank/root']);
        // A command-line glob follows no link at all.
        const globbed = collectFiles(['bank/**/*.md'], dir, defaults);
        assert.deepEqual(globbed.files, [join(dir, 'bank', 'story.md')]);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });

    it('matches the configured globs relative to the configuration folder', () => {
      write('interviews/a.md', 'x');
      write('interviews/b.md', 'x');
      write('other/c.md', 'x');
      const config = resolveConfig({ stories: ['interviews/**/*.md'] });
      assert.deepEqual(collectFiles(['.'], dir, config, dir).files, [join(dir, 'interviews', 'a.md'), join(dir, 'interviews', 'b.md')]);
      // Named from inside the folder, the paths are still matched from the root.
      assert.deepEqual(collectFiles(['.'], join(dir, 'interviews'), config, dir).files, [join(dir, 'interviews', 'a.md'), join(dir, 'interviews', 'b.md')]);
    });
  });

  describe('reading files', () => {
    it('never throws: a folder or a missing file is skipped with a reason', () => {
      assert.match(readTextFile(dir).skipped ?? '', /cannot read \(EISDIR\)/);
      assert.match(readTextFile(join(dir, 'missing.md')).skipped ?? '', /cannot read \(ENOENT\)/);
    });

    it('decodes UTF-8 with or without a BOM, UTF-16 with a BOM, and refuses binary', () => {
      assert.deepEqual(decodeText(Buffer.from('\uFEFF# Café\n')), { text: '# Café\n' });
      assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Hi\n', 'utf16le')])), { text: '# Hi\n' });
      const be = Buffer.from('# Hi\n', 'utf16le').swap16();
      assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { text: '# Hi\n' });
      assert.deepEqual(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), { skipped: 'binary file; skipped' });
      const latin1 = decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      assert.equal(latin1.text, 'caf\uFFFD');
      assert.match(latin1.note ?? '', /not valid UTF-8/);
    });
  });

  describe('docs/configuration.md', () => {
    const doc = readFileSync(join(__dirname, '..', 'docs', 'configuration.md'), 'utf8');

    it('has an example .starlintrc.json that loads without a problem', () => {
      const example = /```jsonc\n([\s\S]*?)```/.exec(doc)?.[1];
      assert.ok(example);
      assert.deepEqual(parseConfigFile(example).problems, []);
    });

    it('documents every setting and every rule option', () => {
      for (const key of ['$schema', 'rules', 'themes', 'targetCompany', 'wordsPerMinute', 'stories', 'ignore', 'redact', 'maxFileSize']) {
        assert.ok(doc.includes(`| \`${key}\` |`), key);
      }
      for (const rule of ALL_RULES) {
        const options = Object.keys(rule.options);
        if (options.length === 0) continue;
        const rows = doc.slice(doc.indexOf(`| \`${rule.id}\` |`)).split('\n');
        const end = rows.findIndex((row, i) => i > 0 && !row.startsWith('| |'));
        for (const option of options)
          assert.ok(
            rows.slice(0, end).some((row) => row.includes(`| \`${option}\` |`)),
            `${rule.id}.${option}`,
          );
      }
    });
  });
});
