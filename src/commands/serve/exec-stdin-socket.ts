// `kubectl exec -i` over the lab's WebSocket: kubectl sends stdin as binary messages on channel 0,
// and, in v5.channel.k8s.io, the end of stdin as a message on channel 255 naming channel 0
// (client-go tools/remotecommand/websocket.go, remotecommand/v5.go). What the program writes goes
// back on channels 1 and 2 as it is written; its end is the Status on channel 3, then a close.
// With `-t`, the terminal's size comes on channel 4; the lab's shell does not wrap, so it is read
// and let go.

import { StringDecoder } from 'node:string_decoder';
import type { Duplex } from 'node:stream';
import type { StdinStep } from '../../core/api/exec-stdin.js';
import type { Cluster } from '../../core/cluster/index.js';
import { FrameReader, OPCODE, closeFrame, frame } from './websocket.js';

/** A stdin message larger than this closes the socket (kubectl sends stdin in 32 KiB pieces). */
const MAX_FRAME = 64 * 1024;
/** A session with nothing on stdin for this long is closed. */
const IDLE_MS = 10 * 60_000;
const STDIN = 0;
const CLOSE_SIGNAL = 255;

export interface StdinDeps {
  readonly cluster: () => Cluster;
  readonly setCluster: (cluster: Cluster) => void;
}

/** What reads the stream's stdin: a shell reading its script, a filter, or a shell on a terminal. */
export interface StdinReader {
  start?(cluster: Cluster): StdinStep;
  input(cluster: Cluster, text: string): StdinStep;
  endOfInput(cluster: Cluster): StdinStep;
}

export function streamStdin(socket: Duplex, program: StdinReader, deps: StdinDeps): void {
  const channel = (n: number, text: string): Buffer => frame(OPCODE.binary, Buffer.concat([Buffer.from([n]), Buffer.from(text, 'utf8')]));
  const decoder = new StringDecoder('utf8');
  let ended = false;
  const tell = (step: StdinStep): void => {
    deps.setCluster(step.cluster);
    if (ended || !socket.writable) return;
    if (step.stdout !== '') socket.write(channel(1, step.stdout));
    if (step.stderr !== '') socket.write(channel(2, step.stderr));
    if (step.ended) {
      ended = true;
      socket.write(channel(3, JSON.stringify(step.ended)));
      socket.end(closeFrame(1000));
    }
  };
  if (program.start) tell(program.start(deps.cluster()));
  let idle = setTimeout(() => socket.destroy(), IDLE_MS);
  idle.unref();
  socket.on('close', () => clearTimeout(idle));
  const reader = new FrameReader(MAX_FRAME);
  socket.on('data', (data: Buffer) => {
    clearTimeout(idle);
    idle = setTimeout(() => socket.destroy(), IDLE_MS);
    idle.unref();
    const read = reader.feed(data);
    if (!read.ok) {
      ended = true;
      socket.end(closeFrame(read.code));
      return;
    }
    for (const message of read.frames) {
      if (message.opcode === OPCODE.close) {
        ended = true;
        socket.end(closeFrame(1000));
        return;
      }
      if (message.opcode === OPCODE.ping) {
        socket.write(frame(OPCODE.pong, message.payload));
        continue;
      }
      if (message.opcode !== OPCODE.binary || message.payload.length === 0) continue;
      const which = message.payload[0];
      if (which === STDIN) tell(program.input(deps.cluster(), decoder.write(message.payload.subarray(1))));
      else if (which === CLOSE_SIGNAL && message.payload[1] === STDIN) {
        const rest = decoder.end();
        if (rest !== '') tell(program.input(deps.cluster(), rest));
        tell(program.endOfInput(deps.cluster()));
      }
    }
  });
}
