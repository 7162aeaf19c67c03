// Parser parity: the findings of the engine on a fixed corpus, written to a JSON file, and the
// differences between two such files. Used when the Markdown parser changes (issue 12: markdown-it
// back to unified + remark-parse) to show that the findings are the same, and to list each one
// that is not.
//
//   tsx scripts/parser-parity.ts record OUT.json      the current engine's findings
//   tsx scripts/parser-parity.ts compare OLD.json     the current engine against OLD
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { ALL_RULES, isBankRule, lintText, resolveConfig } from '../server/src/engine';
import { readExample } from '../server/src/engine/rules/examples';
import { bankFile, story } from '../bench/corpus';
import { anyDocument, mutatedStory } from '../test/robustness/arbitraries';

const ROOT = join(__dirname, '..');
const TODAY = '2026-11-25';

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (/\.md$/.test(name)) out.push(path);
  }
  return out.sort();
}

/** The corpus: name → [markdown, config]. */
export function corpus(): Map<string, { text: string; config?: object }> {
  const docs = new Map<string, { text: string; config?: object }>();
  for (const dir of ['examples', 'test/fixtures']) {
    for (const file of markdownFiles(join(ROOT, dir))) docs.set(relative(ROOT, file), { text: readFileSync(file, 'utf8') });
  }
  for (const rule of ALL_RULES) {
    if (isBankRule(rule)) continue;
    for (const kind of ['fire', 'silent'] as const) {
      rule.examples[kind].forEach((example, i) => {
        const { markdown, config } = readExample(example);
        docs.set(`rule:${rule.id}:${kind}:${i}`, { text: markdown, config });
      });
    }
  }
  for (let seed = 1; seed <= 300; seed++) docs.set(`story:${seed}`, { text: story(seed) });
  for (let seed = 1; seed <= 20; seed++) docs.set(`bank:${seed}`, { text: bankFile(12, seed) });
  // Documents longer than a parse unit (server/src/engine/syntax/units.ts): long sections, long lists,
  // long pasted paragraphs, big bank files.
  for (let seed = 1; seed <= 30; seed++) {
    const parts = [1, 2, 3, 4, 5, 6].map((k) => story(seed * 10 + k));
    const prose = parts
      .map((p) =>
        p
          .replace(/^---[\s\S]*?\n---\n/, '')
          .replace(/^#+ .*$/gm, '')
          .trim(),
      )
      .join('\n\n');
    const list = prose
      .split(/(?<=\.) /)
      .map((sentence) => `- ${sentence.replace(/\n+/g, ' ')}`)
      .join('\n');
    docs.set(`long:${seed}`, {
      text: `# Long story ${seed}\n\n## Situation\n\nWe had a problem.\n\n## Task\n\nI owned it.\n\n## Action\n\n${prose}\n\n${list}\n\n## Result\n\n${prose.replace(/\n\n/g, ' ')}\n`,
    });
  }
  for (let seed = 1; seed <= 5; seed++) docs.set(`bank-big:${seed}`, { text: bankFile(60, seed) });
  // Stories with random damage and grammar-built documents, from fixed seeds.
  fc.sample(mutatedStory, { seed: 7, numRuns: 150 }).forEach((text, i) => docs.set(`mutated:${i}`, { text }));
  fc.sample(anyDocument, { seed: 11, numRuns: 150 }).forEach((text, i) => docs.set(`generated:${i}`, { text }));
  return docs;
}

type Snapshot = Record<string, string[]>;

function record(): Snapshot {
  const out: Snapshot = {};
  for (const [name, { text, config }] of corpus()) {
    const r = lintText(text, resolveConfig(config as never), { today: TODAY });
    out[name] = r.findings.map((f) => `${f.rule} ${f.span.start}-${f.span.end} ${f.severity} ${f.message}`);
  }
  return out;
}

const [command, file] = process.argv.slice(2);
if (require.main !== module) {
  // Imported for its corpus.
} else if (command === 'record' && file) {
  const snap = record();
  writeFileSync(file, JSON.stringify(snap, null, 0).replace(/\],"/g, '],\n"') + '\n');
  console.log(`${Object.keys(snap).length} documents, ${Object.values(snap).reduce((n, f) => n + f.length, 0)} findings → ${file}`);
} else if (command === 'compare' && file) {
  const old: Snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const now = record();
  let same = 0;
  const differ: string[] = [];
  for (const name of Object.keys(now)) {
    const a = old[name] ?? [];
    const b = now[name];
    if (JSON.stringify(a) === JSON.stringify(b)) same++;
    else {
      differ.push(name);
      console.log(`\n## ${name}`);
      for (const f of a) if (!b.includes(f)) console.log(`- ${f}`);
      for (const f of b) if (!a.includes(f)) console.log(`+ ${f}`);
    }
  }
  console.log(`\n${same} of ${Object.keys(now).length} documents have identical findings; ${differ.length} differ.`);
} else {
  console.error('usage: tsx scripts/parser-parity.ts record OUT.json | compare OLD.json');
  process.exit(2);
}
