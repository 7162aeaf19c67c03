// The quantified-metric detector of SPEC §4, as a table: what counts, what does not, and how a
// metric is classified as technical, business, both or neither.
import assert from 'node:assert/strict';
import { findMetrics, lintText, resolveConfig } from '../server/src/engine';

/** [sentence, the metric text the detector must find] */
const COUNTS: [string, string][] = [
  ['Conversion rose 62% in the test group.', '62%'],
  ['Conversion rose 62 percent in the test group.', '62 percent'],
  ['The new model added $1.2M to the quarter.', '$1.2M'],
  ['The pipeline saved $300K in vendor fees.', '$300K'],
  ['Labelling spend fell by €50k.', '€50k'],
  ['The change was worth 2 million dollars.', '2 million dollars'],
  ['Fraud losses dropped by $5M/year.', '$5M/year'],
  ['Throughput rose 3x after the cache.', '3x'],
  ['Scoring got 2.5× faster.', '2.5×'],
  ['False alarms saw a 10-fold drop.', '10-fold'],
  ['Click-through doubled after launch.', 'doubled'],
  ['Weekly sign-ups tripled.', 'tripled'],
  ['Manual review time halved.', 'halved'],
  ['The lift was significant at p < 0.01.', 'p < 0.01'],
  ['The classifier reached AUC 0.91 on the held-out month.', 'AUC 0.91'],
  ['The extractor reached an F1 of 0.89.', 'F1 of 0.89'],
  ['CTR rose from 2.1% to 3.4%.', 'from 2.1% to 3.4%'],
  ['Recall went from 0.72 to 0.89.', 'from 0.72 to 0.89'],
  ['Scoring now takes 50ms at the median.', '50ms'],
  ['The dashboard saves analysts 20 hours/week.', '20 hours/week'],
  ['The model now serves 40,000 users.', '40,000 users'],
  ['We collected 8,000 labels in the first month.', '8,000 labels'],
  ['The bot closed 1.5k tickets without an agent.', '1.5k tickets'],
  ['The new triage queue saved 20 hours.', '20 hours'],
  ['Review time fell from 2 weeks to 3 days.', 'from 2 weeks to 3 days'],
  // A change written with an arrow (SPEC §4), units on both sides.
  ['Review time went from 4 hours → 15 minutes.', '4 hours → 15 minutes'],
  ['Conversion rose 2.1% -> 3.4%.', '2.1% -> 3.4%'],
  ['p95 800ms→120ms after the change.', '800ms→120ms'],
  // Zero and spelled-out numbers that quantify an outcome (SPEC §4).
  ['We have had zero outages since the change.', 'zero outages'],
  ['Zero invalid submissions after deployment.', 'Zero invalid submissions'],
  ['We closed 2 critical incidents that week.', '2 critical incidents'],
  ['Review went from five days to two.', 'from five days to two'],
  ['Incidents fell from 12 to 0.', 'from 12 to 0'],
  // A Result's key metrics as "name: value".
  ['Bug recurrence: 0 (it has not happened since)', 'Bug recurrence: 0'],
  ['User complaints: dropped to 0', 'User complaints: dropped to 0'],
  ['Monthly churn: now 4.1', 'Monthly churn: now 4.1'],
  // Spelled-out multipliers.
  ['The new index made search three times faster.', 'three times faster'],
  ['The cache cut latency by half.', 'by half'],
  ['The team now ships twice as often.', 'twice as often'],
  ['Inference cost dropped by an order of magnitude.', 'an order of magnitude'],
];

/** Sentences with numbers that are not metrics. */
const DOES_NOT_COUNT: string[] = [
  'The model shipped in 2023.',
  'We launched in Q3.',
  'I led a 4-person team.',
  'I led a team of four.',
  'I led a team of 4 engineers.',
  'We prototyped on GPT-3.5 first.',
  'We fine-tuned BERT-base on our tickets.',
  'We shipped v2 of the ranker.',
  'It was our 1st launch of the year.',
  'I presented it at the 3rd review.',
  'It shipped within four weeks.',
  'We ran a two-week experiment.',
  'It shipped within 4 weeks.',
  'The project ran over 6 months.',
  'Step 2 was the hardest.',
  // Spelled-out team sizes and timelines, and "name: value" lines that are no measured outcome.
  'Three engineers worked on it for four weeks.',
  'One customer complained about the delay.',
  'We moved from one team to another.',
  'Team size: 4',
  'Time to fix: 2 hours from discovery to deployment',
  'Step 3: retrain the model',
  'Our zero-shot baseline was weak.',
];

describe('metrics: what counts (SPEC §4)', () => {
  for (const [sentence, metric] of COUNTS) {
    it(`counts ${JSON.stringify(metric)} in "${sentence}"`, () => {
      const found = findMetrics(sentence).map((m) => m.text);
      assert.ok(found.includes(metric), `found ${JSON.stringify(found)}`);
    });
  }
});

describe('metrics: what does not count (SPEC §4)', () => {
  for (const sentence of DOES_NOT_COUNT) {
    it(`finds no metric in "${sentence}"`, () => {
      assert.deepEqual(
        findMetrics(sentence).map((m) => m.text),
        [],
      );
    });
  }

  it('finds only the change in a sentence that also names a team size, a year and a timeline', () => {
    const found = findMetrics('In 2023 my 4-person team cut p99 latency from 180 ms to 95 ms within four weeks.');
    assert.deepEqual(
      found.map((m) => m.text),
      ['from 180 ms to 95 ms'],
    );
  });

  it('counts a duration inside a change but not the project timeline beside it', () => {
    const found = findMetrics('Within 4 weeks the tool saved 20 hours a week of manual review.');
    assert.deepEqual(
      found.map((m) => m.text),
      ['20 hours a week'],
    );
  });
});

describe('metrics: technical, business, both or neither', () => {
  const cases: [string, string[][]][] = [
    ['Precision rose from 0.61 to 0.78.', [['technical']]],
    ['The model brought $1.2M in annual revenue.', [['business']]],
    ['CTR rose from 2.1% to 3.4%, adding $2M a year.', [['technical'], ['business']]],
    ['Inter-annotator kappa rose from 0.58 to 0.86.', [[]]],
    ['p99 latency fell from 180 ms to 95 ms.', [['technical']]],
    ['Churn fell from 9% to 6% among 40,000 customers.', [['business'], ['business']]],
    // The measured quantity decides, not an incidental word (SPEC §4).
    ['We reached 82% accuracy in predicting customer churn.', [['technical']]],
    ['I cut churn by 3 points with the new model.', [['business']]],
    ['The cache cut latency by half.', [['technical']]],
    // Operational measures: incidents, outages, bugs (SPEC §4).
    ['Bug recurrence: 0', [['technical']]],
    ['We have had zero outages since.', [['technical']]],
  ];
  for (const [sentence, types] of cases) {
    it(`classifies "${sentence}" as ${types.map((t) => t.join('+') || 'neither').join(', ')}`, () => {
      assert.deepEqual(
        findMetrics(sentence).map((m) => [...m.types].sort()),
        types,
      );
    });
  }

  it('lets one sentence hold both kinds across its clauses', () => {
    const types = new Set(findMetrics('CTR rose from 2.1% to 3.4%, adding $2M a year.').flatMap((m) => m.types));
    assert.deepEqual([...types].sort(), ['business', 'technical']);
  });
});

describe('metrics: through the rules', () => {
  const story = (result: string): string =>
    `# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n## Action\n\nI built a model.\n\n## Result\n\n${result}\n`;
  const rulesFor = (result: string, rule: string): number =>
    lintText(story(result), resolveConfig(), { today: '2026-11-25', only: [rule] }).findings.filter((f) => f.rule === rule).length;

  it('result-metric is silent on every counting sentence', () => {
    for (const [sentence] of COUNTS) assert.equal(rulesFor(sentence, 'result-metric'), 0, sentence);
  });

  it('result-metric fires on every sentence whose numbers do not count', () => {
    for (const sentence of DOES_NOT_COUNT) assert.equal(rulesFor(sentence, 'result-metric'), 1, sentence);
  });

  it('a neither metric counts for result-metric and makes metric-types fire', () => {
    const result = 'Inter-annotator kappa rose from 0.58 to 0.86.';
    assert.equal(rulesFor(result, 'result-metric'), 0);
    assert.equal(rulesFor(result, 'metric-types'), 1);
  });

  it('metric-types is silent when technical and business metrics share a sentence', () => {
    assert.equal(rulesFor('CTR rose from 2.1% to 3.4%, adding $2M a year.', 'metric-types'), 0);
  });
});
