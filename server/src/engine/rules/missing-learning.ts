import type { StoryRule } from './rule';
import { lessonPart, sectionSentences, starSection } from '../model/text';
import { ex } from './examples';
import { LESSON } from '../facts/cues';

// A pitch, not a lesson: what the story shows the interviewer about the writer ("Key takeaway:
// This demonstrates my ability to…", "Key takeaway: Showed you can lead under pressure", "You
// care about…"). It is the same sentence under a lesson label or after "takeaway:".
const LABEL_BEFORE = /^[^:]{0,60}\btake-?aways?\b[^:]{0,40}:\s*/i;
const PITCH =
  /^(?:(?:this|it|that)\s+(?:story\s+|experience\s+|project\s+)?(?:demonstrates|shows|showcases|highlights|proves|illustrates|reflects)\s+(?:my|how I|that I|I)\b|(?:showed|shows|demonstrated|demonstrates|proved|proves)\s+(?:that\s+)?(?:you|I|my)\b|you(?:['’]re|\s+are|\s+can|\s+think|\s+care|\s+know|\s+have|\s+show|\s+model|\s+take|\s+bring)\b)/i;

function isPitch(sentence: string): boolean {
  return PITCH.test(sentence.trim().replace(LABEL_BEFORE, ''));
}

export const rule: StoryRule = {
  id: 'missing-learning',
  description:
    'The Result states no lesson (learned, lesson, takeaway, insight, realized, taught me, going forward…). A pitch under a lesson label ("Key takeaway: This demonstrates my ability to…") is no lesson.',
  rationale:
    'Interviewers ask "what did you learn?" of every story, and of failure stories above all. Close the Result with the specific lesson and how it changed what you do.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month and precision rose from 0.61 to 0.78. The review template is now used by two other teams.',
      }),
      // "Learning" in the name of the field is no lesson.
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month. The machine learning model now runs in every market and sets the deep learning roadmap.',
      }),
      // A pitch of what the story shows about you is no lesson, under a lesson label or not.
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month.\n\n**Key takeaway:** This demonstrates my ability to turn vague goals into measurable models and deliver actionable insights.',
      }),
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month. Key takeaway for the hiring team: shows you can lead a model launch under pressure.',
      }),
    ],
    silent: [
      ex(),
      ex({ result: 'Losses fell from $80K to $35K a month. Going forward, I agree on the metric with the business before modelling.' }),
      ex({ result: 'Losses fell by 55%. It was a good learning experience.' }),
      ex({ result: null }),
      // A lesson section says it, whatever its words.
      ex({ result: 'Losses fell by 55%.\n\n**Key takeaway:** Testing is not enough; production data drifts.' }),
      // A pitch beside a lesson does not hide the lesson.
      ex({
        result:
          'Losses fell by 55%.\n\n**Key takeaway:** This shows my ability to ship under pressure. I learned to agree on the metric with finance before training.',
      }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    if (!section) return;
    // A sentence with a lesson cue states a lesson, unless it is a pitch.
    if (sectionSentences(section).some((s) => LESSON.test(s.text) && !isPitch(s.text))) return;
    // A lesson section with prose states a lesson, whatever its words (generic-learning judges
    // them), unless all it says is a pitch.
    const part = lessonPart(section);
    if (part && !sectionSentences(part).every((s) => isPitch(s.text) || !/\p{L}/u.test(s.text))) return;
    ctx.report({
      message: 'Result states no lesson: close with what you learned and how it changed what you do ("I learned to… and now I…").',
      span: section.marker,
    });
  },
};
