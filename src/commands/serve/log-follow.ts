// `kubectl logs -f` against the lab: a pods/log request with follow=true stays open after the lines
// the container has written, and each line it writes later (the nginx access log of a request
// through a node port) is sent as it comes; the stream ends when the pod goes.
import type { ServerResponse } from 'node:http';
import { findPod, type Cluster } from '../../core/cluster/index.js';

export interface Follower {
  readonly response: ServerResponse;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  /** How many of the pod's log lines the client has. */
  sent: number;
}

/** The follower of a log request that asked to follow, or undefined when it did not. */
export function followerOf(cluster: Cluster, path: string, query: ReadonlyMap<string, string>, response: ServerResponse): Follower | undefined {
  if (!['true', '1'].includes(query.get('follow') ?? '')) return undefined;
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log\/?$/.exec(path);
  if (!m) return undefined;
  const namespace = decodeURIComponent(m[1] ?? '');
  const name = decodeURIComponent(m[2] ?? '');
  const pod = findPod(cluster, name, namespace);
  if (!pod) return undefined;
  return { response, namespace, name, uid: pod.metadata.uid, sent: pod.log.length };
}

/** Sends each follower the lines its pod wrote since; ends the streams of pods that are gone. Returns those still open. */
export function tellFollowers(cluster: Cluster, followers: Set<Follower>): void {
  for (const follower of followers) {
    const pod = findPod(cluster, follower.name, follower.namespace);
    if (!pod || pod.metadata.uid !== follower.uid) {
      followers.delete(follower);
      follower.response.end();
      continue;
    }
    if (pod.log.length <= follower.sent) continue;
    if (follower.response.writableLength > 1024 * 1024) {
      followers.delete(follower);
      follower.response.destroy();
      continue;
    }
    follower.response.write(
      pod.log
        .slice(follower.sent)
        .map((line) => `${line}\n`)
        .join(''),
    );
    follower.sent = pod.log.length;
  }
}
