// Story dates: reading the `date` and `practiced` values, and how old a story is. The recency rule
// and the strength score both read a story's age here, so "4 years ago" in a message and the
// recency points of the score always agree.

/** Parses YYYY, YYYY-MM or YYYY-MM-DD (also with / or .) into a UTC date; undefined otherwise. */
export function parseStoryDate(value: string): Date | undefined {
  const parts = dateParts(value);
  if (!parts) return undefined;
  const [y, mo, d] = parts;
  return new Date(Date.UTC(y, (mo ?? 12) - 1, d ?? (mo ? 28 : 31)));
}

function dateParts(value: string): [number, number | undefined, number | undefined] | undefined {
  const m = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$/.exec(value);
  if (!m) return undefined;
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if ((mo !== undefined && (mo < 1 || mo > 12)) || (d !== undefined && (d < 1 || d > 31))) return undefined;
  return [Number(m[1]), mo, d];
}

/**
 * How many whole months lie between a story's `date` and today, by the calendar: 2022-11 is 48
 * months (4 years) before 2026-11-25. A year alone counts from its end (2022 is December 2022),
 * a month from its month, a full date to the day. A date after today is 0 months old; a value
 * that is not a date gives undefined.
 */
export function ageInMonths(date: string, today: string): number | undefined {
  const then = dateParts(date);
  const now = dateParts(today);
  if (!then || !now) return undefined;
  let months = now[0] * 12 + (now[1] ?? 12) - (then[0] * 12 + (then[1] ?? 12));
  if (then[2] !== undefined && now[2] !== undefined && now[2] < then[2]) months--;
  return Math.max(0, months);
}
