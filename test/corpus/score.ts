// Scores the real engine against the hand-labelled real-world corpus (test/corpus/README.md):
// which stories it recognises, and, story by story, whether each labelled rule fires as labelled.
// Shared by `npm run accuracy` (scripts/accuracy.ts) and test/corpus.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, THEMES, analyzeBank, lintText, resolveConfig, type BankFile, type BankStory, type LintResult, type ResolvedConfig } from '../../server/src/engine';

export const CORPUS_DIR = join(__dirname, 'real');
/** The day every run lints on, so `recency` and practice dates cannot make two runs differ. */
export const CORPUS_TODAY = '2026-12-03';

/** The story rules whose judgement is about content: every labelled story says, for each, whether it fires. */
export const LABELLED_RULES = [
  'missing-section', 'empty-section', 'section-order', 'section-balance', 'story-length', 'first-person', 'team-task',
  'result-metric', 'metric-types', 'unquantified-claim', 'vague-language', 'hedging', 'hypothetical', 'missing-learning',
  'generic-learning', 'lasting-impact', 'experimentation', 'technical-lecture', 'blame', 'villain', 'humble-brag',
] as const;

export interface LabelledStory {
  anchor: string;
  title: string;
  shape: string;
  domain: string;
  category: string;
  themes: string[];
  expect: Record<string, boolean>;
  why?: Record<string, string>;
  note?: string;
}

export interface CorpusFile {
  /** Relative to the corpus folder, with forward slashes. */
  path: string;
  text: string;
  kind: 'stories' | 'not-story';
  stories: LabelledStory[];
}

/** Reads every `*.md` with its `*.labels.yaml`; a file without labels, or labels that do not parse, is an error. */
export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  const files: CorpusFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name !== 'SOURCES.md' && entry.name !== 'README.md') {
        const labelsPath = full.replace(/\.md$/, '.labels.yaml');
        let labels: any;
        try {
          labels = parse(readFileSync(labelsPath, 'utf8'));
        } catch (e) {
          throw new Error(`${relative(dir, full)}: cannot read its labels (${relative(dir, labelsPath)}): ${(e as Error).message}`);
        }
        files.push({
          path: relative(dir, full).split('\\').join('/'),
          text: readFileSync(full, 'utf8'),
          kind: labels.kind === 'not-story' ? 'not-story' : 'stories',
          stories: labels.stories ?? [],
        });
      }
    }
  };
  walk(dir);
  return files;
}

/** Problems with the labels themselves (an anchor not found once, an unknown id, a rule left out); empty when well formed. */
export function labelProblems(files: CorpusFile[]): string[] {
  const problems: string[] = [];
  const categories = new Set(CATEGORIES.map((c) => c.id));
  const themes = new Set(THEMES.map((t) => t.id));
  for (const f of files) {
    if (f.kind === 'not-story' && f.stories.length > 0) problems.push(`${f.path}: a not-story file lists stories`);
    if (f.kind === 'stories' && f.stories.length === 0) problems.push(`${f.path}: a story file lists no story`);
    let last = -1;
    for (const s of f.stories) {
      const at = f.text.indexOf(s.anchor);
      if (at < 0 || f.text.indexOf(s.anchor, at + 1) >= 0) problems.push(`${f.path}: anchor "${s.anchor}" must occur exactly once`);
      if (at >= 0 && at < last) problems.push(`${f.path}: anchor "${s.anchor}" is out of reading order`);
      last = Math.max(last, at);
      if (!categories.has(s.category)) problems.push(`${f.path}: "${s.title}": unknown category ${s.category}`);
      for (const t of s.themes ?? []) if (!themes.has(t)) problems.push(`${f.path}: "${s.title}": unknown theme ${t}`);
      for (const r of LABELLED_RULES) if (typeof s.expect?.[r] !== 'boolean') problems.push(`${f.path}: "${s.title}": no true/false for ${r}`);
      for (const r of Object.keys(s.expect ?? {})) if (!(LABELLED_RULES as readonly string[]).includes(r)) problems.push(`${f.path}: "${s.title}": unknown rule ${r}`);
    }
  }
  return problems;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface RuleScore extends Counts {
  rule: string;
  /** Labelled stories where the rule should fire. */
  positives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Disagreement {
  file: string;
  story: string;
  rule: string;
  expected: boolean;
  got: boolean;
  why?: string;
}

export interface RecognitionError {
  file: string;
  kind: 'missed' | 'extra' | 'non-story finding';
  detail: string;
}

export interface MetadataScore {
  /** Labelled stories the engine gave inferred metadata (no category/questions in the file). */
  stories: number;
  categoryCorrect: number;
  categoryTotal: number;
  themeTp: number;
  themeFp: number;
  themeFn: number;
}

export interface AccuracyReport {
  today: string;
  files: number;
  storyFiles: number;
  nonStoryFiles: number;
  labelledStories: number;
  recognisedStories: number;
  extraStories: number;
  nonStoryFilesWithFindings: number;
  recognitionErrors: RecognitionError[];
  rules: RuleScore[];
  /** The same scores over the recognised stories only: how well each rule judges the stories it sees. */
  rulesOnRecognised: RuleScore[];
  /** Mean F1 over the rules with at least one positive. */
  macroF1: number;
  /** The lowest F1 among the rules held to the per-rule target (enough positives). */
  lowest?: RuleScore;
  /** The lowest F1 among all rules with positives. */
  lowestOverall?: RuleScore;
  disagreements: Disagreement[];
  /** Undefined while the engine reports no inferred metadata. */
  metadata?: MetadataScore;
  /** Internal errors of rules while linting the corpus. */
  ruleErrors: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);
const f1Of = (p: number, r: number): number => (Number.isNaN(p) || Number.isNaN(r) ? NaN : p + r === 0 ? 0 : (2 * p * r) / (p + r));

function tally(c: Counts & { positives: number }, expected: boolean, has: boolean): void {
  if (expected) c.positives++;
  if (expected && has) c.tp++;
  else if (!expected && has) c.fp++;
  else if (expected && !has) c.fn++;
  else c.tn++;
}

function scores(counts: Map<string, Counts & { positives: number }>): RuleScore[] {
  return LABELLED_RULES.map((rule) => {
    const c = counts.get(rule)!;
    const precision = ratio(c.tp, c.tp + c.fp);
    const recall = ratio(c.tp, c.tp + c.fn);
    // A rule with positives that never fires has precision 0/0; its F1 is 0 (it found none of them).
    const f1 = c.positives > 0 && (Number.isNaN(precision) || Number.isNaN(recall)) ? 0 : f1Of(precision, recall);
    return { rule, ...c, precision, recall, f1 };
  });
}

/** The engine's story whose text holds a labelled story's anchor, among those not matched yet. */
function matchStories(file: CorpusFile, result: LintResult): Map<number, number> {
  const matched = new Map<number, number>(); // labelled index -> engine story index
  const used = new Set<number>();
  file.stories.forEach((s, i) => {
    const at = file.text.indexOf(s.anchor);
    const engine = result.doc.stories.find((st) => !used.has(st.index) && st.span.start <= at && at < st.span.end);
    if (engine) {
      matched.set(i, engine.index);
      used.add(engine.index);
    }
  });
  return matched;
}

/** Lints the corpus with the given configuration and scores it against the labels. */
export function scoreCorpus(files: CorpusFile[], config: ResolvedConfig = resolveConfig({}), today = CORPUS_TODAY): AccuracyReport {
  const fresh = (): Map<string, Counts & { positives: number }> => new Map(LABELLED_RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0, tn: 0, positives: 0 }]));
  const counts = fresh();
  const seen = fresh();
  const disagreements: Disagreement[] = [];
  const recognitionErrors: RecognitionError[] = [];
  const ruleErrors: string[] = [];
  const bankFiles: BankFile[] = [];
  const matches: { file: CorpusFile; result: LintResult; labelled: number; engine: number }[] = [];
  let labelledStories = 0;
  let recognisedStories = 0;
  let extraStories = 0;
  let nonStoryFilesWithFindings = 0;

  for (const file of files) {
    const result = lintText(file.text, config, { today, remember: false });
    for (const e of result.errors) ruleErrors.push(`${file.path}: ${e.rule} (story ${e.story}): ${e.error.split('\n')[0]}`);
    bankFiles.push({ uri: file.path, result });
    if (file.kind === 'not-story') {
      if (result.findings.length > 0) {
        nonStoryFilesWithFindings++;
        const rules = [...new Set(result.findings.map((f) => f.rule))].join(', ');
        recognitionErrors.push({ file: file.path, kind: 'non-story finding', detail: `${result.findings.length} finding(s): ${rules}` });
      }
      for (const rule of new Set(result.findings.map((f) => f.rule))) if (counts.has(rule)) counts.get(rule)!.fp++;
      continue;
    }
    const fired = (engineIndex: number): Set<string> => new Set(result.findings.filter((f) => f.story === engineIndex).map((f) => f.rule));
    const matched = matchStories(file, result);
    labelledStories += file.stories.length;
    file.stories.forEach((s, i) => {
      const engine = matched.get(i);
      if (engine === undefined) recognitionErrors.push({ file: file.path, kind: 'missed', detail: `"${s.title}" (anchor "${s.anchor}")` });
      else {
        recognisedStories++;
        matches.push({ file, result, labelled: i, engine });
      }
      const got = engine === undefined ? new Set<string>() : fired(engine);
      for (const rule of LABELLED_RULES) {
        const expected = s.expect[rule] === true;
        const has = got.has(rule);
        tally(counts.get(rule)!, expected, has);
        if (engine !== undefined) tally(seen.get(rule)!, expected, has);
        if (expected !== has) disagreements.push({ file: file.path, story: s.title, rule, expected, got: has, why: s.why?.[rule] });
      }
    });
    const matchedEngine = new Set(matched.values());
    for (const st of result.doc.stories) {
      if (matchedEngine.has(st.index)) continue;
      extraStories++;
      const first = file.text.slice(st.span.start, st.span.end).trim().split('\n')[0].slice(0, 70);
      recognitionErrors.push({ file: file.path, kind: 'extra', detail: `engine story ${st.index} "${st.title || first}"` });
      for (const rule of fired(st.index)) if (counts.has(rule)) counts.get(rule)!.fp++;
    }
  }

  const rules = scores(counts);
  const scored = rules.filter((r) => r.positives > 0);
  const macroF1 = scored.length ? scored.reduce((a, r) => a + r.f1, 0) / scored.length : NaN;
  const lowestOf = (list: RuleScore[]): RuleScore | undefined => list.reduce<RuleScore | undefined>((low, r) => (!low || r.f1 < low.f1 ? r : low), undefined);

  return {
    today,
    files: files.length,
    storyFiles: files.filter((f) => f.kind === 'stories').length,
    nonStoryFiles: files.filter((f) => f.kind === 'not-story').length,
    labelledStories,
    recognisedStories,
    extraStories,
    nonStoryFilesWithFindings,
    recognitionErrors,
    rules,
    rulesOnRecognised: scores(seen),
    macroF1,
    lowest: lowestOf(scored.filter((r) => r.positives >= TARGETS.minPositives)),
    lowestOverall: lowestOf(scored),
    disagreements,
    metadata: metadataScore(bankFiles, matches, config, today),
    ruleErrors,
  };
}

/**
 * Agreement of the engine's inferred metadata with the labels, over the labelled stories whose file
 * gives no category and no questions but whose bank entry has them anyway (so they were inferred).
 * Undefined while the engine infers nothing.
 */
function metadataScore(bankFiles: BankFile[], matches: { file: CorpusFile; result: LintResult; labelled: number; engine: number }[], config: ResolvedConfig, today: string): MetadataScore | undefined {
  let bank: BankStory[];
  try {
    bank = analyzeBank(bankFiles, config, today).stories;
  } catch {
    return undefined;
  }
  const byKey = new Map(bank.map((b) => [`${b.uri}\u0000${b.index}`, b]));
  const m: MetadataScore = { stories: 0, categoryCorrect: 0, categoryTotal: 0, themeTp: 0, themeFp: 0, themeFn: 0 };
  for (const { file, result, labelled, engine } of matches) {
    const story = result.doc.stories.find((s) => s.index === engine);
    const entry = byKey.get(`${file.path}\u0000${engine}`);
    if (!story || !entry) continue;
    const declared = story.meta.category !== undefined || (story.meta.questions?.length ?? 0) > 0;
    const inferredCategory = !declared ? entry.category : undefined;
    const inferredThemes = !declared ? entry.themes ?? [] : [];
    if (inferredCategory === undefined && inferredThemes.length === 0) continue;
    const label = file.stories[labelled];
    m.stories++;
    if (inferredCategory !== undefined) {
      m.categoryTotal++;
      if (inferredCategory === label.category) m.categoryCorrect++;
    }
    const expected = new Set(label.themes);
    for (const t of inferredThemes) (expected.has(t) ? m.themeTp++ : m.themeFp++);
    for (const t of expected) if (!inferredThemes.includes(t)) m.themeFn++;
  }
  return m.stories > 0 ? m : undefined;
}

export interface Targets {
  minMacroF1: number;
  minRuleF1: number;
  /** Rules with fewer positives than this are reported, not held to minRuleF1. */
  minPositives: number;
}

export const TARGETS: Targets = { minMacroF1: 0.85, minRuleF1: 0.7, minPositives: 3 };

/** The targets the report misses, each as a sentence; empty when all are met. */
export function missedTargets(r: AccuracyReport, t: Targets = TARGETS): string[] {
  const missed: string[] = [];
  if (r.recognisedStories < r.labelledStories) missed.push(`${r.labelledStories - r.recognisedStories} of ${r.labelledStories} labelled stories not recognised`);
  if (r.extraStories > 0) missed.push(`${r.extraStories} story/stories recognised where the labels have none`);
  if (r.nonStoryFilesWithFindings > 0) missed.push(`${r.nonStoryFilesWithFindings} of ${r.nonStoryFiles} non-story files got findings`);
  if (!(r.macroF1 >= t.minMacroF1)) missed.push(`macro-F1 ${fmt(r.macroF1)} < ${t.minMacroF1}`);
  for (const rule of r.rules) if (rule.positives >= t.minPositives && !(rule.f1 >= t.minRuleF1)) missed.push(`${rule.rule}: F1 ${fmt(rule.f1)} < ${t.minRuleF1} (${rule.positives} positives)`);
  if (r.ruleErrors.length > 0) missed.push(`${r.ruleErrors.length} internal rule error(s)`);
  return missed;
}

export function fmt(n: number): string {
  return Number.isNaN(n) ? '–' : n.toFixed(2);
}

/** The human report printed by `npm run accuracy`. */
export function formatReport(r: AccuracyReport, options: { verbose?: boolean; targets?: Targets; dir?: string } = {}): string {
  const t = options.targets ?? TARGETS;
  const out: string[] = [];
  out.push(`starlint accuracy on the real-world corpus (${options.dir ?? 'test/corpus/real'}), today = ${r.today}`);
  out.push(`  ${r.storyFiles} story files, ${r.labelledStories} labelled stories; ${r.nonStoryFiles} non-story files`);
  out.push('');
  out.push('Recognition');
  out.push(`  stories recognised      ${r.recognisedStories} / ${r.labelledStories}${r.extraStories ? `  (+${r.extraStories} extra)` : ''}`);
  out.push(`  non-story files quiet   ${r.nonStoryFiles - r.nonStoryFilesWithFindings} / ${r.nonStoryFiles}`);
  for (const e of r.recognitionErrors.slice(0, options.verbose ? Infinity : 12)) out.push(`    ${e.kind.padEnd(17)} ${e.file}: ${e.detail}`);
  if (!options.verbose && r.recognitionErrors.length > 12) out.push(`    … ${r.recognitionErrors.length - 12} more (--verbose)`);
  out.push('');
  out.push('Rules at story level (positives = labelled stories where the rule should fire)');
  out.push(`  ${'rule'.padEnd(19)}${'pos'.padStart(4)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}${'prec'.padStart(7)}${'recall'.padStart(8)}${'F1'.padStart(7)}   F1 on recognised stories`);
  const onSeen = new Map(r.rulesOnRecognised.map((x) => [x.rule, x]));
  const row = (x: RuleScore): string => `  ${x.rule.padEnd(19)}${String(x.positives).padStart(4)}${String(x.tp).padStart(5)}${String(x.fp).padStart(5)}${String(x.fn).padStart(5)}${fmt(x.precision).padStart(7)}${fmt(x.recall).padStart(8)}${fmt(x.f1).padStart(7)}   ${fmt(onSeen.get(x.rule)!.f1)} (${onSeen.get(x.rule)!.positives} pos)`;
  const held = r.rules.filter((x) => x.positives >= t.minPositives);
  const few = r.rules.filter((x) => x.positives > 0 && x.positives < t.minPositives);
  const none = r.rules.filter((x) => x.positives === 0);
  for (const x of held) out.push(row(x));
  if (few.length) {
    out.push(`  — fewer than ${t.minPositives} positives (reported, not held to the per-rule target):`);
    for (const x of few) out.push(row(x));
  }
  if (none.length) out.push(`  — no positives in the corpus (false positives only): ${none.map((x) => `${x.rule} ${x.fp} FP`).join(', ')}`);
  out.push('');
  out.push(`  macro-F1 over ${held.length + few.length} rules with positives: ${fmt(r.macroF1)}`);
  if (r.lowest) out.push(`  lowest with ≥ ${t.minPositives} positives: ${r.lowest.rule} (F1 ${fmt(r.lowest.f1)}, ${r.lowest.positives} positives)`);
  if (r.lowestOverall && r.lowestOverall !== r.lowest) out.push(`  lowest overall: ${r.lowestOverall.rule} (F1 ${fmt(r.lowestOverall.f1)}, ${r.lowestOverall.positives} positives)`);
  out.push('');
  if (r.metadata) {
    const m = r.metadata;
    out.push('Inferred metadata (stories with no category/questions in their file)');
    out.push(`  stories with inferred metadata ${m.stories}`);
    out.push(`  category accuracy ${m.categoryCorrect} / ${m.categoryTotal} = ${fmt(ratio(m.categoryCorrect, m.categoryTotal))}`);
    out.push(`  themes precision ${fmt(ratio(m.themeTp, m.themeTp + m.themeFp))}, recall ${fmt(ratio(m.themeTp, m.themeTp + m.themeFn))}`);
  } else out.push('Inferred metadata: the engine reports none yet (skipped)');
  if (r.ruleErrors.length) {
    out.push('');
    out.push('Internal rule errors');
    for (const e of r.ruleErrors) out.push(`  ${e}`);
  }
  if (options.verbose) {
    out.push('');
    out.push(`Disagreements (${r.disagreements.length}): file · story · rule · expected → got`);
    for (const d of r.disagreements) out.push(`  ${d.file} · ${d.story} · ${d.rule} · ${d.expected} → ${d.got}${d.why ? `  [${d.why}]` : ''}`);
  }
  const missed = missedTargets(r, t);
  out.push('');
  out.push(missed.length ? `Targets missed (${missed.length}):\n${missed.map((m) => `  ✗ ${m}`).join('\n')}` : '✓ every target met');
  return out.join('\n');
}
