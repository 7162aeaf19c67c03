// The score's shape and its one-line-per-criterion text: shared by the engine, the language
// server and the VS Code client. No dependencies, so the extension can show a score without
// bundling the engine (the server computes it).

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
}

/** One line per criterion, the same wherever the score is shown (tree tooltip, hover, CLI). */
export function formatScore(score: Score): string[] {
  return [
    `Strength ${score.total}/100`,
    ...score.criteria.map((c) => `${c.label} ${c.points}/${c.max}${c.notes.length ? ` — ${c.notes.join('; ')}` : ''}`),
  ];
}
