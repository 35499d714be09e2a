// A watch's backlog: the first round (an ADDED row for every object: a thousand pods' Tables are
// over a mebibyte) is always sent whole, so `kubectl get pods -w` of a big listing is never cut
// short; a client that has not taken what earlier rounds sent is dropped before the next.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerResponse } from 'node:http';
import { send, type Watcher } from '../../../src/commands/serve/watch.js';

/** A response that keeps all it is given, as a socket whose client does not read. */
function stalled(): { response: ServerResponse; written: () => number } {
  let length = 0;
  const response = {
    get writableLength() {
      return length;
    },
    write(chunk: string) {
      length += Buffer.byteLength(chunk);
      return false;
    },
  } as unknown as ServerResponse;
  return { response, written: () => length };
}

describe('a watch and a client that does not read', () => {
  it('sends the first round whole however big, then drops the client at the next', () => {
    const socket = stalled();
    const watcher: Watcher = { response: socket.response, snapshot: { byName: new Map() }, take: () => ({ byName: new Map() }), same: 'pods', limit: 1024 };
    const row = { type: 'ADDED' as const, object: { name: 'x'.repeat(100) } };
    const rows = Array.from({ length: 1000 }, () => row);
    assert.equal(send(watcher, rows as never), true);
    assert.ok(socket.written() > 100_000, 'all thousand rows were written');
    assert.equal(send(watcher, [row] as never), false, 'the next round finds the backlog and drops the client');
  });
});
