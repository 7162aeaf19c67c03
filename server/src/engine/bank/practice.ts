import type { Story } from '../model/types';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edit that records a practice session: appends `date` to the story's `practiced` list and
 * leaves every other byte of the metadata as it was. Handles a flow list (`[a, b]`), a block list
 * (`- a` lines), a missing key, and a story with no metadata at all.
 */
export function markPracticedEdit(text: string, story: Story, date: string): TextEdit | undefined {
  const meta = story.meta;
  if (meta.practiced?.includes(date)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const key = meta.keys.practiced;
  if (key) {
    const value = text.slice(key.value.start, key.value.end);
    if (value.trimStart().startsWith('[')) {
      const close = text.lastIndexOf(']', key.value.end);
      if (close > key.value.start) {
        const inner = text.slice(text.indexOf('[', key.value.start) + 1, close).trim();
        return { start: close, end: close, text: inner ? `, ${date}` : date };
      }
    }
    if (/^\s*-/.test(value) || /\n[^\S\n]*-/.test(text.slice(key.key.end, key.value.end))) {
      // A block list: a new item after the last one, with the same indentation.
      let end = key.value.end;
      while (end > key.value.start && /\s/.test(text[end - 1])) end--;
      const lineStart = text.lastIndexOf('\n', end - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '  ';
      const lineEnd = text.indexOf('\n', end);
      // A comment that closes on the last item's line ("  - 2026-11-01 -->"): the new item goes
      // before the "-->", inside the comment.
      const close = meta.source === 'comment' ? text.indexOf('-->', end) : -1;
      if (close !== -1 && (lineEnd === -1 || close < lineEnd)) return { start: close, end: close, text: `${eol}${indent}- ${date}${eol}` };
      const at = lineEnd === -1 ? text.length : lineEnd + 1;
      const atEnd = lineEnd === -1;
      return { start: at, end: at, text: `${atEnd ? eol : ''}${indent}- ${date}${atEnd ? '' : eol}` };
    }
    // A scalar (`practiced: 2026-11-01`): turn it into a list of both dates.
    return { start: key.value.start, end: key.value.end, text: `[${value.trim()}, ${date}]` };
  }
  if (meta.span && meta.source === 'front-matter') {
    // Before the closing `---` line.
    const close = text.lastIndexOf('---', meta.span.end);
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    return { start: lineStart, end: lineStart, text: `practiced: [${date}]${eol}` };
  }
  if (meta.span && meta.source === 'comment') {
    const close = text.lastIndexOf('-->', meta.span.end);
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    const before = text.slice(lineStart, close);
    if (before.trim() === '') return { start: lineStart, end: lineStart, text: `practiced: [${date}]${eol}` };
    return { start: close, end: close, text: `${eol}practiced: [${date}]${eol}` };
  }
  if (story.index === 0 && story.span.start === 0) {
    return { start: 0, end: 0, text: `---${eol}practiced: [${date}]${eol}---${eol}${eol}` };
  }
  // A story of a bank file with no metadata comment: add one under its title.
  const at = story.titleSpan ? text.indexOf('\n', story.titleSpan.end) + 1 : story.span.start;
  return { start: at, end: at, text: `<!-- story${eol}practiced: [${date}]${eol}-->${eol}` };
}
