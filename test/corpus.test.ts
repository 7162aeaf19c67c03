// The real-world corpus (test/corpus/real): real STAR answers and real non-story Markdown, labelled
// by hand. The labels must stay well formed; the engine must meet the targets of issue 13 on them
// (the same scorer as `npm run accuracy`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../server/src/engine';
import { CORPUS_DIR, TARGETS, fmt, labelProblems, loadCorpus, missedTargets, scoreCorpus, type AccuracyReport } from './corpus/score';

const files = loadCorpus();

describe('corpus: the real-world labels', () => {
  it('holds at least 45 labelled stories and 10 non-story files', () => {
    const stories = files.reduce((n, f) => n + f.stories.length, 0);
    assert.ok(stories >= 45, `${stories} stories`);
    assert.ok(files.filter((f) => f.kind === 'not-story').length >= 10);
  });

  it('is well formed: anchors found once and in order, known ids, every rule labelled', () => {
    assert.deepEqual(labelProblems(files), []);
  });

  it('names the source of every file in SOURCES.md', () => {
    const sources = readFileSync(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
    for (const f of files) {
      const name = f.path.split('/').pop()!;
      assert.match(sources, new RegExp(`^\\| ${name.replace(/\./g, '\\.')} \\|.*https?://`, 'm'), `${f.path} has no row with a URL in SOURCES.md`);
    }
  });
});

// The regression test of issue 13: the real-world corpus's targets, held on every run.
describe('corpus: starlint meets the real-world targets', () => {
  let report: AccuracyReport;
  before(() => {
    report = scoreCorpus(files, resolveConfig({}));
  });

  it('recognises every labelled story, and no other', () => {
    const errors = report.recognitionErrors.filter((e) => e.kind !== 'non-story finding');
    assert.deepEqual(errors, []);
  });

  it('reports nothing on a file that is not a story', () => {
    assert.deepEqual(
      report.recognitionErrors.filter((e) => e.kind === 'non-story finding'),
      [],
    );
  });

  it(`reaches macro-F1 ≥ ${TARGETS.minMacroF1} over the rules with positives`, () => {
    assert.ok(report.macroF1 >= TARGETS.minMacroF1, `macro-F1 ${fmt(report.macroF1)}`);
  });

  it(`keeps every rule with ≥ ${TARGETS.minPositives} positives at F1 ≥ ${TARGETS.minRuleF1}`, () => {
    const low = report.rules.filter((r) => r.positives >= TARGETS.minPositives && !(r.f1 >= TARGETS.minRuleF1)).map((r) => `${r.rule} ${fmt(r.f1)}`);
    assert.deepEqual(low, []);
  });

  it('misses no target and raises no internal rule error', () => {
    assert.deepEqual(missedTargets(report), []);
  });
});
