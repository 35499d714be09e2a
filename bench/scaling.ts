// npm run bench:scaling: how kubectl's listings, iptables-save and apply -f grow with the cluster,
// from 100 to 50,000 objects. Figures, not pass/fail: bench/README.md ("Scaling") says how to read
// them. Each size's cluster is one pod and one service made through the public API, copied N times
// with names, addresses and node ports of their own (building 50,000 through createPod, which
// copies the pod list each time, would take minutes); the lookup tables are built on first use,
// as after any list replaced from outside the cluster module, and the first run is not timed.
import { performance } from 'node:perf_hooks';
import { advanceClock, createCluster, createPod, createService, type Cluster, type Pod, type Service } from '../src/core/cluster/index.js';
import { runKubectl, splitShellWords } from '../src/core/kubectl/index.js';
import { iptablesSave } from '../src/core/trace/index.js';
import { must, nodePlans } from './scale.js';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const APPLY_SIZES = (process.env.BENCH_APPLY_SIZES ?? '100,1000,4000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const PODS_A_NODE = 100;
/** The node port range (30000-32767): all but one port go to the first services. */
const NODE_PORTS = 2_767;

const name = (i: number): string => `web-${String(i).padStart(5, '0')}`;
/** The i-th address from a base: 10.244.0.0 + i, skipping .0 and .255 of each /24. */
function address(first: number, second: number, i: number): string {
  const third = Math.floor(i / 250);
  return `${first}.${second + Math.floor(third / 256)}.${third % 256}.${(i % 250) + 2}`;
}

function buildCluster(size: number): Cluster {
  const workers = Math.max(1, Math.ceil(size / PODS_A_NODE));
  let cluster = createCluster({ seed: 20_250_301, nodes: nodePlans(workers) });
  cluster = must(
    createPod(cluster, { name: 'template', labels: { app: 'template' }, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }),
    'template pod',
  );
  cluster = advanceClock(cluster, 60_000);
  cluster = must(
    createService(cluster, { name: 'template', type: 'NodePort', selector: { app: 'template' }, ports: [{ port: 80, targetPort: 80 }] }),
    'template service',
  );
  const podTemplate = cluster.pods.find((p) => p.metadata.name === 'template')!;
  const serviceTemplate = cluster.services.find((s) => s.metadata.name === 'template')!;
  const pods: Pod[] = [];
  const services: Service[] = cluster.services.filter((s) => s.metadata.name !== 'template');
  for (let i = 1; i <= size; i++) {
    const node = cluster.nodes[1 + ((i - 1) % workers)]!;
    const labels = { app: name(i) };
    pods.push({
      ...podTemplate,
      metadata: { ...podTemplate.metadata, name: name(i), uid: `pod-${i}`, labels },
      spec: { ...podTemplate.spec, nodeName: node.metadata.name },
      status: { ...podTemplate.status, podIP: address(10, 244, i), hostIP: node.status.addresses[0]?.address ?? '' },
    });
    const clusterIP = address(10, 100, i);
    const nodePort = i <= NODE_PORTS ? 30000 + i - 1 : undefined;
    services.push({
      ...serviceTemplate,
      metadata: { ...serviceTemplate.metadata, name: name(i), uid: `svc-${i}` },
      spec: {
        ...serviceTemplate.spec,
        type: nodePort === undefined ? 'ClusterIP' : 'NodePort',
        clusterIP,
        clusterIPs: [clusterIP],
        selector: labels,
        ports: serviceTemplate.spec.ports.map((p) => ({ ...p, nodePort })),
      },
    });
  }
  return advanceClock({ ...cluster, pods, services }, 300_000);
}

const io = { readFile: () => ({ error: 'not-found' as const }) };
function kubectl(cluster: Cluster, line: string, rows: number): void {
  const words = splitShellWords(line);
  if (!words.ok) throw new Error(words.error);
  const r = runKubectl(cluster, words.words, io);
  const printed = r.stdout.split('\n').length - 2; // header, final newline
  if (r.exitCode !== 0 || printed < rows) throw new Error(`kubectl ${line}: exit ${r.exitCode}, ${printed} rows\n${r.stderr}`);
}

function median(run: () => void): number {
  run(); // first use: builds the lookup tables, compiles
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    xs.push(performance.now() - start);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

interface Row {
  readonly label: string;
  readonly times: Map<number, number | string>;
}

function table(title: string, sizes: readonly number[], rows: readonly Row[]): void {
  console.log(`\n${title}`);
  const cell = (s: string): string => s.padStart(11);
  console.log(
    `${'case'.padEnd(26)}${sizes.map((s) => cell(s.toLocaleString('en'))).join('')}   growth per step (objects x${sizes
      .slice(1)
      .map((s, i) => (s / sizes[i]!).toFixed(0))
      .join(', x')})`,
  );
  for (const row of rows) {
    const times = sizes.map((s) => row.times.get(s));
    const growth = sizes.slice(1).map((s, i) => {
      const a = times[i];
      const b = times[i + 1];
      return typeof a === 'number' && typeof b === 'number' ? `x${(b / a).toFixed(1)}` : '-';
    });
    console.log(
      `${row.label.padEnd(26)}${times.map((t) => cell(typeof t === 'number' ? `${t.toFixed(t >= 100 ? 0 : 1)} ms` : (t ?? '-'))).join('')}   ${growth.join('  ')}`,
    );
  }
}

console.log(`nodeport-lab scaling bench · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · median of ${runs} runs after one untimed`);

const listings: Row[] = [
  { label: 'kubectl get svc', times: new Map() },
  { label: 'kubectl get pods -o wide', times: new Map() },
  { label: 'kubectl get ep', times: new Map() },
  { label: 'iptables-save, one node', times: new Map() },
];
for (const size of SIZES) {
  const cluster = buildCluster(size);
  listings[0]!.times.set(
    size,
    median(() => kubectl(cluster, 'get svc', size)),
  );
  listings[1]!.times.set(
    size,
    median(() => kubectl(cluster, 'get pods -o wide', size)),
  );
  listings[2]!.times.set(
    size,
    median(() => kubectl(cluster, 'get ep', size)),
  );
  const node = cluster.nodes[1]!;
  try {
    listings[3]!.times.set(
      size,
      median(() => void iptablesSave(cluster, node)),
    );
  } catch (error) {
    listings[3]!.times.set(size, `${(error as Error).name}`);
  }
}
table('Listings at N pods and N services (one pod a service; 100 pods a node)', SIZES, listings);

const apply: Row = { label: 'kubectl apply -f (Services)', times: new Map() };
for (const size of APPLY_SIZES) {
  const doc = (i: number): string =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name(i)}\nspec:\n  selector:\n    app: ${name(i)}\n  ports:\n  - port: 80\n`;
  const text = Array.from({ length: size }, (_, i) => doc(i + 1)).join('---\n');
  const files = { readFile: () => text };
  const start = createCluster({ seed: 1 });
  apply.times.set(
    size,
    median(() => {
      const r = runKubectl(start, ['apply', '-f', 'many.yaml'], files);
      if (r.exitCode !== 0 || r.cluster.services.length !== start.services.length + size)
        throw new Error(`apply -f: exit ${r.exitCode}\n${r.stderr.slice(0, 400)}`);
    }),
  );
}
table('apply -f of one file of N documents, on a new cluster', APPLY_SIZES, [apply]);
