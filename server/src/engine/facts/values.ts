// The company values a text shows: Amazon's Leadership Principles by name or by either half of a
// two-part name, and what each other target company listens for. The company-values rule, the
// bank's heat-map and job matching read them from here.
import { AMAZON_PRINCIPLES, COMPANIES, COMPANY_VALUES, principleId, type Company } from '../../../../shared/domain';
import { STAR_KINDS, type Story } from '../model/types';

// One pass over the text finds every phrase that names a principle ("Customer Obsession",
// "Have Backbone; Disagree and Commit" by either half), in any case, with either apostrophe.
const PHRASE_OF = new Map<string, string>();
for (const p of AMAZON_PRINCIPLES) for (const phrase of p.toLowerCase().split(/;\s*/)) PHRASE_OF.set(phrase.replace(/’/g, "'"), p);
const PRINCIPLE_PHRASES = new RegExp([...PHRASE_OF.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('|'), 'gi');

/** The principles `text` names, in the principles' own order. */
export function principlesIn(text: string): string[] {
  const seen = new Set<string>();
  PRINCIPLE_PHRASES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRINCIPLE_PHRASES.exec(text))) seen.add(PHRASE_OF.get(m[0].toLowerCase().replace(/’/g, "'")) as string);
  // In the principles' own order, as the heat-map lists them.
  return AMAZON_PRINCIPLES.filter((p) => seen.has(p));
}

/** What each target company listens for, and what to say when a story does not show it. */
export const VALUES: Record<Company, { test: (text: string) => boolean; message: string }> = {
  amazon: {
    test: (text) => principlesIn(text).length > 0,
    message: 'Amazon expects each story to show a Leadership Principle: name the one this story shows (e.g. "Dive Deep", "Ownership", "Disagree and Commit").',
  },
  google: {
    test: (text) =>
      /\b(?:changed my mind|I was wrong|proved me wrong|(?:the )?(?:data|evidence|results?) (?:showed|convinced|proved|suggested)|updated my (?:view|belief|assumption)s?|reconsidered|revised my|admitted|I had assumed|contrary to my)\b/i.test(
        text,
      ),
    message: 'Google values intellectual humility: show where the evidence changed your mind ("the offline results proved my first idea wrong, so I…").',
  },
  meta: {
    test: (text) =>
      /\b(?:quick(?:ly)?|fast(?:er)?|speed|rapid(?:ly)?|within (?:a|one|two|\d+) (?:days?|weeks?)|in (?:a|one|two|\d+) (?:days?|weeks?)|shipped|MVP|prototype|iterat\w+|move fast|bias for action|same day|overnight)\b/i.test(
        text,
      ),
    message: 'Meta values speed: show how you shipped a quick experiment or iterated fast ("I shipped a two-day prototype to 1% of users").',
  },
  anthropic: {
    test: (text) => riskAndTradeoff(text),
    message: 'Anthropic values careful reasoning about risks and trade-offs: name the risks you weighed and the trade-off you chose.',
  },
  openai: {
    test: (text) => riskAndTradeoff(text),
    message: 'OpenAI values careful reasoning about risks and trade-offs: name the risks you weighed and the trade-off you chose.',
  },
};

function riskAndTradeoff(text: string): boolean {
  const risk = /\b(?:risks?|risky|safety|harms?|failure modes?|downsides?|mitigat\w+|misuse|red[- ]team\w*|worst case)\b/i.test(text);
  const tradeoff = /\b(?:trade-?offs?|traded|at the cost of|in exchange for|weighed|balanced?|versus|vs\.?|rather than|instead of)\b/i.test(text);
  return risk && tradeoff;
}

/**
 * The company values a story's text shows, as COMPANY_VALUES ids: each Amazon Leadership
 * Principle it names, and the value of every other company whose test it passes.
 */
export function valuesShown(text: string): string[] {
  const ids = principlesIn(text).map(principleId);
  for (const company of COMPANIES) {
    if (company === 'amazon' || !VALUES[company].test(text)) continue;
    for (const v of COMPANY_VALUES) if (v.company === company) ids.push(v.id);
  }
  return ids;
}

export function storyText(story: Story): string {
  return [...STAR_KINDS.map((k) => story.star[k]?.prose.text ?? ''), story.layers.summary?.prose.text ?? ''].join('\n\n');
}
