// `kubectl exec` against the lab: kubectl 1.32 asks to upgrade the exec request to a WebSocket
// speaking v5.channel.k8s.io (client-go tools/remotecommand/websocket.go); every message is one
// binary frame whose first byte is the channel: 1 stdout, 2 stderr, 3 the Status that ends it.
// A refused upgrade makes kubectl try SPDY (fallback.go), which the lab answers with the same
// refusal. Port-forward upgrades go to port-forward.ts; attach gets a Status naming what to use instead.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Cluster } from '../../core/cluster/index.js';
import { execPod, execTarget, ranInPod } from '../../core/api/exec.js';
import { StdinProgram, readsStdin } from '../../core/api/exec-stdin.js';
import { TtyShell } from '../../core/api/exec-tty.js';
import { streamStdin } from './exec-stdin-socket.js';
import { json, type ApiResponse } from '../../core/api/request.js';
import { plainStatus } from '../../core/api/status.js';
import { answerPortForward } from './port-forward.js';
import { FrameReader, OPCODE, acceptKey, closeFrame, frame } from './websocket.js';

/** The channel protocols the lab speaks, best first (v4 frames stdout, stderr and the Status alike). */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
/** Client frames larger than this close the socket (kubectl sends at most stdin chunks and close signals). */
const MAX_FRAME = 64 * 1024;

export interface ExecDeps {
  readonly cluster: () => Cluster;
  readonly setCluster: (cluster: Cluster) => void;
  readonly log: (line: string) => void;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed' };

function refuse(socket: Duplex, answer: ApiResponse): void {
  const body = Buffer.from(answer.body);
  socket.end(
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Error'}\r\nContent-Type: ${answer.contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${answer.body}`,
  );
}

export function answerUpgrade(req: IncomingMessage, socket: Duplex, deps: ExecDeps): void {
  socket.on('error', () => socket.destroy());
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (answerPortForward(req, socket, deps)) return;
  const target = execTarget(path);
  if (!target) {
    deps.log(`UPGRADE ${path} refused`);
    return refuse(socket, json(400, plainStatus(400, 'BadRequest', 'the lab streams pods/exec and pods/portforward; attach is the sandbox kubectl’s')));
  }
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const protocol = PROTOCOLS.find((p) => offered.includes(p));
  const key = req.headers['sec-websocket-key'];
  const command = url.searchParams.getAll('command');
  const found = execPod(deps.cluster(), target.namespace, target.name, url.searchParams.get('container') ?? undefined, command);
  if (found.kind === 'refused') {
    deps.log(`EXEC ${target.namespace}/${target.name} ${found.response.status}`);
    return refuse(socket, found.response);
  }
  if (upgrade !== 'websocket' || typeof key !== 'string' || protocol === undefined) {
    // SPDY, or a WebSocket without a channel protocol we speak: kubectl's WebSocket came first, so this is someone else.
    return refuse(socket, json(400, plainStatus(400, 'BadRequest', `the lab's exec speaks WebSocket (${PROTOCOLS.join(', ')}) only`)));
  }
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  const shown = command
    .join(' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 120);
  const stdin = url.searchParams.get('stdin') === 'true';
  if (stdin && url.searchParams.get('tty') === 'true' && command.length === 1 && /(^|\/)(sh|bash|dash)$/.test(command[0] ?? '')) {
    deps.log(`EXEC -it ${target.namespace}/${target.name} ${shown}`);
    return streamStdin(socket, new TtyShell(target.namespace, target.name, command), deps);
  }
  if (stdin && readsStdin(command)) {
    deps.log(`EXEC -i ${target.namespace}/${target.name} ${shown}`);
    return streamStdin(socket, new StdinProgram(target.namespace, target.name, command), deps);
  }
  const outcome = ranInPod(deps.cluster(), found.pod, command);
  deps.setCluster(outcome.cluster);
  const channel = (n: number, text: string): Buffer => frame(OPCODE.binary, Buffer.concat([Buffer.from([n]), Buffer.from(text, 'utf8')]));
  if (outcome.stdout !== '') socket.write(channel(1, outcome.stdout));
  if (outcome.stderr !== '') socket.write(channel(2, outcome.stderr));
  socket.write(channel(3, JSON.stringify(outcome.status)));
  socket.write(closeFrame(1000));
  deps.log(`EXEC ${target.namespace}/${target.name} ${shown}`);
  // What the client sends now is read only to answer its close; anything a client may not send ends it.
  const reader = new FrameReader(MAX_FRAME);
  const idle = setTimeout(() => socket.destroy(), 10_000);
  idle.unref();
  socket.on('close', () => clearTimeout(idle));
  socket.on('data', (data: Buffer) => {
    const read = reader.feed(data);
    if (!read.ok) {
      socket.end(closeFrame(read.code));
      return;
    }
    if (read.frames.some((f) => f.opcode === OPCODE.close)) socket.end();
  });
}
