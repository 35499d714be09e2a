// The streams of one port-forward connection, paired as the kubelet pairs them
// (pkg/kubelet/cri/streaming/portforward/httpstream.go): every forwarded TCP connection is an error
// stream and a data stream with the same `requestID` (or, from older clients, stream ids two
// apart) and a `port`. Once both are there, the pod's port takes the connection or refuses it (the
// refusal written on the error stream, both streams then closed); a taken one is a conversation
// with the pod's nginx: each request on the data stream gets its answer, until the client is done.

import type { Cluster } from '../../core/cluster/index.js';
import { answerForwarded, connectToPod } from '../../core/api/port-forward.js';
import type { SpdyStream } from './spdy-session.js';

/** A request head larger than this is not read on (nginx's large_client_header_buffers is 4 x 8k). */
const MAX_HEAD = 32 * 1024;
/** Pairs waiting for their other stream on one connection. */
const MAX_PAIRS = 256;
/** How long a pair waits for its other stream (the kubelet's streamCreationTimeout, 30 s by default). */
const PAIR_TIMEOUT_MS = 30_000;

export interface ForwardDeps {
  readonly namespace: string;
  readonly pod: string;
  /** The cluster now (its clock moved to the wall clock's). */
  readonly cluster: () => Cluster;
  readonly setCluster: (cluster: Cluster) => void;
  readonly log: (line: string) => void;
}

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
  timer?: NodeJS.Timeout;
}

/** The kubelet's checks on a new stream (httpStreamReceived): the reason it is refused, or undefined. */
export function checkStream(stream: SpdyStream): string | undefined {
  const port = stream.header('port');
  if (port === '') return '"port" header is required';
  if (!/^\d+$/.test(port) || Number(port) > 65535) return `unable to parse "${port}" as a port`;
  if (Number(port) < 1) return `port "${port}" must be > 0`;
  const type = stream.header('streamtype');
  if (type === '') return '"streamType" header is required';
  if (type !== 'error' && type !== 'data') return `invalid stream type "${type}"`;
  return undefined;
}

export class ForwardedStreams {
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly deps: ForwardDeps) {}

  /** A stream the checks let through. */
  add(stream: SpdyStream): void {
    const type = stream.header('streamtype');
    let requestId = stream.header('requestid');
    if (requestId === '') requestId = String(type === 'error' ? stream.id : stream.id - 2);
    const pair = this.pairs.get(requestId) ?? {};
    if (!this.pairs.has(requestId)) {
      if (this.pairs.size >= MAX_PAIRS) return void stream.end();
      this.pairs.set(requestId, pair);
      // monitorStreamPair: a pair still missing a stream is told so on its error stream and dropped.
      pair.timer = setTimeout(() => {
        if (this.pairs.get(requestId) !== pair) return;
        this.pairs.delete(requestId);
        pair.error?.write(`(conn=lab, request=${requestId}) timed out waiting for streams`);
        pair.error?.end();
        pair.data?.end();
      }, PAIR_TIMEOUT_MS);
      pair.timer.unref();
    }
    if ((type === 'error' ? pair.error : pair.data) !== undefined) {
      const message = `error processing stream for request ${requestId}: ${type} stream already assigned`;
      pair.error?.write(message);
      stream.end();
      return;
    }
    if (type === 'error') pair.error = stream;
    else pair.data = stream;
    if (pair.error && pair.data) {
      clearTimeout(pair.timer);
      this.pairs.delete(requestId);
      this.forward(pair.error, pair.data);
    }
  }

  private forward(error: SpdyStream, data: SpdyStream): void {
    const { deps } = this;
    const port = Number(data.header('port'));
    const where = `${deps.namespace}/${deps.pod}:${port}`;
    const connection = connectToPod(deps.cluster(), deps.namespace, deps.pod, port);
    const done = (): void => {
      data.end();
      error.end();
    };
    if (!connection.ok) {
      error.write(connection.message);
      done();
      deps.log(`PORT-FORWARD ${where} refused: nothing listens there`);
      return;
    }
    let head = Buffer.alloc(0);
    let ended = false;
    data.onData = (bytes: Buffer) => {
      if (ended) return;
      head = Buffer.concat([head, bytes]);
      for (;;) {
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > MAX_HEAD) {
            ended = true;
            done();
          }
          return;
        }
        const text = head.subarray(0, end).toString('latin1');
        head = head.subarray(end + 4);
        const [requestLine = '', ...lines] = text.split('\r\n');
        const m = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/.exec(requestLine);
        if (!m) {
          ended = true;
          done();
          return;
        }
        const [, method = 'GET', path = '/', httpVersion = 'HTTP/1.1'] = m;
        const field = (name: string): string =>
          lines
            .find((l) => l.toLowerCase().startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim() ?? '';
        // nginx's default log escaping: quotes, backslashes and bytes outside printable ASCII as \xHH.
        const userAgent = field('user-agent')
          .slice(0, 200)
          .replace(/["\\\x00-\x1f\x7f-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
        const answered = answerForwarded(deps.cluster(), deps.namespace, deps.pod, port, { method, path, httpVersion, userAgent });
        if (!answered) {
          ended = true;
          done();
          return;
        }
        deps.setCluster(answered.cluster);
        const r = answered.response;
        const close = /^close$/i.test(field('connection')) || httpVersion === 'HTTP/1.0';
        const headers = r.headers.map(([k, v]) => (close && k.toLowerCase() === 'connection' ? `${k}: close\r\n` : `${k}: ${v}\r\n`)).join('');
        data.write(`HTTP/1.1 ${r.status} ${r.reason}\r\n${headers}\r\n${method === 'HEAD' ? '' : r.body}`);
        deps.log(`PORT-FORWARD ${where} ${method} ${path.replace(/[^\x21-\x7e]/g, '?').slice(0, 200)} ${r.status}`);
        if (close) {
          ended = true;
          done();
          return;
        }
      }
    };
    // The client is done sending (curl closed its end of the local connection): so is nginx.
    data.onEnd = () => {
      ended = true;
      done();
    };
  }
}
