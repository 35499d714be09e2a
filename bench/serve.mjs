// npm run bench:serve: the lab's API server under load from the loopback. Figures, not pass/fail:
// requests per second for `kubectl get pods` (a Table of every pod), watches opened per second
// (each one sent an ADDED event per pod), and the server's peak RSS. The baseline in the same run is
// GET /version, the cheapest answer the server gives.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// BENCH_CLI: another build to measure (an earlier dist/ kept aside, to compare in the same run).
const cli = process.env.BENCH_CLI ?? fileURLToPath(new URL('../dist/cli.js', import.meta.url));
// 500: the simulated workers hold about 250 pods each (a /24 of pod IPs per node).
const PODS = Number(process.env.BENCH_PODS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--seed', '1'], {
  env: { ...process.env, NODEPORT_LAB_HOME: mkdtempSync(join(tmpdir(), 'npl-bench-serve-')) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let text = '';
  server.stdout.on('data', (c) => {
    text += c;
    const m = /answers at (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
    if (m) resolve(m[1]);
  });
});
server.stdout.resume();

function call(method, path, body, accept = 'application/json', contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, agent, headers: { accept, 'content-type': contentType } }, (res) => {
      let size = 0;
      res.on('data', (c) => (size += c.length));
      res.on('end', () => resolve({ status: res.statusCode, size }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

for (let i = 0; i < PODS; i++) {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, labels: { app: 'bench' } },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
  };
  const { status } = await call('POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod));
  if (status !== 201) throw new Error(`create pod-${i}: ${status}`);
}

async function rate(label, once) {
  const end = Date.now() + SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < end) {
      await once();
      done++;
    }
  };
  const start = Date.now();
  await Promise.all([worker(), worker(), worker(), worker()]);
  const perSecond = done / ((Date.now() - start) / 1000);
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(1).padStart(8)} /s`);
  return perSecond;
}

function watchOnce() {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/namespaces/default/pods?watch=true`, { headers: { accept: TABLE } }, (res) => {
      let lines = 0;
      res.on('data', (c) => {
        for (const byte of c) if (byte === 10) lines++;
        if (lines >= PODS) {
          req.destroy();
          resolve();
        }
      });
    });
    req.on('error', (e) => (e.code === 'ECONNRESET' ? resolve() : reject(e)));
    req.end();
  });
}

console.log(`lab API server, ${PODS} pods, ${SECONDS} s per figure, 4 clients on the loopback`);
const base = await rate('GET /version (baseline)', () => call('GET', '/version'));
const table = await rate(`kubectl get pods (Table of ${PODS})`, () => call('GET', '/api/v1/namespaces/default/pods?limit=500', undefined, TABLE));
const json = await rate(`kubectl get pods -o json (PodList of ${PODS})`, () => call('GET', '/api/v1/namespaces/default/pods?limit=500'));
const watches = await rate(`watches opened, each with ${PODS} ADDED`, watchOnce);

/** Opens `count` watches of every pod (as `kubectl get pods -w` does) and leaves them open once each has its ADDED events. */
async function idleWatches(count) {
  const open = [];
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const req = request(`${url}/api/v1/namespaces/default/pods?watch=true`, { headers: { accept: TABLE } }, (res) => {
            let lines = 0;
            res.on('data', (c) => {
              for (const byte of c) if (byte === 10) lines++;
              if (lines >= PODS) resolve();
            });
          });
          req.on('error', (e) => (e.code === 'ECONNRESET' ? resolve() : reject(e)));
          req.end();
          open.push(req);
        }),
    ),
  );
  return open;
}
// Open watches cost the server a listing each tick (every 250 ms): what is left for other requests.
const oneWatch = await idleWatches(1);
const withOne = await rate(`GET /version with 1 watch of ${PODS} pods open`, () => call('GET', '/version'));
const moreWatches = await idleWatches(9);
const withTen = await rate(`GET /version with 10 watches of ${PODS} open`, () => call('GET', '/version'));
// Each label change is told to the open watches at once: one pod changed, one MODIFIED row each.
let labelled = 0;
const label = await rate(`kubectl label pod, 10 watches of ${PODS} open`, () =>
  call(
    'PATCH',
    `/api/v1/namespaces/default/pods/pod-${labelled % PODS}`,
    JSON.stringify({ metadata: { labels: { round: String(labelled++) } } }),
    'application/json',
    'application/merge-patch+json',
  ),
);
for (const req of [...oneWatch, ...moreWatches]) req.destroy();
const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
const peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
console.log(`peak RSS of the server                       ${peak.toFixed(1).padStart(8)} MiB`);
console.log(
  `ratios to the baseline: get pods ${(base / table).toFixed(1)}x, -o json ${(base / json).toFixed(1)}x, watch ${(base / watches).toFixed(1)}x the time of GET /version`,
);
console.log(`a label change with 10 watches open takes ${(base / label).toFixed(1)}x the time of GET /version`);
console.log(`GET /version keeps ${((withOne / base) * 100).toFixed(0)}% of its rate with 1 watch open, ${((withTen / base) * 100).toFixed(0)}% with 10`);
server.kill('SIGTERM');
agent.destroy();
