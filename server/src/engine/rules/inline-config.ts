import type { StoryRule } from './rule';
import { ex } from './examples';

// Reported by the directive reader (directives.ts), not by a check.
export const rule: StoryRule = {
  id: 'inline-config',
  description: 'A `<!-- starlint-disable … -->` comment names a rule that does not exist.',
  rationale: 'A misspelt rule id in a disable comment silently disables nothing. Use the ids listed in the README, or no ids to mean all rules.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [ex({ after: '<!-- starlint-disable «first-persn» -->' }), ex({ after: '<!-- starlint-disable first-person «first-persn» «hedgng» -->' })],
    silent: [ex({ after: '<!-- starlint-disable first-person -->' })],
  },
  check() {},
};
