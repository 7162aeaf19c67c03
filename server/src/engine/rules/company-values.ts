import { hasProse } from '../model/text';
import { storySpan, type StoryRule } from './rule';
import type { Company } from '../../../../shared/domain';
import { principlesIn } from '../facts/values';
import { STAR_KINDS, type Story } from '../model/types';
import { ex } from './examples';

const VALUES: Record<Company, { test: (text: string) => boolean; message: string }> = {
  amazon: {
    test: (text) => principlesIn(text).length > 0,
    message: 'Amazon expects each story to show a Leadership Principle: name the one this story shows (e.g. "Dive Deep", "Ownership", "Disagree and Commit").',
  },
  google: {
    test: (text) => /\b(?:changed my mind|I was wrong|proved me wrong|(?:the )?(?:data|evidence|results?) (?:showed|convinced|proved|suggested)|updated my (?:view|belief|assumption)s?|reconsidered|revised my|admitted|I had assumed|contrary to my)\b/i.test(text),
    message: 'Google values intellectual humility: show where the evidence changed your mind ("the offline results proved my first idea wrong, so I…").',
  },
  meta: {
    test: (text) => /\b(?:quick(?:ly)?|fast(?:er)?|speed|rapid(?:ly)?|within (?:a|one|two|\d+) (?:days?|weeks?)|in (?:a|one|two|\d+) (?:days?|weeks?)|shipped|MVP|prototype|iterat\w+|move fast|bias for action|same day|overnight)\b/i.test(text),
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


function storyText(story: Story): string {
  return [...STAR_KINDS.map((k) => story.star[k]?.prose.text ?? ''), story.layers.summary?.prose.text ?? ''].join('\n\n');
}

export const rule: StoryRule = {
  id: 'company-values',
  description: 'A target company is configured and the story does not show its value (Amazon: a Leadership Principle; Google: changed mind on evidence; Meta: speed; Anthropic/OpenAI: risks and trade-offs).',
  rationale:
    'Companies listen for different things. Set "targetCompany" (amazon, google, meta, anthropic, openai) to check each story for what that company values. A story may name its own target with `company:` in its metadata.',
  severity: 'info',
  options: {},
  examples: {
    fire: [{ markdown: ex({ title: '«Fraud model»' }), config: { targetCompany: 'amazon' } }, { markdown: ex({ title: '«Fraud model»' }), config: { targetCompany: 'anthropic' } }],
    silent: [ex(), { markdown: ex({ action: 'I compared three options against a baseline; this was Dive Deep work. I chose trees because analysts needed explanations.' }), config: { targetCompany: 'amazon' } }],
  },
  check(ctx) {
    const company = ((ctx.story.meta.company?.toLowerCase() as Company | undefined) ?? ctx.config.targetCompany) as Company | undefined;
    if (!company || !VALUES[company]) return;
    if (!Object.values(ctx.story.star).some((s) => hasProse(s))) return;
    const value = VALUES[company];
    if (value.test(storyText(ctx.story))) return;
    ctx.report({ message: value.message, span: storySpan(ctx.story), data: { company } });
  },
};
