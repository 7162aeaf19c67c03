// Example for `node scripts/e2e/run-code-server-tests.mjs --ui scripts/e2e/ui-checks.example.mjs`.
// Runs after the mocha suite, in a fresh workbench on the same workspace with the extension under
// development loaded (and live). `page` is a playwright-core Page; throw to fail the run.
// ctx: { baseUrl, url, workspace, extensionPath, outDir, log, screenshot(name), poll(fn, {timeoutMs, message}) }
// These selectors are VS Code internals (pinned by the code-server version in install-tools.sh):
// prefer asserting through the API suite; use the DOM for what only a person sees.
export default async function uiChecks(page, ctx) {
  // The Explorer lists the workspace's Markdown files.
  const rows = await ctx.poll(
    async () => {
      const n = await page.locator('.explorer-folders-view .monaco-list-row').count();
      return n > 0 && n;
    },
    { message: 'explorer rows' },
  );
  ctx.log(`explorer shows ${rows} row(s)`);

  // The status bar has the Problems item (its aria-label carries the counts).
  const problems = await ctx.poll(() => page.locator('[id="status.problems"]').first().getAttribute('aria-label'), {
    message: 'status.problems',
  });
  ctx.log(`status bar problems: ${problems}`);

  // Open the first Markdown file through Quick Open and check an editor appears.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 30_000 });
  await page.keyboard.type('.md');
  await ctx.poll(async () => (await page.locator('.quick-input-list .monaco-list-row').count()) > 0, {
    message: 'quick open results',
  });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });
  await ctx.screenshot('vscode-ui-editor.png');
}
