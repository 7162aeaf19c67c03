// The import boundaries of the layout, held by ESLint (eslint.config.mjs): a deliberate violation
// in each layer fails, the allowed imports pass. `npm run lint` runs the same configuration on the
// whole code base as part of `npm test`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..');

async function problems(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (ESLint)', function () {
  this.timeout(120_000);

  it('the engine may not import Node, the editor or the layers above it', async () => {
    const found = await problems(
      'server/src/engine/facts/zz-violation.ts',
      "import { readFileSync } from 'node:fs';\nimport { connection } from '../../lsp/analysis';\nexport const x = [readFileSync, connection];\n",
    );
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /no Node or editor API/);
    assert.match(found[1], /nothing from the layers above/);
  });

  it('a rule may import the model and the facts, not the lint or bank stages', async () => {
    assert.deepEqual(
      await problems(
        'server/src/engine/rules/zz-ok.ts',
        "import { metricsOf } from '../facts/metrics';\nimport type { ResolvedConfig } from '../lint/config';\nexport const x: [typeof metricsOf, ResolvedConfig?] = [metricsOf];\n",
      ),
      [],
    );
    const found = await problems('server/src/engine/rules/zz-violation.ts', "import { analyzeBank } from '../bank/bank';\nexport const x = analyzeBank;\n");
    assert.equal(found.length, 1);
    assert.match(found[0], /Rules import only model/);
  });

  it('the client may not import from server/src, even types', async () => {
    const found = await problems('client/src/zz-violation.ts', "import type { BankStory } from '../../server/src/engine';\nexport type X = BankStory;\n");
    assert.equal(found.length, 1);
    assert.match(found[0], /imports only shared/);
    assert.deepEqual(await problems('client/src/zz-ok.ts', "import type { BankStory } from '../../shared/protocol';\nexport type X = BankStory;\n"), []);
  });
});
