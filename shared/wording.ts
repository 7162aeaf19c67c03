// How every generated sentence says counts, articles, lists and ages: the engine's messages, the
// CLI's reports, the language server's hovers and lenses, and the VS Code client's labels. No
// dependencies, so the extension bundles it without the engine.
//
// Counts of findings use the severity names as nouns, pluralised as VS Code's Problems panel
// does: "1 error", "2 errors", "1 warning", "1 info", "2 infos", "1 hint", "2 hints".

/** "1 story", "2 stories", "0 words": the count and its noun, agreeing. */
export function plural(n: number, one: string, many = pluralOf(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The plural of an English noun or noun phrase as our messages use them (story → stories, match → matches). */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/**
 * "a story" for one, "2 stories" for more, "no story" for none: what to add or what is missing.
 * `one` may be a phrase ("major ML project story"); its article follows its first sound.
 */
export function some(n: number, one: string, many = pluralOf(one)): string {
  if (n === 0) return `no ${one}`;
  return n === 1 ? withArticle(one) : `${n} ${many}`;
}

/** The phrase with "a" or "an", chosen by how its first word sounds ("an ML model", "a user", "an hour"). */
export function withArticle(phrase: string): string {
  return `${startsWithVowelSound(phrase) ? 'an' : 'a'} ${phrase}`;
}

// Letters whose name starts with a vowel sound, for words spelt out letter by letter (ML, F1, SLA).
const VOWEL_LETTER_NAMES = new Set('AEFHILMNORSX');
// Words that start with a vowel letter and a consonant sound, or the reverse.
const CONSONANT_SOUND = /^(?:one\b|once\b|uni(?!n)|use|usu|uti|ubiq|euro|eu[lph]|u\.?s\b|ufo|uranium|ewe)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;

/** True when the phrase's first word is said with a vowel sound. */
export function startsWithVowelSound(phrase: string): boolean {
  const word = /[A-Za-z0-9][\w./-]*/.exec(phrase)?.[0] ?? '';
  if (!word) return false;
  // "an 8", "an 11", "an 18", "an 80"; "a 1", "a 12", "a 100".
  if (/^\d/.test(word)) return /^(?:8|1[18](?![\d]))/.test(word);
  // An acronym is read letter by letter (ML, F1, SLA, A/B); a known word-acronym (NATO) is rare here.
  if (/^[A-Z][A-Z0-9/]*$/.test(word.replace(/[.-]/g, '')) && word.length <= 5 && word.length > 1) return VOWEL_LETTER_NAMES.has(word[0]);
  if (word.length === 1) return VOWEL_LETTER_NAMES.has(word.toUpperCase());
  if (VOWEL_SOUND.test(word)) return true;
  if (CONSONANT_SOUND.test(word)) return false;
  return /^[aeiou]/i.test(word);
}

/** "a", "a and b", "a, b and c" (or "or"). */
export function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

type Severity = 'error' | 'warning' | 'info' | 'hint';
const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * Finding counts by severity: "1 error, 10 warnings, 1 info". Zero counts are left out unless
 * `always` names the severities that are always shown ("0 errors").
 */
export function severityCounts(counts: Record<Severity, number>, always: Severity[] = []): string {
  return SEVERITIES.filter((s) => counts[s] > 0 || always.includes(s))
    .map((s) => plural(counts[s], s))
    .join(', ');
}

/** An age in whole months as words: "11 months", "1 year", "4 years", "3 years and 2 months". */
export function age(months: number): string {
  const m = Math.max(0, Math.floor(months));
  const years = Math.floor(m / 12);
  const rest = m % 12;
  if (years === 0) return plural(rest, 'month');
  return rest === 0 ? plural(years, 'year') : `${plural(years, 'year')} and ${plural(rest, 'month')}`;
}
