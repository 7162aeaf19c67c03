// Invariants that hold for every rule at once, checked on every rule example and every file in
// examples/: a known rule id, a non-empty range inside the document, one message shape, and
// the same result every time.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_RULES, STORY_RULES, lintText, resolveConfig, type Finding, type StarlintConfig } from '../server/src/engine';
import { readExample } from '../server/src/engine/rules/examples';

const TODAY = '2026-11-25';
const ROOT = join(__dirname, '..');
const KNOWN = new Set(ALL_RULES.map((r) => r.id));

interface Doc {
  name: string;
  text: string;
  config?: StarlintConfig;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.(md|markdown)$/.test(name) ? [path] : [];
  });
}

const docs: Doc[] = [
  ...STORY_RULES.flatMap((rule) =>
    (['fire', 'silent'] as const).flatMap((kind) =>
      rule.examples[kind].map((example, n) => {
        const { markdown, config } = readExample(example);
        return { name: `${rule.id} ${kind} example ${n + 1}`, text: markdown, config };
      }),
    ),
  ),
  ...markdownFiles(join(ROOT, 'examples')).map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
  ...markdownFiles(join(ROOT, 'test', 'fixtures', 'stories')).map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
  // The findings the engine itself reports: broken metadata, unknown ids in comments, big files.
  { name: 'unterminated front matter', text: '---\ncategory: project\n\n# Churn\n\n## Situation\n\nChurn rose.\n' },
  { name: 'front matter that is not a mapping', text: '---\n- project\n---\n\n# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n' },
  {
    name: 'a broken story comment',
    text: '# Bank\n\n## Churn\n\n<!-- story\ncategory: [failure\n-->\n\n**Situation:** Churn rose.\n\n**Task:** I owned it.\n',
  },
  {
    name: 'an unknown id in a starlint comment',
    text: '# Churn\n\n<!-- starlint-disable first-persn, hedgin -->\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n',
  },
  {
    name: 'a bank larger than maxFileSize',
    text: '# Churn\n\n## Situation\n\nChurn rose.\n\n## Task\n\nI owned it.\n\n'.repeat(200),
    config: { maxFileSize: 2000 },
  },
];

// Messages read "what is wrong: what to do", and end as a sentence does.
const MESSAGE_END = /[.!?"'”’)»]$/;

function checkFindings(doc: Doc, findings: Finding[]): void {
  for (const f of findings) {
    const where = `${f.rule} at ${f.span.start}–${f.span.end} in ${doc.name}`;
    assert.ok(KNOWN.has(f.rule), `unknown rule id: ${where}`);
    assert.ok(Number.isInteger(f.span.start) && Number.isInteger(f.span.end), `non-integer range: ${where}`);
    assert.ok(f.span.start >= 0 && f.span.start < f.span.end && f.span.end <= doc.text.length, `range outside the document or empty: ${where}`);
    assert.ok(f.message.trim().length > 0, `empty message: ${where}`);
    assert.match(f.message, MESSAGE_END, `message does not end as a sentence: ${where}: ${f.message}`);
    assert.ok(f.message.includes(':'), `message lacks the "what: what to do" shape: ${where}: ${f.message}`);
    assert.equal(f.message, f.message.trim(), `message has surrounding whitespace: ${where}`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity), `bad severity: ${where}`);
  }
}

describe('invariants of every finding', () => {
  it('covers every rule example and every example file', () => {
    assert.ok(docs.length > STORY_RULES.length);
    assert.ok(docs.some((d) => d.name.startsWith('examples/story-bank/')));
  });

  for (const doc of docs) {
    it(`hold for ${doc.name}`, () => {
      const config = resolveConfig(doc.config);
      const first = lintText(doc.text, config, { today: TODAY });
      assert.deepEqual(first.errors, [], 'no rule throws');
      checkFindings(doc, first.findings);
      // Every rule on its own, the way the rule tests run it.
      for (const rule of STORY_RULES) checkFindings(doc, lintText(doc.text, config, { today: TODAY, only: [rule.id] }).findings);
      const again = lintText(doc.text, resolveConfig(doc.config), { today: TODAY });
      assert.deepEqual(again.findings, first.findings, 'linting twice gives the same findings');
      // A copy of the text defeats any cache keyed on identity.
      const copy = lintText((' ' + doc.text).slice(1), resolveConfig(doc.config), { today: TODAY });
      assert.deepEqual(copy.findings, first.findings);
    });
  }

  it('findings are sorted by position', () => {
    for (const doc of docs) {
      const { findings } = lintText(doc.text, resolveConfig(doc.config), { today: TODAY });
      for (let i = 1; i < findings.length; i++) assert.ok(findings[i - 1].span.start <= findings[i].span.start, doc.name);
    }
  });

  it('every rule has an id in kebab-case, a description, a rationale and a default severity', () => {
    for (const rule of ALL_RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(rule.description.trim().length > 10, rule.id);
      assert.ok(rule.rationale.trim().length > 10, rule.id);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity), rule.id);
      for (const [name, option] of Object.entries(rule.options)) {
        assert.ok(option.description.trim().length > 0, `${rule.id}.${name}`);
        assert.equal(Array.isArray(option.default) ? 'string[]' : typeof option.default, option.type, `${rule.id}.${name}`);
      }
    }
    assert.equal(KNOWN.size, ALL_RULES.length, 'rule ids are unique');
  });
});
