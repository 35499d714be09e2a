// pods/exec in the lab's API: the command runs as the sandbox's `kubectl exec` runs it
// (kubectl/container-shell.ts); what it printed goes back on the stream's stdout and stderr
// channels and its end as the Status kubectl reads on the error channel (client-go
// tools/remotecommand: Success, or NonZeroExitCode with the exit code as its one cause).

import { findPod, isPodReady, type Cluster, type Pod } from '../cluster/index.js';
import { execInContainer } from '../kubectl/container-shell.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { json, text, type ApiResponse } from './request.js';
import { plainStatus, statusOf } from './status.js';

/** Where an exec request points: /api/v1/namespaces/NS/pods/NAME/exec, or undefined. */
export function execTarget(path: string): { namespace: string; name: string } | undefined {
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec\/?$/.exec(path);
  if (!m) return undefined;
  try {
    return { namespace: decodeURIComponent(m[1] ?? ''), name: decodeURIComponent(m[2] ?? '') };
  } catch {
    return undefined;
  }
}

export type ExecOutcome =
  /** Refused before the stream opens: the answer to the upgrade request. */
  | { readonly kind: 'refused'; readonly response: ApiResponse }
  | { readonly kind: 'ran'; readonly cluster: Cluster; readonly stdout: string; readonly stderr: string; readonly status: { [key: string]: JsonValue } };

const TERMINATED = /command terminated with exit code (\d+)\n$/;

/** The pod an exec may run in, or the answer that refuses it before the stream opens. */
export function execPod(
  cluster: Cluster,
  namespace: string,
  name: string,
  container: string | undefined,
  command: readonly string[],
): { readonly kind: 'refused'; readonly response: ApiResponse } | { readonly kind: 'pod'; readonly pod: Pod } {
  const refused = (response: ApiResponse) => ({ kind: 'refused' as const, response });
  const pod = findPod(cluster, name, namespace);
  if (!pod) return refused(json(404, statusOf({ kind: 'NotFound', message: `pods "${name}" not found`, causes: [] }, { name, kind: 'pods' })));
  const wanted = container ?? pod.spec.containers[0]?.name ?? '';
  if (!pod.spec.containers.some((c) => c.name === wanted))
    return refused(json(400, plainStatus(400, 'BadRequest', `container ${wanted} is not valid for pod ${name}`)));
  if (command.length === 0) return refused(json(400, plainStatus(400, 'BadRequest', 'you must specify at least one command for the container')));
  // No node to stream from: the API server refuses (pkg/registry/core/pod/strategy.go streamLocation).
  if (pod.spec.nodeName === undefined) return refused(json(400, plainStatus(400, 'BadRequest', `pod ${name} does not have a host assigned`)));
  // The kubelet refuses in plain text, which kubectl prints as `unable to upgrade connection: ...` (spdy/roundtripper.go).
  if (!isPodReady(pod, cluster.now)) return refused(text(400, `container not found ("${wanted}")`));
  return { kind: 'pod', pod };
}

/** The Status that ends an exec stream for a program that exited with `code` (0: Success). */
export function exitStatus(command: readonly string[], code: number): { [key: string]: JsonValue } {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** A program run to its end (with `exec -i`, on all of `stdin`), as the stream reports it. */
export function ranInPod(cluster: Cluster, pod: Pod, command: readonly string[], stdin = ''): Extract<ExecOutcome, { kind: 'ran' }> {
  const r = execInContainer(cluster, pod, command, stdin);
  if (r.exitCode === 0) return { kind: 'ran', cluster: r.cluster, stdout: r.stdout, stderr: r.stderr, status: exitStatus(command, 0) };
  const terminated = TERMINATED.exec(r.stderr);
  if (terminated)
    return {
      kind: 'ran',
      cluster: r.cluster,
      stdout: r.stdout,
      stderr: r.stderr.slice(0, terminated.index),
      status: exitStatus(command, Number(terminated[1] ?? '1')),
    };
  // The runtime could not start the program: the kubelet's InternalError, nothing on stdout or stderr.
  const message = r.stderr.replace(/^error: /, '').replace(/\n$/, '');
  return {
    kind: 'ran',
    cluster: r.cluster,
    stdout: r.stdout,
    stderr: '',
    status: { metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 },
  };
}

export function execInPod(cluster: Cluster, namespace: string, name: string, container: string | undefined, command: readonly string[]): ExecOutcome {
  const found = execPod(cluster, namespace, name, container, command);
  if (found.kind === 'refused') return found;
  return ranInPod(cluster, found.pod, command);
}
