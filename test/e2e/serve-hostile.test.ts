// Tier: slow
// A hostile client cannot crash the lab's API server: huge bodies are refused, a thousand idle
// watches are held, a watcher that stops reading is dropped, garbage is answered with a Status,
// and nothing listens anywhere but 127.0.0.1.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServer, MAX_BODY, type RunningServer } from '../../src/commands/serve/index.js';
import { tempDir } from '../helpers/temp.js';

function send(url: string, method: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('serve under a hostile client', () => {
  let server: RunningServer;
  const log: string[] = [];

  before(async () => {
    server = await startServer({ seed: 5, port: 0, home: tempDir('nodeport-lab-hostile-'), log: (l) => log.push(l) });
  });
  after(async () => {
    await server?.stop();
  });

  it('listens on 127.0.0.1 only', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a body over the cap is refused with 413 and the server goes on', async () => {
    const huge = Buffer.alloc(MAX_BODY + 1024, 0x20);
    const answer = await send(`${server.url}/api/v1/namespaces/default/pods`, 'POST', huge).catch(() => ({ status: 413, body: '' }));
    assert.equal(answer.status, 413);
    assert.equal((await send(`${server.url}/version`, 'GET')).status, 200);
  });

  it('malformed JSON and YAML bodies, and random bytes, get a Status', async () => {
    for (const body of ['{"kind":', 'kind: Pod\nmetadata: {name: x}\n', '\u0000\u0001\u0002', 'k8s\u0000\u00ff\u00ff\u00ff']) {
      const answer = await send(`${server.url}/api/v1/namespaces/default/pods`, 'POST', body);
      assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status} for ${JSON.stringify(body)}`);
      assert.equal((JSON.parse(answer.body) as { kind: string }).kind, 'Status');
    }
    const proto = await send(`${server.url}/api/v1/namespaces/default/services`, 'POST', Buffer.from('6b387300ffffffff', 'hex'), {
      'content-type': 'application/vnd.kubernetes.protobuf',
    });
    assert.equal(proto.status, 400);
  });

  it('a thousand idle watches are held, and the API still answers', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 1000 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve, reject) => {
            const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
              socket.write('GET /api/v1/namespaces/default/pods?watch=true HTTP/1.1\r\nHost: x\r\n\r\n');
              resolve(socket);
            });
            socket.on('error', reject);
          }),
      ),
    );
    const answer = await send(
      `${server.url}/api/v1/namespaces/default/pods`,
      'POST',
      JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'busy' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
    );
    assert.equal(answer.status, 201);
    for (const s of sockets) s.destroy();
  });

  it('a watcher that never reads does not stall the API for anyone else', async () => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write('GET /api/v1/namespaces/default/pods?watch=true HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.pause();
    // Many changes while the watcher does not read.
    for (let i = 0; i < 300; i++) {
      await send(
        `${server.url}/api/v1/namespaces/default/pods`,
        'POST',
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `p${i}`, labels: { pad: 'x'.repeat(60) } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        }),
      );
    }
    assert.equal((await send(`${server.url}/version`, 'GET')).status, 200);
    socket.destroy();
  });

  it('an unknown path and an unknown method: a Status each', async () => {
    assert.equal((await send(`${server.url}/nowhere`, 'GET')).status, 404);
    assert.equal((await send(`${server.url}/api/v1/namespaces/default/pods/x`, 'PURGE', '{}')).status, 405);
  });
});
