/**
 * The `stories` and `ignore` globs, matched in time linear in the path's length.
 *
 * A glob library that compiles to a backtracking regular expression lets a hostile repository
 * hang the scan: `*a*a*a*a*a*a*a*a*a*a*a*a*z` against a long file name of `a`s costs roughly the
 * 12th power of the name's length. Here a glob is compiled into segments of tokens and matched by
 * stepping every possible position at once (a set of states, as a Thompson automaton does), so a
 * path costs at most (its length) × (the glob's size), and the glob's size is capped.
 *
 * The syntax, as in picomatch (the reference these are tested against): `*` (any characters but
 * `/`), `?` (one character but `/`), `**` as a whole segment (any number of segments), `[abc]`,
 * `[a-z]`, `[!a]` / `[^a]`, `{a,b}` (nested; alternatives), `\` escapes the next character, a
 * leading `./` is dropped. Without `dot`, wildcards do not match a leading `.` of a segment.
 * Refused, with a message: an empty glob, a leading `!` (negation), extended globs like
 * `+(a|b)`, more than `GLOB_LIMITS.length` characters or `GLOB_LIMITS.alternatives` brace
 * alternatives.
 */

export const GLOB_LIMITS = { length: 256, alternatives: 64 } as const;

type Token =
  { kind: 'char'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negated: boolean; items: string[]; ranges: [string, string][] };

/** One path segment of a glob: `**`, a plain name, or a pattern of tokens. */
type Segment = { kind: 'globstar' } | { kind: 'literal'; text: string } | { kind: 'pattern'; tokens: Token[]; leadingDot: boolean };

export type GlobCheck = { ok: true; match: (path: string) => boolean } | { ok: false; message: string };

/** Compiles one glob, or says why it is refused. Never throws. */
export function compileGlob(glob: string, options: { dot: boolean }): GlobCheck {
  if (typeof glob !== 'string' || glob.trim() === '') return { ok: false, message: 'An empty glob matches nothing; remove it.' };
  if (glob.length > GLOB_LIMITS.length) {
    return { ok: false, message: `This glob is ${glob.length} characters long; globs may be at most ${GLOB_LIMITS.length}.` };
  }
  if (glob.startsWith('!')) {
    return { ok: false, message: 'Negated globs ("!…") are not supported: list what to include in "stories" and what to skip in "ignore".' };
  }
  if (/[@!+*?]\(/.test(glob)) return { ok: false, message: 'Extended globs such as "+(a|b)" are not supported; use braces, as in "{a,b}".' };
  const expanded = expandBraces(glob);
  if (!expanded) {
    return { ok: false, message: `This glob expands to more than ${GLOB_LIMITS.alternatives} alternatives; split it or use fewer braces.` };
  }
  const alternatives = expanded.map((g) => compileSegments(g.startsWith('./') ? g.slice(2) : g));
  const dot = options.dot;
  return { ok: true, match: (path) => alternatives.some((segments) => matchSegments(segments, path.split('/'), dot)) };
}

/** A matcher for a list of globs; refused globs are left out (report them with `compileGlob`). */
export function globMatcher(globs: readonly string[], options: { dot: boolean }): (path: string) => boolean {
  const matchers: ((path: string) => boolean)[] = [];
  for (const g of globs) {
    const c = compileGlob(g, options);
    if (c.ok) matchers.push(c.match);
  }
  if (matchers.length === 0) return () => false;
  return (path) => matchers.some((m) => m(path));
}

/** `a{b,c{d,e}}` → [ab, acd, ace]; undefined past the cap. A brace with no comma is literal. */
function expandBraces(glob: string): string[] | undefined {
  let out = [''];
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i];
    if (ch === '\\' && i + 1 < glob.length) {
      out = out.map((o) => o + glob.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (ch === '{') {
      const group = readBraceGroup(glob, i);
      if (group) {
        const choices: string[] = [];
        for (const part of group.parts) {
          const sub = expandBraces(part);
          if (!sub) return undefined;
          choices.push(...sub);
        }
        const next: string[] = [];
        for (const o of out) for (const c of choices) next.push(o + c);
        if (next.length > GLOB_LIMITS.alternatives) return undefined;
        out = next;
        i = group.end;
        continue;
      }
    }
    out = out.map((o) => o + ch);
    i++;
  }
  return out;
}

/** The comma-separated parts of the brace group opening at `start`, or undefined when it is not one. */
function readBraceGroup(glob: string, start: number): { parts: string[]; end: number } | undefined {
  let depth = 0;
  let from = start + 1;
  const parts: string[] = [];
  for (let i = start; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) {
        if (parts.length === 0) return undefined; // `{a}` is literal text
        parts.push(glob.slice(from, i));
        return { parts, end: i + 1 };
      }
    } else if (ch === ',' && depth === 1) {
      parts.push(glob.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

function compileSegments(glob: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of splitSegments(glob)) {
    if (part === '**') {
      if (segments.at(-1)?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    const tokens = tokenize(part);
    if (tokens.every((t) => t.kind === 'char')) segments.push({ kind: 'literal', text: tokens.map((t) => (t as { ch: string }).ch).join('') });
    else segments.push({ kind: 'pattern', tokens, leadingDot: tokens[0]?.kind === 'char' && tokens[0].ch === '.' });
  }
  return segments;
}

/** Splits at `/` outside brackets and escapes. */
function splitSegments(glob: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(glob, i) ?? i;
    else if (ch === '/') {
      parts.push(glob.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(glob.slice(from));
  return parts;
}

/** Index of the `]` closing the class that opens at `start`, or undefined when there is none. */
function classEnd(glob: string, start: number): number | undefined {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++; // a leading `]` is a member
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '/') return undefined;
    else if (glob[i] === ']') return i;
  }
  return undefined;
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\' && i + 1 < segment.length) {
      tokens.push({ kind: 'char', ch: segment[++i] });
    } else if (ch === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (ch === '?') {
      tokens.push({ kind: 'one' });
    } else if (ch === '[' && classEnd(segment, i) !== undefined) {
      const end = classEnd(segment, i)!;
      tokens.push(parseClass(segment.slice(i + 1, end)));
      i = end;
    } else {
      tokens.push({ kind: 'char', ch });
    }
  }
  return tokens;
}

function parseClass(body: string): Token {
  let i = 0;
  const negated = body[0] === '!' || body[0] === '^';
  if (negated) i++;
  const items: string[] = [];
  const ranges: [string, string][] = [];
  while (i < body.length) {
    let ch = body[i];
    if (ch === '\\' && i + 1 < body.length) ch = body[++i];
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let hi = body[i + 2];
      let step = 3;
      if (hi === '\\' && i + 3 < body.length) {
        hi = body[i + 3];
        step = 4;
      }
      ranges.push([ch, hi]);
      i += step;
    } else {
      items.push(ch);
      i++;
    }
  }
  return { kind: 'class', negated, items, ranges };
}

/** Path segments against glob segments: a set of positions in the glob, stepped once per path segment. */
function matchSegments(glob: Segment[], path: string[], dot: boolean): boolean {
  const n = glob.length;
  let states = new Uint8Array(n + 1);
  states[0] = 1;
  close(states);
  for (const name of path) {
    const next = new Uint8Array(n + 1);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!states[i]) continue;
      const seg = glob[i];
      if (seg.kind === 'globstar') {
        if (name !== '' && (dot || name[0] !== '.') && name !== '.' && name !== '..') {
          next[i] = 1;
          any = true;
        }
      } else if (matchSegment(seg, name, dot)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    states = next;
    close(states);
  }
  return states[n] === 1;

  // A `**` may match no segment at all.
  function close(s: Uint8Array): void {
    for (let i = 0; i < n; i++) if (s[i] && glob[i].kind === 'globstar') s[i + 1] = 1;
  }
}

function matchSegment(seg: Segment, name: string, dot: boolean): boolean {
  if (seg.kind === 'literal') return seg.text === name;
  if (seg.kind === 'globstar') return false;
  if (name === '.' || name === '..') return false;
  if (!dot && name[0] === '.' && !seg.leadingDot) return false;
  const tokens = seg.tokens;
  const n = tokens.length;
  let states = new Uint8Array(n + 1);
  states[0] = 1;
  closeStars(states);
  for (let k = 0; k < name.length; k++) {
    const ch = name[k];
    const next = new Uint8Array(n + 1);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!states[i]) continue;
      const t = tokens[i];
      let stay = false;
      let advance = false;
      if (t.kind === 'star') stay = true;
      else if (t.kind === 'one') advance = true;
      else if (t.kind === 'char') advance = t.ch === ch;
      else advance = inClass(t, ch);
      if (stay) next[i] = 1;
      if (advance) next[i + 1] = 1;
      any ||= stay || advance;
    }
    if (!any) return false;
    states = next;
    closeStars(states);
  }
  return states[n] === 1;

  // A `*` may match no character.
  function closeStars(s: Uint8Array): void {
    for (let i = 0; i < n; i++) if (s[i] && tokens[i].kind === 'star') s[i + 1] = 1;
  }
}

function inClass(t: Extract<Token, { kind: 'class' }>, ch: string): boolean {
  const hit = t.items.includes(ch) || t.ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
  return t.negated ? !hit : hit;
}
