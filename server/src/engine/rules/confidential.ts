import type { StoryRule } from './rule';
import { ex } from './examples';
import { storySource } from '../model/stories';

export const rule: StoryRule = {
  id: 'confidential',
  description: 'A term from the configured redact list (client names, internal project code names) appears in a story.',
  rationale:
    'Interview stories should not leak a client\'s name or an internal code name. List the terms in "redact" in .starlintrc.json (case-insensitive, whole words) and starlint flags every use — in the title, the metadata and the prose.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      { markdown: ex({ situation: 'Our checkout team at «Acme» saw fraud losses climb after a new payment method launched.' }), config: { redact: ['Acme'] } },
      // Every use, in any case, the title included.
      {
        markdown: ex({ title: 'Fraud model at «Acme»', situation: 'Our checkout team at «acme» saw fraud losses climb after «Acme» Pay launched.' }),
        config: { redact: ['Acme'] },
      },
    ],
    silent: [
      ex(),
      { markdown: ex(), config: { redact: ['Acme'] } },
      // Whole words only.
      {
        markdown: ex({ situation: 'Our checkout team at Acmeland saw fraud losses climb after a new payment method launched.' }),
        config: { redact: ['Acme'] },
      },
    ],
  },
  check(ctx) {
    const terms = ctx.config.redact;
    if (terms.length === 0) return;
    const { span } = ctx.story;
    const body = storySource(ctx.story);
    for (const term of terms) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
      let m: RegExpExecArray | null;
      while ((m = re.exec(body))) {
        const start = span.start + m.index;
        ctx.report({
          message: `"${m[0]}" is on your redact list: replace it with a neutral description ("a large retailer", "the payments project").`,
          span: { start, end: start + m[0].length },
        });
      }
    }
  },
};
