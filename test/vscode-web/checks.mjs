// VS Code for the Web, for real: code-server's browser extension host runs a copy of the
// extension whose only entry is the browser one (run.mjs stages it), so the extension and its
// web-worker language server run as on vscode.dev. What a person sees is checked through the DOM:
// the Story Bank filled from the workspace (read through vscode.workspace.fs by the worker's
// requests), a story's squiggles and lenses, the Problems count, the coverage heat-map, and Set Up
// Story Bank writing through vscode.workspace.fs.
import fs from 'node:fs';
import path from 'node:path';
import { heatMap, runCommand, starlintViews } from '../vscode-ui/checks.mjs';

export default async function webChecks(page, ctx) {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const { rows, fold } = await starlintViews(page, ctx);
  // The trees are virtual lists (only rows on screen are in the DOM): fold the other two views so
  // the bank's 13 rows all fit.
  for (const title of ['Question Coverage', 'Practice']) await fold(title, false);
  let last;
  await ctx
    .poll(
      async () => {
        const t = (last = await rows('Story Bank').allTextContents());
        return t.some((r) => r.startsWith('project · ')) && t.length >= 13;
      },
      { message: 'Story Bank rows (5 categories, 8 stories) from the web worker', timeoutMs: 120_000 },
    )
    .catch((e) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(last)}`);
    });
  ctx.log(`Story Bank: ${last.length} rows`);
  await ctx.screenshot('vscode-web-bank.png');

  // Open a story from the bank: its squiggles come from the worker.
  const story = rows('Story Bank').filter({ hasText: 'Promotion uplift' }).first();
  await ctx.poll(async () => (await story.count()) > 0, { message: 'a story row' });
  await story.click();
  await ctx.poll(
    async () => (await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').count()) > 0,
    { message: 'starlint squiggles in the opened story', timeoutMs: 60_000 },
  );
  // The lenses above the title and the sections come from the worker too.
  await ctx.poll(async () => (await page.locator('.monaco-editor .codelens-decoration', { hasText: /Strength \d+\/100/ }).count()) > 0, {
    message: 'the strength lens over the title',
  });
  await ctx.screenshot('vscode-web-story.png');
  // The extension ran in the browser host: the Node host never started it.
  const problems = await page.locator('[id="status.problems"]').getAttribute('aria-label');
  ctx.log(`Problems: ${problems}`);
  if (!/[1-9]/.test(problems ?? '')) throw new Error(`no problems counted: ${problems}`);

  // The coverage heat-map: a webview fed by the worker's bank (its nonce from Web Crypto).
  await runCommand(page, ctx, 'starlint: Show Coverage Heat-Map');
  await heatMap(page, ctx, async (f) => (await f.locator('th[scope="row"].story').count()) === 8, 'the heat-map with 8 story rows');
  await ctx.screenshot('vscode-web-heatmap.png');

  // Set Up Story Bank writes through vscode.workspace.fs: no company, no CI, then the example opens.
  await runCommand(page, ctx, 'starlint: Set Up Story Bank', undefined, { opensQuickInput: true });
  const input = page.locator('.quick-input-widget input');
  const noCompany = page.locator('.quick-input-list .monaco-list-row', { hasText: 'No target company' }).first();
  await ctx.poll(async () => (await noCompany.count()) > 0, { message: 'the company question' });
  await noCompany.click();
  await ctx.poll(async () => /none/i.test((await input.getAttribute('placeholder')) ?? ''), { message: 'the CI question' });
  await input.press('Enter'); // none picked
  await ctx.poll(async () => (await page.locator('.tabs-container .tab', { hasText: 'my-first-story.md' }).count()) > 0, {
    message: 'the example story written and opened',
  });
  if (!fs.existsSync(path.join(ctx.workspace, 'stories', 'my-first-story.md'))) throw new Error('stories/my-first-story.md is not on disk');
  if (!fs.existsSync(path.join(ctx.workspace, '.starlintrc.json'))) throw new Error('.starlintrc.json is not on disk');
}
