import type { StoryRule } from './rule';
import { reportMatches, sectionSentences, starSection } from '../model/text';
import type { Section } from '../model/types';
import { ex } from './examples';

const GENERIC = new RegExp(
  [
    String.raw`\b(?:it|this|that) was (?:a |an )?(?:really |very |truly )?(?:good|great|valuable|amazing|huge|important|real|interesting) learning (?:experience|opportunity)`,
    String.raw`\b(?:a|an) (?:good|great|valuable|amazing|huge) learning (?:experience|opportunity)`,
    String.raw`\bI learned (?:a lot|so much|a ton|many things|a great deal|lots)\b(?! about\s+\w+\s+\w+)`,
    String.raw`\b(?:communication|teamwork|collaboration|planning|hard work|attention to detail) (?:is|are) (?:really |very |so )?(?:important|key|crucial|essential|vital)\b`,
    String.raw`\bI learned the importance of (?:communication|teamwork|collaboration|hard work|planning)\b`,
  ].join('|'),
  'gi',
);

// The shape of a generic lesson: a lesson verb whose object is a virtue — "the importance of
// thorough testing", "that communication is key" — in a few words, with no change of practice
// nearby. "I learned the importance of agreeing the label definition with finance before
// training" names a practice; "since then I write the metric down first" is one.
const LESSON_OF_VIRTUE =
  /\b(?:learn(?:ed|t)|taught me|showed me|reminded me|reali[sz]ed|understood|my (?:biggest |main |key )?(?:lesson|takeaway) (?:was|is))\b[^.;:]{0,40}?\b(?:(?:the )?(?:importance|value|power|need|necessity) of ([^.;:!?]+)|that ([^.;:!?]+?) (?:is|are|was|were) (?:really |very |so |truly |extremely )?(?:important|key|crucial|essential|vital|critical|invaluable|everything)\b)/i;
const VIRTUE_WORDS = 5;
// A concrete change of practice: what the writer does now, or has done since.
const PRACTICE =
  /\b(?:now I|I now|since then|ever since|these days|from then on|going forward|next time|I (?:always|never|started|began|make sure|insist|write|set|ask|add|run|check|schedule|keep)|before (?:I|we) |whenever I|every time I|I have since|(?:my|our) (?:team|process|checklist|template)\b)/i;

// A lesson told in words that name only virtues (SPEC §3): "I learned how planning and
// collaboration help with organization and success". Any other content word — a tool, a team, a
// number, a practice — makes the lesson specific.
// "I learned…", and "Learned…" opening a clause, as in notes ("Finished on time & learned how…").
const LESSON_VERB = /(?:\bI(?: have|['’]ve)?(?: also)? |(?:^|[&;,]|\band)\s*)(?:learn(?:ed|t)|reali[sz]ed|understood)\b|\b(?:taught|showed|reminded) me\b/i;
const VIRTUES = new Set(
  (
    'communication communicating collaboration collaborating teamwork cooperation planning organization organisation prioritization prioritisation ' +
    'listening patience empathy trust transparency honesty openness respect flexibility adaptability persistence perseverance resilience ' +
    'ownership accountability leadership feedback preparation focus discipline humility consistency alignment'
  ).split(' '),
);
const VIRTUE_GLUE = new Set(
  (
    'a an the and or of to with in how that what why can could will help helps helped make makes lead leads is are was were be it its ' +
    'really very so much more truly always important importance key crucial essential vital value power good great strong clear ' +
    'open honest effective better success successful results outcomes goals progress productivity everyone people team teams work ' +
    'working together common ground time management other others each things matter matters achieve'
  ).split(' '),
);

// A lesson announced and never given: "I learned a valuable lesson.", "This taught me some
// important lessons from the project." — as the Result's last sentence, with nothing after it.
// "I learned a valuable lesson: …" goes on, and is not one.
const ANNOUNCED_LESSON =
  /\b(?:I(?: have|['’]ve)?(?: also)? (?:learned|learnt)|(?:it|this|that|the (?:experience|project|incident|outage|mistake|failure)) (?:taught|gave) me)\s+(?:(?:a|an|some|many|several|a few|a lot of|lots of)\s+)?(?:(?:really|very|truly)\s+)?(?:valuable|important|great|key|big|hard|useful|good|crucial|many|several|painful|humbling)\s+lessons?(?=\s*(?:(?:from|through|in|out of|on|during)\s+(?:this|that|it|the\s+[\w-]+)\s*)?[.!]*\s*$)/i;

/** Whether the words after a lesson verb name only virtues, and at least one. */
function onlyVirtues(words: string[]): boolean {
  let virtues = 0;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (VIRTUES.has(w)) virtues++;
    else if (!VIRTUE_GLUE.has(w)) return false;
  }
  return virtues > 0;
}

export const rule: StoryRule = {
  id: 'generic-learning',
  description:
    'The lesson is empty: "it was a good learning experience", "I learned a lot", or a virtue learned ("the importance of testing", "that ownership is key") with no change of practice beside it.',
  rationale:
    'A generic lesson is as good as none, and interviewers hear it daily. Say the specific thing you do differently now: "I now agree the success metric with the business before I train anything."',
  severity: 'warning',
  options: {},
  examples: {
    fire: [
      ex({ result: 'Fraud losses fell from $80K to $35K a month. «It was a good learning experience».' }),
      ex({ result: 'Losses fell by 55%. «Communication is important».' }),
      ex({ result: 'Losses fell by 55%. The outage «taught me the importance of thorough testing and humility».' }),
      ex({ result: 'Losses fell by 55%. I «learned that clear ownership is key».' }),
      // A virtue of five words, the most that still reads as a virtue.
      ex({ result: 'Losses fell by 55%. I «learned the importance of thorough and honest code review».' }),
      // A gerund of two words is a virtue too ("testing thoroughly"), not a practice.
      ex({ result: 'Losses fell by 55%. I «learned the importance of testing thoroughly».' }),
      // A lesson in nothing but virtues, however it is phrased.
      ex({ result: 'Losses fell by 55%. «I learned how planning and collaboration help with organization and success».' }),
      ex({ result: 'Losses fell by 55%. «I realized how much teamwork and open communication matter».' }),
      ex({ result: 'Losses fell by 55%. Finished on time and «learned how patience and empathy help with success»...' }),
      ex({ result: "Losses fell by 55%. In the end «I've learned how ownership and accountability lead to results»!" }),
      // The practice before the lesson is another story's: the lesson after it is still generic.
      ex({ result: 'Losses fell by 55%. I now run a weekly review. «I also learned how feedback and trust matter».' }),
      // One finding for a lesson that is generic twice over.
      ex({ result: 'Losses fell by 55%. «I learned the importance of communication».' }),
      // A virtue qualified ("in design reviews…") is still a virtue.
      ex({ result: 'Losses fell by 55%. It «taught me the importance of humility in design reviews with senior engineers».' }),
      // "single" holds "ing" but is no gerund.
      ex({ result: 'Losses fell by 55%. It «taught me the importance of single clear owners».' }),
      // A practice said before the lesson, in the same sentence, does not change it.
      ex({ result: 'Losses fell by 55%. Looking back, I now see that the outage «taught me the importance of humility».' }),
      ex({ result: 'Losses fell by 55%. I «realised that feedback is key».' }),
      ex({ result: 'Losses fell by 55%. «My lesson was that ownership is key».' }),
      ex({ result: 'Losses fell by 55%. I «learned early on that ownership is key».' }),
      // A lesson announced and never given.
      ex({ result: 'Losses fell by 55%. «I learned a valuable lesson».' }),
      ex({ result: 'Losses fell by 55% after the launch. «The outage taught me some really important lessons» from the project.' }),
    ],
    silent: [
      ex(),
      // A virtue followed by the practice that changed.
      ex({ result: 'Losses fell by 55%. It taught me the importance of testing. Since then I run a shadow week before every launch.' }),
      // Six words name a thing, not a virtue.
      ex({ result: 'Losses fell by 55%. I learned the importance of a shared label glossary between teams.' }),
      // A lesson whose object is itself a practice.
      ex({ result: 'Losses fell by 55%. I learned the importance of agreeing the label definition with finance before training anything.' }),
      // A virtue with a specific thing in it.
      ex({ result: 'Losses fell by 55%. I learned that communication with the data team early saves two weeks of relabelling.' }),
      // A lesson with no virtue in it.
      ex({ result: 'Losses fell by 55%. I learned that it matters.' }),
      // A virtue lesson followed by the practice it changed.
      ex({ result: 'Losses fell by 55%. I learned how planning and teamwork matter. Since then I write the plan before the kickoff.' }),
      // A lesson announced and then given.
      ex({ result: 'Losses fell by 55%. I learned a valuable lesson: agree the label definition with finance before training anything.' }),
      // A gerund of three words is a practice.
      ex({ result: 'Losses fell by 55%. I learned the importance of testing every change.' }),
      // An announced lesson that the next sentence gives.
      ex({ result: 'Losses fell by 55%. I learned a valuable lesson. Now I agree the label definition with finance before training anything.' }),
    ],
  },
  check(ctx) {
    const sections = [starSection(ctx.story, 'result')].filter((s): s is Section => !!s);
    const message = 'This lesson is generic: name the specific thing you now do differently, and why.';
    reportMatches(ctx, sections, GENERIC, () => message);
    for (const section of sections) {
      const list = sectionSentences(section);
      list.forEach((sentence, i) => {
        GENERIC.lastIndex = 0;
        if (GENERIC.test(sentence.text)) return; // reported above
        const announced = i === list.length - 1 ? ANNOUNCED_LESSON.exec(sentence.text) : null;
        if (announced) {
          const start = sentence.start + announced.index;
          ctx.report({ message, span: section.prose.span(start, start + announced[0].length) });
          return;
        }
        const m = LESSON_OF_VIRTUE.exec(sentence.text);
        if (!m) {
          const v = LESSON_VERB.exec(sentence.text);
          if (!v) return;
          const after = sentence.text.slice(v.index + v[0].length);
          if (!onlyVirtues(after.match(/[\p{L}'’-]+/gu) ?? []) || PRACTICE.test(after) || PRACTICE.test(list[i + 1]?.text ?? '')) return;
          // The span starts at the lesson itself, not at the "and" or ";" before it.
          const start = sentence.start + v.index + (/^(?:[&;,]|and)?\s*/i.exec(v[0])?.[0].length ?? 0);
          ctx.report({ message, span: section.prose.span(start, sentence.start + sentence.text.trimEnd().replace(/[.!?]+$/, '').length) });
          return;
        }
        // The virtue's head, before a qualifier ("humility in technical decisions"): a few words,
        // not an action with its object ("agreeing the label definition with finance").
        const words = (m[1] ?? m[2]).trim().split(/\s+/);
        const qualifier = words.findIndex((w, k) => k > 0 && /^(?:in|when|with|for|during|while|on|at|across)$/i.test(w));
        const head = qualifier > 0 ? words.slice(0, qualifier) : words;
        if (head.length > VIRTUE_WORDS || /\d/.test(head.join(' ')) || (/ing$/i.test(head[0]) && head.length >= 3)) return;
        // The lesson's own sentence, or the next one, may say what changed.
        if (PRACTICE.test(sentence.text.slice(m.index + m[0].length)) || PRACTICE.test(list[i + 1]?.text ?? '')) return;
        const start = sentence.start + m.index;
        ctx.report({ message, span: section.prose.span(start, start + m[0].length) });
      });
    }
  },
};
