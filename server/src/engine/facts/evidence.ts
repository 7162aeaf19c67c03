import { sentences } from '../syntax/prose';
import { STAR_KINDS, type StarKind } from '../model/types';

/**
 * What the text of a candidate story says about itself (SPEC §2: look-alikes). A story is a
 * first-person account of one past event; a guide explains the method in the second person and
 * the imperative ("Set the scene", "Describe what you did"); a template holds placeholders
 * ("[Describe the context]", "<metric>", "TODO"). The decision weighs the two kinds of evidence
 * instead of looking for one word, so an answer that quotes "you" or a guide that shows a
 * sentence of an example answer is read by what most of it is.
 */
export interface Evidence {
  /** I, me, my, mine (and I'm, I've, I'd, I'll). */
  singular: number;
  /** we, us, our, ours (and we're, we've…). */
  plural: number;
  /** Verbs in the past tense: "Built a model", "I led", "we shipped". */
  past: number;
  /** What one would do: "I would", "I'd", "we would". */
  conditional: number;
  /** What one does as a rule: "usually", "typically", "always", "tend to", "I will…". */
  habits: number;
  /** you, your, yours, yourself. */
  second: number;
  /** Sentences that open with an instruction verb: "Describe…", "Explain…", "Set the scene…". */
  instructions: number;
  /** Template placeholders: "[…]" with instructions in them, "<…>", TODO, TBD, blanks. */
  placeholders: number;
  /** Words outside placeholders. */
  words: number;
  /** Numbers written in digits: the specifics of one event ("35 minutes", "from 1.2 s to 280 ms"). */
  numbers: number;
}

const SINGULAR = /(?<![\w'’])(?:I(?:['’](?:m|ve|d|ll))?|me|my|mine|myself)(?![\w'’])/g;
const PLURAL = /(?<![\w'’])(?:we(?:['’](?:re|ve|d|ll))?|us|our|ours|ourselves)(?![\w'’])/gi;
const SECOND = /(?<![\w'’])(?:you(?:['’](?:re|ve|d|ll))?|your|yours|yourself)(?![\w'’])/gi;
// The verbs a guide or template instructs with, at the start of a sentence or list item, also
// in the guide's own voice ("We start by setting the context", "Finally, you share the impact").
const INSTRUCTION =
  /^(?:(?:then|next|finally|first),? )?(?:we |you )?(?:briefly |then |next |first,? |now |always |also )?(?:describe|explain|define|set the scene|set up the|state|share|mention|talk about|tell (?:the interviewer|them|us|me)|highlight|focus on|quantify|include|outline|summari[sz]e|detail|walk (?:the interviewer |them |us )?through|discuss|emphasi[sz]e|identify|clarify|specify|give (?:a|an|the|some)|provide|list|add|write|insert|fill in|name the|make sure|don['’]t|do not|avoid|remember|be (?:specific|concise|honest|clear)|keep it|start (?:with|by)|end with|close with|what (?:was|were|did|is|are) (?:your|the)|how did you|why did you|who was|when was)\b/i;
// "[Describe the context]", "[Your role]", "<metric>", "{result}", "TODO", "TBD", "XXX", "____".
// Each alternative scans a bounded stretch from its opening character, so the count stays linear.
const PLACEHOLDER = /\[[^[\]\n]{2,120}\](?![(\[:])|<[a-z][^<>\n]{1,60}>|\{[^{}\n]{2,60}\}|\b(?:TODO|TBD|TK|XXX|FIXME)\b|_{3,}/gm;
// A verb in the past tense that opens a clause or follows its subject: note-style answers
// ("Profiled the service, added a cache") and first-person ones ("I led", "my task was", "the
// team agreed") alike — not a participle used as an adjective ("labeled data"). Words in -eed
// are not past forms.
const PAST =
  /(?:^|[.,;:!?\n]\s*|\b(?:I|we|he|she|they|it|and|then|so|but|also|finally|eventually)\s+|\b(?:my|our|the|his|her|their|this|that)\s+[A-Za-z-]+\s+)(?:[A-Za-z]+[^e\W]ed|built|led|ran|made|wrote|took|found|chose|drove|began|brought|caught|did|got|gave|held|kept|knew|left|lost|met|paid|put|read|saw|sent|set|spent|sold|spoke|stood|taught|thought|told|understood|won|was|were|had|became|grew|fell|rose|cut|shipped)\b/gim;

const CONDITIONAL = /\b(?:I|we)(?:\s+would|['’]d)\b/gi;
// What one does as a rule: "I usually", "we typically", "I always", "whenever", "I will talk
// to…", "I try to…", "I like to…".
const HABIT = /\b(?:usually|typically|generally|normally|always|whenever|tend to|as a rule|when that happens|I (?:will|try to|like to))\b/gi;

// A line that is only a title in Title Case, closed by a colon ("Automated Filtering:", "Unsupervised
// Techniques:" over a list): a name, whose first word only looks like a verb in the past tense.
const TITLE_LINE = /^[ \t]*(?:[A-Z][\w&/-]*[ \t]+){0,5}[A-Z][\w&/-]*[ \t]*:[ \t]*$/gm;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** A placeholder match that is one: bracketed text holds a letter ("[1]" and "[12]" are citations). */
function isPlaceholder(m: string): boolean {
  return m[0] !== '[' || /[A-Za-z]/.test(m);
}

export function evidence(text: string): Evidence {
  let placeholders = 0;
  const bare = text.replace(PLACEHOLDER, (m) => {
    if (!isPlaceholder(m)) return m;
    placeholders++;
    return ' ';
  });
  let instructions = 0;
  // A list marker or a leading name ("Task: We define our role…") is not the sentence's opening.
  for (const s of sentences(bare)) if (INSTRUCTION.test(s.text.replace(/^[-*•\d.)\s]+/, '').replace(/^[A-Z][A-Za-z-]{2,20}:\s+/, ''))) instructions++;
  return {
    singular: count(SINGULAR, bare),
    plural: count(PLURAL, bare),
    past: count(
      PAST,
      bare.replace(TITLE_LINE, (m) => ' '.repeat(m.length)),
    ),
    conditional: count(CONDITIONAL, bare),
    habits: count(HABIT, bare),
    second: count(SECOND, bare),
    instructions,
    placeholders,
    words: (bare.match(/[\p{L}\p{N}]+/gu) ?? []).length,
    numbers: (bare.match(/\d+(?:[.,]\d+)?/g) ?? []).length,
  };
}

/**
 * Whether the prose of a candidate story reads as a story rather than a guide or a template.
 * The story side counts first-person pronouns and past-tense clauses; the other side counts
 * second-person pronouns, instruction sentences and placeholders, which weigh more (one
 * "Describe the context." says more than one "I").
 */
export function readsAsStory(e: Evidence): boolean {
  const story = 2 * e.singular + e.plural + e.past;
  const other = 2 * e.second + 3 * e.instructions + 3 * e.placeholders;
  // A few words around placeholders: a template being filled in, not yet a story.
  if (e.words < 12 && e.placeholders > 0) return false;
  // Someone's account of one event: a person in it, or its numbers. An outline with neither
  // ("Used available signals, made a decision, iterated later") tells no one's story.
  return (e.singular + e.plural >= 1 || e.numbers >= 1) && story >= 2 && story > other;
}

/**
 * Whether the prose under a question is an answer told without STAR labels: told in the first
 * person about the past (one event, not a habit: "I usually start by…" has no past), not
 * instructions, and long enough to be an answer — 25 words, or 8 after an explicit "A." or
 * "Answer:", which marks even an unfinished answer as one.
 */
export function readsAsAnswer(e: Evidence, text = ''): boolean {
  const marked = /^\s*(?:\*\*)?(?:A|Answer)\s*[.:)]/i.test(text);
  if (e.words < (marked ? 8 : 25)) return false;
  // "I would escalate…", "I usually start by…": what one would do or does, not what one did.
  if (e.conditional + e.habits > e.past) return false;
  const story = 2 * e.singular + e.plural + e.past;
  return e.singular + e.plural >= 2 && e.past >= (marked ? 1 : 2) && 2 * e.second + 3 * e.instructions + 3 * e.placeholders < story;
}

// Behavioral interview questions, which head answers told without labels (SPEC §2.7): the
// classic openings, any question to "you" ("What aspects of your projects are you most proud
// of?"), and the numbered headings of a prep file ("Question 3", "Q2", "Scenario #2").
const QUESTION =
  /^(?:(?:q(?:uestion)?\s*#?\d*\s*[:.)-]|\d+[.)])\s*)?["“]?(?:tell (?:me|us) (?:about )?(?:a|an|one|the) (?:time|situation|instance|example|project|mistake|failure|conflict|challenge)|tell (?:me|us) about (?!yourself)|describe (?:a|an|the|your|how|what|one)|give (?:me |us )?(?:an? |one )?(?:example|instance|time|situation)|talk (?:me |us )?(?:about|through) (?:a|an|the|your)|walk (?:me|us) through (?:a|an|the|your)|share (?:an? |one )?(?:example|time|situation|story|experience)|(?:can|could) you (?:tell|describe|give|share|talk|walk|provide)|have you (?:ever )?[a-z]+ed\b|what (?:was|is|were|has been) (?:a|an|the|your) (?:time|situation|biggest|most|hardest|toughest|best|worst|largest|greatest)|what if\b|who (?:was|is) (?:a|the|your)\b|how (?:did|have|do) you (?:handle|deal|manage|resolve|approach|prioriti[sz]e|influence|convince|respond|react|recover|balance|navigate|work)|when (?:did|have) you|describe a situation|tell me about a time)/i;
const NUMBERED = /^(?:q(?:uestion)?\s*#?\s*\d+\b|scenario\s*#?\s*\d+\b)/i;
const TO_YOU = /\?["”'’*_)\s]*$/;
// Questions whose answers are no STAR story: about yourself, strengths and weaknesses, why this
// company or why you left, and what you ask them.
const NOT_STAR =
  /\b(?:yourself|weakness(?:es)?|strengths?|why (?:do|would|did|are) you (?:want|leave|left|apply|applying|choose|interested)|why (?:this|our) (?:company|team|role)|where do you see|salary|questions for (?:us|me))\b/i;

/** Whether a heading asks a question whose answer is no STAR story ("Why do you want to leave…?"). */
export function isNonStarQuestion(text: string): boolean {
  return NOT_STAR.test(text);
}

/** Whether a heading or a one-line paragraph is a behavioral interview question. */
export function isQuestion(text: string): boolean {
  const t = text.trim().replace(/^[*_#\s]+|[*_\s]+$/g, '');
  if (t.length > 500 || NOT_STAR.test(t)) return false;
  return QUESTION.test(t) || NUMBERED.test(t) || (TO_YOU.test(t) && /\byou(?:r)?\b/i.test(t));
}

// Cues that open each part of an answer told without labels, in the order they come.
const CUES: Record<Exclude<StarKind, 'situation'>, RegExp> = {
  task: /^(?:my (?:job|task|role|responsibility|goal|assignment|mandate) (?:was|became)|i was (?:asked|tasked|responsible|assigned|charged|hired|brought in)|i (?:needed|had) to|i had been asked|the (?:goal|task|ask|challenge) (?:was|for me)|i owned|it was (?:up to me|my job))/i,
  action:
    /^(?:i (?:decided|started|began|chose|proposed|suggested|set up|built|designed|created|wrote|ran|analy[sz]ed|investigated|reached out|met|organi[sz]ed|scheduled|dug|took|first|then|spent|worked)|first,? i|to (?:do|address|fix|solve|tackle|handle) (?:this|that|it)|so i|my (?:first|approach|plan)|instead of)/i,
  result:
    /^(?:as a result|in the end|ultimately|eventually|the (?:result|outcome|impact) (?:was|is)|this (?:led|resulted|cut|reduced|increased|saved|improved)|that (?:led|resulted)|overall|in total|by the end|within \w+ (?:weeks?|months?|days?)|after (?:the )?(?:launch|rollout|release)|(?:what )?i learned|the lesson)/i,
};

/**
 * Where the four sections of an answer told without labels most likely begin, as offsets into
 * `text`: the first sentence is the Situation, and each later part starts at the first sentence
 * that opens with its cue ("My job was…", "I decided…", "As a result…"), in order. A part without
 * a cue starts where its share of the answer would (SPEC §1 targets), so every part gets a place.
 */
export function inferBoundaries(text: string): Record<StarKind, number> {
  const list = sentences(text);
  const at: Record<StarKind, number> = { situation: list[0]?.start ?? 0, task: -1, action: -1, result: -1 };
  if (list.length === 0) return { situation: 0, task: 0, action: 0, result: 0 };
  let from = 1;
  const share: Record<Exclude<StarKind, 'situation'>, number> = { task: 0.18, action: 0.32, result: 0.8 };
  for (const kind of ['task', 'action', 'result'] as const) {
    let k = list.findIndex((s, i) => i >= from && CUES[kind].test(s.text));
    if (k < 0) k = Math.min(list.length - 1, Math.max(from, Math.round(share[kind] * list.length)));
    at[kind] = list[k].start;
    from = Math.min(list.length - 1, k + 1);
  }
  // Parts that fell on the same sentence keep their order.
  if (at.action <= at.task) at.action = at.task;
  if (at.result <= at.action) at.result = at.action;
  return at;
}

/**
 * The labels to write into an answer told without labels, one per place, in STAR order. Parts
 * that fall on the same sentence (an answer shorter than four sentences) share it only in
 * `inferBoundaries`: here the sentence gets one label — the Situation's when it opens the answer,
 * else the label whose cue opens the sentence, else the later part's, since parts collide only on
 * the last sentence and a short answer ends on its outcome. The parts left out stay missing, and
 * `missing-section` names them once the answer is labelled. `at` is `inferBoundaries(text)`,
 * passed in by a caller that has it already.
 */
export function labelPlaces(text: string, at: Record<StarKind, number> = inferBoundaries(text)): Array<{ kind: StarKind; at: number }> {
  const places: Array<{ kind: StarKind; at: number }> = [];
  for (const kind of STAR_KINDS) {
    const last = places[places.length - 1];
    if (last?.at !== at[kind]) places.push({ kind, at: at[kind] });
    else if (last.kind !== 'situation' && !CUES[last.kind].test(text.slice(last.at))) last.kind = kind;
  }
  return places;
}
