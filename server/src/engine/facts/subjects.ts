// Who did it: first-person subjects counted for the first-person rule, the score and the bank's
// I-ratio. Words inside a quotation ("my manager said "we ship Friday"") are someone's speech, not
// the writer's account, and are not counted.
import { matches } from '../syntax/prose';

export const I_SUBJECT = /(?<![\w'])I(?:'m|'ve|'d|'ll)?(?![\w'])/g;
export const WE_SUBJECT = /(?<![\w'])[Ww]e(?:'re|'ve|'d|'ll)?(?![\w'])/g;

// A quotation: straight double quotes (the prose has curly ones straightened) around a line at
// most, opened inside a line. A quote that opens a line is the writer's own answer put in
// quotes, as prep files often do ("> "My goal was…""), and is read as theirs.
const QUOTATION = /"[^"\n]{1,400}"/g;

/** [start, end) of each quotation opened inside a line, in order. */
function quotations(text: string): [number, number][] {
  const out: [number, number][] = [];
  // Whether a character other than a space came between the last line break and `pos`.
  let pos = 0;
  let sawText = false;
  QUOTATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTATION.exec(text))) {
    for (; pos < m.index; pos++) {
      const c = text[pos];
      if (c === '\n') sawText = false;
      else if (c !== ' ' && c !== '\t' && c !== '\r') sawText = true;
    }
    if (sawText) out.push([m.index, m.index + m[0].length]);
    // A quote that opens its line is no quotation: try again from the next character.
    else QUOTATION.lastIndex = m.index + 1;
  }
  return out;
}

/** The text with every quotation blanked out (same length, so offsets still hold). */
export function withoutQuotations(text: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of quotations(text)) {
    out += text.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return out + text.slice(from);
}

/** Counts first-person subjects outside quotations: I, I'm, I've, I'd, I'll against we, we're, we've, we'd, we'll. */
export function subjectCounts(text: string): { i: number; we: RegExpExecArray[] } {
  const quoted = quotations(text);
  // Quotations are in order and do not overlap: one pointer walks them beside the matches.
  const outside = (): ((at: number) => boolean) => {
    let k = 0;
    return (at) => {
      while (k < quoted.length && quoted[k][1] <= at) k++;
      return !(k < quoted.length && quoted[k][0] <= at);
    };
  };
  let i = 0;
  const iOutside = outside();
  for (const m of matches(I_SUBJECT, text)) if (iOutside(m.index)) i++;
  const weOutside = outside();
  return { i, we: [...matches(WE_SUBJECT, text)].filter((m) => weOutside(m.index)) };
}
