// node --import tsx bench/trace.ts: the tracer and iptables-save for a service with 1,000
// endpoints (10 workers, 100 pods each), through the public API only. Figures, not pass/fail:
// median and p95 of BENCH_RUNS runs (default 50) after two warm-up runs.
import { performance } from 'node:perf_hooks';
import { advanceClock, createCluster, createPod, createService, type Cluster } from '../src/core/cluster/index.js';
import { curl } from '../src/core/shell/curl.js';
import { iptablesSave, trace } from '../src/core/trace/index.js';
import { must, nodePlans } from './scale.js';

const ENDPOINTS = 1_000;
const WORKERS = 10;
const SEED = 20_250_301;
const runs = Number(process.env.BENCH_RUNS ?? 50);

function buildCluster(): Cluster {
  let cluster = createCluster({ seed: SEED, nodes: nodePlans(WORKERS) });
  for (let i = 1; i <= ENDPOINTS; i++) {
    const name = `web-${String(i).padStart(4, '0')}`;
    cluster = must(
      createPod(cluster, { name, labels: { app: 'web' }, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }),
      name,
    );
  }
  cluster = advanceClock(cluster, 60_000);
  cluster = must(
    createService(cluster, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 31231 }] }),
    'service web',
  );
  cluster = must(createService(cluster, { name: 'one', type: 'NodePort', selector: { app: 'none' }, ports: [{ port: 80 }] }), 'service one');
  return cluster;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function time(label: string, run: () => void): void {
  run();
  run();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    xs.push(performance.now() - start);
  }
  xs.sort((a, b) => a - b);
  const ms = (x: number): string => x.toFixed(2).padStart(8);
  console.log(`${label.padEnd(44)} ${ms(percentile(xs, 50))} ${ms(percentile(xs, 95))}`);
}

const buildStart = performance.now();
const cluster = buildCluster();
const webIP = cluster.services.find((s) => s.metadata.name === 'web')!.spec.clusterIP;
const client = cluster.pods[0]!.metadata.name;
const worker = cluster.nodes[1]!;
console.log(
  `cluster: ${ENDPOINTS} pods on ${WORKERS} workers, service web with ${ENDPOINTS} endpoints (built in ${(performance.now() - buildStart).toFixed(0)} ms)`,
);

const check = (ok: boolean, what: string): void => {
  if (!ok) throw new Error(what);
};
const saved = iptablesSave(cluster, worker);
const sepChains = saved.split('\n').filter((l) => /^:KUBE-SEP-/.test(l)).length;
console.log(
  `iptables-save on ${worker.metadata.name}: ${saved.split('\n').length - 1} lines, ${sepChains} KUBE-SEP chains, ${(saved.length / 1024).toFixed(0)} KiB`,
);
console.log(`${`case (${runs} runs)`.padEnd(44)}   median      p95 (ms)`);

time('trace outside -> nodePort (1,000 endpoints)', () => {
  const r = trace(cluster, { from: 'outside', ip: '203.0.113.11', port: 31231 });
  check(r.trace.outcome.kind === 'answered', 'trace answered');
});
time('trace pod -> ClusterIP (1,000 endpoints)', () => {
  const r = trace(cluster, { from: 'pod', pod: client, ip: webIP, port: 80 });
  check(r.ok && r.trace.outcome.kind === 'answered', 'trace from pod answered');
});
time('trace outside -> service with no endpoints', () => {
  const port = cluster.services.find((s) => s.metadata.name === 'one')!.spec.ports[0]!.nodePort!;
  check(trace(cluster, { from: 'outside', ip: '203.0.113.11', port }).trace.outcome.kind === 'refused', 'refused');
});
time('curl (trace + HTTP + access log)', () => {
  check(curl(cluster, ['-s', 'http://203.0.113.11:31231']).exitCode === 0, 'curl 0');
});
time('iptables-save, one node, filter + nat', () => {
  check(iptablesSave(cluster, worker).length === saved.length, 'same output');
});
time('iptables-save -t nat', () => {
  iptablesSave(cluster, worker, ['nat']);
});
