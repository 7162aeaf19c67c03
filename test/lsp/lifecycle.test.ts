// Start modes and shutdown: stdio (with and without the flag), Node IPC and a socket; the server
// exits on `exit`, and by itself when the editor's process is gone.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as net from 'node:net';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { CAPABILITIES, ROOT, SERVER, TestClient, ensureBuilt, withTimeout } from './helpers/client';

async function initialize(connection: ProtocolConnection): Promise<InitializeResult> {
  connection.listen();
  const result = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: CAPABILITIES,
    initializationOptions: { scanWorkspace: false },
  });
  await connection.sendNotification('initialized', {});
  return result;
}

describe('lsp: start modes and lifecycle', function () {
  this.timeout(30_000);
  before(function () {
    this.timeout(60_000);
    ensureBuilt();
  });

  it('exits with code 0 on shutdown + exit', async () => {
    const client = await TestClient.start({ initializationOptions: { scanWorkspace: false } });
    await client.request('shutdown', null);
    await client.notify('exit', null);
    assert.equal(await withTimeout(client.exited, 5000), 0);
    client.connection.dispose();
  });

  it('exits with code 1 on exit without shutdown', async () => {
    const client = await TestClient.start({ initializationOptions: { scanWorkspace: false } });
    await client.notify('exit', null);
    assert.equal(await withTimeout(client.exited, 5000), 1);
    client.connection.dispose();
  });

  it('exits by itself when the editor process named in initialize dies', async () => {
    const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await once(editor, 'spawn');
    const client = await TestClient.start({ processId: editor.pid!, initializationOptions: { scanWorkspace: false } });
    editor.kill();
    // The check runs every 3 seconds.
    await withTimeout(client.exited, 10_000);
    client.connection.dispose();
  });

  it('exits when its stdin closes (the parent went away)', async () => {
    const client = await TestClient.start({ processId: null, initializationOptions: { scanWorkspace: false } });
    client.proc.stdin!.end();
    await withTimeout(client.exited, 5000);
    client.connection.dispose();
  });

  it('speaks stdio when started with no arguments (`starlint-lsp`)', async () => {
    const client = await TestClient.start({ args: [], initializationOptions: { scanWorkspace: false } });
    assert.equal(client.initializeResult.serverInfo?.name, 'starlint');
    await client.stop();
  });

  it('speaks Node IPC with --node-ipc (vscode-languageclient’s transport) and exits when the channel closes', async () => {
    const proc = spawn(process.execPath, [SERVER, '--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const result = await initialize(connection);
    assert.ok(result.capabilities.hoverProvider);
    const exited = once(proc, 'exit');
    proc.disconnect();
    await withTimeout(exited, 5000);
    connection.dispose();
  });

  it('connects to a socket with --socket=PORT', async () => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as net.AddressInfo).port;
    const accepted = once(server, 'connection') as Promise<[net.Socket]>;
    const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { cwd: ROOT, stdio: 'ignore' });
    const [socket] = await withTimeout(accepted, 10_000);
    const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const result = await initialize(connection);
    assert.ok(result.capabilities.codeLensProvider);
    await connection.sendRequest('shutdown');
    const exited = once(proc, 'exit');
    await connection.sendNotification('exit');
    await withTimeout(exited, 5000);
    connection.dispose();
    server.close();
  });

  it('prints its version and usage', async () => {
    const run = (arg: string): Promise<string> =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, [SERVER, arg], { cwd: ROOT });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('exit', () => resolve(out));
      });
    assert.match(await run('--version'), /^starlint-lsp \d+\.\d+\.\d+/);
    assert.match(await run('--help'), /--stdio/);
  });
});
