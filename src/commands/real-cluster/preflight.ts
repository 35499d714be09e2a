// Before anything is touched on a real cluster: kubectl on PATH, the context read from the
// kubeconfig (as kubectl itself flattens it), the API reachable with the Kubernetes version, the
// nodes and from them the flavour, and the access reviews `kubectl auth can-i` would post for
// what the lessons do. Each refusal comes with the line that fixes it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextInfo, readKubeconfig, type ContextInfo } from '../../core/real-cluster/kubeconfig.js';
import { detectFlavour, nodeFacts, type Detected, type NodeFacts } from '../../core/real-cluster/flavour.js';
import { ACCESS_REVIEW_PATH } from '../../core/api/access-review.js';
import { apiFor, type Api } from './api.js';
import { runChild } from './child.js';

export interface Connection {
  readonly kubectl: string;
  readonly kubectlVersion: string;
  readonly context: ContextInfo;
  readonly serverVersion: string;
  readonly nodes: readonly NodeFacts[];
  readonly nodeList: unknown;
  readonly detected: Detected;
  /** A private copy of the context's kubeconfig (one context, credentials inline), mode 0600. */
  readonly kubeconfig: string;
  readonly dir: string;
  readonly api: Api;
  /** What auth can-i could not answer, said once. */
  readonly notes: readonly string[];
  readonly dispose: () => void;
}

export type Preflight = { readonly ok: true; readonly connection: Connection } | { readonly ok: false; readonly message: string };

/** What the lessons do, asked as `kubectl auth can-i` asks. */
const CAN_I: readonly (readonly [string, string])[] = [
  ['create', 'namespaces'],
  ['delete', 'namespaces'],
  ['create', 'pods'],
  ['create', 'services'],
  ['delete', 'pods'],
  ['delete', 'services'],
  ['list', 'nodes'],
];

/**
 * What `kubectl auth can-i VERB RESOURCE` answers (pkg/cmd/auth/cani.go RunAccessCheck): `yes`
 * when the review comes back allowed, `no` when not, else why the cluster could not be asked.
 */
async function mayDo(api: Api, namespace: string, verb: string, resource: string): Promise<string> {
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { namespace, verb, group: '', resource } },
  };
  try {
    const answer = await api.post(ACCESS_REVIEW_PATH, review);
    const status = (answer.body as { status?: { allowed?: unknown } } | null)?.status;
    if (answer.status >= 200 && answer.status < 300 && status) return status.allowed === true ? 'yes' : 'no';
    const message = (answer.body as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message !== '' ? message : `HTTP ${answer.status}`;
  } catch (error) {
    return (error as Error).message;
  }
}

const lastLine = (text: string): string =>
  text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .pop() ?? '';

export async function preflight(wanted: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Preflight> {
  const kubectl = env.NODEPORT_LAB_KUBECTL || 'kubectl';
  const client = await runChild(kubectl, ['version', '--client', '-o', 'json'], { env, timeoutMs: 20_000 });
  if (client.missing) return { ok: false, message: 'kubectl is not on your PATH: install it (https://kubernetes.io/docs/tasks/tools/) and run this again.' };
  let kubectlVersion: string;
  try {
    kubectlVersion = (JSON.parse(client.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? '';
  } catch {
    return { ok: false, message: `kubectl does not work here: ${lastLine(client.stderr) || 'kubectl version --client failed'}` };
  }

  const view = await runChild(kubectl, ['config', 'view', '--raw', '--minify', '--flatten', ...(wanted ? ['--context', wanted] : [])], {
    env,
    timeoutMs: 20_000,
  });
  if (view.code !== 0) {
    const why = lastLine(view.stderr);
    return { ok: false, message: `kubectl cannot read that context: ${why}\nSee your contexts with: kubectl config get-contexts` };
  }
  const config = readKubeconfig(view.stdout);
  if (!config.ok) return { ok: false, message: config.message };
  const context = contextInfo(config.value);
  if (!context.ok) return { ok: false, message: `${context.message}\nSee your contexts with: kubectl config get-contexts` };

  const dir = mkdtempSync(join(tmpdir(), 'nodeport-lab-cluster-'));
  chmodSync(dir, 0o700);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, view.stdout, { mode: 0o600 });
  const dispose = (): void => rmSync(dir, { recursive: true, force: true });
  const childEnv = { ...env, KUBECONFIG: kubeconfig };

  const version = await runChild(kubectl, ['version', '-o', 'json', '--request-timeout=10s'], { env: childEnv, timeoutMs: 30_000 });
  let serverVersion: string | undefined;
  try {
    serverVersion = (JSON.parse(version.stdout) as { serverVersion?: { gitVersion?: string } }).serverVersion?.gitVersion;
  } catch {
    serverVersion = undefined;
  }
  if (!serverVersion) {
    dispose();
    return {
      ok: false,
      message: `the cluster of context "${context.value.name}" does not answer at ${context.value.server}: ${lastLine(version.stderr) || 'no version'}\nStart it first (kind: docker start <cluster>-control-plane; minikube: minikube start; k3d: k3d cluster start), or pick another context: --cluster CONTEXT`,
    };
  }

  const api = apiFor(context.value, kubectl, kubeconfig);
  let nodeList: unknown = { items: [] };
  try {
    const answer = await api.get('/api/v1/nodes');
    if (answer.status === 200) nodeList = answer.body;
  } catch (error) {
    dispose();
    return { ok: false, message: `kubectl reaches ${context.value.server}, but nodeport-lab's own requests do not: ${(error as Error).message}` };
  }
  const items = (nodeList as { items?: unknown }).items;
  const nodes = (Array.isArray(items) ? items : []).map(nodeFacts);
  const detected = detectFlavour({
    context: context.value.name,
    clusterName: context.value.cluster,
    server: context.value.server,
    gitVersion: serverVersion,
    nodes,
  });

  // The seven questions go to the API at once, each a SelfSubjectAccessReview as `kubectl auth
  // can-i VERB RESOURCE` posts it: the context's namespace, the core group. Seven kubectl
  // processes one after another took seconds on a remote cluster.
  const answers = await Promise.all(CAN_I.map(([verb, resource]) => mayDo(api, context.value.namespace, verb, resource)));
  const denied = CAN_I.filter((_, i) => answers[i] === 'no').map(([verb, resource]) => `${verb} ${resource}`);
  const unanswered = answers.find((answer) => answer !== 'yes' && answer !== 'no');
  const notes =
    unanswered === undefined ? [] : [`kubectl auth can-i could not ask this cluster (${unanswered}); going on, and the API will say no where it must.`];
  if (denied.length > 0) {
    dispose();
    return {
      ok: false,
      message: `your user on context "${context.value.name}" may not ${denied.join(', ')} (kubectl auth can-i said no); the course needs them. Ask for them, or use a cluster of your own: nodeport-lab cluster create`,
    };
  }
  return {
    ok: true,
    connection: { kubectl, kubectlVersion, context: context.value, serverVersion, nodes, nodeList, detected, kubeconfig, dir, api, notes, dispose },
  };
}
