// The engine's public surface. Everything here is pure: text and configuration in, data out.
export * from './types';
export { parseDocument } from './parse';
export { lintText, today, type LintResult, type LintOptions, type RuleError, type TextChange } from './lint';
export { lintEdit } from './edit';
export { prepareText } from './markdown';
export { resolveConfig, parseConfigText, validateConfig, DEFAULTS, SEVERITIES, type StarlintConfig, type ResolvedConfig, type ConfigProblem } from './config';
export { analyzeBank, practiceStatus, PRACTICE_DAYS, type BankReport, type BankStory, type BankFile, type BankFinding, type CoverageRow, type CompositionRow, type PracticeStatus, type FollowUpReadiness } from './bank';
export { scoreStory, formatScore, scoreText, scoreValue, type Score, type Criterion } from './score';
export { findPlaceholders, findTagPlaceholders, sectionPlaceholders, onlyPlaceholders, titlePlaceholder, type Placeholder, type PlaceholderKind } from './placeholders';
export { findMetrics, hasNumber, type Metric } from './metrics';
export { LineIndex } from './lines';
export { ALL_RULES, STORY_RULES, BANK_RULES, ruleById } from './rules';
export { isBankRule, type AnyRule, type StoryRule, type BankRule, type RuleOption, type RuleExample } from './rule';
export { CATEGORIES, THEMES, COMPANIES, AMAZON_PRINCIPLES, FOLLOW_UPS, closest } from './domain';
export { SECTION_ALIASES, SECTION_TITLES } from './sections';
export const DOCS_BASE = 'https://github.com/starlint/starlint/blob/main/docs/rules/';
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
export { buildCards, cardsToHtml, cardsToMarkdown, type Card } from './cards';
export { markPracticedEdit, type TextEdit } from './practice';
