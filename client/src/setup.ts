// "starlint: Set Up Story Bank": the VS Code face of `starlint init`. It asks for the target
// company and the CI files, then writes them through the same planner and writer as the command
// line (shared/setup.ts), so both never overwrite a file and never write outside the folder.
import * as vscode from 'vscode';
import { COMPANIES } from '../../shared/domain';
import { CI_KINDS, EXAMPLE_STORY, applySetup, planSetup, type SetupResult } from '../../shared/setup';
import type { Platform } from './platform';

export interface SetUpArgs {
  /** A company id, or '' for none; asked when missing. */
  company?: string;
  /** CI files to add (github, pre-commit); asked when missing. */
  ci?: string[];
  /** The folder to set up (a path or URI); defaults to the first workspace folder. */
  folder?: string | vscode.Uri;
  /** Open the example story when it was created (default true). */
  open?: boolean;
}

/** The context key that hides the welcome view's offer once the bank was set up in this workspace. */
export const SET_UP_CONTEXT = 'starlint.bankSetUp';

export function restoreSetUpContext(context: vscode.ExtensionContext): void {
  void vscode.commands.executeCommand('setContext', SET_UP_CONTEXT, context.workspaceState.get<boolean>(SET_UP_CONTEXT) === true);
}

export async function setUpStoryBank(
  context: vscode.ExtensionContext,
  platform: Platform,
  refresh: () => unknown,
  args: SetUpArgs = {},
): Promise<SetupResult | undefined> {
  const folder =
    args.folder !== undefined ? (typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : args.folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showErrorMessage('starlint: open a folder first; the story bank is set up inside it.');
    return undefined;
  }
  const fs = platform.setupFs(folder);
  if (!fs) {
    void vscode.window.showErrorMessage(
      `starlint: the story bank can be set up in a folder on disk only (this one is ${folder.scheme}:). Run \`npx starlint init\` in a terminal instead.`,
    );
    return undefined;
  }
  const company =
    args.company ??
    (
      await vscode.window.showQuickPick([{ label: 'No target company', id: '' }, ...COMPANIES.map((c) => ({ label: c, id: c as string }))], {
        title: 'Set up story bank (1/2): the company you are preparing for',
        placeHolder: 'starlint tunes the company-values rule to it; change it later in .starlintrc.json',
      })
    )?.id;
  if (company === undefined) return undefined;
  const ci =
    args.ci ??
    (
      await vscode.window.showQuickPick(
        CI_KINDS.map((kind) => ({
          label: kind === 'github' ? 'GitHub Actions' : 'pre-commit',
          description: kind === 'github' ? '.github/workflows/starlint.yml' : '.pre-commit-config.yaml',
          ci: kind as string,
        })),
        {
          title: 'Set up story bank (2/2): check the stories in CI too? (optional)',
          canPickMany: true,
          placeHolder: 'Pick none, one or both, then press Enter',
        },
      )
    )?.map((p) => p.ci);
  if (ci === undefined) return undefined;

  const plan = planSetup({ company, ci });
  if (plan.problems.length) throw new Error(plan.problems.join(' '));
  const result = await applySetup(plan.files, fs);
  await context.workspaceState.update(SET_UP_CONTEXT, true);
  restoreSetUpContext(context);
  void refresh();

  const list = (paths: string[]) => paths.join(', ');
  const parts = [];
  if (result.created.length) parts.push(`created ${list(result.created.map((f) => f.path))}`);
  if (result.skipped.length) parts.push(`skipped ${list(result.skipped.map((s) => `${s.file.path} (${s.reason})`))}`);
  if (result.refused.length) parts.push(`refused ${list(result.refused.map((s) => `${s.file.path} (${s.reason})`))}`);
  const message = `starlint: ${parts.join('; ')}.`;
  if (result.refused.length) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  if (args.open !== false && result.created.some((f) => f.path === EXAMPLE_STORY)) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, ...EXAMPLE_STORY.split('/')));
  }
  return result;
}
