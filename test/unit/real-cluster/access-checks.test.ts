// Before a real cluster is touched, the preflight asks what `kubectl auth can-i` would for each
// thing the lessons do (pkg/cmd/auth/cani.go: a SelfSubjectAccessReview in the context's
// namespace), all at once through the API rather than one kubectl process after another. The real
// kubectl 1.32 still reads the kubeconfig and the server's version; a fake API server decides.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { preflight } from '../../../src/commands/real-cluster/preflight.js';
import { KUBECTL, kubeconfigFor } from '../../helpers/real-kubectl.js';
import { tempDir } from '../../helpers/temp.js';

interface Review {
  readonly namespace?: string;
  readonly verb?: string;
  readonly group?: string;
  readonly resource?: string;
}

/** An API server that answers version and nodes, and each review as `decide` says (a status code, or allowed). */
function fakeCluster(decide: (review: Review) => boolean | number): { server: Server; reviews: Review[] } {
  const reviews: Review[] = [];
  const send = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
      if (path === '/api/v1/nodes') return send(res, 200, { kind: 'NodeList', apiVersion: 'v1', items: [] });
      if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && req.method === 'POST') {
        const review = (JSON.parse(text) as { spec?: { resourceAttributes?: Review } }).spec?.resourceAttributes ?? {};
        reviews.push(review);
        const said = decide(review);
        if (typeof said === 'number')
          return send(res, said, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'reviews are not allowed here', code: said });
        return send(res, 201, {
          kind: 'SelfSubjectAccessReview',
          apiVersion: 'authorization.k8s.io/v1',
          spec: { resourceAttributes: review },
          status: { allowed: said },
        });
      }
      send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
    });
  });
  return { server, reviews };
}

/** A kubectl that notes each run in a file, then runs the real one. */
function countingKubectl(): { path: string; runs: () => string[] } {
  const dir = tempDir('npl-counting-kubectl-');
  const log = join(dir, 'runs');
  writeFileSync(log, '');
  const path = join(dir, 'kubectl');
  writeFileSync(path, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${KUBECTL}' "$@"\n`);
  chmodSync(path, 0o755);
  return { path, runs: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('the preflight asks what auth can-i would, through the API', { skip: KUBECTL ? false : 'needs the real kubectl 1.32' }, () => {
  const servers: Server[] = [];
  after(() => servers.forEach((server) => server.close()));

  async function check(decide: (review: Review) => boolean | number) {
    const fake = fakeCluster(decide);
    servers.push(fake.server);
    const kubeconfig = await kubeconfigFor(fake.server);
    const kubectl = countingKubectl();
    const result = await preflight(undefined, { ...process.env, KUBECONFIG: kubeconfig, NODEPORT_LAB_KUBECTL: kubectl.path });
    if (result.ok) result.connection.dispose();
    return { result, reviews: fake.reviews, runs: kubectl.runs() };
  }

  it('allowed everywhere: seven reviews in the context namespace, and kubectl ran three times, none of them auth can-i', async () => {
    const { result, reviews, runs } = await check(() => true);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(reviews.map((r) => `${r.namespace} ${r.verb} ${r.group} ${r.resource}`).sort(), [
      'default create  namespaces',
      'default create  pods',
      'default create  services',
      'default delete  namespaces',
      'default delete  pods',
      'default delete  services',
      'default list  nodes',
    ]);
    assert.equal(runs.length, 3, runs.join('\n'));
    assert.ok(!runs.some((run) => run.startsWith('auth ')), runs.join('\n'));
    assert.deepEqual(result.ok ? result.connection.notes : ['not ok'], []);
  });

  it('denied: says which, in the order the lessons need them, and touches nothing more', async () => {
    const { result } = await check((review) => !(review.verb === 'delete' && review.resource !== 'pods'));
    assert.equal(result.ok, false);
    assert.match(
      result.ok ? '' : result.message,
      /^your user on context "fake" may not delete namespaces, delete services \(kubectl auth can-i said no\); the course needs them\./,
    );
  });

  it('a cluster that will not take reviews: one note, and the course goes on', async () => {
    const { result } = await check(() => 403);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(result.connection.notes, [
      'kubectl auth can-i could not ask this cluster (reviews are not allowed here); going on, and the API will say no where it must.',
    ]);
  });
});
