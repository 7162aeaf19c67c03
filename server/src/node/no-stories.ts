// What the CLI says on stderr when a run found no story at all.
import { plural } from '../../../shared/wording';

/**
 * What to say when a run found no story, so that a folder of unrecognised stories is not mistaken
 * for a clean bank: which inputs held no story, and what a story looks like. Undefined when some
 * file holds a story.
 */
export function noStoriesHint(files: { file: string; stories: number }[], targets: string[]): string | undefined {
  if (files.some((f) => f.stories > 0)) return undefined;
  if (files.length === 0)
    return `no file to lint in ${targets.join(', ')}: none matches the "stories" globs (by default **/*.md and **/*.markdown) outside "ignore".`;
  return `${files.length === 1 ? `no story found in ${files[0].file}` : `no stories found in ${plural(files.length, 'file')}`} — ${STORY_SHAPES}`;
}

const STORY_SHAPES =
  'starlint reads Markdown with Situation, Task, Action and Result headings or labels ("## Situation", "**Task:**"), or front matter with "category" or "questions" (see "Story files" in the README).';
