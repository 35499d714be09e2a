// node --import tsx bench/serve-watch.ts: `kubectl get pods -w` of 1,000 pods against the lab's API
// server, in process, over the loopback, on the default cluster: its two workers take 110 pods each
// (their own two included), and the rest wait for a node, Pending, as on a real cluster. Figures: how
// long a watch takes to bring its 1,000 ADDED rows, how many such watches open a second, `get pods`
// (a Table of 1,000) a second, against GET /version in the same run, and the process's peak RSS.
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/commands/serve/index.js';
import { advanceClock, createCluster, createObject, decodeObject, type Cluster } from '../src/core/cluster/index.js';

const PODS = Number(process.env.BENCH_PODS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
let cluster: Cluster = createCluster({ seed: 1 });
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
const server = await startServer({ seed: 1, port: 0, home: mkdtempSync(join(tmpdir(), 'npl-bench-watch-')), cluster, log: () => undefined });
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function call(path: string, accept = 'application/json'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { agent, headers: { accept } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function rate(label: string, one: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (performance.now() < until) {
        await one();
        done++;
      }
    }),
  );
  const perSecond = done / SECONDS;
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(1).padStart(8)} /s`);
  return perSecond;
}

/** A watch of every pod, closed once it has brought all its ADDED rows; resolves with the milliseconds it took. */
function watchAll(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/v1/namespaces/default/pods?watch=true`, { headers: { accept: TABLE } }, (res) => {
      let rows = 0;
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        let at: number;
        while ((at = text.indexOf('\n')) >= 0) {
          const line = text.slice(0, at);
          text = text.slice(at + 1);
          if (line.includes('"ADDED"')) rows += (line.match(/"cells"/g) ?? []).length || 1;
        }
        if (rows >= PODS) {
          req.destroy();
          resolve(performance.now() - start);
        }
      });
      res.on('close', () => (rows >= PODS ? undefined : reject(new Error(`the watch ended after ${rows} of ${PODS} rows`))));
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
}

console.log(`lab API server in process, ${PODS} pods on the default cluster (216 bound, the rest Pending), ${SECONDS} s per figure, 4 clients on the loopback`);
const base = await rate('GET /version', () => call('/version'));
const table = await rate(`kubectl get pods (Table of ${PODS})`, () => call('/api/v1/namespaces/default/pods', TABLE));
const first = await watchAll();
const times: number[] = [];
for (let i = 0; i < 5; i++) times.push(await watchAll());
times.sort((a, b) => a - b);
console.log(`${`a watch brings its ${PODS} ADDED rows, median of 5`.padEnd(44)} ${times[2]!.toFixed(0).padStart(8)} ms (first ${first.toFixed(0)} ms)`);
const watches = await rate(`watches of ${PODS} pods opened and drained`, () => watchAll());
console.log(`ratios to GET /version: get pods ${(base / table).toFixed(1)}x, a whole watch ${(base / watches).toFixed(1)}x`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
await server.stop();
agent.destroy();
