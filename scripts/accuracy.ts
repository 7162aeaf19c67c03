// Measures starlint on real STAR answers and real non-story Markdown (test/corpus/real): which
// stories it recognises and, per rule, precision / recall / F1 at story level against hand labels.
//
//   npm run accuracy                      the report (exit 0)
//   npm run accuracy -- --verbose         and every disagreement: file, story, rule, expected → got
//   npm run accuracy -- --check           exit 1 when a target is missed (test/corpus/README.md)
//   npm run accuracy -- --json            the report as JSON
//   npm run accuracy -- --today 2026-12-03 --dir test/corpus/real
import { relative, resolve } from 'node:path';
import { resolveConfig } from '../server/src/engine';
import { CORPUS_DIR, CORPUS_TODAY, formatReport, labelProblems, loadCorpus, missedTargets, scoreCorpus } from '../test/corpus/score';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

function main(): number {
  const today = arg('today') ?? CORPUS_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    console.error(`--today must be YYYY-MM-DD, not "${today}"`);
    return 2;
  }
  const dir = arg('dir') ? resolve(arg('dir')!) : CORPUS_DIR;
  let files;
  try {
    files = loadCorpus(dir);
  } catch (e) {
    console.error(`Cannot read the corpus in ${dir}: ${(e as Error).message}`);
    return 2;
  }
  const problems = labelProblems(files);
  if (problems.length) {
    console.error(`The labels are not well formed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 2;
  }
  const report = scoreCorpus(files, resolveConfig({}), today);
  if (flag('json')) console.log(JSON.stringify(report, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2));
  else console.log(formatReport(report, { verbose: flag('verbose'), dir: relative(process.cwd(), dir) || '.' }));
  return flag('check') && missedTargets(report).length > 0 ? 1 : 0;
}

process.exitCode = main();
