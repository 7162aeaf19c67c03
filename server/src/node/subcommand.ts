// What the CLI's subcommands (drill, match) share: their arguments' errors, the options every
// one takes (--config, --today, --no-color) and the streams they write to, so tests can run them
// in-process.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { today as realToday, type BankStory } from '../engine';

/** A mistake on the command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

export interface SubcommandIO {
  cwd: string;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export function processIO(): SubcommandIO {
  return { cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** The options every subcommand takes, on top of its own. */
export const COMMON_OPTIONS = {
  config: { type: 'string', short: 'c' },
  today: { type: 'string' },
  'no-color': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs, with its complaint turned into a UsageError of one sentence. */
export function parseSubcommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(/\.\s|\n/)[0].replace(/\.$/, '')}.`);
  }
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** --today, checked; the machine's local date without it. */
export function todayOption(value: string | undefined): string {
  if (value === undefined) return realToday();
  if (!isCalendarDate(value)) throw new UsageError(`--today must be a date written YYYY-MM-DD, e.g. 2026-11-25 (got "${value}").`);
  return value;
}

/** Colour on a terminal, off with --no-color or NO_COLOR, forced with FORCE_COLOR (as the linter does). */
export function colorOn(noColor: boolean | undefined, io: SubcommandIO): boolean {
  const env = io.env;
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return io.stdout.isTTY === true;
}

/** Runs a subcommand: a UsageError is one line and a pointer to help (exit 2); any other error exit 2 too. */
export async function runSubcommand(name: string, io: SubcommandIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`starlint ${name}: ${e.message}\nstarlint: run "starlint ${name} --help" for usage.\n`);
    } else {
      io.stderr.write(`starlint ${name}: internal error: ${e instanceof Error ? e.message : String(e)}. Please report this.\n`);
      if (io.env.STARLINT_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    }
    return 2;
  }
}

/**
 * Text from a user's file made safe for a terminal: an escape sequence in a story title or a pasted
 * posting must not clear the screen or recolour the prompt. Line breaks and tabs become spaces
 * (a title is one line); every other control character is shown as U+FFFD.
 */
export function printable(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** The stories' titles and files made printable, for the text a subcommand shows. */
export function printableStories<T extends { stories: BankStory[] }>(report: T): T {
  return { ...report, stories: report.stories.map((s) => ({ ...s, title: printable(s.title), uri: printable(s.uri) })) };
}
