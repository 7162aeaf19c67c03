import type { ParsedDocument, Report, Severity, Story, StoryMeta } from '../model/types';
import type { ResolvedConfig, StarlintConfig } from '../lint/config';

/** One option of a rule: its type, its default, and a sentence for the docs and the schema. */
export interface RuleOption {
  type: 'number' | 'string' | 'string[]' | 'boolean';
  default: number | string | string[] | boolean;
  description: string;
  minimum?: number;
  maximum?: number;
}

/**
 * Examples live on the rule: they are its tests and its documentation. In a `fire` example every
 * finding the rule gives is marked with « and » around its exact span — the marks are the whole
 * set, so a finding too many or too few fails; the markers are removed before linting. A `silent`
 * example yields no finding of the rule.
 */
export type RuleExample = string | { markdown: string; config?: StarlintConfig };

export interface RuleExamples {
  fire: RuleExample[];
  silent: RuleExample[];
}

export interface StoryRuleContext {
  story: Story;
  doc: ParsedDocument;
  /** How many stories the file has (read this, not `doc.stories`, which may be built lazily). */
  storyCount: number;
  config: ResolvedConfig;
  /** The rule's options, defaults filled in. */
  options: Record<string, any>;
  /** Today as YYYY-MM-DD (the CLI's --today, or the real date). */
  today: string;
  report(report: Report): void;
}

export interface StoryRule {
  id: string;
  /** One line: when the rule fires. */
  description: string;
  /** Why an interviewer cares; a paragraph for the docs page. */
  rationale: string;
  severity: Severity;
  options: Record<string, RuleOption>;
  examples: RuleExamples;
  /**
   * The rule's message templates rendered with `n` of every counted thing (words, themes, stories,
   * items of a list). The wording test renders each with 0, 1 and 2 and checks its grammar; a
   * rule whose messages hold no count or list leaves it out.
   */
  messages?: (n: number) => string[];
  check(ctx: StoryRuleContext): void;
}

/** A story as the bank sees it: which file it is in, and its parse. */
export interface BankEntry {
  uri: string;
  story: Story;
  doc: ParsedDocument;
  /** The story's category and themes: as declared, else as inferred from its title and prose. */
  category?: string;
  themes: string[];
  /** What was inferred (the file does not say it). */
  inferred?: { category?: string; themes?: string[] };
}

export interface BankRuleContext {
  entries: BankEntry[];
  config: ResolvedConfig;
  options: Record<string, any>;
  today: string;
  /** Reports on a story (at a span in its file), or on the bank as a whole when entry is undefined. */
  report(entry: BankEntry | undefined, report: Report): void;
}

export interface BankRule {
  id: string;
  description: string;
  rationale: string;
  severity: Severity;
  options: Record<string, RuleOption>;
  /** Bank rules are tested through banks of several files: see test/bank.test.ts. */
  bank: true;
  /** As for story rules: the message templates rendered with `n` of every counted thing. */
  messages?: (n: number) => string[];
  check(ctx: BankRuleContext): void;
}

export type AnyRule = StoryRule | BankRule;

export function isBankRule(rule: AnyRule): rule is BankRule {
  return (rule as BankRule).bank === true;
}

/** The span a metadata finding points at: the key, else the metadata block, else the title. */
export function metaSpan(story: Story, key: string): { start: number; end: number } {
  const meta: StoryMeta = story.meta;
  return meta.keys[key]?.key ?? meta.span ?? story.titleSpan ?? { start: story.span.start, end: story.span.start + 1 };
}

/** The span a story-level finding points at: the title, else the first section marker. */
export function storySpan(story: Story): { start: number; end: number } {
  return story.titleSpan ?? story.sections[0]?.marker ?? story.meta.span ?? { start: story.span.start, end: story.span.start + 1 };
}
