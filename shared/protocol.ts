// The custom part of starlint's protocol, declared once and imported by the server and every
// client (the VS Code extension, tests, other editors' plug-ins). Everything else is plain LSP.
import { NotificationType, RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { BankReport, BankStory, PracticeStatus, Severity } from '../server/src/engine';

// The bank's shapes as the server sends them: the client reads them from here, never from the engine.
export type { BankReport, BankStory, CompositionRow, CoverageRow, PracticeStatus, Severity } from '../server/src/engine';
import type { DrillPlan } from '../server/src/engine/bank/drill';
import type { MatchResult } from '../server/src/engine/bank/match';

export type { DrillPlan, DrillQuestion } from '../server/src/engine/bank/drill';
export type { Competency, MatchResult } from '../server/src/engine/bank/match';

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
  /**
   * Files on disk the workspace scan read because they match the `stories` globs, stories or
   * not: with `files` 0 and `scanned` above 0, the workspace has Markdown but no story in it.
   */
  scanned: number;
  /**
   * Why the bank is incomplete, when it is: the workspace scan stopped at its file limit, or the
   * first scan was still running when the request's wait for it ran out (a `starlint/bankChanged`
   * follows when it ends).
   */
  partial?: string;
  /** The target company of the bank's configuration, for company-specific views (e.g. `amazon`). */
  targetCompany?: string;
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
 * `starlint/workspaceTrust` (client → server): the workspace's trust changed. In an untrusted
 * workspace (Restricted Mode) the server reads files with the built-in `stories`, `ignore`,
 * `maxFileSize` and `followSymlinks`, whatever the workspace's settings and `.starlintrc.json` say;
 * trusting it applies them without a restart. The initial state is `trusted` in the
 * initialization options.
 */
export namespace WorkspaceTrustNotification {
  export const method = 'starlint/workspaceTrust';
  export const type = new NotificationType<{ trusted: boolean }>(method);
}

/**
 * `starlint/findFiles` (server → client; the web only): the Markdown files of one workspace folder,
 * as URIs, at most `max`. The browser server cannot list the workspace itself; VS Code for the Web's
 * client answers through `vscode.workspace.findFiles` (node_modules and .git left out).
 */
export namespace FindFilesRequest {
  export const method = 'starlint/findFiles';
  export const type = new RequestType<{ folder: string; max: number }, string[], void>(method);
}

/** `starlint/readFile` (server → client; the web only): a file's text through `vscode.workspace.fs`, or null. */
export namespace ReadFileRequest {
  export const method = 'starlint/readFile';
  export const type = new RequestType<{ uri: string }, { text: string } | null, void>(method);
}

/** Params of `starlint/lintAll`: as for `starlint/bank`, one workspace folder or all of them. */
export type LintAllParams = BankParams;

export interface LintAllResult {
  /** The story files whose diagnostics were published, open or not. */
  uris: string[];
  /** The diagnostics published, by severity. */
  problems: Record<Severity, number>;
  /** As in BankResult: set when the first workspace scan had not finished. */
  partial?: string;
}

/**
 * `starlint/lintAll`: publishes diagnostics for every story file in the bank, including files that
 * are not open (from their text on disk). The server keeps those diagnostics current as the files
 * change, and clears them when a file leaves the bank.
 */
export namespace LintAllRequest {
  export const method = 'starlint/lintAll';
  export const type = new RequestType<LintAllParams, LintAllResult, void>(method);
}

export interface CardsParams extends BankParams {
  /** `html` (default): a printable page per story; `md`: the same as Markdown. */
  format?: 'html' | 'md';
}

export interface CardsResult {
  format: 'html' | 'md';
  /** The rendered deck: a self-contained page (its own CSP, no script, nothing remote) or Markdown. */
  text: string;
  /** How many cards (stories) the deck holds. */
  cards: number;
  partial?: string;
}

/** `starlint/cards`: the bank's cue cards, rendered as `starlint cards` renders them. */
export namespace CardsRequest {
  export const method = 'starlint/cards';
  export const type = new RequestType<CardsParams, CardsResult, void>(method);
}

export interface DrillPlanParams extends BankParams {
  /** How many questions (default 5). */
  questions?: number;
  /** Only these questions, in this order: theme ids or company value ids (`amazon:dive-deep`). */
  themes?: string[];
  /** Orders the questions and picks the follow-ups; the same seed and bank give the same plan. Default: a random seed (returned in the plan). */
  seed?: number;
}

export interface DrillPlanResult {
  /** The plan of `starlint drill`; its story indices point into `stories`. */
  plan: DrillPlan;
  /** The bank's stories the plan was made from. */
  stories: BankStory[];
  /** A message per `themes` entry the bank does not know (with the closest id); such entries are left out. */
  unknownThemes: string[];
  partial?: string;
}

/** `starlint/drillPlan`: a mock interview planned as `starlint drill` plans it, from the bank and its configuration. */
export namespace DrillPlanRequest {
  export const method = 'starlint/drillPlan';
  export const type = new RequestType<DrillPlanParams, DrillPlanResult, void>(method);
}

export interface MatchJobParams extends BankParams {
  /** The job posting, Markdown or plain text. */
  text: string;
}

export interface MatchJobResult {
  /** What `starlint match` finds; its story indices point into `stories`. */
  result: MatchResult;
  stories: BankStory[];
  partial?: string;
}

/** `starlint/matchJob`: the competencies a job posting asks for and the bank's stories for each, as `starlint match` finds them. */
export namespace MatchJobRequest {
  export const method = 'starlint/matchJob';
  export const type = new RequestType<MatchJobParams, MatchJobResult, void>(method);
}

/**
 * `workspace/executeCommand` with this command records a practice session: the server appends the
 * date to the story's `practiced` list (every other byte of its metadata kept) and applies the
 * edit with `workspace/applyEdit`. Arguments: one MarkPracticedArgs, or `uri, story, date?`.
 */
export const MARK_PRACTICED_COMMAND = 'starlint.markPracticed';

export interface MarkPracticedArgs {
  /** The story file. */
  uri: string;
  /** The story's index in the file (BankStory.index). */
  story: number;
  /** YYYY-MM-DD; default: the server's today. */
  date?: string;
}

export interface MarkPracticedResult {
  /** True when the edit was applied; false when the date was already logged or the client refused it. */
  applied: boolean;
  date: string;
  /** Why nothing was applied. */
  reason?: string;
  /** The story's practice schedule with the date logged. */
  practice: PracticeStatus;
  /** The edit, when the client cannot apply edits sent by the server (no `workspace.applyEdit`). */
  edit?: WorkspaceEdit;
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
  followSymlinks?: boolean;
  /** Milliseconds of quiet after an edit before the document is linted again (default 300). */
  debounceMs?: number;
  /** When false, the server publishes no diagnostics (other features keep working). */
  enable?: boolean;
  /**
   * Which story files get diagnostics: `workspace` (default) publishes them for every story file
   * in the workspace from start-up, open or not, and keeps them when a file is closed; `open`
   * only for open files, cleared on close. Markdown that is not a story gets nothing either way.
   */
  scope?: 'workspace' | 'open';
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
  /**
   * How long a `starlint/bank`, `starlint/lintAll` or `starlint/cards` request waits for the first
   * workspace scan before it answers with what is indexed so far and `partial` set (default 5000 ms).
   */
  bankWaitMs?: number;
  /** False in an untrusted workspace (Restricted Mode; see `starlint/workspaceTrust`). Default true. */
  trusted?: boolean;
}
