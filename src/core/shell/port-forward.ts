// kubectl port-forward pod/NAME|svc/NAME|deployment/NAME [LOCAL:]REMOTE, as the sandbox keeps it:
// the Forwarding lines kubectl prints, then `curl localhost:LOCAL` reaches the pod's port until
// Ctrl-C (interactive), the next port-forward, or the end of the script. A service's port is
// translated to its targetPort on one of its ready pods, as kubectl does before forwarding
// (staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go).

import {
  findDeployment,
  findPod,
  findService,
  isPodReady,
  namespaceExists,
  newReplicaSet,
  podPhase,
  podsOfReplicaSet,
  resolveTargetPort,
  selectedPods,
  type Cluster,
  type Pod,
} from '../cluster/index.js';
import type { CommandResult } from './result.js';
import { PORT_FORWARD_HELP } from '../kubectl/set-and-forward-help.js';

export interface PortForward {
  readonly local: number;
  readonly remote: number;
  readonly pod: string;
  /** The pod's namespace (absent: `default`). */
  readonly namespace?: string;
}

export interface PortForwardResult {
  readonly result: CommandResult;
  /** The forward now in place (undefined: none, the previous one is kept only on an error). */
  readonly forward?: PortForward;
}

const fail = (cluster: Cluster, text: string): PortForwardResult => ({ result: { cluster, stdout: '', stderr: `error: ${text}\n`, exitCode: 1 } });

/** `-n NS`, `-nNS`, `--namespace NS`, `--namespace=NS`: the namespace, and the words without it. */
function takeNamespace(args: readonly string[], fallback: string): { namespace: string; rest: string[] } {
  let namespace = fallback;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-n' || arg === '--namespace') namespace = args[++i] ?? namespace;
    else if (arg.startsWith('--namespace=')) namespace = arg.slice('--namespace='.length);
    else if (/^-n[^-]/.test(arg)) namespace = arg.slice(2);
    else rest.push(arg);
  }
  return { namespace: namespace === '' ? fallback : namespace, rest };
}

export function portForward(cluster: Cluster, args: readonly string[], defaultNamespace = 'default'): PortForwardResult {
  // kubectl answers --help (or -h) with the command's help, whatever else is on the line.
  if (args.some((a) => a === '--help' || a === '-h')) return { result: { cluster, stdout: PORT_FORWARD_HELP, stderr: '', exitCode: 0 } };
  const { namespace, rest } = takeNamespace(args, defaultNamespace);
  const words = rest.filter((a) => !a.startsWith('-'));
  const [resource = '', ...ports] = words;
  if (resource === '' || ports.length === 0) return fail(cluster, 'TYPE/NAME and list of ports are required for port-forward');
  const [typeName = '', name = ''] = resource.includes('/') ? resource.split('/') : ['pod', resource];
  const spec = ports[0] ?? '';
  const m = spec.match(/^(\d*):?(\d+)$/);
  if (!m) return fail(cluster, `Error parsing local port '${spec}': strconv.ParseUint: parsing "${spec}": invalid syntax`);
  const remoteText = m[2] ?? '';
  const localText = spec.includes(':') ? (m[1] ?? '') : remoteText;
  let remote = Number(remoteText);
  // An empty local port (":80") is a random free one: the sandbox takes the remote port's number + 20000 below 65536.
  const local = localText === '' ? 40000 + (remote % 20000) : Number(localText);
  let pod: Pod | undefined;
  const type = typeName.toLowerCase();
  // kubectl asks for the namespace when the object is not found, and names what is missing.
  if (!namespaceExists(cluster, namespace))
    return { result: { cluster, stdout: '', stderr: `Error from server (NotFound): namespaces "${namespace}" not found\n`, exitCode: 1 } };
  if (['pod', 'pods', 'po'].includes(type)) {
    pod = findPod(cluster, name, namespace);
    if (!pod) return { result: { cluster, stdout: '', stderr: `Error from server (NotFound): pods "${name}" not found\n`, exitCode: 1 } };
  } else if (['svc', 'service', 'services'].includes(type)) {
    const service = findService(cluster, name, namespace);
    if (!service) return { result: { cluster, stdout: '', stderr: `Error from server (NotFound): services "${name}" not found\n`, exitCode: 1 } };
    pod = selectedPods(cluster, service).find((p) => isPodReady(p, cluster.now)) ?? selectedPods(cluster, service)[0];
    if (!pod) return fail(cluster, 'unable to forward port because no pods are selected by the service');
    const servicePort = service.spec.ports.find((p) => p.port === remote);
    if (!servicePort) return fail(cluster, `Service ${name} does not have a service port ${remote}`);
    remote = resolveTargetPort(pod, servicePort) ?? remote;
  } else if (['deployment', 'deploy', 'deployments'].includes(type)) {
    const d = findDeployment(cluster, name, namespace);
    if (!d) return { result: { cluster, stdout: '', stderr: `Error from server (NotFound): deployments.apps "${name}" not found\n`, exitCode: 1 } };
    const rs = newReplicaSet(cluster, d);
    pod = rs ? podsOfReplicaSet(cluster, rs).find((p) => isPodReady(p, cluster.now)) : undefined;
    if (!pod) return fail(cluster, 'unable to forward port because no pods of the deployment are running');
  } else {
    return fail(cluster, `port-forward works on pods, services and deployments in this simulated cluster (kubectl port-forward pod/NAME 8080:80)`);
  }
  if (podPhase(pod, cluster.now) !== 'Running')
    return fail(cluster, `unable to forward port because pod is not running. Current status=${podPhase(pod, cluster.now)}`);
  const stdout = `Forwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}\n`;
  return { result: { cluster, stdout, stderr: '', exitCode: 0 }, forward: { local, remote, pod: pod.metadata.name, namespace: pod.metadata.namespace } };
}
