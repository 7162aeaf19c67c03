/**
 * How much story text the per-story caches (parsed chunks, sections, findings) hold: the stories
 * of one bank file at the default maxFileSize (1 MB) and a little more, so an edit that needs a
 * whole-file lint finds the other stories cached. Typing inside a story goes through lintEdit,
 * which needs no cache for the other stories, so the caches need not hold a whole workspace;
 * smaller caches keep a long editing session's memory down.
 */
export const CACHE_CHARS = 1_200_000;

/**
 * A least-recently-used cache keyed by text, bounded by the total length of its keys (a proxy
 * for the memory its entries hold) and by a count. The engine's caches — parsed chunks, story
 * sections, story findings, metrics, metadata — are all of this kind, so a long editing session
 * holds a bounded amount of memory however many versions of a file it sees.
 */
export class TextCache<V> {
  /**
   * While false, caches are read but not written: a lint of a version nobody will lint again (a
   * keystroke, a workspace file read once) should not push out entries that will be used.
   */
  static remember = true;

  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxChars: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert: a Map iterates in insertion order, which makes the first key the oldest.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (!TextCache.remember || key.length > this.maxChars / 4) return;
    const old = this.map.get(key);
    if (old !== undefined) this.map.delete(key);
    else this.chars += key.length;
    this.map.set(key, value);
    while (this.chars > this.maxChars || this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  get size(): number {
    return this.map.size;
  }
}
