// The mock-interview drill and job-description fit over the protocol: `starlint/drillPlan` and
// `starlint/matchJob` answered by the real server from the bank it scanned, equal to what the
// engine (and so `starlint drill` / `starlint match`) gives for the same bank and configuration.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeBank, lintText, resolveConfig } from '../../server/src/engine';
import { planDrill } from '../../server/src/engine/bank/drill';
import { matchJob } from '../../server/src/engine/bank/match';
import type { DrillPlanResult, MatchJobResult } from '../../shared/protocol';
import { ROOT, TestClient, ensureBuilt } from './helpers/client';

const TODAY = '2026-11-25';

describe('lsp: mock interview and job-description fit', function () {
  let client: TestClient;
  let dir: string;
  const config = { targetCompany: 'google', themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] };

  /** The bank as the CLI and the engine read it, for comparison. */
  function engineBank() {
    const resolved = resolveConfig(config as never);
    const names = [
      '01-cold-start-recommender.md',
      '02-fraud-scoring-latency.md',
      '03-promotion-uplift-with-finance.md',
      '04-dispute-labelling-guidelines.md',
      '05-churn-model-label-break.md',
      '06-search-ranking-ab-loss.md',
      '07-onboarding-junior-engineers.md',
      '08-credit-limit-fairness.md',
    ];
    const files = names.map((n) => ({ uri: n, result: lintText(readFileSync(path.join(dir, n), 'utf8'), resolved, { today: TODAY }) }));
    return { report: analyzeBank(files, resolved, TODAY), config: resolved };
  }

  before(async function () {
    this.timeout(60_000);
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'starlint-rehearse-'));
    cpSync(path.join(ROOT, 'examples/story-bank'), dir, { recursive: true });
    writeFileSync(path.join(dir, '.starlintrc.json'), JSON.stringify(config));
    client = await TestClient.start({ folders: [dir], settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starlint/drillPlan plans the drill the CLI plans, with the bank’s configuration', async () => {
    const r = await client.request<DrillPlanResult>('starlint/drillPlan', { seed: 4, questions: 12 });
    assert.equal(r.stories.length, 8);
    const { report, config: resolved } = engineBank();
    const expected = planDrill(report, resolved, { seed: 4, questions: 12 });
    assert.deepEqual(
      r.plan.questions.map((q) => [q.id, q.reason, q.followUps]),
      expected.questions.map((q) => [q.id, q.reason, q.followUps]),
    );
    assert.deepEqual(
      r.plan.questions.map((q) => (q.story === undefined ? null : r.stories[q.story].title)),
      expected.questions.map((q) => (q.story === undefined ? null : report.stories[q.story].title)),
    );
    // The configuration's own theme and the target company's value are in the pool.
    assert.ok(r.plan.pool.some((p) => p.id === 'scaling'));
    assert.ok(r.plan.pool.some((p) => p.id === 'google:intellectual-humility'));
    assert.deepEqual(r.unknownThemes, []);
  });

  it('asks only the themes given, names the unknown ones, and picks a seed when none is given', async () => {
    const r = await client.request<DrillPlanResult>('starlint/drillPlan', { themes: ['failure', 'scalng'] });
    assert.deepEqual(
      r.plan.questions.map((q) => q.id),
      ['failure'],
    );
    assert.match(r.unknownThemes[0], /unknown theme "scalng"; did you mean "scaling"\?/);
    assert.ok(Number.isInteger(r.plan.seed));
    await assert.rejects(client.request('starlint/drillPlan', { questions: 0 }), /"questions" is a whole number of 1 or more/);
    await assert.rejects(client.request('starlint/drillPlan', { seed: -1 }), /"seed" is a whole number/);
  });

  it('starlint/matchJob matches a posting against the bank as the CLI does', async () => {
    const text = readFileSync(path.join(ROOT, 'test/fixtures/match/ranking-engineer.md'), 'utf8');
    const r = await client.request<MatchJobResult>('starlint/matchJob', { text });
    const { report, config: resolved } = engineBank();
    const expected = matchJob(text, report, resolved);
    assert.deepEqual(
      r.result.competencies.map((c) => [c.id, c.status, c.evidence[0].line]),
      expected.competencies.map((c) => [c.id, c.status, c.evidence[0].line]),
    );
    assert.equal(r.result.company?.id, 'meta');
    for (const c of r.result.competencies) for (const i of c.stories) assert.ok(r.stories[i], `${c.id}: story ${i}`);
    assert.deepEqual(
      r.result.rehearse.map((x) => r.stories[x.story].title),
      expected.rehearse.map((x) => report.stories[x.story].title),
    );
    await assert.rejects(client.request('starlint/matchJob', {}), /"text" is the job posting/);
  });
});
