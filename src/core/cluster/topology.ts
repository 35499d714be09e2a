// The default cluster: one control-plane node and two workers, as kubeadm would
// set them up, with addresses from documentation ranges only.

import { digestOf } from './ids.js';
import type { ClusterConfig, Labels, Node } from './types.js';
import { parseCidr } from './ip.js';

export const DEFAULT_CONFIG: ClusterConfig = {
  kubernetesVersion: 'v1.32.2',
  podCidr: parseCidr('10.244.0.0/16'),
  serviceCidr: parseCidr('10.96.0.0/12'),
  nodePortRange: { base: 30000, size: 2768 },
  apiServerPort: 6443,
};

/** The start of the virtual clock for a new cluster: 2025-03-01T09:00:00Z. */
export const DEFAULT_START = Date.UTC(2025, 2, 1, 9, 0, 0);

export interface NodePlan {
  readonly name: string;
  readonly controlPlane: boolean;
  readonly internalIP: string;
  readonly externalIP: string;
  readonly podCIDR: string;
  /** How long before the cluster's start the node joined, in ms. */
  readonly joinedBefore: number;
}

const HOUR = 3_600_000;

export const DEFAULT_NODES: readonly NodePlan[] = [
  { name: 'control-plane', controlPlane: true, internalIP: '192.168.49.2', externalIP: '203.0.113.10', podCIDR: '10.244.0.0/24', joinedBefore: 3 * HOUR },
  { name: 'worker-1', controlPlane: false, internalIP: '192.168.49.3', externalIP: '203.0.113.11', podCIDR: '10.244.1.0/24', joinedBefore: 3 * HOUR - 40_000 },
  { name: 'worker-2', controlPlane: false, internalIP: '192.168.49.4', externalIP: '203.0.113.12', podCIDR: '10.244.2.0/24', joinedBefore: 3 * HOUR - 41_000 },
];

const CAPACITY: Labels = {
  cpu: '2',
  'ephemeral-storage': '30297196Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '4010048Ki',
  pods: '110',
};

export function buildNode(plan: NodePlan, config: ClusterConfig, start: number, uid: string, resourceVersion: string): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': plan.name,
    'kubernetes.io/os': 'linux',
  };
  if (plan.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const machine = digestOf(`machine:${plan.name}`);
  const uuid = (d: string): string => `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20, 32)}`;
  return {
    kind: 'Node',
    metadata: {
      name: plan.name,
      namespace: '',
      uid,
      resourceVersion,
      creationTimestamp: start - plan.joinedBefore,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: plan.podCIDR,
      taints: plan.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: plan.internalIP },
        { type: 'ExternalIP', address: plan.externalIP },
        { type: 'Hostname', address: plan.name },
      ],
      capacity: CAPACITY,
      allocatable: CAPACITY,
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuid(digestOf(`boot:${plan.name}`)),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '5.15.0-131-generic',
        kubeProxyVersion: config.kubernetesVersion,
        kubeletVersion: config.kubernetesVersion,
        machineID: machine.slice(0, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: uuid(machine.slice(32)),
      },
    },
    lastPodHost: 1,
  };
}

export function isControlPlane(node: Node): boolean {
  return 'node-role.kubernetes.io/control-plane' in node.metadata.labels;
}

export function nodeAddress(node: Node, type: 'InternalIP' | 'ExternalIP'): string | undefined {
  return node.status.addresses.find((a) => a.type === type)?.address;
}
