import { matches, sentences, type Sentence } from '../syntax/prose';
import { STAR_KINDS, type Section, type StarKind, type Story } from './types';
import type { StoryRuleContext } from '../rules/rule';

/** The sections whose prose is spoken in the interview: STAR plus the depth layers and follow-ups. */
export function spokenSections(story: Story): Section[] {
  return story.sections.filter((s) => s.kind !== 'notes' && hasProse(s));
}

/** The prose of an answer told without STAR labels (SPEC §2.7), when the story is one. */
export function answerSection(story: Story): Section | undefined {
  return STAR_KINDS.some((k) => story.star[k]) ? undefined : story.sections.find((s) => s.kind === 'answer');
}

/** Whether a section holds prose to judge: not empty, and not only template placeholders. */
export function hasProse(section: Section | undefined): section is Section {
  return section !== undefined && !section.prose.isEmpty && !section.draft;
}

/** A lesson section ("**Lesson learned:**", "## What I learned") of a Result, when it has prose. */
export function lessonPart(result: Section): Section | undefined {
  return (result.parts ?? [result]).find((part) => part.lesson && hasProse(part));
}

/** The first section of a STAR kind, when it exists and has prose. */
export function starSection(story: Story, kind: StarKind): Section | undefined {
  const s = story.star[kind];
  return hasProse(s) ? s : undefined;
}

/**
 * Reports every match of `re` in the prose of `sections`, skipping matches that `skip` rejects.
 * `message` receives the matched text.
 */
export function reportMatches(
  ctx: StoryRuleContext,
  sections: Section[],
  re: RegExp,
  message: (match: string) => string,
  skip?: (text: string, m: RegExpExecArray) => boolean,
): void {
  for (const section of sections) {
    const text = section.prose.text;
    for (const m of matches(re, text)) {
      if (skip?.(text, m)) continue;
      ctx.report({ message: message(m[0].replace(/\s+/g, ' ')), span: section.prose.span(m.index, m.index + m[0].length) });
    }
  }
}

/** Sentences of a section with their prose offsets. */
export function sectionSentences(section: Section): Sentence[] {
  return sentences(section.prose.text);
}

/** Builds a case-insensitive regular expression of whole phrases; spaces match any run of spaces. */
export function phrases(list: string[], flags = 'gi'): RegExp {
  const body = list
    .map((p) =>
      p
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '\\s+')
        .replace(/'/g, "['’]"),
    )
    .join('|');
  return new RegExp(`(?<![\\w'-])(?:${body})(?![\\w'])`, flags);
}

/** "38 %", "1:25" — the shapes used in every message. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
