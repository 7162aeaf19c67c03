import type { StoryRule } from './rule';
import { closest } from '../../../../shared/domain';
import { ex } from './examples';
import { replaceWithin } from '../facts/edits';
import { list } from '../../../../shared/wording';

export const rule: StoryRule = {
  id: 'unknown-category',
  description: 'The front-matter `category` is not a known category id.',
  rationale:
    'The bank view groups stories by category and checks the composition (2–3 projects, 1–2 collaborations, 2–3 failures, 1–2 leadership, 1 ethics); a misspelt category leaves the story out.',
  severity: 'error',
  options: {},
  examples: {
    fire: [
      ex({ front: 'category: «projcet»\nquestions: [challenging-project, ambiguity, proud]\ndate: 2025-06' }),
      // Nothing close enough to suggest: still one finding, at the value.
      ex({ front: 'category: «marketing»\nquestions: [challenging-project, ambiguity, proud]\ndate: 2025-06' }),
    ],
    silent: [ex(), ex({ front: 'category: Failure\nquestions: [failure, ambiguity, proud]\ndate: 2025-06' })],
  },
  check(ctx) {
    const { category, keys } = ctx.story.meta;
    if (category === undefined) return;
    const ids = ctx.config.categories.map((c) => c.id);
    if (ids.includes(category.toLowerCase())) return;
    const suggestion = closest(category, ids);
    const span = keys.category?.value ?? keys.category?.key ?? ctx.story.meta.span ?? { start: 0, end: 1 };
    const edit = suggestion ? replaceWithin(ctx.doc.text, span, category, suggestion) : undefined;
    ctx.report({
      message: `Unknown category "${category}": use one of ${list(ids, 'or')}${suggestion ? ` — did you mean "${suggestion}"?` : '.'}`,
      span,
      data: { suggestion, value: category },
      ...(edit ? { fix: { title: `Change "${category}" to "${suggestion}"`, edits: [edit] } } : {}),
    });
  },
};
