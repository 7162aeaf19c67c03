import { metaSpan, type StoryRule } from './rule';
import { ex } from './examples';
import { plural } from '../../../../shared/wording';

/** The message for a story that answers `n` known themes, fewer than `min`. */
export function message(n: number, min: number): string {
  return `Story answers ${plural(n, 'question theme')}: map it to at least ${min} (e.g. add ambiguity, prioritization or disagreement if the story shows them).`;
}

export const rule: StoryRule = {
  id: 'versatility',
  description: 'A story maps to fewer than 3 question themes.',
  rationale:
    'With 7–10 stories you must answer dozens of questions, so each story should serve at least three themes. Only known theme ids count; stories without `questions` are reported by missing-metadata instead.',
  severity: 'info',
  options: { min: { type: 'number', default: 3, description: 'Fewest themes a story should answer.', minimum: 1 } },
  examples: {
    fire: [
      // Two themes: one short of three.
      ex({ front: 'category: project\n«questions»: [challenging-project, proud]\ndate: 2025-06' }),
      // Only known theme ids count, each once: two here.
      ex({ front: 'category: project\n«questions»: [challenging-project, Proud, proud, scaling]\ndate: 2025-06' }),
      ex({ front: 'category: project\n«questions»: []\ndate: 2025-06' }),
      // Themes listed under `themes` are reported there.
      ex({ front: 'category: project\n«themes»: [challenging-project, proud]\ndate: 2025-06' }),
    ],
    silent: [
      // Exactly three themes.
      ex(),
      ex({ front: 'category: project\ndate: 2025-06' }),
      ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud, failure]\ndate: 2025-06' }),
      // A theme added in the configuration is a known one.
      {
        markdown: ex({ front: 'category: project\nquestions: [challenging-project, proud, scaling]\ndate: 2025-06' }),
        config: { themes: [{ id: 'scaling', question: 'Tell me about scaling a system' }] },
      },
    ],
  },
  messages: (n) => [message(n, n + 1)],
  check(ctx) {
    const { questions } = ctx.story.meta;
    if (!questions) return;
    const ids = new Set(ctx.config.themes.map((t) => t.id));
    const known = new Set(questions.map((q) => q.toLowerCase()).filter((q) => ids.has(q)));
    if (known.size >= ctx.options.min) return;
    ctx.report({
      message: message(known.size, ctx.options.min),
      span: metaSpan(ctx.story, ctx.story.meta.keys.questions ? 'questions' : 'themes'),
      data: { count: known.size },
    });
  },
};
