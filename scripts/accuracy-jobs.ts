// How well job-description matching finds the competencies of real postings: every posting of
// test/corpus/jobs read by the engine's matchJob and scored against its hand labels
// (<name>.labels.yaml, see test/corpus/jobs/README.md). Prints precision, recall and F1 per
// competency family and overall (micro-averaged over postings × competencies), per competency,
// the hiring company found, and how often the matcher's evidence overlaps the labelled evidence.
//   tsx scripts/accuracy-jobs.ts [--json]     (part of `npm run accuracy`)
// test/match-accuracy.test.ts asserts a floor on the same figures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolveConfig } from '../server/src/engine';
import { matchJob, type CompetencyFamily } from '../server/src/engine/bank/match';

export const JOBS_DIR = join(__dirname, '..', 'test', 'corpus', 'jobs');

interface JobLabels {
  role: string;
  company: string | null;
  competencies: Record<string, string[]>;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PostingResult {
  file: string;
  company: { labelled: string | null; found: string | null };
  /** Competencies found and labelled. */
  tp: string[];
  /** Found, not labelled. */
  fp: string[];
  /** Labelled, not found. */
  fn: string[];
  /** Of the true positives, those whose evidence overlaps a labelled evidence phrase. */
  evidenceOverlap: number;
  /** Company values shown as implied by the hiring company (not scored: the posting does not state them). */
  implied: string[];
}

export interface JobsAccuracy {
  postings: PostingResult[];
  families: Record<CompetencyFamily | 'overall', Score>;
  competencies: Record<string, Score>;
  companies: { correct: number; total: number };
  evidence: { overlapping: number; truePositives: number };
  /** Implied company values shown, and how many of them the labeller found stated. */
  implied: { shown: number; labelled: number };
}

export function familyOf(id: string): CompetencyFamily {
  return id.startsWith('ml:') ? 'ml' : id.includes(':') ? 'company' : 'theme';
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Start and end offsets of every occurrence of `phrase` in `text`. */
function spans(text: string, phrase: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) out.push([at, at + phrase.length]);
  return out;
}

export function measureJobs(dir = JOBS_DIR): JobsAccuracy {
  const config = resolveConfig();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'SOURCES.md')
    .sort();
  const postings: PostingResult[] = [];
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const add = (key: string, kind: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[kind]++;
    counts.set(key, c);
  };
  let companies = 0;
  let overlapping = 0;
  let impliedShown = 0;
  let impliedLabelled = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const labels = parse(readFileSync(join(dir, file.replace(/\.md$/, '.labels.yaml')), 'utf8')) as JobLabels;
    const result = matchJob(text, { stories: [] }, config);
    // An implied value (a Google posting, so intellectual humility) is advice, not a detection:
    // the labels list what a posting states, so implied rows are counted apart.
    const found = new Map(result.competencies.filter((c) => !c.implied).map((c) => [c.id, c]));
    const labelled = new Set(Object.keys(labels.competencies));
    const implied = result.competencies.filter((c) => c.implied).map((c) => c.id);
    const r: PostingResult = {
      file,
      company: { labelled: labels.company, found: result.company?.id ?? null },
      tp: [],
      fp: [],
      fn: [],
      evidenceOverlap: 0,
      implied,
    };
    impliedShown += implied.length;
    impliedLabelled += implied.filter((id) => id in labels.competencies).length;
    if (r.company.labelled === r.company.found) companies++;
    const lineStarts = [0, ...[...text].flatMap((ch, i) => (ch === '\n' ? [i + 1] : []))];
    for (const [id, c] of found) {
      if (!labelled.has(id)) {
        r.fp.push(id);
        continue;
      }
      r.tp.push(id);
      // Does any phrase the matcher shows overlap a phrase the labeller quoted?
      const mine = c.evidence.map((e) => [lineStarts[e.line - 1] + e.column - 1, lineStarts[e.line - 1] + e.column - 1 + e.phrase.length] as const);
      const theirs = labels.competencies[id].flatMap((p) => spans(text, p));
      if (mine.some(([a, b]) => theirs.some(([x, y]) => a < y && x < b))) r.evidenceOverlap++;
    }
    for (const id of labelled) if (!found.has(id)) r.fn.push(id);
    for (const [kind, ids] of [
      ['tp', r.tp],
      ['fp', r.fp],
      ['fn', r.fn],
    ] as const) {
      for (const id of ids) {
        add(id, kind);
        add(familyOf(id), kind);
        add('overall', kind);
      }
    }
    overlapping += r.evidenceOverlap;
    postings.push(r);
  }
  const scoreOf = (key: string) => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    return score(c.tp, c.fp, c.fn);
  };
  const ids = [...counts.keys()]
    .filter((k) => !['theme', 'company', 'ml', 'overall'].includes(k))
    .sort((a, b) => familyOf(a).localeCompare(familyOf(b)) || a.localeCompare(b));
  return {
    postings,
    families: { theme: scoreOf('theme'), company: scoreOf('company'), ml: scoreOf('ml'), overall: scoreOf('overall') },
    competencies: Object.fromEntries(ids.map((id) => [id, scoreOf(id)])),
    companies: { correct: companies, total: files.length },
    evidence: { overlapping, truePositives: scoreOf('overall').tp },
    implied: { shown: impliedShown, labelled: impliedLabelled },
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

function row(name: string, s: Score): string {
  return `| ${name} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.f1.toFixed(2)} |`;
}

export function formatJobsAccuracy(a: JobsAccuracy): string {
  const head = ['| | TP | FP | FN | precision | recall | F1 |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  return [
    `Job-description matching on ${a.postings.length} real postings (test/corpus/jobs), micro-averaged over postings × competencies`,
    '',
    ...head,
    row('question themes', a.families.theme),
    row('company values', a.families.company),
    row('ML skills', a.families.ml),
    row('**overall**', a.families.overall),
    '',
    `Hiring company: ${a.companies.correct} of ${a.companies.total} postings right. Evidence: ${a.evidence.overlapping} of ${a.evidence.truePositives} true positives quote a phrase that overlaps the labelled evidence.`,
    `Implied company values (shown as advice, not scored): ${a.implied.shown}, of which the labels list ${a.implied.labelled}.`,
    '',
    'Per competency:',
    '',
    ...head,
    ...Object.entries(a.competencies).map(([id, s]) => row(`\`${id}\``, s)),
    '',
    'Per posting (false positives, false negatives):',
    '',
    ...a.postings.map(
      (p) =>
        `- ${p.file}: ${p.tp.length} right; found but not labelled: ${p.fp.join(', ') || '—'}; labelled but missed: ${p.fn.join(', ') || '—'}${p.company.labelled !== p.company.found ? `; company ${p.company.found ?? 'none'} (labelled ${p.company.labelled ?? 'none'})` : ''}`,
    ),
  ].join('\n');
}

if (require.main === module) {
  const a = measureJobs();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(a, null, 2)}\n` : `${formatJobsAccuracy(a)}\n`);
}
