// The starlint command line: a thin shell over the engine. It reads the arguments and the
// configuration, collects and reads the files, lints them (and the bank, with --bank), prints
// one format, and exits 0 (no error-severity finding), 1 (at least one, or too many warnings)
// or 2 (usage or configuration error). Nothing here throws to the user: every failure becomes a
// one-line message on stderr.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import {
  ALL_RULES,
  analyzeBank,
  buildCards,
  cardsToHtml,
  cardsToMarkdown,
  createEngine,
  fixText,
  isBankRule,
  ruleDocsUrl,
  today as realToday,
  type LineIndex,
  type LintResult,
} from './engine';
import { ConfigLookup, type ConfigFileProblem } from './node/config-files';
import { plural } from '../../shared/wording';
import { noStoriesHint } from './node/no-stories';
import { collectFiles, decodeText, displayPath, readTextFile, type ReadResult } from './node/files';
import { colors, compareFindings, countBySeverity, table, toCliFinding, type CliFinding } from './node/report';
import { formatStylishFindings, formatSummary } from './node/format-stylish';
import { formatJson } from './node/format-json';
import { formatSarif } from './node/format-sarif';
import { formatGithub } from './node/format-github';
import { bankJson, formatBankText } from './node/format-bank';
import { runInit } from './init';
import { brokenConfigLines, commonFolder, mixedConfigNote } from './node/bank-load';
import { runDrill } from './node/drill';
import { runMatch } from './node/match';
import { fixDiff, writeFixed } from './node/fix-files';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'bank-json'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: starlint [options] [file | folder | glob | -]...
       starlint cards [file | folder | glob]... [--out cards.html] [--format html|md]
       starlint init [--company <id>] [--ci github|pre-commit]
       starlint drill [file | folder | glob]... [--questions n] [--theme id] [--seed n]
       starlint match JOB [file | folder | glob]... [--format text|json]

Lints STAR interview stories in Markdown. With no path, lints the current folder
(every *.md and *.markdown file, following "stories" and "ignore" in .starlintrc.json).
"-" reads one document from standard input. Each file uses the nearest
.starlintrc.json in its folder or above. New here? Run "starlint init" first.

Options:
  -f, --format <name>        stylish (default), json, sarif, github or bank-json
      --bank                 also judge the whole bank: scores, composition,
                             question coverage and the bank-wide rules
  -c, --config <file>        use this configuration file for every file instead of
                             the nearest .starlintrc.json upward from each file
      --today <YYYY-MM-DD>   the date "recency" and practice checkpoints count from
  -q, --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
      --fix                  apply the rules' safe fixes to the files (ids, rule ids in
                             comments, a missing section's skeleton); never rewrites prose
      --fix-dry-run          print the safe fixes as a unified diff; write nothing
      --no-exit              exit 0 even with findings (a look at the bank, not a gate);
                             usage and configuration errors still exit 2
      --stdin-filename <p>   the file name to report for "-" (default <stdin>)
      --no-color             no colours (also when NO_COLOR is set or not a terminal)
      --list-rules           list every rule: id, default severity, description
  -o, --out <file>           with "cards": write the cue cards to this file
                             (HTML, or Markdown when it ends in .md); an existing
                             file is kept unless --force is given
      --force                with "cards --out": replace an existing file
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no error-severity finding (or --no-exit); 1 at least one, or more
warnings than --max-warnings; 2 usage or configuration error.
Docs: https://github.com/starlint/starlint/blob/main/docs/cli.md
`;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        bank: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        today: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        'no-exit': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'no-color': { type: 'boolean' },
        'list-rules': { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // parseArgs explains itself ("Unknown option '--x'. To specify…"); keep its first sentence.
    throw new UsageError(`${(e as Error).message.split(/\.\s|\n/)[0].replace(/\.$/, '')}.`);
  }
}

function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function colorEnabled(noColor: boolean | undefined): boolean {
  const env = process.env;
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return process.stdout.isTTY === true;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function note(message: string): void {
  process.stderr.write(`starlint: ${message}\n`);
}

interface Linted {
  file: string;
  dir: string;
  result: LintResult;
}

/** The subcommands with their own options, each in its own module; a file or folder of that name is linted instead. */
const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<number>> = { drill: runDrill, match: runMatch };

async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  // "starlint init" sets up a story bank (init.ts), unless "init" is a file or folder to lint.
  if (argv[0] === 'init' && !existsSync(resolve(cwd, 'init')))
    return runInit(
      argv.slice(1),
      cwd,
      (s) => process.stdout.write(s),
      (s) => process.stderr.write(s),
    );
  const sub = SUBCOMMANDS[argv[0]];
  if (sub && !existsSync(resolve(cwd, argv[0]))) return sub(argv.slice(1));
  const { values, positionals } = parse(argv);

  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  // "starlint cards …" renders cue cards, unless "cards" is a file or folder to lint.
  const cards = positionals[0] === 'cards' && !existsSync(resolve(cwd, 'cards'));
  if (cards) positionals.shift();
  const cardFormat = cards ? (values.format ?? (values.out?.toLowerCase().endsWith('.md') ? 'md' : 'html')) : undefined;
  if (cardFormat !== undefined && cardFormat !== 'html' && cardFormat !== 'md') throw new UsageError(`Cue cards come as html or md (got "${cardFormat}").`);
  if (values.out !== undefined && !cards) throw new UsageError('--out goes with "starlint cards".');
  if (values.force && values.out === undefined) throw new UsageError('--force goes with "starlint cards --out".');
  const format = (cards ? 'stylish' : (values.format ?? 'stylish')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use one of ${FORMATS.join(', ')}.`);
  if (values['list-rules']) {
    process.stdout.write(listRules(format));
    return 0;
  }
  const day = values.today ?? realToday();
  if (!isValidDate(day)) throw new UsageError(`--today must be a date written YYYY-MM-DD, e.g. 2026-11-25 (got "${values.today}").`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings must be a whole number of 0 or more (got "${values['max-warnings']}").`);
    maxWarnings = Number(values['max-warnings']);
  }

  // Each file uses the nearest .starlintrc.json upward from it (as the editor does), or --config for all.
  const fixed = values.config !== undefined ? resolve(cwd, values.config) : undefined;
  const configs = new ConfigLookup(cwd, fixed);
  if (fixed !== undefined) {
    configs.forDir(cwd);
    if (reportBroken(configs.read(), cwd)) return 2;
  }

  const wantsStdin = positionals.includes('-');
  const stdinName = values['stdin-filename'] !== undefined ? resolve(cwd, values['stdin-filename']) : undefined;
  const patterns = positionals.filter((p) => p !== '-');
  if (positionals.length === 0) patterns.push('.');
  const collected = collectFiles(patterns, cwd, (dir) => configs.forDir(dir));
  const fatal = collected.problems.filter((p) => p.fatal);
  for (const p of collected.problems) note(`${p.path}: ${p.message}`);
  if (fatal.length) return 2;
  const inputs: { file: string; dir: string; path?: string; read: () => ReadResult | Promise<ReadResult> }[] = collected.files.map((path) => ({
    file: displayPath(path, cwd),
    dir: dirname(path),
    path,
    read: () => readTextFile(path),
  }));
  if (wantsStdin) {
    // Standard input is configured as a file in --stdin-filename's folder, else the current one.
    const name = stdinName !== undefined ? displayPath(stdinName, cwd) : '<stdin>';
    inputs.push({ file: name, dir: stdinName !== undefined ? dirname(stdinName) : cwd, read: async () => decodeText(await readStdin()) });
  }
  for (const input of inputs) configs.forDir(input.dir);
  // The bank is judged with the configuration of the folder that holds every file linted.
  const wantsBank = cards || values.bank === true || format === 'bank-json';
  const bankFolder = commonFolder(
    inputs.map((i) => i.dir),
    cwd,
  );
  const bankConfig = wantsBank ? configs.forDir(bankFolder) : undefined;
  if (reportBroken(configs.read(), cwd)) return 2;
  if (bankConfig && fixed === undefined) {
    const mixed = mixedConfigNote(
      bankConfig,
      bankFolder,
      inputs.map((i) => configs.forDir(i.dir)),
      cwd,
    );
    if (mixed) note(mixed);
  }

  const linted: Linted[] = [];
  const engine = createEngine();
  let fixRefused = false;
  for (const input of inputs) {
    const read = await input.read();
    if (read.skipped !== undefined) {
      note(`${input.file}: ${read.skipped}`);
      continue;
    }
    if (read.note) note(`${input.file}: ${read.note}`);
    const config = configs.forDir(input.dir).config;
    let text = read.text;
    if (values.fix || values['fix-dry-run']) {
      // The rules' safe fixes, pass after pass; what is reported is the fixed text's findings.
      const outcome = fixText(text, (t) => engine.lintText(t, config, { today: day }));
      if (outcome.text !== text) {
        // The diff goes to stdout beside the human report; with a machine format it keeps stdout clean.
        if (values['fix-dry-run']) (format === 'stylish' ? process.stdout : process.stderr).write(fixDiff(input.file, text, outcome.text));
        else if (!input.path) note(`${input.file}: --fix does not write standard input; use --fix-dry-run to see the fixes.`);
        else {
          const wrote = writeFixed(input.path, text, outcome.text);
          if (wrote.written) {
            text = outcome.text;
            note(`${input.file}: fixed ${plural(outcome.applied.length, 'problem')} (${[...new Set(outcome.applied.map((a) => a.rule))].join(', ')}).`);
          } else {
            note(`${input.file}: not fixed: ${wrote.reason}.`);
            fixRefused = true;
          }
        }
      }
    }
    const result = engine.lintText(text, config, { today: day });
    if (result.doc.limited === 'binary') {
      note(`${input.file}: binary file; skipped`);
      continue;
    }
    for (const e of result.errors)
      note(`${input.file}: rule "${e.rule}" failed on story ${e.story + 1} and was skipped (${e.error.split('\n')[0]}). Please report this.`);
    linted.push({ file: input.file, dir: input.dir, result });
  }
  const hint = noStoriesHint(
    linted.map((l) => ({ file: l.file, stories: l.result.doc.isStory ? l.result.doc.stories.length : 0 })),
    patterns.length ? patterns : ['.'],
  );
  if (hint) note(hint);

  if (cards) {
    const files = linted.map((l) => ({ uri: l.file, result: l.result }));
    const deck = buildCards(files, analyzeBank(files, bankConfig!.config, day));
    const rendered = cardFormat === 'md' ? cardsToMarkdown(deck) : cardsToHtml(deck, day);
    if (values.out === undefined) process.stdout.write(rendered);
    else {
      try {
        // 'wx': an existing file (or a link) at --out is never overwritten unless --force says so.
        writeFileSync(resolve(cwd, values.out), rendered, { flag: values.force ? 'w' : 'wx' });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          process.stderr.write(`starlint: ${values.out} already exists; not overwritten (pass --force to replace it).\n`);
          return 2;
        }
        process.stderr.write(`starlint: cannot write ${values.out} (${code ?? (e as Error).message}).\n`);
        return 2;
      }
      note(`wrote ${plural(deck.length, 'cue card')} to ${values.out}.`);
    }
    return 0;
  }

  const linesOf = new Map<string, LineIndex>(linted.map((l) => [l.file, l.result.lines]));
  let findings: CliFinding[] = linted.flatMap((l) => l.result.findings.map((f) => toCliFinding(l.file, l.result.lines, f)));
  findings.sort(compareFindings);

  const bank = bankConfig
    ? analyzeBank(
        linted.map((l) => ({ uri: l.file, result: l.result })),
        bankConfig.config,
        day,
      )
    : undefined;
  let bankFindings: CliFinding[] = (bank?.findings ?? []).map((f) =>
    f.uri !== undefined && linesOf.has(f.uri) ? toCliFinding(f.uri, linesOf.get(f.uri), f) : toCliFinding(null, undefined, f),
  );
  bankFindings.sort(compareFindings);

  // The exit code counts every finding; --quiet only changes what is printed.
  const all = countBySeverity([...findings, ...bankFindings]);
  if (values.quiet) {
    findings = findings.filter((f) => f.severity === 'error');
    bankFindings = bankFindings.filter((f) => f.severity === 'error');
  }
  const everything = [...findings, ...bankFindings].sort(compareFindings);
  const c = colors(format === 'stylish' && colorEnabled(values['no-color']));

  let output: string;
  switch (format) {
    case 'json':
      output = formatJson(everything);
      break;
    case 'sarif':
      output = formatSarif(everything, { version, cwd });
      break;
    case 'github':
      output = formatGithub(everything);
      break;
    case 'bank-json':
      output = JSON.stringify(
        bankJson(bank!, bankFindings, (file) => linesOf.get(file)),
        null,
        2,
      );
      break;
    default: {
      const lines = formatStylishFindings(findings, c);
      if (bank) lines.push(...formatBankText(bank, bankFindings, c));
      lines.push(...formatSummary(everything, c));
      output = lines.join('\n').replace(/\n+$/, '');
    }
  }
  if (output) process.stdout.write(`${output}\n`);

  const tooManyWarnings = maxWarnings !== undefined && all.warning > maxWarnings;
  if (tooManyWarnings) note(`${plural(all.warning, 'warning')}, more than --max-warnings ${maxWarnings}.`);
  if (fixRefused) return 2;
  return (all.error > 0 || tooManyWarnings) && !values['no-exit'] ? 1 : 0;
}

/** Prints each problem of the configuration files at file:line:column; true when there was one. */
function reportBroken(files: { path: string; problems: ConfigFileProblem[] }[], cwd: string): boolean {
  const lines = brokenConfigLines(files, cwd);
  for (const line of lines) process.stderr.write(`${line}\n`);
  return lines.length > 0;
}

function listRules(format: Format): string {
  const rules = ALL_RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description, bank: isBankRule(r), docs: ruleDocsUrl(r.id) }));
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  const rows = [['Rule', 'Default', 'Description'], ...rules.map((r) => [r.id, r.severity, r.bank ? `${r.description} (bank, with --bank)` : r.description])];
  return `${table(rows).join('\n')}\n`;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`starlint | head`) is not an error of ours.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      note(e.message);
      note('run "starlint --help" for usage.');
    } else {
      note(`internal error: ${e instanceof Error ? e.message : String(e)}. Please report this, with the file that caused it.`);
      if (process.env.STARLINT_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    }
    process.exitCode = 2;
  },
);
