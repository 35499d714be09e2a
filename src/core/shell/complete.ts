// Tab completion for the sandbox: commands, kubectl verbs, resource types, object names,
// manifest files, the URLs that reach a node port (or, from a pod, a cluster IP), and the words
// of trace, iptables-save and firewall. Pure: the line and the cluster in, words out.
import type { Cluster } from '../cluster/index.js';

export const SHELL_COMMANDS = ['kubectl', 'curl', 'trace', 'iptables-save', 'firewall', 'nodes', 'help', 'history', 'reset', 'clear', 'sleep', 'exit'];
export const KUBECTL_VERBS = [
  'get',
  'describe',
  'run',
  'expose',
  'create',
  'apply',
  'delete',
  'logs',
  'exec',
  'label',
  'explain',
  'version',
  'cluster-info',
  'scale',
  'set',
  'rollout',
  'patch',
  'wait',
  'port-forward',
  'api-resources',
];
const TYPES = [
  'pods',
  'po',
  'services',
  'svc',
  'nodes',
  'no',
  'endpoints',
  'ep',
  'all',
  'deployments',
  'deploy',
  'replicasets',
  'rs',
  'namespaces',
  'ns',
  'endpointslices',
  'events',
];
type NamedKind = 'pod' | 'service' | 'node' | 'endpoints' | 'deployment' | 'replicaset';
const TYPE_NAMES: Record<string, NamedKind> = {
  pod: 'pod',
  pods: 'pod',
  po: 'pod',
  service: 'service',
  services: 'service',
  svc: 'service',
  node: 'node',
  nodes: 'node',
  no: 'node',
  endpoints: 'endpoints',
  ep: 'endpoints',
  deployment: 'deployment',
  deployments: 'deployment',
  deploy: 'deployment',
  replicaset: 'replicaset',
  replicasets: 'replicaset',
  rs: 'replicaset',
};

export interface Completion {
  /** The candidates for the word being typed. */
  readonly candidates: readonly string[];
  /** The line up to the cursor, completed as far as every candidate agrees. */
  readonly line: string;
}

/** Completion offers the learner's own objects, in `default` (the sandbox's kubeconfig namespace). */
const inDefault = (o: { readonly metadata: { readonly namespace: string } }): boolean => o.metadata.namespace === 'default';

function names(cluster: Cluster, kind: NamedKind): string[] {
  switch (kind) {
    case 'deployment':
      return (cluster.deployments ?? []).filter(inDefault).map((d) => d.metadata.name);
    case 'replicaset':
      return (cluster.replicaSets ?? []).filter(inDefault).map((r) => r.metadata.name);
    case 'pod':
      return cluster.pods.filter(inDefault).map((p) => p.metadata.name);
    case 'node':
      return cluster.nodes.map((n) => n.metadata.name);
    case 'service':
    case 'endpoints':
      return cluster.services.filter(inDefault).map((s) => s.metadata.name);
  }
}

function nodePortUrls(cluster: Cluster): string[] {
  const ports = cluster.services.flatMap((s) => s.spec.ports.flatMap((p) => (p.nodePort ? [p.nodePort] : [])));
  const ips = cluster.nodes.flatMap((n) => n.status.addresses.filter((a) => a.type === 'ExternalIP').map((a) => a.address));
  return ips.flatMap((ip) => ports.map((port) => `http://${ip}:${port}`));
}

/** From a pod: each service's cluster IP and port. */
function clusterIPUrls(cluster: Cluster): string[] {
  return cluster.services.flatMap((s) =>
    s.spec.clusterIP && s.spec.clusterIP !== 'None' ? s.spec.ports.map((p) => `http://${s.spec.clusterIP}:${p.port}`) : [],
  );
}

function traceCandidates(rest: readonly string[], cluster: Cluster): string[] {
  const previous = rest[rest.length - 1];
  if (previous === '--from') return cluster.pods.filter(inDefault).map((p) => `pod/${p.metadata.name}`);
  if (rest.includes('--from')) return clusterIPUrls(cluster);
  const balancers = cluster.services.filter((s) => s.spec.type === 'LoadBalancer').map((s) => `lb/${s.metadata.name}`);
  return ['--from', ...nodePortUrls(cluster), ...balancers];
}

function firewallCandidates(rest: readonly string[], cluster: Cluster): string[] {
  if (rest.length === 0) return ['open', 'close'];
  if (rest.length !== 1) return [];
  const ports = cluster.services.flatMap((s) => s.spec.ports.flatMap((p) => (p.nodePort ? [String(p.nodePort)] : [])));
  return ['all', '30000-32767', ...ports];
}

function candidatesFor(words: readonly string[], cluster: Cluster, files: readonly string[]): string[] {
  const [command, ...rest] = words;
  if (words.length === 0) return SHELL_COMMANDS;
  if (command === 'curl') return nodePortUrls(cluster);
  if (command === 'trace') return traceCandidates(rest, cluster);
  if (command === 'firewall') return firewallCandidates(rest, cluster);
  if (command === 'iptables-save') {
    const previous = rest[rest.length - 1];
    if (previous === '--node') return names(cluster, 'node');
    if (previous === '-t' || previous === '--table') return ['filter', 'nat'];
    return ['--node', '-t'];
  }
  if (command !== 'kubectl' && command !== 'k') return [];
  const previous = rest[rest.length - 1];
  if (previous === '-f' || previous === '--filename') return [...files];
  const positional = rest.filter((w) => !w.startsWith('-'));
  const [verb, second] = positional;
  if (positional.length === 0) return KUBECTL_VERBS;
  switch (verb) {
    case 'get':
    case 'describe':
    case 'delete':
    case 'label': {
      if (positional.length === 1) return TYPES;
      const kind = TYPE_NAMES[second ?? ''];
      return kind ? names(cluster, kind) : [];
    }
    case 'logs':
    case 'exec':
      return positional.length === 1 ? names(cluster, 'pod') : [];
    case 'scale':
    case 'set':
    case 'rollout':
      // scale deployment/web; set image deployment/web; rollout status deployment/web
      if (verb !== 'scale' && positional.length === 1) return verb === 'set' ? ['image'] : ['status', 'history', 'undo'];
      return positional.length === (verb === 'scale' ? 1 : 2) ? names(cluster, 'deployment').map((n) => `deployment/${n}`) : [];
    case 'port-forward':
      return positional.length === 1 ? [...names(cluster, 'pod').map((n) => `pod/${n}`), ...names(cluster, 'service').map((n) => `svc/${n}`)] : [];
    case 'patch':
      if (positional.length === 1) return ['svc', 'pod', 'deployment'];
      return positional.length === 2 && TYPE_NAMES[second ?? ''] ? names(cluster, TYPE_NAMES[second ?? ''] as NamedKind) : [];
    case 'wait':
      return ['--for=condition=Ready', ...names(cluster, 'pod').map((n) => `pod/${n}`)];
    case 'expose':
      if (positional.length === 1) return ['pod', 'service', 'deployment'];
      return positional.length === 2
        ? names(cluster, TYPE_NAMES[second ?? ''] === 'deployment' ? 'deployment' : second === 'service' || second === 'svc' ? 'service' : 'pod')
        : [];
    case 'create':
      if (positional.length === 1) return ['deployment', 'service', '-f'];
      return positional.length === 2 && second === 'service' ? ['clusterip', 'nodeport', 'loadbalancer'] : [];
    case 'apply':
      return ['-f'];
    default:
      return [];
  }
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Completes the last word of `line` (the text before the cursor). */
export function complete(line: string, cluster: Cluster, files: readonly string[]): Completion {
  const endsWithSpace = line === '' || /\s$/.test(line);
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/);
  const partial = endsWithSpace ? '' : (words.pop() ?? '');
  const candidates = [...new Set(candidatesFor(words, cluster, files))].filter((c) => c.startsWith(partial)).sort();
  if (candidates.length === 0) return { candidates, line };
  const head = line.slice(0, line.length - partial.length);
  if (candidates.length === 1) return { candidates, line: `${head}${candidates[0]} ` };
  return { candidates, line: `${head}${commonPrefix(candidates)}` };
}
