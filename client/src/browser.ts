// The web entry (package.json "browser"): VS Code for the Web (vscode.dev, github.dev,
// code-server's browser host) runs the extension in a browser worker and the language server in
// a web worker of its own (dist/browser/server.js). The server cannot read the workspace: it asks
// this client, which reads through vscode.workspace.fs, so virtual file systems work too.
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { activateWith, deactivate, type StarlintApi } from './activate';
import { FindFilesRequest, ReadFileRequest } from '../../shared/protocol';
import type { SetupFs } from '../../shared/setup';

export type { StarlintApi } from './activate';

// The browser's Worker, Blob and URL (this file is compiled without the DOM library).
declare const Worker: new (url: string) => never;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/**
 * The language client of the web: its server is a web worker started from the extension's
 * dist/browser/server.js. Where the host refuses a worker from the extension's own URL (code-server
 * serves a development extension as `vscode-remote:`), the script is read through
 * vscode.workspace.fs and started from a blob URL instead.
 */
class WebLanguageClient extends BaseLanguageClient {
  constructor(
    clientOptions: LanguageClientOptions,
    private readonly serverMain: vscode.Uri,
  ) {
    super('starlint', 'starlint', clientOptions);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    let worker: never;
    try {
      worker = new Worker(this.serverMain.toString(true));
    } catch {
      const script = await vscode.workspace.fs.readFile(this.serverMain);
      worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
    }
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  }
}
export { deactivate };

export function activate(context: vscode.ExtensionContext): StarlintApi {
  return activateWith(context, { kind: 'web', createClient, setupFs: workspaceSetupFs });
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): BaseLanguageClient {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,.starlintrc.json}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // Every scheme: a workspace on vscode.dev is `vscode-vfs:`, an unsaved story `untitled:`.
    documentSelector: [{ language: 'markdown' }],
    synchronize: { fileEvents: watcher },
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  const client = new WebLanguageClient(clientOptions, serverMain);
  client.onRequest(FindFilesRequest.type, async ({ folder, max }) => {
    const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folder));
    if (!root) return [];
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.{md,markdown}'), '{**/node_modules/**,**/.git/**}', max);
    return found.map((u) => u.toString());
  });
  client.onRequest(ReadFileRequest.type, async ({ uri }) => {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
      return { text: new TextDecoder('utf-8').decode(bytes) };
    } catch {
      return null;
    }
  });
  return client;
}

/**
 * Set Up Story Bank on the web: the same planner and writer as `starlint init`, through
 * vscode.workspace.fs. A virtual file system has no symbolic links to follow out of the folder;
 * one reported as a link is refused as on disk.
 */
function workspaceSetupFs(folder: vscode.Uri): SetupFs {
  const at = (path: string) => vscode.Uri.joinPath(folder, ...path.split('/'));
  const stat = async (path: string) => {
    try {
      return await vscode.workspace.fs.stat(at(path));
    } catch {
      return undefined;
    }
  };
  return {
    async kind(path) {
      const s = await stat(path);
      if (!s) return 'missing';
      if (s.type & vscode.FileType.SymbolicLink) return 'link';
      return s.type & vscode.FileType.Directory ? 'folder' : s.type & vscode.FileType.File ? 'file' : 'other';
    },
    async leadsInside(path) {
      const s = await stat(path);
      return s ? !(s.type & vscode.FileType.SymbolicLink) : undefined;
    },
    async makeFolder(path) {
      await vscode.workspace.fs.createDirectory(at(path));
    },
    async createFile(path, text) {
      if (await stat(path)) return 'exists';
      await vscode.workspace.fs.writeFile(at(path), new TextEncoder().encode(text));
      return 'created';
    },
  };
}
