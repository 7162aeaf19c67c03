// The lexicon of job-description matching: for each competency, the phrases a job posting uses
// to ask for it. Written from the competency definitions (SPEC §1) and from how postings for ML
// engineers, data scientists, research scientists and MLOps roles phrase them in general — never
// from one posting. docs/match.md lists every phrase (generated from this file).
//
// Phrase syntax (compilePhrase): case-insensitive, whole words;
//   a space       one or more spaces or line breaks
//   a hyphen      an optional hyphen or space ("cross-functional" = "cross functional" = "crossfunctional")
//   word*         the word and any ending ("prioriti*" = prioritize, prioritise, prioritization, priorities)
//   (a|b c)       either alternative
//   …             up to three words in between, within one sentence ("deploy … production")
//   '             a straight or curly apostrophe
import { AMAZON_PRINCIPLES, COMPANY_VALUES, ML_SKILLS, THEMES, principleId, type Company } from '../../../../shared/domain';

export type CompetencyFamily = 'theme' | 'company' | 'ml';

export interface LexiconEntry {
  id: string;
  family: CompetencyFamily;
  /** The phrases that ask for the competency. */
  phrases: string[];
  /** Phrases that contain a match without asking for it ("uncertainty quantification" is a technique, not ambiguity). */
  except?: string[];
  /** For a company value: the company whose postings it is read in. */
  company?: Company;
}

const THEME_PHRASES: Record<string, { phrases: string[]; except?: string[] }> = {
  'challenging-project': {
    phrases: [
      '(complex|challenging|hard|hardest|difficult|tough|toughest|ambitious|unsolved) … (problems|challenges|projects|questions)',
      '(big|biggest|open|novel) (problems|challenges|bets|questions)',
      'high-impact (projects|problems|initiatives)',
      'at the (frontier|forefront|cutting edge)',
      'moonshot*',
      'technically (challenging|complex|demanding)',
      'tackl* … (problems|challenges)',
      'push* the (boundaries|frontier|state of the art)',
    ],
  },
  disagreement: {
    phrases: [
      'disagree and commit',
      'have backbone',
      '(healthy|constructive|respectful|productive) (debate*|disagreement*|conflict|dissent)',
      'push back',
      'challeng* (the status quo|assumptions|each other|ideas|decisions|conventional wisdom|the consensus)',
      'respectfully challenge',
      '(challenge|challenging|question|questioning) (the |our |their |existing |prevailing )?(assumptions|data|decisions|thinking|results|conclusions|status quo)',
      '(pressure|stress)-test* … (ideas|assumptions|hypotheses|decisions|plans)',
      'constructive* (challenge*|criticism|feedback)',
      '(resolve|resolving|navigate|navigating|manage|managing) (conflict*|disagreement*)',
      'conflict resolution',
      'strong opinions',
      'candid',
      'candou?r',
    ],
  },
  failure: {
    phrases: [
      "learn* from (failure*|mistakes|setbacks|what did not work|what didn't work)",
      'fail fast',
      '(embrace|accept|comfortable with|not afraid of) fail*',
      'setback*',
      'resilien*',
      'blameless',
      'post-mortem*',
      '(post-incident|incident) (review*|analys*|retrospective*)',
      'root cause analys*',
      'lessons learned',
      'what went wrong',
      'when to (kill|stop|abandon|shelve)',
      'kill (it|an idea|ideas|projects)',
      'pivot*',
      'growth mindset',
      'bounce back',
    ],
    except: ['resilien* (systems|infrastructure|services|architecture*|pipelines|platforms)'],
  },
  ambiguity: {
    phrases: [
      'ambigu*',
      '(ill|loosely|poorly|vaguely) defined',
      'undefined (problems|scope|space)',
      'unstructured (problems|environment*|situations)',
      'open-ended (problems|questions|research)',
      'uncertain*',
      '(little|minimal|limited|without) (guidance|supervision|direction|structure)',
      'self-direct*',
      'self-start*',
      'figur* (it|things) out',
      '(fast-changing|rapidly changing|ever-changing|constantly changing|evolving) (environment*|priorities|requirements|landscape)',
      'zero-to-one',
      '0-to-1',
      'no (clear|obvious) (answer*|path|playbook|solution*)',
    ],
    except: ['uncertainty (quantification|estimation|estimates|modeling|modelling|calibration)', 'uncertainty-aware'],
  },
  'cross-functional': {
    phrases: [
      'cross-functional*',
      'cross-team',
      'cross-group',
      'cross-org*',
      'multi-disciplinary',
      'inter-disciplinary',
      '(partner*|collaborat*|work* closely|work* hand in hand) with … (product|engineering|engineers|design|designers|research|researchers|scientists|analysts|operations|policy|legal|marketing|sales|clinicians|business|infrastructure|platform)',
      'work* with (product|engineering|engineers|design|designers|researchers|scientists|data scientists|analysts|operations|policy|legal|marketing|sales|clinicians|business)',
      'across (teams|functions|disciplines|organizations|organisations|the company|the organization|the organisation)',
    ],
  },
  'leading-without-authority': {
    phrases: [
      '(influence|lead|leading) without (formal |direct )?authority',
      'influenc* … (teams|stakeholders|partners|decisions|roadmap*|direction|others|leaders|leadership|strategy|peers)',
      'drive (alignment|consensus|adoption|decisions|change)',
      '(build|building|drive|driving) consensus',
      'consensus-building',
      'align* (stakeholders|teams|partners|the team)',
      'champion*',
      'evangeli*',
      'advocat* for',
      'rally*',
      'thought lead*',
      '(set|sets|setting|establish*|define|defining|raise|raising|elevate|elevating|shape|shaping) … (standards|best practices|the bar|rigor|rigour|norms)',
      'shap* … (direction|strategy|roadmap*|decisions|priorities)',
      'trusted (advisor|partner)',
    ],
  },
  ethics: {
    phrases: [
      'ethic*',
      'integrity',
      'responsible AI',
      'responsibl* (use|development|deployment|innovation)',
      'do the right thing',
      'trustworth*',
      'societal (impact*|implications|consequences)',
      'moral(ly|ity)?',
      'harm(s|ful)?',
      'misuse',
      'abus(e|es|ive)',
      '(user|public|AI|model) (safety|well-being|wellbeing|protection)',
      'safe and beneficial',
      'protect* (users|people|the public|society|customers)',
    ],
    except: ['data integrity', 'system integrity', 'integrity of (the )?data', 'model integrity'],
  },
  prioritization: {
    phrases: [
      'prioriti*',
      '(competing|multiple|shifting|changing|conflicting) (deadlines|demands|projects|workstreams|requests|goals)',
      '(make|making|pragmatic|weigh*|navigate|navigating|evaluate|evaluating|balance|balancing|understand*) … trade-off*',
      'time management',
      "manag* (your|their|one's) time",
      'multi-task*',
      'juggl*',
      'roadmap*',
      '(highest|most|high) (impact|leverage) (work|problems|projects|opportunities)',
      'most impactful',
    ],
    except: [
      '(bias-variance|precision-recall|speed-accuracy|latency-accuracy|accuracy-latency|exploration-exploitation) trade-off*',
      'multi-task (learning|models?|training|networks?)',
    ],
  },
  proud: {
    phrases: [
      'track record',
      'proven (ability|experience|success|record|results)',
      'demonstrated (success|impact|ability|results|experience|excellence)',
      'history of (delivering|shipping|building|leading|success)',
      'record of (impact|delivering|success|shipping)',
      '(shipped|shipping|launched|launching|delivered|delivering) … (products|features|models|systems|to production|to millions|at scale)',
      'accomplishments',
      'publication*',
      'published (work|papers|research|results)',
      'first-author*',
      '(peer-reviewed|top-tier|leading) (conferences|venues|journals)',
      'achievements',
    ],
  },
  'why-company': {
    phrases: [
      'mission-driven',
      'passion* (for|about) (our|the) (mission|product*|company|space|work|users|customers)',
      '(excited|passionate|care|caring|invested)( deeply)? (about|by|in) (our|the) (mission|work|product*|impact|goals)',
      "align* with (our|the company's) (mission|values)",
      "(share|sharing|embody|embodies|live|living) (our|the company's) (values|mission|commitment|principles)",
      'believe in (our|the) mission',
      "if you('re| are) (excited|passionate|interested|energi[sz]ed|motivated|eager)",
      '(excited|passionate|thrilled|energi[sz]ed|eager) (to|about|by) … (mission|opportunity|chance|future|join|help|build|shape|contribute)',
      'why you want',
      '(culture|values) (fit|add)',
    ],
  },
};

const SKILL_PHRASES: Record<string, { phrases: string[]; except?: string[] }> = {
  'ml:experimentation': {
    phrases: [
      'A/B test*',
      'AB test*',
      'split test*',
      'experiment*',
      'hypothes*',
      'causal*',
      'statistical (significance|testing|tests|inference|rigor|rigour|power)',
      '(online|offline|controlled|randomi*) (experiments|evaluation*|trials|tests)',
      'evaluation (metrics|methodolog*|framework*|pipelines|design|harness*|suites)',
      '(model|rigorous|systematic|human|LLM) evaluation*',
      'evals',
      'benchmark*',
      'ablation*',
      'bandit*',
      'uplift',
      'counterfactual*',
      'quasi-experiment*',
      'difference-in-differences',
      'empiric*',
      'measur* (the )?(impact|effect|lift)',
      'baselines',
      '(evaluate|evaluating|evaluation of) … (models|classifiers|model performance|effectiveness)',
      '(define|defining|design|designing) … (success )?metrics',
    ],
  },
  'ml:deployment': {
    phrases: [
      'deploy*',
      'production*',
      'MLOps',
      'ML Ops',
      'LLMOps',
      '(model|ML) serving',
      'serving (infrastructure|systems|path|latency|stack|layer)',
      'inference (infrastructure|optimization|optimisation|latency|systems|serving|pipelines|services|endpoints|engines?|at scale)',
      'CI/CD',
      'continuous (integration|deployment|delivery|training)',
      'Kubernetes',
      'Docker',
      'containeri*',
      'monitor* … (models|model performance|drift|in production|systems|pipelines)',
      'model (lifecycle|life cycle|monitoring|management|registry|versioning|deployment)',
      '(SageMaker|Vertex AI|Kubeflow|MLflow|Triton|TorchServe|TensorFlow Serving|Seldon|BentoML|Ray Serve)',
      'real-time (inference|serving|systems|predictions|scoring)',
      'low-latency',
      'ship* … (models|ML|AI|features|products|systems|code)',
      'scalab* … (systems|pipelines|infrastructure|services|solutions|platforms|ML|models)',
    ],
    except: ['film production', 'production assistant'],
  },
  'ml:data-quality': {
    phrases: [
      'data quality',
      'quality of (the )?data',
      'high-quality (data|datasets|training data|labels)',
      'data (validation|integrity|cleaning|cleansing|hygiene|governance|lineage|contracts|observability|curation|labeling|labelling|annotation|collection|issues)',
      'clean* … data',
      '(messy|noisy|incomplete|imbalanced|missing|dirty|biased) (data|datasets|labels)',
      'label* (data|quality|noise|pipelines|guidelines|errors)',
      'annotat*',
      'labell?ing',
      'ground truth',
      '(data|concept|feature|distribution) drift',
      'curat*',
      'dataset (creation|construction|design|quality)',
      'preprocess*',
      'data errors',
      'relabel*',
      '(data|dataset) versioning',
      '(sampling|selection|data|dataset|label|labeling|labelling) bias*',
      '(data|dataset) (coverage|gaps)',
    ],
  },
  'ml:stakeholders': {
    phrases: [
      'stakeholder*',
      'non-technical (audiences|stakeholders|partners|teams|people|colleagues|users)',
      'business (partners|leaders|stakeholders|owners|teams|units|needs|problems|questions|objectives|goals|requirements)',
      'product managers',
      'communicat* … (findings|results|insights|recommendations|complex|technical|trade-offs|clearly|effectively)',
      'communicat* to (leadership|executives|stakeholders|partners|customers)',
      'present* (findings|results|insights|recommendations|to leadership|to executives)',
      '(explain|translate|translating|explaining) … (technical|complex|business|concepts|results|findings|needs)',
      'storytelling',
      '(product|policy|legal|operations|business|marketing|sales|finance|clinical|go-to-market|customer) (teams|partners|leaders|experts|stakeholders|owners|counterparts|functions)',
      '(to|with|for) (senior |executive |company )?leadership',
      'decision-makers',
      'executives',
      'senior leaders*',
      '(customer|client)-facing',
      'work* directly with (customers|clients|users)',
      '(gather|gathering|elicit|eliciting|define|defining|understand*) … requirements',
    ],
  },
  'ml:leadership': {
    phrases: [
      'mentor*',
      'coach*',
      '(technical|tech|team) lead*',
      '(lead|leads|led|leading) (a |the |small |large |cross-functional )?teams?',
      '(lead|leads|led) … (projects|initiatives|efforts|workstreams|the design|the development|research|programs|programmes)',
      'leading (projects|initiatives|efforts|workstreams|research projects|the design|the development)',
      'manag* (a )?(team*|people|engineers|scientists|researchers)',
      'people manag*',
      '(grow|growing|build|building|hire|hiring|develop|developing) (a |the |your )?(team|talent)',
      'set* … (technical|research|team|scientific) (direction|vision|strategy|agenda)',
      '(technical|research|scientific) (direction|vision|strategy|agenda)',
      'guid* (junior|other|less experienced) (engineers|scientists|team members|researchers)',
      'leadership',
      'drive* … (roadmap|strategy|vision)',
    ],
    // Leadership as an audience ("present to leadership") or Amazon's principles is not leading.
    except: ['Leadership Principles', 'leadership (team*|group|audiences?)', '(to|with|and|for|senior|company|executive|business|our|the) leadership'],
  },
  'ml:ethics': {
    phrases: [
      'responsible AI',
      'AI ethics',
      'ethical AI',
      'fair*',
      'algorithmic bias',
      '(model|data|ML|AI|societal|demographic|harmful) bias*',
      'bias (mitigation|detection|evaluation|audit*)',
      'mitigat* … (bias*|harm*|risk*|misuse)',
      'privacy',
      'AI safety',
      '(model|AI|LLM|product|user) safety',
      'safety',
      'harm(s|ful|less)?',
      'misuse',
      'abus(e|es|ive)',
      'interpretab*',
      'explainab*',
      '(AI|model|value) alignment',
      'alignment (research|science|team)',
      'red-team*',
      'trust (and|&) safety',
      '(AI|model|data) governance',
    ],
    except: [
      '(functional|occupational|workplace|physical|food|patient) safety',
      'fair market',
      'fairly (new|standard|common|large|small)',
      'fair share',
      'job fair*',
      'career fair*',
      'inductive bias*',
    ],
  },
};

/** Paraphrases of each Amazon Leadership Principle as postings write them (its name always counts). */
const PRINCIPLE_PHRASES: Record<string, string[]> = {
  'Customer Obsession': [
    'customer obsess*',
    'obsess* over customers',
    'customer-centric',
    'customer-focused',
    'customer first',
    'work* backwards',
    'customer experience*',
    "(customer|customers') needs",
    'delight* (our )?customers',
    'customer trust',
  ],
  Ownership: [
    'ownership',
    'owner mindset',
    'act like an owner',
    'own(s|ing)? … (end-to-end|lifecycle|outcome*|roadmap|delivery)',
    'take (full )?responsibility',
    'accountab*',
  ],
  'Invent and Simplify': ['invent(s|ed|ing|ion|ions|ive|iveness)?', 'simplif*'],
  'Are Right, A Lot': ['(sound|good|strong|excellent) judg*'],
  'Learn and Be Curious': [
    'curious',
    'curiosity',
    'eager to learn',
    'continuous* learn*',
    'stay (current|up to date|up-to-date|abreast|on top of)',
    'keep* up (with|to date)',
    'latest (research|advances|developments|techniques|literature)',
    'learn new (skills|technologies|things|domains)',
  ],
  'Hire and Develop the Best': [
    'hire and develop',
    'develop* talent',
    'mentor*',
    'coach*',
    '(develop|developing|grow|growing) (the |your |our )?(team|others|people|engineers|scientists)',
    'hiring',
  ],
  'Insist on the Highest Standards': [
    'high* standards',
    'high bar',
    'quality bar',
    'raise the bar',
    '(engineering|operational|scientific|technical) excellence',
  ],
  'Think Big': ['think big', 'bold (ideas|vision|bets)', 'big ideas'],
  'Bias for Action': [
    'bias for action',
    '(move|moving|act|acting|ship|shipping|iterate|iterating) (fast|quickly|rapidly)',
    'calculated risk*',
    'sense of urgency',
    'speed',
  ],
  Frugality: ['frugal*', 'do more with less', 'resourceful*', 'cost-(effective|conscious|efficient)', 'limited resources'],
  'Earn Trust': ['earn* (the )?trust', 'build* trust', 'trusted (advisor|partner)'],
  'Dive Deep': [
    'dive deep',
    'deep dive*',
    'deep-dive*',
    'root cause*',
    'attention to detail',
    'detail-oriented',
    'dig* (deep|deeper|into)',
    '(in-depth|deep) (analysis|analyses|understanding|investigation*)',
    'get to the bottom',
  ],
  'Have Backbone; Disagree and Commit': ['disagree and commit', 'have backbone', 'backbone'],
  'Deliver Results': ['deliver* (high-quality |measurable |business )?(results|impact|outcomes)', 'results-oriented', 'results-driven'],
  "Strive to be Earth's Best Employer": ["earth's best employer", 'best employer'],
  'Success and Scale Bring Broad Responsibility': ['broad responsibility', 'success and scale'],
};

/** Phrases of each other company's value, when a posting states it rather than implying it. */
const VALUE_PHRASES: Record<string, string[]> = {
  'google:intellectual-humility': [
    'intellectual* humil*',
    'humble',
    'humility',
    'Googleyness',
    'chang* (your|their|our) mind*',
    'open to (feedback|new ideas|being wrong)',
  ],
  'meta:move-fast': ['move fast', 'moving fast', 'ship* quickly', 'iterate quickly', 'rapid* iterat*', 'bias for action', 'fast-paced'],
  'anthropic:risks-and-trade-offs': ['trade-off*', 'risk*', 'safety', 'careful*'],
  'openai:risks-and-trade-offs': ['trade-off*', 'risk*', 'safety', 'careful*'],
};

function principlePhrases(p: string): string[] {
  // The name itself ("Dive Deep"), each half of a two-part one ("Have Backbone; Disagree and Commit").
  const names = p.split(/;\s*/).map((n) => n.replace(/,/g, ',?').replace(/'/g, "'"));
  return [...names, ...(PRINCIPLE_PHRASES[p] ?? [])];
}

/** Every competency with its phrases: the ten question themes, the company values, the ML skills. */
export const LEXICON: LexiconEntry[] = [
  ...THEMES.map((t) => ({ id: t.id, family: 'theme' as const, ...THEME_PHRASES[t.id] })),
  ...AMAZON_PRINCIPLES.map((p) => ({ id: principleId(p), family: 'company' as const, company: 'amazon' as const, phrases: principlePhrases(p) })),
  ...COMPANY_VALUES.filter((v) => v.company !== 'amazon').map((v) => ({
    id: v.id,
    family: 'company' as const,
    company: v.company,
    phrases: VALUE_PHRASES[v.id] ?? [],
  })),
  ...ML_SKILLS.map((s) => ({ id: s.id, family: 'ml' as const, ...SKILL_PHRASES[s.id] })),
];

/** Words that end a sentence; `…` never reaches across them. */
const GAP = '(?:[^\\s.;:!?•]+\\s+){0,3}';

/**
 * Compiles one phrase of the lexicon syntax (above) into the source of a regular expression.
 * Throws on unbalanced parentheses, so a broken phrase fails the lexicon's test, not a user's run.
 */
export function compilePhrase(phrase: string): string {
  let out = '';
  let depth = 0;
  const text = phrase.trim();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' && text[i + 1] === '…' && text[i + 2] === ' ') {
      out += `\\s+${GAP}`;
      i += 2;
    } else if (ch === ' ') out += '\\s+';
    else if (ch === '-') out += '[-‐–\\s]?';
    else if (ch === '*') out += "[\\w'’-]*";
    else if (ch === '(') {
      depth++;
      out += '(?:';
    } else if (ch === ')') {
      if (--depth < 0) throw new Error(`unbalanced ")" in phrase "${phrase}"`);
      out += ')';
    } else if (ch === '|') out += '|';
    else if (ch === '?') out += '?';
    else if (ch === "'" || ch === '’') out += "['’]";
    else out += ch.replace(/[.+^${}[\]\\/&]/g, '\\$&');
  }
  if (depth !== 0) throw new Error(`unbalanced "(" in phrase "${phrase}"`);
  // Whole words: no letter or digit right before or after. A trailing "word *" (any next word) ends on its own.
  return `(?<![\\w'’])(?:${out})(?![\\w])`;
}

/** One case-insensitive expression for a list of phrases. */
export function phrasesPattern(phrases: string[]): RegExp {
  return new RegExp(phrases.map(compilePhrase).join('|'), 'gi');
}
