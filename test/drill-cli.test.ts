// `starlint drill` as people run it: the built CLI in a child process. Without a terminal it
// prints the session plan (plain runs below); in a terminal it drills, tested through a real one —
// tmux on its own socket, keys sent with send-keys, the screen read with capture-pane and polled,
// never waited on for a fixed time. No assertion reads the clock: the timer is checked by its shape.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, buildCli, runCli } from './helpers/cli';
import { analyzeBank, lintText, markPracticedEdit, parseDocument, resolveConfig, type BankReport } from '../server/src/engine';
import { FOLLOW_UPS } from '../shared/domain';
import { planDrill, type DrillPlan } from '../server/src/engine/bank/drill';

const BANK = 'examples/story-bank';
const TODAY = '2026-11-25';

/** The plan the engine makes for the example bank, its files named under `folder`, with these options. */
function enginePlan(folder: string, seed: number, questions?: number, themes?: string[]): { plan: DrillPlan; report: BankReport } {
  const config = resolveConfig();
  const files = readdirSync(join(ROOT, BANK))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ uri: `${folder}/${f}`, result: lintText(readFileSync(join(ROOT, BANK, f), 'utf8'), config, { today: TODAY }) }));
  const report = analyzeBank(files, config, TODAY);
  return { plan: planDrill(report, config, { seed, questions, themes }), report };
}

describe('starlint drill', function () {
  this.timeout(60_000);

  before(function () {
    this.timeout(180_000);
    buildCli();
  });

  describe('without a terminal: the session plan', () => {
    it('prints the questions in order, the story to tell for each and the follow-ups to prepare, and exits 0', () => {
      const r = runCli(['drill', BANK, '--seed', '1', '--questions', '3', '--today', TODAY]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const { plan } = enginePlan(BANK, 1, 3);
      assert.match(
        r.stdout,
        /^Mock interview plan: 3 questions from 8 stories \(seed 1, today 2026-11-25\)\nDrill it in a terminal: starlint drill examples\/story-bank --seed 1 --questions 3\n/,
      );
      const numbered = [...r.stdout.matchAll(/^(\d)\. (.+?)  \[/gm)].map((m) => [m[1], m[2]]);
      assert.deepEqual(
        numbered,
        plan.questions.map((q, i) => [String(i + 1), /[?.!]$/.test(q.question) ? q.question : `${q.question}.`]),
      );
      const blocks = r.stdout.split(/\n(?=\d\. )/).slice(1);
      plan.questions.forEach((q, i) => {
        const block = blocks[i];
        if (q.story === undefined) assert.match(block, /No story answers it: write one/);
        else assert.match(block, /   Tell: .+ — \d+\/100 · \d:\d\d spoken · /);
        const followUps = [...block.matchAll(/^ {5}- (.+?)(?: \(prepared in its Follow-ups\))?$/gm)].map((m) => m[1]);
        assert.deepEqual(
          followUps,
          q.followUps.map((id) => FOLLOW_UPS.find((f) => f.id === id)!.question),
        );
      });
      assert.match(r.stdout, /Themes with no story: leading-without-authority, why-company\.\n$/);
    });

    it('gives the same plan for the same seed, another for another seed, and a seed to reproduce a run without one', () => {
      const a = runCli(['drill', BANK, '--seed', '11', '--questions', '10', '--today', TODAY]).stdout;
      assert.equal(runCli(['drill', BANK, '--seed', '11', '--questions', '10', '--today', TODAY]).stdout, a);
      const others = [12, 13, 14].map((seed) =>
        runCli(['drill', BANK, '--seed', String(seed), '--questions', '10', '--today', TODAY])
          .stdout.split('\n')
          .slice(2)
          .join('\n'),
      );
      assert.ok(
        others.some((o) => o !== a.split('\n').slice(2).join('\n')),
        'three other seeds gave the same order',
      );
      const free = runCli(['drill', BANK, '--today', TODAY]);
      const seed = /\(seed (\d+),/.exec(free.stdout)?.[1];
      assert.ok(seed, free.stdout);
      assert.equal(runCli(['drill', BANK, '--seed', seed, '--today', TODAY]).stdout, free.stdout);
    });

    it('prints the plan as JSON with --format json', () => {
      const r = runCli(['drill', BANK, '--seed', '2', '--format', 'json', '--today', TODAY]);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      const { plan } = enginePlan(BANK, 2);
      assert.equal(out.seed, 2);
      assert.deepEqual(
        out.questions.map((q: { id: string }) => q.id),
        plan.questions.map((q) => q.id),
      );
      for (const q of out.questions) {
        assert.equal(q.followUps.length, 2);
        if (q.story) {
          assert.match(q.story.file, /^examples\/story-bank\/0\d-.+\.md$/);
          const line = readFileSync(join(ROOT, q.story.file), 'utf8').split('\n')[q.story.line - 1];
          assert.ok(line.includes(q.story.title), `${q.story.file}:${q.story.line} is not the title`);
        }
      }
      assert.deepEqual(out.noStory, ['leading-without-authority', 'why-company']);
    });

    it('asks only --theme questions, in the given order', () => {
      const out = JSON.parse(runCli(['drill', BANK, '--theme', 'failure', '-t', 'ethics,proud', '--format', 'json', '--seed', '1', '--today', TODAY]).stdout);
      assert.deepEqual(
        out.questions.map((q: { id: string }) => q.id),
        ['failure', 'ethics', 'proud'],
      );
    });

    it('reads the themes and the target company of .starlintrc.json', () => {
      const dir = mkdtempSync(join(tmpdir(), 'starlint-drill-'));
      try {
        cpSync(join(ROOT, BANK), join(dir, 'bank'), { recursive: true });
        writeFileSync(
          join(dir, '.starlintrc.json'),
          JSON.stringify({ targetCompany: 'meta', themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] }),
        );
        const out = JSON.parse(
          runCli(['drill', 'bank', '--theme', 'scaling', '--theme', 'meta:move-fast', '--format', 'json', '--seed', '1', '--today', TODAY], { cwd: dir })
            .stdout,
        );
        assert.deepEqual(
          out.questions.map((q: { question: string }) => q.question),
          ['Tell me about scaling a system', 'Tell me about a time you shipped a quick experiment to learn fast'],
        );
        assert.equal(out.questions[0].story, null);
        // The example bank's search-ranking story shows speed ("shipped", "iterate").
        assert.ok(out.questions[1].story, 'no story shows speed');
        const bad = runCli(['drill', 'bank', '--theme', 'amazon:dive-deep'], { cwd: dir });
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /unknown theme "amazon:dive-deep"/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('rejects bad arguments with exit code 2 and one clear line', () => {
      const cases: [string[], RegExp][] = [
        [['--theme', 'ambiguty'], /unknown theme "ambiguty"; did you mean "ambiguity"\?/],
        [['--questions', '0'], /--questions must be a whole number of 1 or more \(got "0"\)/],
        [['--seed', 'abc'], /--seed must be a whole number from 0 to 4294967295/],
        [['--format', 'sarif'], /The drill plan comes as text or json/],
        [['--today', '2026-02-30'], /--today must be a date written YYYY-MM-DD/],
        [['--bogus'], /Unknown option '--bogus'/],
        [['no-such-folder'], /no-such-folder: no such file or folder/],
      ];
      for (const [args, message] of cases) {
        const r = runCli(['drill', BANK, ...args]);
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
        assert.match(r.stderr, message, args.join(' '));
        assert.equal(r.stdout, '');
      }
      const help = runCli(['drill', '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^Usage: starlint drill /);
    });

    it('prints no control character from a story file: an escape sequence in a title is shown as �', () => {
      const dir = mkdtempSync(join(tmpdir(), 'starlint-drill-'));
      try {
        writeFileSync(
          join(dir, 'evil.md'),
          readFileSync(join(ROOT, BANK, '06-search-ranking-ab-loss.md'), 'utf8').replace(/^title: .*$/m, 'title: "Evil\\u001b[2J\\u001b]0;pwned\\u0007 title"'),
        );
        const r = runCli(['drill', '.', '--theme', 'failure', '--seed', '1'], { cwd: dir });
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stdout), JSON.stringify(r.stdout));
        assert.match(r.stdout, /Tell: Evil\ufffd\[2J\ufffd\]0;pwned\ufffd title — /);
        // JSON keeps the title as it is, escaped by JSON.
        assert.match(runCli(['drill', '.', '--theme', 'failure', '--seed', '1', '--format', 'json'], { cwd: dir }).stdout, /"title": "Evil\\u001b\[2J/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a folder named "drill" is linted, not drilled', () => {
      const dir = mkdtempSync(join(tmpdir(), 'starlint-drill-'));
      try {
        mkdirSync(join(dir, 'drill'));
        writeFileSync(join(dir, 'drill', 'notes.md'), '# Notes\n\nNothing here.\n');
        const r = runCli(['drill'], { cwd: dir });
        assert.equal(r.status, 0);
        assert.doesNotMatch(r.stdout, /Mock interview/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('in a terminal (tmux)', function () {
    const socket = `starlint-test-${process.pid}`;
    let dir: string;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'drill');

    /** Polls the screen until `test` holds; fails with the last screen after 20 s. */
    async function until(test: (text: string) => boolean, what: string): Promise<string> {
      const end = Date.now() + 20_000;
      let last = '';
      for (;;) {
        last = screen();
        if (test(last)) return last;
        if (Date.now() > end) assert.fail(`timed out waiting for ${what}; the screen:\n${last}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    function start(args: string[]): void {
      const command = [process.execPath, BIN, 'drill', 'bank', ...args, '--today', TODAY, '--no-color'].map((a) => `'${a}'`).join(' ');
      // The session lives on after the drill exits, so its summary can be read.
      tmux('new-session', '-d', '-s', 'drill', '-x', '150', '-y', '45', '-c', dir, `${command}; echo "EXIT=$?"; cat`);
    }

    before(function () {
      if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is not installed: apt-get install tmux (.ci/run installs it)');
    });

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'starlint-drill-tty-'));
      cpSync(join(ROOT, BANK), join(dir, 'bank'), { recursive: true });
    });

    afterEach(() => {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      rmSync(dir, { recursive: true, force: true });
    });

    it('asks each question, times the telling, asks two follow-ups, logs the practice and sums up', async () => {
      const { plan, report } = enginePlan('bank', 1, 3);
      assert.ok(
        plan.questions.slice(1).some((q) => q.story !== undefined),
        'the plan tells no story after the first question',
      );
      const originals = new Map(readdirSync(join(ROOT, BANK)).map((f) => [`bank/${f}`, readFileSync(join(ROOT, BANK, f), 'utf8')]));
      start(['--seed', '1', '--questions', '3']);
      for (let i = 0; i < plan.questions.length; i++) {
        const q = plan.questions[i];
        const text = /[?.!]$/.test(q.question) ? q.question : `${q.question}.`;
        const asked = await until(
          (s) => s.includes(`question ${i + 1} of 3`) && s.includes(text) && s.includes('[Enter] start the clock'),
          `question ${i + 1}`,
        );
        if (q.story === undefined) assert.match(asked, /No story in your bank answers this\./);
        else assert.ok(asked.includes(`▸ ${report.stories[q.story].title}`), 'the story to tell');
        // The first question is skipped; every other one is told.
        if (i === 0) {
          tmux('send-keys', '-t', 'drill', 's');
          continue;
        }
        tmux('send-keys', '-t', 'drill', 'Enter');
        const telling = await until((s) => /⏱ \d+:\d\d {3}target 2:00–3:00/.test(s), 'the clock');
        assert.match(telling, /\[Enter\] done/);
        tmux('send-keys', '-t', 'drill', 'Enter');
        const followUps = await until((s) => s.includes('The interviewer follows up'), 'the follow-ups');
        assert.match(followUps, /You spoke for \d+:\d\d, /);
        for (const id of q.followUps) assert.ok(followUps.includes(FOLLOW_UPS.find((f) => f.id === id)!.question), id);
        tmux('send-keys', '-t', 'drill', 'y');
        if (i + 1 < plan.questions.length) {
          const next = await until((s) => s.includes(`question ${i + 2} of 3`), 'the next question');
          if (q.story !== undefined) assert.ok(next.includes(`✓ Logged ${TODAY} in the practiced list of "${report.stories[q.story].title}"`), next);
          else assert.match(next, /Told\. No story to log it in\./);
        }
      }
      const end = await until((s) => s.includes('EXIT='), 'the end of the drill');
      assert.match(end, /Drill over: 3 questions asked, 2 told, 1 skipped \(seed 1\)\./);
      assert.match(end, /Themes with no story: leading-without-authority \(asked\), why-company \(asked\)\./);
      assert.match(end, /EXIT=0/);
      // Each story told has today's date in its practiced list — the edit Mark Practiced Today makes — and no other byte changed.
      const logged = new Set(plan.questions.slice(1).flatMap((q) => (q.story === undefined ? [] : [q.story])));
      assert.match(
        end,
        new RegExp(
          `Practice logged: ${[...logged].map((k) => `${report.stories[k].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${TODAY}\\)`).join('; ')}\\.`,
        ),
      );
      for (const [file, original] of originals) {
        const now = readFileSync(join(dir, file), 'utf8');
        const story = [...logged].map((k) => report.stories[k]).find((s) => s.uri === file);
        if (!story) {
          assert.equal(now, original, file);
          continue;
        }
        const edit = markPracticedEdit(original, parseDocument(original).stories[story.index], TODAY)!;
        assert.equal(now, original.slice(0, edit.start) + edit.text + original.slice(edit.end), file);
        assert.match(now, new RegExp(`practiced: \\[[^\\]]*${TODAY}\\]`));
      }
    });

    it('shows the running clock against the target when the telling starts', async () => {
      // The clock's states (under, inside, past 3:00) are checked by timerView's tests with a
      // hand-held clock; here only that the screen shows it, without waiting on time.
      start(['--theme', 'proud', '--seed', '1']);
      await until((s) => s.includes('[Enter] start the clock'), 'the question');
      tmux('send-keys', '-t', 'drill', 'Enter');
      const s = await until((x) => /⏱ \d+:\d\d/.test(x), 'the clock');
      assert.doesNotMatch(s, /past 3:00/);
    });

    it('refuses to log in a file that changed on disk since the drill read it, and keeps the change', async () => {
      start(['--theme', 'prioritization', '--seed', '1']);
      await until((s) => s.includes('Cutting fraud-scoring latency') && s.includes('[Enter] start the clock'), 'the question');
      tmux('send-keys', '-t', 'drill', 'Enter');
      await until((s) => s.includes('[Enter] done'), 'the clock');
      tmux('send-keys', '-t', 'drill', 'Enter');
      await until((s) => s.includes('[y] told it'), 'the follow-ups');
      const file = join(dir, 'bank', '02-fraud-scoring-latency.md');
      const edited = `${readFileSync(file, 'utf8')}\nAn edit made in the editor meanwhile.\n`;
      writeFileSync(file, edited);
      tmux('send-keys', '-t', 'drill', 'y');
      const end = await until((s) => s.includes('EXIT='), 'the end');
      assert.match(end, /Not logged: Cutting fraud-scoring latency for a new merchant: it changed on disk since the drill read it/);
      assert.doesNotMatch(end, /Practice logged/);
      assert.equal(readFileSync(file, 'utf8'), edited);
    });

    it('quits with q at any question and still sums up', async () => {
      start(['--seed', '3', '--questions', '4']);
      await until((s) => s.includes('question 1 of 4'), 'the first question');
      tmux('send-keys', '-t', 'drill', 'q');
      const end = await until((s) => s.includes('EXIT='), 'the end');
      assert.match(end, /Drill over: 0 questions asked, 0 told, 0 skipped \(seed 3\)\./);
      assert.match(end, /EXIT=0/);
      assert.equal(
        readFileSync(join(dir, 'bank', '02-fraud-scoring-latency.md'), 'utf8'),
        readFileSync(join(ROOT, BANK, '02-fraud-scoring-latency.md'), 'utf8'),
      );
    });
  });
});
