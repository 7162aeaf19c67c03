// What differs between the desktop extension host (Node) and VS Code for the Web (a browser
// worker): the language client's transport, and the few things only Node can do — real paths
// through symbolic links, and the file system `starlint init` writes through. Everything else in
// the client runs on both.
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { SetupFs } from '../../shared/setup';

export interface Platform {
  kind: 'node' | 'web';
  /** Starts nothing: builds the language client for this host. */
  createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): BaseLanguageClient;
  /** Whether `path` lies inside `root` by real path (links followed); absent where there are no real paths. */
  insideReal?(root: string, path: string): boolean;
  /** The file system Set Up Story Bank writes through in `folder`, or undefined where it cannot write there. */
  setupFs(folder: vscode.Uri): SetupFs | undefined;
}
