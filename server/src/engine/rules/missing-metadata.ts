import { metaSpan, storySpan, type StoryRule } from './rule';
import { ex } from './examples';
import { list } from '../../../../shared/wording';
import { inferMetadata } from '../facts/infer';
import { metadataEdit } from '../facts/edits';

const EXAMPLE: Record<string, string> = { category: '"category: project"', questions: '"questions: [challenging-project, …]"' };

/** The message for a story missing the `missing` metadata keys, to be added to `where`. */
export function message(missing: string[], where: string, guess: { category?: string; themes?: string[] } = {}): string {
  // What starlint inferred is the example to confirm; otherwise a generic one.
  const example = (m: string): string =>
    m === 'category' && guess.category
      ? `"category: ${guess.category}"`
      : m === 'questions' && guess.themes?.length
        ? `"questions: [${guess.themes.join(', ')}]"`
        : EXAMPLE[m];
  const inferred = missing.some((m) => example(m) !== EXAMPLE[m])
    ? ' (what starlint infers from the story, shown as inferred until you confirm it; the quick fix writes it)'
    : '';
  return `Story has no ${missing.join(' and no ')}: add ${list(missing.map(example))}${inferred} to ${where} so the bank can place it.`;
}

export const rule: StoryRule = {
  id: 'missing-metadata',
  description: 'A story has no `category` or no `questions`, so the bank cannot place it.',
  rationale:
    "The bank view and the coverage table are built from each story's `category` and `questions`. In a one-story file put them in the front matter; in a bank file put them in a `<!-- story … -->` comment under each story's title.",
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({ front: 'title: Fraud model\n«category»: project\ndate: 2025-06' }),
      ex({ front: 'title: Fraud model\n«questions»: [challenging-project, ambiguity, proud]\ndate: 2025-06' }),
      // Both missing: one finding, at the title.
      '# «Churn»\n\nSituation: churn rose.\nTask: I owned it.\nAction: I built a model.\nResult: churn fell from 9% to 6%.\n',
    ],
    silent: [ex()],
  },
  messages: (n) => [message(['category', 'questions'].slice(0, Math.max(1, n)), 'the front matter')],
  check(ctx) {
    const { meta } = ctx.story;
    const missing = [meta.category === undefined ? 'category' : '', meta.questions === undefined ? 'questions' : ''].filter(Boolean);
    if (missing.length === 0) return;
    const present = meta.category !== undefined ? 'category' : meta.questions !== undefined ? (meta.keys.questions ? 'questions' : 'themes') : '';
    const where =
      meta.source === 'none'
        ? ctx.storyCount > 1
          ? 'a <!-- story … --> comment under the title'
          : 'front matter'
        : meta.source === 'comment'
          ? 'its story comment'
          : 'the front matter';
    const guess = inferMetadata(ctx.story);
    const inferred = {
      ...(missing.includes('category') && guess.category ? { category: guess.category } : {}),
      ...(missing.includes('questions') && guess.themes.length ? { themes: guess.themes } : {}),
    };
    // What starlint inferred, written for the writer to confirm: a suggestion, never applied unasked.
    const edit = metadataEdit(ctx.doc.text, ctx.story, ctx.storyCount, inferred);
    const values = [inferred.category, ...(inferred.themes ?? [])].filter(Boolean).join(', ');
    ctx.report({
      message: message(missing, where, inferred),
      span: present ? metaSpan(ctx.story, present) : storySpan(ctx.story),
      data: { missing, inferred },
      ...(edit ? { suggestions: [{ title: `Write the inferred metadata (${values}) to confirm`, edits: [edit] }] } : {}),
    });
  },
};
