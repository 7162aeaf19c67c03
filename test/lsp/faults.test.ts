// Protocol faults at the byte level: a message that is not JSON, an unknown method, a request
// the server cannot serve. The server answers what it can and stays up for the next request.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SERVER, ensureBuilt, withTimeout } from './helpers/client';

/** A bare JSON-RPC peer over the server's stdio: frames messages and collects the replies. */
class RawPeer {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private readonly replies: Record<string, unknown>[] = [];

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const head = this.buffer.indexOf('\r\n\r\n');
        if (head === -1) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
        if (this.buffer.length < head + 4 + length) return;
        this.replies.push(JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()));
        this.buffer = this.buffer.subarray(head + 4 + length);
      }
    });
  }

  sendRaw(body: string): void {
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  send(message: Record<string, unknown>): void {
    this.sendRaw(JSON.stringify({ jsonrpc: '2.0', ...message }));
  }

  async reply(id: number): Promise<Record<string, unknown>> {
    for (let i = 0; i < 200; i++) {
      const found = this.replies.find((r) => r.id === id);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no reply to request ${id}`);
  }
}

describe('lsp: protocol faults', function () {
  this.timeout(30_000);
  before(function () {
    this.timeout(60_000);
    ensureBuilt();
  });

  it('survives a message that is not JSON, an unknown method and a bad request, and still answers', async () => {
    const peer = new RawPeer();
    try {
      peer.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { scanWorkspace: false } } });
      assert.ok((await peer.reply(1)).result, 'initialize answered');
      peer.send({ method: 'initialized', params: {} });

      peer.sendRaw('{"jsonrpc": "2.0", "id": 2, "method": ');
      peer.sendRaw('not json at all \u0000\u0001');
      peer.send({ id: 3, method: 'starlint/no-such-method', params: {} });
      const unknown = await peer.reply(3);
      assert.equal((unknown.error as { code: number }).code, -32601, 'MethodNotFound');

      peer.send({
        id: 4,
        method: 'textDocument/hover',
        params: { textDocument: { uri: 'file:///never/opened.md' }, position: { line: 99999, character: -5 } },
      });
      assert.ok('result' in (await peer.reply(4)) || 'error' in (await peer.reply(4)));

      peer.send({
        method: 'textDocument/didOpen',
        params: {
          textDocument: {
            uri: 'file:///tmp/fault.md',
            languageId: 'markdown',
            version: 1,
            text: '# T\n\n## Situation\n\nWe had churn.\n\n## Task\n\nThe team had a goal.\n',
          },
        },
      });
      peer.send({ id: 5, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///tmp/fault.md' } } });
      const symbols = (await peer.reply(5)).result as unknown[];
      assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the server still serves real requests');
      assert.equal(peer.child.exitCode, null, 'still running');
    } finally {
      peer.child.kill();
      await withTimeout(new Promise((r) => peer.child.once('exit', r)), 5000).catch(() => undefined);
    }
  });
});
