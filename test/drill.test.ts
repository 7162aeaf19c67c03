// The mock-interview drill as data: the plan (engine/drill.ts) over the example bank and small
// in-memory banks, and the session (engine/drill-session.ts) driven with a hand-held clock.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBank, lintText, resolveConfig, type BankReport, type StarlintConfig } from '../server/src/engine';
import { AMAZON_PRINCIPLES, FOLLOW_UPS, THEMES } from '../shared/domain';
import { WEAK_SCORE, planDrill, unknownDrillThemes, type DrillPlan, type DrillReason } from '../server/src/engine/bank/drill';
import { drillStep, drillSummary, startDrill, timerView, type DrillAction, type DrillState } from '../shared/drill-session';
import { ex } from '../server/src/engine/rules/examples';

const TODAY = '2026-11-25';
const BANK = join(__dirname, '..', 'examples', 'story-bank');

function exampleBank(config: StarlintConfig = {}): { report: BankReport; config: ReturnType<typeof resolveConfig> } {
  const resolved = resolveConfig(config);
  const files = readdirSync(BANK)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ uri: f, result: lintText(readFileSync(join(BANK, f), 'utf8'), resolved, { today: TODAY }) }));
  return { report: analyzeBank(files, resolved, TODAY), config: resolved };
}

const ORDER: DrillReason[] = ['missing', 'weak', 'due', 'ready'];

describe('drill plan', () => {
  const { report, config } = exampleBank();

  it('asks the questions whose best story is missing, weak or due before the others', () => {
    const plan = planDrill(report, config, { seed: 7, questions: 10 });
    assert.equal(plan.questions.length, 10);
    const ranks = plan.questions.map((q) => ORDER.indexOf(q.reason));
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
      `reasons out of order: ${plan.questions.map((q) => q.reason)}`,
    );
    // The example bank leaves two themes without a story (its README says so): they come first.
    assert.deepEqual(new Set(plan.questions.slice(0, 2).map((q) => q.id)), new Set(['leading-without-authority', 'why-company']));
    for (const q of plan.questions) {
      const best = q.stories.length ? report.stories[q.stories[0]] : undefined;
      const expected: DrillReason = !best
        ? 'missing'
        : best.score.total < WEAK_SCORE
          ? 'weak'
          : best.practice.due || best.practice.practiced.length === 0
            ? 'due'
            : 'ready';
      assert.equal(q.reason, expected, q.id);
    }
  });

  it('lists the stories that answer each question best first, and tells a different story for each when it can', () => {
    const plan = planDrill(report, config, { seed: 3, questions: 10 });
    for (const q of plan.questions) {
      const scores = q.stories.map((i) => report.stories[i].score.total);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
        q.id,
      );
      for (const i of q.stories) assert.ok(report.stories[i].themes.includes(q.id), `${report.stories[i].title} does not answer ${q.id}`);
      assert.equal(q.story === undefined, q.stories.length === 0);
    }
    // A story is told twice only when a question has no other story left.
    const told = plan.questions.filter((q) => q.story !== undefined);
    told.forEach((q, n) => {
      const earlier = new Set(told.slice(0, n).map((x) => x.story));
      if (earlier.has(q.story))
        assert.ok(
          q.stories.every((i) => earlier.has(i)),
          `${q.id} repeats a story although another answers it`,
        );
    });
  });

  it('is reproducible with a seed, and the seed changes the order', () => {
    const a = planDrill(report, config, { seed: 42, questions: 10 });
    const b = planDrill(report, config, { seed: 42, questions: 10 });
    assert.deepEqual(a, b);
    const orders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        planDrill(report, config, { seed, questions: 10 })
          .questions.map((q) => q.id)
          .join(),
      ),
    );
    assert.ok(orders.size > 1, 'six seeds gave one order');
  });

  it('asks --questions N of them, at least one', () => {
    assert.equal(planDrill(report, config, { seed: 1, questions: 3 }).questions.length, 3);
    assert.equal(planDrill(report, config, { seed: 1 }).questions.length, 5);
    assert.equal(planDrill(report, config, { seed: 1, questions: 99 }).questions.length, THEMES.length);
    assert.equal(planDrill(report, config, { seed: 1, questions: 0 }).questions.length, 1);
  });

  it('asks only the --theme questions, in the order given, and names an unknown theme with the closest id', () => {
    const plan = planDrill(report, config, { seed: 1, themes: ['failure', 'Ambiguity'] });
    assert.deepEqual(
      plan.questions.map((q) => q.id),
      ['failure', 'ambiguity'],
    );
    assert.deepEqual(unknownDrillThemes(['failure', 'ambiguty'], plan.pool), [
      `unknown theme "ambiguty"; did you mean "ambiguity"? (known: ${THEMES.map((t) => t.id).join(', ')})`,
    ]);
  });

  it('picks two follow-ups the story has not prepared, in the usual order', () => {
    // 01-cold-start-recommender.md prepares four of the six; the other two are risks and after shipping.
    const cold = report.stories.findIndex((s) => s.title.startsWith('Hybrid recommender'));
    assert.deepEqual(report.stories[cold].followUps?.missing, ['risks', 'after-shipping']);
    for (const seed of [1, 2, 3, 4]) {
      const plan = planDrill(report, config, { seed, themes: ['ambiguity', 'proud', 'challenging-project'] });
      for (const q of plan.questions) {
        assert.equal(q.followUps.length, 2);
        const ids = FOLLOW_UPS.map((f) => f.id);
        assert.deepEqual(
          q.followUps,
          [...q.followUps].sort((x, y) => ids.indexOf(x) - ids.indexOf(y)),
        );
        if (q.story === cold) assert.deepEqual(q.followUps, ['risks', 'after-shipping']);
      }
    }
  });

  it('adds the user’s own themes and, for a target company, its values', () => {
    const own = exampleBank({ themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }], targetCompany: 'amazon' });
    const plan = planDrill(own.report, own.config, { seed: 1, questions: 50 });
    const ids = plan.pool.map((p) => p.id);
    assert.ok(ids.includes('scaling'));
    assert.equal(ids.filter((id) => id.startsWith('amazon:')).length, AMAZON_PRINCIPLES.length);
    assert.equal(
      plan.pool.find((p) => p.id === 'amazon:dive-deep')?.question,
      'Tell me about a time you dug into the data to find the root cause of a problem',
    );
    // A principle is answered by the stories that name it: none in the example bank.
    assert.ok(plan.pool.filter((p) => p.source === 'company').every((p) => p.stories.length === 0));
    const google = exampleBank({ targetCompany: 'google' });
    assert.deepEqual(
      planDrill(google.report, google.config, { seed: 1 })
        .pool.filter((p) => p.source === 'company')
        .map((p) => p.id),
      ['google:intellectual-humility'],
    );
  });

  it('answers a company value with the stories that show it', () => {
    const config = resolveConfig({ targetCompany: 'amazon' });
    const text = ex({ action: 'I compared three options against a baseline; this was Dive Deep work. I chose trees because analysts needed explanations.' });
    const result = lintText(text, config, { today: TODAY });
    const bank = analyzeBank([{ uri: 'a.md', result }], config, TODAY);
    assert.deepEqual(bank.stories[0].values, ['amazon:dive-deep']);
    const plan = planDrill(bank, config, { seed: 1, themes: ['amazon:dive-deep'] });
    assert.deepEqual(plan.questions[0].stories, [0]);
  });

  it('plans a drill on an empty bank: every question has no story', () => {
    const empty = analyzeBank([], config, TODAY);
    const plan = planDrill(empty, config, { seed: 9, questions: 3 });
    assert.equal(plan.questions.length, 3);
    assert.ok(plan.questions.every((q) => q.reason === 'missing' && q.story === undefined && q.followUps.length === 2));
  });
});

describe('drill session', () => {
  const { report, config } = exampleBank();
  const plan: DrillPlan = planDrill(report, config, { seed: 5, questions: 3 });

  function run(steps: [DrillAction, number][]): DrillState {
    let state = startDrill(plan);
    for (const [action, at] of steps) state = drillStep(plan, state, action, at);
    return state;
  }

  it('times the telling with the clock it is given', () => {
    const state = run([
      [{ type: 'start' }, 1_000],
      [{ type: 'stop' }, 151_400],
    ]);
    assert.equal(state.phase, 'follow-ups');
    assert.equal(state.seconds, 150);
    const next = drillStep(plan, state, { type: 'told', logged: TODAY }, 160_000);
    assert.equal(next.index, 1);
    assert.equal(next.phase, 'question');
    assert.deepEqual(next.outcomes, [
      { id: plan.questions[0].id, story: plan.questions[0].story, seconds: 150, told: true, skipped: false, logged: TODAY, logError: undefined },
    ]);
  });

  it('ignores keys that do not belong to the phase', () => {
    const asked = startDrill(plan);
    assert.equal(drillStep(plan, asked, { type: 'stop' }, 5), asked);
    assert.equal(drillStep(plan, asked, { type: 'told' }, 5), asked);
    const telling = drillStep(plan, asked, { type: 'start' }, 5);
    assert.equal(drillStep(plan, telling, { type: 'start' }, 9), telling);
    assert.equal(drillStep(plan, telling, { type: 'not-told' }, 9), telling);
  });

  it('skips (timing what was told), quits, and summarises', () => {
    const state = run([
      [{ type: 'start' }, 0],
      [{ type: 'stop' }, 200_000],
      [{ type: 'told', logError: 'it changed on disk since the drill read it' }, 201_000],
      [{ type: 'start' }, 300_000],
      [{ type: 'skip' }, 330_000],
      [{ type: 'quit' }, 331_000],
    ]);
    assert.equal(state.phase, 'done');
    assert.equal(state.outcomes[1].seconds, 30);
    assert.equal(state.outcomes[1].skipped, true);
    const s = drillSummary(plan, state);
    assert.equal(s.asked, 2);
    assert.equal(s.told, 1);
    assert.equal(s.skipped, 1);
    assert.deepEqual(s.long, [plan.questions[0].id]);
    assert.deepEqual(s.logged, []);
    assert.deepEqual(s.storiesUsed, plan.questions[0].story === undefined ? [] : [plan.questions[0].story]);
    assert.deepEqual(s.noStory, [
      { id: 'leading-without-authority', asked: plan.questions.slice(0, 2).some((q) => q.id === 'leading-without-authority') },
      { id: 'why-company', asked: plan.questions.slice(0, 2).some((q) => q.id === 'why-company') },
    ]);
    assert.equal(drillStep(plan, state, { type: 'start' }, 400_000), state, 'a finished drill stays finished');
  });

  it('ends after the last question', () => {
    let state = startDrill(plan);
    for (let i = 0; i < plan.questions.length; i++) state = drillStep(plan, state, { type: 'skip' }, i);
    assert.equal(state.phase, 'done');
    assert.equal(state.outcomes.length, plan.questions.length);
  });

  it('shows the clock against the 2–3 minute target and warns past 3:00', () => {
    assert.deepEqual(
      [0, 119, 120, 180, 181, 605].map((s) => [timerView(s).clock, timerView(s).status]),
      [
        ['0:00', 'short'],
        ['1:59', 'short'],
        ['2:00', 'target'],
        ['3:00', 'target'],
        ['3:01', 'long'],
        ['10:05', 'long'],
      ],
    );
    assert.match(timerView(181).message, /past 3:00/);
  });
});
