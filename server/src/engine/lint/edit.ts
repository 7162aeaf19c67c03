import { SPLIT_ABOVE, shiftSpan } from '../syntax/blocks';
import { parseDocument, shiftStory } from '../model/stories';
import { applyDirectives, readDirectives } from '../model/directives';
import {
  KNOWN,
  byPosition,
  contextKey,
  lintText,
  memoOf,
  severities,
  shiftOffer,
  storyFindings,
  today,
  type LintOptions,
  type LintResult,
  type RuleError,
  type TextChange,
} from './lint';
import type { ResolvedConfig } from './config';
import type { Finding, HtmlComment, ParsedDocument, Span, Story } from '../model/types';

/**
 * Re-linting one story of a bank file after an edit. The cost must not grow with the file:
 * the other stories are not parsed or linted, their objects are not moved until someone reads
 * them (StoryList), and the new text is not read at all when the change carries its text (an
 * editor's document is a rope; the first read of it copies the whole file).
 */

/**
 * The stories of a document after edits: the stories as last built, and the edits since, each a
 * story replaced and the later ones moved by `delta`. A story is moved when it is read; reading
 * `all()` (what `doc.stories` does) builds every story once.
 */
class StoryList {
  private built?: Story[];

  constructor(
    private readonly base: Story[],
    private readonly edits: { k: number; story: Story; delta: number }[] = [],
  ) {}

  static of(doc: ParsedDocument): StoryList {
    return (doc as { [LIST]?: StoryList })[LIST] ?? new StoryList(doc.stories);
  }

  get length(): number {
    return this.base.length;
  }

  /** Story i as last built and how far it has moved since. */
  private find(i: number): { story: Story; shift: number } {
    let story = this.base[i];
    let shift = 0;
    for (const e of this.edits) {
      if (e.k === i) {
        story = e.story;
        shift = 0;
      } else if (e.k < i) shift += e.delta;
    }
    return { story, shift };
  }

  start(i: number): number {
    const { story, shift } = this.find(i);
    return story.span.start + shift;
  }

  at(i: number): Story {
    const { story, shift } = this.find(i);
    return shiftStory(story, shift);
  }

  all(): Story[] {
    this.built ??= this.edits.length === 0 ? this.base : this.base.map((_, i) => this.at(i));
    return this.built;
  }

  /** This list with story k replaced and the stories after it moved by delta. */
  edited(k: number, story: Story, delta: number): StoryList {
    // A long run of edits is folded in now and then, so reading a story stays cheap.
    if (this.built || this.edits.length >= 32) return new StoryList(this.all(), [{ k, story, delta }]);
    return new StoryList(this.base, [...this.edits, { k, story, delta }]);
  }
}

const LIST = Symbol('stories');

/** A document whose `stories` are built from a StoryList when first read. */
function lazyDocument(fields: Omit<ParsedDocument, 'stories'>, list: StoryList): ParsedDocument {
  const doc = fields as ParsedDocument;
  Object.defineProperty(doc, 'stories', { get: () => list.all(), enumerable: true, configurable: true });
  Object.defineProperty(doc, LIST, { value: list, enumerable: false });
  return doc;
}

// A line an edit touches (or the one before or after it) that could change where stories,
// chunks, comments or code blocks begin and end: a heading, a fence, HTML, a block quote, or a
// line that could be a setext underline or a thematic break. An edit near one lints the file.
const STRUCTURAL = /[#`~<>]|^[ \t]*(?:=+|-+|[-*_](?:[ \t]*[-*_]){2,})[ \t]*$/m;

/** From the start of the line before [from, to) to the end of the line after it. */
function linesAround(text: string, from: number, to: number): string {
  let a = from;
  for (let n = 0; n < 2 && a > 0; n++) {
    a--;
    while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  }
  let b = to;
  for (let n = 0; n < 2 && b < text.length; n++) {
    while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
    if (n === 0) b++;
  }
  return text.slice(a, Math.min(b, text.length));
}

/**
 * Lints `text`, which is the text of `prev` with one stretch replaced. When the edit lies inside
 * the body of one story of a bank file, away from anything that could move story, chunk or
 * comment boundaries, only that story is parsed and linted again; the other stories, their
 * findings and the line index are moved, not recomputed. Otherwise it is `lintText`. Either way
 * the result is the one `lintText(text)` gives (test/incremental.test.ts checks that on random
 * edits).
 */
export function lintEdit(prev: LintResult, text: string, change: TextChange, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  return editStory(prev, text, change, config, { ...options, memo: memoOf(options) }) ?? lintText(text, config, options);
}

function editStory(prev: LintResult, text: string, change: TextChange, config: ResolvedConfig, options: LintOptions): LintResult | undefined {
  const day = options.today ?? today();
  const context = contextKey(config, day, options);
  const { doc } = prev;
  const oldLength = prev.lines.text.length;
  const delta = change.newEnd - change.end;
  if (prev.context !== context || doc.limited || !doc.isStory || !doc.chunks || doc.titleDepth === undefined) return undefined;
  if (oldLength > config.maxFileSize || text.length > config.maxFileSize || oldLength < SPLIT_ABOVE || text.length < SPLIT_ABOVE) return undefined;
  if (change.start < 0 || change.end < change.start || change.newEnd < change.start || oldLength + delta !== text.length) return undefined;
  if (change.inserted !== undefined && change.inserted.length !== change.newEnd - change.start) return undefined;
  const list = StoryList.of(doc);
  if (list.length < 2) return undefined;

  // The story whose body holds the edit: after its title line, before the next title.
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list.start(mid) <= change.start) lo = mid;
    else hi = mid - 1;
  }
  const k = lo;
  const story = list.at(k);
  const reach = story.reach;
  if (!story.titleSpan || reach === undefined || story.span.start > change.start || change.end >= reach) return undefined;
  const regionStart = story.span.start;
  // The story must be a chunk of its own, so parsing it alone reads it as the whole file did.
  const c = doc.chunks.indexOf(regionStart);
  if (c < 0 || (doc.chunks[c + 1] ?? oldLength) !== reach) return undefined;

  // The region's old text: kept from the last edit there, else read from the old text.
  const oldRegion = prev.region && prev.region.start === regionStart && prev.region.end === reach ? prev.region.text : doc.text.slice(regionStart, reach);
  const titleLineEnd = oldRegion.indexOf('\n', story.titleSpan.end - regionStart);
  if (titleLineEnd < 0 || change.start - regionStart <= titleLineEnd) return undefined;
  const inserted = change.inserted ?? text.slice(change.start, change.newEnd);
  const from = change.start - regionStart;
  const regionText = oldRegion.slice(0, from) + inserted + oldRegion.slice(change.end - regionStart);
  if (regionText.length >= SPLIT_ABOVE) return undefined;
  if (STRUCTURAL.test(linesAround(oldRegion, from, change.end - regionStart)) || STRUCTURAL.test(linesAround(regionText, from, from + inserted.length)))
    return undefined;

  const local = parseDocument(regionText, options.memo);
  const fresh = local.stories[0];
  if (local.stories.length !== 1 || local.limited || local.titleDepth !== doc.titleDepth || fresh.span.start !== 0 || !fresh.titleSpan) return undefined;

  // A CR before the stretch, or one it ends with, pairs with what is next to it: the line
  // index is then built again from the new text.
  const before = from > 0 ? regionText.charCodeAt(from - 1) : 10;
  const after = regionText.charCodeAt(from + inserted.length);
  const lines = prev.lines.edited(text, change.start, change.end, inserted, before === 13 || after === 10 || inserted.endsWith('\r'));
  const moved = (span: Span): Span => (span.start >= change.end ? shiftSpan(span, delta) : span);
  const inRegion = (span: Span): boolean => span.start >= regionStart && span.start < reach;

  const newStory = shiftStory(fresh, regionStart, k);
  const stories = list.edited(k, newStory, delta);
  const comments: HtmlComment[] = [];
  let placed = false;
  const regionComments = (): HtmlComment[] => local.comments.map((lc) => ({ body: lc.body, span: shiftSpan(lc.span, regionStart) }));
  for (const cm of doc.comments) {
    if (!inRegion(cm.span)) comments.push(cm.span.start >= change.end ? { body: cm.body, span: moved(cm.span) } : cm);
    else if (!placed) {
      placed = true;
      for (const rc of regionComments()) comments.push(rc);
    }
  }
  if (!placed) {
    // No comment in the region before: the region's comments go where their offsets say.
    const at = comments.findIndex((cm) => cm.span.start >= regionStart);
    comments.splice(at < 0 ? comments.length : at, 0, ...regionComments());
  }
  const problems = doc.problems.filter((p) => !inRegion(p.span)).map((p) => (p.span.start >= change.end ? { ...p, span: moved(p.span) } : p));
  const localProblems = local.problems.map((p) => ({ ...p, span: shiftSpan(p.span, regionStart) }));
  problems.push(...localProblems);
  problems.sort((a, b) => a.span.start - b.span.start);
  const newDoc = lazyDocument(
    {
      text,
      isStory: doc.isStory,
      frontMatter: doc.frontMatter,
      comments,
      problems,
      limited: doc.limited,
      titleDepth: doc.titleDepth,
      chunks: doc.chunks.map((x) => (x > change.start ? x + delta : x)),
    },
    stories,
  );

  // The edited story's findings, and its metadata problems, through the file's comments.
  const severityOf = severities(config, options);
  const own: Finding[] = [];
  const errors: RuleError[] = prev.errors.filter((e) => e.story !== k);
  storyFindings(newStory, newDoc, list.length, config, day, options, context, own, errors);
  for (const p of localProblems) {
    const severity = severityOf(p.rule);
    if (severity) own.push({ rule: p.rule, message: p.message, span: p.span, severity });
  }
  const directives = readDirectives(comments, lines, KNOWN, []);
  const kept = applyDirectives(own, directives, lines).sort(byPosition);

  // The other findings keep their order; the edited story's are merged in.
  const rest: Finding[] = [];
  const { end } = change;
  for (const f of prev.findings) {
    const story = f.story;
    if (story === k || (story === undefined && f.rule === 'front-matter' && inRegion(f.span))) continue;
    const { span } = f;
    if (span.start < end) rest.push(f);
    // Findings of rules carry `story` and `data` keys, problems neither: keep the same shape.
    else if (story !== undefined) {
      const moved: Finding = { rule: f.rule, message: f.message, span: shiftSpan(span, delta), severity: f.severity, data: f.data, story };
      if (f.fix) moved.fix = shiftOffer(f.fix, delta);
      if (f.suggestions) moved.suggestions = f.suggestions.map((o) => shiftOffer(o, delta));
      rest.push(moved);
    } else rest.push({ rule: f.rule, message: f.message, span: shiftSpan(span, delta), severity: f.severity });
  }
  const findings: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < rest.length || j < kept.length) {
    if (j >= kept.length || (i < rest.length && byPosition(rest[i], kept[j]) <= 0)) findings.push(rest[i++]);
    else findings.push(kept[j++]);
  }
  return { doc: newDoc, lines, findings, errors, context, incremental: true, region: { start: regionStart, end: reach + delta, text: regionText } };
}
