// The company values a text names: Amazon's Leadership Principles by name or by either half of a
// two-part name. The company-values rule and the bank's heat-map read them from here.
import { AMAZON_PRINCIPLES } from '../../../../shared/domain';

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
