// The custom part of starlint's protocol, declared once and imported by the server and every
// client (the VS Code extension, tests, other editors' plug-ins). Everything else is plain LSP.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { BankReport } from './engine';

export interface BankParams {
  /**
   * A workspace folder URI: the bank of that folder only. Without it, the stories of every
   * workspace folder (and of open documents outside them) form one bank.
   */
  folder?: string;
}

/** The story bank: BankReport with file URIs, plus what the server knows about the scan. */
export interface BankResult extends BankReport {
  /** The folders the bank covers. */
  folders: string[];
  /** Story files indexed (files that are stories, open documents included). */
  files: number;
  /** Set when the workspace scan stopped early (file limit reached) or was still running. */
  partial?: string;
}

/** `starlint/bank`: the story bank — stories, scores, composition, coverage, practice due dates. */
export namespace BankRequest {
  export const method = 'starlint/bank';
  export const type = new RequestType<BankParams, BankResult, void>(method);
}

export interface BankChangedParams {
  /** Increases with every change; a client may drop a notification older than its last request. */
  version: number;
  /** The URIs of story files added, changed or removed since the previous notification. */
  uris: string[];
}

/** `starlint/bankChanged`: sent (debounced) after the bank changed; ask `starlint/bank` again. */
export namespace BankChangedNotification {
  export const method = 'starlint/bankChanged';
  export const type = new NotificationType<BankChangedParams>(method);
}

/**
 * Settings under the `starlint` section (`workspace/configuration`, VS Code `starlint.*`).
 * The configuration keys of `.starlintrc.json` plus the editor-only ones; the rc file wins.
 */
export interface StarlintSettings {
  rules?: Record<string, unknown>;
  themes?: { id: string; question?: string }[];
  targetCompany?: string | null;
  wordsPerMinute?: number;
  stories?: string[];
  ignore?: string[];
  redact?: string[];
  maxFileSize?: number;
  /** Milliseconds of quiet after an edit before the document is linted again (default 300). */
  debounceMs?: number;
  /** When false, the server publishes no diagnostics (other features keep working). */
  enable?: boolean;
}

/** `initializationOptions` the server understands; all optional. */
export interface StarlintInitializationOptions {
  /** Settings for clients that answer neither `workspace/configuration` nor push settings. */
  settings?: StarlintSettings;
  /** The same, as Helix sends a server's `config` table (`config = { starlint = { … } }`). */
  starlint?: StarlintSettings;
  /** Today as YYYY-MM-DD, for reproducible recency and practice dates (like the CLI's --today). */
  today?: string;
  /** Whether to scan the workspace folders for the story bank (default true). */
  scanWorkspace?: boolean;
}
