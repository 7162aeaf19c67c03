// The score's rubric and the rules agree (issue 13 item 6): wherever the rubric takes points for
// something a rule judges, it does so exactly when that rule reports it — on every rule example
// and every story of the example bank.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { STORY_RULES, lintText, resolveConfig, scoreStory } from '../server/src/engine';
import { readExample } from '../server/src/engine/rules/examples';

const TODAY = '2026-11-25';
const config = resolveConfig();

/** Rule → whether the rubric shows it (a note of the criterion that weighs it). */
const SHOWN: Record<string, (notes: Record<string, string[]>) => boolean> = {
  'first-person': (n) => (n.role ?? []).some((x) => /\(first-person\)$/.test(x)),
  'result-metric': (n) => (n.specificity ?? []).includes('no number in the Result (result-metric)'),
  experimentation: (n) => (n.complexity ?? []).includes('no experimentation'),
  'metric-types': (n) => (n.outcome ?? []).some((x) => /^no (?:business|technical|technical or business) metric$/.test(x)),
  'generic-learning': (n) => (n.outcome ?? []).includes('generic lesson'),
  'lasting-impact': (n) => (n.outcome ?? []).includes('no lasting change'),
};

const texts: [string, string][] = [
  ...STORY_RULES.flatMap((r) =>
    [...r.examples.fire, ...r.examples.silent].map((e, i): [string, string] => [`${r.id} example ${i + 1}`, readExample(e).markdown]),
  ),
  ...readdirSync(join(__dirname, '..', 'examples', 'story-bank'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f): [string, string] => [`examples/story-bank/${f}`, readFileSync(join(__dirname, '..', 'examples', 'story-bank', f), 'utf8')]),
];

describe('score rubric agrees with the rules', () => {
  it('takes points for a rule’s concern exactly when the rule reports it', () => {
    const disagreements: string[] = [];
    let judged = 0;
    for (const [name, text] of texts) {
      const result = lintText(text, config, { today: TODAY });
      for (const story of result.doc.stories) {
        const findings = result.findings.filter((f) => f.story === story.index);
        const score = scoreStory(story, findings, config, TODAY);
        const notes = Object.fromEntries(score.criteria.map((c) => [c.id, c.notes]));
        for (const [rule, shown] of Object.entries(SHOWN)) {
          const fired = findings.some((f) => f.rule === rule);
          judged++;
          if (fired !== shown(notes))
            disagreements.push(`${name}: ${rule} ${fired ? 'fired' : 'silent'}, rubric ${shown(notes) ? 'shows' : 'does not show'} it`);
        }
      }
    }
    assert.ok(judged > 300, `judged ${judged}`);
    assert.deepEqual(disagreements, []);
  });
});
