import { STAR_KINDS, type SectionKind, type StarKind } from './types';

/**
 * Section names and their aliases, as SPEC §2 lists them. Matching is case-insensitive. Lesson
 * sections ("Reflection", "Lessons learned", "What I learned"…) are read as part of the Result.
 */
export const SECTION_ALIASES: Record<SectionKind, string[]> = {
  situation: ['situation', 'context', 'background'],
  task: ['task', 'goal', 'responsibility'],
  action: ['action', 'actions', 'approach', 'actions taken', 'action taken', 'actions i took'],
  result: ['result', 'results', 'outcome', 'outcomes', 'impact', 'results achieved', 'result achieved'],
  summary: ['summary'],
  'deep-dive': ['deep dive', 'deep-dive', 'deepdive'],
  'follow-ups': ['follow-ups', 'follow-up', 'follow ups', 'follow up', 'followups', 'follow-up questions'],
  notes: ['notes'],
  answer: [],
};

/** Names of lesson sections: part of the Result (word share and every Result rule). */
export const LESSON_NAMES = [
  'reflection',
  'reflections',
  'lessons learned',
  'lesson learned',
  'lessons',
  'lesson',
  'what i learned',
  'what i learnt',
  'learnings',
  'learning',
  'learned',
  'learnt',
  'takeaways',
  'takeaway',
  'key takeaways',
  'key takeaway',
];

export const SECTION_TITLES: Record<SectionKind, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  summary: 'Summary',
  'deep-dive': 'Deep dive',
  'follow-ups': 'Follow-ups',
  notes: 'Notes',
  answer: 'Answer',
};

/** A section marker's meaning: its kind, the name as written, and what else it may be. */
export interface LabelMeaning {
  kind: SectionKind;
  name: string;
  /** A combined label ("Situation/Task", "Action & Result"): every STAR kind it counts for, in order. */
  kinds?: StarKind[];
  /** A lesson section ("Reflection", "Lessons learned"): part of the Result. */
  lesson?: boolean;
  /** A single letter (S, T, A, R): read as a label only where the document uses more than one. */
  letter?: boolean;
}

const byName = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(SECTION_ALIASES) as [SectionKind, string[]][]) {
  for (const name of names) byName.set(name, kind);
}
const lessonNames = new Set(LESSON_NAMES);
// Each name without its spaces and hyphens: the patterns below accept a space, a hyphen or nothing
// between a name's words ("follow up questions", "followups"), so the lookup folds them alike.
const squash = (name: string): string => name.replace(/[-\s]/g, '');
const bySquashed = new Map([...byName].map(([name, kind]) => [squash(name), kind]));

const escape = (n: string): string => n.replace(/[-\s]/g, '[-\\s]?');
// Longest first, so "follow-up questions" wins over "follow-up" and "lessons learned" over "lessons".
const NAMES = [...byName.keys(), ...LESSON_NAMES]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const STAR_NAMES = [...byName.entries()]
  .filter(([, kind]) => (STAR_KINDS as readonly string[]).includes(kind))
  .map(([name]) => name)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
// A second STAR name joined to the first: "Situation/Task", "Situation & Task", "Action and Result".
const JOINED = `(?:\\s*(?:/|&|\\+|\\band\\b)\\s*(${STAR_NAMES}|[STAR])\\b)?`;

const EMOJI = '[\\p{Extended_Pictographic}\\uFE0F\\u200D]';
// Bullet-like emoji and symbols before a label: "📌 Situation:", "✅ Result:", "• Task:".
export const LEAD = '[\\p{Extended_Pictographic}\\uFE0F\\u200D•▪▸►➤→✓]';

// "## Action", "## 3. Action", "## A — Action", "## Action (90 s)", "## Action: what I did",
// "## Results & impact", "## Situation & Task", "## What I learned". Not "## Action items": a
// heading that merely starts with the word.
const HEADING = new RegExp(
  `^(?:${EMOJI}+\\s*)?(?:(?:\\d+[.)]|[STAR][.:)]|[STAR]\\s*[-–—]|\\([STAR]\\))\\s*)?(?:${EMOJI}+\\s*)?(${NAMES})${JOINED}(?:\\s*\\([^)]*\\))?\\s*(?:(?:[:\\-–—|]|&|\\band\\b|/).*)?$`,
  'iu',
);

/** The section a heading's text names, or undefined when it is not a section marker. */
export function headingSection(text: string): LabelMeaning | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = HEADING.exec(t);
  if (!m) {
    const found = letterAndName(t);
    if (!found) return undefined;
    const { colon: _colon, ...rest } = found;
    return rest;
  }
  return meaning(m[1], m[2]);
}

// "S (Situation)", "**T [Task]:**": a letter with its name in brackets after it.
const LETTER_NAME = new RegExp(`^\\s*(?:${EMOJI}+\\s*)?([STAR]) ?[([](${NAMES})[)\\]]\\s*(?:(:)\\s*)?$`, 'iu');

function letterAndName(text: string): (LabelMeaning & { colon: boolean }) | undefined {
  const m = LETTER_NAME.exec(text);
  if (!m) return undefined;
  const found = meaning(m[2]);
  return found && found.kind === LETTERS[m[1].toLowerCase()] ? { ...found, colon: Boolean(m[3]) } : undefined;
}

// The label text itself: "Situation", "Situation:", "Situation (30 s):", "Situation/Task:". Each
// run of spaces has one quantifier (never `\s*(…)?\s*`), so a long run of spaces costs linear
// time, not cubic.
const LABEL_WORD = new RegExp(`^\\s*(?:[STAR][ \\t]*[-–—][ \\t]*)?(${NAMES})${JOINED}\\s*(?:\\([^)]*\\)\\s*)?(?:(:)\\s*)?$`, 'i');
// A plain label at the start of a paragraph or list item: "Situation: text", "Situation – text",
// "Situation/Task: text", "S – Situation: text". A dash needs a space after it ("Situation-based"
// is a word).
const PLAIN_LABEL = new RegExp(
  `^\\s*(?:${LEAD}+[ \\t]*)?(?:[STAR][ \\t]*[-–—][ \\t]*)?(${NAMES})${JOINED}\\s*(?:\\([^)]*\\)\\s*)?(?::|[-–—](?=\\s))[ \\t]*`,
  'iu',
);
// What may follow a bold label: ": ", " - ", " — ".
const SEPARATOR = /^\s*(?::|[-–—](?=\s|$))[ \t]*/;

// Single letters, as in "**S:** … **T:** …" or "S: …": common in pasted answers. Plain letters
// are read as labels only where a document uses two kinds or more (see `letter`), since Q/A pairs
// in a Follow-ups section start with "A:".
const LETTERS: Record<string, StarKind> = { s: 'situation', t: 'task', a: 'action', r: 'result' };
const LETTER_WORD = /^\s*([STAR])(?:\s*\/\s*([STAR]))?\s*(?:(:)\s*)?$/i;
const PLAIN_LETTER = /^\s*([STAR])(?:\s*\/\s*([STAR]))?[ \t]*(?::|[-–—](?=\s))[ \t]*/;

// A line that is nothing but a section name, as headings read once pasted from a chat or a
// document without their `#`: "⭐ Situation", "3. Result", "Lessons learned (2 min)".
const STANDALONE = new RegExp(
  `^[ \\t]*(?:${EMOJI}+[ \\t]*)?(?:(?:\\d+[.)]|[STAR][ \\t]*[-–—])[ \\t]*)?(?:${EMOJI}+[ \\t]*)?(${NAMES})${JOINED}(?:[ \\t]*\\([^)\\n]*\\))?[ \\t]*:?[ \\t]*$`,
  'iu',
);

/** The section a line names when it holds nothing else ("⭐ Situation", "Result"), else undefined. */
export function standaloneLabel(line: string): LabelMeaning | undefined {
  const m = STANDALONE.exec(line);
  return m ? meaning(m[1], m[2]) : undefined;
}

/** The label of a bold or emphasised run's text ("Situation:", "S", "Situation/Task"). */
export function labelWord(text: string): (LabelMeaning & { colon: boolean }) | undefined {
  const letter = LETTER_WORD.exec(text);
  if (letter) return { ...letterMeaning(letter[1], letter[2]), colon: Boolean(letter[3]) };
  const m = LABEL_WORD.exec(text);
  if (!m) return letterAndName(text);
  const found = meaning(m[1], m[2]);
  return found && { ...found, colon: Boolean(m[3]) };
}

/** A plain label at the start of `text` ("Situation: …", "S: …"), with the length it takes. */
export function plainLabel(text: string): (LabelMeaning & { length: number }) | undefined {
  const m = PLAIN_LABEL.exec(text);
  if (m) {
    const found = meaning(m[1], m[2]);
    return found && { ...found, length: m[0].length };
  }
  const letter = PLAIN_LETTER.exec(text);
  if (letter) return { ...letterMeaning(letter[1], letter[2]), letter: true, length: letter[0].length };
  return undefined;
}

export function separatorLength(text: string): number {
  const m = SEPARATOR.exec(text);
  return m ? m[0].length : -1;
}

function meaning(name: string, joined?: string): LabelMeaning | undefined {
  const key = name.toLowerCase().replace(/\s+/g, ' ');
  const lesson = lessonNames.has(key) || lessonNames.has(key.replace(/-/g, ' '));
  const kind = lesson ? 'result' : lookup(key);
  if (!kind) return undefined;
  const out: LabelMeaning = { kind, name };
  if (lesson) out.lesson = true;
  const second = joined ? (joined.length === 1 ? LETTERS[joined.toLowerCase()] : lookup(joined.toLowerCase().replace(/\s+/g, ' '))) : undefined;
  if (second && second !== kind && (STAR_KINDS as readonly string[]).includes(kind)) out.kinds = [kind as StarKind, second as StarKind];
  return out;
}

function letterMeaning(first: string, second?: string): LabelMeaning {
  const kind = LETTERS[first.toLowerCase()];
  const out: LabelMeaning = { kind, name: first };
  const other = second ? LETTERS[second.toLowerCase()] : undefined;
  if (other && other !== kind) out.kinds = [kind, other];
  return out;
}

function lookup(key: string): SectionKind | undefined {
  return byName.get(key) ?? bySquashed.get(squash(key));
}

// Tried after every newline, so the parenthetical stops at the end of its line: otherwise each
// line of "Task (" without a closing parenthesis would scan the rest of the paragraph.
const LINE_LABEL = new RegExp(
  `\\n[ \\t]*(?=(?:${LEAD}+[ \\t]*)?(?:(?:${NAMES})${JOINED}\\s*(?:\\([^)\\n]*\\)\\s*)?(?::|[-–—][ \\t])|[STAR](?:\\s*/\\s*[STAR])?[ \\t]*(?::|[-–—][ \\t])))`,
  'giu',
);

/** Offsets just after each newline in `text` where a plain label (`Task:`, `S:`) begins a line. */
export function lineLabelStarts(text: string): number[] {
  const out: number[] = [];
  LINE_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE_LABEL.exec(text))) out.push(m.index + m[0].length);
  return out;
}

// "… the launch was at risk. (Situation)", "… (S)", "[Task]": a marker after the text it names.
const TRAILING = new RegExp(`[([](?:(${STAR_NAMES})|([STAR]))[)\\]](?=[\\s.!?,;:]*(?:$|\\s))`, 'giu');

/** Trailing section markers in a paragraph's text: where each is and what it names. */
export function trailingMarkers(text: string): { start: number; end: number; meaning: LabelMeaning }[] {
  const out: { start: number; end: number; meaning: LabelMeaning }[] = [];
  TRAILING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRAILING.exec(text))) {
    // Case matters for letters: "(a)" is an enumeration, "(A)" may be Action.
    if (m[2] && m[2] !== m[2].toUpperCase()) continue;
    const found = m[1] ? meaning(m[1]) : letterMeaning(m[2]);
    if (found) out.push({ start: m.index, end: m.index + m[0].length, meaning: m[2] ? { ...found, letter: true } : found });
  }
  return out;
}
