// The metric detector (server/src/engine/facts/metrics.ts), branch by branch: each pattern's
// variants with their exact spans, what excludes a number, how a counted noun phrase ends, the
// labelled values of a Result, when a duration counts, the clause and sentence bounds, and which
// words classify a metric. Each case asserts the whole list of metrics of its text.
import assert from 'node:assert/strict';
import { parseDocument, type Story } from '../server/src/engine';
import { clauseAround, findMetrics, hasNumber, headlineMetric, metricsOf } from '../server/src/engine/facts/metrics';

type Row = [kind: string, start: number, end: number, text: string, types: string];

/** Each metric of a text as [kind, start, end, text, types joined by '+']. */
function metrics(text: string): Row[] {
  return findMetrics(text).map((m) => [m.kind, m.start, m.end, m.text, m.types.join('+')]);
}

function storyOf(text: string): Story {
  const story = parseDocument(text).stories[0];
  assert.ok(story, `no story in ${JSON.stringify(text)}`);
  return story;
}

/** Runs one `it` per text, each asserting the whole list of metrics found in it. */
function table(cases: [string, Row[]][]): void {
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(metrics(text), expected));
  }
}

describe('facts/metrics.ts', () => {
  describe('findMetrics: empty and number-free text', () => {
    table([
      ['', []],
      ['   ', []],
      ['We shipped it.', []],
    ]);
  });

  describe('isExcluded: model and version names', () => {
    // A number right after a letter, or after a letter and a dash or point, names a model or a
    // version; after a space, a bracket, a tilde or a currency sign it is a quantity.
    table([
      ['GPT-5% rise', []],
      ['model-3x', []],
      [' x+5%', []],
      ['upgraded v2 → 3', []],
      ['bert.3x', []],
      // The arrow change is excluded after "x"; the money after it still counts.
      ['x5 → $6', [['money', 5, 7, '$6', 'business']]],
      // A currency sign after letters is money, not a name.
      ['US$5M', [['money', 2, 5, '$5M', 'business']]],
      // A letter two characters back, a symbol right before: no name.
      ['error rate=5%', [['percent', 11, 13, '5%', 'technical']]],
      ['a/5%', [['percent', 2, 4, '5%', '']]],
      ['(5%)', [['percent', 1, 3, '5%', '']]],
      ['~5%', [['percent', 1, 3, '5%', '']]],
      ['at 5%', [['percent', 3, 5, '5%', '']]],
      ['5%', [['percent', 0, 2, '5%', '']]],
    ]);
  });

  describe('isExcluded: team sizes after the number', () => {
    table([
      ['from 3 to 5 engineers', []],
      ['from 3 to 5 people', []],
      // The change gives way; "members" is a counted noun, so the count after it stays.
      ['from 3 to 5 members', [['count', 10, 19, '5 members', '']]],
      ['from 3 to 5 developers', []],
      ['from 3 to 5 scientists', []],
      ['from 3 to 5 teammates', []],
      ['from 3 to 5-person teams', []],
      ['from 3 to 5person', []],
      // A word that only starts like one is no team size.
      ['from 3 to 5 personas', [['change', 0, 11, 'from 3 to 5', '']]],
      ['from 3 to 5 tickets', [['change', 0, 19, 'from 3 to 5 tickets', 'business']]],
    ]);
  });

  describe('countedNounEnd: counted noun phrases', () => {
    table([
      // A modifier that is also a noun gives way to the noun after it, and stands alone without one.
      ['We onboarded 12 customer tickets.', [['count', 13, 32, '12 customer tickets', 'business']]],
      ['We onboarded 12 customer sites.', [['count', 13, 24, '12 customer', 'business']]],
      ['We onboarded 12 customer.', [['count', 13, 24, '12 customer', 'business']]],
      ['12 customer', [['count', 0, 11, '12 customer', 'business']]],
      // Two modifiers at most: a third word that is a modifier-noun is the noun.
      ['3 new daily customer tickets', [['count', 0, 20, '3 new daily customer', 'business']]],
      ['3 new daily weekly users', []],
      ['3 new daily users', [['count', 0, 17, '3 new daily users', 'business']]],
      // Any adjective only right after the number, and only before a counted noun.
      ['3 big new users', []],
      ['3 new big users', []],
      ['3 big users', [['count', 0, 11, '3 big users', 'business']]],
      ['3 big ideas', []],
      ['3 the users', []],
      ['3 per users', []],
      ['3-big users', []],
      // Counted phrases, also after a modifier.
      ['We saw 3 new fraud cases.', [['count', 7, 24, '3 new fraud cases', '']]],
      ['2 fraud case', [['count', 0, 12, '2 fraud case', '']]],
      ['4 false negatives', [['count', 0, 17, '4 false negatives', 'technical']]],
      ['1 line of code', [['count', 0, 14, '1 line of code', '']]],
      ['3 fraudsters', []],
      // Scales and a plus sign after the number.
      ['10k+ users', [['count', 0, 10, '10k+ users', 'business']]],
      ['2 million users', [['count', 0, 15, '2 million users', 'business']]],
      ['2.5M users', [['count', 0, 10, '2.5M users', 'business']]],
      // Plurals in -s, -es, -ies; "team" alone is no counted noun, "teams" is.
      ['3 teams', [['count', 0, 7, '3 teams', '']]],
      ['3 team', []],
      ['5 Users', [['count', 0, 7, '5 Users', 'business']]],
      ['2 boxes', []],
      ['9 entries', []],
      // Only a real plural ending is cut off: "storey" is no "store", "querent" no "query",
      // "ordered" no "order".
      ['a 3 storey building', []],
      ['5 querent', []],
      ['We saw 3 ordered and 2 billed.', []],
      // One space at most between the number and its noun; none is no noun either.
      ['3  users', []],
      ['3  fraud cases', []],
      ['3big users', []],
      ['zero users', [['count', 0, 10, 'zero users', 'business']]],
      ['zero', []],
      ['one user', []],
    ]);
  });

  describe('labelledValues: "name: value" lines of a Result', () => {
    table([
      ['Average page load time: 3', [['count', 0, 25, 'Average page load time: 3', 'technical']]],
      // At most four words in the label, which starts a line.
      ['Weekly active paying user count: 5', []],
      ['So we had bug count: 3', []],
      ['We had bug count: 3', [['count', 0, 19, 'We had bug count: 3', 'technical']]],
      ['Review time: 3 days', []],
      ['Error rate: 3%', [['percent', 12, 14, '3%', 'technical']]],
      ['Error rate: 3.5', [['count', 0, 15, 'Error rate: 3.5', 'technical']]],
      ['Error rate: 3.5x', [['multiplier', 12, 16, '3.5x', 'technical']]],
      ['Error rate: 3.5,2', []],
      ['Error rate: 3x', [['multiplier', 12, 14, '3x', 'technical']]],
      ['Team tickets: 3', []],
      ['Sign-up team: 3', []],
      // Only the word "team" itself, not a word that holds it.
      ['Steam sales: 3', [['count', 0, 14, 'Steam sales: 3', 'business']]],
      ['Bug count: down to 2', [['count', 0, 20, 'Bug count: down to 2', 'technical']]],
      ['Bug count: went down to 2', [['count', 0, 25, 'Bug count: went down to 2', 'technical']]],
      ['Bug count: fell to 2', [['count', 0, 20, 'Bug count: fell to 2', 'technical']]],
      ['Bug count: rose up to 9', [['count', 0, 23, 'Bug count: rose up to 9', 'technical']]],
      ['Bug count: zero', [['count', 0, 15, 'Bug count: zero', 'technical']]],
      ['Bug count: 2,5', [['count', 0, 14, 'Bug count: 2,5', 'technical']]],
      ['Score: 7', [['count', 0, 8, 'Score: 7', '']]],
      ['Latency: 7', [['count', 0, 10, 'Latency: 7', 'technical']]],
      ['Revenue: 7', [['count', 0, 10, 'Revenue: 7', 'business']]],
      ['Sessions: 7', [['count', 0, 11, 'Sessions: 7', 'business']]],
      ['Colour: 7', []],
      // Each line of a CRLF or LF list, indented or not.
      [
        'Bug count: 3\r\nError rate: 4',
        [
          ['count', 0, 12, 'Bug count: 3', 'technical'],
          ['count', 14, 27, 'Error rate: 4', 'technical'],
        ],
      ],
      ['Intro\n  Error rate: 4', [['count', 8, 21, 'Error rate: 4', 'technical']]],
      ['Intro\n\tError rate: 4', [['count', 7, 20, 'Error rate: 4', 'technical']]],
    ]);

    // A labelled value at the end of a sentence counts (it was lost: the lookahead after the
    // number refused any point, which was meant to stop a partial "3" of "3.5").
    it('a labelled value followed by a sentence-ending point still counts', () => {
      assert.deepEqual(metrics('Bug count: 3.'), [['count', 0, 12, 'Bug count: 3', 'technical']]);
      assert.deepEqual(metrics('Error rate: 3.5. Then more.'), [['count', 0, 15, 'Error rate: 3.5', 'technical']]);
    });
  });

  describe('changes: from … to, and arrows', () => {
    table([
      ['from roughly 5 to under 3 hours', [['change', 0, 31, 'from roughly 5 to under 3 hours', '']]],
      ['from ~$5k to over $9k', [['change', 0, 21, 'from ~$5k to over $9k', 'business']]],
      ['from $5k to below $2k a month', [['change', 0, 21, 'from $5k to below $2k', 'business']]],
      ['from ten to two days', [['change', 0, 20, 'from ten to two days', '']]],
      ['from a hundred to twenty', [['change', 0, 24, 'from a hundred to twenty', '']]],
      ['cut from 5 days down to 2', [['change', 4, 25, 'from 5 days down to 2', '']]],
      ['went from 5 up to 9 users', [['change', 5, 25, 'from 5 up to 9 users', 'business']]],
      ['from 2x to 5x', [['change', 0, 13, 'from 2x to 5x', '']]],
      ['From 5 To 9', [['change', 0, 11, 'From 5 To 9', '']]],
      ['from 5 until 9', []],
      // The trailing space the unit's optional space took is trimmed off.
      ['5 → 6 later', [['change', 0, 5, '5 → 6', '']]],
      ['5 -> 6 ms', [['change', 0, 9, '5 -> 6 ms', 'technical']]],
      ['5 => 6', [['change', 0, 6, '5 => 6', '']]],
      ['5ms vs 6ms', [['change', 0, 10, '5ms vs 6ms', '']]],
      ['5ms vs. 6ms', [['change', 0, 11, '5ms vs. 6ms', '']]],
      ['5 versus 6', [['change', 0, 10, '5 versus 6', '']]],
      ['$1.5M → $2M', [['change', 0, 11, '$1.5M → $2M', 'business']]],
      ['3→4 users', [['change', 0, 9, '3→4 users', 'business']]],
    ]);
  });

  describe('statistics, money, percents, multipliers and measures', () => {
    table([
      ['+0.03 AUC', [['statistic', 0, 9, '+0.03 AUC', 'technical']]],
      ['2 points in recall', [['statistic', 0, 18, '2 points in recall', 'technical']]],
      ['3 point of F1', [['statistic', 0, 13, '3 point of F1', 'technical']]],
      ['p = 0.04', [['statistic', 0, 8, 'p = 0.04', '']]],
      ['p≤0.05', [['statistic', 0, 6, 'p≤0.05', '']]],
      ['p <= .05', [['statistic', 0, 8, 'p <= .05', '']]],
      ['MAP@5 0.3', [['statistic', 0, 9, 'MAP@5 0.3', 'technical']]],
      ['recall @ 10 = 0.8', [['statistic', 0, 17, 'recall @ 10 = 0.8', 'technical']]],
      ['R² 0.9', [['statistic', 0, 6, 'R² 0.9', '']]],
      ['accuracy: 91', [['statistic', 0, 12, 'accuracy: 91', 'technical']]],
      ['accuracy improved by 3', [['statistic', 0, 22, 'accuracy improved by 3', 'technical']]],
      ['USD5', [['money', 0, 4, 'USD5', '']]],
      ['5 euros', [['money', 0, 7, '5 euros', 'business']]],
      ['$5/mo', [['money', 0, 5, '$5/mo', 'business']]],
      ['£3 a week', [['money', 0, 9, '£3 a week', 'business']]],
      ['€2bn per quarter', [['money', 0, 16, '€2bn per quarter', 'business']]],
      ['$4 mil', [['money', 0, 6, '$4 mil', 'business']]],
      ['3 x faster', [['multiplier', 0, 3, '3 x', '']]],
      ['3xl', []],
      ['quadrupled', [['multiplier', 0, 10, 'quadrupled', '']]],
      ['doubling', [['multiplier', 0, 8, 'doubling', '']]],
      ['2.5-fold', [['multiplier', 0, 8, '2.5-fold', '']]],
      ['ten times more', [['multiplier', 0, 14, 'ten times more', '']]],
      ['twice as many', [['multiplier', 0, 13, 'twice as many', '']]],
      ['in half', [['multiplier', 0, 7, 'in half', '']]],
      ['by two-thirds', [['multiplier', 0, 13, 'by two-thirds', '']]],
      ['by three quarters', [['multiplier', 0, 17, 'by three quarters', '']]],
      ['a hundred times better', [['multiplier', 0, 22, 'a hundred times better', '']]],
      // Measure units are case-sensitive.
      ['5 MS', []],
      ['3 kWh', [['measure', 0, 5, '3 kWh', '']]],
      ['2 TB', [['measure', 0, 4, '2 TB', '']]],
      ['10 rps', [['measure', 0, 6, '10 rps', 'technical']]],
      ['3 basis points', [['measure', 0, 14, '3 basis points', '']]],
      ['2 percentage points', [['measure', 0, 19, '2 percentage points', '']]],
      ['2k qps', [['measure', 0, 6, '2k qps', 'technical']]],
      ['9 µs', [['measure', 0, 4, '9 µs', '']]],
      ['3 hours a week', [['measure', 0, 14, '3 hours a week', '']]],
      ['2 days each sprint', [['measure', 0, 18, '2 days each sprint', '']]],
      ['5 mins per release', [['measure', 0, 18, '5 mins per release', '']]],
      // Metrics come out in text order, whichever pattern found them first.
      [
        'Up 5% and saved $3.',
        [
          ['percent', 3, 5, '5%', 'business'],
          ['money', 16, 18, '$3', 'business'],
        ],
      ],
    ]);
  });

  describe('durations: only beside a change verb or a comparative', () => {
    table([
      ['shaved 2 days', [['measure', 7, 13, '2 days', '']]],
      ['It landed 3 weeks sooner.', [['measure', 10, 17, '3 weeks', '']]],
      ['It landed 3 weeks early.', []],
      ['It took 2 days earlier', [['measure', 8, 14, '2 days', '']]],
      ['It took 2 person-days less', [['measure', 8, 21, '2 person-days', '']]],
      ['We freed 5 analyst hours.', [['measure', 9, 24, '5 analyst hours', 'business']]],
      ['It takes 2 engineer-days of work saved.', [['measure', 9, 24, '2 engineer-days', 'business']]],
      // The comparative must be in the same clause.
      ['It took 2 days, faster than before.', []],
      ['It took 2 days\nfaster rollouts', []],
      ['saved 3 months and 2 weeks', [['measure', 6, 14, '3 months', 'business']]],
      // Each stop ends the clause of the verb: a dash between spaces, "but", a sentence end.
      ['We cut it — it took 3 hours.', []],
      ['We cut it - it took 3 hours.', []],
      ['We cut it but it took 3 hours.', []],
      ['We cut it. It took 3 hours.', []],
      ['We cut it! It took 3 hours.', []],
      ['We cut it.It took 3 hours.', [['measure', 18, 25, '3 hours', '']]],
      // A duration inside a change belongs to the change.
      ['We cut review from 2 days to 3 hours.', [['change', 14, 36, 'from 2 days to 3 hours', '']]],
    ]);
  });

  describe('classify: the words after the number, before it, in its clause, in its sentence', () => {
    table([
      ['5% more revenue', [['percent', 0, 2, '5%', 'business']]],
      ['5% of revenue', [['percent', 0, 2, '5%', 'business']]],
      ['5% in latency', [['percent', 0, 2, '5%', 'technical']]],
      ['a 5% rise', [['percent', 2, 4, '5%', '']]],
      // The first two words after the number, "of" or "in" not counted among them, decide when
      // they name one kind, even when the clause names both.
      ['In latency terms we made 5% more revenue.', [['percent', 25, 27, '5%', 'business']]],
      ['Latency aside we saw 5% of net revenue.', [['percent', 21, 23, '5%', 'business']]],
      ['Latency aside we saw 5% more revenue.', [['percent', 21, 23, '5%', 'business']]],
      // Words after it that name both kinds give way to the words before it.
      ['Revenue rose 5% in latency revenue', [['percent', 13, 15, '5%', 'business']]],
      // The clause decides before the sentence does.
      ['Despite latency we went up by 5%; revenue was flat.', [['percent', 30, 32, '5%', 'technical']]],
      // Only the last three words before the number (and a preposition) speak for it; words
      // further back in the clause count only when the near words name neither kind.
      ['Despite latency our revenue went up by 5%.', [['percent', 39, 41, '5%', 'business']]],
      ['Despite latency our revenue  went up by 5%.', [['percent', 40, 42, '5%', 'business']]],
      ['Despite latency we went up by 5%.', [['percent', 30, 32, '5%', 'technical']]],
      ['Latency and revenue mattered; it went up by 5%.', [['percent', 44, 46, '5%', 'technical+business']]],
      ['Our latency and revenue went up by 5%.', [['percent', 35, 37, '5%', 'business']]],
      ['Latency revenue went up by 5%.', [['percent', 27, 29, '5%', 'business']]],
      // The words right before a range's second end run up to it with no space between.
      [
        'Latency aside our revenue rose 5%-10%.',
        [
          ['percent', 31, 33, '5%', 'business'],
          ['percent', 33, 37, '-10%', 'business'],
        ],
      ],
      // The sentence decides when the clause names nothing; a newline or ". " ends a sentence.
      ['Revenue v0.5 was flat; we grew 5%.', [['percent', 31, 33, '5%', 'business']]],
      ['Revenue flat\nWe grew 5%', [['percent', 21, 23, '5%', '']]],
      ['Revenue flat. We grew 5%', [['percent', 22, 24, '5%', '']]],
      ['Revenue flat? We grew 5%', [['percent', 22, 24, '5%', '']]],
    ]);
  });

  describe('units: singular and plural, with and without a space', () => {
    table([
      ['3 millisecond', [['measure', 0, 13, '3 millisecond', 'technical']]],
      ['3 milliseconds', [['measure', 0, 14, '3 milliseconds', 'technical']]],
      ['3 microsecond', [['measure', 0, 13, '3 microsecond', '']]],
      ['3 microseconds', [['measure', 0, 14, '3 microseconds', '']]],
      ['3 byte', [['measure', 0, 6, '3 byte', '']]],
      ['3 bytes', [['measure', 0, 7, '3 bytes', '']]],
      ['3 basis point', [['measure', 0, 13, '3 basis point', '']]],
      ['3 percentage point', [['measure', 0, 18, '3 percentage point', '']]],
      ['3 GPU-hour', [['measure', 0, 10, '3 GPU-hour', 'technical']]],
      ['3 GPU hours', [['measure', 0, 11, '3 GPU hours', 'technical']]],
      ['3 GPU-day', [['measure', 0, 9, '3 GPU-day', 'technical']]],
      ['3 GPU days', [['measure', 0, 10, '3 GPU days', 'technical']]],
      ['3 point', [['measure', 0, 7, '3 point', '']]],
      ['3 star', [['measure', 0, 6, '3 star', '']]],
      ['4 GiB', [['measure', 0, 5, '4 GiB', '']]],
      ['5 MiB', [['measure', 0, 5, '5 MiB', '']]],
      ['6 kB', [['measure', 0, 4, '6 kB', '']]],
      ['5ms', [['measure', 0, 3, '5ms', '']]],
      ['5 ms', [['measure', 0, 4, '5 ms', 'technical']]],
      ['saved 3 sec', [['measure', 6, 11, '3 sec', 'business']]],
      ['saved 3 secs', [['measure', 6, 12, '3 secs', 'business']]],
      ['saved 3 second', [['measure', 6, 14, '3 second', 'business']]],
      ['saved 3 min', [['measure', 6, 11, '3 min', 'business']]],
      ['saved 3 minute', [['measure', 6, 14, '3 minute', 'business']]],
      ['saved 3 hr', [['measure', 6, 10, '3 hr', 'business']]],
      ['saved 3 hrs', [['measure', 6, 11, '3 hrs', 'business']]],
      ['saved 3 hour', [['measure', 6, 12, '3 hour', 'business']]],
      ['saved 3 h', [['measure', 6, 9, '3 h', 'business']]],
      ['saved 3 s', [['measure', 6, 9, '3 s', 'business']]],
      ['saved 3 day', [['measure', 6, 11, '3 day', 'business']]],
      ['saved 3 week', [['measure', 6, 12, '3 week', 'business']]],
      ['saved 3 month', [['measure', 6, 13, '3 month', 'business']]],
      ['saved 3 quarter', [['measure', 6, 15, '3 quarter', 'business']]],
      ['saved 3 year', [['measure', 6, 12, '3 year', 'business']]],
      ['saved 3 person-hour', [['measure', 6, 19, '3 person-hour', 'business']]],
      ['saved 3 person-day', [['measure', 6, 18, '3 person-day', 'business']]],
      ['saved 3 person-week', [['measure', 6, 19, '3 person-week', 'business']]],
      ['saved 3 engineer-hour', [['measure', 6, 21, '3 engineer-hour', 'business']]],
      ['saved 3 engineer-day', [['measure', 6, 20, '3 engineer-day', 'business']]],
      ['saved 3 engineer-week', [['measure', 6, 21, '3 engineer-week', 'business']]],
      ['saved 3 engineering hours', [['measure', 6, 25, '3 engineering hours', 'business']]],
      ['saved 3 engineer hours', [['measure', 6, 22, '3 engineer hours', 'business']]],
      ['saved 3 labeling hours', [['measure', 6, 22, '3 labeling hours', 'business']]],
      ['saved 3 labelling hours', [['measure', 6, 23, '3 labelling hours', 'business']]],
      ['saved 3hours', [['measure', 6, 12, '3hours', 'business']]],
      ['3hours/week', [['measure', 0, 11, '3hours/week', '']]],
      ['3 hours/week', [['measure', 0, 12, '3 hours/week', '']]],
      ['3 hours per weekly', []],
    ]);
  });

  describe('change verbs: whole words only', () => {
    table([
      ['We save 3 hours.', [['measure', 8, 15, '3 hours', '']]],
      ['We reduce it by 3 hours.', [['measure', 16, 23, '3 hours', '']]],
      ['It retries unless 3 hours pass.', []],
      ['Lessons took 3 hours.', []],
    ]);
  });

  describe('spelled multipliers: hyphens, runs of spaces, word boundaries', () => {
    table([
      ['two-times faster', [['multiplier', 0, 16, 'two-times faster', '']]],
      ['two times  faster', [['multiplier', 0, 17, 'two times  faster', '']]],
      ['ten times fasterer', []],
      ['atwo times faster', []],
      ['twice  as  fast', [['multiplier', 0, 15, 'twice  as  fast', '']]],
      ['xtwice as good', []],
      ['by  half', [['multiplier', 0, 8, 'by  half', '']]],
      ['by a half', [['multiplier', 0, 9, 'by a half', '']]],
      ['by a  half', [['multiplier', 0, 10, 'by a  half', '']]],
      ['by a  third', [['multiplier', 0, 11, 'by a  third', '']]],
      ['by two thirds', [['multiplier', 0, 13, 'by two thirds', '']]],
      ['by a quarter', [['multiplier', 0, 12, 'by a quarter', '']]],
      ['by a  quarter', [['multiplier', 0, 13, 'by a  quarter', '']]],
      ['by three-quarters', [['multiplier', 0, 17, 'by three-quarters', '']]],
      ['in a third', [['multiplier', 0, 10, 'in a third', '']]],
      ['an  order  of  magnitude', [['multiplier', 0, 24, 'an  order  of  magnitude', 'business']]],
      ['by halfway', []],
      ['nearby half', []],
      ['an order of magnitudes', []],
      ['can order of magnitude', []],
    ]);
  });

  describe('changes: runs of spaces and whole words', () => {
    table([
      ['from about 5 to 3', [['change', 0, 17, 'from about 5 to 3', '']]],
      ['from  about  5  down  to  about  3', [['change', 0, 34, 'from  about  5  down  to  about  3', '']]],
      ['from 5 up  to 3', [['change', 0, 15, 'from 5 up  to 3', '']]],
      ['from 5 to roughly  3', [['change', 0, 20, 'from 5 to roughly  3', '']]],
      ['from 5 to under  3', [['change', 0, 18, 'from 5 to under  3', '']]],
      ['from 5 to below  3', [['change', 0, 18, 'from 5 to below  3', '']]],
      ['from 5 to over  3', [['change', 0, 17, 'from 5 to over  3', '']]],
      ['therefrom 5 to 3', []],
      ['from tens to twenty', []],
      ['from ten to twentyfold', []],
      ['5 ms → 6 ms', [['change', 0, 11, '5 ms → 6 ms', 'technical']]],
    ]);
  });

  describe('statistics, money, percents, multipliers: spacing and word boundaries', () => {
    table([
      ['0.82F1', [['statistic', 0, 6, '0.82F1', '']]],
      ['3 points AUC', [['statistic', 0, 12, '3 points AUC', 'technical']]],
      ['0.9 recalls', []],
      ['USD 5', [['money', 0, 5, 'USD 5', '']]],
      ['EUR 5', [['money', 0, 5, 'EUR 5', '']]],
      ['GBP 5', [['money', 0, 5, 'GBP 5', '']]],
      ['GBP5', [['money', 0, 4, 'GBP5', '']]],
      ['$5/days', [['money', 0, 2, '$5', 'business']]],
      ['5 USDC', []],
      ['5USD', [['money', 0, 4, '5USD', '']]],
      ['5 %', [['percent', 0, 3, '5 %', '']]],
      ['5 pctile', []],
      ['3-folded', []],
      ['halvings', []],
      ['doublings', []],
      ['redoubled', []],
      ['ROUGE-L 0.4', [['statistic', 0, 11, 'ROUGE-L 0.4', 'technical']]],
      ['ROUGE-2 0.3', [['statistic', 0, 11, 'ROUGE-2 0.3', 'technical']]],
      ['MAP@10 0.3', [['statistic', 0, 10, 'MAP@10 0.3', 'technical']]],
      ['top-5 accuracy 0.9', [['statistic', 0, 18, 'top-5 accuracy 0.9', 'technical']]],
      ['top-k accuracy 0.9', [['statistic', 6, 18, 'accuracy 0.9', 'technical']]],
      ['recall @10 0.8', [['statistic', 0, 14, 'recall @10 0.8', 'technical']]],
      ['recall@ 10 0.8', [['statistic', 0, 14, 'recall@ 10 0.8', 'technical']]],
      ['F1  score 0.8', [['statistic', 0, 13, 'F1  score 0.8', 'technical']]],
      ['AUC:0.9', [['statistic', 0, 7, 'AUC:0.9', 'technical']]],
      ['AUC =  0.9', [['statistic', 0, 10, 'AUC =  0.9', 'technical']]],
      ['gap < 0.05', []],
      ['$.5M', [['money', 0, 4, '$.5M', 'business']]],
      ['$.25M', [['money', 0, 5, '$.25M', 'business']]],
    ]);
  });

  describe('labelled values: spacing, and whole words in the label', () => {
    table([
      ['Bug  count: 3', [['count', 0, 13, 'Bug  count: 3', 'technical']]],
      ['Bug count : 3', [['count', 0, 13, 'Bug count : 3', 'technical']]],
      ['Bug count:3', [['count', 0, 11, 'Bug count:3', 'technical']]],
      ['Bug count: rose  up to 3', [['count', 0, 24, 'Bug count: rose  up to 3', 'technical']]],
      ['Bug count: down  to 3', [['count', 0, 21, 'Bug count: down  to 3', 'technical']]],
      ['Bug count: down to  3', [['count', 0, 21, 'Bug count: down to  3', 'technical']]],
      ['Bug count: now  3', [['count', 0, 17, 'Bug count: now  3', 'technical']]],
      ['Error rate: 3 hourly', [['count', 0, 13, 'Error rate: 3', 'technical']]],
      ['Teamwork score: 8', [['count', 0, 17, 'Teamwork score: 8', '']]],
      ['Counters: 3', []],
      ['Pirate ships: 3', []],
    ]);
  });

  describe('counted nouns: phrases after a modifier, whole phrases, no space, a comma before the number', () => {
    table([
      ['3 new fraud case', [['count', 0, 16, '3 new fraud case', '']]],
      ['3 lines of codecs', []],
      ['3users', [['count', 0, 6, '3users', '']]],
      ['3fraud cases', [['count', 0, 12, '3fraud cases', '']]],
      ['x,5 users', [['count', 2, 9, '5 users', 'business']]],
    ]);
  });

  describe('classification words: whole words only', () => {
    table([
      ['The bugles rose 5%.', [['percent', 16, 18, '5%', '']]],
      ['The incidental rose 5%.', [['percent', 20, 22, '5%', '']]],
      ['The defective rose 5%.', [['percent', 19, 21, '5%', '']]],
      ['The crashed rose 5%.', [['percent', 17, 19, '5%', '']]],
      ['The alertness rose 5%.', [['percent', 19, 21, '5%', '']]],
      ['The msg rose 5%.', [['percent', 13, 15, '5%', '']]],
      ['Sales of bugles rose 5%.', [['percent', 21, 23, '5%', 'business']]],
      ['The clickthrough rose 5%.', [['percent', 22, 24, '5%', 'technical']]],
      ['The click through rose 5%.', [['percent', 23, 25, '5%', 'technical']]],
    ]);
  });

  // The fractional part of a version is no metric (it was: a number could start right after a
  // decimal point, and the model-name check looks only at the two characters before it, "1.").
  it('the fraction of a version number is no metric', () => {
    assert.deepEqual(metrics('v1.5 users'), []);
    assert.deepEqual(metrics('v2.5x'), []);
    assert.deepEqual(metrics('model v0.9 AUC'), []);
  });

  // "saves" makes a duration a saving, as "save", "saved" and "saving" do (it did not).
  it('"saves" is a change verb like "save" and "saved"', () => {
    assert.deepEqual(metrics('It saves 3 hours.'), [['measure', 9, 16, '3 hours', '']]);
  });

  describe('ratings out of 5, 10 or 100 keep their scale in a change', () => {
    table([
      ['CSAT 3.2/5 → 4.5/5.', [['change', 5, 18, '3.2/5 → 4.5/5', 'business']]],
      ['score from 3/10 to 8/10', [['change', 6, 23, 'from 3/10 to 8/10', '']]],
      // Another denominator is no rating: the change starts after it, as before.
      ['from 1/50 to 2', []],
    ]);
  });

  describe('LLM quality measures are technical', () => {
    table([
      ['Answer correctness 62% → 86%', [['change', 19, 28, '62% → 86%', 'technical']]],
      ['Hallucination rate 28% → 9%', [['change', 19, 27, '28% → 9%', 'technical']]],
      ['faithfulness rose from 0.71 to 0.88', [['change', 18, 35, 'from 0.71 to 0.88', 'technical']]],
    ]);
  });

  describe('word boundaries: a number glued to an identifier (run_3x) is no metric', () => {
    table([
      ['id_5 users', []],
      ['run_two times faster', []],
      ['run_twice as fast', []],
      ['run_by half', []],
      ['run_an order of magnitude', []],
      ['run_from 5 to 3', []],
      ['run_USD5', []],
      ['run_EUR5', []],
      ['run_GBP5', []],
      ['run_5 dollars', []],
      ['run_5%', []],
      ['run_3x', []],
      ['run_3-fold', []],
      ['run_doubled', []],
      ['run_p < 0.05', []],
      ['run_AUC 0.9', []],
      ['run_5 ms', []],
      ['run_3 hours a week', []],
      ['saved run_3 hours', []],
    ]);
  });

  describe('more variants: units that keep a team-size word off, spacing around units, bare metric names', () => {
    table([
      ['cut from 5 to 3 person-hour', [['change', 4, 27, 'from 5 to 3 person-hour', '']]],
      ['cut from 5 to 3 person-day', [['change', 4, 26, 'from 5 to 3 person-day', '']]],
      ['cut from 5 to 3 person-week', [['change', 4, 27, 'from 5 to 3 person-week', '']]],
      ['cut from 5 to 3 engineer-hour', [['change', 4, 29, 'from 5 to 3 engineer-hour', '']]],
      ['cut from 5 to 3 engineer-day', [['change', 4, 28, 'from 5 to 3 engineer-day', '']]],
      ['cut from 5 to 3 engineer-week', [['change', 4, 29, 'from 5 to 3 engineer-week', '']]],
      ['from 5 ms  to 3 ms', [['change', 0, 18, 'from 5 ms  to 3 ms', 'technical']]],
      ['from 5% up  to 9%', [['change', 0, 17, 'from 5% up  to 9%', '']]],
      ['from 5% up to 9%', [['change', 0, 16, 'from 5% up to 9%', '']]],
      ['from 5% down to 2%', [['change', 0, 18, 'from 5% down to 2%', '']]],
      ['from roughly  5 to 3', [['change', 0, 20, 'from roughly  5 to 3', '']]],
      ['EUR5', [['money', 0, 4, 'EUR5', '']]],
      ['5 per centile', []],
      ['ROUGE 0.4', [['statistic', 0, 9, 'ROUGE 0.4', 'technical']]],
      ['NDCG 0.4', [['statistic', 0, 8, 'NDCG 0.4', 'technical']]],
      ['MAP 0.3', [['statistic', 0, 7, 'MAP 0.3', 'technical']]],
    ]);
  });

  describe('classification words: singular and plural, whole words only', () => {
    table([
      ['The userbase rose 5%.', [['percent', 18, 20, '5%', '']]],
      ['The superusers rose 5%.', [['percent', 20, 22, '5%', '']]],
      ['The outagelog rose 5%.', [['percent', 19, 21, '5%', '']]],
      ['The regressionist rose 5%.', [['percent', 23, 25, '5%', '']]],
      ['The pagesize rose 5%.', [['percent', 18, 20, '5%', '']]],
      ['The false positive rose 5%.', [['percent', 24, 26, '5%', 'technical']]],
      ['The false negatives rose 5%.', [['percent', 25, 27, '5%', 'technical']]],
      ['The logloss rose 5%.', [['percent', 17, 19, '5%', 'technical']]],
      ['The log loss rose 5%.', [['percent', 18, 20, '5%', 'technical']]],
      ['The eval score rose 5%.', [['percent', 20, 22, '5%', 'technical']]],
      ['The evaluation score rose 5%.', [['percent', 26, 28, '5%', 'technical']]],
      ['The click-through rose 5%.', [['percent', 23, 25, '5%', 'technical']]],
      ['The millisecond rose 5%.', [['percent', 21, 23, '5%', 'technical']]],
      ['The bug rose 5%.', [['percent', 13, 15, '5%', 'technical']]],
      ['The incident rose 5%.', [['percent', 18, 20, '5%', 'technical']]],
      ['The outage rose 5%.', [['percent', 16, 18, '5%', 'technical']]],
      ['The defect rose 5%.', [['percent', 16, 18, '5%', 'technical']]],
      ['The regression rose 5%.', [['percent', 20, 22, '5%', 'technical']]],
      ['The crash rose 5%.', [['percent', 15, 17, '5%', 'technical']]],
      ['The crashes rose 5%.', [['percent', 17, 19, '5%', 'technical']]],
      ['The alert rose 5%.', [['percent', 15, 17, '5%', 'technical']]],
      ['The recall@10 rose 5%.', [['percent', 19, 21, '5%', 'technical']]],
      ['The dollar rose 5%.', [['percent', 16, 18, '5%', 'business']]],
      ['The euro rose 5%.', [['percent', 14, 16, '5%', 'business']]],
      ['The saving rose 5%.', [['percent', 16, 18, '5%', 'business']]],
      ['The user rose 5%.', [['percent', 14, 16, '5%', 'business']]],
      ['The customer rose 5%.', [['percent', 18, 20, '5%', 'business']]],
      ['The client rose 5%.', [['percent', 16, 18, '5%', 'business']]],
      ['The merchant rose 5%.', [['percent', 18, 20, '5%', 'business']]],
      ['The seller rose 5%.', [['percent', 16, 18, '5%', 'business']]],
      ['The advertiser rose 5%.', [['percent', 20, 22, '5%', 'business']]],
      ['The partner rose 5%.', [['percent', 17, 19, '5%', 'business']]],
      ['The account rose 5%.', [['percent', 17, 19, '5%', 'business']]],
      ['The conversion rose 5%.', [['percent', 20, 22, '5%', 'business']]],
      ['The labor rose 5%.', [['percent', 15, 17, '5%', 'business']]],
      ['The labour rose 5%.', [['percent', 16, 18, '5%', 'business']]],
      ['The subscriber rose 5%.', [['percent', 20, 22, '5%', 'business']]],
      ['The signup rose 5%.', [['percent', 16, 18, '5%', 'business']]],
      ['The order rose 5%.', [['percent', 15, 17, '5%', 'business']]],
      ['The booking rose 5%.', [['percent', 17, 19, '5%', 'business']]],
      ['The purchase rose 5%.', [['percent', 18, 20, '5%', 'business']]],
      ['The sign-ups rose 5%.', [['percent', 18, 20, '5%', 'business']]],
      ['The MRR rose 5%.', [['percent', 13, 15, '5%', 'technical+business']]],
      ['The MRRs rose 5%.', [['percent', 14, 16, '5%', 'technical']]],
    ]);
  });

  describe('adjacent metrics, glued numbers, comparatives as whole words', () => {
    table([
      [
        '5%$3',
        [
          ['percent', 0, 2, '5%', 'business'],
          ['money', 2, 4, '$3', 'business'],
        ],
      ],
      ['run_5 AUC', []],
      ['It took 2 days lessons', []],
    ]);
  });

  describe('clauseAround', () => {
    const cases: [string, number, number, { start: number; end: number }][] = [
      ['', 0, 0, { start: 0, end: 0 }],
      ['a;b', 0, 1, { start: 0, end: 1 }],
      ['a;b', 2, 3, { start: 2, end: 3 }],
      ['a, b: c', 3, 4, { start: 2, end: 4 }],
      ['a — b – c', 4, 5, { start: 3, end: 6 }],
      ['a - b - c', 4, 5, { start: 4, end: 5 }],
      ['a - b - c', 2, 3, { start: 0, end: 5 }],
      ['a-b-c', 2, 3, { start: 0, end: 5 }],
      ['a. b. c', 3, 4, { start: 2, end: 4 }],
      ['a.b.c', 2, 3, { start: 0, end: 5 }],
      ['a 0.5 b', 2, 5, { start: 0, end: 7 }],
      ['a\nb\nc', 2, 3, { start: 2, end: 3 }],
      ['x while y but z', 8, 9, { start: 7, end: 10 }],
      ['x which y whereas z', 8, 9, { start: 7, end: 10 }],
      ['band andy', 0, 9, { start: 0, end: 9 }],
      ['a! b? c', 3, 4, { start: 2, end: 4 }],
    ];
    for (const [text, start, end, expected] of cases) {
      it(`${JSON.stringify(text)} [${start}, ${end})`, () => assert.deepEqual(clauseAround(text, start, end), expected));
    }
  });

  describe('hasNumber', () => {
    const cases: [string, boolean][] = [
      ['', false],
      ['Percent', true],
      ['quadrupled', true],
      ['tripled', true],
      ['halved', true],
      ['zero.', true],
      ['zero-day', false],
      ['by half', true],
      ['twice as fast', true],
      ['1,000', true],
      ['€5', true],
      ['£5', true],
      ['(5)', true],
      ['Q3', false],
      ['Q5 5', true],
      ['1999', false],
      ['2100', true],
      ['1899', true],
      ['20245', true],
      ['12023', true],
      ['Q35', false],
      ['(2024)', false],
      ['in 2024 and 3', true],
      ['.5', false],
      ['v2', false],
      ['_5', false],
    ];
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(hasNumber(text), expected));
    }
  });

  describe('headlineMetric and metricsOf', () => {
    it('is undefined without a Result, or with a Result of only a p-value', () => {
      assert.equal(headlineMetric(storyOf('# T\n\n## Situation\n\nLosses fell 5%.\n\n## Task\n\nI owned it.\n')), undefined);
      assert.equal(headlineMetric(storyOf('# T\n\n## Situation\n\nWe had fraud.\n\n## Result\n\nIt held at p < 0.01.\n')), undefined);
      assert.equal(headlineMetric(storyOf('# T\n\n## Situation\n\nWe had fraud.\n\n## Result\n\nIt held at P=0.01.\n')), undefined);
    });

    it('collapses the white space inside the metric and maps its span to the source', () => {
      const text = '# T\n\n## Situation\n\nWe had fraud.\n\n## Result\n\nCosts fell from 5  to 3 and 9%.\n';
      assert.deepEqual(headlineMetric(storyOf(text)), { text: 'from 5 to 3', span: { start: 56, end: 68 } });
      assert.equal(text.slice(56, 68), 'from 5  to 3');
    });

    it('skips a leading p-value for the first metric after it', () => {
      const text = '# T\n\n## Situation\n\nWe had fraud.\n\n## Result\n\np < 0.01 for 9% more sales.\n';
      assert.deepEqual(headlineMetric(storyOf(text)), { text: '9%', span: { start: 58, end: 60 } });
    });

    it('metricsOf finds the metrics of the prose once and hands back the same list', () => {
      const result = storyOf('# T\n\n## Situation\n\nWe had fraud.\n\n## Result\n\nSales rose 9% and $5.\n').star.result;
      assert.ok(result);
      const first = metricsOf(result.prose);
      assert.equal(metricsOf(result.prose), first);
      assert.deepEqual(first, findMetrics(result.prose.text));
      assert.deepEqual(
        first.map((m) => m.text),
        ['9%', '$5'],
      );
    });
  });
});

describe('facts/metrics.ts: plurals, labelled values, durations and every kind of metric', () => {
  it('counted nouns in -es, -ies and -s plurals, and nothing else in -es', () => {
    assert.deepEqual(metrics('We had 3 crashes.'), [['count', 7, 16, '3 crashes', 'technical']]);
    assert.deepEqual(metrics('We had 2 breaches and 4 emails.'), [
      ['count', 7, 17, '2 breaches', ''],
      ['count', 22, 30, '4 emails', ''],
    ]);
    assert.deepEqual(metrics('We fixed 12 bugs and 3 queries.'), [
      ['count', 9, 16, '12 bugs', 'technical'],
      ['count', 21, 30, '3 queries', 'technical'],
    ]);
    assert.deepEqual(metrics('We closed 40 matches.'), []);
    assert.deepEqual(metrics('We handled 5 classes.'), []);
    assert.deepEqual(metrics('We lost 12 es.'), []);
    assert.deepEqual(metrics('We kept 12 orderly.'), []);
    assert.deepEqual(metrics('We had 3 stories.'), []);
  });

  it('labelled values start at the label, after a line break or indentation', () => {
    assert.deepEqual(metrics('Bug recurrence: 0'), [['count', 0, 17, 'Bug recurrence: 0', 'technical']]);
    assert.deepEqual(metrics('Done.\nTicket count: now 4'), [['count', 6, 25, 'Ticket count: now 4', '']]);
    assert.deepEqual(metrics('  Error rate: 3'), [['count', 2, 15, 'Error rate: 3', 'technical']]);
    assert.deepEqual(metrics('Users: dropped to 12'), [['count', 0, 20, 'Users: dropped to 12', 'business']]);
    assert.deepEqual(metrics('Team size: 4'), []);
    assert.deepEqual(metrics('Notes: 3'), []);
  });

  it('a duration counts only with a change verb before it in its clause, or a comparative after it', () => {
    assert.deepEqual(metrics('It took 3 hours.'), []);
    assert.deepEqual(metrics('It saved 3 hours.'), [['measure', 9, 16, '3 hours', 'business']]);
    assert.deepEqual(metrics('It took 3 hours less.'), [['measure', 8, 15, '3 hours', '']]);
    assert.deepEqual(metrics('We cut it 3 hours later.'), [['measure', 10, 17, '3 hours', '']]);
    // The verb must end before the duration starts, and lie in its clause.
    assert.deepEqual(metrics('It took 3 hours compared with the old way.'), []);
    assert.deepEqual(metrics('We cut it;3 hours later.'), []);
    assert.deepEqual(metrics('We cut it, and it took 3 hours.'), []);
    assert.deepEqual(metrics('We cut review; it took 3 hours.'), []);
  });

  it('changes, statistics, and what is no metric', () => {
    assert.deepEqual(metrics('latency from 300 ms to 80 ms'), [['change', 8, 28, 'from 300 ms to 80 ms', 'technical']]);
    assert.deepEqual(metrics('3 → 5'), [['change', 0, 5, '3 → 5', '']]);
    assert.deepEqual(metrics('AUC of 0.91'), [['statistic', 0, 11, 'AUC of 0.91', 'technical']]);
    assert.deepEqual(metrics('cut churn by 3 points'), [['measure', 13, 21, '3 points', 'business']]);
    assert.deepEqual(metrics('a 4-person team'), []);
    assert.deepEqual(metrics('GPT-3.5 and v2'), []);
    assert.deepEqual(metrics('in 2024 and Q3'), []);
  });

  describe('every kind of metric, its span and its type', () => {
    const cases: [string, [string, number, number, string, string][]][] = [
      ['Revenue rose $1.2M a year.', [['money', 13, 25, '$1.2M a year', 'business']]],
      [
        'We saved €300k per month and £5 bn.',
        [
          ['money', 9, 24, '€300k per month', 'business'],
          ['money', 29, 34, '£5 bn', 'business'],
        ],
      ],
      [
        'It cost 40 dollars and USD 5 and EUR5.',
        [
          ['money', 8, 18, '40 dollars', 'business'],
          ['money', 23, 28, 'USD 5', 'business'],
          ['money', 33, 37, 'EUR5', 'business'],
        ],
      ],
      [
        'Accuracy rose 12% and -3 percent and 4 per cent and 5 pct.',
        [
          ['percent', 14, 17, '12%', 'technical'],
          ['percent', 22, 32, '-3 percent', 'technical'],
          ['percent', 37, 47, '4 per cent', 'technical'],
          ['percent', 52, 57, '5 pct', 'technical'],
        ],
      ],
      [
        'Throughput went 3x and 2× and 10-fold; we doubled sales and halved costs.',
        [
          ['multiplier', 16, 18, '3x', 'technical'],
          ['multiplier', 23, 25, '2×', 'technical+business'],
          ['multiplier', 30, 37, '10-fold', 'technical+business'],
          ['multiplier', 42, 49, 'doubled', 'business'],
          ['multiplier', 60, 66, 'halved', 'business'],
        ],
      ],
      [
        'It ran three times faster and twice as fast, cut by half, by a third, an order of magnitude.',
        [
          ['multiplier', 7, 25, 'three times faster', 'business'],
          ['multiplier', 30, 43, 'twice as fast', 'business'],
          ['multiplier', 49, 56, 'by half', 'business'],
          ['multiplier', 58, 68, 'by a third', 'business'],
          ['multiplier', 70, 91, 'an order of magnitude', 'business'],
        ],
      ],
      [
        'p < 0.01 and F1 of 0.82 and NDCG@10 0.4 and ROC-AUC 0.9 and accuracy reached 91',
        [
          ['statistic', 0, 8, 'p < 0.01', 'technical'],
          ['statistic', 13, 23, 'F1 of 0.82', 'technical'],
          ['statistic', 28, 39, 'NDCG@10 0.4', 'technical'],
          ['statistic', 44, 55, 'ROC-AUC 0.9', 'technical'],
          ['statistic', 60, 79, 'accuracy reached 91', 'technical'],
        ],
      ],
      ['+3 points of AUC', [['statistic', 0, 16, '+3 points of AUC', 'technical']]],
      ['0.82 F1', [['statistic', 0, 7, '0.82 F1', 'technical']]],
      [
        'Latency 300ms and 2 GB and 5 qps and 3 GPU-hours.',
        [
          ['measure', 8, 13, '300ms', 'technical'],
          ['measure', 18, 22, '2 GB', 'technical'],
          ['measure', 27, 32, '5 qps', 'technical'],
          ['measure', 37, 48, '3 GPU-hours', 'technical'],
        ],
      ],
      ['We hired 4 engineers.', []],
      ['a team of 4 people', []],
      ['We saw 3 new daily users.', [['count', 7, 24, '3 new daily users', 'business']]],
      ['We closed 3 customer tickets.', [['count', 10, 28, '3 customer tickets', 'business']]],
      ['We filed 3 invalid submissions.', [['count', 9, 30, '3 invalid submissions', '']]],
      ['We saw 3 of users.', []],
      [
        '3 fraud cases and 2 false positives and 10 lines of code',
        [
          ['count', 0, 13, '3 fraud cases', 'technical'],
          ['count', 18, 35, '2 false positives', 'technical'],
          ['count', 40, 56, '10 lines of code', 'technical'],
        ],
      ],
      ['zero outages', [['count', 0, 12, 'zero outages', 'technical']]],
      ['It took 2 hours per week.', [['measure', 8, 24, '2 hours per week', '']]],
      ['We reduced review from 5 days to 2 days.', [['change', 18, 39, 'from 5 days to 2 days', '']]],
      ['Churn from about 5% down to ~3%', [['change', 6, 31, 'from about 5% down to ~3%', 'business']]],
      ['from 12,000 to 40,000 users', [['change', 0, 27, 'from 12,000 to 40,000 users', 'business']]],
      ['GPT-4 and Llama-7B and BERT 3', []],
      [
        'Costs (5%) and ~5% and $5',
        [
          ['percent', 7, 9, '5%', 'business'],
          ['percent', 16, 18, '5%', 'business'],
          ['money', 23, 25, '$5', 'business'],
        ],
      ],
      ['It took 20 hours of manual work saved.', [['measure', 8, 16, '20 hours', 'business']]],
      ['1,234,567 users', [['count', 0, 15, '1,234,567 users', 'business']]],
      ['82% accuracy in predicting churn', [['percent', 0, 3, '82%', 'technical']]],
      ['cut churn by 3%', [['percent', 13, 15, '3%', 'business']]],
      ['We grew 5% overall.', [['percent', 8, 10, '5%', '']]],
      ['Sales grew. Revenue rose 5%. Latency fell.', [['percent', 25, 27, '5%', 'business']]],
      ['The 5% lift in CTR', [['percent', 4, 6, '5%', 'technical']]],
      ['from 5 to 3', [['change', 0, 11, 'from 5 to 3', '']]],
      ['Revenue, as we saw, grew 5%.', [['percent', 25, 27, '5%', 'business']]],
      ['It grew 5%; revenue was flat.', [['percent', 8, 10, '5%', 'business']]],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(metrics(text), expected));
    }
  });

  it('"team" is no counted noun; two modifiers may precede the noun', () => {
    assert.deepEqual(metrics('It spans 3 team.'), []);
    assert.deepEqual(metrics('We closed 3 new customer tickets.'), [['count', 10, 32, '3 new customer tickets', 'business']]);
  });

  it('words after the number that name both kinds give way to the words before it', () => {
    assert.deepEqual(metrics('Latency rose 5% revenue accuracy'), [['percent', 13, 15, '5%', 'technical']]);
  });

  it('clauseAround starts right after a stop that ends at the span', () => {
    assert.deepEqual(clauseAround('ab;cd', 3, 5), { start: 3, end: 5 });
    assert.deepEqual(clauseAround('We cut it; it took 3 hours, then more.', 15, 22), { start: 10, end: 26 });
    assert.deepEqual(clauseAround('a and b', 6, 7), { start: 5, end: 7 });
    assert.deepEqual(clauseAround('abc', 1, 2), { start: 0, end: 3 });
  });

  it('hasNumber: words, digits, and what is not a number', () => {
    const cases: [string, boolean][] = [
      ['percent', true],
      ['zero', true],
      ['a zero day', true],
      ['zero-shot', false],
      ['Zero-shot model', false],
      ['doubled', true],
      ['three times faster', true],
      ['$5', true],
      ['in 2024', false],
      ['v2.1', false],
      ['a-5', false],
      ['x.5', false],
      ['nothing', false],
    ];
    assert.deepEqual(
      cases.map(([t]) => [t, hasNumber(t)]),
      cases,
    );
  });

  it('headlineMetric is the first metric of the Result', () => {
    const text =
      '# Fraud model\n\n## Situation\n\nWe had fraud.\n\n## Result\n\nLosses fell from $80K to $35K a month. I learned to agree on the metric first.\n';
    assert.deepEqual(headlineMetric(storyOf(text)), { text: 'from $80K to $35K', span: { start: 67, end: 84 } });
    const pFirst = text.replace('Losses fell', 'With p < 0.01, losses fell');
    assert.deepEqual(headlineMetric(storyOf(pFirst)), { text: 'from $80K to $35K', span: { start: 82, end: 99 } });
  });
});
