// node --import tsx bench/watch-rows.ts: what one telling of an open `kubectl get pods -w` costs the
// lab's API with 500 pods, when every row is printed as a Table again (as it was) against when only
// the rows that changed are (each event is made when it is sent). Same process, interleaved rounds;
// the ratio is the figure, the milliseconds depend on the machine.
import { advanceClock, createCluster, createObject, decodeObject, type Cluster } from '../src/core/cluster/index.js';
import { watchEntries } from '../src/core/api/handle.js';
import type { ApiRequest } from '../src/core/api/request.js';

const PODS = Number(process.env.BENCH_PODS ?? 500);
let cluster: Cluster = createCluster({ seed: 1, now: Date.UTC(2026, 0, 1) });
for (let i = 0; i < PODS; i++) {
  const decoded = decodeObject({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, labels: { app: 'bench' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  });
  if (!decoded.ok) throw new Error('decode');
  const created = createObject(cluster, decoded.object, undefined, 'default');
  if (!created.ok) throw new Error(`pod-${i}: ${created.error.message}`);
  cluster = created.cluster;
}
cluster = advanceClock(cluster, 60_000);
const request: ApiRequest = {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods',
  query: new Map([['watch', 'true']]),
  accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
  contentType: '',
  body: '',
};
const total = { every: 0, changed: 0 };
for (let round = 0; round < 7; round++) {
  for (const mode of ['every', 'changed'] as const) {
    const start = performance.now();
    for (let i = 0; i < 10; i++) {
      cluster = advanceClock(cluster, 1000);
      const listed = watchEntries(cluster, request);
      if (listed.ok && mode === 'every') for (const entry of listed.entries) void entry.event;
    }
    // The first round warms the JIT and is not counted.
    if (round > 0) total[mode] += performance.now() - start;
  }
}
const per = (ms: number): string => (ms / 60).toFixed(1);
console.log(
  `one telling of a ${PODS}-pod Table watch: every row printed ${per(total.every)} ms, only changed rows ${per(total.changed)} ms (${(total.every / total.changed).toFixed(2)}x)`,
);
