import type { SectionKind } from './types';

/** Section names and their aliases, as SPEC §2 lists them. Matching is case-insensitive. */
export const SECTION_ALIASES: Record<SectionKind, string[]> = {
  situation: ['situation', 'context', 'background'],
  task: ['task', 'goal', 'responsibility'],
  action: ['action', 'actions', 'approach'],
  result: ['result', 'results', 'outcome', 'impact'],
  summary: ['summary'],
  'deep-dive': ['deep dive', 'deep-dive', 'deepdive'],
  'follow-ups': ['follow-ups', 'follow-up', 'follow ups', 'follow up', 'followups', 'follow-up questions'],
  notes: ['notes'],
};

export const SECTION_TITLES: Record<SectionKind, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  summary: 'Summary',
  'deep-dive': 'Deep dive',
  'follow-ups': 'Follow-ups',
  notes: 'Notes',
};

const byName = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(SECTION_ALIASES) as [SectionKind, string[]][]) {
  for (const name of names) byName.set(name, kind);
}

const NAMES = [...byName.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[-\s]/g, '[-\\s]?'))
  .join('|');

// "## Action", "## 3. Action", "## A — Action", "## Action (90 s)", "## Action: what I did",
// "## Results & impact". Not "## Action items": a heading that merely starts with the word.
const HEADING = new RegExp(
  `^(?:[\\p{Extended_Pictographic}\\uFE0F\\u200D]+\\s*)?(?:(?:\\d+[.)]|[STAR][.:)]|[STAR]\\s*[-–—]|\\([STAR]\\))\\s*)?(${NAMES})\\s*(?:\\([^)]*\\))?\\s*(?:(?:[:\\-–—|]|&|\\band\\b|/).*)?$`,
  'iu',
);

/** The section a heading's text names, or undefined when it is not a section marker. */
export function headingSection(text: string): { kind: SectionKind; name: string } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = HEADING.exec(t);
  if (!m) return undefined;
  return lookup(m[1]);
}

// The label text itself: "Situation", "Situation:", "Situation (30 s):". Each run of spaces has
// one quantifier (never `\s*(…)?\s*`), so a long run of spaces costs linear time, not cubic.
const LABEL_WORD = new RegExp(`^\\s*(${NAMES})\\s*(?:\\([^)]*\\)\\s*)?(?:(:)\\s*)?$`, 'i');
// A plain label at the start of a paragraph: "Situation: text".
const PLAIN_LABEL = new RegExp(`^\\s*(${NAMES})\\s*(?:\\([^)]*\\)\\s*)?:[ \\t]*`, 'i');
// What may follow a bold label: ": ", " - ", " — ".
const SEPARATOR = /^\s*(?::|[-–—](?=\s|$))[ \t]*/;

// Bold single letters, as in "**S:** … **T:** …": common in pasted answers. Plain "A:" is not a
// label, since Q/A pairs in a Follow-ups section start with it.
const LETTERS: Record<string, SectionKind> = { s: 'situation', t: 'task', a: 'action', r: 'result' };
const LETTER_WORD = /^\s*([STAR])\s*(?:(:)\s*)?$/i;

export function labelWord(text: string): { kind: SectionKind; name: string; colon: boolean } | undefined {
  const letter = LETTER_WORD.exec(text);
  if (letter) return { kind: LETTERS[letter[1].toLowerCase()], name: letter[1], colon: Boolean(letter[2]) };
  const m = LABEL_WORD.exec(text);
  if (!m) return undefined;
  const found = lookup(m[1]);
  return found && { ...found, colon: Boolean(m[2]) };
}

export function plainLabel(text: string): { kind: SectionKind; name: string; length: number } | undefined {
  const m = PLAIN_LABEL.exec(text);
  if (!m) return undefined;
  const found = lookup(m[1]);
  return found && { ...found, length: m[0].length };
}

export function separatorLength(text: string): number {
  const m = SEPARATOR.exec(text);
  return m ? m[0].length : -1;
}

function lookup(name: string): { kind: SectionKind; name: string } | undefined {
  const key = name.toLowerCase().replace(/\s+/g, ' ');
  const kind = byName.get(key) ?? byName.get(key.replace(/[-\s]/g, '')) ?? byName.get(key.replace(/-/g, ' ')) ?? byName.get(key.replace(/\s/g, '-'));
  return kind && { kind, name };
}

// Tried after every newline, so the parenthetical stops at the end of its line: otherwise each
// line of "Task (" without a closing parenthesis would scan the rest of the paragraph.
const LINE_LABEL = new RegExp(`\\n[ \\t]*(?=(?:${NAMES})\\s*(?:\\([^)\\n]*\\)\\s*)?:)`, 'gi');

/** Offsets just after each newline in `text` where a plain label (`Task:`) begins a line. */
export function lineLabelStarts(text: string): number[] {
  const out: number[] = [];
  LINE_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINE_LABEL.exec(text))) out.push(m.index + m[0].length);
  return out;
}
