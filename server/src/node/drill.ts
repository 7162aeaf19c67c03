// `starlint drill [paths]`: a mock interview in the terminal. The engine plans it (engine/drill.ts:
// the questions whose best story is missing, weak or due first; the story to tell; two unprepared
// follow-ups) and runs it (engine/drill-session.ts); this file reads the bank, draws the screens,
// reads the keys and logs each story told in its `practiced` list. Without a terminal (CI, a
// pipe) it prints the session plan and exits 0.
import { randomInt } from 'node:crypto';
import { emitKeypressEvents } from 'node:readline';
import { lintText, type BankReport, type BankStory } from '../engine';
import { DEFAULT_QUESTIONS, planDrill, unknownDrillThemes, type DrillPlan, type DrillQuestion } from '../engine/bank/drill';
import { followUpPrepared, followUpQuestion, practiceNote, questionLabel, reasonText, sentence, tellingVerdict } from '../../../shared/drill-words';
import { drillStep, drillSummary, startDrill, timerView, type DrillAction, type DrillState } from '../../../shared/drill-session';
import { loadBank, type LoadedBank } from './bank-load';
import { clock as minutes } from '../../../shared/time';
import { logPractice } from './practice-log';
import { colors, plural, type Colors } from './report';
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

export const DRILL_HELP = `Usage: starlint drill [options] [file | folder | glob]...

A mock interview with your own stories. One question at a time — the ten
question themes, your own "themes" and your target company's values — the
ones whose best story is missing, weak or due for practice first. For each:
the stories that answer it (best first), a clock against the 2–3 minute
target, two follow-ups your story has not prepared, and, when you say you
told it, today's date logged in the story's "practiced" list.

Keys: Enter start / stop the clock · y told it (log practice) · n not told ·
s skip · q quit. Without a terminal (CI, a pipe) it prints the session plan.

Options:
  -n, --questions <n>    how many questions (default ${DEFAULT_QUESTIONS})
  -t, --theme <id>       ask this theme (or company value); repeat for more
      --seed <n>         the order of the questions and follow-ups; the same
                         seed and bank give the same drill
      --plan             print the session plan even in a terminal
  -f, --format <name>    text (default) or json, for the plan
  -c, --config <file>    this configuration file instead of the nearest
                         .starlintrc.json upward from the current folder
      --today <date>     the date practice is logged under (YYYY-MM-DD)
      --no-color         no colours
  -h, --help             show this help
`;

interface DrillArgs {
  paths: string[];
  questions?: number;
  themes: string[];
  seed?: number;
  plan: boolean;
  format: 'text' | 'json';
  config?: string;
  today: string;
  noColor: boolean;
}

export function parseDrillArgs(argv: string[]): DrillArgs | 'help' {
  const { values, positionals } = parseSubcommandArgs(argv, {
    ...COMMON_OPTIONS,
    questions: { type: 'string', short: 'n' },
    theme: { type: 'string', short: 't', multiple: true },
    seed: { type: 'string' },
    plan: { type: 'boolean' },
  });
  if (values.help) return 'help';
  let questions: number | undefined;
  if (values.questions !== undefined) {
    if (!/^\d+$/.test(values.questions) || Number(values.questions) < 1)
      throw new UsageError(`--questions must be a whole number of 1 or more (got "${values.questions}").`);
    questions = Number(values.questions);
  }
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed) || Number(values.seed) > 0xffffffff)
      throw new UsageError(`--seed must be a whole number from 0 to 4294967295 (got "${values.seed}").`);
    seed = Number(values.seed);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`The drill plan comes as text or json (got "${format}").`);
  return {
    paths: positionals,
    questions,
    themes: (values.theme ?? [])
      .flatMap((t) => t.split(','))
      .map((t) => t.trim())
      .filter(Boolean),
    seed,
    plan: values.plan === true,
    format,
    config: values.config,
    today: todayOption(values.today),
    noColor: values['no-color'] === true,
  };
}

/** The drill's entry point for the CLI; returns the exit code. `now` is the clock (tests pass their own). */
export function runDrill(argv: string[], io: SubcommandIO = processIO(), now: () => number = Date.now): Promise<number> {
  return runSubcommand('drill', io, async () => {
    const args = parseDrillArgs(argv);
    if (args === 'help') {
      io.stdout.write(DRILL_HELP);
      return 0;
    }
    const bank = loadBank(args.paths, { cwd: io.cwd, configPath: args.config, today: args.today });
    if ('errors' in bank) {
      for (const e of bank.errors) io.stderr.write(`${e}\n`);
      return 2;
    }
    for (const n of bank.notes) io.stderr.write(`${n}\n`);
    const seed = args.seed ?? randomInt(1, 1_000_000);
    const plan = planDrill(bank.report, bank.config, { questions: args.questions, themes: args.themes, seed });
    const unknown = unknownDrillThemes(args.themes, plan.pool);
    if (unknown.length) throw new UsageError(unknown.join('; '));
    const interactive = !args.plan && args.format === 'text' && io.stdin.isTTY === true && io.stdout.isTTY === true;
    if (!interactive) {
      io.stdout.write(
        args.format === 'json'
          ? `${JSON.stringify(planJson(plan, bank.report), null, 2)}\n`
          : `${formatPlan(printablePlan(plan), printableStories(bank.report), args, colors(colorOn(args.noColor, io))).join('\n')}\n`,
      );
      return 0;
    }
    return drillInTerminal(plan, bank, args, io, now);
  });
}

/** The plan with its questions (your own themes' words) made printable. */
function printablePlan(plan: DrillPlan): DrillPlan {
  return { ...plan, questions: plan.questions.map((q) => ({ ...q, question: printable(q.question) })) };
}

// ------------------------------------------------------------------ words shared by plan and screens

function storyFacts(s: BankStory): string {
  return `${s.score.total}/100 · ${minutes(s.seconds)} spoken · ${practiceNote(s)}`;
}

/** A word as a POSIX shell reads it back. */
function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
}

// ------------------------------------------------------------------ the plan (no terminal)

export function formatPlan(plan: DrillPlan, report: BankReport, args: Pick<DrillArgs, 'questions' | 'themes' | 'paths'>, c: Colors): string[] {
  const rerun = [
    'starlint drill',
    ...args.paths.map(shellWord),
    `--seed ${plan.seed}`,
    ...(args.questions !== undefined ? [`--questions ${args.questions}`] : []),
    ...args.themes.map((t) => `--theme ${t}`),
  ].join(' ');
  const out = [
    c.bold(
      `Mock interview plan: ${plural(plan.questions.length, 'question')} from ${report.stories.length === 1 ? '1 story' : `${report.stories.length} stories`} (seed ${plan.seed}, today ${plan.today})`,
    ),
    c.dim(`Drill it in a terminal: ${rerun}`),
    '',
  ];
  plan.questions.forEach((q, n) => {
    out.push(`${n + 1}. ${c.bold(sentence(q.question))}  ${c.dim(`[${questionLabel(q)} · ${reasonText(q, report.stories)}]`)}`);
    const story = q.story !== undefined ? report.stories[q.story] : undefined;
    if (story) {
      out.push(`   Tell: ${story.title} — ${storyFacts(story)}`, `         ${c.dim(`${story.uri}:${story.line + 1}`)}`);
      const others = q.stories.filter((i) => i !== q.story).map((i) => `${report.stories[i].title} (${report.stories[i].score.total})`);
      if (others.length) out.push(`   Also answers it: ${others.join('; ')}`);
    } else {
      out.push(`   ${c.yellow('No story answers it:')} write one, or add "${q.id}" to the questions of a story that does.`);
    }
    out.push('   Follow-ups to prepare:');
    for (const f of q.followUps) out.push(`     - ${followUpQuestion(f)}${followUpPrepared(story, f) ? c.dim(' (prepared in its Follow-ups)') : ''}`);
    out.push('');
  });
  const used = new Set(plan.questions.flatMap((q) => (q.story === undefined ? [] : [q.story])));
  const none = plan.pool.filter((p) => p.stories.length === 0).map((p) => p.id);
  out.push(`Stories to tell: ${used.size}. ${none.length ? `Themes with no story: ${none.join(', ')}.` : 'Every theme has a story.'}`);
  return out;
}

export function planJson(plan: DrillPlan, report: BankReport) {
  const ref = (i: number) => {
    const s = report.stories[i];
    return {
      title: s.title,
      file: s.uri,
      line: s.line + 1,
      index: s.index,
      score: s.score.total,
      seconds: s.seconds,
      practiced: s.practice.practiced,
      due: s.practice.due,
      next: s.practice.next ?? null,
    };
  };
  return {
    seed: plan.seed,
    today: plan.today,
    questions: plan.questions.map((q) => ({
      id: q.id,
      question: q.question,
      source: q.source,
      reason: q.reason,
      story: q.story === undefined ? null : ref(q.story),
      alsoAnsweredBy: q.stories.filter((i) => i !== q.story).map(ref),
      followUps: q.followUps.map((id) => ({
        id,
        question: followUpQuestion(id),
        prepared: followUpPrepared(q.story === undefined ? undefined : report.stories[q.story], id),
      })),
    })),
    noStory: plan.pool.filter((p) => p.stories.length === 0).map((p) => p.id),
  };
}

// ------------------------------------------------------------------ the screens (a terminal)

export interface ScreenInput {
  plan: DrillPlan;
  report: BankReport;
  state: DrillState;
  /** Seconds on the clock, while telling. */
  seconds: number;
  /** What happened to the last story told (logged or why not). */
  flash?: string;
  today: string;
  c: Colors;
}

/** One screen of the drill, as lines. Pure: the clock is an argument. */
export function renderScreen(i: ScreenInput): string[] {
  const { plan, report, state, c } = i;
  const q = plan.questions[state.index];
  const out: string[] = [
    c.dim(`starlint drill · question ${Math.min(state.index + 1, plan.questions.length)} of ${plan.questions.length} · seed ${plan.seed}`),
    '',
  ];
  if (i.flash) out.push(i.flash, '');
  if (!q) return out;
  const story = q.story !== undefined ? report.stories[q.story] : undefined;
  out.push(`  ${c.bold(sentence(q.question))}`, `  ${c.dim(`${questionLabel(q)} · ${reasonText(q, report.stories)}`)}`, '');
  if (state.phase === 'question') {
    if (story) {
      out.push('  Tell this story', `    ▸ ${c.bold(story.title)}   ${storyFacts(story)}`, `      ${c.dim(`${story.uri}:${story.line + 1}`)}`);
      const others = q.stories.filter((x) => x !== q.story);
      if (others.length) {
        out.push('  Other stories that answer it');
        for (const x of others.slice(0, 4))
          out.push(`      ${report.stories[x].title}   ${c.dim(`${report.stories[x].score.total} · ${minutes(report.stories[x].seconds)}`)}`);
        if (others.length > 4) out.push(c.dim(`      and ${others.length - 4} more`));
      }
    } else {
      out.push(
        `  ${c.yellow('No story in your bank answers this.')} Think of a moment from your own work and tell it anyway;`,
        `  then write it down as a story with "${q.id}" in its questions.`,
      );
    }
    out.push(
      '',
      keys(c, [
        ['Enter', 'start the clock and tell it aloud'],
        ['s', 'skip'],
        ['q', 'quit'],
      ]),
    );
  } else if (state.phase === 'telling') {
    const t = timerView(i.seconds);
    const clock = t.status === 'long' ? c.red(`⚠ ${t.clock}`) : t.status === 'target' ? c.green(`⏱ ${t.clock}`) : `⏱ ${t.clock}`;
    out.push(`  ${c.bold(clock)}   ${t.status === 'long' ? c.red(t.message) : t.message}`);
    if (story) out.push(`  ${c.dim(`Telling: ${story.title} — ${minutes(story.seconds)} when read at your words per minute`)}`);
    out.push(
      '',
      keys(c, [
        ['Enter', 'done'],
        ['s', 'skip'],
        ['q', 'quit'],
      ]),
    );
  } else if (state.phase === 'follow-ups') {
    const t = timerView(state.seconds ?? 0);
    const words = `${t.clock}, ${tellingVerdict(t.status)}`;
    const verdict = t.status === 'long' ? c.red(words) : t.status === 'target' ? c.green(words) : words;
    out.push(`  You spoke for ${verdict}.`, '', '  The interviewer follows up — answer aloud:');
    q.followUps.forEach((f, n) =>
      out.push(
        `    ${n + 1}. ${followUpQuestion(f)}${followUpPrepared(story, f) ? c.dim('  (prepared in its Follow-ups)') : c.dim('  (not in its Follow-ups yet)')}`,
      ),
    );
    const yes = story ? `told it — log ${i.today} in its practiced list` : 'told it';
    out.push(
      '',
      keys(c, [
        ['y', yes],
        ['n', 'did not'],
        ['q', 'quit'],
      ]),
    );
  }
  return out;
}

function keys(c: Colors, list: [string, string][]): string {
  return `  ${list.map(([k, what]) => `${c.bold(`[${k}]`)} ${what}`).join('   ')}`;
}

export function formatDrillSummary(plan: DrillPlan, report: BankReport, state: DrillState, c: Colors): string[] {
  const s = drillSummary(plan, state);
  const title = (i: number) => report.stories[i].title;
  const out = [c.bold(`Drill over: ${plural(s.asked, 'question')} asked, ${s.told} told, ${s.skipped} skipped (seed ${plan.seed}).`)];
  out.push(`Stories used: ${s.storiesUsed.length ? s.storiesUsed.map(title).join('; ') : 'none'}.`);
  if (s.logged.length) out.push(`Practice logged: ${s.logged.map((l) => `${title(l.story)} (${l.date})`).join('; ')}.`);
  for (const o of state.outcomes) if (o.logError && o.story !== undefined) out.push(c.yellow(`Not logged: ${title(o.story)}: ${o.logError}.`));
  if (s.long.length) out.push(c.yellow(`Over 3:00: ${s.long.join(', ')}.`));
  out.push(s.noStory.length ? `Themes with no story: ${s.noStory.map((x) => (x.asked ? `${x.id} (asked)` : x.id)).join(', ')}.` : 'Every theme has a story.');
  return out;
}

function drillInTerminal(plan: DrillPlan, bank: LoadedBank, args: DrillArgs, io: SubcommandIO, now: () => number): Promise<number> {
  const { stdin, stdout } = io;
  // What the screens show: titles, files and questions without control characters.
  const shown = { plan: printablePlan(plan), report: printableStories(bank.report) };
  const c = colors(colorOn(args.noColor, io));
  let state = startDrill(plan);
  let flash: string | undefined;
  const width = () => Math.max(40, stdout.columns ?? 80);
  let shownSecond = -1;
  const seconds = () => (state.phase === 'telling' && state.startedAt !== undefined ? (now() - state.startedAt) / 1000 : 0);
  // Each line is written over the last screen and its rest erased, then everything below: no
  // blank frame between two screens, so the clock does not flicker.
  const draw = () => {
    shownSecond = Math.floor(seconds());
    const lines = renderScreen({ plan: shown.plan, report: shown.report, state, seconds: seconds(), flash, today: args.today, c }).map((l) => clip(l, width()));
    stdout.write(`\u001b[H${lines.map((l) => `${l}\u001b[K`).join('\r\n')}\u001b[J`);
  };

  /** Logs today's practice for the story of question `q`; the line to show about it. */
  const log = (q: DrillQuestion): { logged?: string; logError?: string; line: string } => {
    const story = q.story !== undefined ? bank.report.stories[q.story] : undefined;
    if (!story) return { line: c.dim('Told. No story to log it in.') };
    const file = bank.files.find((f) => f.display === story.uri);
    const { title, uri } = shown.report.stories[q.story!];
    const parsed = file?.result.doc.stories[story.index];
    if (!file || !parsed) return { logError: 'the story is no longer in its file', line: c.yellow(`! Not logged: "${title}" is no longer in its file.`) };
    const r = logPractice(file.path, file.text, parsed, args.today);
    if (r.logged) {
      // Later questions may log another story of the same file: read it as it now is.
      file.text = r.text;
      file.result = lintText(r.text, bank.config, { today: args.today });
      return { logged: args.today, line: c.green(`✓ Logged ${args.today} in the practiced list of "${title}" (${uri}).`) };
    }
    if (r.already) return { logged: args.today, line: c.dim(`"${title}" already logs ${args.today}.`) };
    return { logError: printable(r.reason), line: c.yellow(`! Not logged in ${uri}: ${printable(r.reason)}.`) };
  };

  return new Promise<number>((resolve) => {
    emitKeypressEvents(stdin);
    stdin.setRawMode(true);
    stdin.resume();
    // The alternate screen, as full-screen terminal programs use: the shell's scrollback stays as it was.
    stdout.write('\u001b[?1049h\u001b[?25l');
    const restore = () => stdout.write('\u001b[?25h\u001b[?1049l');
    process.once('exit', restore);
    // The clock is drawn again when its second changes; the whole screen when the terminal is resized.
    const ticker = setInterval(() => state.phase === 'telling' && Math.floor(seconds()) !== shownSecond && draw(), 200);
    stdout.on('resize', draw);
    const act = (action: DrillAction) => {
      state = drillStep(plan, state, action, now());
    };
    const finish = (code: number) => {
      clearInterval(ticker);
      stdout.off('resize', draw);
      stdin.off('keypress', onKey);
      stdin.setRawMode(false);
      stdin.pause();
      restore();
      process.off('exit', restore);
      stdout.write(`${formatDrillSummary(shown.plan, shown.report, state, c).join('\n')}\n`);
      resolve(code);
    };
    const onKey = (_: string | undefined, key: { name?: string; ctrl?: boolean; sequence?: string } | undefined) => {
      const name = key?.name ?? '';
      if (key?.ctrl && name === 'c') return finish(130);
      const q = plan.questions[state.index];
      const before = state;
      if (name === 'q' || name === 'escape') act({ type: 'quit' });
      else if (name === 's') {
        act({ type: 'skip' });
        flash = c.dim(`Skipped: ${q?.id}.`);
      } else if (name === 'return' || name === 'enter' || name === 'space') {
        if (state.phase === 'question') flash = undefined;
        act({ type: state.phase === 'telling' ? 'stop' : 'start' });
      } else if (name === 'y' && state.phase === 'follow-ups' && q) {
        const r = log(q);
        act({ type: 'told', logged: r.logged, logError: r.logError });
        flash = r.line;
      } else if (name === 'n' && state.phase === 'follow-ups') {
        act({ type: 'not-told' });
        flash = c.dim('Not logged.');
      }
      if (state.phase === 'done') return finish(0);
      if (state !== before) draw();
    };
    stdin.on('keypress', onKey);
    draw();
  });
}

/** A line cut to the terminal's width (ANSI codes do not count), so nothing wraps and the redraw stays in place. */
function clip(line: string, width: number): string {
  let visible = 0;
  let out = '';
  for (let i = 0; i < line.length;) {
    const esc = /^\u001b\[[0-9;?]*[A-Za-z]/.exec(line.slice(i));
    if (esc) {
      out += esc[0];
      i += esc[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    if (visible >= width - 1) return `${out}…${out.includes('\u001b') ? '\u001b[0m' : ''}`;
    out += ch;
    visible++;
    i += ch.length;
  }
  return out;
}
