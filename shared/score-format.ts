// The score's shape and its one-line-per-criterion text: shared by the engine, the language
// server and the VS Code client. No dependencies, so the extension can show a score without
// bundling the engine (the server computes it).
import { plural } from './wording';

/**
 * The strength score (0–100) of SPEC §6, from the selection criteria of SPEC §1: your role
 * (critical), specificity, relevance to ML/AI and versatility (high), complexity, outcome and
 * recency (medium). Each criterion shows its points and the reasons it lost any.
 */
export interface Criterion {
  id: 'role' | 'specificity' | 'relevance' | 'versatility' | 'complexity' | 'outcome' | 'recency';
  label: string;
  weight: 'critical' | 'high' | 'medium';
  points: number;
  max: number;
  notes: string[];
}

export interface Score {
  total: number;
  criteria: Criterion[];
  /**
   * Set while template placeholders are left in the story (the `placeholder` rule's findings):
   * the score is withheld and every surface shows "draft" instead of `total`.
   */
  draft?: { placeholders: number };
}

/** The score as a value in a table or a label: "72", or "draft" while placeholders are left. */
export function scoreValue(score: Score): string {
  return score.draft ? 'draft' : String(score.total);
}

/** The score with its scale: "72/100", or "draft". */
export function scoreText(score: Score): string {
  return score.draft ? 'draft' : `${score.total}/100`;
}

/**
 * One line per criterion, the same wherever the score is shown (tree tooltip, hover, CodeLens,
 * CLI, cue cards): the first line is the headline. A draft shows no points, only what to do.
 */
export function formatScore(score: Score): string[] {
  if (score.draft) {
    const n = score.draft.placeholders;
    return [
      `Strength: draft (${plural(n, 'template placeholder')} left)`,
      `The score shows once ${n === 1 ? 'the placeholder is' : 'every placeholder is'} replaced with your own words (rule placeholder).`,
    ];
  }
  return [`Strength ${score.total}/100`, ...score.criteria.map((c) => `${c.label} ${c.points}/${c.max}${c.notes.length ? ` — ${c.notes.join('; ')}` : ''}`)];
}
