// The desktop entry (package.json "main"): the language server runs in Node, dist/server.js over
// IPC. VS Code for the Web loads client/src/browser.ts instead.
import type * as vscode from 'vscode';
import { activateWith, deactivate, type StarlintApi } from './activate';
import { createClient } from './client';
import { isInsideReal } from '../../shared/confine';
import { nodeSetupFs } from '../../shared/setup-node';

export type { StarlintApi } from './activate';
export { deactivate };

export function activate(context: vscode.ExtensionContext): StarlintApi {
  return activateWith(context, {
    kind: 'node',
    createClient,
    insideReal: isInsideReal,
    // The desktop host writes through Node, on disk only (a virtual folder has no real paths to check).
    setupFs: (folder) => (folder.scheme === 'file' ? nodeSetupFs(folder.fsPath) : undefined),
  });
}
