// pods/portforward in the lab's API: where the request points, whether the pod's port takes the
// connection, and what the pod's web server answers over it. The kubelet (through the runtime's
// streaming server, containerd's) dials localhost:PORT inside the pod's network namespace, so a
// port nothing listens on, or a container not started yet, is refused there, and the error
// stream carries the runtime's words (pkg/kubelet/cri/streaming/portforward/httpstream.go wraps
// them: "error forwarding port P to pod SANDBOX, uid : ..."). nginx sees the request come from
// 127.0.0.1 and writes it to its access log, which `kubectl logs` shows.

import { createHash } from 'node:crypto';
import { appendAccessLog, findPod, serveHttp, whatAnswers, type Cluster, type HttpResponse, type Pod } from '../cluster/index.js';
import { notAllowed } from '../shell/curl.js';
import { json, type ApiResponse } from './request.js';
import { plainStatus, statusOf } from './status.js';

/** Where a port-forward request points: /api/v1/namespaces/NS/pods/NAME/portforward, or undefined. */
export function portForwardTarget(path: string): { namespace: string; name: string } | undefined {
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward\/?$/.exec(path);
  if (!m) return undefined;
  try {
    return { namespace: decodeURIComponent(m[1] ?? ''), name: decodeURIComponent(m[2] ?? '') };
  } catch {
    return undefined;
  }
}

/** The API server's answer before any stream opens: a pod that is not there, or one with no node yet. */
export function refusePortForward(cluster: Cluster, namespace: string, name: string): ApiResponse | undefined {
  const pod = findPod(cluster, name, namespace);
  if (!pod) return json(404, statusOf({ kind: 'NotFound', message: `pods "${name}" not found`, causes: [] }, { name, kind: 'pods' }));
  if (!pod.spec.nodeName) return json(400, plainStatus(400, 'BadRequest', `pod ${name} does not have a host assigned`));
  return undefined;
}

/** The pod sandbox's id as the runtime names it (64 hex digits), and its network namespace's path. */
function sandboxOf(pod: Pod): { id: string; netns: string } {
  const id = createHash('sha256').update(`sandbox:${pod.metadata.uid}`).digest('hex');
  const u = createHash('sha256').update(`netns:${pod.metadata.uid}`).digest('hex');
  return { id, netns: `/var/run/netns/cni-${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20, 32)}` };
}

export type PortConnection = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Whether a connection to the pod's port is taken, and the error stream's text when it is not. */
export function connectToPod(cluster: Cluster, namespace: string, name: string, port: number): PortConnection {
  const pod = findPod(cluster, name, namespace);
  if (!pod) return { ok: false, message: `pod not found ("${name}_${namespace}")` };
  // kubectl refuses a pod that is not Running before it asks; an unscheduled pod has no sandbox at all.
  if (pod.status.podIP === undefined) return { ok: false, message: `pod not found ("${name}_${namespace}")` };
  const answer = whatAnswers(cluster, pod.status.podIP, port);
  if (answer.kind === 'listening') return { ok: true };
  const sandbox = sandboxOf(pod);
  const refused = (family: string, address: string): string => `dial ${family} ${address}:${port}: connect: connection refused`;
  return {
    ok: false,
    message:
      `error forwarding port ${port} to pod ${sandbox.id}, uid : failed to execute portforward in network namespace "${sandbox.netns}": ` +
      `failed to connect to localhost:${port} inside namespace "${sandbox.id}", IPv4: ${refused('tcp4', '127.0.0.1')} IPv6 ${refused('tcp6', '[::1]')} `,
  };
}

export interface ForwardedAnswer {
  readonly cluster: Cluster;
  readonly response: HttpResponse;
}

/** nginx's answer to one request that came through the forward, written to its access log from 127.0.0.1. */
export function answerForwarded(
  cluster: Cluster,
  namespace: string,
  name: string,
  port: number,
  request: { method: string; path: string; httpVersion: string; userAgent: string },
): ForwardedAnswer | undefined {
  const pod = findPod(cluster, name, namespace);
  const answer = pod?.status.podIP !== undefined ? whatAnswers(cluster, pod.status.podIP, port) : undefined;
  if (!pod || answer?.kind !== 'listening') return undefined;
  let response = serveHttp(answer.image, request.method === 'HEAD' ? 'HEAD' : 'GET', request.path, cluster.now);
  if (request.method !== 'GET' && request.method !== 'HEAD') response = notAllowed(response);
  const entry = {
    remoteAddr: '127.0.0.1',
    method: request.method,
    path: request.path,
    httpVersion: request.httpVersion,
    status: response.status,
    bytes: Buffer.byteLength(response.body),
    userAgent: request.userAgent || '-',
  };
  const logged = appendAccessLog(cluster, pod.metadata.name, entry, pod.metadata.namespace);
  return { cluster: logged.ok ? logged.cluster : cluster, response };
}
