/** Converts offsets to zero-based lines and UTF-16 columns, as LSP and the CLI need. */
export class LineIndex {
  /** Offsets where lines start; a typed array so an edit moves the later ones with one copy. */
  private readonly starts: Float64Array;

  constructor(
    readonly text: string,
    starts?: Float64Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    const found = [0];
    LineIndex.scan(text, 0, text.length, found);
    this.starts = Float64Array.from(found);
  }

  /** Pushes the line starts that the line endings in text[from, to) begin. */
  private static scan(text: string, from: number, to: number, out: number[]): void {
    if (text.indexOf('\r', from) === -1) {
      // LF only (nearly every file): let the native search find them.
      for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) out.push(i + 1);
      return;
    }
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) out.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) out.push(i + 1);
    }
  }

  /**
   * The index of `text`: this index's text with [start, end) replaced by `inserted`. Only the
   * inserted text is scanned and later line starts move; `rescan` (a CR next to the stretch,
   * which could pair with an LF across it) builds the index from `text` instead.
   */
  edited(text: string, start: number, end: number, inserted: string, rescan = false): LineIndex {
    if (rescan) return new LineIndex(text);
    const delta = inserted.length - (end - start);
    const { starts } = this;
    const head = countAtMost(starts, start);
    const added: number[] = [];
    LineIndex.scan(inserted, 0, inserted.length, added);
    let tail = head;
    while (tail < starts.length && starts[tail] <= end) tail++;
    const out = new Float64Array(head + added.length + (starts.length - tail));
    out.set(starts.subarray(0, head));
    for (let i = 0; i < added.length; i++) out[head + i] = added[i] + start;
    const at = head + added.length;
    out.set(starts.subarray(tail), at);
    if (delta !== 0) for (let i = at; i < out.length; i++) out[i] += delta;
    return new LineIndex(text, out);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineOf(offset: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), lineEnd);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}

/** How many values of an ascending array are at most x. */
export function countAtMost(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
