// Preloaded into a process whose work a test counts over events (the language server):
//   node --no-opt --require tsx/cjs --require test/robustness/work-signal.ts dist/server.js --stdio
// The first SIGUSR2 starts a WorkMeter and writes "work-meter: started" to stderr; the next stops
// it and writes "work-meter: {blocks, native}", and so on. (SIGUSR1 belongs to the inspector.)
import { WorkMeter } from './work';

const meter = new WorkMeter(__filename).install();
meter.attribute = process.env.STARLINT_WORK_ATTRIBUTE === '1';
process.on('SIGUSR2', () => {
  if (!meter.running) {
    meter.start();
    process.stderr.write('work-meter: started\n');
  } else {
    const { blocks, native, nativeByFunction, byFunction } = meter.stop();
    const top = (m: Map<string, number>): string[] =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, v]) => `${v} ${k}`);
    process.stderr.write(`work-meter: ${JSON.stringify({ blocks, native, topNative: top(nativeByFunction), topBlocks: top(byFunction) })}\n`);
  }
});
