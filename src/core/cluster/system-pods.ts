// What a kubeadm cluster with flannel runs before the learner does anything: the control plane's
// static pods (etcd, kube-apiserver, kube-controller-manager, kube-scheduler) on the control-plane
// node, one kube-proxy per node (hostNetwork: its IP is the node's), two CoreDNS replicas behind
// the kube-dns Service at 10.96.0.10, and flannel's DaemonSet pods in their own kube-flannel
// namespace. Sources: kubernetes cmd/kubeadm/app/phases/controlplane/manifests.go (static pods and
// their CPU requests), cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNS requests 100m/70Mi,
// limit 170Mi; the kube-dns Service's ports and labels), cmd/kubeadm/app/phases/addons/proxy,
// cmd/kubeadm/app/phases/etcd/local.go (etcd requests 100m/100Mi) and flannel-io/flannel
// Documentation/kube-flannel.yml (namespace kube-flannel, requests 100m/50Mi).
//
// Every identifier here follows from the object's name (never from the cluster's random
// generator), and CoreDNS takes its addresses from the control plane's pod range, as kubeadm
// clusters often have it: nothing the learner creates later gets another name or address.

import { smallest } from '../append.js';
import { digestOf, randomHexFromText } from './ids.js';
import { formatIPv4, parseCidr } from './ip.js';
import { NAMESPACE_NAME_LABEL } from './namespaces.js';
import { isControlPlane, nodeAddress } from './topology.js';
import type { ClusterConfig, Container, ContainerPort, DaemonSet, Deployment, Labels, Namespace, Node, OwnerRef, Pod, ReplicaSet, Service } from './types.js';

export const FLANNEL_NAMESPACE = 'kube-flannel';
/** The ReplicaSet hash kubeadm 1.32's CoreDNS Deployment gets (as `kubectl get pods -A` shows on kind v1.32). */
export const COREDNS_REPLICASET = 'coredns-668d6bf9bc';
export const KUBE_DNS_IP = '10.96.0.10';

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

/** A generated name suffix that follows from a text. */
function suffixOf(text: string, length = 5): string {
  const hex = randomHexFromText(`suffix:${text}`, length * 2);
  let out = '';
  for (let i = 0; i < length; i++) out += SUFFIX[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % SUFFIX.length] ?? 'b';
  return out;
}

function uidOf(text: string): string {
  const h = randomHexFromText(`uid:${text}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Plan {
  readonly name: string;
  readonly namespace: string;
  readonly node: Node;
  readonly labels: Labels;
  readonly annotations?: Labels;
  readonly container: string;
  readonly image: string;
  readonly ports?: readonly ContainerPort[];
  readonly requests?: Labels;
  readonly limits?: Labels;
  readonly hostNetwork: boolean;
  readonly podIP?: string;
  readonly priorityClassName: string;
  readonly owner: OwnerRef;
  /** When it was created, ms. */
  readonly at: number;
  readonly log?: readonly string[];
}

function qosOf(requests: Labels | undefined, limits: Labels | undefined): Pod['status']['qosClass'] {
  if (!requests && !limits) return 'BestEffort';
  return 'Burstable';
}

function buildPod(plan: Plan, revision: number): Pod {
  const hostIP = nodeAddress(plan.node, 'InternalIP') ?? '';
  const key = `${plan.namespace}/${plan.name}`;
  const image = plan.image;
  const container: Container = {
    name: plan.container,
    image,
    ports: plan.ports ?? [],
    env: [],
    imagePullPolicy: 'IfNotPresent',
    ...(plan.requests || plan.limits
      ? { resources: { ...(plan.requests ? { requests: plan.requests } : {}), ...(plan.limits ? { limits: plan.limits } : {}) } }
      : {}),
  };
  const created = Math.floor(plan.at / 1000) * 1000;
  return {
    kind: 'Pod',
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      uid: uidOf(key),
      resourceVersion: String(revision),
      creationTimestamp: created,
      labels: plan.labels,
      annotations: plan.annotations ?? {},
    },
    spec: {
      containers: [container],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      nodeName: plan.node.metadata.name,
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      ...(plan.hostNetwork ? { hostNetwork: true } : {}),
      priorityClassName: plan.priorityClassName,
      priority: plan.priorityClassName === 'system-node-critical' ? 2000001000 : 2000000000,
    },
    status: {
      hostIP,
      podIP: plan.hostNetwork ? hostIP : (plan.podIP ?? ''),
      qosClass: qosOf(plan.requests, plan.limits),
      containerID: `containerd://${digestOf(`container:${key}`)}`,
      imageID: `${image.replace(/:[^:/]+$/, '')}@sha256:${digestOf(image)}`,
      imageSize: 20_000_000 + (parseInt(digestOf(image).slice(0, 6), 16) % 60_000_000),
    },
    timeline: { scheduledAt: plan.at, sandboxAt: plan.at + 1_000, pullStartedAt: plan.at + 1_200, pulledAt: plan.at + 3_000, startedAt: plan.at + 3_500 },
    serviceEnv: [],
    tokenVolume: `kube-api-access-${suffixOf(`volume:${key}`)}`,
    log: plan.log ?? [],
    owner: plan.owner,
  };
}

export interface SystemObjects {
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly namespaces: readonly Namespace[];
  /** The control-plane node with its pod range's last address handed out (CoreDNS took two). */
  readonly nodes: readonly Node[];
  /** kube-proxy and flannel. */
  readonly daemonSets: readonly DaemonSet[];
  /** CoreDNS's Deployment and its ReplicaSet. */
  readonly deployments: readonly Deployment[];
  readonly replicaSets: readonly ReplicaSet[];
}

const k8s = (component: string, config: ClusterConfig): string => `registry.k8s.io/${component}:${config.kubernetesVersion}`;

/** The system pods, the kube-dns Service and the kube-flannel namespace for a new cluster's nodes. */
export function systemObjects(config: ClusterConfig, nodes: readonly Node[], firstRevision: number): SystemObjects {
  const controlPlane = nodes.find(isControlPlane);
  const born = smallest(
    nodes.map((n) => n.metadata.creationTimestamp),
    Infinity,
  );
  const plans: Plan[] = [];
  if (controlPlane) {
    const cp = controlPlane.metadata.name;
    const at = controlPlane.metadata.creationTimestamp + 5_000;
    const owner: OwnerRef = { kind: 'Node', name: cp, uid: controlPlane.metadata.uid };
    const cpIP = nodeAddress(controlPlane, 'InternalIP') ?? '';
    const staticPod = (component: string, image: string, cpu: string, memory?: string, annotations?: Labels): Plan => ({
      name: `${component}-${cp}`,
      namespace: 'kube-system',
      node: controlPlane,
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file', ...annotations },
      container: component,
      image,
      requests: memory ? { cpu, memory } : { cpu },
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      owner,
      at,
    });
    plans.push(
      staticPod('etcd', 'registry.k8s.io/etcd:3.5.16-0', '100m', '100Mi', { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${cpIP}:2379` }),
      staticPod('kube-apiserver', k8s('kube-apiserver', config), '250m', undefined, {
        'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${cpIP}:${config.apiServerPort}`,
      }),
      staticPod('kube-controller-manager', k8s('kube-controller-manager', config), '200m'),
      staticPod('kube-scheduler', k8s('kube-scheduler', config), '100m'),
    );
  }
  const proxy = kubeProxyDaemonSet(config, controlPlane ?? nodes[0]);
  const flannel = flannelDaemonSet(born);
  for (const node of nodes)
    plans.push(daemonPlan(proxy, node, `kube-proxy-${suffixOf(`kube-proxy/${node.metadata.name}`)}`, node.metadata.creationTimestamp + 12_000));
  for (const node of nodes) {
    const at = Math.max(node.metadata.creationTimestamp, born + 60_000) + 2_000;
    plans.push(daemonPlan(flannel, node, `kube-flannel-ds-${suffixOf(`kube-flannel-ds/${node.metadata.name}`)}`, at));
  }
  let nextNodes = nodes;
  if (controlPlane) {
    const cidr = parseCidr(controlPlane.spec.podCIDR);
    const rsUid = uidOf(`replicaset/kube-system/${COREDNS_REPLICASET}`);
    for (const host of [2, 3]) {
      plans.push({
        name: `${COREDNS_REPLICASET}-${suffixOf(`coredns/${host}`)}`,
        namespace: 'kube-system',
        node: controlPlane,
        labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_REPLICASET.slice('coredns-'.length) },
        container: 'coredns',
        image: COREDNS_IMAGE,
        ports: COREDNS_PORTS,
        requests: COREDNS_REQUESTS,
        limits: COREDNS_LIMITS,
        hostNetwork: false,
        podIP: formatIPv4(cidr.base + host),
        priorityClassName: 'system-cluster-critical',
        owner: { kind: 'ReplicaSet', name: COREDNS_REPLICASET, uid: rsUid },
        at: controlPlane.metadata.creationTimestamp + 14_000,
        log: [
          '.:53',
          '[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b',
          'CoreDNS-1.11.3',
          'linux/amd64, go1.21.11, a6338e9',
        ],
      });
    }
    nextNodes = nodes.map((n) => (n === controlPlane ? { ...n, lastPodHost: Math.max(n.lastPodHost, 3) } : n));
  }
  const pods = plans.map((plan, i) => buildPod(plan, firstRevision + i));
  const dnsAt = (controlPlane ?? nodes[0])?.metadata.creationTimestamp ?? born;
  const kubeDns: Service = {
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      uid: uidOf('service/kube-system/kube-dns'),
      resourceVersion: String(firstRevision + plans.length),
      creationTimestamp: Math.floor((dnsAt + 14_000) / 1000) * 1000,
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBE_DNS_IP,
      clusterIPs: [KUBE_DNS_IP],
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  };
  const flannelNamespace: Namespace = {
    kind: 'Namespace',
    metadata: {
      name: FLANNEL_NAMESPACE,
      namespace: '',
      uid: uidOf(`namespace/${FLANNEL_NAMESPACE}`),
      resourceVersion: String(firstRevision + plans.length + 1),
      creationTimestamp: Math.floor((born + 60_000) / 1000) * 1000,
      labels: { 'k8s-app': 'flannel', [NAMESPACE_NAME_LABEL]: FLANNEL_NAMESPACE, 'pod-security.kubernetes.io/enforce': 'privileged' },
      annotations: {},
    },
  };
  const workloadRevision = firstRevision + plans.length + 2;
  const coredns = controlPlane ? corednsWorkload(controlPlane, workloadRevision) : undefined;
  return {
    pods,
    services: [kubeDns],
    namespaces: [flannelNamespace],
    nodes: nextNodes,
    daemonSets: [
      { ...proxy, metadata: { ...proxy.metadata, resourceVersion: String(workloadRevision + 2) } },
      { ...flannel, metadata: { ...flannel.metadata, resourceVersion: String(workloadRevision + 3) } },
    ],
    deployments: coredns ? [coredns.deployment] : [],
    replicaSets: coredns ? [coredns.replicaSet] : [],
  };
}

const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
const COREDNS_PORTS: readonly ContainerPort[] = [
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
];
const COREDNS_REQUESTS: Labels = { cpu: '100m', memory: '70Mi' };
const COREDNS_LIMITS: Labels = { memory: '170Mi' };

const atSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** kubeadm's CoreDNS Deployment (2 replicas) and the ReplicaSet of its one revision. */
function corednsWorkload(controlPlane: Node, revision: number): { deployment: Deployment; replicaSet: ReplicaSet } {
  const at = atSecond(controlPlane.metadata.creationTimestamp + 13_000);
  const container: Container = {
    name: 'coredns',
    image: COREDNS_IMAGE,
    ports: COREDNS_PORTS,
    env: [],
    imagePullPolicy: 'IfNotPresent',
    resources: { requests: COREDNS_REQUESTS, limits: COREDNS_LIMITS },
  };
  const labels = { 'k8s-app': 'kube-dns' };
  const hash = COREDNS_REPLICASET.slice('coredns-'.length);
  const deployment: Deployment = {
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      namespace: 'kube-system',
      uid: uidOf('deployment/kube-system/coredns'),
      resourceVersion: String(revision),
      creationTimestamp: at,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    generation: 1,
    spec: { replicas: 2, selector: labels, template: { labels, containers: [container], priorityClassName: 'system-cluster-critical' } },
  };
  const withHash = { ...labels, 'pod-template-hash': hash };
  const replicaSet: ReplicaSet = {
    kind: 'ReplicaSet',
    metadata: {
      name: COREDNS_REPLICASET,
      namespace: 'kube-system',
      uid: uidOf(`replicaset/kube-system/${COREDNS_REPLICASET}`),
      resourceVersion: String(revision + 1),
      creationTimestamp: at,
      labels: withHash,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '2',
        'deployment.kubernetes.io/max-replicas': '3',
        'deployment.kubernetes.io/revision': '1',
      },
    },
    generation: 1,
    owner: { kind: 'Deployment', name: 'coredns', uid: deployment.metadata.uid },
    spec: { replicas: 2, selector: withHash, template: { labels: withHash, containers: [container], priorityClassName: 'system-cluster-critical' } },
  };
  return { deployment, replicaSet };
}

function daemonSet(
  name: string,
  namespace: string,
  labels: Labels,
  template: DaemonSet['spec']['template'],
  at: number,
  revisionHash: string,
  nodeSelector?: Labels,
): DaemonSet {
  return {
    kind: 'DaemonSet',
    metadata: {
      name,
      namespace,
      uid: uidOf(`daemonset/${namespace}/${name}`),
      resourceVersion: '1',
      creationTimestamp: atSecond(at),
      labels,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    generation: 1,
    spec: { selector: template.labels, template, hostNetwork: true, ...(nodeSelector ? { nodeSelector } : {}) },
    revisionHash,
  };
}

/** kubeadm's kube-proxy DaemonSet (cmd/kubeadm/app/phases/addons/proxy/manifests.go): linux nodes, no requests. */
function kubeProxyDaemonSet(config: ClusterConfig, first: Node | undefined): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  const container: Container = { name: 'kube-proxy', image: k8s('kube-proxy', config), ports: [], env: [], imagePullPolicy: 'IfNotPresent' };
  return daemonSet(
    'kube-proxy',
    'kube-system',
    labels,
    { labels, containers: [container], priorityClassName: 'system-node-critical' },
    (first?.metadata.creationTimestamp ?? 0) + 11_000,
    '7bb84c4984',
    { 'kubernetes.io/os': 'linux' },
  );
}

/** flannel's DaemonSet (Documentation/kube-flannel.yml): every linux node by node affinity, not a node selector. */
function flannelDaemonSet(born: number): DaemonSet {
  const labels = { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' };
  const container: Container = {
    name: 'kube-flannel',
    image: 'ghcr.io/flannel-io/flannel:v0.26.4',
    ports: [],
    env: [],
    imagePullPolicy: 'IfNotPresent',
    resources: { requests: { cpu: '100m', memory: '50Mi' } },
  };
  const ds = daemonSet(
    'kube-flannel-ds',
    FLANNEL_NAMESPACE,
    labels,
    { labels, containers: [container], priorityClassName: 'system-node-critical' },
    born + 60_000,
    '66d8c5b9c7',
  );
  return { ...ds, spec: { ...ds.spec, selector: { app: 'flannel', 'k8s-app': 'flannel' } } };
}

/** A DaemonSet's pod on one node: the template's labels with the controller's revision and generation. */
function daemonPlan(ds: DaemonSet, node: Node, name: string, at: number): Plan {
  const container = ds.spec.template.containers[0];
  const labels: Record<string, string> = {
    ...ds.spec.template.labels,
    'controller-revision-hash': ds.revisionHash,
    'pod-template-generation': String(ds.generation),
  };
  const sorted = Object.fromEntries(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k] ?? '']),
  );
  const requests = container?.resources?.requests;
  const limits = container?.resources?.limits;
  return {
    name,
    namespace: ds.metadata.namespace,
    node,
    labels: sorted,
    container: container?.name ?? ds.metadata.name,
    image: container?.image ?? '',
    ...(requests ? { requests } : {}),
    ...(limits ? { limits } : {}),
    hostNetwork: ds.spec.hostNetwork,
    priorityClassName: ds.spec.template.priorityClassName ?? '',
    owner: { kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid },
    at,
  };
}

/** The pod a DaemonSet's controller makes on a node that lacks one (a deleted pod's replacement). */
export function daemonSetPod(ds: DaemonSet, node: Node, name: string, at: number, revision: number): Pod {
  return buildPod(daemonPlan(ds, node, name, at), revision);
}

/** kube-system, kube-public, kube-node-lease and the CNI's own: namespaces the cluster's own pods live in. */
export const isSystemNamespace = (namespace: string): boolean => namespace.startsWith('kube-');
