// Property-based fuzzing of the engine with a fixed seed and a bounded number of runs, so the
// suite stays fast and reproducible. `npm run fuzz` runs the same properties far longer with a
// random seed. Each property throws with a shrunk counterexample and the seed to replay it.
import fc from 'fast-check';
import { BANK, codeUnits, configLayers, markdown, mutatedStory, unicode, withDirectives, anyDocument } from './arbitraries';
import { FUZZ_RUNS, checkDocument } from './properties';

const SEED = 20261125;

describe('robustness: fuzzing lintText', () => {
  it(`survives Markdown built from story fragments (${FUZZ_RUNS.markdown} documents)`, () => {
    fc.assert(
      fc.property(markdown, (text) => checkDocument(text)),
      { seed: SEED, numRuns: FUZZ_RUNS.markdown },
    );
  });

  it(`survives arbitrary Unicode: lone surrogates, RTL marks, emoji, NUL, CR and CRLF (${FUZZ_RUNS.unicode} strings)`, () => {
    fc.assert(
      fc.property(fc.oneof(unicode(400), codeUnits(400)), (text) => checkDocument(text)),
      { seed: SEED, numRuns: FUZZ_RUNS.unicode },
    );
  });

  it(`survives the example bank's stories with lines deleted, duplicated, swapped and characters inserted (${FUZZ_RUNS.mutated} mutants)`, () => {
    fc.assert(
      fc.property(mutatedStory, (text) => checkDocument(text)),
      { seed: SEED, numRuns: FUZZ_RUNS.mutated },
    );
  });

  it(`survives random configurations: severities, options of any type, themes, redact terms, tiny maxFileSize (${FUZZ_RUNS.configs} pairs)`, () => {
    fc.assert(
      fc.property(fc.oneof(anyDocument, fc.constantFrom(...BANK.map((b) => b.text))), configLayers, (text, layers) => checkDocument(text, layers)),
      { seed: SEED, numRuns: FUZZ_RUNS.configs },
    );
  });

  it(`survives random inline comments in real stories (${FUZZ_RUNS.directives} documents)`, () => {
    fc.assert(
      fc.property(withDirectives(fc.constantFrom(...BANK.map((b) => b.text))), (text) => checkDocument(text)),
      { seed: SEED, numRuns: FUZZ_RUNS.directives },
    );
  });
});
