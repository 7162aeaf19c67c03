import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('smoke: extension host', () => {
  it('exposes vscode.version as a string', () => {
    assert.equal(typeof vscode.version, 'string');
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('opened exactly one workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ')}`);
  });
});
