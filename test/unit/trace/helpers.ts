// Clusters for the tracer's tests: the lecture's objects, made the way the learner makes them.
import { files, session } from '../shell/helpers.js';
import type { Cluster, Pod, Service } from '../../../src/core/cluster/index.js';
import { lectureManifest } from '../../helpers/fixtures.js';

export const POD_DEFINITION = lectureManifest('pod-definition.yml');

export const NODEPORT_SERVICE = lectureManifest('pod-nodeport-service.yml');

export const MANIFESTS = { 'pod-definition.yml': POD_DEFINITION, 'pod-nodeport-service.yml': NODEPORT_SERVICE };

/** A sandbox session with the lecture's manifests as files. */
export function lab(seed = 42, more: Record<string, string> = {}) {
  const s = session(seed, files({ ...MANIFESTS, ...more }));
  const run = (line: string, elapsed?: number) => {
    const r = s.run(line, elapsed);
    if (r.exitCode !== 0 && r.exitCode !== null && !line.startsWith('curl') && !line.startsWith('trace')) throw new Error(`${line}: ${r.stderr}`);
    return r;
  };
  const cluster = (): Cluster => s.state().cluster;
  const service = (name: string): Service => {
    const found = cluster().services.find((x) => x.metadata.name === name);
    if (!found) throw new Error(`no service ${name}`);
    return found;
  };
  const pod = (name: string): Pod => {
    const found = cluster().pods.find((x) => x.metadata.name === name);
    if (!found) throw new Error(`no pod ${name}`);
    return found;
  };
  const nodePort = (name: string): number => service(name).spec.ports[0]?.nodePort ?? 0;
  /** The external IP of the node a pod runs on, and of a worker it does not run on. */
  const externalIPs = (podName: string): { withPod: string; withoutPod: string } => {
    const node = pod(podName).spec.nodeName ?? '';
    const ip = (name: string) =>
      cluster()
        .nodes.find((n) => n.metadata.name === name)!
        .status.addresses.find((a) => a.type === 'ExternalIP')!.address;
    const other = cluster().nodes.find((n) => n.metadata.name !== node && n.metadata.name.startsWith('worker'))!.metadata.name;
    return { withPod: ip(node), withoutPod: ip(other) };
  };
  return { run, state: s.state, cluster, service, pod, nodePort, externalIPs };
}

/** The lecture, both ways: my-first-service (run + expose) and the declarative myapp objects. */
export function lecture(seed = 42) {
  const l = lab(seed);
  l.run('kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0');
  l.run('kubectl apply -f pod-definition.yml');
  l.run('sleep 10');
  l.run('kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service');
  l.run('kubectl apply -f pod-nodeport-service.yml');
  return l;
}
