// Browser checks of what only a person sees: the trees, squiggles and their hover, the
// Problems count, the status-bar item, the coverage heat-map webview, the Practice view and its
// inline Mark Practiced Today action, the cue cards, the mock interview driven by keyboard, the
// job match of a real posting, including a story titled
// `<img src=x onerror=alert(1)>` that must render as text. Run by run.mjs on a temporary
// copy of examples/story-bank (see scripts/e2e/run-code-server-tests.mjs --ui). The README's
// screenshots are saved into docs/images/ before the hostile story is added.
// The selectors are VS Code internals, pinned by the code-server version in install-tools.sh.
import fs from 'node:fs';
import path from 'node:path';

const XSS = '<img src=x onerror=alert(1)>';

export default async function uiChecks(page, ctx) {
  // The README's pictures are rewritten only when asked (run.mjs --readme-images); otherwise
  // they go with the other artifacts.
  const readme = process.env.STARLINT_README_IMAGES === '1';
  const images = readme ? path.join(ctx.extensionPath, 'docs', 'images') : ctx.outDir;
  fs.mkdirSync(images, { recursive: true });
  const shot = async (name) => {
    const file = path.join(images, readme ? name : `vscode-ui-${name}`);
    await page.screenshot({ path: file });
    ctx.log(`screenshot ${path.relative(ctx.extensionPath, file)}`);
  };
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setViewportSize({ width: 1600, height: 1000 });

  // ---------------------------------------------------------------- the starlint views
  const { pane, rows, fold } = await starlintViews(page, ctx);
  // The Practice view waits folded until its own check, so the bank's rows all fit on screen.
  await fold('Practice', false);
  let lastRows;
  const bankRows = await ctx
    .poll(
      async () => {
        const t = (lastRows = await rows('Story Bank').allTextContents());
        return t.some((r) => r.startsWith('project · ')) && t.length >= 13 && t;
      },
      { message: 'Story Bank rows (5 categories, 8 stories)' },
    )
    .catch((e) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(lastRows)}`);
    });
  for (const c of ['project', 'collaboration', 'failure', 'leadership', 'ethics']) {
    if (!bankRows.some((r) => new RegExp(`^${c} · \\d+ of \\d`).test(r))) throw new Error(`no "${c} · n of m" group in ${JSON.stringify(bankRows)}`);
  }
  if (!bankRows.some((r) => /^Promotion uplift model with the finance team\d+ · \d+:\d\d · \d+ problems? · follow-ups [0-6]\/6$/.test(r))) {
    throw new Error(`story row without "score · m:ss · n problems · follow-ups n/6": ${JSON.stringify(bankRows)}`);
  }
  const header = await pane('Story Bank').locator('.pane-header').textContent();
  if (!/8 stories/.test(header)) throw new Error(`Story Bank header: ${header}`);
  const coverageRows = await ctx.poll(
    async () => {
      const t = await rows('Question Coverage').allTextContents();
      return t.length >= 10 && t;
    },
    { message: 'Question Coverage rows' },
  );
  if (!/no story$/.test(coverageRows[0]) || !/no story$/.test(coverageRows[1]) || /no story$/.test(coverageRows[2])) {
    throw new Error(`uncovered themes are not first: ${JSON.stringify(coverageRows)}`);
  }
  const gapIcon = await rows('Question Coverage').first().locator('.codicon-error').count();
  if (gapIcon !== 1) throw new Error('the first coverage row has no error icon');
  ctx.log(`Story Bank: ${bankRows.length} rows; Question Coverage: ${coverageRows.length} rows, first "${coverageRows[0]}"`);
  await widenSidebar(page, 560);

  // ---------------------------------------------------------------- a story in the editor
  await rows('Story Bank').filter({ hasText: 'Promotion uplift model' }).click();
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });
  const squiggles = await ctx.poll(
    async () => {
      const n = await page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').count();
      return n > 0 && n;
    },
    { message: 'squiggles in the editor' },
  );
  const problems = await ctx.poll(
    async () => {
      const label = await page.locator('[id="status.problems"]').first().getAttribute('aria-label');
      return /[1-9]/.test(label ?? '') && label;
    },
    { message: 'a non-zero Problems count' },
  );
  const status = await ctx.poll(async () => (await page.locator('.statusbar-item').allTextContents()).find((t) => /\d+ words · \d+:\d\d · I \d+ %/.test(t)), {
    message: 'the story status-bar item',
  });
  ctx.log(`${squiggles} squiggles; ${problems}; status bar "${status.trim()}"`);
  await shot('story-bank.png');

  // Hover a warning squiggle: the diagnostic's message and its quick fixes. CodeLenses arrive
  // late and move the lines, so the squiggle is measured again on every try.
  let nudge = 0;
  const hover = await ctx.poll(
    async () => {
      const h = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'starlint' });
      if ((await h.count()) > 0) return h.first().textContent();
      const box = await page.locator('.squiggly-warning').first().boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2 + (nudge++ % 2), box.y + box.height / 2);
      return undefined;
    },
    { message: 'the diagnostic hover', timeoutMs: 30_000, intervalMs: 700 },
  );
  ctx.log(`hover: ${hover.slice(0, 120)}`);
  await shot('squiggles-hover.png');
  await page.mouse.move(5, 500);

  // A click on the status-bar item shows the story's rubric.
  await page
    .locator('.statusbar-item', { hasText: / words · / })
    .first()
    .click();
  const rubric = await ctx.poll(
    async () => {
      const t = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
      return t.some((r) => r.includes('Reveal in Story Bank')) && t.some((r) => /Your role/.test(r)) && t;
    },
    { message: 'the rubric quick pick from the status bar' },
  );
  ctx.log(`status-bar click: ${rubric.length} rows in the rubric quick pick`);
  await page.keyboard.press('Escape');

  // The Problems panel lists the story's findings.
  await runCommand(page, ctx, 'View: Focus Problems', 'workbench.panel.markers.view.focus');
  const problemRows = await ctx.poll(
    async () => {
      const n = await page.locator('.markers-panel .monaco-list-row').count();
      return n > 1 && n;
    },
    { message: 'rows in the Problems panel' },
  );
  ctx.log(`Problems panel: ${problemRows} rows`);
  await runCommand(page, ctx, 'View: Toggle Panel Visibility', 'workbench.action.togglePanel');

  // ---------------------------------------------------------------- the heat-map
  await runCommand(page, ctx, 'starlint: Show Coverage Heat-Map');
  const webview = await heatMap(page, ctx, async (f) => (await f.locator('th[scope="row"].story').count()) === 8, 'the heat-map with 8 story rows');
  const columns = await webview.locator('thead th[scope="col"]').allTextContents();
  if (columns.length !== 10 || !['leading-without-authority', 'why-company'].every((t) => columns.slice(0, 2).includes(t))) {
    throw new Error(`heat-map columns (gaps first): ${JSON.stringify(columns)}`);
  }
  // Keyboard: the grid has one tab stop and the arrow keys move it.
  await webview.locator('tbody td.cell').first().click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = await webview.locator(':focus').getAttribute('aria-label');
  const secondStory = (await webview.locator('th.story .title').nth(1).textContent()) ?? '';
  const secondQuestion = (await webview.locator('thead th[scope="col"]').nth(1).getAttribute('title')) ?? '';
  if (!focused?.startsWith(secondStory) || !focused.includes(`“${secondQuestion}”`)) {
    throw new Error(`Right then Down from the first cell should focus (story 2, theme 2); focus is on: ${focused}`);
  }
  ctx.log(`heat-map: ${columns.length} themes; focus moved to "${focused}"`);
  await page.mouse.move(5, 500);
  await shot('coverage-heatmap.png');

  // ---------------------------------------------------------------- the Practice view
  await fold('Question Coverage', false);
  await fold('Practice', true);
  let lastPractice;
  const practiceRows = await ctx
    .poll(
      async () => {
        const t = (lastPractice = await rows('Practice').allTextContents());
        return t.some((r) => /^Never practiced · \d+$/.test(r)) && t.length >= 4 && t;
      },
      { message: 'Practice rows (a "Never practiced" group and its stories)' },
    )
    .catch((e) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(lastPractice)}`);
    });
  const storyRows = practiceRows.filter((r) => !/^(Due|Never practiced|Upcoming|Schedule complete) · \d+$/.test(r));
  const bad = storyRows.filter((r) => !/(due today|due \d+ days? ago|never practiced|next: \d{4}-\d{2}-\d{2}|all 5 checkpoints done)$/.test(r));
  if (bad.length) throw new Error(`Practice rows without "due … ago" / "next: …" / "never practiced": ${JSON.stringify(bad)}`);
  ctx.log(`Practice: ${JSON.stringify(practiceRows)}`);
  // The picture shows a story's inline actions (Mark Practiced Today, Open Story) under the pointer.
  const firstNever = rows('Practice')
    .filter({ hasText: /never practiced$/ })
    .first();
  await firstNever.hover();
  await shot('practice-view.png');

  // The inline action on a story never practiced logs today: the story leaves that group.
  const neverBefore = Number(/· (\d+)$/.exec(practiceRows.find((r) => r.startsWith('Never practiced')))[1]);
  const practicedTitle = (await firstNever.locator('.label-name').textContent())?.trim();
  await firstNever.locator('.action-label.codicon-check').click();
  await ctx.poll(
    async () =>
      (await rows('Practice').allTextContents()).some(
        (r) => r === `Never practiced · ${neverBefore - 1}` || (neverBefore === 1 && !r.startsWith('Never practiced')),
      ),
    {
      message: `"${practicedTitle}" to leave "Never practiced" after Mark Practiced Today`,
    },
  );
  const file = fs
    .readdirSync(ctx.workspace)
    .map((f) => path.join(ctx.workspace, f))
    .find((f) => f.endsWith('.md') && fs.readFileSync(f, 'utf8').includes(`# ${practicedTitle}`));
  const logged = file && /^practiced: \[\d{4}-\d{2}-\d{2}\]$/m.test(fs.readFileSync(file, 'utf8'));
  if (!logged) throw new Error(`Mark Practiced Today did not write a practiced date into ${file ?? practicedTitle}`);
  ctx.log(`Mark Practiced Today: "${practicedTitle}" logged in ${path.basename(file)}`);

  // ---------------------------------------------------------------- the cue cards
  await runCommand(page, ctx, 'starlint: Open Cue Cards');
  const cards = await heatMap(page, ctx, async (f) => (await f.locator('section.card').count()) === 8, 'the cue cards with 8 cards');
  const cardTitles = await cards.locator('section.card h2').allTextContents();
  if (!cardTitles.includes('Promotion uplift model with the finance team')) throw new Error(`cue card titles: ${JSON.stringify(cardTitles)}`);
  ctx.log(`cue cards: ${cardTitles.length} cards`);
  await page.mouse.move(5, 500);
  await shot('cue-cards-vscode.png');
  // ---------------------------------------------------------------- the mock interview, by keyboard
  await runCommand(page, ctx, 'starlint: Start Mock Interview');
  const phase = (name) => async (f) => (await f.locator(`body[data-phase="${name}"]`).count()) === 1;
  const question = (n) => async (f) => (await phase('question')(f)) && (await f.locator('header .meta').textContent())?.startsWith(`question ${n} of `);
  let drill = await heatMap(page, ctx, question(1), 'the mock interview’s first question');
  // The example bank's two themes without a story come first: s skips them, to a story to tell.
  for (const n of [2, 3]) {
    await drill.locator('h2.question').click();
    await page.keyboard.press('s');
    drill = await heatMap(page, ctx, question(n), `question ${n} after s`);
  }
  const asked = (await drill.locator('h2.question').textContent())?.trim();
  const told = (await drill.locator('button.pick').textContent())?.trim();
  if (!told) throw new Error(`no story to tell for "${asked}"`);
  await panelShot(page, ctx, shot, 'drill-webview.png');
  // Enter starts the clock, Enter stops it, n moves on without logging, q ends the drill.
  await drill.locator('h2.question').click();
  await page.keyboard.press('Enter');
  drill = await heatMap(
    page,
    ctx,
    async (f) => (await phase('telling')(f)) && /^\d+:\d\d$/.test((await f.locator('[data-clock]').textContent()) ?? ''),
    'the clock after Enter',
  );
  await drill.locator('[data-clock]').click();
  await page.keyboard.press('Enter');
  drill = await heatMap(page, ctx, phase('follow-ups'), 'the follow-ups after Enter');
  const followUps = await drill.locator('ol.follow-ups li').count();
  if (followUps !== 2) throw new Error(`${followUps} follow-ups, not 2`);
  await drill.locator('ol.follow-ups').click();
  await page.keyboard.press('n');
  drill = await heatMap(page, ctx, question(4), 'the fourth question after n');
  await drill.locator('h2.question').click();
  await page.keyboard.press('q');
  drill = await heatMap(page, ctx, phase('done'), 'the summary after q');
  const summary = (await drill.locator('p.summary').textContent())?.trim();
  if (summary !== '3 questions asked, 0 told, 2 skipped.') throw new Error(`drill summary: ${summary}`);
  ctx.log(`mock interview by keyboard: s, s, "${asked}" (tell "${told}") → clock → 2 follow-ups → n → q: "${summary}"`);

  // ---------------------------------------------------------------- the job match of a real posting
  const posting = 'job-posting-openai-moderation.md';
  fs.copyFileSync(path.join(ctx.extensionPath, 'test', 'corpus', 'jobs', 'openai-mle-moderation.md'), path.join(ctx.workspace, posting));
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(posting);
  await pickQuickInput(page, ctx, posting);
  await ctx.poll(async () => (await page.locator('.tab.active').first().textContent())?.includes(posting), { message: 'the posting in an editor' });
  // Quick Open closes, and the editor takes the keyboard, before the Command Palette opens.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('.editor-instance .view-lines').first().click();
  await runCommand(page, ctx, 'starlint: Match Job Description', undefined, { opensQuickInput: true });
  // The item carries an icon before its label: find the row by its text.
  const fromEditor = page.locator('.quick-input-list .monaco-list-row', { hasText: 'From the active editor' }).first();
  await ctx.poll(async () => (await fromEditor.count()) > 0, { message: '"From the active editor" in the quick pick' });
  await fromEditor.click();
  const match = await heatMap(
    page,
    ctx,
    async (f) => (await f.locator('tbody tr').count()) > 3 && (await f.locator('h1').textContent()) === 'Job match',
    'the job match table',
  );
  const matchRows = await match.locator('tbody th[scope="row"] code').allTextContents();
  if (!matchRows.includes('ml:deployment') || !matchRows.some((r) => r.startsWith('openai:'))) throw new Error(`job match rows: ${JSON.stringify(matchRows)}`);
  ctx.log(`job match: ${matchRows.length} competencies (${matchRows.join(', ')})`);
  await panelShot(page, ctx, shot, 'match-webview.png');

  // Back to the heat-map, whose page the next check reads, and to the bank's layout.
  await runCommand(page, ctx, 'starlint: Show Coverage Heat-Map');
  await fold('Practice', false);
  await fold('Question Coverage', true);

  // ---------------------------------------------------------------- a hostile title
  fs.writeFileSync(
    path.join(ctx.workspace, 'hostile-title.md'),
    `---\ntitle: "${XSS}"\ncategory: leadership\nquestions: [why-company, leading-without-authority, proud]\ndate: 2026-01\n---\n\n# Hostile title\n\n## Situation\n\nI joined a new team.\n\n## Task\n\nI had to lead it.\n\n## Action\n\nI led it.\n\n## Result\n\nRetention rose from 80% to 90%.\n`,
  );
  // The page is redrawn when the bank changes: find its frame again.
  const redrawn = await heatMap(
    page,
    ctx,
    async (f) => (await f.locator('th.story .title').allTextContents()).includes(XSS),
    'the <img> title as text in the heat-map',
  );
  const title = await redrawn.locator('th.story .title').allTextContents();
  const imgs = await redrawn.locator('img').count();
  if (imgs !== 0) throw new Error(`the heat-map contains ${imgs} <img> element(s)`);
  const treeTitle = await ctx.poll(async () => (await rows('Story Bank').allTextContents()).find((t) => t.startsWith(XSS)), {
    message: 'the <img> title as text in the Story Bank',
  });
  if (dialogs.length) throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
  ctx.log(`hostile title rendered as text (${title.length} rows; tree row "${treeTitle.slice(0, 40)}…"), no <img>, no dialog`);
  await ctx.screenshot('vscode-ui-hostile-title.png');
  await runCommand(page, ctx, 'starlint: Open Cue Cards');
  const hostileCards = await heatMap(
    page,
    ctx,
    async (f) => (await f.locator('section.card h2').allTextContents()).includes(XSS),
    'the <img> title as text on a cue card',
  );
  if ((await hostileCards.locator('img').count()) !== 0) throw new Error('the cue cards contain an <img> element');
  if (dialogs.length) throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
  ctx.log('hostile title rendered as text on its cue card');

  // ---------------------------------------------------------------- New Story, as a person runs it
  await runCommand(page, ctx, 'starlint: New Story', undefined, { opensQuickInput: true });
  await pickQuickInput(page, ctx, 'Failure story');
  const input = page.locator('.quick-input-widget input');
  await input.fill('Missed the holiday launch');
  await page.keyboard.press('Enter');
  await pickQuickInput(page, ctx, 'failure');
  const tab = await ctx.poll(
    async () => {
      const t = await page.locator('.tab.active').first().textContent();
      return t?.includes('missed-the-holiday-launch.md') && t.trim();
    },
    { message: 'the new story open in an editor' },
  );
  const written = fs.readFileSync(path.join(ctx.workspace, 'missed-the-holiday-launch.md'), 'utf8');
  if (!/^title: Missed the holiday launch\ncategory: failure\nquestions: \[failure\]$/m.test(written))
    throw new Error(`unexpected new story:\n${written.slice(0, 300)}`);
  ctx.log(`New Story wrote missed-the-holiday-launch.md (${tab})`);
}

/** A picture of the editor's panel alone: the side bar folds away for it and comes back. */
async function panelShot(page, ctx, shot, name) {
  const toggle = 'View: Toggle Primary Side Bar Visibility';
  await runCommand(page, ctx, toggle, 'workbench.action.toggleSidebarVisibility');
  await ctx.poll(async () => !(await page.locator('.part.sidebar').isVisible()), { message: 'the side bar hidden' });
  await page.mouse.move(5, 500);
  await shot(name);
  await runCommand(page, ctx, toggle, 'workbench.action.toggleSidebarVisibility');
  await ctx.poll(async () => page.locator('.part.sidebar').isVisible(), { message: 'the side bar back' });
}

/** Waits for a quick-pick row with this label and accepts it. */
async function pickQuickInput(page, ctx, label) {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await ctx.poll(async () => (await row.count()) > 0, { message: `"${label}" in the quick pick` });
  await row.click();
}

/** The heat-map's document: a frame inside the webview's host frame, found by its content. */
export async function heatMap(page, ctx, test, message) {
  return ctx.poll(
    async () => {
      for (const f of page.frames()) {
        if (f.isDetached()) continue;
        if (await test(f).catch(() => false)) return f;
      }
      return undefined;
    },
    { message },
  );
}

/**
 * Opens the starlint activity-bar container; returns its views (`pane`), their tree rows (`rows`,
 * only those on screen: the trees are virtual lists) and `fold(title, expanded)`.
 */
export async function starlintViews(page, ctx) {
  const icon = page.locator('.activitybar .action-item .action-label[aria-label^="starlint"]');
  await ctx.poll(async () => (await icon.count()) > 0, { message: 'the starlint activity-bar icon' });
  await icon.first().click();
  const pane = (title) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
  const rows = (title) => pane(title).locator('.monaco-list-row');
  const fold = async (title, expanded) => {
    const header = pane(title).locator('.pane-header');
    await ctx.poll(async () => (await header.count()) > 0, { message: `the ${title} view` });
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await ctx.poll(async () => (await header.getAttribute('aria-expanded')) === String(expanded), {
      message: `the ${title} view ${expanded ? 'expanded' : 'collapsed'}`,
    });
  };
  return { pane, rows, fold };
}

/** Runs a command through the Command Palette, the way a person would. */
export async function runCommand(page, ctx, label, id, { opensQuickInput = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await ctx.poll(async () => (await row.count()) > 0, { message: `"${label}" in the Command Palette${id ? ` (${id})` : ''}` });
  await page.keyboard.press('Enter');
  // A command that asks something replaces the palette with its own quick input.
  if (opensQuickInput)
    await ctx.poll(async () => !(await input.getAttribute('placeholder'))?.includes('command'), { message: `"${label}" to show its own prompt` });
  else await input.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Drags the sash between the side bar and the editor so tree rows show their descriptions. */
async function widenSidebar(page, width) {
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (!sidebar || sidebar.width >= width) return;
  const x = sidebar.x + sidebar.width;
  const y = sidebar.y + sidebar.height / 2;
  await page.mouse.move(x + 1, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - sidebar.width) / 2, y, { steps: 5 });
  await page.mouse.move(sidebar.x + width, y, { steps: 5 });
  await page.mouse.up();
}
