// The language client: starts dist/server.js over Node IPC and hands it the Markdown documents.
// Everything starlint knows about a story comes from that server; the client only shows it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.starlintrc.json');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      // The server reads `.starlintrc.json` itself; it needs to hear when one changes.
      fileEvents: watcher,
    },
    outputChannel: output,
    // Restricted Mode (client/src/trust.ts): the server ignores the workspace's file settings until trusted.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient('starlint', 'starlint', serverOptions, clientOptions);
}
