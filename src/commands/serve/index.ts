// `nodeport-lab serve`: the simulated cluster as a Kubernetes API on 127.0.0.1, for the learner's
// own kubectl, and its node ports on the loopback, for the learner's own curl and browser.
// The cluster's clock follows the wall clock while it runs.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { visibleControls } from '../../core/visible-controls.js';
import { advanceClock, createCluster, type Cluster } from '../../core/cluster/index.js';
import { answerNodePort, loopbackAddress, loopbackNodes, openNodePorts } from '../../core/api/data-plane.js';
import { handle, isWatch, watchEntries, type WatchEntry } from '../../core/api/handle.js';
import { json, type ApiRequest, type ApiResponse } from '../../core/api/request.js';
import type { Exchange } from '../../core/api/outside-command.js';
import { plainStatus } from '../../core/api/status.js';
import { removeKubeconfig, shellPath, writeKubeconfig } from './kubeconfig.js';
import { changes, send, type Snapshot, type Watcher } from './watch.js';
import { answerUpgrade } from './exec-socket.js';
import { onUpgradeAnswer, upgradeRequest } from './upgrade-exchange.js';
import { apiRequestOf } from './api-request.js';
import { followerOf, tellFollowers, type Follower } from './log-follow.js';
import type { Duplex } from 'node:stream';
import { homedir } from 'node:os';

export interface ServeOptions {
  readonly seed: number;
  readonly port: number;
  readonly home: string;
  /** A cluster to serve instead of a fresh one (a lesson's, after its setup). */
  readonly cluster?: Cluster;
  readonly log: (line: string) => void;
  /** Every node behind an address of its own (127.0.0.1, .2, .3), not only the first worker behind 127.0.0.1. */
  readonly allNodes?: boolean;
  /** The wall clock the cluster follows (tests pass one they move themselves). */
  readonly clock?: () => number;
  /** Told of each request answered (watches when they start), with its log line, instead of `log`. */
  readonly onExchange?: (exchange: ServedExchange) => void;
  /** The learner's home, for the kubeconfig's path as they type it (os.homedir() if absent). */
  readonly userHome?: string;
}

/** A request the API answered, who sent it, and the cluster after it. */
export interface ServedExchange extends Exchange {
  /** kubectl's `Kubectl-Session` header: one invocation's requests share it; empty from other clients. */
  readonly session: string;
  readonly line: string;
  readonly cluster: Cluster;
}

/** Bodies larger than this are refused with 413, as kube-apiserver refuses requests over 3 MiB. */
export const MAX_BODY = 3 * 1024 * 1024;
/** How often the clock ticks and watches are told of changes. */
const TICK_MS = 250;
/**
 * Open watches are told what time alone changed (a pod becoming Ready) every this many ticks: each
 * telling lists the watched objects again, which for 500 pods took most of a tick on the shared
 * machine. A request that changes the cluster is told at once, whatever this says.
 */
const WATCH_TICKS = 4;
/** A watch whose client has not taken this much is dropped. */
const WATCH_BACKLOG = 1024 * 1024;
const MAX_WATCHES = 2000;

export interface RunningServer {
  readonly url: string;
  readonly kubeconfig: string;
  /** That path as the learner types it after `export KUBECONFIG=` (kubeconfig.ts, shellPath). */
  readonly shellPath: string;
  /** The context in that kubeconfig: `nodeport-lab`, or `nodeport-lab-2`... beside other servers. */
  readonly context: string;
  readonly cluster: () => Cluster;
  /** Serves this cluster from now on (the course's own prompt changed it). */
  readonly setCluster: (cluster: Cluster) => void;
  readonly stop: () => Promise<void>;
}

function snapshotOf(entries: readonly WatchEntry[]): Snapshot {
  return { byName: new Map(entries.map((e) => [e.name, e])) };
}

/** Who asked: kubectl names its command in a header (`Kubectl-Command: kubectl get`); others by user agent. */
function client(req: IncomingMessage): string {
  const command = req.headers['kubectl-command'];
  if (typeof command === 'string' && command !== '') return command.replace(/[^\w ./-]/g, '');
  const agent = String(req.headers['user-agent'] ?? '');
  const match = /^([\w.-]+)\/v?[\d.]+/.exec(agent);
  return match?.[1] ?? ((agent.split(' ')[0] ?? '').replace(/[^\w ./-]/g, '') || 'client');
}

const headerText = (value: string | string[] | undefined): string => (typeof value === 'string' ? value.slice(0, 200) : '');

/** A request's path as the log shows it: what a client sent never reaches the terminal raw. */
const shown = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const clock = options.clock ?? Date.now;
  let cluster = options.cluster ?? createCluster({ seed: options.seed, now: clock() });
  let clockAt = clock();
  const tick = (): void => {
    const now = clock();
    cluster = advanceClock(cluster, now - clockAt);
    clockAt = now;
  };
  const watchers = new Set<Watcher>();
  const followers = new Set<Follower>();
  const notify = (): void => {
    const taken = new Map<string, Snapshot>();
    for (const watcher of watchers) {
      const next = taken.get(watcher.same) ?? watcher.take();
      taken.set(watcher.same, next);
      const events = changes(watcher.snapshot, next);
      watcher.snapshot = next;
      if (events.length > 0 && !send(watcher, events)) {
        watchers.delete(watcher);
        watcher.response.destroy();
      }
    }
  };

  const told = (req: IncomingMessage, request: ApiRequest, answer: ApiResponse, line: string): void => {
    if (!options.onExchange) return options.log(line);
    const command = headerText(req.headers['kubectl-command']);
    options.onExchange({ command, session: headerText(req.headers['kubectl-session']), request, status: answer.status, answer: answer.body, line, cluster });
  };

  const api: Server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        if (!refused) {
          refused = true;
          const answer = json(413, plainStatus(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
          res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
          options.log(`${shown(req.method ?? '')} ${shown(req.url ?? '')} 413 body too large`);
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      tick();
      const request = apiRequestOf(req, Buffer.concat(chunks));
      if (isWatch(request)) {
        const first = watchEntries(cluster, request);
        if (!first.ok) {
          res.writeHead(first.response.status, { 'content-type': first.response.contentType }).end(first.response.body);
          return;
        }
        if (watchers.size >= MAX_WATCHES) {
          const busy = json(429, plainStatus(429, 'TooManyRequests', 'too many open watches'));
          res.writeHead(busy.status, { 'content-type': busy.contentType }).end(busy.body);
          return;
        }
        const rv = request.query.get('resourceVersion') ?? '';
        const watcher: Watcher = {
          response: res,
          snapshot: snapshotOf(rv === '' || rv === '0' ? [] : first.entries),
          take: () => {
            const now = watchEntries(cluster, request);
            return snapshotOf(now.ok ? now.entries : []);
          },
          limit: WATCH_BACKLOG,
          same: `${request.path}?${[...request.query]
            .filter(([k]) => k !== 'resourceVersion' && k !== 'timeoutSeconds')
            .sort()
            .join('&')}|${request.accept}`,
        };
        res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
        res.flushHeaders();
        watchers.add(watcher);
        res.on('close', () => watchers.delete(watcher));
        notify();
        told(req, request, { status: 200, contentType: 'application/json', body: '' }, `WATCH ${shown(request.path)} (${client(req)})`);
        return;
      }
      let answer;
      try {
        const handled = handle(cluster, request);
        cluster = handled.cluster;
        answer = handled.response;
      } catch (error) {
        answer = json(500, plainStatus(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`));
      }
      const follower = answer.status === 200 && request.method === 'GET' ? followerOf(cluster, request.path, request.query, res) : undefined;
      if (follower && followers.size < MAX_WATCHES) {
        // kubectl logs -f: the lines so far, then the stream stays open for the lines to come.
        res.writeHead(200, { 'content-type': answer.contentType, 'transfer-encoding': 'chunked' });
        res.write(answer.body);
        followers.add(follower);
        res.on('close', () => followers.delete(follower));
      } else {
        res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
      }
      told(req, request, answer, `${shown(request.method)} ${shown(req.url ?? '')} ${answer.status} (${client(req)})`);
      if (request.method !== 'GET') {
        notify();
        syncNodePorts();
      }
    });
  });
  api.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    tick();
    // exec and port-forward are exchanges too: a goal may want them.
    if (options.onExchange) {
      const request = upgradeRequest(req);
      onUpgradeAnswer(socket, (answer) => told(req, request, answer, `${shown(request.method)} ${shown(req.url ?? '')} ${answer.status} (${client(req)})`));
    }
    answerUpgrade(req, socket, { cluster: () => cluster, setCluster: (next) => (cluster = next), log: options.log });
  });
  api.headersTimeout = 10_000;
  api.requestTimeout = 30_000;

  // The data plane: one listener per open node port and node address.
  const listeners = new Map<string, TcpServer>();
  const held = new Set<Socket>();
  /** Addresses the machine would not give us (taken, or no such loopback address): said once, not retried. */
  const failed = new Set<string>();
  const answerSocket = (node: number, port: number, socket: Socket): void => {
    let head = '';
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (data: Buffer) => {
      head += data.toString('latin1');
      if (head.length > 16 * 1024) return void socket.destroy();
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [method = 'GET', path = '/'] = (head.slice(0, head.indexOf('\r\n')) || '').split(' ');
      tick();
      // nginx's default log escaping: quotes, backslashes and bytes outside printable ASCII as \xHH.
      const agent = (/\r\nuser-agent:[ \t]*([^\r\n]*)/i.exec(head.slice(0, end))?.[1] ?? '')
        .slice(0, 200)
        .replace(/["\\\x00-\x1f\x7f-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
      const answer = answerNodePort(cluster, node, port, method, path, agent);
      if (answer.kind === 'answered') {
        cluster = answer.cluster;
        const headers = answer.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
        socket.end(
          `HTTP/1.1 ${answer.status} ${answer.reason}\r\n${headers.replace(/connection: keep-alive\r\n/i, '')}Connection: close\r\n\r\n${method === 'HEAD' ? '' : answer.body}`,
        );
        options.log(`${shown(method)} http://${loopbackAddress(node)}:${port}${shown(path)} ${answer.status}: ${answer.why}`);
      } else if (answer.kind === 'refused') {
        socket.resetAndDestroy();
        options.log(`${shown(method)} http://${loopbackAddress(node)}:${port}${shown(path)} refused: ${answer.why}`);
      } else {
        // Dropped on the way: no answer at all, until the client gives up.
        held.add(socket);
        socket.on('close', () => held.delete(socket));
        options.log(`${shown(method)} http://${loopbackAddress(node)}:${port}${shown(path)} no answer: ${answer.why}`);
      }
    });
  };
  // A node port whose service has no endpoint is refused by kube-proxy's REJECT rule, which the
  // learner's curl sees as "Connection refused": so nothing listens there until an endpoint is ready.
  function syncNodePorts(): void {
    const nodes = options.allNodes ? loopbackNodes(cluster).length : 1;
    const wanted = new Map<string, { node: number; port: number }>();
    for (const port of openNodePorts(cluster)) {
      for (let node = 0; node < nodes; node++) {
        if (answerNodePort(cluster, node, port, 'HEAD', '/').kind !== 'refused') wanted.set(`${loopbackAddress(node)}:${port}`, { node, port });
      }
    }
    for (const [key, server] of listeners) {
      if (!wanted.has(key)) {
        server.close();
        listeners.delete(key);
        options.log(`node port ${key} refuses connections now`);
      }
    }
    for (const [key, { node, port }] of wanted) {
      if (listeners.has(key) || failed.has(key)) continue;
      const server = createTcpServer((socket) => answerSocket(node, port, socket));
      listeners.set(key, server);
      server.on('error', (error: NodeJS.ErrnoException) => {
        listeners.delete(key);
        failed.add(key);
        options.log(`node port ${key}: cannot listen (${error.code ?? error.message}); the API still serves the service`);
      });
      server.listen(port, loopbackAddress(node), () => options.log(`node port open: http://${key}`));
    }
  }

  await new Promise<void>((resolve, reject) => {
    api.once('error', reject);
    api.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = api.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;
  let written;
  try {
    written = await writeKubeconfig(options.home, url);
  } catch (error) {
    await new Promise<void>((resolve) => api.close(() => resolve()));
    throw error;
  }
  const { path: kubeconfig, context } = written;
  syncNodePorts();
  let ticks = 0;
  const timer = setInterval(() => {
    tick();
    if (++ticks % WATCH_TICKS === 0) notify();
    if (followers.size > 0) tellFollowers(cluster, followers);
    syncNodePorts();
  }, TICK_MS);
  timer.unref();

  return {
    url,
    kubeconfig,
    shellPath: shellPath(kubeconfig, options.userHome ?? homedir()),
    context,
    cluster: () => cluster,
    setCluster: (next) => {
      cluster = next;
      clockAt = clock();
      notify();
      syncNodePorts();
    },
    stop: async () => {
      // The context goes first: a course that ends right after this finds it gone.
      removeKubeconfig(kubeconfig, url);
      clearInterval(timer);
      for (const watcher of watchers) watcher.response.end();
      for (const follower of followers) follower.response.end();
      followers.clear();
      watchers.clear();
      for (const socket of held) socket.destroy();
      for (const server of listeners.values()) server.close();
      api.closeAllConnections();
      await new Promise<void>((resolve) => api.close(() => resolve()));
    },
  };
}

/** The command: start, say how to use it, log each request, stop on Ctrl-C or SIGTERM. */
export async function serve(options: Omit<ServeOptions, 'log'>, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  let server: RunningServer;
  try {
    // A log line may carry names a client chose (a pod in a port-forward path): shown, never obeyed.
    server = await startServer({ ...options, log: (line) => out(visibleControls(line)) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(
      code === 'EADDRINUSE'
        ? `nodeport-lab: port ${options.port} on 127.0.0.1 is taken; try --port 0 for any free port`
        : `nodeport-lab: ${(error as Error).message}`,
    );
    return 1;
  }
  out(`The lab's cluster answers at ${server.url} (context "${server.context}").`);
  out(`In another terminal:\n  export KUBECONFIG=${server.shellPath}\n  kubectl get nodes -o wide`);
  out('Ctrl-C stops it and removes that kubeconfig.');
  return new Promise<number>((resolve) => {
    const stop = (code: number) => () => {
      void server.stop().then(() => resolve(code));
    };
    process.once('SIGINT', stop(130));
    process.once('SIGTERM', stop(143));
  });
}
