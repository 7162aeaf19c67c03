// The engine's public surface. Everything here is pure: text and configuration in, data out;
// createEngine binds the same functions to caches an engine owns.
export { createEngine, type Engine, type EngineOptions, type EngineLintOptions } from './engine';
export * from './model/types';
export { parseDocument } from './model/stories';
export { lintText, today, type LintResult, type LintOptions, type RuleError, type TextChange } from './lint/lint';
export { lintEdit } from './lint/edit';
export { applyFixes, fixText, MAX_PASSES, type FixOutcome } from './lint/fix';
export {
  resolveConfig,
  parseConfigText,
  validateConfig,
  DEFAULTS,
  MAX_FILE_SIZE_LIMIT,
  SEVERITIES,
  type StarlintConfig,
  type ResolvedConfig,
  type ConfigProblem,
} from './lint/config';
export { compileGlob, globMatcher, GLOB_LIMITS, type GlobCheck } from './lint/glob';
export { parseConfigFile, type ConfigFileProblem } from './lint/config-file';
export {
  analyzeBank,
  practiceStatus,
  PRACTICE_DAYS,
  type BankReport,
  type BankStory,
  type BankFile,
  type BankFinding,
  type CoverageRow,
  type CompositionRow,
  type PracticeStatus,
  type FollowUpReadiness,
} from './bank/bank';
export { scoreStory, formatScore, scoreText, scoreValue, type Score, type Criterion } from './bank/score';
export {
  findPlaceholders,
  findTagPlaceholders,
  sectionPlaceholders,
  onlyPlaceholders,
  titlePlaceholder,
  type Placeholder,
  type PlaceholderKind,
} from './facts/placeholders';
export { findMetrics, hasNumber, type Metric } from './facts/metrics';
export { LineIndex } from './syntax/lines';
export { ALL_RULES, STORY_RULES, BANK_RULES, ruleById } from './rules';
export { isBankRule, type AnyRule, type StoryRule, type BankRule, type RuleOption, type RuleExample } from './rules/rule';
export { CATEGORIES, THEMES, COMPANIES, AMAZON_PRINCIPLES, FOLLOW_UPS, closest } from '../../../shared/domain';
export { SECTION_ALIASES, SECTION_TITLES } from './model/labels';
export const DOCS_BASE = 'https://github.com/starlint/starlint/blob/main/docs/rules/';
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
export { buildCards, cardsToHtml, cardsToMarkdown, type Card } from './bank/cards';
export { markPracticedEdit, type TextEdit } from './bank/practice';
