// The outline: stories, each with its sections. Flat SymbolInformation for clients that do not
// take hierarchical symbols.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { SECTION_TITLES } from '../engine';
import type { Analysis } from './analysis';
import { toRange } from './convert';
import { clock, spokenSeconds } from '../../../shared/time';
import { plural } from '../../../shared/wording';

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  if (!a.isStory) return [];
  const lines = a.result.lines;
  return a.result.doc.stories.map((story) => {
    const range = toRange(lines, story.span);
    const selection = toRange(lines, clamp(story.titleSpan ?? story.sections[0]?.marker ?? { start: story.span.start, end: story.span.start }, story.span));
    const children: DocumentSymbol[] = story.sections.map((section) => {
      const span = clamp(section.span, story.span);
      return {
        name:
          section.name.toLowerCase() === SECTION_TITLES[section.kind].toLowerCase()
            ? SECTION_TITLES[section.kind]
            : `${SECTION_TITLES[section.kind]} (${section.name})`,
        detail: plural(section.words, 'word'),
        kind: SymbolKind.String,
        range: toRange(lines, span),
        selectionRange: toRange(lines, clamp(section.marker, span)),
      };
    });
    return {
      name: story.title || 'Untitled story',
      detail: `${plural(story.starWords, 'word')} · ${clock(spokenSeconds(story.starWords, a.config.wordsPerMinute))}`,
      kind: SymbolKind.Class,
      range,
      selectionRange: selection,
      children,
    };
  });
}

export function flatSymbols(a: Analysis): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const story of documentSymbols(a)) {
    out.push({ name: story.name, kind: story.kind, location: { uri: a.uri, range: story.range } });
    for (const s of story.children ?? []) out.push({ name: s.name, kind: s.kind, location: { uri: a.uri, range: s.range }, containerName: story.name });
  }
  return out;
}

/** A selection range must lie inside its symbol's range (clients reject it otherwise). */
function clamp(span: { start: number; end: number }, outer: { start: number; end: number }): { start: number; end: number } {
  const start = Math.min(Math.max(span.start, outer.start), outer.end);
  return { start, end: Math.max(start, Math.min(span.end, outer.end)) };
}
