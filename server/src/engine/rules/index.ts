// The registry: one line per rule. Adding a rule is a new file in this folder and a line here.

import { rule as missingSection } from './missing-section';
import { rule as emptySection } from './empty-section';
import { rule as sectionOrder } from './section-order';
import { rule as sectionBalance } from './section-balance';
import { rule as storyLength } from './story-length';
import { rule as layerLength } from './layer-length';
import { rule as firstPerson } from './first-person';
import { rule as teamTask } from './team-task';
import { rule as resultMetric } from './result-metric';
import { rule as metricTypes } from './metric-types';
import { rule as unquantifiedClaim } from './unquantified-claim';
import { rule as vagueLanguage } from './vague-language';
import { rule as hedging } from './hedging';
import { rule as hypothetical } from './hypothetical';
import { rule as missingLearning } from './missing-learning';
import { rule as genericLearning } from './generic-learning';
import { rule as lastingImpact } from './lasting-impact';
import { rule as experimentation } from './experimentation';
import { rule as technicalLecture } from './technical-lecture';
import { rule as blame } from './blame';
import { rule as villain } from './villain';
import { rule as humbleBrag } from './humble-brag';
import { rule as companyValues } from './company-values';
import { rule as unknownCategory } from './unknown-category';
import { rule as unknownQuestion } from './unknown-question';
import { rule as missingMetadata } from './missing-metadata';
import { rule as versatility } from './versatility';
import { rule as recency } from './recency';
import { rule as followUpPrep } from './follow-up-prep';
import { rule as confidential } from './confidential';
import { rule as frontMatter } from './front-matter';
import { rule as inlineConfig } from './inline-config';
import { rule as largeFile } from './large-file';
import { rule as placeholder } from './placeholder';
import { BANK_RULES } from './bank-rules';
import type { AnyRule, StoryRule } from './rule';

export const STORY_RULES: StoryRule[] = [
  missingSection,
  emptySection,
  sectionOrder,
  sectionBalance,
  storyLength,
  layerLength,
  firstPerson,
  teamTask,
  resultMetric,
  metricTypes,
  unquantifiedClaim,
  vagueLanguage,
  hedging,
  hypothetical,
  missingLearning,
  genericLearning,
  lastingImpact,
  experimentation,
  technicalLecture,
  blame,
  villain,
  humbleBrag,
  companyValues,
  unknownCategory,
  unknownQuestion,
  missingMetadata,
  versatility,
  recency,
  followUpPrep,
  confidential,
  placeholder,
  frontMatter,
  inlineConfig,
  largeFile,
];

export { BANK_RULES };
export const ALL_RULES: AnyRule[] = [...STORY_RULES, ...BANK_RULES];
export const ruleById = new Map<string, AnyRule>(ALL_RULES.map((r) => [r.id, r]));
