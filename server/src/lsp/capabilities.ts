// What the language server offers, the same in Node and in a web worker.
import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { MARK_PRACTICED_COMMAND } from '../../../shared/protocol';
import { CODE_ACTION_KINDS } from './codeActions';
import { TRIGGER_CHARACTERS } from './completion';

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
  hoverProvider: true,
  codeLensProvider: { resolveProvider: false },
  documentSymbolProvider: { label: 'starlint' },
  completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
  executeCommandProvider: { commands: [MARK_PRACTICED_COMMAND] },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** The files whose changes the server wants to hear of (registered when the client can). */
export const WATCHED_FILES = [{ globPattern: '**/*.{md,markdown}' }, { globPattern: '**/.starlintrc.json' }];
