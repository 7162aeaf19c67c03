// The editor's `starlint` settings as engine configuration, and what Restricted Mode leaves out.
// No file system and no Node API: the Node server and the browser server both use it.
import type { StarlintConfig } from '../engine';
import type { StarlintInitializationOptions, StarlintSettings } from '../../../shared/protocol';

/**
 * The settings that decide which files starlint reads and how much of them: in Restricted Mode
 * they come from the built-in defaults, whatever the workspace's settings or `.starlintrc.json`
 * say (the extension declares the settings as `restrictedConfigurations` too).
 */
export const RESTRICTED_KEYS = ['stories', 'ignore', 'maxFileSize', 'followSymlinks'] as const;

/** A configuration layer without the keys Restricted Mode ignores. */
export function restricted(layer: StarlintConfig | undefined): StarlintConfig | undefined {
  if (!layer) return layer;
  const out: Record<string, unknown> = { ...layer };
  for (const key of RESTRICTED_KEYS) delete out[key];
  return out as StarlintConfig;
}

const CONFIG_KEYS: (keyof StarlintConfig)[] = [
  'rules',
  'themes',
  'targetCompany',
  'wordsPerMinute',
  'stories',
  'ignore',
  'redact',
  'maxFileSize',
  'followSymlinks',
];

/** The part of the editor settings that is engine configuration; editor-only keys are dropped. */
export function settingsLayer(settings: StarlintSettings): StarlintConfig {
  const layer: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const v = (settings as Record<string, unknown>)[key];
    // VS Code reports unset settings as null or empty values; they must not override defaults.
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0 && key !== 'redact') continue;
    if (key === 'targetCompany' && v === '') continue;
    layer[key] = v;
  }
  return layer as StarlintConfig;
}

export function asSettings(raw: unknown): StarlintSettings {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as StarlintSettings) : {};
}

/** The client's initialization options, or none when it sent something that is not an object. */
export function initOptionsOf(raw: unknown): StarlintInitializationOptions {
  return (raw && typeof raw === 'object' ? raw : {}) as StarlintInitializationOptions;
}
