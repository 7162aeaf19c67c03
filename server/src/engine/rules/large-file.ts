import type { StoryRule } from './rule';

// Reported by lint.ts when a file is larger than "maxFileSize": only the stories that fit are linted.
export const rule: StoryRule = {
  id: 'large-file',
  description: 'The file is larger than "maxFileSize" (1,000,000 characters by default); only the stories that fit were analysed.',
  rationale: 'starlint keeps the editor responsive on any file. A bank file that large should be split, one story per file.',
  severity: 'info',
  options: {},
  examples: { fire: [], silent: [] },
  check() {},
};
