// A webview panel as every starlint panel opens it: scripts on, no local or remote resource
// roots (the pages load nothing), the starlint icon, and the page's messages and the panel's
// closing handed to its owner.
import * as vscode from 'vscode';

export function openPanel(
  viewType: string,
  title: string,
  extensionUri: vscode.Uri,
  handlers: { message: (m: unknown) => unknown; disposed: () => void },
  options: { retainContextWhenHidden?: boolean } = {},
): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [], ...options });
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'starlint.svg');
  panel.onDidDispose(handlers.disposed);
  panel.webview.onDidReceiveMessage((m: unknown) => void handlers.message(m));
  return panel;
}
