import type { StoryRule } from './rule';

// Reported by the parser (parse.ts), not by a check: this object carries the rule's metadata.
export const rule: StoryRule = {
  id: 'front-matter',
  description: 'The YAML front matter (or a `<!-- story … -->` comment) cannot be read: invalid YAML, not a mapping, or not closed.',
  rationale:
    'Broken metadata would silently drop the story from the bank. starlint names the line and the problem and lints the rest of the story with no metadata until it is fixed.',
  severity: 'error',
  options: {},
  examples: {
    fire: ['---\ncategory: project\n«questions: [failure»\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n'],
    silent: ['---\ncategory: project\nquestions: [failure]\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n'],
  },
  check() {},
};
