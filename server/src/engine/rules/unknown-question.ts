import type { StoryRule } from './rule';
import { closest } from '../../../../shared/domain';
import { ex } from './examples';
import { replaceWithin } from '../facts/edits';

export const rule: StoryRule = {
  id: 'unknown-question',
  description: 'A `questions` entry is not a known theme id.',
  rationale: 'Coverage counts the themes each story answers; an unknown id is counted nowhere. Add your own themes with the "themes" setting.',
  severity: 'error',
  options: {},
  examples: {
    fire: [
      ex({ front: 'category: project\nquestions: [challenging-project, «ambiguty», proud]\ndate: 2025-06' }),
      ex({ front: 'category: project\nquestions: [challenging-project, «ambiguty», «prouud»]\ndate: 2025-06' }),
      // Nothing close enough to suggest: the message says how to add a theme.
      ex({ front: 'category: project\nquestions: [challenging-project, «scaling», proud]\ndate: 2025-06' }),
    ],
    silent: [
      ex(),
      {
        markdown: ex({ front: 'category: project\nquestions: [challenging-project, scaling, proud]\ndate: 2025-06' }),
        config: { themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] },
      },
    ],
  },
  check(ctx) {
    const { questions, questionSpans, keys, span } = ctx.story.meta;
    if (!questions) return;
    const ids = ctx.config.themes.map((t) => t.id);
    questions.forEach((q, i) => {
      if (ids.includes(q.toLowerCase())) return;
      const suggestion = closest(q, ids);
      const where = questionSpans?.[i] ?? keys.questions?.value ?? span ?? { start: 0, end: 1 };
      const edit = suggestion ? replaceWithin(ctx.doc.text, where, q, suggestion) : undefined;
      ctx.report({
        message: `Unknown question theme "${q}": use a theme id such as ${ids.slice(0, 3).join(', ')}${suggestion ? ` — did you mean "${suggestion}"?` : ', or add it under "themes" in .starlintrc.json.'}`,
        span: where,
        data: { suggestion, value: q },
        ...(edit ? { fix: { title: `Change "${q}" to "${suggestion}"`, edits: [edit] } } : {}),
      });
    });
  },
};
