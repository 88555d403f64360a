// JSON-RPC errors at the wire: what a client sees when it sends something that is not a valid message.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { describe, it } from 'node:test';
import { SEEDS, SERVER } from './harness';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const request = (id: number, method: string, params: unknown) => frame(JSON.stringify({ jsonrpc: '2.0', id, method, params }));

interface Reply { id: number | null; result?: unknown; error?: { code: number; message: string } }

/** A server over raw stdio, collecting every reply it writes. */
function rawServer() {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [SERVER, '--stdio', '--sources', SEEDS]);
  const replies: Reply[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => {
    buffer += d;
    for (;;) {
      const m = /^Content-Length: (\d+)\r\n\r\n/.exec(buffer);
      if (!m || buffer.length < m[0].length + Number(m[1])) break;
      const body = buffer.slice(m[0].length, m[0].length + Number(m[1]));
      buffer = buffer.slice(m[0].length + Number(m[1]));
      const message = JSON.parse(body) as Reply & { method?: string };
      if (!message.method) replies.push(message);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const reply = async (id: number | null) => {
    for (let i = 0; i < 200; i++) {
      const found = replies.find((r) => r.id === id);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no reply with id ${id}; stderr: ${stderr}`);
  };
  return { child, reply, exited, stderr: () => stderr };
}

describe('JSON-RPC errors at the wire', { timeout: 30_000 }, () => {
  it('answers a body that is not JSON with -32700 and goes on serving', async () => {
    const server = rawServer();
    server.child.stdin.write(frame('{not json'));
    const parseError = await server.reply(null);
    assert.equal(parseError.error?.code, -32700);
    server.child.stdin.write(request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    assert.ok((await server.reply(1)).result, 'initialize still answered');
    server.child.stdin.write(request(2, 'shutdown', null));
    await server.reply(2);
    server.child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
    assert.equal(await server.exited, 0);
  });

  it('answers null or malformed params with -32602, not an internal error', async () => {
    const server = rawServer();
    server.child.stdin.write(request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    await server.reply(1);
    server.child.stdin.write(request(2, 'textDocument/hover', null));
    server.child.stdin.write(request(3, 'textDocument/hover', { textDocument: { uri: 'file:///x.md' } }));
    server.child.stdin.write(request(4, 'textDocument/codeAction', { textDocument: { uri: 'file:///x.md' }, range: null }));
    for (const id of [2, 3, 4]) {
      const r = await server.reply(id);
      assert.equal(r.error?.code, -32602, JSON.stringify(r));
      assert.doesNotMatch(r.error?.message ?? '', /TypeError|Cannot read/);
    }
    server.child.kill();
  });

  it('answers requests sent before initialize, then initializes normally', async () => {
    const server = rawServer();
    server.child.stdin.write(request(1, 'textDocument/hover', { textDocument: { uri: 'file:///early.md' }, position: { line: 0, character: 0 } }));
    server.child.stdin.write(request(2, 'workspace/executeCommand', { command: 'corroborate.checkDocument', arguments: ['file:///early.md'] }));
    for (const id of [1, 2]) {
      const r = await server.reply(id);
      assert.ok('result' in r || r.error, JSON.stringify(r));
    }
    server.child.stdin.write(request(3, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    assert.ok((await server.reply(3)).result);
    server.child.kill();
  });

  it('logs a broken header and exits non-zero', async () => {
    const server = rawServer();
    server.child.stdin.write('Not-A-Length: 3\r\n\r\n{}\n');
    const code = await server.exited;
    assert.notEqual(code, 0);
    assert.match(server.stderr(), /Content-Length/);
  });
});
