// Stories are private: linting must never touch the network, and configuration is data that is
// read, never run. These tests trap every way Node opens a connection while the whole example
// bank is linted, and feed parseConfigText payloads that would pollute or inject prototypes.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBank, buildCards, cardsToHtml, lintText, parseConfigText, resolveConfig, scoreStory, validateConfig } from '../../server/src/engine';
import { BANK } from './bank';
import { TODAY } from './properties';

type Trap = [target: object, key: string, name: string];

/** Replaces every network entry point with one that records the call and throws. */
function trapNetwork(calls: string[]): () => void {
  const traps: Trap[] = [
    [net.Socket.prototype, 'connect', 'net.Socket#connect'],
    [net, 'connect', 'net.connect'],
    [net, 'createConnection', 'net.createConnection'],
    [tls, 'connect', 'tls.connect'],
    [http, 'request', 'http.request'],
    [http, 'get', 'http.get'],
    [https, 'request', 'https.request'],
    [https, 'get', 'https.get'],
    [dns, 'lookup', 'dns.lookup'],
    [dns, 'resolve', 'dns.resolve'],
    [dns.promises, 'lookup', 'dns.promises.lookup'],
    [dns.promises, 'resolve', 'dns.promises.resolve'],
    [dgram, 'createSocket', 'dgram.createSocket'],
    [globalThis, 'fetch', 'fetch'],
  ];
  const saved = traps.map(([target, key]) => (target as Record<string, unknown>)[key]);
  for (const [target, key, name] of traps) {
    (target as Record<string, unknown>)[key] = () => {
      calls.push(name);
      throw new Error(`starlint opened a connection: ${name}`);
    };
  }
  return () => traps.forEach(([target, key], i) => ((target as Record<string, unknown>)[key] = saved[i]));
}

function engineSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? engineSources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('robustness: safety', () => {
  it('traps every way to the network (so the next test cannot pass by accident)', () => {
    const calls: string[] = [];
    const restore = trapNetwork(calls);
    try {
      assert.throws(() => new net.Socket().connect(80, 'example.com'));
      assert.throws(() => http.get('http://example.com'));
      assert.throws(() => https.request('https://example.com'));
      assert.throws(() => dns.lookup('example.com', () => {}));
      assert.throws(() => fetch('https://example.com'));
    } finally {
      restore();
    }
    assert.deepEqual(calls, ['net.Socket#connect', 'http.get', 'https.request', 'dns.lookup', 'fetch']);
  });

  it('opens no socket, makes no request and resolves no name while linting the whole example bank', () => {
    const calls: string[] = [];
    const restore = trapNetwork(calls);
    try {
      const config = resolveConfig({ targetCompany: 'amazon', redact: ['Basketly'] });
      const files = BANK.map((b) => ({ uri: `file:///bank/${b.name}`, result: lintText(b.text, config, { today: TODAY }) }));
      const report = analyzeBank(files, config, TODAY);
      cardsToHtml(buildCards(files, report), TODAY);
      for (const f of files) for (const story of f.result.doc.stories) scoreStory(story, f.result.findings, config, TODAY);
      assert.ok(
        files.some((f) => f.result.findings.length > 0),
        'the bank was linted',
      );
    } finally {
      restore();
    }
    assert.deepEqual(calls, []);
  });

  it('imports no Node built-in module in the engine (no fs, no net, no child_process)', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const offenders: string[] = [];
    for (const path of engineSources(join(__dirname, '..', '..', 'server', 'src', 'engine'))) {
      const source = readFileSync(path, 'utf8');
      for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        if (builtins.has(m[1])) offenders.push(`${path}: ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  describe('.starlintrc.json is parsed as data only', () => {
    const payload = JSON.stringify({
      rules: { hedging: 'off' },
      targetCompany: '${globalThis.__starlintRan = true}',
      wordsPerMinute: '(() => { globalThis.__starlintRan = true; return 150 })()',
    })
      .slice(0, -1)
      .concat(', "__proto__": { "polluted": true, "maxFileSize": 7, "rules": { "first-person": "off" } }')
      .concat(', "constructor": { "prototype": { "polluted": true } }')
      .concat(', "themes": [{ "id": "x", "__proto__": { "polluted": true } }] }');

    it('does not pollute Object.prototype', () => {
      const { config } = parseConfigText(payload);
      resolveConfig(config);
      validateConfig(config as Record<string, unknown>);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
      assert.equal((Object.prototype as Record<string, unknown>).maxFileSize, undefined);
    });

    it('keeps "__proto__" as an own key that is reported, so nothing is inherited past validation', () => {
      const { config, problems } = parseConfigText(payload);
      assert.equal(Object.getPrototypeOf(config), Object.prototype);
      assert.ok(Object.hasOwn(config, '__proto__'));
      assert.ok(problems.some((p) => p.message.includes('"__proto__"')));
      const resolved = resolveConfig(config);
      assert.equal(resolved.maxFileSize, 1_000_000);
      assert.equal(resolved.severities['first-person'], 'warning');
      assert.equal(resolved.severities.hedging, 'off');
    });

    it('never runs what looks like code', () => {
      const { config } = parseConfigText(payload);
      const resolved = resolveConfig(config);
      assert.equal((globalThis as Record<string, unknown>).__starlintRan, undefined);
      assert.equal(typeof config.wordsPerMinute, 'string');
      assert.equal(resolved.wordsPerMinute, 150);
    });
  });
});
