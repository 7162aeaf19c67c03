// The test gate itself. `STARLINT_DEMO_FAIL=1 npm test` makes this one unit test fail on purpose,
// to show that the real VS Code suite still runs after a failing unit suite and that the command
// fails (docs/reliability.md records such a run).
import assert from 'node:assert/strict';

describe('test gate', () => {
  it('fails on purpose when STARLINT_DEMO_FAIL is set (to show the runner reports every suite)', () => {
    assert.ok(!process.env.STARLINT_DEMO_FAIL, 'STARLINT_DEMO_FAIL is set: this unit test fails on purpose');
  });
});
