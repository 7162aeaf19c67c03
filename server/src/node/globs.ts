// Glob matching shared by the workspace scan (`isStoryCandidate`) and the CLI's folder walk.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globMatcher, type ResolvedConfig } from '../engine';

/** Forward-slash path of `path` relative to `root`, or undefined when it lies outside `root`. */
export function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(resolve(root), resolve(root, path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export interface Matchers {
  stories: (path: string) => boolean;
  ignored: (path: string) => boolean;
}

const matcherCache = new Map<string, Matchers>();

/**
 * Glob matchers for a configuration. `stories` globs do not match hidden files or folders unless
 * they name them (`.interviews/**`); `ignore` globs match hidden paths too, and a folder whose
 * path matches an ignore glob is skipped whole.
 */
export function matchersFor(config: Pick<ResolvedConfig, 'stories' | 'ignore'>): Matchers {
  const key = JSON.stringify([config.stories, config.ignore]);
  let m = matcherCache.get(key);
  if (!m) {
    m = {
      // Linear-time matching (engine/lint/glob): a glob from a cloned repository cannot hang the scan.
      stories: globMatcher(config.stories, { dot: false }),
      ignored: globMatcher(config.ignore, { dot: true }),
    };
    if (matcherCache.size > 50) matcherCache.clear();
    matcherCache.set(key, m);
  }
  return m;
}
