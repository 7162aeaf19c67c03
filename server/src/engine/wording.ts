// How every generated sentence says counts, articles and ages: the engine's messages, the CLI's
// reports, the language server's hovers and lenses, and the VS Code client's labels. No
// dependencies, so the extension bundles it without the engine.

/** "1 story", "2 stories", "0 words": the count and its noun, agreeing. */
export function plural(n: number, one: string, many = pluralOf(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The plural of an English noun as our messages use them (story → stories, match → matches). */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
