import type { StoryRule } from './rule';
import { starSection } from '../model/text';
import { ex } from './examples';

// A change that outlived the story, said outright (SPEC §3).
const LASTING =
  /\b(?:adopt(?:ed|ion|s)?|establish(?:ed)?|still (?:use[sd]?|running|in use|in production|relies?|rely)|rolled out|roll-?out|standardi[sz]ed|(?:became|is now|now) (?:the )?(?:default|standard|part of)|reused|re-used|other teams|(?:company|org|organi[sz]ation)[- ]wide|institutionali[sz]ed|every team|open-sourced|became the basis|expanded to|scaled to|(?:now|is|are) (?:required|mandatory)|required for (?:every|all)|for (?:every|all) (?:new )?(?:models?|projects?|launches)|still (?:in place|today)|to this day|ever since|became (?:a|our|the) \w+|(?<!(?:from becoming|not|never|temporary|temporarily) )permanent(?:ly)?|to (?:prevent|avoid|catch) (?:similar|future|repeat|recurring)|(?:prevent|avoid) (?:a )?recurrences?|(?:for|in) future (?:use|projects?|incidents?|launches|teams?|hires?|work)|(?:is|are|was|were) (?:now )?in place|put in place|set the standard|became (?:policy|standard|practice|the norm)|part of (?:[\w-]+ ){0,2}(?:onboarding|process|workflow|playbook|checklist|template|review|routine)|(?:is|are|was|were) (?:now )?shared (?:with|by|across)|(?:is|are) shared\b|carried on|lives on|outlived|(?:stays?|stayed|remains?|remained) in use|continu(?:e|es|ed) to be used|in use (?:today|since)|(?:uses?|relies? on) (?:it |this |that |them )?(?:now|today|to this day)|\bnow (?:uses?|relies? on)|no (?:repeat|further|similar|new|more)\s*(?:incidents?|outages?|recurrences?|regressions?|repeats?) since|(?:changed|changes?|fix(?:ed|es)?|solutions?) (?:for the )?long[- ]term|long[- ]term (?:fix(?:es)?|changes?|solutions?|improvements?|safeguards?)|(?:in|into|to) (?:the |our )?CI(?:\/CD)?(?![\w/]))\b/gi;

// Things that may last — a process, a template, a checklist — count only where the story puts
// one in place ("I wrote a runbook", "set up a new review process", "added safety checks"): "the
// manual process was stopped", "met the quality standards" and "the platform" name no change.
const THINGS = String.raw`(?:templates?|process(?:es)?|playbooks?|standards?|runbooks?|frameworks?|onboarding|best practices?|guidelines?|checklists?|policy|policies|library|libraries|platform|tool(?:ing|s)?|dashboards?|alerts?|alerting|monitoring|safeguards?|guardrails?|checks|reviews?|rituals?|cadence|training)`;
const PUT_IN_PLACE = new RegExp(
  String.raw`\b(?:(?:created|create|built|wrote|written|introduced|implemented|enforced|set up|put in place|added|designed|documented|defined|formali[sz]ed|published|launched|instituted|started|automated|codified|turned (?:it|this|that|them) into)\s+(?:(?!(?:in|on|for|to|of|with|at|from|into|by|the fix)\b)[\w/-]+\s+){0,4}|\bnew\s+(?:[\w-]+\s+)?)${THINGS}\b`,
  'gi',
);

// "we did not adopt the tool", "was never rolled out", "didn't get reused": a lasting change denied.
const DENIED = /\b(?:not(?! only)|never|n['’]t|no longer)\s+(?:[\w-]+\s+){0,2}$/i;

/** Whether `re` (global) matches somewhere in `text` not denied by the words right before it. */
function affirmed(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!DENIED.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

export const rule: StoryRule = {
  id: 'lasting-impact',
  description:
    'The Result shows no lasting change (adopted, established, still in use, rolled out, a process, template or checklist put in place…) — the third "So what?". A word that only looks like one ("the manual process was stopped", "met the quality standards"), or one denied ("we did not adopt the tool"), does not count.',
  rationale:
    'Apply "So what?" three times to a Result: the number, its business meaning, and what lasted — a process, a template, a tool other teams adopted. The third is what separates a senior story from a task list.',
  severity: 'info',
  options: {},
  examples: {
    fire: [
      ex({
        result: '## «Result»\n\nFraud losses fell from $80K to $35K a month and precision rose from 0.61 to 0.78. I learned to agree on the metric first.',
      }),
      // Words that only look like a lasting change: nothing was put in place.
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month; we met the quality standards and the manual review process was stopped. I learned to agree on the metric first.',
      }),
      // A lasting change denied is none.
      ex({
        result:
          '## «Result»\n\nFraud losses fell from $80K to $35K a month, but the risk team did not adopt the scoring service and it was never rolled out further. I learned to agree on the metric first.',
      }),
    ],
    silent: [
      ex(),
      ex({ result: null }),
      // What outlives the story: a safeguard that stays, a pattern kept for future work.
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month. I added permanent monitoring to prevent similar incidents, and I learned to agree on the metric first.',
      }),
      // A process, a template, a checklist put in place by the story.
      ex({
        result: 'Fraud losses fell from $80K to $35K a month. I set up a new review process for every market, and I learned to agree on the metric first.',
      }),
      // Still used, in other words: what the team uses now, no repeat since, a check in CI.
      ex({
        result: 'Fraud losses fell from $80K to $35K a month; the scoring service is what the risk team uses now. I learned to agree on the metric first.',
      }),
      ex({ result: 'Fraud losses fell from $80K to $35K a month, with no repeat incidents since the rollback. I learned to agree on the metric first.' }),
      ex({ result: 'Fraud losses fell from $80K to $35K a month. I added the drift evals to CI/CD, and I learned to agree on the metric first.' }),
      // A denial that is not one.
      ex({
        result:
          'Fraud losses fell from $80K to $35K a month; the model was not only adopted by risk but also by payments. I learned to agree on the metric first.',
      }),
    ],
  },
  check(ctx) {
    const section = starSection(ctx.story, 'result');
    if (!section || affirmed(LASTING, section.prose.text) || affirmed(PUT_IN_PLACE, section.prose.text)) return;
    ctx.report({
      message: 'Result shows no lasting change: say what stayed — a process, a template, a tool other teams adopted, a system still in use.',
      span: section.marker,
    });
  },
};
