import { STAR_KINDS } from '../model/types';
import { SECTION_TITLES } from '../model/labels';
import { storySpan, type StoryRule } from './rule';
import { ex } from './examples';
import { addSectionTitle, insertSection } from '../facts/edits';
import { answerSection } from '../model/text';
import { inferBoundaries, labelPlaces } from '../facts/evidence';
import type { Section, StarKind } from '../model/types';

/**
 * Where each STAR part of an answer told without labels most likely begins, and the labels to
 * insert (one per place: a short answer gets fewer than four), at source offsets.
 */
function readUnlabelled(answer: Section): { boundaries: Record<StarKind, number>; labels: Array<{ kind: StarKind; at: number }> } {
  const text = answer.prose.text;
  const at = inferBoundaries(text);
  const source = (offset: number): number => answer.prose.span(offset, offset + 1).start;
  return {
    boundaries: Object.fromEntries(STAR_KINDS.map((k) => [k, source(at[k])])) as Record<StarKind, number>,
    labels: labelPlaces(text, at).map(({ kind, at: offset }) => ({ kind, at: source(offset) })),
  };
}

const TIPS = {
  situation: 'the context, the team and the stakes (~15–20 % of the story)',
  task: 'your own role and goal (~10–15 %)',
  action: 'what you did and why — the core of the story (~50–60 %)',
  result: 'the measured outcome and what you learned (~15–20 %)',
};

export const rule: StoryRule = {
  id: 'missing-section',
  description: 'A story lacks one of the four STAR sections: Situation, Task, Action, Result.',
  rationale:
    'Interviewers listen for all four parts. A story without a Task hides your role; one without a Result never lands. The section may be a heading (`## Task`) or a label (`**Task:** …`); aliases such as Context, Goal, Approach and Outcome count.',
  severity: 'error',
  options: {},
  examples: {
    fire: [
      ex({ title: '«Fraud model»', task: null }),
      ex({ title: '«Fraud model»', situation: null }),
      '# «Churn model»\n\n**Situation:** Churn rose.\n\n**Action:** I built a model.\n\n**Result:** Churn fell from 9% to 6%.\n',
      // Each missing section is its own finding, all at the title.
      ex({ title: '«««Fraud model»»»', task: null, action: null, result: null }),
      // An answer told without labels is one finding, not four.
      '# «Tell me about a time you failed»\n\nLast spring I shipped a churn model without a holdout, and it looked great until renewals came in. I rebuilt the evaluation with a held-out month, and churn fell from 9% to 6%. Now I never ship without a holdout.\n',
    ],
    silent: [ex(), '# Churn\n\nContext: Churn rose.\nGoal: I had to cut it.\nApproach: I built a model.\nOutcome: churn fell from 9% to 6%.\n'],
  },
  check(ctx) {
    const answer = answerSection(ctx.story);
    if (answer) {
      // An answer told without labels: one finding, and where the four parts most likely begin.
      const { boundaries, labels } = readUnlabelled(answer);
      ctx.report({
        message:
          'No STAR sections found: mark where the Situation, Task, Action and Result begin ("**Situation:** …") so each part can be checked — the quick fix suggests places.',
        span: storySpan(ctx.story),
        data: { unlabelled: true, boundaries },
        // Where the parts begin is a reading of the prose: a suggestion, never applied unasked.
        suggestions: [
          {
            title: 'Label the Situation, Task, Action and Result where the answer turns',
            edits: labels.map(({ kind, at }) => ({ start: at, end: at, text: `**${SECTION_TITLES[kind]}:** ` })),
          },
        ],
      });
      return;
    }
    for (const kind of STAR_KINDS) {
      if (ctx.story.star[kind]) continue;
      const name = SECTION_TITLES[kind];
      ctx.report({
        message: `Story has no ${name} section: add "## ${name}" with ${TIPS[kind]}.`,
        span: storySpan(ctx.story),
        data: { kind },
        // The section's skeleton in the story's own style, with a prompt as a comment: no prose.
        fix: { title: addSectionTitle(kind), edits: [insertSection(ctx.doc.text, ctx.story, kind)] },
      });
    }
  },
};
