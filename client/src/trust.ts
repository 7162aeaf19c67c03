// Restricted Mode: in an untrusted workspace the language server reads files with the built-in
// `stories`, `ignore`, `maxFileSize` and `followSymlinks` (VS Code also withholds the workspace's
// values of the settings package.json lists as `restrictedConfigurations`). A status-bar item says
// so while the workspace is untrusted; trusting it tells the server, which applies the workspace's
// configuration without a restart.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WorkspaceTrustNotification } from '../../shared/protocol';

export class TrustStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('starlint.restricted', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[] = [this.item];
  /** Whether the item is showing (the workspace is untrusted). */
  shown = false;

  constructor(client: BaseLanguageClient) {
    this.item.name = 'starlint: Restricted Mode';
    this.item.text = '$(shield) starlint: Restricted Mode';
    this.item.tooltip =
      'This workspace is not trusted: starlint lints open stories with its built-in file settings and ignores the workspace’s stories, ignore, maxFileSize, followSymlinks and bankFolder values. Trust the workspace to apply them.';
    this.item.command = 'workbench.trust.manage';
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.item.hide();
        this.shown = false;
        void client.sendNotification(WorkspaceTrustNotification.type, { trusted: true }).catch(() => undefined);
      }),
    );
    if (!vscode.workspace.isTrusted) {
      this.item.show();
      this.shown = true;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
