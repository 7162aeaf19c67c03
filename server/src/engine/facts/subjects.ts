// Who did it: first-person subjects counted for the first-person rule, the score and the bank's
// I-ratio. Words inside a quotation ("my manager said "we ship Friday"") are someone's speech, not
// the writer's account, and are not counted.
import { matches } from '../syntax/prose';

export const I_SUBJECT = /(?<![\w'])I(?:'m|'ve|'d|'ll)?(?![\w'])/g;
export const WE_SUBJECT = /(?<![\w'])[Ww]e(?:'re|'ve|'d|'ll)?(?![\w'])/g;

// A quotation: straight double quotes (the prose has curly ones straightened) around a line at most.
const QUOTATION = /"[^"\n]{1,400}"/g;

/** Counts first-person subjects outside quotations: I, I'm, I've, I'd, I'll against we, we're, we've, we'd, we'll. */
export function subjectCounts(text: string): { i: number; we: RegExpExecArray[] } {
  const quoted: [number, number][] = [];
  for (const q of matches(QUOTATION, text)) quoted.push([q.index, q.index + q[0].length]);
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
