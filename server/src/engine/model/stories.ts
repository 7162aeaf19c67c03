import { parseDocument as parseYaml, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { CACHE_CHARS, CacheSlot, type Memo } from '../memo';
import { absolutePieces, flatten, shiftSpan, type Block } from '../syntax/blocks';
import { Prose, countWords } from '../syntax/prose';
import { headingSection, type LabelMeaning } from './labels';
import { CATEGORIES } from '../../../../shared/domain';
import { evidence, isNonStarQuestion, isQuestion, readsAsAnswer, readsAsStory } from '../facts/evidence';
import { onlyPlaceholders } from '../facts/placeholders';
import {
  STAR_KINDS,
  type HtmlComment,
  type LayerKind,
  type ParsedDocument,
  type ParseProblem,
  type Piece,
  type Section,
  type SectionKind,
  type Span,
  type StarKind,
  type Story,
  type StoryMeta,
} from './types';

// A heading that only says an answer follows: "STAR Answer:", "Sample answer", "My response".
const ANSWER_HEADING = /^\W*(?:(?:my|sample|example|model|good|great|strong|star|the)[- ]?)*(?:answer|response)s?\b(?:\s*\([^)]*\))?\W*$/i;

/** A marker is a block that starts a section: a section heading or a labelled paragraph. */
interface Marker extends LabelMeaning {
  index: number;
  style: 'heading' | 'label';
  span: Span;
  depth?: number;
  /** A marker after the text it names ("… at risk. (Situation)"). */
  trailing?: boolean;
}

// `<!-- story` then YAML: per-story metadata in a bank file. After "story" comes a colon, a line
// break, or a space before the first key ("<!-- story category: failure -->").
const STORY_COMMENT = /^\s*(?:starlint-)?story(?:[ \t]*:[ \t]*|[ \t]*(?:\r\n?|\n)|[ \t]+(?=[A-Za-z_][\w-]*[ \t]*:))/i;

const CATEGORY_IDS = new Set(CATEGORIES.map((c) => c.id));

/**
 * Turns Markdown text into a document of stories (SPEC §2). Pure and synchronous.
 *
 * Story boundaries: the title level is the depth of the last plain heading before the first
 * section marker that is shallower than every section heading. Each plain heading at that depth
 * starts a story; a shallower one (a bank's "# My stories") closes the current story.
 *
 * Which candidates are stories: a file marked by its front matter (`star: true`, a `questions`
 * list, a known `category`) or a story with its own `<!-- story -->` comment always is; other
 * candidates — sections found by their markers, or an answer told without labels under an
 * interview question — are stories when their prose reads as a first-person account of the
 * past, not as a guide to the STAR method or a template (evidence.ts).
 */
export function parseDocument(text: string, memo?: Memo): ParsedDocument {
  const problems: ParseProblem[] = [];
  if (looksBinary(text)) {
    return { text, isStory: false, stories: [], comments: [], problems, limited: 'binary' };
  }
  const { blocks, comments, chunks } = flatten(text, memo);

  let frontMatter: StoryMeta | undefined;
  let bodyStart = 0;
  if (blocks[0]?.type === 'yaml') {
    const yamlBlock = blocks[0];
    // The YAML starts after the opening line, whichever line ending (LF, CRLF or a lone CR) ends it.
    const opening = /^[^\r\n]*(?:\r\n?|\n)?/.exec(text.slice(yamlBlock.span.start, yamlBlock.span.end));
    const contentStart = yamlBlock.span.start + (opening ? opening[0].length : 0);
    frontMatter = readMeta(yamlBlock.value ?? '', contentStart, 'front-matter', problems, 'front matter', memo);
    frontMatter.span = yamlBlock.span;
    bodyStart = 1;
  } else if (/^\ufeff?---[ \t]*\r?\n/.test(text)) {
    problems.push({
      rule: 'front-matter',
      message: 'Front matter is not closed: add a line with three dashes (---) after the metadata.',
      span: { start: 0, end: 3 },
    });
  }

  const markers = findMarkers(text, blocks, bodyStart);

  // A title named like a depth layer ("# Notes" or "# Summary" over "## Situation"…): the first
  // marker, a heading shallower than every other heading marker with no heading before it, is the
  // title of what follows, not a section of its own.
  const first = markers[0];
  if (
    first?.style === 'heading' &&
    !(STAR_KINDS as readonly string[]).includes(first.kind) &&
    markers.some((m) => m.style === 'heading' && m !== first) &&
    markers.every((m) => m === first || m.style !== 'heading' || (m.depth as number) > (first.depth as number)) &&
    !blocks.slice(bodyStart, first.index).some((b) => b.type === 'heading')
  ) {
    markers.shift();
  }

  const storyComments = comments.filter((c) => STORY_COMMENT.test(c.body));
  const starKinds = new Set(markers.flatMap((m) => starKindsOf(m)));
  const fm = frontMatter?.raw ?? {};
  // A blog post's `category: career` does not make it a story; a known category id does.
  const marked =
    fm.star === true || 'questions' in fm || 'themes' in fm || (typeof fm.category === 'string' && CATEGORY_IDS.has(fm.category.trim().toLowerCase()));
  const markerAt = new Map(markers.map((m) => [m.index, m]));
  const isPlainHeading = (i: number): boolean => blocks[i].type === 'heading' && !markerAt.has(i);
  // Answers told without labels, under a behavioral question ("Tell me about a time…").
  const questions = questionTitles(blocks, bodyStart, isPlainHeading, markers);
  if (!(marked || storyComments.length > 0 || starKinds.size >= 2 || questions.length > 0)) {
    return { text, isStory: false, stories: [], frontMatter, comments, problems };
  }

  // A loop, not Math.min(...depths): spreading a huge array overflows the call stack.
  const minMarkerDepth = markers.reduce((min, m) => (m.depth !== undefined && m.depth < min ? m.depth : min), Infinity);
  let titleDepth: number | undefined;
  const firstMarker = markers[0]?.index ?? bodyStart;
  let firstPlain = bodyStart;
  while (firstPlain < blocks.length && !isPlainHeading(firstPlain)) firstPlain++;
  for (let i = firstMarker - 1; i >= bodyStart; i--) {
    // "### STAR Answer:" under "## Question 1: …" names no story: the question above it does.
    if (isPlainHeading(i) && i > firstPlain && ANSWER_HEADING.test(blocks[i].heading ?? '')) continue;
    if (isPlainHeading(i) && (blocks[i].depth as number) < minMarkerDepth) {
      titleDepth = blocks[i].depth;
      break;
    }
  }
  // A Situation told again after a plain heading begins another story at that heading's depth,
  // though sections came before any heading that deep (a guide's "- S — Situation: …" bullets under
  // the page title, then "## An example" with the example's own Situation).
  const retold = retoldDepth(blocks, markers, isPlainHeading, minMarkerDepth);
  if (retold !== undefined && (titleDepth === undefined || retold > titleDepth)) titleDepth = retold;
  const questionDepths = questions.filter((q) => blocks[q].type === 'heading').map((q) => blocks[q].depth as number);
  if (titleDepth === undefined && questionDepths.length) {
    // Questions as headings are the titles of their answers.
    titleDepth = questionDepths.reduce((min, d) => Math.min(min, d), 6);
  } else if (titleDepth === undefined && markers.length === 0) {
    // Metadata but no sections: a heading, if any, is the title.
    const h = blocks.findIndex((b, i) => i >= bodyStart && b.type === 'heading');
    if (h >= 0) titleDepth = blocks[h].depth;
  }

  // Segment the blocks into candidate stories.
  interface Segment {
    title?: number;
    /** The heading shallower than the title level that opened the segment, if one did. */
    opener?: number;
    from: number;
    to: number;
  }
  const segments: Segment[] = [];
  let current: Segment = { from: bodyStart, to: blocks.length };
  const questionParagraphs = new Set(questions.filter((q) => blocks[q].type !== 'heading'));
  for (let i = bodyStart; i < blocks.length; i++) {
    // A question in a paragraph of its own ("**Tell me about a time…?**") heads an answer too.
    if (questionParagraphs.has(i)) {
      current.to = i;
      segments.push(current);
      current = { title: i, from: i + 1, to: blocks.length };
      continue;
    }
    if (!isPlainHeading(i) || titleDepth === undefined) continue;
    const depth = blocks[i].depth as number;
    if (depth > titleDepth) continue;
    current.to = i;
    segments.push(current);
    current = depth === titleDepth ? { title: i, from: i + 1, to: blocks.length } : { opener: i, from: i + 1, to: i + 1 };
  }
  segments.push(current);

  // Markers are in block order, and story comments in text order: binary searches keep a bank of
  // thousands of stories linear.
  const hasMarkers = (s: Segment): boolean => (markers[firstMarkerFrom(markers, s.from)]?.index ?? Infinity) < s.to;
  // A shallower heading right over sections titles them ("## Example one" over its Situation, then
  // "### Example two" over a Situation told again, which set the title level to 3).
  for (const s of segments) if (s.opener !== undefined && hasMarkers(s)) s.title = s.opener;
  const spanOfSegment = (s: Segment): Span => ({
    start: s.title !== undefined ? blocks[s.title].span.start : s.from < blocks.length ? blocks[s.from].span.start : text.length,
    end: s.to > 0 && s.to - 1 < blocks.length && s.to > s.from ? blocks[s.to - 1].span.end : s.title !== undefined ? blocks[s.title].span.end : text.length,
  });
  storyComments.sort((a, b) => a.span.start - b.span.start);
  const commentIn = (span: Span): HtmlComment | undefined => {
    let lo = 0;
    let hi = storyComments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (storyComments[mid].span.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const c = storyComments[lo];
    return c && c.span.start < Math.max(span.end, span.start + 1) ? c : undefined;
  };
  // The prose a candidate tells, for the look-alike test: its STAR sections (not its Follow-ups,
  // whose questions are in the second person, nor its Notes), or the whole answer.
  const proseOf = (s: Segment): string =>
    buildSections(text, blocks, markers, s.from, s.to, titleDepth)
      .filter((x) => (STAR_KINDS as readonly string[]).includes(x.kind) || x.kinds || x.lesson || x.kind === 'answer')
      .map((x) => x.prose.text)
      .join('\n\n');
  // In a file of interview answers (it asks at least one question), a topic heading beside the
  // questions ("## Negative feedback from a teammate") may head an answer too.
  const questionSet = new Set(questions);
  const heads = (s: Segment): boolean =>
    s.title !== undefined &&
    (questionSet.has(s.title) ||
      (questions.length > 0 &&
        blocks[s.title].type === 'heading' &&
        blocks[s.title].depth === titleDepth &&
        !isNonStarQuestion(blocks[s.title].heading ?? '')));

  let kept = segments.filter((s) => {
    const own = s.title !== undefined && commentIn(spanOfSegment(s)) !== undefined;
    if (own) return true;
    if (hasMarkers(s) && (marked || readsAsStory(evidence(proseOf(s))))) return true;
    if (!heads(s)) return false;
    // Under a question, the whole answer decides, also when its only labels hold no account
    // (an answer told without labels, then "**What I learned:**" and its bullets).
    const prose = hasMarkers(s) ? (sectionOfBlocks(blocks, s.from, s.to)?.prose.text ?? '') : proseOf(s);
    return readsAsAnswer(evidence(prose), prose);
  });
  if (kept.length === 0) {
    if (!marked && storyComments.length === 0) return { text, isStory: false, stories: [], frontMatter, comments, problems };
    const firstSegment = segments.find((s) => s.title !== undefined) ?? segments[0];
    kept = [firstSegment];
  }

  const stories: Story[] = kept.map((seg, index) => {
    const span = spanOfSegment(seg);
    // A file with one story: the story is the whole file, front matter included.
    if (kept.length === 1) {
      span.start = 0;
      span.end = Math.max(span.end, blocks[blocks.length - 1]?.span.end ?? text.length);
    }
    const titleBlock = seg.title !== undefined ? blocks[seg.title] : undefined;
    const comment = commentIn(span);
    let meta: StoryMeta;
    if (comment) {
      const body = comment.body.replace(STORY_COMMENT, '');
      const bodyOffset = comment.span.start + 4 + (comment.body.length - body.length);
      meta = readMeta(body, bodyOffset, 'comment', problems, 'story metadata', memo);
      meta.span = comment.span;
    } else if (frontMatter && kept.length === 1) {
      meta = frontMatter;
    } else {
      meta = { source: 'none', keys: {}, raw: {} };
    }
    const sections = cachedSections(memo, text, span, titleDepth, () => buildSections(text, blocks, markers, seg.from, seg.to, titleDepth));
    const { star, layers, words } = starOf(sections);
    let titleSpan = titleBlock ? (titleBlock.type === 'heading' ? headingTextSpan(text, titleBlock) : titleBlock.span) : undefined;
    // The title as written, so a title that is (or holds) inline HTML still shows as text.
    let headingTitle = titleBlock
      ? titleBlock.type === 'heading'
        ? plainTitle(text.slice(titleSpan!.start, titleSpan!.end)) || titleBlock.heading?.trim()
        : lineText(titleBlock)
      : undefined;
    if (!titleBlock && kept.length === 1) {
      // A pasted answer often opens with the question in bold instead of a heading.
      const firstAt = markers.find((m) => m.index >= seg.from)?.index ?? seg.to;
      for (let i = seg.from; i < firstAt; i++) {
        const b = blocks[i];
        if (b.type !== 'paragraph' || b.label) continue;
        const line = lineText(b);
        if (line && line.split(/\s+/).length <= 20 && !line.includes('\n')) {
          headingTitle = line;
          titleSpan = b.span;
        }
        break;
      }
    }
    return {
      index,
      title: meta.title ?? headingTitle ?? 'Untitled story',
      titleSpan,
      span,
      meta,
      sections,
      star,
      layers,
      starWords: STAR_KINDS.reduce((n, k) => n + words[k], 0) || (sections.find((s) => s.kind === 'answer')?.words ?? 0),
      kindWords: words,
      // Per-story caches key on this: the story's text and, when it lives elsewhere, its metadata.
      reach: seg.to < blocks.length ? blocks[seg.to].span.start : text.length,
      key:
        (meta.span && (meta.span.start < span.start || meta.span.end > span.end)
          ? text.slice(meta.span.start, meta.span.end) + '\u0000' + (span.start - meta.span.start) + '\u0000'
          : '') + text.slice(span.start, span.end),
    };
  });

  return { text, isStory: true, stories, frontMatter, comments, problems, titleDepth, chunks };
}

/** The text of a one-line paragraph, without emphasis marks, enclosing quotes or a closing colon. */
function lineText(b: Block): string {
  return b.pieces
    .map((p) => p.text)
    .join('')
    .trim()
    .replace(/[*_]+/g, '')
    .replace(/^["“]\s*|\s*["”]$/g, '')
    .replace(/[:.]$/, '');
}

/**
 * The section markers of a document: section headings and labelled blocks. Single letters used
 * as plain labels ("S: …") and markers after their text ("(Situation)") count only where the
 * document uses two kinds of them or more, and an "A:" that answers a "Q:" is no Action.
 */
function findMarkers(text: string, blocks: Block[], bodyStart: number): Marker[] {
  const letterKinds = new Set<SectionKind>();
  const trailingKinds = new Set<SectionKind>();
  for (const b of blocks) {
    if (b.label?.letter) for (const k of b.label.kinds ?? [b.label.kind]) letterKinds.add(k);
    if (b.label?.trailing) for (const k of b.label.kinds ?? [b.label.kind]) trailingKinds.add(k);
  }
  const markers: Marker[] = [];
  for (let i = bodyStart; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'heading') {
      const found = headingSection(b.heading ?? '');
      if (found) markers.push({ index: i, ...found, style: 'heading', span: headingTextSpan(text, b), depth: b.depth });
    } else if (b.label) {
      const { span, ...label } = b.label;
      if (label.letter && letterKinds.size < 2) continue;
      // "**Q:** …" then "**A:** …": the answer of a Q/A pair, bold or plain, not an Action.
      if (label.kind === 'action' && label.name.length === 1 && answersQuestion(blocks[i - 1])) continue;
      if (label.trailing && trailingKinds.size < 2) continue;
      markers.push({ index: i, ...label, style: 'label', span });
    }
  }
  return markers;
}

/** Whether a block is the question of a Q/A pair ("Q: Why…", "**Q:** …"). */
function answersQuestion(previous: Block | undefined): boolean {
  return (
    previous !== undefined &&
    /^\s*Q\s*[:.)]/.test(
      previous.pieces
        .map((p) => p.text)
        .join('')
        .slice(0, 10),
    )
  );
}

/** The STAR kinds a marker counts for: its own, or both of a combined label's. */
function starKindsOf(m: { kind: SectionKind; kinds?: StarKind[] }): StarKind[] {
  if (m.kinds) return m.kinds;
  return (STAR_KINDS as readonly string[]).includes(m.kind) ? [m.kind as StarKind] : [];
}

/**
 * Headings (plain, not sections) and one-line paragraphs that ask a behavioral question: the
 * titles of answers. A question inside a story's sections ("What was your role?" in a template's
 * Task) is its text, not a title — unless a new Situation follows it, as when answers are listed
 * one after another under their questions, or a plain heading stands between them.
 */
function questionTitles(blocks: Block[], from: number, isPlainHeading: (i: number) => boolean, markers: Marker[]): number[] {
  const out: number[] = [];
  const markerAt = new Map(markers.map((m) => [m.index, m]));
  let inSection = false;
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i];
    const m = markerAt.get(i);
    if (m) {
      if (starKindsOf(m).length) inSection = true;
      continue;
    }
    if (b.type === 'heading') {
      if (isPlainHeading(i) && isQuestion(b.heading ?? '')) out.push(i);
      // A plain heading ends the section above it ("## Common questions" after a story).
      if (isPlainHeading(i)) inSection = false;
      continue;
    }
    if (b.type !== 'paragraph' || b.label || lineText(b).includes('\n') || !isQuestion(lineText(b))) continue;
    if (inSection && !startsAnother(blocks, i + 1, markerAt)) continue;
    out.push(i);
    inSection = false;
  }
  return out;
}

/**
 * The depth of the deepest plain heading (shallower than every section heading) that stands
 * right before a Situation told again: the last such heading between the previous marker and the
 * second Situation. Undefined when no Situation is told twice across a heading.
 */
function retoldDepth(blocks: Block[], markers: Marker[], isPlainHeading: (i: number) => boolean, minMarkerDepth: number): number | undefined {
  let depth: number | undefined;
  let situationSeen = false;
  let previous = -1;
  for (const m of markers) {
    const kinds = starKindsOf(m);
    if (kinds.length && kinds[0] === 'situation') {
      let heading: number | undefined;
      for (let i = m.index - 1; i > previous && heading === undefined; i--) {
        if (isPlainHeading(i) && (blocks[i].depth as number) < minMarkerDepth && !ANSWER_HEADING.test(blocks[i].heading ?? '')) heading = blocks[i].depth;
      }
      if (situationSeen && heading !== undefined) depth = Math.max(depth ?? 0, heading);
      situationSeen = true;
    }
    previous = m.index;
  }
  return depth;
}

/** Whether the next STAR marker after `from`, before any heading, is a Situation: a new story begins. */
function startsAnother(blocks: Block[], from: number, markerAt: Map<number, Marker>): boolean {
  for (let i = from; i < blocks.length && i < from + 50; i++) {
    const m = markerAt.get(i);
    if (m && starKindsOf(m).length) return starKindsOf(m)[0] === 'situation';
    if (blocks[i].type === 'heading') return false;
  }
  return false;
}

/**
 * The section a story's rules read for each STAR kind, and each kind's words. A combined section
 * ("Situation/Task") is read for both of its kinds and its words are split evenly between them;
 * lesson sections ("Reflection", "Lessons learned") join the Result, after it.
 */
function starOf(sections: Section[]): {
  star: Partial<Record<StarKind, Section>>;
  layers: Partial<Record<LayerKind, Section>>;
  words: Record<StarKind, number>;
} {
  const star: Partial<Record<StarKind, Section>> = {};
  const layers: Partial<Record<LayerKind, Section>> = {};
  const lessons: Section[] = [];
  for (const s of sections) {
    if (s.lesson) lessons.push(s);
    else if (s.kinds) for (const k of s.kinds) star[k] ??= s;
    else if ((STAR_KINDS as readonly string[]).includes(s.kind)) star[s.kind as StarKind] ??= s;
    else if (s.kind !== 'answer') layers[s.kind as LayerKind] ??= s;
  }
  if (lessons.length) star.result = joinSections(star.result ? [star.result, ...lessons] : lessons);
  const words: Record<StarKind, number> = { situation: 0, task: 0, action: 0, result: 0 };
  for (const k of STAR_KINDS) {
    const s = star[k];
    if (!s) continue;
    // A combined section's words are shared; a Result joined with lessons has all of theirs.
    const shared = s.kinds?.length ?? 1;
    words[k] += Math.round(s.words / shared);
  }
  return { star, layers, words };
}

/** One section made of several (a Result and its lessons): the first one's marker, all their prose. */
function joinSections(list: Section[]): Section {
  if (list.length === 1) return list[0];
  const [head] = list;
  return {
    ...head,
    kind: 'result',
    lesson: head.lesson,
    span: { start: Math.min(...list.map((s) => s.span.start)), end: Math.max(...list.map((s) => s.span.end)) },
    prose: Prose.join(list.map((s) => s.prose)),
    words: list.reduce((n, s) => n + s.words, 0),
    items: list.flatMap((s) => s.items),
    parts: list,
  };
}

/** The story's source text, [span.start, span.end) of its document (the tail of its cache key). */
export function storySource(story: Story): string {
  return story.key.slice(story.key.length - (story.span.end - story.span.start));
}

/** The story with every offset moved by `by`, as the `index`-th story of its document. */
export function shiftStory(story: Story, by: number, index = story.index): Story {
  if (by === 0 && index === story.index) return story;
  const sections = story.sections.map((s) => shiftSection(s, by));
  const { star, layers } = starOf(sections);
  return {
    ...story,
    index,
    titleSpan: story.titleSpan && shiftSpan(story.titleSpan, by),
    span: shiftSpan(story.span, by),
    meta: shiftMeta(story.meta, by),
    sections,
    star,
    layers,
    reach: story.reach === undefined ? undefined : story.reach + by,
  };
}

function shiftMeta(m: StoryMeta, by: number): StoryMeta {
  const at = (span: Span): Span => shiftSpan(span, by);
  const keys: StoryMeta['keys'] = {};
  for (const [k, v] of Object.entries(m.keys)) keys[k] = { key: at(v.key), value: at(v.value) };
  const out: StoryMeta = { ...m, keys };
  if (m.span) out.span = at(m.span);
  if (m.questionSpans) out.questionSpans = m.questionSpans.map(at);
  if (m.questions) out.questions = [...m.questions];
  if (m.practiced) out.practiced = [...m.practiced];
  return out;
}

// Sections of each story by its text, with offsets relative to the story: an edit in a bank
// file rebuilds the sections of the edited story only, and the others shift for free.
const SECTIONS = new CacheSlot<Section[]>('story sections', CACHE_CHARS);

function cachedSections(memo: Memo | undefined, text: string, span: Span, titleDepth: number | undefined, build: () => Section[]): Section[] {
  const key = `${titleDepth ?? ''}\u0000${text.slice(span.start, span.end)}`;
  if (!memo) return build();
  const hit = memo.get(SECTIONS, key);
  if (hit) return hit.map((s) => shiftSection(s, span.start));
  const sections = build();
  memo.set(
    SECTIONS,
    key,
    sections.map((s) => shiftSection(s, -span.start)),
  );
  return sections;
}

function shiftSection(s: Section, by: number): Section {
  return {
    ...s,
    marker: { start: s.marker.start + by, end: s.marker.end + by },
    span: { start: s.span.start + by, end: s.span.end + by },
    prose: s.prose.shifted(by),
    items: s.items.map((p) => p.shifted(by)),
  };
}

function buildSections(text: string, blocks: Block[], markers: Marker[], from: number, to: number, titleDepth: number | undefined): Section[] {
  const sections: Section[] = [];
  const inRange: Marker[] = [];
  for (let k = firstMarkerFrom(markers, from); k < markers.length && markers[k].index < to; k++) inRange.push(markers[k]);
  // Markers after their text ("… at risk. (Situation)"): each section is the text since the last one.
  const trailing = inRange.length > 0 && inRange.every((m) => m.trailing);
  for (let k = 0; k < inRange.length; k++) {
    const m = inRange[k];
    const pieces: Piece[] = [];
    const items: Prose[] = [];
    const own = blocks[m.index];
    let first = m.index;
    let last = m.index;
    const add = (b: Block): void => {
      if (b.pieces.length) {
        if (pieces.length) pieces.push({ text: '\n\n', start: b.span.start, end: b.span.start, exact: false });
        for (const p of absolutePieces(b.pieces, b.base)) pieces.push(p);
      }
      if (b.items) for (const item of b.items) items.push(new Prose(absolutePieces(item, b.base)));
    };
    if (trailing) {
      // The blocks since the previous marker, then the marker's own; after the last marker, the rest.
      first = k > 0 ? inRange[k - 1].index + 1 : Math.max(from, firstProse(blocks, from, m.index));
      const limit = k + 1 < inRange.length ? m.index + 1 : to;
      for (let i = first; i < limit; i++) {
        if (blocks[i].type === 'heading') break;
        add(blocks[i]);
        last = i;
      }
    } else {
      const limit = k + 1 < inRange.length ? inRange[k + 1].index : to;
      // Loops, not push(...pieces): spreading a huge array overflows the call stack.
      if (m.style === 'label') for (const p of absolutePieces(own.pieces, own.base)) pieces.push(p);
      for (let i = m.index + 1; i < limit; i++) {
        const b = blocks[i];
        if (b.type === 'heading') {
          const depth = b.depth as number;
          // A plain heading as deep as the section heading (or shallower) ends the section; any
          // heading ends a label section ("Result: …" then "## Action items" is not the Result).
          if (m.style === 'label' || depth <= (m.depth as number)) break;
          if (titleDepth !== undefined && depth <= titleDepth) break;
        }
        last = i;
        add(b);
      }
    }
    const prose = new Prose(pieces);
    const section: Section = {
      kind: m.kind,
      name: m.name,
      style: m.style,
      marker: m.span,
      span: { start: Math.min(m.span.start, blocks[first].span.start), end: Math.max(m.span.end, blocks[last].span.end) },
      prose,
      words: countWords(prose.text),
      items,
    };
    if (m.kinds) section.kinds = m.kinds;
    if (m.lesson) section.lesson = true;
    // A section of placeholders only is a draft: the placeholder rule points at each one, and
    // the rules about a section's content wait until it holds prose.
    if (section.words <= 80 && onlyPlaceholders(section, text)) section.draft = true;
    sections.push(section);
  }
  // An answer told without labels: its prose, whole, is the story's spoken text.
  if (!sections.some((s) => (STAR_KINDS as readonly string[]).includes(s.kind) || s.kinds || s.lesson)) {
    const limit = inRange[0]?.index ?? to;
    const body = sectionOfBlocks(blocks, from, limit);
    if (body) sections.unshift(body);
  }
  return sections;
}

/** The first block at or after `from` (before `to`) that holds prose. */
function firstProse(blocks: Block[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (blocks[i].pieces.length && blocks[i].type !== 'heading') return i;
  return to;
}

/** The `answer` section of blocks [from, to): every block's prose, headings left out. */
function sectionOfBlocks(blocks: Block[], from: number, to: number): Section | undefined {
  const pieces: Piece[] = [];
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b.type === 'heading' || b.type === 'yaml' || !b.pieces.length) continue;
    if (first < 0) first = i;
    last = i;
    if (pieces.length) pieces.push({ text: '\n\n', start: b.span.start, end: b.span.start, exact: false });
    for (const p of absolutePieces(b.pieces, b.base)) pieces.push(p);
  }
  if (first < 0) return undefined;
  const prose = new Prose(pieces);
  if (prose.isEmpty) return undefined;
  const span = { start: blocks[first].span.start, end: blocks[last].span.end };
  return {
    kind: 'answer',
    name: 'Answer',
    style: 'label',
    marker: { start: span.start, end: Math.min(span.end, blocks[first].span.end) },
    span,
    prose,
    words: countWords(prose.text),
    items: [],
  };
}

/** The position of the first marker whose block index is at least `index` (markers are sorted). */
function firstMarkerFrom(markers: Marker[], index: number): number {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span of a heading's text, without the `#` marks and closing hashes. */
function headingTextSpan(text: string, b: Block): Span {
  let start = b.span.start;
  let end = b.span.end;
  const raw = text.slice(start, end);
  const m = /^ {0,3}#{1,6}[ \t]*/.exec(raw);
  if (m) start += m[0].length;
  const tail = /(?<![ \t])[ \t]+(?:#+[ \t]*)?$/.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  // Setext headings: only the first line.
  const nl = text.indexOf('\n', start);
  if (nl !== -1 && nl < end) end = text[nl - 1] === '\r' ? nl - 1 : nl;
  if (end <= start) return b.span;
  return { start, end };
}

function plainTitle(raw: string): string {
  return raw
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\[([^[\]]*)\]\([^)[]*\)/g, '$1')
    .trim();
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  // Nearly every file has no control character at all: one native search says so.
  if (!/[\x01-\x08\x0b\x0e-\x1f\ufffd]/.test(sample)) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return sample.length > 0 && bad / sample.length > 0.1;
}

/**
 * The line a YAML error is about, without its indentation. The parser often notices an unclosed
 * `[`, `{` or quote only at the end of the block or on the next line; the line to fix is the one
 * that opened it, and a position past the last character belongs to the last line with text.
 */
function badLine(yaml: string, pos: number, message: string): Span {
  let at = Math.min(Math.max(pos, 0), yaml.length);
  const opener = /\bFlow sequence\b/.test(message)
    ? '['
    : /\bFlow map(?:ping)?\b/.test(message)
      ? '{'
      : /closing "quote/.test(message)
        ? '"'
        : /closing 'quote/.test(message)
          ? "'"
          : undefined;
  if (opener) {
    const open = yaml.lastIndexOf(opener, at - 1);
    if (open !== -1) at = open;
  }
  let start = yaml.lastIndexOf('\n', at - 1) + 1;
  let end = yaml.indexOf('\n', at);
  if (end === -1) end = yaml.length;
  while (start > 0 && yaml.slice(start, end).trim() === '') {
    end = start - 1;
    start = yaml.lastIndexOf('\n', end - 1) + 1;
  }
  while (start < end && /\s/.test(yaml[start])) start++;
  while (end > start && /\s/.test(yaml[end - 1])) end--;
  return end > start ? { start, end } : { start: 0, end: 1 };
}

// The YAML library recurses once per nesting level until the stack runs out, and when V8 has to
// compile a regular expression that deep it aborts the whole process ("RegExpCompiler Allocation
// failed") instead of throwing; just short of that, whether it overflows depends on the JIT and
// the result changes from run to run. Metadata nests two or three levels, so YAML that may nest
// deeper than this (flow brackets, "- "/"? " indicators on one line, or indentation) is refused
// before it is parsed.
const MAX_YAML_NESTING = 64;

function yamlTooDeep(yaml: string): boolean {
  let flow = 0;
  let indicators = 0;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (lineStart && c === ' ') {
      if (++indent > MAX_YAML_NESTING) return true;
      continue;
    }
    lineStart = false;
    if (c === '\n' || c === '\r') {
      indicators = 0;
      indent = 0;
      lineStart = true;
    } else if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    else if ((c === '-' || c === '?') && /[ \t]/.test(yaml[i + 1] ?? ' ') && /[ \t\n\r]/.test(yaml[i - 1] ?? ' ')) indicators++;
    if (flow > MAX_YAML_NESTING || indicators > MAX_YAML_NESTING) return true;
  }
  return false;
}

// Parsed metadata by its YAML text, with spans relative to the YAML: in a bank file only the
// edited story's metadata is parsed again.
const METADATA = new CacheSlot<{ meta: StoryMeta; problems: ParseProblem[] }>('story metadata', 1_000_000);

/** Reads YAML metadata, keeping the span of every key and of each `questions` entry. */
export function readMeta(yaml: string, base: number, source: 'front-matter' | 'comment', problems: ParseProblem[], what: string, memo?: Memo): StoryMeta {
  const key = `${source}\u0000${what}\u0000${yaml}`;
  let cached = memo?.get(METADATA, key);
  if (!cached) {
    const own: ParseProblem[] = [];
    cached = { meta: readMetaAt(yaml, 0, source, own, what), problems: own };
    memo?.set(METADATA, key, cached);
  }
  for (const p of cached.problems) problems.push({ ...p, span: shiftSpan(p.span, base) });
  return shiftMeta(cached.meta, base);
}

function readMetaAt(yaml: string, base: number, source: 'front-matter' | 'comment', problems: ParseProblem[], what: string): StoryMeta {
  const meta: StoryMeta = { source, keys: {}, raw: {} };
  // The YAML library does not take a lone CR (old Mac line endings) as a line break; a LF in its
  // place keeps every offset.
  yaml = yaml.replace(/\r(?!\n)/g, '\n');
  if (yamlTooDeep(yaml)) {
    problems.push({
      rule: 'front-matter',
      message: `The ${what} nests deeper than ${MAX_YAML_NESTING} levels: flatten it to plain keys and lists, e.g. "questions: [failure, ambiguity]"; starlint ignores this metadata until then.`,
      span: { start: base, end: base + Math.max(1, yaml.trimEnd().length) },
    });
    return meta;
  }
  let doc;
  try {
    doc = parseYaml(yaml, { prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    problems.push({ rule: 'front-matter', message: `Invalid ${what}: ${(e as Error).message}`, span: { start: base, end: base + 1 } });
    return meta;
  }
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = badLine(yaml, err.pos[0], err.message);
    problems.push({
      rule: 'front-matter',
      message: `Invalid YAML in ${what}: ${err.message.split('\n')[0]}. Fix the YAML; starlint ignores this metadata until then.`,
      span: { start: base + line.start, end: base + line.end },
    });
    return meta;
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    if (contents && !(isScalar(contents) && contents.value === null)) {
      problems.push({
        rule: 'front-matter',
        message: `The ${what} must be a YAML mapping of keys to values (e.g. "category: project").`,
        span: { start: base, end: base + Math.max(1, yaml.trimEnd().length) },
      });
    }
    return meta;
  }
  const rangeOf = (node: YamlNode | null | undefined): Span | undefined =>
    node?.range ? { start: base + node.range[0], end: base + Math.max(node.range[1], node.range[0]) } : undefined;
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (!key) continue;
    const value = pair.value as YamlNode | null;
    const keySpan = rangeOf(keyNode);
    const valueSpan = rangeOf(value) ?? keySpan;
    if (keySpan && valueSpan) meta.keys[key] = { key: keySpan, value: valueSpan };
    const js = value ? value.toJSON() : null;
    meta.raw[key] = js;
    switch (key) {
      case 'title':
        if (js !== null && js !== undefined && String(js).trim()) meta.title = String(js).trim();
        break;
      case 'category':
        if (js !== null && js !== undefined) meta.category = String(js).trim();
        break;
      case 'questions':
      case 'themes':
        if (isSeq(value)) {
          meta.questions = [];
          meta.questionSpans = [];
          for (const item of value.items as YamlNode[]) {
            const v = isScalar(item) ? item.value : item?.toJSON?.();
            if (v === null || v === undefined) continue;
            meta.questions.push(String(v).trim());
            meta.questionSpans.push(rangeOf(item) ?? (valueSpan as Span));
          }
        } else if (typeof js === 'string') {
          meta.questions = js
            .split(',')
            .map((q) => q.trim())
            .filter(Boolean);
          meta.questionSpans = meta.questions.map(() => valueSpan as Span);
        }
        break;
      case 'date':
        if (js !== null && js !== undefined) meta.date = js instanceof Date ? js.toISOString().slice(0, 10) : String(js);
        break;
      case 'practiced':
        if (Array.isArray(js)) meta.practiced = js.map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d)));
        else if (js) meta.practiced = [String(js)];
        break;
      case 'star':
        meta.star = js === true;
        break;
      case 'company':
        if (js) meta.company = String(js);
        break;
    }
  }
  return meta;
}
