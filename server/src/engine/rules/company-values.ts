import { hasProse } from '../model/text';
import { storySpan, type StoryRule } from './rule';
import type { Company } from '../../../../shared/domain';
import { VALUES, storyText } from '../facts/values';
import { ex } from './examples';

export const rule: StoryRule = {
  id: 'company-values',
  description:
    'A target company is configured and the story does not show its value (Amazon: a Leadership Principle; Google: changed mind on evidence; Meta: speed; Anthropic/OpenAI: risks and trade-offs).',
  rationale:
    'Companies listen for different things. Set "targetCompany" (amazon, google, meta, anthropic, openai) to check each story for what that company values. A story may name its own target with `company:` in its metadata.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      { markdown: ex({ title: '«Fraud model»' }), config: { targetCompany: 'amazon' } },
      { markdown: ex({ title: '«Fraud model»' }), config: { targetCompany: 'anthropic' } },
      // The story's own `company:` wins over the configured one.
      {
        markdown: ex({ front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\ncompany: google', title: '«Fraud model»' }),
        config: { targetCompany: 'amazon' },
      },
    ],
    silent: [
      ex(),
      {
        markdown: ex({ action: 'I compared three options against a baseline; this was Dive Deep work. I chose trees because analysts needed explanations.' }),
        config: { targetCompany: 'amazon' },
      },
      {
        markdown: ex({
          front: 'category: project\nquestions: [challenging-project, ambiguity, proud]\ncompany: amazon',
          action: 'I compared three options against a baseline; this was Dive Deep work. I chose trees because analysts needed explanations.',
        }),
        config: { targetCompany: 'google' },
      },
    ],
  },
  check(ctx) {
    const company = ((ctx.story.meta.company?.toLowerCase() as Company | undefined) ?? ctx.config.targetCompany) as Company | undefined;
    if (!company || !VALUES[company]) return;
    if (!Object.values(ctx.story.star).some((s) => hasProse(s))) return;
    const value = VALUES[company];
    if (value.test(storyText(ctx.story))) return;
    ctx.report({ message: value.message, span: storySpan(ctx.story), data: { company } });
  },
};
