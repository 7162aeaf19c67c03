// What a story is about when its file does not say: a category (SPEC §1) and the question themes
// it can answer, inferred from the title — usually the interview question itself, "Tell me about a
// time you failed" — and from cues in the prose. Precision first: a theme needs its question in
// the title or several cues in the prose; a category needs a clear winner. The bank, the editor's
// views and the CLI show what is inferred as such, and a quick fix writes it into the story.
import { STAR_KINDS, type Story } from '../model/types';

export interface Inferred {
  category?: string;
  themes: string[];
}

interface Cue {
  /** The interview question's words, read in the title. */
  title: RegExp;
  /** Cues in the prose; each distinct match counts once. */
  prose: RegExp;
  /** How many distinct prose cues make the inference without the title. */
  min: number;
}

const THEME_CUES: Record<string, Cue> = {
  failure: {
    title: /\b(?:fail(?:ed|ure|ing)?|mistake|setback|went wrong|wrong call|missed (?:a |the )?deadline|regret|pivot(?:ed)?)\b/i,
    prose:
      /\b(?:I failed|(?:it|the (?:project|model|launch|experiment)) failed|failure|my mistake|a mistake|went wrong|rolled (?:it )?back|post-?mortem|my fault|I missed|I underestimated|in hindsight|did not work|didn't work)\b/gi,
    min: 2,
  },
  disagreement: {
    title: /\b(?:disagree\w*|conflict|push(?:ed)? back|argu\w+|difficult (?:co-?worker|colleague|team ?mate|stakeholder|person))\b/i,
    prose: /\b(?:disagree\w*|push(?:ed)? back|conflict\w*|objected|argued|pushback|tension|(?:he|she|they) wanted\b|insisted)\b/gi,
    min: 2,
  },
  ambiguity: {
    title: /\b(?:ambigu\w+|unclear|uncertain\w*|incomplete information|vague)\b/i,
    prose:
      /\b(?:ambigu\w+|unclear|no clear (?:definition|requirements?|owner|spec)|undefined|vague (?:requirements?|goal|ask)|no spec|incomplete (?:data|information|requirements))\b/gi,
    min: 2,
  },
  'cross-functional': {
    title: /\b(?:cross-?functional|stakeholders?|non-?technical|other teams?|partner(?:ed)? with)\b/i,
    prose:
      /\b(?:cross-?functional|stakeholders?|product (?:manager|team)s?|PMs?|legal|compliance|finance(?: team)?|sales|marketing|designers?|operations team|business (?:team|partners?|owners?)|partnered with|non-?technical)\b/gi,
    min: 3,
  },
  'leading-without-authority': {
    title: /\b(?:without (?:formal )?authority|influence[ds]?|led (?:a|the) (?:team|project|initiative)|leadership|took (?:the )?lead)\b/i,
    prose:
      /\b(?:without (?:formal )?authority|(?:was|were)n['’]?t (?:my|their) manager|no one reported to me|convinced|persuaded|rallied|took the lead|I led\b|influence)/gi,
    min: 3,
  },
  ethics: {
    title: /\b(?:ethic\w*|responsible AI|bias|fairness|privacy|right thing)\b/i,
    prose:
      /\b(?:ethic\w*|bias(?:ed)?|fairness|fair lending|privacy|consent|responsible AI|harm(?:ful)?|discriminat\w+|protected (?:groups?|attributes?|class(?:es)?)|disparate|misuse|GDPR|PII)\b/gi,
    min: 3,
  },
  prioritization: {
    title: /\b(?:prioriti[sz]\w*|competing (?:priorities|deadlines)|tight deadline|deadline|trade-?offs?)\b/i,
    prose: /\b(?:prioriti[sz]\w*|competing (?:priorities|deadlines|requests)|deadline|trade-?offs?|descoped|cut (?:the )?scope|triag\w+)\b/gi,
    min: 3,
  },
  proud: {
    title: /\bproud\b|\b(?:biggest|greatest) (?:achievement|accomplishment)\b/i,
    prose: /(?!)/g,
    min: Infinity,
  },
  'why-company': {
    title: /\bwhy (?:do you want to )?(?:work (?:here|at|for)|join|this (?:company|role))\b/i,
    prose: /(?!)/g,
    min: Infinity,
  },
  'challenging-project': {
    title: /\b(?:challeng\w+|difficult (?:project|problem|technical)|hardest|complex (?:project|problem)|technical (?:challenge|problem))\b/i,
    prose: /(?!)/g,
    min: Infinity,
  },
};

const CATEGORY_CUES: Record<string, Cue> = {
  failure: THEME_CUES.failure,
  ethics: THEME_CUES.ethics,
  leadership: {
    title: /\b(?:mentor\w*|coach\w*|lead(?:ership)?|led|manag(?:ed|ing) (?:a |the )?team|develop(?:ed|ing)? (?:others|people|a junior)|onboard\w*)\b/i,
    prose:
      /\b(?:mentor\w*|coach(?:ed|ing)|junior (?:engineers?|developers?|data scientists?|analysts?)|new hires?|onboard\w*|my reports?|direct reports?|grew the team|hired|I led (?:a|the) team|led a team)\b/gi,
    min: 2,
  },
  collaboration: {
    title: /\b(?:cross-?functional|stakeholders?|collaborat\w+|disagree\w*|conflict|co-?worker|colleague|team ?mate|non-?technical)\b/i,
    prose: THEME_CUES['cross-functional'].prose,
    min: 4,
  },
  project: {
    title: /\b(?:project|built|challeng\w+|technical|model|system|pipeline|proud)\b/i,
    prose:
      /\b(?:model|trained|training|pipeline|features?|deployed|production|inference|dataset|labels?|A\/B test|baseline|precision|recall|AUC|latency|architecture)\b/gi,
    min: 5,
  },
};

function distinct(re: RegExp, text: string): number {
  const seen = new Set<string>();
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) seen.add(m[0].toLowerCase());
  return seen.size;
}

/** A cue's strength in a story: 3 for its question in the title, else its distinct prose cues once they reach `min`. */
function strength(cue: Cue, title: string, prose: string): number {
  if (cue.title.test(title)) return 3 + distinct(cue.prose, prose) / 100;
  const n = distinct(cue.prose, prose);
  return n >= cue.min ? Math.min(2.9, n / cue.min + 1) : 0;
}

/** The category and themes a story reads as, for a story whose file names none. */
export function inferMetadata(story: Story): Inferred {
  const title = story.title;
  const prose = STAR_KINDS.map((k) => story.star[k]?.prose.text ?? '').join('\n') || (story.sections.find((s) => s.kind === 'answer')?.prose.text ?? '');
  const themes = Object.entries(THEME_CUES)
    .filter(([, cue]) => strength(cue, title, prose) > 0)
    .map(([id]) => id);
  // "Project" is what a story is when nothing more specific is: it yields to any other category.
  const ranked = Object.entries(CATEGORY_CUES)
    .map(([id, cue]) => [id, strength(cue, title, prose) - (id === 'project' ? 1 : 0)] as const)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1]);
  // A clear winner only: two categories as strong as each other leave the category open.
  const category = ranked.length && (ranked.length === 1 || ranked[0][1] - ranked[1][1] >= 0.5) ? ranked[0][0] : undefined;
  return { category, themes };
}
