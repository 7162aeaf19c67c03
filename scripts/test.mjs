// `npm test`: every suite runs and reports, even after another failed. Type check and build come
// first (nothing else can run without the build); then the lint (ESLint with the import
// boundaries, Prettier), the unit suite (mocha) and the real VS Code suite (code-server in
// Chromium) all run, whatever the other's result, and a summary
// names each step's outcome. The exit code is non-zero when any step failed.
import { spawnSync } from 'node:child_process';

const STEPS = [
  { name: 'type check', script: 'typecheck', gate: true },
  { name: 'build', script: 'build', gate: true },
  { name: 'lint: ESLint (import boundaries) and Prettier', script: 'lint' },
  { name: 'unit suite (mocha)', script: 'test:unit' },
  { name: 'real VS Code suite (code-server)', script: 'test:e2e' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
for (const step of STEPS) {
  console.log(`\n▶ ${step.name}: npm run ${step.script}`);
  const started = Date.now();
  const r = spawnSync(npm, ['run', step.script], { stdio: 'inherit' });
  const ok = r.status === 0;
  results.push({ ...step, ok, seconds: Math.round((Date.now() - started) / 1000), status: r.status ?? r.signal });
  if (!ok && step.gate) {
    console.error(`\n✖ ${step.name} failed; the suites need it, so they did not run.`);
    break;
  }
}

console.log('\nnpm test summary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds} s)${r.ok ? '' : ` — exit ${r.status}`}`);
for (const s of STEPS.slice(results.length)) console.log(`  – ${s.name} (not run)`);
const failed = results.filter((r) => !r.ok).length + (STEPS.length - results.length);
console.log(failed ? `\n${failed} of ${STEPS.length} steps did not pass.` : '\nAll steps passed.');
process.exit(failed ? 1 : 0);
