// Bank-wide rules (SPEC §3): they judge the set of stories, not one story.
import { rule as bankSize } from './bank-size';
import { rule as bankComposition } from './bank-composition';
import { rule as uncoveredQuestion } from './uncovered-question';
import { rule as overusedStory } from './overused-story';
import { rule as duplicateMetric } from './duplicate-metric';
import type { BankRule } from './rule';

export const BANK_RULES: BankRule[] = [bankSize, bankComposition, uncoveredQuestion, overusedStory, duplicateMetric];
