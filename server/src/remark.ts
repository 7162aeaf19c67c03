// starlint as a unified (remark) plugin: `remark --use starlint/remark stories/`, or in a
// `.remarkrc`: `{ "plugins": ["starlint/remark"] }`. Each story finding becomes a vfile message —
// the rule id as `ruleId`, `source: "starlint"`, its place (1-based, as vfile counts), a link to
// the rule's page as `url` — at the configured severity: `error` is fatal (remark-cli exits 1),
// `warning` is a warning (`--frail` fails on it too), `info` and `hint` are informational.
//
// The plugin reads the file's text, not the host's syntax tree: starlint parses with its own
// unified + remark-parse pipeline (chunked, with the guards of engine/syntax/units.ts), so a story gets
// the same findings here as from the CLI and the editor. Configuration is read as the CLI reads
// it: the nearest `.starlintrc.json` upward from the file, then the plugin's options over it.
import { dirname, resolve } from 'node:path';
import { LineIndex, createEngine, resolveConfig, ruleDocsUrl, today, type Severity, type StarlintConfig } from './engine';
import { findConfigFile, loadConfigFile } from './node/config-files';

export interface RemarkStarlintOptions {
  /** Settings laid over the file's `.starlintrc.json` (the same keys: rules, targetCompany, themes…). */
  config?: StarlintConfig;
  /**
   * Where the configuration comes from: `true` (default) the nearest `.starlintrc.json` upward from
   * each file, a path for one file for all, `false` for none (only `config`).
   */
  configFile?: boolean | string;
  /** Today as YYYY-MM-DD, for `recency` and practice dates (default: the machine's date). */
  today?: string;
}

/** The parts of a vfile the plugin uses (vfile 6), so the types ask nothing of the caller's packages. */
interface FileLike {
  value: unknown;
  path?: string;
  cwd: string;
  message(reason: string, options?: { place?: { start: Point; end: Point }; ruleId?: string; source?: string }): MessageLike;
}

interface Point {
  line: number;
  column: number;
}

interface MessageLike {
  fatal?: boolean | null;
  url?: string;
}

/** The unified plugin (default export of `starlint/remark`). */
export default function remarkStarlint(options: RemarkStarlintOptions = {}): (tree: unknown, file: FileLike) => void {
  // One engine per attached plugin: the files of one remark run share its caches.
  const engine = createEngine();
  return (_tree, file) => {
    const text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value as Uint8Array);
    const path = file.path === undefined ? undefined : resolve(file.cwd, file.path);
    const layers: StarlintConfig[] = [];
    const configPath =
      options.configFile === false
        ? undefined
        : typeof options.configFile === 'string'
          ? resolve(file.cwd, options.configFile)
          : findConfigFile(path ? dirname(path) : file.cwd);
    if (configPath) {
      const loaded = loadConfigFile(configPath);
      for (const p of loaded.problems) {
        // A broken configuration is the user's to fix, and fails the run as the CLI's exit 2 does.
        const at = file.message(`${configPath}:${p.line}:${p.column}: ${p.message}`, { ruleId: 'configuration', source: 'starlint' });
        at.fatal = true;
      }
      layers.push(loaded.config);
    }
    if (options.config) layers.push(options.config);
    const result = engine.lintText(text, resolveConfig(...layers), { today: options.today ?? today() });
    const lines = new LineIndex(text);
    const point = (offset: number): Point => {
      const p = lines.position(offset);
      return { line: p.line + 1, column: p.character + 1 };
    };
    for (const f of result.findings) {
      const message = file.message(f.message, { place: { start: point(f.span.start), end: point(f.span.end) }, ruleId: f.rule, source: 'starlint' });
      message.fatal = FATAL[f.severity];
      message.url = ruleDocsUrl(f.rule);
    }
  };
}

// vfile's three levels: fatal (error), false (warning), undefined (info).
const FATAL: Record<Severity, boolean | undefined> = { error: true, warning: false, info: undefined, hint: undefined };
