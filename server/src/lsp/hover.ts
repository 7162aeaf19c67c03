// Hovers: on a section heading or label, the section's numbers and one tip; on a story's title,
// its strength score with the rubric (the same lines as the bank tree and the CLI). The title and
// the Summary and Deep dive headings also show the story's three depth layers side by side.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { FOLLOW_UPS, formatScore, scoreStory, SECTION_TITLES, STAR_KINDS, type Section, type SectionKind, type StarKind, type Story } from '../engine';
import { TARGETS, parseRange } from '../engine/facts/targets';
import { followUpReadiness } from '../engine/facts/follow-ups';
import { storyFindings, type Analysis } from './analysis';
import { plural } from '../../../shared/wording';
import { spanContains, toOffset, toRange } from './convert';
import { clock, spokenSeconds } from '../../../shared/time';

const TIPS: Record<SectionKind, string> = {
  situation: 'Set the scene in two or three sentences: the team, the stakes, why it mattered. Credit the team here, not in Action.',
  task: 'Say what *you* owned and what success meant, in a sentence or two ("My goal was…").',
  action: 'Aim for about 70 % decisions and reasoning, 30 % technical detail: name the options you rejected and why, and say "I".',
  result: 'Apply the "So what?" test three times: the number, its business effect, the lasting change; then the lesson.',
  summary: 'The 30–60 second version: the situation and your role in a sentence each, then the decision and the headline number.',
  'deep-dive': 'The 4–5 minute version: the alternatives and trade-offs, how you evaluated, and what you would do differently.',
  'follow-ups':
    'One list item per follow-up, the question then your answer: why this approach, what you would do differently, buy-in, risks, how you knew it worked, what happened after shipping.',
  notes: 'Notes are neither counted nor spoken: keep reminders and links here.',
  answer:
    'An answer told without STAR labels: mark where the Situation, Task, Action and Result begin (the quick fix suggests places), so each part can be checked.',
};

const OVER: Record<StarKind, string> = {
  situation: 'Too long: cut the context to the stakes and the team, and spend the time on Action.',
  task: 'Too long: state your role and goal in a sentence or two.',
  action: 'Too long: trim the detail to the decisions that mattered.',
  result: 'Too long: keep the outcome to the metric, the business effect and the lesson.',
};
const UNDER: Record<StarKind, string> = {
  situation: 'Too short: add the context: the team, the stakes, why it mattered.',
  task: 'Too short: say what you owned and what success meant.',
  action: 'Too short: say more of what you did and why: the options, the decision, the reasoning.',
  result: 'Too short: add the measured outcome, its business effect and what you learned.',
};

export function hover(a: Analysis, position: Position): Hover | undefined {
  if (!a.isStory) return undefined;
  const offset = toOffset(a.result.lines, position);
  for (const story of a.result.doc.stories) {
    const title = titleSpan(story);
    if (title && onSameLine(a, title, position.line, offset)) {
      const value = `${scoreMarkdown(a, story)}\n\n${layersMarkdown(depthLayers(a, story))}`;
      return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(a.result.lines, title) };
    }
    for (const section of story.sections) {
      const hit = section.style === 'heading' ? onSameLine(a, section.marker, position.line, offset) : spanContains(section.marker, offset);
      if (!hit) continue;
      let value = sectionMarkdown(a, story, section);
      if (section.kind === 'summary' || section.kind === 'deep-dive') value += `\n\n${layersMarkdown(depthLayers(a, story))}`;
      return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(a.result.lines, section.marker) };
    }
  }
  return undefined;
}

function titleSpan(story: Story): { start: number; end: number } | undefined {
  return story.titleSpan ?? story.meta.keys.title?.value;
}

/** Anywhere on a heading's line counts, the `#` marks included. */
function onSameLine(a: Analysis, span: { start: number; end: number }, line: number, offset: number): boolean {
  return a.result.lines.lineOf(span.start) === line || spanContains(span, offset);
}

export function scoreMarkdown(a: Analysis, story: Story): string {
  const score = scoreStory(story, storyFindings(a, story), a.config, a.today);
  const [head, ...rubric] = formatScore(score);
  const seconds = spokenSeconds(story.starWords, a.config.wordsPerMinute);
  return [
    `**${escape(story.title)}** · ${head}`,
    '',
    ...rubric.map((r) => `- ${escape(r)}`),
    '',
    `${plural(story.starWords, 'word')} · ${clock(seconds)} spoken at ${a.config.wordsPerMinute} wpm`,
  ].join('\n');
}

/** The words, share, target and spoken time of a section, as hover and CodeLens show them. */
export interface SectionStats {
  kind: Section['kind'];
  title: string;
  words: number;
  seconds: number;
  /** Share of the story's STAR words (STAR sections only). */
  share?: number;
  target?: [number, number];
  /** Word range for Summary and Deep dive. */
  wordTarget?: [number, number];
  /** Follow-ups answered, of six. */
  answered?: number;
  /** False for a second section of the same kind: only the first counts. */
  counted: boolean;
}

export function sectionStats(a: Analysis, story: Story, section: Section): SectionStats {
  const kind = section.kind;
  const stats: SectionStats = {
    kind,
    title: SECTION_TITLES[kind],
    words: section.words,
    seconds: spokenSeconds(section.words, a.config.wordsPerMinute),
    counted:
      STAR_KINDS.some((k) => story.star[k] === section || story.star[k]?.parts?.includes(section)) ||
      (story.layers as Record<string, Section>)[kind] === section,
  };
  if ((STAR_KINDS as readonly string[]).includes(kind)) {
    const star = kind as StarKind;
    stats.target = parseRange(a.config.options['section-balance']?.[star], TARGETS[star]);
    if (story.starWords > 0 && stats.counted) stats.share = section.words / story.starWords;
  } else if (kind === 'summary' || kind === 'deep-dive') {
    const o = a.config.options['layer-length'] ?? {};
    stats.wordTarget = kind === 'summary' ? [o.summaryMin ?? 75, o.summaryMax ?? 150] : [o.deepDiveMin ?? 600, o.deepDiveMax ?? 750];
  } else if (kind === 'follow-ups') {
    stats.answered = followUpReadiness(section).answered.length;
  }
  return stats;
}

/** One depth of a story: the 30–60 s Summary, the 2–3 min STAR answer, the 4–5 min Deep dive. */
export interface DepthLayer {
  name: 'Summary' | 'Standard STAR' | 'Deep dive';
  /** Undefined when the story has no such layer yet. */
  words?: number;
  seconds?: number;
  /** Words, from the layer-length and story-length options. */
  target: [number, number];
}

export function depthLayers(a: Analysis, story: Story): DepthLayer[] {
  const layer = a.config.options['layer-length'] ?? {};
  const length = a.config.options['story-length'] ?? {};
  const wpm = a.config.wordsPerMinute;
  const measure = (words: number | undefined) => (words === undefined ? {} : { words, seconds: spokenSeconds(words, wpm) });
  const star = STAR_KINDS.some((k) => story.star[k]) ? story.starWords : undefined;
  return [
    { name: 'Summary', ...measure(story.layers.summary?.words), target: [layer.summaryMin ?? 75, layer.summaryMax ?? 150] },
    { name: 'Standard STAR', ...measure(star), target: [length.targetMin ?? 300, length.targetMax ?? 400] },
    { name: 'Deep dive', ...measure(story.layers['deep-dive']?.words), target: [layer.deepDiveMin ?? 600, layer.deepDiveMax ?? 750] },
  ];
}

/** The three layers as a table, one column each: words, spoken time, target and how far off. */
export function layersMarkdown(layers: DepthLayer[]): string {
  const cell = (l: DepthLayer, row: 'words' | 'spoken' | 'target'): string => {
    if (row === 'target') {
      const [min, max] = l.target;
      const verdict = l.words === undefined ? 'none yet' : l.words < min ? `${min - l.words} short` : l.words > max ? `${l.words - max} over` : '✓';
      return `${min}–${max} · ${verdict}`;
    }
    if (l.words === undefined) return '—';
    return row === 'words' ? String(l.words) : clock(l.seconds ?? 0);
  };
  const row = (name: string, key: 'words' | 'spoken' | 'target') => `| ${name} | ${layers.map((l) => cell(l, key)).join(' | ')} |`;
  return [
    '**Depth layers**',
    '',
    `| | ${layers.map((l) => l.name).join(' | ')} |`,
    `| --- | ${layers.map(() => '---:').join(' | ')} |`,
    row('words', 'words'),
    row('spoken', 'spoken'),
    row('target', 'target'),
  ].join('\n');
}

function sectionMarkdown(a: Analysis, story: Story, section: Section): string {
  const s = sectionStats(a, story, section);
  const facts = [plural(s.words, 'word')];
  let tip = TIPS[s.kind];
  if (s.share !== undefined && s.target) {
    const pct = Math.round(s.share * 100);
    facts.push(`${pct} % of the story (target ${s.target[0]}–${s.target[1]} %)`);
    const star = s.kind as StarKind;
    if (pct > s.target[1]) tip = OVER[star];
    else if (pct < s.target[0]) tip = UNDER[star];
  } else if (s.target && !s.counted) {
    facts.push(`not counted: only the first ${s.title} section is — merge the two`);
  }
  if (s.kind !== 'notes') facts.push(`${clock(s.seconds)} spoken at ${a.config.wordsPerMinute} wpm`);
  if (s.wordTarget) {
    facts.push(`target ${s.wordTarget[0]}–${s.wordTarget[1]} words`);
    if (s.words > s.wordTarget[1]) tip = `Too long for this layer: cut to ${s.wordTarget[1]} words or fewer. ` + tip;
    else if (s.words < s.wordTarget[0]) tip = `Too short for this layer: grow it to ${s.wordTarget[0]} words or more. ` + tip;
  }
  if (s.answered !== undefined) facts.push(`${s.answered} of ${FOLLOW_UPS.length} follow-ups answered`);
  const name = section.name.toLowerCase() === s.title.toLowerCase() ? s.title : `${s.title} (${section.name})`;
  return [`**${escape(name)}** · ${facts.join(' · ')}`, '', `Tip: ${tip}`].join('\n');
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
