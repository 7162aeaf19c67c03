// Every story shape of SPEC §2, and the look-alikes that are not stories. One answer, written in
// each shape people use to write and paste answers, must be read into the same four sections; a
// STAR guide, an empty template and a blog post must get nothing.
import assert from 'node:assert/strict';
import { lintText, parseDocument, resolveConfig, type ParsedDocument } from '../server/src/engine';
import { evidence } from '../server/src/engine/facts/evidence';

const TODAY = '2026-11-25';
const S = 'Our fraud losses doubled after we launched a new payment method, and the rules team was overwhelmed.';
const T = 'I owned the fraud model and had to cut losses without blocking good customers.';
const A = 'I compared three models against the rules as a baseline and chose gradient-boosted trees because analysts needed explanations.';
const R = 'Losses fell from $80K to $35K a month, and I learned to agree on the metric with the business first.';

/** Each STAR kind's prose, story by story. */
function read(doc: ParsedDocument): Record<string, string>[] {
  return doc.stories.map((s) =>
    Object.fromEntries((['situation', 'task', 'action', 'result'] as const).filter((k) => s.star[k]).map((k) => [k, s.star[k]!.prose.text.trim()])),
  );
}

const SHAPES: Record<string, string> = {
  headings: `# Fraud model\n\n## Situation\n\n${S}\n\n## Task\n\n${T}\n\n## Action\n\n${A}\n\n## Result\n\n${R}\n`,
  'bold labels': `# Fraud model\n\n**Situation:** ${S}\n\n**Task:** ${T}\n\n**Action:** ${A}\n\n**Result:** ${R}\n`,
  'bold labels, one per line': `**Situation:** ${S}\n**Task:** ${T}\n**Action:** ${A}\n**Result:** ${R}\n`,
  'plain labels': `Situation: ${S}\n\nTask: ${T}\n\nAction: ${A}\n\nResult: ${R}\n`,
  'plain labels with dashes': `Situation – ${S}\n\nTask – ${T}\n\nAction – ${A}\n\nResult – ${R}\n`,
  'bold labels then a dash': `**Situation** - ${S}\n\n**Task** - ${T}\n\n**Action** - ${A}\n\n**Result** - ${R}\n`,
  'bold labels, colon outside': `**Situation**: ${S}\n\n**Task**: ${T}\n\n**Action**: ${A}\n\n**Result**: ${R}\n`,
  'bold single letters': `**S:** ${S}\n\n**T:** ${T}\n\n**A:** ${A}\n\n**R:** ${R}\n`,
  'plain single letters': `S: ${S}\nT: ${T}\nA: ${A}\nR: ${R}\n`,
  'list labels': `- Situation: ${S}\n- Task: ${T}\n- Action: ${A}\n- Result: ${R}\n`,
  'list of single letters': `- S: ${S}\n- T: ${T}\n- A: ${A}\n- R: ${R}\n`,
  'list of bold labels': `* **Situation:** ${S}\n* **Task:** ${T}\n* **Action:** ${A}\n* **Result:** ${R}\n`,
  'numbered list labels': `1. Situation: ${S}\n2. Task: ${T}\n3. Action: ${A}\n4. Result: ${R}\n`,
  'labels alone on their items, the text nested': `- **Situation**\n  - ${S}\n- **Task**\n  - ${T}\n- **Action**\n  - ${A}\n- **Result**\n  - ${R}\n`,
  'labels nested under an item': `- *Bad answer*: "They were wrong."\n- *Good answer (STAR)*:\n    - **S**: ${S}\n    - **T**: ${T}\n    - **A**: ${A}\n    - **R**: ${R}\n`,
  'inline bold labels in one paragraph': `**Situation:** ${S} **Task:** ${T} **Action:** ${A} **Result:** ${R}\n`,
  'inline plain labels in one paragraph': `Situation: ${S} Task: ${T} Action: ${A} Result: ${R}\n`,
  'trailing markers': `${S} (Situation)\n\n${T} (Task)\n\n${A} (Action)\n\n${R} (Result)\n`,
  aliases: `Context: ${S}\n\nGoal: ${T}\n\nApproach: ${A}\n\nOutcome: ${R}\n`,
  // Headings pasted from a chat or a document lose their `#`: a line that is nothing but a name.
  'section names alone on their lines': `⭐ Situation\n\n${S}\n\n⭐ Task\n\n${T}\n\nAction\n${A}\n\n4. Result\n\n${R}\n`,
  // Pasted from blogs, chats and notes: a bold first letter, a quotation, bullet emoji before labels.
  'the first letter in bold': `**S**ituation: ${S}\n\n**T**ask: ${T}\n\n**A**ction: ${A}\n\n**R**esult: ${R}\n`,
  'labels in a block quote': `> **Situation:** ${S}\n>\n> **Task:** ${T}\n>\n> **Action:** ${A}\n>\n> **Result:** ${R}\n`,
  'emoji before bold labels': `🔹 **Situation:** ${S}\n\n🔹 **Task:** ${T}\n\n🔹 **Action:** ${A}\n\n🔹 **Result:** ${R}\n`,
  'emoji before bold labels, one per line': `🔹 **Situation:** ${S}\n🔹 **Task:** ${T}\n🔹 **Action:** ${A}\n🔹 **Result:** ${R}\n`,
  'emoji before plain labels, one per line': `📌 Situation: ${S}\n🎯 Task: ${T}\n🛠️ Action: ${A}\n✅ Result: ${R}\n`,
  'list of emoji and bold labels': `- 🔹 **Situation:** ${S}\n- 🔹 **Task:** ${T}\n- 🔹 **Action:** ${A}\n- 🔹 **Result:** ${R}\n`,
  'Actions taken and Results achieved': `**Situation:** ${S}\n\n**Task:** ${T}\n\n**Actions taken:** ${A}\n\n**Results achieved:** ${R}\n`,
  'a letter and its name': `**S – Situation**\n\n${S}\n\n**T - Task:** ${T}\n\n## A (Action)\n\n${A}\n\n## R (Result)\n\n${R}\n`,
  'plain letters and names, in a list': `- S – Situation: ${S}\n- T – Task: ${T}\n- A – Action: ${A}\n- R – Result: ${R}\n`,
  'plain letters and names, one per paragraph': `S - Situation: ${S}\n\nT - Task: ${T}\n\nA - Action: ${A}\n\nR - Result: ${R}\n`,
  'emoji and numbered headings': `# Fraud model\n\n## 1. 🌍 Situation\n\n${S}\n\n## 2) Task\n\n${T}\n\n## A — Action\n\n${A}\n\n## Result (30 s)\n\n${R}\n`,
};

describe('story shapes (SPEC §2): one answer in every shape reads the same', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    it(name, () => {
      const doc = parseDocument(text);
      assert.equal(doc.isStory, true);
      assert.deepEqual(read(doc), [{ situation: S, task: T, action: A, result: R }]);
      // Every word of prose points at itself in the source.
      const first = doc.stories[0].star.action!;
      const at = first.prose.text.indexOf('gradient-boosted');
      const span = first.prose.span(at, at + 'gradient-boosted'.length);
      assert.equal(text.slice(span.start, span.end), 'gradient-boosted');
    });
  }

  it('combined labels count for both sections and share their words', () => {
    for (const label of ['Situation/Task:', 'Situation & Task:', '**Situation and Task:**', 'S/T:']) {
      const doc = parseDocument(`${label} ${S} ${T}\n\nAction: ${A}\n\nResult: ${R}\n`);
      const story = doc.stories[0];
      assert.ok(story.star.situation && story.star.situation === story.star.task, label);
      const words = story.star.situation.words;
      assert.equal(story.kindWords.situation + story.kindWords.task, 2 * Math.round(words / 2), label);
      const findings = lintText(`# Fraud\n\n${label} ${S} ${T}\n\nAction: ${A}\n\nResult: ${R}\n`, resolveConfig(), { today: TODAY }).findings;
      assert.ok(!findings.some((f) => f.rule === 'missing-section'), label);
    }
  });

  it('lesson sections belong to the Result: credited as its lesson, counted in its words', () => {
    for (const lesson of ['## Reflection', '## Lessons learned', '## What I learned', '**Learned:**', '## Takeaways']) {
      const text = `# Fraud model\n\n## Situation\n\n${S}\n\n## Task\n\n${T}\n\n## Action\n\n${A}\n\n## Result\n\nLosses fell from $80K to $35K a month.\n\n${lesson}\n\nNow I agree on the success metric with the business before I train anything.\n`;
      const story = parseDocument(text).stories[0];
      assert.match(story.star.result!.prose.text, /Losses fell[\s\S]*Now I agree/, lesson);
      const findings = lintText(text, resolveConfig(), { today: TODAY }).findings.map((f) => f.rule);
      assert.ok(!findings.includes('missing-learning'), `${lesson}: the lesson is credited`);
    }
  });

  it('reads a bullet that only contains a section word later on as a bullet', () => {
    const text = `# Fraud model\n\n## Situation\n\n${S}\n\n## Task\n\n${T}\n\n## Action\n\n- I met the analysts; the goal: explanations.\n- Result: not yet, I kept iterating.\n\n## Result\n\n${R}\n`;
    const story = parseDocument(text).stories[0];
    assert.deepEqual(
      story.sections.map((s) => s.kind),
      ['situation', 'task', 'action', 'result'],
    );
    assert.match(story.star.action!.prose.text, /Result: not yet/);
  });

  it('keeps "A:" in a Follow-ups Q/A pair as an answer, not an Action', () => {
    const text = `# Fraud model\n\n## Situation\n\n${S}\n\n## Task\n\n${T}\n\n## Action\n\n${A}\n\n## Result\n\n${R}\n\n## Follow-ups\n\nQ: Why trees?\nA: Analysts needed explanations.\n`;
    const story = parseDocument(text).stories[0];
    assert.deepEqual(
      story.sections.map((s) => s.kind),
      ['situation', 'task', 'action', 'result', 'follow-ups'],
    );
  });

  it('reads an answer told without labels under an interview question: one missing-section, phrase rules on the whole prose', () => {
    const prose = `I was working as the only data scientist at a payments startup when our fraud losses doubled after a launch. My job was to cut the losses without blocking good customers, and I had three weeks. I decided to compare three models against the existing rules, and I chose gradient-boosted trees because the analysts needed explanations they could act on. I ran a two-week test on a tenth of the traffic and I think it kind of surprised the team. As a result, losses fell from $80K to $35K a month, and I learned to agree on the success metric with the business before training anything.`;
    for (const question of [
      '## Tell me about a time you solved a hard problem',
      '**Describe a situation where you had to deal with ambiguity.**',
      '### Q3: Give me an example of a time you took a risk',
    ]) {
      const text = `${question}\n\n${prose}\n`;
      const doc = parseDocument(text);
      assert.equal(doc.isStory, true, question);
      assert.equal(doc.stories.length, 1);
      const findings = lintText(text, resolveConfig(), { today: TODAY }).findings;
      const missing = findings.filter((f) => f.rule === 'missing-section');
      assert.equal(missing.length, 1, question);
      assert.match(missing[0].message, /No STAR sections found/);
      // The quick fix's places: the four parts in order, at sentence starts.
      const b = missing[0].data!.boundaries as Record<string, number>;
      assert.ok(b.situation < b.task && b.task < b.action && b.action < b.result, JSON.stringify(b));
      assert.equal(text.slice(b.task, b.task + 10), 'My job was');
      assert.equal(text.slice(b.action, b.action + 9), 'I decided');
      assert.equal(text.slice(b.result, b.result + 11), 'As a result');
      assert.ok(
        findings.some((f) => f.rule === 'hedging'),
        'phrase rules read the whole answer',
      );
    }
  });

  it('reads a bank of answers without labels, one story per question', () => {
    const answer = (n: number): string =>
      `I was leading the ranking team when click-through fell ${n}% in a week. I had to find why. I decided to compare the new model against the old one on held-out traffic, and I found a feature that leaked. As a result, I rolled back, fixed the leak and click-through recovered within days; I learned to check feature freshness first.`;
    const text = `# My answers\n\n## Tell me about a time you failed\n\n${answer(5)}\n\n## Describe a time you disagreed with your manager\n\n${answer(7)}\n`;
    const doc = parseDocument(text);
    assert.deepEqual(
      doc.stories.map((s) => s.title),
      ['Tell me about a time you failed', 'Describe a time you disagreed with your manager'],
    );
  });
});

describe('answers in real prep files (SPEC §2.7)', () => {
  const told =
    'In my last role I owned the fraud model, and losses doubled after a launch. I compared three models against the rules and chose trees because analysts needed reasons. Losses fell from $80K to $35K a month, and I learned to agree on the metric first.';
  const titles = (text: string): string[] => parseDocument(text).stories.map((s) => s.title);

  it('reads a question to "you", a numbered question, "Tell me a time" and "What if" as questions', () => {
    for (const q of [
      '### What aspects of your projects are you most proud of?',
      '## Question 3',
      '### Q2: a project you took to production',
      '## Tell me a time when you disagreed with your manager',
      "### What if you can't make the deadline",
    ]) {
      assert.equal(parseDocument(`${q}\n\n${told}\n`).stories.length, 1, q);
    }
  });

  it('leaves questions whose answers are no STAR story alone', () => {
    for (const q of ['## Tell me about yourself', '## Why do you want to leave your current company?', '## What is your greatest weakness?']) {
      assert.equal(parseDocument(`${q}\n\n${told}\n`).isStory, false, q);
    }
  });

  it('reads answers listed one after another under their questions, labelled or not', () => {
    const text = `# My answers\n\n"Tell me about a time you improved a model"\n\n- S: Our model had 60% precision.\n- T: I had to cut false positives.\n- A: I engineered velocity features and tuned the threshold.\n- R: Precision rose to 85%.\n\n"Describe a conflict with a teammate"\n\n- S: A colleague wanted a deep model; I wanted a simpler one.\n- T: We had to choose one for production.\n- A: I ran an A/B test of both.\n- R: The simpler one won, saving $50K in compute.\n`;
    assert.deepEqual(titles(text), ['Tell me about a time you improved a model', 'Describe a conflict with a teammate']);
  });

  it('reads a topic heading beside question headings as a title when its prose is an answer', () => {
    const text = `# Behavioral notes\n\n## Tell me about a time you failed\n\n${told}\n\n## Negative feedback from a teammate\n\nA teammate told me that I always worked alone. I set up a weekly sync with him and shared my plans early, and within a month we shipped our first joint feature two weeks ahead of plan.\n`;
    assert.deepEqual(titles(text), ['Tell me about a time you failed', 'Negative feedback from a teammate']);
    // Without a question anywhere, a heading over first-person prose is no story (a blog, a diary).
    assert.equal(parseDocument(`## My year in machine learning\n\n${told}\n`).isStory, false);
  });

  it('reads a habit or a hypothetical as no answer, and a short answer after "A." as one', () => {
    assert.equal(
      parseDocument(
        '## How do you pick a model for a new problem?\n\nI usually start with a simple baseline and I typically add features one at a time. I generally check the errors by hand and I tend to prefer models the team can explain.\n',
      ).isStory,
      false,
    );
    assert.equal(
      parseDocument(
        '## How would you handle a model that could be misused?\n\nI would escalate the concern, I would document the evidence, and I would work with the policy team to assess the risk before anything shipped.\n',
      ).isStory,
      false,
    );
    assert.equal(
      parseDocument('## Q. Describe a situation where you met a major obstacle\n\nA. In my previous project, I had to rebuild the pipeline in a week.\n')
        .stories.length,
      1,
    );
  });

  it('reads an answer in habits and plans ("I would check", "I will talk", "I always") as no answer', () => {
    assert.equal(
      parseDocument(
        '## How do you deal with a conflict with a coworker?\n\nI value different opinions. When that happens, I would check whether I contributed to the conflict before I speak to my coworker. After that I will talk to them in private to find a way forward we were both comfortable with. I would always put the needs of the team first, and I like to ask questions until I have understood their view.\n',
      ).isStory,
      false,
    );
  });

  it('reads a hypothetical answer with Title Case list titles ("Profiled Columns:") as no story, and a told one as a story', () => {
    const hypothetical =
      '## How would you clean a log table nobody documented?\n\n**Sample Answer:**\n\nI would start by profiling every column, and I would write down what each one seems to hold.\n\n1. **Profiled Columns:**\n   * Count nulls and distinct values.\n\n2. **Documented Findings:**\n   * Share a short note with the owners.\n';
    assert.equal(parseDocument(hypothetical).isStory, false);
    // The list titles are names, not verbs in the past: without them the answer has no past at all.
    // The same label over an event told in the past is an answer.
    const told =
      '## How did you clean a log table nobody documented?\n\n**Sample Answer:**\n\nLast spring I profiled every column of our events table and found 14 columns nobody read. I wrote a one-page schema note, the owners confirmed it, and we dropped the dead columns, which cut storage by 30%.\n';
    assert.equal(parseDocument(told).stories.length, 1);
    // With STAR labels, a hypothetical is still a story, and the hypothetical rule speaks to it.
    const labelled = `## How would you clean a log table?\n\n**Situation:** ${S}\n\n**Task:** ${T}\n\n**Action:** I would profile every column and I would write a schema note.\n\n**Result:** ${R}\n`;
    assert.equal(parseDocument(labelled).stories.length, 1);
  });

  it('does not take a Title Case list title ending in a colon ("Automated Checks:") for a verb in the past', () => {
    assert.equal(evidence('Automated Checks:\nUnsupervised Techniques:\n').past, 0);
    assert.equal(evidence('Automated the checks.\nI automated checks: all of them.\n').past, 2);
  });

  it('reads an answer whose only label is its lesson (**What I learned:**) as a story', () => {
    const doc = parseDocument(
      `#### Q11: Describe a conflict with a team member\n\n> "During the project I disagreed with the marketing manager about our segments. I showed them an A/B test and they adopted my tiers; open rates rose 28%.\n>\n> **What I learned:**\n> - Show value with pilots\n> - Meet stakeholders where they are"\n`,
    );
    assert.equal(doc.stories.length, 1);
    assert.ok(doc.stories[0].star.result, 'the lesson is read as the Result');
  });

  it('titles each answer by its question, not by a "STAR Answer:" heading under it', () => {
    const doc = parseDocument(
      `# Answers\n\n## Question 1: "Tell me about a time you optimized performance"\n\n### STAR Answer:\n\n**Situation:** ${S}\n\n**Task:** ${T}\n\n**Action:** ${A}\n\n**Result:** ${R}\n\n## Question 2: "Tell me about a time you failed"\n\n### Sample answer\n\n**Situation:** ${S}\n\n**Task:** ${T}\n\n**Action:** ${A}\n\n**Result:** ${R}\n`,
    );
    assert.deepEqual(
      doc.stories.map((s) => s.title),
      ['Question 1: "Tell me about a time you optimized performance"', 'Question 2: "Tell me about a time you failed"'],
    );
  });

  it('reads "**Q:** …" then "**A:** …" after a labelled story as a question and its answer, not an Action', () => {
    const qa = (q: string): string => `${q}\n\n**A:** ${told}\n`;
    const text = `# Prep\n\n## Stories\n\n### Fraud model\n\n**Situation:** ${S}\n\n**Task:** ${T}\n\n**Action:** ${A}\n\n**Result:** ${R}\n\n## Common questions\n\n${qa('**Q: Tell me about a time you failed.**')}\n${qa('**Q:** Describe a conflict with a teammate.')}`;
    const doc = parseDocument(text);
    assert.deepEqual(
      doc.stories.map((s) => s.title),
      ['Fraud model', 'Q: Tell me about a time you failed', 'Q: Describe a conflict with a teammate'],
    );
    assert.deepEqual(
      doc.stories.map((s) => Object.keys(s.star).length),
      [4, 0, 0],
      'the answers are told without labels',
    );
    // Under its question, a bold "A:" that is one of four letters is still the Action.
    const letters = parseDocument(`**Q:** Tell me about a time you failed.\n\n**S:** ${S}\n\n**T:** ${T}\n\n**A:** ${A}\n\n**R:** ${R}\n`);
    assert.deepEqual(Object.keys(letters.stories[0].star), ['situation', 'task', 'action', 'result']);
  });

  it("keeps a question in a template's section as its text, not a new story", () => {
    const text =
      '---\ncategory: project\n---\n# Story\n\n## Situation\n\nOur churn rose and I was asked to fix it.\n\n## Task\n\nWhat was your role? What were you responsible for?\n\n## Action\n\nI built a model.\n\n## Result\n\nChurn fell 5%.\n';
    assert.equal(parseDocument(text).stories.length, 1);
    assert.match(parseDocument(text).stories[0].star.task!.prose.text, /What were you responsible for\?/);
  });

  it('reads an outline with no person and no number in it as no story', () => {
    assert.equal(
      parseDocument(
        '### Q1: Tell me about a time you made a quick decision\n\n- **S:** High-pressure situation with incomplete data.\n- **T:** Decide quickly to keep progress moving.\n- **A:** Used available signals, made a decision, communicated the rationale.\n- **R:** Issue resolved quickly, delays avoided.\n',
      ).isStory,
      false,
    );
  });
});

describe('a guide with an example story (SPEC §2)', () => {
  it("reads the example as the story, not the guide's definition bullets above it", () => {
    const text = `# Answer data interviews with STAR\n\nThe framework in four parts:\n\n- S — Situation: Briefly set the context and scope.\n- T — Task: State your responsibility or goal.\n- A — Action: Explain what you did: methods, tools, decisions.\n- R — Result: Quantify the impact.\n\n## Why it works\n\nIt keeps answers short.\n\n## An example\n\nSituation: ${S}\n\nTask: ${T}\n\nAction: ${A}\n\nResult: ${R}\n\n## How to prepare\n\n- Pick diverse projects.\n`;
    const doc = parseDocument(text);
    assert.deepEqual(read(doc), [{ situation: S, task: T, action: A, result: R }]);
    assert.equal(doc.stories[0].title, 'An example');
  });

  it('keeps one story whose Situation is told once, whatever headings its sections hold', () => {
    const text = `# Fraud model\n\n**Situation:** ${S}\n\n**Task:** ${T}\n\n### Details\n\n**Action:** ${A}\n\n**Result:** ${R}\n`;
    assert.deepEqual(read(parseDocument(text)), [{ situation: S, task: T, action: A, result: R }]);
  });
});

describe('look-alikes (SPEC §2): not stories, no findings', () => {
  const silent = (name: string, text: string): void => {
    it(name, () => {
      assert.equal(parseDocument(text).isStory, false);
      assert.deepEqual(lintText(text, resolveConfig(), { today: TODAY }).findings, []);
    });
  };

  silent(
    'a guide that explains the STAR method under section headings',
    '# How to answer behavioral questions\n\nUse the STAR method.\n\n### Situation\n\nSet the scene and give the necessary details of your example. Keep it short.\n\n### Task\n\nDescribe what your responsibility was in that situation.\n\n### Action\n\nExplain exactly what steps you took to address it. Focus on what you did, not the team.\n\n### Result\n\nShare what outcomes your actions achieved, and quantify them if you can.\n',
  );
  silent(
    'an empty answer template',
    '# Story title\n\n## Situation\n\n[Describe the context]\n\n## Task\n\n[What was your role?]\n\n## Action\n\n[What did you do?]\n\n## Result\n\n[What happened? Add a number.]\n',
  );
  silent('a template of bare headings', '## Situation\n\n## Task\n\n## Action\n\n## Result\n');
  silent('a template with TODOs', '**Situation:** TODO\n\n**Task:** TODO\n\n**Action:** TODO\n\n**Result:** TODO\n');
  silent(
    "a blog post whose front matter has a category that is not starlint's",
    '---\ntitle: Five interview tips\ncategory: career\n---\n\n# Five interview tips\n\nThe result of good preparation is confidence. Your situation may differ, so adapt these tips.\n',
  );
  silent('a document that merely mentions the words', '# Release notes\n\nThe task runner now shows the result of each action.\n');
  silent(
    'a guide written as a list of labels in the imperative',
    '- **Situation:** Describe the context of the challenge you faced.\n- **Task:** Explain what you were responsible for.\n- **Action:** Walk the interviewer through the steps you took.\n- **Result:** Share the outcome, with numbers if you can.\n',
  );

  silent(
    'a guide written in its own voice ("we start by…"), with letter-and-name labels',
    '# Telling an ML project in STAR\n\nIn this lesson we look at how to present a project in a behavioral interview.\n\n- S – Situation: We start by setting the scene: which product, which users, which constraints.\n- T – Task: We define our role and the goal we owned, for example a ranking metric to move.\n- A – Action: We go through what we built. We explain why each technique was chosen over the others.\n- R – Result: We share the measured impact of our work and tie it to a business outcome.\n- R – Reflection: Finally, we add what we learned and what we would change next time.\n',
  );

  it('a file of several stories, one of them a template, lints only the real ones', () => {
    const text = `# Bank\n\n## Fraud model\n\n### Situation\n\n${S}\n\n### Task\n\n${T}\n\n### Action\n\n${A}\n\n### Result\n\n${R}\n\n## Next story\n\n### Situation\n\n[Describe the context]\n\n### Task\n\n[Your role]\n\n### Action\n\n### Result\n`;
    assert.deepEqual(
      parseDocument(text).stories.map((s) => s.title),
      ['Fraud model'],
    );
  });

  it("a template marked a story by its front matter is linted (its placeholders are the user's to fill)", () => {
    const text = '---\ncategory: project\n---\n# Story title\n\n## Situation\n\n[Describe the context]\n\n## Task\n\n## Action\n\n## Result\n';
    assert.equal(parseDocument(text).isStory, true);
  });
});
