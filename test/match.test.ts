// Job-description matching (engine/match.ts, engine/match-lexicon.ts): the phrase syntax, each
// competency found by the words postings use for it (with the line and column of the evidence),
// boilerplate and look-alike phrases left alone, the hiring company, and the bank's stories per
// competency. The postings here are short and written for the test; real postings are measured
// by `npm run accuracy` (test/corpus/jobs).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBank, lintText, resolveConfig, type BankReport, type StarlintConfig } from '../server/src/engine';
import { AMAZON_PRINCIPLES, COMPANY_VALUES, ML_SKILLS, THEMES, principleId } from '../shared/domain';
import { LEXICON, compilePhrase, phrasesPattern } from '../server/src/engine/facts/match-lexicon';
import fc from 'fast-check';
import { MAX_EVIDENCE, matchJob, type MatchResult } from '../server/src/engine/bank/match';
import { matchDoc } from '../scripts/generate-match';

const TODAY = '2026-11-25';
const ROOT = join(__dirname, '..');
const BANK = join(ROOT, 'examples', 'story-bank');

function exampleBank(config: StarlintConfig = {}): BankReport {
  const resolved = resolveConfig(config);
  const files = readdirSync(BANK)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ uri: f, result: lintText(readFileSync(join(BANK, f), 'utf8'), resolved, { today: TODAY }) }));
  return analyzeBank(files, resolved, TODAY);
}

const EMPTY = { stories: [] };

function ids(posting: string, config: StarlintConfig = {}): string[] {
  return matchJob(posting, EMPTY, resolveConfig(config))
    .competencies.map((c) => c.id)
    .sort();
}

function found(result: MatchResult, id: string) {
  const c = result.competencies.find((x) => x.id === id);
  assert.ok(c, `${id} not found in ${result.competencies.map((x) => x.id).join(', ')}`);
  return c;
}

describe('match lexicon', () => {
  it('compiles every phrase, and covers every theme, company value and ML skill', () => {
    for (const e of LEXICON) for (const p of [...e.phrases, ...(e.except ?? [])]) assert.doesNotThrow(() => new RegExp(compilePhrase(p)), `${e.id}: ${p}`);
    const covered = new Set(LEXICON.filter((e) => e.phrases.length).map((e) => e.id));
    for (const id of [...THEMES.map((t) => t.id), ...COMPANY_VALUES.map((v) => v.id), ...ML_SKILLS.map((s) => s.id)]) assert.ok(covered.has(id), id);
    assert.deepEqual(
      ML_SKILLS.map((s) => s.id),
      ['ml:experimentation', 'ml:deployment', 'ml:data-quality', 'ml:stakeholders', 'ml:leadership', 'ml:ethics'],
    );
  });

  it('reads the phrase syntax: hyphens, word endings, gaps within a sentence, apostrophes, whole words', () => {
    const test = (phrase: string, text: string) => phrasesPattern([phrase]).test(text);
    assert.ok(
      test('cross-functional', 'a cross functional team') && test('cross-functional', 'crossfunctional') && test('cross-functional', 'Cross-Functional'),
    );
    assert.ok(test('prioriti*', 'you prioritise well') && test('prioriti*', 'competing priorities'));
    assert.ok(!test('prioriti*', 'a top priority'));
    assert.ok(test('deploy … production', 'deploy ranking models to production'));
    assert.ok(!test('deploy … production', 'deploy it. Production support is on call'), 'a gap never crosses a sentence end');
    assert.ok(!test('deploy … production', 'deploy one two three four production'), 'a gap is at most three words');
    assert.ok(test("what didn't work", 'what didn’t work'));
    assert.ok(!test('mentor*', 'the tormentor') && !test('ambigu*', 'disambiguation'));
    assert.throws(() => compilePhrase('(a|b'), /unbalanced/);
  });

  it('is listed, phrase by phrase, in docs/match.md', () => {
    assert.equal(
      readFileSync(join(ROOT, 'docs', 'match.md'), 'utf8'),
      matchDoc(readFileSync(join(ROOT, 'docs', 'match.md'), 'utf8')),
      'docs/match.md is stale: run `npm run generate`',
    );
    const doc = readFileSync(join(ROOT, 'docs', 'match.md'), 'utf8');
    for (const e of LEXICON) for (const p of e.phrases) assert.ok(doc.includes(p.replace(/\|/g, '\\|')), `${e.id}: ${p}`);
  });
});

describe('matching a job posting', () => {
  it('finds each question theme by the words postings use for it', () => {
    const cases: [string, string][] = [
      ['challenging-project', 'You will tackle hard technical problems in search.'],
      ['disagreement', 'We value healthy debate and people who disagree and commit.'],
      ['failure', 'You learn from failures and run blameless postmortems.'],
      ['ambiguity', 'You are comfortable with ambiguity and ill-defined problems.'],
      ['cross-functional', 'Partner with product and design on cross-functional launches.'],
      ['leading-without-authority', 'You influence without authority and build consensus across teams.'],
      ['ethics', 'You hold yourself to high ethical standards.'],
      ['prioritization', 'You prioritize ruthlessly across competing deadlines.'],
      ['proud', 'A track record of shipping models to millions of users.'],
      ['why-company', 'You are passionate about our mission.'],
    ];
    for (const [id, sentence] of cases) assert.ok(ids(`# Role\n\n${sentence}\n`).includes(id), `${id}: ${sentence} → ${ids(sentence)}`);
  });

  it('finds each ML skill', () => {
    const cases: [string, string][] = [
      ['ml:experimentation', 'Design A/B tests and causal inference studies.'],
      ['ml:deployment', 'Deploy models to production and own model serving.'],
      ['ml:data-quality', 'Build data validation and fix noisy labels.'],
      ['ml:stakeholders', 'Explain technical results to non-technical stakeholders.'],
      ['ml:leadership', 'Mentor junior engineers and set the technical direction.'],
      ['ml:ethics', 'Evaluate fairness and privacy risks of our models.'],
    ];
    for (const [id, sentence] of cases) assert.ok(ids(sentence).includes(id), `${id}: ${sentence} → ${ids(sentence)}`);
  });

  it('gives the evidence phrase with its line, column and sentence', () => {
    const posting = '# ML Engineer\n\n## What you will do\n\n- Own the roadmap.\n- Run **A/B tests** on ranking changes and report the lift.\n';
    const r = matchJob(posting, EMPTY, resolveConfig());
    const e = found(r, 'ml:experimentation').evidence[0];
    assert.deepEqual({ phrase: e.phrase, line: e.line, column: e.column }, { phrase: 'A/B tests', line: 6, column: 9 });
    assert.equal(e.excerpt, 'Run A/B tests on ranking changes and report the lift.');
    assert.equal(posting.split('\n')[e.line - 1].slice(e.column - 1, e.column - 1 + e.phrase.length), 'A/B tests');
  });

  it('reads nothing into equal-opportunity, benefits and privacy boilerplate', () => {
    const posting = [
      '# Data Scientist',
      '',
      'Build forecasting models.',
      '',
      '## Benefits',
      '',
      '- Mentorship programs and a learning budget.',
      '- Parental leave.',
      '',
      'We are an equal opportunity employer and value fairness: we do not discriminate on the basis of race, sex, sexual orientation or gender identity.',
      '',
      'Read our applicant privacy notice.',
    ].join('\n');
    assert.deepEqual(ids(posting), []);
  });

  it('leaves alone the look-alikes: uncertainty quantification, the bias–variance trade-off, Leadership Principles, industry-leading, candidates', () => {
    const posting = [
      'Experience with uncertainty quantification and the bias-variance trade-off.',
      'A leading AI company; candidates should know multi-task learning.',
      'Tell us which of our Leadership Principles you relate to most.',
      'Report to leadership on a regular cadence.',
    ].join('\n\n');
    // Reporting to leadership is stakeholder work, not leading.
    assert.deepEqual(ids(posting), ['ml:stakeholders']);
  });

  it('names the hiring company and its values only when the posting hires for it', () => {
    const amazon = matchJob(
      '# Applied Scientist, Alexa\n\nAt Amazon, we dive deep and insist on the highest standards. You will own projects end to end and deliver results.\n',
      EMPTY,
      resolveConfig(),
    );
    assert.equal(amazon.company?.id, 'amazon');
    const principles = amazon.competencies.filter((c) => c.family === 'company').map((c) => c.id);
    // Named (Dive Deep, Deliver Results, Insist on the Highest Standards) or paraphrased ("own projects end to end").
    assert.deepEqual(principles.sort(), ['Dive Deep', 'Insist on the Highest Standards', 'Deliver Results', 'Ownership'].map(principleId).sort());
    assert.equal(found(amazon, principleId('Dive Deep')).evidence[0].phrase, 'dive deep');

    // A job title is not a principle: "software development engineers" is not Hire and Develop the Best.
    const titles = matchJob('# Machine Learning Engineer\n\nAt Amazon, you will work with software development engineers.\n', EMPTY, resolveConfig());
    assert.ok(!titles.competencies.some((c) => c.id === principleId('Hire and Develop the Best')));

    // Cloud and model names are tools, not employers.
    const tools = matchJob(
      '# ML Engineer at Basketly\n\nExperience with AWS, GCP or Azure; Google Cloud; the OpenAI API; Meta-learning. We dive deep into data.\n',
      EMPTY,
      resolveConfig(),
    );
    assert.equal(tools.company, undefined);
    assert.ok(tools.competencies.every((c) => c.family !== 'company'));

    // Google and the others test one value: naming the company asks for it.
    const google = matchJob(
      'Minimum qualifications: a PhD.\n\nAbout the job\n\nGoogle is proud to be an equal opportunity employer.\n',
      EMPTY,
      resolveConfig(),
    );
    assert.equal(google.company?.id, 'google');
    const humility = found(google, 'google:intellectual-humility');
    assert.equal(humility.implied, true);
    assert.equal(humility.evidence[0].phrase, 'Google');
    assert.equal(matchJob('We move fast at Meta.\n', EMPTY, resolveConfig()).company?.id, 'meta');
    assert.equal(
      found(matchJob('About Anthropic: we weigh the risks of every release.\n', EMPTY, resolveConfig()), 'anthropic:risks-and-trade-offs').evidence[0].phrase,
      'risks',
    );
  });

  it('finds the user’s own themes by their id', () => {
    assert.ok(
      ids('You will own model serving at scale.', { themes: [{ id: 'model-serving', question: 'Tell me about serving a model' }] }).includes('model-serving'),
    );
  });

  it('lists the stories that answer each competency best first, gaps first, and the stories to rehearse first', () => {
    const report = exampleBank();
    const posting = 'You are comfortable with ambiguity, influence without authority, and deploy models to production.';
    const r = matchJob(posting, report, resolveConfig());
    assert.deepEqual(
      r.competencies.map((c) => [c.id, c.status]),
      [
        ['leading-without-authority', 'gap'],
        ['ambiguity', 'ok'],
        ['ml:deployment', 'ok'],
      ],
    );
    const ambiguity = found(r, 'ambiguity');
    assert.deepEqual(new Set(ambiguity.stories), new Set(report.stories.flatMap((s, i) => (s.themes.includes('ambiguity') ? [i] : []))));
    const scores = ambiguity.stories.map((i) => report.stories[i].score.total);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    assert.ok(r.rehearse.length > 0 && r.rehearse.length <= 3);
    for (const x of r.rehearse)
      assert.deepEqual(
        x.answers,
        r.competencies.filter((c) => c.stories.includes(x.story)).map((c) => c.id),
      );
    const counts = r.rehearse.map((x) => x.answers.length);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    // Every story that answers both comes before one that answers one.
    const both = report.stories.flatMap((s, i) => (s.themes.includes('ambiguity') && s.skills.includes('ml:deployment') ? [i] : []));
    assert.ok(both.length >= 1 && both.includes(r.rehearse[0].story));
  });

  it('is deterministic and reads Markdown and plain text alike', () => {
    const md = '## Responsibilities\n\n* Partner with **product managers** to [prioritize](https://example.com/responsible-ai) work.\n';
    const plain = 'Responsibilities:\n\n- Partner with product managers to prioritize work.\n';
    assert.deepEqual(ids(md), ids(plain));
    assert.deepEqual(ids(md), ['cross-functional', 'ml:stakeholders', 'prioritization']);
    assert.deepEqual(matchJob(md, EMPTY, resolveConfig()), matchJob(md, EMPTY, resolveConfig()));
  });

  it('never throws on odd input, and keeps at most MAX_EVIDENCE phrases per competency', () => {
    // Long runs without a break once made the address pattern retry from every character.
    const odd = [
      '',
      '\u0000\u0001',
      '('.repeat(5000),
      'a '.repeat(50_000),
      'a'.repeat(200_000),
      'deploy '.repeat(28_000),
      `${'x@'.repeat(20_000)}.com`,
      '# \n\n- \n\n**\n',
      'x\r\ny\rz',
    ];
    for (const text of odd) {
      const r = matchJob(text, EMPTY, resolveConfig());
      for (const c of r.competencies) assert.ok(c.evidence.length >= 1 && c.evidence.length <= MAX_EVIDENCE, c.id);
    }
  });

  it('shows every evidence phrase where the posting has it (property test on random postings)', () => {
    const words = [
      'deploy',
      'models',
      'to',
      'production',
      'A/B',
      'tests',
      'cross-functional',
      'ambiguity',
      'mentor',
      'At',
      'Google',
      'we',
      'fairness',
      '-',
      '*',
      '**',
      '#',
      '\n',
      '\n\n',
      '.',
      ',',
      'equal',
      'opportunity',
      'https://x.io/a',
      '[link](https://e.com)',
      '’',
    ];
    const posting = fc.array(fc.constantFrom(...words), { maxLength: 120 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(posting, (text) => {
        const lines = text.split('\n');
        for (const c of matchJob(text, EMPTY, resolveConfig()).competencies) {
          for (const e of c.evidence) {
            const at = lines.slice(0, e.line - 1).join('\n').length + (e.line > 1 ? 1 : 0) + e.column - 1;
            assert.ok(text.slice(at).replace(/\s+/g, ' ').startsWith(e.phrase), `${c.id}: "${e.phrase}" not at ${e.line}:${e.column}`);
          }
        }
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe('what a story shows', () => {
  it('fills BankStory.values and .skills for every story of the example bank', () => {
    const report = exampleBank();
    for (const s of report.stories) {
      assert.ok(
        s.skills.every((id) => ML_SKILLS.some((k) => k.id === id)),
        s.title,
      );
      assert.ok(
        s.values.every((id) => COMPANY_VALUES.some((v) => v.id === id)),
        s.title,
      );
    }
    const ethics = report.stories.find((s) => s.category === 'ethics')!;
    assert.ok(ethics.skills.includes('ml:ethics'));
    const leadership = report.stories.find((s) => s.category === 'leadership')!;
    assert.ok(leadership.skills.includes('ml:leadership'));
    assert.equal(AMAZON_PRINCIPLES.length, COMPANY_VALUES.filter((v) => v.company === 'amazon').length);
  });
});
