// The kind cluster `nodeport-lab cluster create` makes: shaped like the simulator's (one control
// plane, two workers), with the lessons' node ports mapped to localhost on the control plane's
// container (kind's extraPortMappings), so that they answer on macOS and Windows too, and the
// node port range shrunk to the mapped ports (kube-apiserver's --service-node-port-range), so
// that a node port Kubernetes picks is one of them.
import { LAB_KIND_CLUSTER, LAB_KIND_EXTRA_PORTS, LAB_KIND_RANGE } from './reach.js';

/** The mapped node ports: the range, and the pinned ports outside it. */
export function mappedPorts(): number[] {
  const ports: number[] = [];
  for (let p = LAB_KIND_RANGE.from; p <= LAB_KIND_RANGE.to; p++) ports.push(p);
  return [...LAB_KIND_EXTRA_PORTS, ...ports];
}

/** The kind Cluster config (kind.x-k8s.io/v1alpha4), as YAML. */
export function kindConfig(): string {
  const mappings = mappedPorts().flatMap((p) => [`  - containerPort: ${p}`, `    hostPort: ${p}`, '    listenAddress: "127.0.0.1"', '    protocol: TCP']);
  return [
    'kind: Cluster',
    'apiVersion: kind.x-k8s.io/v1alpha4',
    `name: ${LAB_KIND_CLUSTER}`,
    'nodes:',
    '- role: control-plane',
    '  kubeadmConfigPatches:',
    '  - |',
    '    kind: ClusterConfiguration',
    '    apiServer:',
    '      extraArgs:',
    `        service-node-port-range: "${LAB_KIND_RANGE.from}-${LAB_KIND_RANGE.to}"`,
    '  extraPortMappings:',
    ...mappings,
    '- role: worker',
    '- role: worker',
    '',
  ].join('\n');
}
