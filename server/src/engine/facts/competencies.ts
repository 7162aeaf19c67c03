// What a story shows, in the terms a job posting asks for: the company values (Amazon's
// Leadership Principles, Google's intellectual humility…) and the ML skills of SPEC §1. The bank
// computes both once per story; job-description matching and the mock-interview drill read them
// from BankStory, so every surface agrees on which story answers what.
import { valuesShown, storyText } from './values';
import { EXPERIMENT } from './cues';
import type { Story } from '../model/types';

export { valuesShown };

/**
 * A story shows an ML skill when its prose says so, or when its metadata files it there (a
 * `leadership` story shows leadership). The patterns are the words of a story, not of a job
 * posting: "I deployed", not "deploy models to production" (that lexicon is in match-lexicon.ts).
 */
const SKILL_SIGNALS: { id: string; text?: RegExp; action?: RegExp; categories?: string[]; themes?: string[] }[] = [
  // The experimentation rule's own test, on the Action, where SPEC §1 wants it.
  { id: 'ml:experimentation', action: EXPERIMENT },
  {
    id: 'ml:deployment',
    text: /\b(?:deploy(?:ed|ing|ment|s)?|in production|to production|production (?:traffic|system|model|pipeline)s?|shipped|launch(?:ed|es)?|rolled (?:it )?out|roll-?out|serving|served|inference|latency|p9[59]|monitor(?:ed|ing)?|canary|shadow mode|MLOps|retrain(?:ed|ing)?)\b/i,
  },
  {
    id: 'ml:data-quality',
    text: /\b(?:label(?:led|ed|ling|ing|s)?|annotat\w+|mislabell?ed|data quality|bad data|noisy (?:data|labels)|leak(?:age|ed)|(?:data|feature|concept) drift|drifted|schema (?:change|break)\w*|missing values|duplicates?|ground truth|data (?:issue|bug|error|problem|check|validation)s?|validation checks?|clean(?:ed|ing)? (?:the )?data|data contracts?)\b/i,
  },
  {
    id: 'ml:stakeholders',
    text: /\b(?:stakeholders?|product managers?|finance|legal|compliance|analysts?|executives?|(?:business|product|risk|support|marketing|sales|operations|policy|clinical|design) (?:team|partner|owner|lead|manager|org)s?)\b/i,
    categories: ['collaboration'],
    themes: ['cross-functional'],
  },
  {
    id: 'ml:leadership',
    text: /\b(?:mentor(?:ed|ing|s)?|coach(?:ed|ing)?|onboard(?:ed|ing)|junior|I led|led (?:a|the|two|three|four|five|\d+)\b|hired|tech lead|managed (?:a|the) team)/i,
    categories: ['leadership'],
    themes: ['leading-without-authority'],
  },
  {
    id: 'ml:ethics',
    text: /\b(?:ethic(?:s|al)|fair(?:ness|ly)?|unfair|discriminat\w+|disparate|protected (?:group|attribute|class)\w*|demographic|privacy|consent|harm(?:s|ful)?|responsible AI|safety|transparen(?:t|cy)|explainab\w+)\b/i,
    categories: ['ethics'],
    themes: ['ethics'],
  },
];

/** The ML skills a story shows (ML_SKILLS ids), from its prose, its category and its themes. */
export function skillsShown(story: Story, category: string | undefined, themes: string[]): string[] {
  const text = storyText(story);
  const action = story.star.action?.prose.text ?? '';
  return SKILL_SIGNALS.filter(
    (s) =>
      (s.categories !== undefined && category !== undefined && s.categories.includes(category)) ||
      (s.themes?.some((t) => themes.includes(t)) ?? false) ||
      (s.text?.test(text) ?? false) ||
      (s.action?.test(action) ?? false),
  ).map((s) => s.id);
}

/** The company values a story shows (COMPANY_VALUES ids). */
export function storyValues(story: Story): string[] {
  return valuesShown(storyText(story));
}
