// `kubectl port-forward` against the lab. kubectl 1.32 first asks for a WebSocket whose
// subprotocol is `SPDY/3.1+portforward.k8s.io` and speaks SPDY/3.1 inside its binary messages, as
// one byte stream (client-go tools/portforward/tunneling_dialer.go and tunneling_connection.go;
// KEP-4006). When that upgrade is refused, or with KUBECTL_PORT_FORWARD_WEBSOCKETS=false, it asks
// for a plain `Upgrade: SPDY/3.1` with `X-Stream-Protocol-Version: portforward.k8s.io`
// (fallback_dialer.go, apimachinery's httpstream/spdy). Both end in the same SPDY session.

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { portForwardTarget, refusePortForward } from '../../core/api/port-forward.js';
import { json, type ApiResponse } from '../../core/api/request.js';
import { plainStatus } from '../../core/api/status.js';
import type { Cluster } from '../../core/cluster/index.js';
import { ForwardedStreams, checkStream } from './forward-streams.js';
import { SpdyServerSession } from './spdy-session.js';
import { FrameReader, OPCODE, acceptKey, closeFrame, frame } from './websocket.js';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
export const TUNNEL_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;
/** WebSocket messages larger than this close the tunnel (gorilla's client writes 4 KiB frames). */
const MAX_MESSAGE = 512 * 1024;
/** A connection with no byte either way for this long is closed (the kubelet's streaming idle timeout is 4 hours; kubectl pings every 10 s). */
const IDLE_MS = 5 * 60_000;

export interface PortForwardDeps {
  readonly cluster: () => Cluster;
  readonly setCluster: (cluster: Cluster) => void;
  readonly log: (line: string) => void;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found' };

function refuse(socket: Duplex, answer: ApiResponse): void {
  const body = Buffer.from(answer.body);
  socket.end(
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Error'}\r\nContent-Type: ${answer.contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${answer.body}`,
  );
}

const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Whether this upgrade is a port-forward; if so, it is answered here. */
export function answerPortForward(req: IncomingMessage, socket: Duplex, deps: PortForwardDeps): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const target = portForwardTarget(url.pathname);
  if (!target) return false;
  const refused = refusePortForward(deps.cluster(), target.namespace, target.name);
  const where = `${target.namespace}/${target.name}`;
  if (refused) {
    deps.log(`PORT-FORWARD ${where} ${refused.status}`);
    refuse(socket, refused);
    return true;
  }
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  const key = req.headers['sec-websocket-key'];
  const tunnel = upgrade === 'websocket' && typeof key === 'string' && listOf(req.headers['sec-websocket-protocol']).includes(TUNNEL_PROTOCOL);
  const spdy = upgrade === 'spdy/3.1' && listOf(req.headers['x-stream-protocol-version']).includes(PORT_FORWARD_PROTOCOL);
  if (!tunnel && !spdy) {
    refuse(
      socket,
      json(400, plainStatus(400, 'BadRequest', `unable to upgrade: the lab forwards ports over ${TUNNEL_PROTOCOL} or SPDY/3.1 (${PORT_FORWARD_PROTOCOL})`)),
    );
    return true;
  }
  const streams = new ForwardedStreams({ namespace: target.namespace, pod: target.name, cluster: deps.cluster, setCluster: deps.setCluster, log: deps.log });
  let send: (bytes: Buffer) => void;
  if (tunnel) {
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\nSec-WebSocket-Protocol: ${TUNNEL_PROTOCOL}\r\n\r\n`,
    );
    send = (bytes) => void (socket.writable && socket.write(frame(OPCODE.binary, bytes)));
  } else {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`);
    send = (bytes) => void (socket.writable && socket.write(bytes));
  }
  deps.log(`PORT-FORWARD ${where} opened (${tunnel ? 'WebSocket' : 'SPDY'})`);
  const session = new SpdyServerSession((bytes) => send(bytes), {
    check: checkStream,
    onStream: (stream) => streams.add(stream),
    onClose: (why) => {
      deps.log(`PORT-FORWARD ${where} closed: ${why}`);
      if (tunnel) socket.end(closeFrame(1000));
      else socket.end();
    },
  });
  if ('setTimeout' in socket && typeof socket.setTimeout === 'function') (socket as Socket).setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('close', () => session.close('the connection closed'));
  if (!tunnel) {
    socket.on('data', (bytes: Buffer) => session.feed(bytes));
    return true;
  }
  const reader = new FrameReader(MAX_MESSAGE);
  socket.on('data', (bytes: Buffer) => {
    const read = reader.feed(bytes);
    if (!read.ok) {
      socket.end(closeFrame(read.code));
      session.close(`the WebSocket: ${read.why}`, true);
      return;
    }
    for (const message of read.frames) {
      if (message.opcode === OPCODE.binary || message.opcode === OPCODE.continuation) session.feed(message.payload);
      else if (message.opcode === OPCODE.ping) socket.write(frame(OPCODE.pong, message.payload));
      else if (message.opcode === OPCODE.close) return session.close('the client closed the tunnel');
      else if (message.opcode === OPCODE.text) return session.close('a text message in a binary tunnel', true);
    }
  });
  return true;
}
