import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { ex } from './examples';

const LASTING =
  /\b(?:adopt(?:ed|ion|s)?|establish(?:ed)?|templates?|process(?:es)?|still (?:use[sd]?|running|in use|in production|relies?|rely)|rolled out|roll-?out|playbooks?|standards?|standardi[sz]ed|(?:became|is now|now) (?:the )?(?:default|standard|part of)|reused|re-used|other teams|(?:company|org|organi[sz]ation)[- ]wide|runbooks?|frameworks?|institutionali[sz]ed|every team|onboarding|best practices?|guidelines?|checklists?|policy|policies|open-sourced|library|libraries|platform|became the basis|made (?:it )?permanent|expanded to|scaled to|(?:now|is|are) (?:required|mandatory)|required for (?:every|all)|for (?:every|all) (?:new )?(?:models?|teams?|projects?|launches)|still (?:in place|today)|to this day|ever since|became (?:a|our|the) \w+|permanent(?:ly)?|to (?:prevent|avoid|catch) (?:similar|future|repeat|recurring)|(?:prevent|avoid) (?:a )?recurrences?|(?:for|in) future (?:use|projects?|incidents?|launches|teams?|hires?|work))\b/i;

export const rule: StoryRule = {
  id: 'lasting-impact',
  description: 'The Result shows no lasting change (adopted, established, template, process, still uses, rolled out…) — the third "So what?".',
  rationale:
    'Apply "So what?" three times to a Result: the number, its business meaning, and what lasted — a process, a template, a tool other teams adopted. The third is what separates a senior story from a task list.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({
        result: '## «Result»\n\nFraud losses fell from $80K to $35K a month and precision rose from 0.61 to 0.78. I learned to agree on the metric first.',
      }),
    ],
    silent: [
      ex(),
      ex({ result: null }),
      // What outlives the story: a safeguard that stays, a pattern kept for future work.
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month. I added permanent monitoring to prevent similar incidents, and I learned to agree on the metric first.',
      }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    if (!section || LASTING.test(section.prose.text)) return;
    ctx.report({
      message: 'Result shows no lasting change: say what stayed — a process, a template, a tool other teams adopted, a system still in use.',
      span: section.marker,
    });
  },
};
