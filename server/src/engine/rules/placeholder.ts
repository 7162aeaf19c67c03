import type { StoryRule } from './rule';
import { ex } from './examples';
import { sectionPlaceholders, titlePlaceholder, type Placeholder } from '../facts/placeholders';
import type { SectionKind } from '../model/types';

/** The sections a template fills with slots: the spoken answer. Follow-ups have their own rule. */
const CHECKED: SectionKind[] = ['situation', 'task', 'action', 'result', 'summary', 'deep-dive'];

/** The placeholder as quoted in a message: at most about 60 characters, cut between words. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 60) return flat;
  const cut = flat.lastIndexOf(' ', 58);
  return `${flat.slice(0, cut > 30 ? cut : 58).replace(/[\s,;:.]+$/, '')}…`;
}

/** What to say about one placeholder: what it is and what to write instead. */
export function message(p: Pick<Placeholder, 'kind' | 'text'>): string {
  const q = quote(p.text);
  switch (p.kind) {
    case 'title':
      return `Template title "${q}" is still here: give the story a title you will recognise in the bank.`;
    case 'instruction':
      return `Template instruction "${q}" is still here: write what happened instead, in your own words, and delete the instruction.`;
    case 'ellipsis':
      return `"${q}" stands where the story should be: write this part, or delete it.`;
    case 'marker':
      return /X/.test(q) && !/XXX/.test(q)
        ? `"${q}" is a number left to fill in: write the real figure.`
        : `"${q}" marks unfinished writing: finish this part of the story, then delete the marker.`;
    default:
      return `Template placeholder "${q}" is still here: replace it with what really happened, in your own words.`;
  }
}

export const rule: StoryRule = {
  id: 'placeholder',
  description:
    'A template placeholder is left in the story: `[…]`, `<…>`, TODO, TBD, `X%`, or a template instruction such as "Describe the situation" or "What was your role?".',
  rationale:
    'A story started from a template keeps the template\'s slots until you replace them — `[Describe the situation]`, `<your result here>`, `TODO`, `X%`, an instruction such as "Describe the context…" or a question to you such as "What was your role?". An interviewer never hears those, and a score computed over them means nothing: while any is left the strength score shows "draft" (in the Story Bank, the hover, `starlint --bank` and the cue cards). Citations such as `[1]`, links, task boxes, HTML such as `<br>`, code, and real words in brackets ("he said [the model] was fine") are not placeholders. The Follow-ups section is left to `follow-up-prep`.',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({ situation: '«[Describe the situation: the team, the product, the stakes.]»' }),
      ex({ task: '«What was your role?»' }),
      ex({ situation: '«Describe the context and why it mattered.» Our checkout team saw fraud losses climb after a new payment method launched.' }),
      ex({
        result:
          'Fraud losses fell by «X%» a month and precision rose from 0.61 to 0.78. I learned to agree on the metric with the business before modelling; the review template is now used by two teams.',
      }),
      ex({
        action:
          '«TODO»: the A/B test. I compared three options against the current rules as a baseline and chose gradient-boosted trees because analysts needed explanations.',
      }),
      ex({
        result:
          'Fraud losses fell from «<before>» to «<after>» a month. I learned to agree on the metric with the business before modelling; the review template is now used by two teams.',
      }),
      ex({ task: '«…»' }),
      ex({ title: '«Story title»' }),
      ex({ title: 'Fraud model at «[company name]»' }),
      // A long placeholder is quoted up to the last word break before 60 characters, its trailing punctuation dropped…
      ex({ situation: '«[Describe the situation: the team, the risk, stakes... especially why it mattered to you]»' }),
      // …and cut at 58 characters when the last word break comes too early; runs of spaces are quoted as one.
      ex({ situation: '«[Describe  the whole situation: fraud-losses-after-the-new-payment-method-launch]»' }),
    ],
    silent: [
      ex(),
      ex({
        situation:
          'Our checkout team [1] at a mid-size retailer saw fraud losses climb after a new payment method launched, as the [quarterly report](https://example.com/q3) showed [2, 3].',
      }),
      ex({
        task: 'I owned the fraud model [the one the risk team relied on] and had to cut losses without blocking good customers.<br>My manager called it "the [sic] hardest problem".',
      }),
      ex({ after: '## Follow-ups\n\n- **What would you do differently?** I would involve the analysts a week earlier.\n- [ ] rehearse with a friend' }),
      // The Follow-ups section is follow-up-prep's to judge, placeholders and all.
      ex({ after: '## Follow-ups\n\n- **What would you do differently?** TODO' }),
      ex({
        action:
          'I compared three options against the current rules as a baseline, wrote `<Model>` wrappers for each, and chose gradient-boosted trees because analysts needed explanations. Describe-first reviews became my habit.',
      }),
    ],
  },
  check(ctx) {
    const { story, doc } = ctx;
    if (story.titleSpan) {
      const t = titlePlaceholder(doc.text.slice(story.titleSpan.start, story.titleSpan.end));
      if (t) ctx.report({ message: message(t), span: { start: story.titleSpan.start + t.start, end: story.titleSpan.start + t.end } });
    }
    for (const section of story.sections) {
      if (!CHECKED.includes(section.kind)) continue;
      for (const p of sectionPlaceholders(section, doc.text)) ctx.report({ message: message(p), span: p.span, data: { kind: p.kind } });
    }
  },
};
