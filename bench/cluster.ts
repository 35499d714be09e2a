// npm run bench:cluster: the simulated cluster and kubectl at scale (10,000 pods, 10,000
// services), built and queried through the public API only. Figures, not pass/fail.
// See bench/README.md ("The cluster at scale") for how to read them.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  advanceClock,
  createCluster,
  createPod,
  createService,
  deletePod,
  deleteService,
  nextInt,
  readyEndpointsForPort,
  serveHttp,
  serviceOnNodePort,
  usedNodePorts,
  whatAnswers,
  type Cluster,
  type HttpResponse,
} from '../src/core/cluster/index.js';
import { runKubectl, splitShellWords, type KubectlResult } from '../src/core/kubectl/index.js';
import { must, nodePlans } from './scale.js';

const PODS = 10_000;
const SERVICES = 10_000;
/** The node port range (30000-32767) holds 2,768 ports: all but one go to services. */
const NODE_PORT_SERVICES = 2_767;
const WORKERS = 100; // 100 pods a node: under the kubelet's default of 110, and inside each node's /24
const SEED = 20_250_301;
const runs = Number(process.env.BENCH_RUNS ?? 25);
/** A case stops early once it has spent this long (but never before 3 timed runs). */
const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 8_000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const name = (i: number): string => `web-${String(i).padStart(5, '0')}`;

/**
 * 10,000 nginx pods, then 10,000 services, service i selecting pod i. The node port range
 * (30000-32767) holds 2,768 ports, so the first 2,767 services are NodePort (leaving one
 * port free) and the other 7,233 are ClusterIP. Pods come first: a pod created after the
 * services would carry 7 service environment variables per service, as in Kubernetes.
 */
function buildCluster(): Cluster {
  let cluster = createCluster({ seed: SEED, nodes: nodePlans(WORKERS) });
  for (let i = 1; i <= PODS; i++) {
    const input = { name: name(i), labels: { app: name(i), tier: 'web' }, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] };
    cluster = must(createPod(cluster, input), `pod ${i}`);
  }
  cluster = advanceClock(cluster, 60_000);
  for (let i = 1; i <= SERVICES; i++) {
    const type = i <= NODE_PORT_SERVICES ? 'NodePort' : 'ClusterIP';
    cluster = must(
      createService(cluster, { name: name(i), labels: { app: name(i) }, type, selector: { app: name(i) }, ports: [{ port: 80, targetPort: 80 }] }),
      `service ${i}`,
    );
  }
  return advanceClock(cluster, 300_000);
}
const io = { readFile: () => ({ error: 'not-found' as const }) };

function kubectl(cluster: Cluster, line: string): KubectlResult {
  const words = splitShellWords(line);
  if (!words.ok) throw new Error(words.error);
  return runKubectl(cluster, words.words, io);
}

/**
 * What curl from outside does, at the cluster level: node IP -> node, node port -> service
 * port, ready endpoints -> one picked as kube-proxy would -> the pod that answers -> its page.
 */
function reachNodePort(cluster: Cluster, nodeIP: string, nodePort: number): HttpResponse | string {
  const node = cluster.nodes.find((n) => n.status.addresses.some((a) => a.address === nodeIP && a.type !== 'Hostname'));
  if (!node) return 'timeout';
  const target = serviceOnNodePort(cluster, nodePort, 'TCP');
  if (!target) return 'refused: no service on port';
  const endpoints = readyEndpointsForPort(cluster, target.service, target.port);
  const chosen = endpoints[nextInt(cluster.rng, endpoints.length).value];
  if (!chosen) return 'refused: no endpoints';
  const answer = whatAnswers(cluster, chosen.address.ip, chosen.port);
  if (answer.kind !== 'listening') return `refused: ${answer.kind}`;
  return serveHttp(answer.image, 'GET', '/', cluster.now);
}

interface Case {
  readonly label: string;
  /** Untimed, before each run: the cluster the run starts from. */
  readonly setup: () => Cluster;
  /** The timed part; throws if the result is not what it should be. */
  readonly run: (cluster: Cluster) => void;
}

function expectKubectl(line: string, check: (r: KubectlResult) => boolean): Case['run'] {
  return (cluster) => {
    const r = kubectl(cluster, line);
    if (!check(r)) throw new Error(`kubectl ${line}: exit ${r.exitCode}\n${r.stderr}${r.stdout.slice(0, 400)}`);
  };
}

const lines = (text: string): number => text.split('\n').length - 1;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function time(c: Case): { first: number; median: number; p95: number; n: number } {
  const once = (): number => {
    const cluster = c.setup();
    const start = performance.now();
    c.run(cluster);
    return performance.now() - start;
  };
  const first = once();
  once(); // warm-up, not counted
  const xs: number[] = [];
  const began = performance.now();
  while (xs.length < runs && (xs.length < 3 || performance.now() - began < budgetMs)) xs.push(once());
  xs.sort((a, b) => a - b);
  return { first, median: percentile(xs, 50), p95: percentile(xs, 95), n: xs.length };
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)).padStart(7);

// ---- build ----
const heapBefore = heapUsed();
const buildStart = performance.now();
const base = buildCluster();
const buildMs = performance.now() - buildStart;
const heapAfter = heapUsed();
const full = must(
  createService({ ...base, services: [...base.services] }, { name: 'fill-last-port', type: 'NodePort', selector: { app: name(1) }, ports: [{ port: 80 }] }),
  'last node port',
);

const nodeIP = '192.168.49.3';
const sample = name(PODS / 2);
const sampleService = base.services.find((s) => s.metadata.name === name(NODE_PORT_SERVICES))!;
const sampleNodePort = sampleService.spec.ports[0]?.nodePort ?? 0;
/** A copy of a cluster with lists of its own, as if something had just replaced them all. */
const copied = (from: Cluster): Cluster => ({ ...from, pods: [...from.pods], services: [...from.services], events: [...from.events] });
/**
 * A session's current cluster: lists of its own (so that what one run changes is not where
 * the next run starts), which earlier commands have read and changed, as in a session: a pod
 * and a service have come and gone, so every lookup table exists and is handed on by the
 * next change. Built before each run, untimed.
 */
const current =
  (from: Cluster): (() => Cluster) =>
  () => {
    let cluster = copied(from);
    kubectl(cluster, 'get pod web-00001');
    kubectl(cluster, 'describe svc web-00001');
    usedNodePorts(cluster);
    cluster = must(createPod(cluster, { name: 'come-and-go', containers: [{ name: 'web', image: 'nginx:1.27' }] }), 'warm-up pod');
    cluster = must(deletePod(cluster, 'come-and-go'), 'warm-up pod');
    cluster = must(createService(cluster, { name: 'come-and-go', ports: [{ port: 80 }] }), 'warm-up service');
    return must(deleteService(cluster, 'come-and-go'), 'warm-up service');
  };

const cases: Case[] = [
  { label: 'kubectl get svc', setup: () => base, run: expectKubectl('get svc', (r) => r.exitCode === 0 && lines(r.stdout) === SERVICES + 2) },
  { label: 'kubectl get pods -o wide', setup: () => base, run: expectKubectl('get pods -o wide', (r) => r.exitCode === 0 && lines(r.stdout) === PODS + 1) },
  {
    label: `kubectl describe svc ${sample}`,
    setup: () => base,
    run: expectKubectl(`describe svc ${sample}`, (r) => r.exitCode === 0 && r.stdout.includes('Endpoints:') && /10\.244\.\d+\.\d+:80/.test(r.stdout)),
  },
  {
    label: `kubectl describe pod ${sample}`,
    setup: () => base,
    run: expectKubectl(`describe pod ${sample}`, (r) => r.exitCode === 0 && r.stdout.includes('Started container web')),
  },
  { label: 'kubectl get ep', setup: () => base, run: expectKubectl('get ep', (r) => r.exitCode === 0 && lines(r.stdout) === SERVICES + 2) },
  { label: `kubectl get ep ${sample}`, setup: () => base, run: expectKubectl(`get ep ${sample}`, (r) => r.exitCode === 0 && lines(r.stdout) === 2) },
  {
    label: 'create svc nodeport, 1 port left',
    setup: current(base),
    run: expectKubectl('create service nodeport extra --tcp=80:80', (r) => r.exitCode === 0 && r.cluster.services.length === base.services.length + 1),
  },
  {
    label: 'create svc nodeport, range full',
    setup: current(full),
    run: expectKubectl('create service nodeport extra --tcp=80:80', (r) => r.exitCode === 1 && r.stderr.includes('range is full')),
  },
  {
    label: 'create svc clusterip',
    setup: current(base),
    run: expectKubectl('create service clusterip extra --tcp=80:80', (r) => r.exitCode === 0 && r.cluster.services.length === base.services.length + 1),
  },
  {
    label: 'kubectl run (a pod after 10,001 services)',
    setup: current(base),
    run: expectKubectl('run extra --image nginx:1.27 --port 80', (r) => r.exitCode === 0 && r.cluster.pods.length === base.pods.length + 1),
  },
  {
    label: `node IP:${sampleNodePort} -> pod (curl's lookup)`,
    setup: () => base,
    run: (cluster) => {
      const r = reachNodePort(cluster, nodeIP, sampleNodePort);
      if (typeof r === 'string' || r.status !== 200) throw new Error(`node port ${sampleNodePort}: ${typeof r === 'string' ? r : r.status}`);
    },
  },
  {
    label: 'describe svc, lists just replaced',
    setup: () => copied(base),
    run: expectKubectl(`describe svc ${sample}`, (r) => r.exitCode === 0 && /10\.244\.\d+\.\d+:80/.test(r.stdout)),
  },
];

console.log(
  `nodeport-lab cluster bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · up to ${runs} runs a case (${budgetMs / 1000} s budget)`,
);
console.log(
  `cluster: ${PODS} pods on ${WORKERS} workers, ${base.services.length} services (${NODE_PORT_SERVICES} NodePort + ${SERVICES - NODE_PORT_SERVICES} ClusterIP + kubernetes), ${base.events.length} events, seed ${SEED}`,
);
console.log(
  `build through the public API   ${(buildMs / 1000).toFixed(2)} s   heap ${((heapAfter - heapBefore) / 2 ** 20).toFixed(1)} MiB retained (${(heapAfter / 2 ** 20).toFixed(1)} MiB in use)`,
);
console.log('');
console.log(`${'case'.padEnd(40)}${'first'.padStart(9)}${'median'.padStart(9)}${'p95'.padStart(9)}   runs   (ms)`);
for (const c of cases) {
  const t = time(c);
  console.log(`${c.label.padEnd(40)}  ${ms(t.first)}  ${ms(t.median)}  ${ms(t.p95)}   ${String(t.n).padStart(4)}`);
}
