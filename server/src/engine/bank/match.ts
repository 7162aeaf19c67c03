// Job-description fit: which competencies a job posting asks for (the question themes, the hiring
// company's values, the ML skills), with the phrase that asks for each, and which stories of the
// bank answer them. Pure and offline: a posting's text, the bank report and the configuration in,
// plain data out. Every surface (CLI, language server, VS Code) calls matchJob.
import { COMPANIES, COMPANY_LABELS, COMPANY_NAMES, COMPANY_VALUES, ML_SKILLS, THEMES, type Company } from '../../../../shared/domain';
import { LEXICON, compilePhrase, phrasesPattern, type CompetencyFamily, type LexiconEntry } from '../facts/match-lexicon';
import { bestFirst, isDue, WEAK_SCORE } from './drill';
import type { BankReport, BankStory } from './bank';
import type { ResolvedConfig } from '../lint/config';

export type { CompetencyFamily };

export interface Evidence {
  /** The words that ask for the competency, as written (runs of spaces collapsed). */
  phrase: string;
  /** 1-based line and column of the phrase in the posting. */
  line: number;
  column: number;
  /** The sentence or list item around it, shortened. */
  excerpt: string;
}

export interface Competency {
  /** A theme id, a company value id (`amazon:dive-deep`) or an ML skill id (`ml:deployment`). */
  id: string;
  family: CompetencyFamily;
  label: string;
  /** The interview question it leads to. */
  question: string;
  /** Every phrase that asks for it, in the posting's order (the first is the one shown). */
  evidence: Evidence[];
  /** A company value the posting does not state but implies by naming the company (SPEC §1). */
  implied?: boolean;
  /** The stories that answer it, best first (indices into BankReport.stories). */
  stories: number[];
  status: 'gap' | 'thin' | 'ok';
}

export interface RehearseFirst {
  story: number;
  /** The posting's competencies this story answers, in table order. */
  answers: string[];
  due: boolean;
  weak: boolean;
}

export interface MatchResult {
  /** The company the posting hires for, when it names one starlint knows, with where it says so. */
  company?: { id: Company; label: string; evidence: Evidence };
  /** Gaps first, then thin, then covered; within each, themes, company values, ML skills. */
  competencies: Competency[];
  /** The stories to rehearse for this job: those that answer the most of it, due ones first. */
  rehearse: RehearseFirst[];
  /** Words of the posting read (boilerplate such as equal-opportunity and benefits text left out). */
  words: number;
}

// ------------------------------------------------------------------ reading the posting

interface Segment {
  /** The text with Markdown syntax, links and HTML blanked out (same length, so offsets hold). */
  text: string;
  start: number;
  boilerplate: boolean;
  heading: boolean;
}

/**
 * Sections and paragraphs that every posting carries and that ask for nothing: equal-opportunity
 * and accommodation statements, benefits, pay, visas, applicant privacy notices.
 */
const BOILERPLATE_HEADING =
  /\b(?:benefits?|perks|compensation|salary|pay (?:range|transparency)|total rewards|what we offer|equal (?:employment )?opportunit\w*|EEO|accommodations?|privacy (?:notice|policy|statement)|logistics|visa|diversity (?:statement|and inclusion)|legal)\b/i;
const BOILERPLATE =
  /\b(?:equal (?:employment )?opportunity|affirmative action|without regard to|regardless of (?:race|gender|age|sex|religion)|reasonable accommodations?|E-?Verify|protected veteran|sexual orientation|gender identity|national origin|pay transparency|(?:salary|pay|compensation|base pay) range|base salary|401\(?k\)?|medical,? dental|paid time off|parental leave|visa sponsorship|sponsor (?:a )?visas?|background check|applicant privacy|privacy (?:notice|policy)|recruit(?:ment|ing) (?:fraud|scams?)|annual (?:salary|base)|equity (?:grant|package)s?|stock options)\b/i;

const HEADING_LINE = /^\s{0,3}(?:#{1,6}\s+.*|\*\*[^*]+\*\*:?\s*|__[^_]+__:?\s*|[^\s.!?][^.!?]{0,60}:)\s*$/;
const LIST_ITEM = /^\s*(?:[-*+•●▪◦]|\d{1,3}[.)])\s+/;

/** Replaces `re`'s matches by spaces of the same length (line breaks kept). */
function blank(text: string, re: RegExp): string {
  return text.replace(re, (m) => m.replace(/[^\r\n]/g, ' '));
}

/** The prose of a posting in Markdown or plain text: links to their text, markup to spaces. */
function prose(text: string): string {
  let t = text;
  t = blank(t, /<!--[\s\S]*?-->/g);
  t = blank(t, /<\/?[a-zA-Z][^>]*>/g);
  t = t.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (m, label: string) => `${m.startsWith('!') ? '  ' : ' '}${label}`.padEnd(m.length, ' '));
  // An address starts only where a run of its characters starts, so a long word is read once.
  t = blank(t, /\bhttps?:\/\/\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  t = blank(t, /`+/g);
  t = blank(t, /(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])/g);
  t = blank(t, /^\s{0,3}#{1,6}(?=\s)/gm);
  t = blank(t, /^\s{0,3}>/gm);
  return t;
}

function segments(text: string): Segment[] {
  const clean = prose(text);
  const out: Segment[] = [];
  let section = false; // inside a boilerplate section
  let current: { start: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    const t = clean.slice(current.start, current.end);
    if (t.trim()) out.push({ text: t, start: current.start, boilerplate: section || BOILERPLATE.test(t), heading: false });
    current = undefined;
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    const end = at + line.length;
    at = end + 1;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (HEADING_LINE.test(line) && line.trim().split(/\s+/).length <= 8) {
      flush();
      section = BOILERPLATE_HEADING.test(line);
      out.push({ text: clean.slice(start, end), start, boilerplate: section, heading: true });
      continue;
    }
    if (LIST_ITEM.test(line)) flush();
    if (current) current.end = end;
    else current = { start, end };
  }
  flush();
  return out;
}

class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

const EXCERPT = 140;
/** Phrases kept as evidence per competency: the first is shown, the others are counted. */
export const MAX_EVIDENCE = 5;
const LIST_MARKER = /^\s*(?:[-*+•●▪◦]|\d{1,3}[.)])\s+/;

/**
 * The words around a match: its list item or sentence when short, else a window of about 140
 * characters around it. Only the window is read, so a posting of one enormous paragraph costs no
 * more per match than a short one.
 */
function excerptOf(segment: Segment, index: number, length: number): string {
  const text = segment.text;
  const from = Math.max(0, index - 60);
  const to = Math.min(text.length, Math.max(index + length, from + EXCERPT));
  let piece = text.slice(from, to).replace(/\s+/g, ' ');
  piece = (from === 0 ? piece.replace(LIST_MARKER, '') : piece).trim();
  return `${from > 0 ? '…' : ''}${piece}${to < text.length ? '…' : ''}`;
}

// ------------------------------------------------------------------ the hiring company

/** Words after a company's name that make it a product or a tool, not the employer. */
const TOOL_AFTER =
  /^(?:['’]s\s+)?(?:Cloud|SageMaker|Bedrock|S3|EC2|Lambda|Redshift|Kinesis|DynamoDB|EMR|Athena|Glue|BigQuery|Vertex|Colab|Analytics|Ads|Sheets|Docs|Workspace|Kubernetes|API|APIs|GPT|ChatGPT|Llama|LLaMA|Gemini|Claude|Gym|models?|learning|Marketplace|Mechanical Turk|Lex|Polly|Rekognition|Comprehend|Search Console|Maps API|TPU|Certified)\b/;
/** Words before a name that make it the employer ("At Google", "Join Anthropic", "About Meta"). */
const EMPLOYER_BEFORE = /\b(?:at|join|joining|joined|about|inside|for|within|across|with us at|Company|Employer|Organization|Organisation)[:\s]+$/i;
/** Words after a name that make it the employer ("Amazon is", "Meta builds", "Google's mission"). */
const EMPLOYER_AFTER =
  /^(?:['’]s\s+(?:mission|values|culture|teams?|research|products?|customers|employees|people|commitment|Leadership Principles|AI|approach|goal|vision|safety)\b|\s+(?:is|was|are|has|have|builds|seeks|believes|values|strives|offers|provides|invests|hires|looks|develops|creates|operates|employs|needs|welcomes|encourages|aims|exists|works|was founded|Leadership Principles|Research|Science|Labs?|DeepMind|team|teams|scientists|engineers|employees|researchers)\b)/;

/** The company the posting hires for: the one named most often in an employer's place. */
function hiringCompany(text: string, lines: Lines, all: Segment[]): MatchResult['company'] {
  // The posting's first line is its title ("Applied Scientist, Alexa AI — Amazon").
  const titleStart = text.search(/\S/);
  const titleEnd = titleStart < 0 ? 0 : (text.indexOf('\n', titleStart) + 1 || text.length + 1) - 1;
  const counts = new Map<Company, { n: number; first: Evidence }>();
  for (const company of COMPANIES) {
    const names = [...COMPANY_NAMES[company]].sort((a, b) => b.length - a.length).map((n) => n.replace(/\s+/g, '\\s+'));
    const re = new RegExp(`(?<![\\w-])(?:${names.join('|')})(?![\\w-])`, 'g');
    for (const seg of all) {
      for (const m of seg.text.matchAll(re)) {
        const before = seg.text.slice(Math.max(0, m.index - 30), m.index);
        const after = seg.text.slice(m.index + m[0].length, m.index + m[0].length + 60);
        if (TOOL_AFTER.test(after.replace(/^\s+/, '')) && !/^['’]s\s+(?:mission|values)/.test(after)) continue;
        const offset = seg.start + m.index;
        const inTitle = offset >= titleStart && offset < titleEnd;
        if (!(EMPLOYER_BEFORE.test(before) || EMPLOYER_AFTER.test(after) || inTitle || (seg.heading && seg.text.trim().length <= 60))) continue;
        const { line, column } = lines.at(offset);
        const entry = counts.get(company);
        if (entry) entry.n++;
        else counts.set(company, { n: 1, first: { phrase: m[0], line, column, excerpt: excerptOf(seg, m.index, m[0].length) } });
      }
    }
  }
  let best: [Company, { n: number; first: Evidence }] | undefined;
  for (const e of counts) if (!best || e[1].n > best[1].n || (e[1].n === best[1].n && e[1].first.line < best[1].first.line)) best = e;
  return best ? { id: best[0], label: COMPANY_LABELS[best[0]], evidence: best[1].first } : undefined;
}

// ------------------------------------------------------------------ competencies

interface Compiled {
  entry: LexiconEntry;
  pattern: RegExp;
  except?: RegExp;
}

// Compiled once, when the module loads: a constant, like the lexicon it is built from.
const COMPILED: Compiled[] = LEXICON.filter((e) => e.phrases.length > 0).map((entry) => ({
  entry,
  pattern: phrasesPattern(entry.phrases),
  except: entry.except?.length ? phrasesPattern(entry.except) : undefined,
}));

function compiledLexicon(): Compiled[] {
  return COMPILED;
}

/** The user's own themes are asked for by their id's words ("model-serving" finds "model serving"). */
function userThemes(config: ResolvedConfig): Compiled[] {
  const builtIn = new Set(THEMES.map((t) => t.id));
  return config.themes
    .filter((t) => !builtIn.has(t.id))
    .map((t) => ({ entry: { id: t.id, family: 'theme' as const, phrases: [t.id] }, pattern: new RegExp(compilePhrase(t.id), 'gi') }));
}

/** The first MAX_EVIDENCE phrases of the posting that ask for the competency. */
function find(c: Compiled, segs: Segment[], lines: Lines): Evidence[] {
  const out: Evidence[] = [];
  for (const seg of segs) {
    let excepted: [number, number][] | undefined;
    for (const m of seg.text.matchAll(c.pattern)) {
      const end = m.index + m[0].length;
      excepted ??= c.except ? [...seg.text.matchAll(c.except)].map((x) => [x.index, x.index + x[0].length]) : [];
      if (excepted.some(([a, b]) => a <= m.index && end <= b)) continue;
      const { line, column } = lines.at(seg.start + m.index);
      out.push({ phrase: m[0].replace(/\s+/g, ' ').trim(), line, column, excerpt: excerptOf(seg, m.index, m[0].length) });
      if (out.length === MAX_EVIDENCE) return out;
    }
  }
  return out;
}

function describe(id: string, config: ResolvedConfig): { label: string; question: string } {
  const theme = config.themes.find((t) => t.id === id);
  if (theme) return { label: id, question: theme.question };
  const value = COMPANY_VALUES.find((v) => v.id === id);
  if (value) return { label: `${COMPANY_LABELS[value.company]}: ${value.label}`, question: value.question };
  const skill = ML_SKILLS.find((s) => s.id === id);
  if (skill) return { label: skill.label, question: skill.question };
  return { label: id, question: id };
}

function answers(story: BankStory, c: Pick<Competency, 'id' | 'family'>): boolean {
  if (c.family === 'theme') return story.themes.includes(c.id);
  if (c.family === 'company') return story.values.includes(c.id);
  return story.skills.includes(c.id);
}

const STATUS_ORDER = { gap: 0, thin: 1, ok: 2 } as const;
const FAMILY_ORDER = { theme: 0, company: 1, ml: 2 } as const;
/** Characters of a posting read: a posting is a page or two, so more is not a posting. */
export const MAX_POSTING_CHARS = 200_000;
/** How many stories "rehearse first" names. */
export const REHEARSE_FIRST = 3;

/** The competencies a job posting asks for and the stories of the bank that answer each. */
export function matchJob(posting: string, report: Pick<BankReport, 'stories'>, config: ResolvedConfig): MatchResult {
  const text = posting.slice(0, MAX_POSTING_CHARS).replace(/\r\n?/g, '\n');
  const lines = new Lines(text);
  const all = segments(text);
  const read = all.filter((s) => !s.boilerplate);
  const company = hiringCompany(text, lines, all);
  const found: Omit<Competency, 'stories' | 'status'>[] = [];
  for (const c of [...compiledLexicon(), ...userThemes(config)]) {
    if (c.entry.family === 'company' && c.entry.company !== company?.id) continue;
    const evidence = find(c, read, lines);
    if (evidence.length) found.push({ id: c.entry.id, family: c.entry.family, ...describe(c.entry.id, config), evidence });
  }
  // A company whose interviews test one value (SPEC §1) asks for it by hiring: naming it is the evidence.
  if (company && company.id !== 'amazon') {
    for (const v of COMPANY_VALUES.filter((x) => x.company === company.id && !found.some((f) => f.id === x.id))) {
      found.push({ id: v.id, family: 'company', ...describe(v.id, config), evidence: [company.evidence], implied: true });
    }
  }
  const order = (id: string): number => {
    const i = LEXICON.findIndex((e) => e.id === id);
    return i < 0 ? LEXICON.length + config.themes.findIndex((t) => t.id === id) : i;
  };
  const competencies: Competency[] = found.map((f) => {
    const stories = bestFirst(
      report.stories as BankStory[],
      report.stories.map((s, i) => (answers(s as BankStory, f) ? i : -1)).filter((i) => i >= 0),
    );
    return { ...f, stories, status: stories.length === 0 ? 'gap' : stories.length === 1 ? 'thin' : 'ok' };
  });
  competencies.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || FAMILY_ORDER[a.family] - FAMILY_ORDER[b.family] || order(a.id) - order(b.id));
  const words = read.filter((s) => !s.heading).reduce((n, s) => n + (s.text.match(/\S+/g)?.length ?? 0), 0);
  return { company, competencies, rehearse: rehearseFirst(report.stories as BankStory[], competencies), words };
}

/**
 * The stories to rehearse for this posting: the ones that answer most of its competencies; among
 * equals, the ones due for practice, then the weak ones (they need the most work), then by score.
 */
function rehearseFirst(stories: BankStory[], competencies: Competency[]): RehearseFirst[] {
  const rows = stories.map((s, i) => ({
    story: i,
    answers: competencies.filter((c) => c.stories.includes(i)).map((c) => c.id),
    due: isDue(s),
    weak: s.score.total < WEAK_SCORE,
  }));
  return rows
    .filter((r) => r.answers.length > 0)
    .sort(
      (a, b) =>
        b.answers.length - a.answers.length ||
        Number(b.due) - Number(a.due) ||
        Number(b.weak) - Number(a.weak) ||
        stories[b.story].score.total - stories[a.story].score.total ||
        a.story - b.story,
    )
    .slice(0, REHEARSE_FIRST);
}
