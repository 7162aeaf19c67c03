// Spoken time and the user's calendar day, written once for the engine, the server, the CLI and
// the extension.

/** Seconds to speak `words` at `wordsPerMinute`, rounded. */
export function spokenSeconds(words: number, wordsPerMinute: number): number {
  return Math.round((words / wordsPerMinute) * 60);
}

/** "1:25" for a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1:25": the time to speak `words` at `wordsPerMinute`. */
export function spoken(words: number, wordsPerMinute: number): string {
  return clock(spokenSeconds(words, wordsPerMinute));
}

/**
 * Today as YYYY-MM-DD in the machine's time zone: the user's calendar day, which is the day a
 * practice session is logged under (the extension's Mark Practiced Today) and the day recency
 * and practice checkpoints count from. (UTC would put a Californian evening on tomorrow.)
 */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
