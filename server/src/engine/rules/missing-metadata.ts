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
      // What the story says is inferred and offered: a failure told as one.
      ex({
        front: 'title: Missed launch\n«questions»: [failure]\ndate: 2025-06',
        title: 'Missed launch',
        situation: 'Our fraud model launch slipped by a month.',
        task: 'I owned the launch date.',
        action: 'I underestimated the labelling work and did not flag the risk early. When I saw the slip, I told my manager and cut scope.',
        result:
          'We launched four weeks late and lost $50K of fraud savings. It was my mistake: I learned to put risks in the plan on day one, and I now review estimates with the labelling team.',
      }),
      // A bank file: each story's metadata goes in a story comment under its title.
      '# «Churn model»\n\n**Situation:** churn rose for two quarters.\n**Task:** I owned the churn model.\n**Action:** I built a model with usage features.\n**Result:** churn fell from 9% to 6%.\n\n# «Fraud model»\n\n**Situation:** fraud losses climbed.\n**Task:** I owned the fraud model.\n**Action:** I compared three options and chose trees.\n**Result:** losses fell from $80K to $35K.\n',
      // A story comment that gives only the category.
      '# Churn model\n<!-- story «category»: project -->\n\n**Situation:** churn rose.\n**Task:** I owned the churn model.\n**Action:** I built a model.\n**Result:** churn fell from 9% to 6%.\n\n# Fraud model\n<!-- story category: project\nquestions: [challenging-project] -->\n\n**Situation:** fraud losses climbed.\n**Task:** I owned the fraud model.\n**Action:** I compared three options and chose trees.\n**Result:** losses fell from $80K to $35K.\n',
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
