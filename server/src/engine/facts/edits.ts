// Edits the rules offer with their findings (rule-owned fixes): a missing section's skeleton in
// the story's own style, and a value replaced by its closest known id. Offsets into the document.
import { SECTION_TITLES } from '../model/labels';
import { withArticle } from '../../../../shared/wording';
import { STAR_KINDS, type Edit, type FixOffer, type Section, type Span, type StarKind, type Story } from '../model/types';

/** What to write in a new section, as an HTML comment: a prompt, not prose, so the section reads as empty until filled. */
export const PROMPTS: Record<StarKind, string> = {
  situation: 'Situation: the context, the team and the stakes, in two or three sentences (~15–20 %).',
  task: 'Task: your own role and goal: what did you own, and what did success mean? (~10–15 %)',
  action: 'Action: what you did and why: the options, the decision, the reasoning; say "I" (~50–60 %).',
  result: 'Result: the measured outcome (a number), its business effect, the lasting change and what you learned (~15–20 %).',
};

/** The title of the fix that adds a section: "Add a Task section", "Add an Action section". */
export function addSectionTitle(kind: StarKind): string {
  return `Add ${withArticle(`${SECTION_TITLES[kind]} section`)}`;
}

/** Where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** `value` inside [span.start, span.end) replaced by `replacement`, or undefined when it is not there. */
export function replaceWithin(text: string, span: { start: number; end: number }, value: string, replacement: string): Edit | undefined {
  const at = text.slice(span.start, span.end).toLowerCase().indexOf(value.toLowerCase());
  if (at < 0) return undefined;
  return { start: span.start + at, end: span.start + at + value.length, text: replacement };
}

export function insertSection(text: string, story: Story, kind: StarKind): Edit {
  const starSections = story.sections.filter((s) => (STAR_KINDS as readonly string[]).includes(s.kind)).sort((x, y) => x.marker.start - y.marker.start);
  const sample = starSections[0] ?? story.sections[0];
  const lineStyle = sample?.style === 'label' && isPlainLabel(text, sample) && labelsShareParagraph(text, starSections);
  const block =
    sample?.style === 'label'
      ? `${labelLike(text, sample, kind)} <!-- ${PROMPTS[kind]} -->`
      : `${'#'.repeat(headingDepth(text, story, sample))} ${SECTION_TITLES[kind]}\n\n<!-- ${PROMPTS[kind]} -->`;
  const sep = lineStyle ? '\n' : '\n\n';

  const index = STAR_KINDS.indexOf(kind);
  let previous: Section | undefined;
  for (let k = index - 1; k >= 0 && !previous; k--) previous = story.star[STAR_KINDS[k]];
  let offset: number;
  let newText: string;
  if (previous) {
    offset = trimEnd(text, previous.span.end);
    newText = sep + block;
  } else {
    let next: Section | undefined;
    for (let k = index + 1; k < STAR_KINDS.length && !next; k++) next = story.star[STAR_KINDS[k]];
    if (next) {
      offset = lineStart(text, next.marker.start);
      newText = block + sep;
    } else {
      // No STAR section yet: after the title, else after the metadata, else at the story's start.
      const anchor = story.titleSpan?.end ?? (story.meta.span && story.meta.span.end <= story.span.end ? story.meta.span.end : undefined);
      if (anchor === undefined) {
        offset = story.span.start;
        newText = block + '\n\n';
      } else {
        offset = lineEnd(text, anchor);
        newText = '\n\n' + block;
      }
    }
  }
  return { start: offset, end: offset, text: newText };
}

/** The depth of the story's section headings, else one below its title, else 2. */
function headingDepth(text: string, story: Story, sample: Section | undefined): number {
  const depthAt = (offset: number): number | undefined => {
    const start = lineStart(text, offset);
    const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(text.slice(start, offset));
    if (m) return m[1].length;
    // A setext heading: the underline on the next line says which level.
    const nl = text.indexOf('\n', offset);
    const next = nl < 0 ? '' : text.slice(nl + 1, nl + 5);
    if (/^ {0,3}=/.test(next)) return 1;
    if (/^ {0,3}-/.test(next)) return 2;
    return undefined;
  };
  if (sample?.style === 'heading') return depthAt(sample.marker.start) ?? 2;
  if (story.titleSpan) return Math.min(6, (depthAt(story.titleSpan.start) ?? 1) + 1);
  return 2;
}

/** The story's label written for another section: `**Situation:**` → `**Task:**`, `Context:` → `Task:`. */
function labelLike(text: string, sample: Section, kind: StarKind): string {
  const written = text.slice(sample.marker.start, sample.marker.end);
  let title = SECTION_TITLES[kind];
  if (sample.name === sample.name.toUpperCase()) title = title.toUpperCase();
  const at = written.toLowerCase().indexOf(sample.name.toLowerCase());
  if (at < 0) return `**${title}:**`;
  return written.slice(0, at) + title + written.slice(at + sample.name.length);
}

function isPlainLabel(text: string, s: Section): boolean {
  return !/^[*_]/.test(text.slice(s.marker.start, s.marker.end));
}

/** True when the story's labels are lines of one paragraph ("Context: …⏎Goal: …⏎Approach: …"). */
function labelsShareParagraph(text: string, sections: Section[]): boolean {
  for (let i = 0; i + 1 < sections.length; i++) {
    const gap = text.slice(sections[i].span.end, sections[i + 1].marker.start);
    if (!/\n[ \t]*\r?\n/.test(gap)) return true;
  }
  return false;
}

/** Where the text before `offset` ends, trailing white space left out. */
export function trimEnd(text: string, offset: number): number {
  let o = offset;
  while (o > 0 && /\s/.test(text[o - 1])) o--;
  return o;
}

/** Where the line holding `offset` ends, before its line break. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

/**
 * Writes inferred metadata into the story: new keys before the front matter's closing line or the
 * story comment's `-->`; a new front matter for a one-story file without any; a new story comment
 * under the title of a story in a bank file.
 */
export function metadataEdit(text: string, story: Story, storyCount: number, inferred: { category?: string; themes?: string[] }): Edit | undefined {
  const lines: string[] = [];
  if (inferred.category) lines.push(`category: ${inferred.category}`);
  if (inferred.themes?.length) lines.push(`questions: [${inferred.themes.join(', ')}]`);
  if (!lines.length) return undefined;
  const meta = story.meta;
  // The story's own line ending (reading only the story: a bank file's other stories cost nothing).
  const eol = text.slice(story.span.start, Math.min(story.span.end, story.span.start + 4096)).includes('\r\n') ? '\r\n' : '\n';
  const insert = (offset: number, newText: string): Edit => ({ start: offset, end: offset, text: newText });
  if (meta.source === 'front-matter' && meta.span) {
    // Before the closing `---` line.
    const block = text.slice(meta.span.start, meta.span.end);
    const close = block.search(/(?:\r\n|\n|\r)(?:---|\.\.\.)[ \t]*$/);
    if (close < 0) return undefined;
    const newline = block.slice(close).match(/^(?:\r\n|\n|\r)/)![0];
    return insert(meta.span.start + close + newline.length, lines.join(eol) + eol);
  }
  if (meta.source === 'comment' && meta.span) {
    const end = text.lastIndexOf('-->', meta.span.end);
    if (end < meta.span.start) return undefined;
    const before = text.slice(meta.span.start, end);
    return insert(end, (/\n\s*$/.test(before) ? '' : eol) + lines.join(eol) + eol);
  }
  if (storyCount === 1) return insert(0, `---${eol}${lines.join(eol)}${eol}---${eol}${eol}`);
  if (!story.titleSpan) return undefined;
  const titleEnd = text.indexOf('\n', story.titleSpan.end);
  const offset = titleEnd < 0 ? text.length : titleEnd + 1;
  return insert(offset, `${titleEnd < 0 ? eol : ''}<!-- story${eol}${lines.join(eol)}${eol}-->${eol}`);
}

// ---------------------------------------------------------------------------------------------
// Suggestions: "we" → "I", and the unanswered follow-ups.

/** Past forms that read as well after "I" as after "we" (irregular, or the same in every tense). */
const IRREGULAR_PAST = new Set(
  (
    'built made ran wrote led chose took found set shipped began brought bought caught did drew drove fed felt fought gave got grew had held ' +
    'kept knew laid left lent lost met paid put rebuilt rewrote redid remade reran rethought retook said sent shut sold sought spent split spoke ' +
    'stood struck swept taught thought told threw understood went won oversaw undertook underwent overcame saw became came cut hit let quit ' +
    'read spread sat broke froze hid shook slept sped stole bound dug flew hung lit meant misled shot shrank strove wound upheld withdrew'
  ).split(' '),
);
/** Adverbs that may sit between "we" and the verb ("we then built"). */
const ADVERBS = new Set(['also', 'then', 'first', 'finally', 'eventually', 'quickly', 'immediately', 'initially', 'later', 'soon', 'never', 'jointly']);

/** "we built" → "I built", only where the next word is a past form that reads the same after "I". */
export function weToI(text: string, span: Span): FixOffer | undefined {
  const word = text.slice(span.start, span.end);
  if (word !== 'we' && word !== 'We') return undefined;
  const after = text.slice(span.end, span.end + 80);
  // One word, or an adverb and a word ("we then built"); a line break may sit in between.
  const WORD = /^(?:[ \t]+|[ \t]*\r?\n[ \t]*)([A-Za-z]+)(?![\w'’-])/;
  const first = WORD.exec(after);
  if (!first) return undefined;
  let adverb: string | undefined;
  let verb = first[1];
  if (ADVERBS.has(verb.toLowerCase())) {
    const second = WORD.exec(after.slice(first[0].length));
    if (!second) return undefined;
    adverb = verb;
    verb = second[1];
  }
  if (!isPast(verb)) return undefined;
  const phrase = `${word}${adverb ? ' ' + adverb : ''} ${verb}`;
  return { title: `Rewrite "${phrase}" as "I${adverb ? ' ' + adverb : ''} ${verb}"`, edits: [{ start: span.start, end: span.end, text: 'I' }] };
}

function isPast(word: string): boolean {
  const w = word.toLowerCase();
  return (
    (w.length > 3 &&
      w.endsWith('ed') &&
      !['need', 'feed', 'seed', 'speed', 'breed', 'proceed', 'exceed', 'succeed', 'heed', 'bleed', 'embed', 'shred'].includes(w)) ||
    IRREGULAR_PAST.has(w)
  );
}

/** A top-level list item's marker at the start of a line: `- `, `* `, `+ `, `1. `, `1) `. */
const LIST_ITEM = /^ {0,3}([-*+]|(\d{1,9})([.)]))[ \t]+/;

/**
 * One entry per question at the end of the Follow-ups section, each waiting for its answer
 * (`- **What were the biggest risks?** …`). They continue the section's list in its own marker
 * style; a section written as paragraphs gets paragraphs, since a list there would hide them
 * from the readiness count (which then reads list items only).
 */
export function insertFollowUps(text: string, section: Section, questions: string[]): Edit {
  const end = trimEnd(text, section.span.end);
  const body = text.slice(section.marker.end, end);
  const lines = body.split(/\r?\n/);
  let last = -1;
  for (let i = lines.length - 1; i >= 0 && last < 0; i--) if (LIST_ITEM.test(lines[i])) last = i;
  let newText: string;
  if (section.items.length > 0 && last >= 0) {
    const m = LIST_ITEM.exec(lines[last])!;
    const next = (k: number): string => (m[2] ? `${Number(m[2]) + k}${m[3]}` : m[1]);
    // The list goes on unless a paragraph follows it (a blank line, then an unindented line).
    const after = lines.slice(last + 1);
    const ended = after.some((l, i) => i > 0 && after[i - 1].trim() === '' && /^\S/.test(l) && !LIST_ITEM.test(l));
    newText = (ended ? '\n\n' : '\n') + questions.map((q, k) => `${next(k + 1)} **${q}** …`).join('\n');
  } else if (section.prose.isEmpty) {
    newText = '\n\n' + questions.map((q) => `- **${q}** …`).join('\n');
  } else {
    newText = questions.map((q) => `\n\n**${q}** …`).join('');
  }
  const at = Math.max(end, section.marker.end);
  return { start: at, end: at, text: newText };
}
