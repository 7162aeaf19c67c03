// The engine object (createEngine): caches it owns, results identical to the free functions, and
// no module-level state left in the engine's sources.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { STORY_RULES, createEngine, lintEdit, lintText, resolveConfig, type LintResult } from '../server/src/engine';
import { readExample } from '../server/src/engine/rules/examples';
import { bankFile } from '../bench/corpus';

const TODAY = '2026-11-25';
const config = resolveConfig();
const EXAMPLES = STORY_RULES.flatMap((r) => [...r.examples.fire, ...r.examples.silent].map((e) => readExample(e).markdown));
const bank = bankFile(30, 3);

function comparable(r: LintResult): unknown {
  return r.findings.map((f) => [f.rule, f.span.start, f.span.end, f.message, f.severity, f.story]);
}

describe('engine object', () => {
  it('gives the free functions’ findings on every rule example, the first time and from its caches', () => {
    const engine = createEngine();
    for (const text of EXAMPLES) {
      const want = comparable(lintText(text, config, { today: TODAY }));
      assert.deepEqual(comparable(engine.lintText(text, config, { today: TODAY })), want);
      assert.deepEqual(comparable(engine.lintText(text, config, { today: TODAY })), want, 'cached');
    }
  });

  it('re-lints an edit of a bank file as the free lintEdit does', () => {
    const engine = createEngine();
    const before = engine.lintText(bank, config, { today: TODAY });
    const at = bank.indexOf('## Action', bank.length >> 1) + 12;
    const text = bank.slice(0, at) + 'We ' + bank.slice(at);
    const change = { start: at, end: at, newEnd: at + 3, inserted: 'We ' };
    const viaEngine = engine.lintEdit(before, text, change, config, { today: TODAY, remember: false });
    const free = lintEdit(lintText(bank, config, { today: TODAY }), text, change, config, { today: TODAY });
    assert.equal(viaEngine.incremental, true, 'the edited story alone was linted again');
    assert.deepEqual(comparable(viaEngine), comparable(free));
    assert.deepEqual(comparable(viaEngine), comparable(lintText(text, config, { today: TODAY })));
  });

  it('keeps each engine’s caches its own: what one engine parsed another re-parses', async () => {
    const a = createEngine();
    const b = createEngine();
    const text = bank.repeat(2);
    let paused = 0;
    await a.prepareText(text, async () => void paused++);
    assert.ok(paused > 0, 'a long text is prepared unit by unit');
    let again = 0;
    await a.prepareText(text, async () => void again++);
    assert.equal(again, 0, 'the same engine finds every unit in its cache');
    let other = 0;
    await b.prepareText(text, async () => void other++);
    assert.equal(other, paused, 'another engine shares nothing');
  });

  it('has no module-level mutable state in the engine’s sources', () => {
    const root = join(__dirname, '..', 'server', 'src', 'engine');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    const offences: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const st of source.statements) {
        if (!ts.isVariableStatement(st)) continue;
        const where = `${file.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(st.getStart()).line + 1}`;
        if (!(st.declarationList.flags & ts.NodeFlags.Const)) offences.push(`${where} top-level let/var`);
        for (const d of st.declarationList.declarations) {
          const init = d.initializer;
          if (init && ts.isNewExpression(init) && /^(TextCache|Memo)$/.test(init.expression.getText(source))) offences.push(`${where} module-level cache`);
        }
      }
    }
    assert.deepEqual(offences, []);
  });
});
