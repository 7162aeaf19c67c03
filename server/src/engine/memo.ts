// The engine's memory: caches keyed by text, owned by one engine (createEngine) and handed down
// to the stages that use them. A call without a Memo caches nothing, so the engine's functions
// stay pure; nothing here is module-level state.

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
    if (key.length > this.maxChars / 4) return;
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

/** A named cache slot: the stage that owns a kind of cached value declares its slot once. */
export class CacheSlot<V> {
  declare private readonly value: V;
  constructor(
    readonly name: string,
    readonly maxChars: number,
  ) {}
}

/**
 * The caches of one engine. `remember: false` gives a view that reads the caches but does not
 * write them: a lint of a version nobody will lint again (a keystroke, a workspace file read
 * once) should not push out entries that will be used.
 */
export class Memo {
  private readonly caches: Map<CacheSlot<unknown>, TextCache<unknown>>;
  private readonly configIds: Map<string, number>;
  private readonly ids: { next: number };

  constructor(
    readonly remember = true,
    shared?: Memo,
  ) {
    this.caches = shared?.caches ?? new Map();
    this.configIds = shared?.configIds ?? new Map();
    this.ids = shared?.ids ?? { next: 1 };
  }

  /** The same caches, read but not written. */
  readOnly(): Memo {
    return this.remember ? new Memo(false, this) : this;
  }

  get<V>(slot: CacheSlot<V>, key: string): V | undefined {
    return (this.caches.get(slot) as TextCache<V> | undefined)?.get(key);
  }

  set<V>(slot: CacheSlot<V>, key: string, value: V): void {
    if (!this.remember) return;
    let cache = this.caches.get(slot) as TextCache<V> | undefined;
    if (!cache) this.caches.set(slot, (cache = new TextCache<V>(slot.maxChars)) as TextCache<unknown>);
    cache.set(key, value);
  }

  /** A short number for a configuration's long key, for cache keys; never reused. */
  configId(key: string): number {
    let id = this.configIds.get(key);
    if (id === undefined) {
      if (this.configIds.size > 1000) this.configIds.clear();
      id = this.ids.next++;
      this.configIds.set(key, id);
    }
    return id;
  }

  /** How many values a slot holds (for tests). */
  size(slot: CacheSlot<unknown>): number {
    return this.caches.get(slot)?.size ?? 0;
  }
}
