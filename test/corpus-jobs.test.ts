// The hand labels of the real job postings (test/corpus/jobs) are the test set of job-description
// matching, so they must be well formed: every competency id is one starlint knows, every evidence
// phrase is really in its posting, and every posting has its labels and its source.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AMAZON_PRINCIPLES, COMPANIES, THEMES } from '../server/src/engine';

const DIR = join(__dirname, 'corpus', 'jobs');
const ROLES = ['ml-engineer', 'mlops', 'applied-scientist', 'research-engineer', 'research-scientist', 'data-scientist'];
const ML_SKILLS = ['experimentation', 'deployment', 'data-quality', 'stakeholders', 'leadership', 'ethics'].map((s) => `ml:${s}`);
const OTHER_VALUES: Record<string, string> = {
  google: 'google:intellectual-humility',
  meta: 'meta:move-fast',
  anthropic: 'anthropic:risks-and-trade-offs',
  openai: 'openai:risks-and-trade-offs',
};

/** `amazon:` and the principle in kebab-case without apostrophes, as test/corpus/jobs/README.md says. */
function principleId(principle: string): string {
  return `amazon:${principle
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

function valuesOf(company: string | null): string[] {
  if (company === 'amazon') return AMAZON_PRINCIPLES.map(principleId);
  return company && OTHER_VALUES[company] ? [OTHER_VALUES[company]] : [];
}

interface JobLabels {
  role: string;
  company: string | null;
  competencies: Record<string, string[]>;
  notes?: Record<string, string>;
}

const postings = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'SOURCES.md');

describe('corpus: job postings and their labels', () => {
  it('holds at least 12 postings, each listed in SOURCES.md with a URL', () => {
    assert.ok(postings.length >= 12, `${postings.length} postings`);
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    for (const p of postings)
      assert.match(sources, new RegExp(`^\\| ${p.replace('.', '\\.')} \\|.*https?://`, 'm'), `${p} has no row with a URL in SOURCES.md`);
  });

  for (const posting of postings) {
    it(`${posting}: labels use known ids and quote the posting`, () => {
      const text = readFileSync(join(DIR, posting), 'utf8');
      const labels = parse(readFileSync(join(DIR, posting.replace(/\.md$/, '.labels.yaml')), 'utf8')) as JobLabels;
      assert.ok(ROLES.includes(labels.role), `role ${labels.role}`);
      assert.ok(labels.company === null || (COMPANIES as readonly string[]).includes(labels.company), `company ${labels.company}`);
      const known = new Set([...THEMES.map((t) => t.id), ...ML_SKILLS, ...valuesOf(labels.company)]);
      const ids = Object.keys(labels.competencies);
      assert.ok(ids.length > 0, 'no competencies');
      for (const id of ids) {
        assert.ok(known.has(id), `${id} is not a theme, an ML skill or a value of ${labels.company ?? 'no company'}`);
        const evidence = labels.competencies[id];
        assert.ok(Array.isArray(evidence) && evidence.length > 0, `${id} has no evidence`);
        for (const phrase of evidence) assert.ok(text.includes(phrase), `${id}: "${phrase}" is not in the posting`);
      }
      for (const id of Object.keys(labels.notes ?? {})) assert.ok(known.has(id) || id === 'company', `note on unknown id ${id}`);
    });
  }
});
