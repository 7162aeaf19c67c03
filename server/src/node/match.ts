// `starlint match JOB [paths…]`: which competencies a job posting asks for — with the phrase that
// asks for each — and which stories of the bank answer them, the gaps, and the stories to rehearse
// first. The engine's matchJob does the work; this file reads the posting and the bank and prints
// a table (or JSON for tools).
import { resolve } from 'node:path';
import type { BankReport } from '../engine';
import { MAX_POSTING_CHARS, matchJob, type Competency, type MatchResult } from '../engine/bank/match';
import { loadBank } from './bank-load';
import { decodeText, displayPath, readTextFile, type ReadResult } from './files';
import { colors, plural, table, type Colors } from './report';
import {
  COMMON_OPTIONS,
  UsageError,
  colorOn,
  parseSubcommandArgs,
  printable,
  printableStories,
  processIO,
  runSubcommand,
  todayOption,
  type SubcommandIO,
} from './subcommand';

export const MATCH_HELP = `Usage: starlint match [options] JOB [file | folder | glob]...

Reads a job posting (JOB: a .md or .txt file, or - for standard input) and
finds the competencies it asks for — the question themes, the hiring company's
values when the posting names the company, and ML skills (experimentation,
deployment, data quality, stakeholder work, leadership, ethics) — each with the
phrase that asks for it. Then, from your story bank (the paths, default the
current folder), the stories that answer each one, the gaps, and the stories
to rehearse first. Offline; the lexicon is in docs/match.md.

Options:
  -f, --format <name>    text (default) or json
  -c, --config <file>    this configuration file instead of the nearest
                         .starlintrc.json upward from the current folder
      --today <date>     the date practice schedules count from (YYYY-MM-DD)
      --no-color         no colours
  -h, --help             show this help
`;

async function readStdin(stdin: NodeJS.ReadStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function runMatch(argv: string[], io: SubcommandIO = processIO()): Promise<number> {
  return runSubcommand('match', io, async () => {
    const { values, positionals } = parseSubcommandArgs(argv, COMMON_OPTIONS);
    if (values.help) {
      io.stdout.write(MATCH_HELP);
      return 0;
    }
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`The match comes as text or json (got "${format}").`);
    const today = todayOption(values.today);
    const [job, ...paths] = positionals;
    if (job === undefined) throw new UsageError('name the job posting: a .md or .txt file, or - for standard input.');
    let read: ReadResult;
    let jobName: string;
    let jobPath: string | undefined;
    if (job === '-') {
      if (paths.includes('-')) throw new UsageError('standard input holds the job posting; name the bank by its paths.');
      read = decodeText(await readStdin(io.stdin));
      jobName = '<stdin>';
    } else {
      jobPath = resolve(io.cwd, job);
      read = readTextFile(jobPath);
      jobName = displayPath(jobPath, io.cwd);
      if (read.skipped !== undefined)
        throw new UsageError(
          `cannot read the job posting ${job}: ${/no such file|ENOENT/.test(read.skipped) ? 'no such file' : read.skipped.replace(/; skipped$/, '')}.`,
        );
    }
    if (read.skipped !== undefined) throw new UsageError(`cannot read the job posting: ${read.skipped.replace(/; skipped$/, '')}.`);
    if (read.note) io.stderr.write(`starlint: ${jobName}: ${read.note}\n`);
    const posting = read.text;
    if (!posting.trim()) throw new UsageError(`the job posting ${jobName} is empty.`);
    if (posting.length > MAX_POSTING_CHARS)
      io.stderr.write(
        `starlint: ${jobName}: longer than ${MAX_POSTING_CHARS.toLocaleString('en-US')} characters; read the first ${MAX_POSTING_CHARS.toLocaleString('en-US')}.\n`,
      );

    const bank = loadBank(paths, { cwd: io.cwd, configPath: values.config, today });
    if ('errors' in bank) {
      for (const e of bank.errors) io.stderr.write(`${e}\n`);
      return 2;
    }
    for (const n of bank.notes) io.stderr.write(`${n}\n`);
    // The posting is not part of the bank, even when it lies among the stories.
    const report: BankReport = jobPath ? { ...bank.report, stories: bank.report.stories.filter((s) => resolve(io.cwd, s.uri) !== jobPath) } : bank.report;
    const result = matchJob(posting, report, bank.config);
    if (format === 'json') io.stdout.write(`${JSON.stringify(matchJson(result, report, jobName), null, 2)}\n`);
    else
      io.stdout.write(
        `${formatMatch(printableMatch(result), printableStories(report), printable(jobName), colors(colorOn(values['no-color'], io)), io.stdout.isTTY ? io.stdout.columns : undefined).join('\n')}\n`,
      );
    return 0;
  });
}

/** The posting's words (and your own themes' questions) without control characters, for a terminal. */
function printableMatch(result: MatchResult): MatchResult {
  const evidence = (e: Competency['evidence'][number]) => ({ ...e, phrase: printable(e.phrase), excerpt: printable(e.excerpt) });
  return {
    ...result,
    company: result.company && { ...result.company, evidence: evidence(result.company.evidence) },
    competencies: result.competencies.map((c) => ({ ...c, label: printable(c.label), question: printable(c.question), evidence: c.evidence.map(evidence) })),
  };
}

function storyRef(report: BankReport, i: number) {
  const s = report.stories[i];
  return { title: s.title, file: s.uri, line: s.line + 1, index: s.index, score: s.score.total, due: s.practice.due || s.practice.practiced.length === 0 };
}

export function matchJson(result: MatchResult, report: BankReport, job: string) {
  return {
    job: { file: job, words: result.words, company: result.company ?? null },
    bank: { stories: report.stories.length },
    competencies: result.competencies.map((c) => ({
      id: c.id,
      family: c.family,
      label: c.label,
      question: c.question,
      status: c.status,
      implied: c.implied === true,
      evidence: c.evidence,
      stories: c.stories.map((i) => storyRef(report, i)),
    })),
    rehearse: result.rehearse.map((r) => ({ ...storyRef(report, r.story), answers: r.answers, weak: r.weak })),
    gaps: result.competencies.filter((c) => c.status === 'gap').map((c) => c.id),
  };
}

function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

const MARK = { gap: '✗', thin: '!', ok: '✓' } as const;

function evidenceCell(c: Competency): string {
  const e = c.evidence[0];
  const more = c.evidence.length > 1 ? ` +${c.evidence.length - 1}` : '';
  return c.implied ? `(names ${e.phrase}, line ${e.line})` : `"${cut(e.phrase, 38)}" line ${e.line}${more}`;
}

export function formatMatch(result: MatchResult, report: BankReport, job: string, c: Colors, columns = 140): string[] {
  const n = result.competencies.length;
  const gaps = result.competencies.filter((x) => x.status === 'gap');
  const company = result.company ? ` — names ${result.company.label} (line ${result.company.evidence.line})` : '';
  const out = [
    c.bold(`Job posting: ${job} (${plural(result.words, 'word')})${company}`),
    c.dim(`Bank: ${report.stories.length === 1 ? '1 story' : `${report.stories.length} stories`}`),
    '',
  ];
  if (n === 0) {
    out.push('No competency of the lexicon (docs/match.md) found in this posting.');
    return out;
  }
  out.push(`${plural(n, 'competency')} asked for · ${n - gaps.length} answered by your stories · ${plural(gaps.length, 'gap')}`, '');
  // The best story by name, the others counted: the table stays one line per competency.
  const titleWidth = Math.max(20, Math.min(48, columns - 86));
  const storyCell = (x: Competency): string => {
    if (x.stories.length === 0) return 'none — write one';
    const best = report.stories[x.stories[0]];
    return `${cut(best.title, titleWidth)} (${best.score.total})${x.stories.length > 1 ? ` +${x.stories.length - 1}` : ''}`;
  };
  const rows = [
    ['', 'Competency', 'Asked for', 'Stories (best first)'],
    ...result.competencies.map((x) => [MARK[x.status], x.id, evidenceCell(x), storyCell(x)]),
  ];
  out.push(
    ...table(rows, {
      indent: '  ',
      style: (col, text, row) => (row === 0 ? c.dim(text) : col === 0 ? (text === '✓' ? c.green(text) : text === '✗' ? c.red(text) : c.yellow(text)) : text),
    }),
    '',
  );
  if (result.rehearse.length) {
    out.push(c.bold('Rehearse first'));
    result.rehearse.forEach((r, i) => {
      const s = report.stories[r.story];
      const notes = [r.due ? practice(s.practice) : undefined, r.weak ? `weak (${s.score.total}/100)` : undefined].filter(Boolean);
      out.push(
        `  ${i + 1}. ${s.title} (${s.score.total}) — answers ${r.answers.length} of ${n}: ${r.answers.join(', ')}${notes.length ? `; ${notes.join('; ')}` : ''}`,
      );
      out.push(`     ${c.dim(`${s.uri}:${s.line + 1}`)}`);
    });
    out.push('');
  }
  if (gaps.length) {
    out.push(c.yellow(`Gaps: ${gaps.map((g) => g.id).join(', ')} — no story answers ${gaps.length === 1 ? 'it' : 'them'}.`));
    const themes = gaps.filter((g) => g.family === 'theme').map((g) => g.id);
    if (themes.length)
      out.push(
        `  Write a story for ${themes.join(', ')}, or add ${themes.length === 1 ? 'it' : 'them'} to the questions of a story that answers ${themes.length === 1 ? 'it' : 'them'}.`,
      );
    const shown = gaps.filter((g) => g.family !== 'theme');
    if (shown.length) out.push(`  No story shows ${shown.map((g) => g.label).join(', ')} in its prose: write one that does, or say it in one you have.`);
  } else out.push(c.green('Every competency this posting asks for has a story.'));
  return out;
}

function practice(p: BankReport['stories'][number]['practice']): string {
  if (p.practiced.length === 0) return 'never practiced';
  return p.overdueDays === 0 ? 'due for practice today' : `due for practice (${plural(p.overdueDays, 'day')} overdue)`;
}
