// A client of `nodeport-lab serve` chooses the names in its request paths; the server's log line per
// request shows them on the learner's terminal, so a control character in one is shown, not obeyed.
// A port-forward to a namespace named "\x1b[2J" (percent-encoded in the path) must not clear the screen.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../helpers/temp.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

describe('serve: request log lines', { skip: existsSync(CLI) ? false : 'needs a build (npm run build)' }, () => {
  it('a port-forward path naming an escape sequence is logged with the escape made visible', async () => {
    const home = tempDir('npl-serve-log-');
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const until = async (test: () => boolean): Promise<void> => {
      for (let waited = 0; !test(); waited += 50) {
        if (waited > 60_000) throw new Error(`timed out; output so far:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await until(() => /answers at http:\/\/127\.0\.0\.1:\d+/.test(stdout));
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(
        'GET /api/v1/namespaces/%1b%5b2J/pods/web/portforward HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: SPDY/3.1+portforward.k8s.io\r\n\r\n',
      );
      await until(() => stdout.includes('PORT-FORWARD'));
      socket.destroy();
      const line = stdout.split('\n').find((l) => l.includes('PORT-FORWARD')) ?? '';
      assert.ok(!line.includes('\x1b'), JSON.stringify(line));
      assert.match(line, /PORT-FORWARD \\x1b\[2J\/web /);
    } finally {
      child.kill('SIGINT');
    }
  });
});
