// CodeLens: one line of numbers above each section (`Action · 212 words · 54 % (50–60 %) · 1:25`)
// and the strength score above each story's title. Display only: the lenses run no command.
import type { CodeLens } from 'vscode-languageserver';
import { formatScore, scoreStory } from '../engine';
import { storyFindings, type Analysis } from './analysis';
import { plural } from '../../../shared/wording';
import { toRange } from './convert';
import { clock, spokenSeconds } from '../../../shared/time';
import { sectionStats } from './hover';

export function codeLenses(a: Analysis): CodeLens[] {
  if (!a.isStory) return [];
  const lenses: CodeLens[] = [];
  const lens = (span: { start: number; end: number }, title: string): void => {
    lenses.push({ range: toRange(a.result.lines, span), command: { title, command: '' } });
  };
  for (const story of a.result.doc.stories) {
    const title = story.titleSpan ?? story.meta.keys.title?.key;
    if (title) {
      const [strength] = formatScore(scoreStory(story, storyFindings(a, story), a.config, a.today));
      lens(title, `${strength} · ${plural(story.starWords, 'word')} · ${clock(spokenSeconds(story.starWords, a.config.wordsPerMinute))}`);
    }
    for (const section of story.sections) {
      const s = sectionStats(a, story, section);
      const words = plural(s.words, 'word');
      const parts = [s.title, s.wordTarget ? `${words} (${s.wordTarget[0]}–${s.wordTarget[1]})` : words];
      if (s.share !== undefined && s.target) parts.push(`${Math.round(s.share * 100)} % (${s.target[0]}–${s.target[1]} %)`);
      else if (s.target && !s.counted) parts.push('not counted (second section)');
      if (s.answered !== undefined) parts.push(`${s.answered}/6 follow-ups`);
      if (s.kind !== 'notes') parts.push(clock(s.seconds));
      lens(section.marker, parts.join(' · '));
    }
  }
  return lenses;
}
