// The cluster's objects as the API server serialises them (core/v1 JSON), with the
// fields in Go struct order; printers sort keys where kubectl would.

import {
  containerState,
  restartsOf,
  type Terminated,
  endpointsFor,
  isPodReady,
  podConditions,
  podPhase,
  visiblePodIP,
  type Cluster,
  type Endpoints,
  type Node,
  type ObjectMeta,
  type Pod,
  type Service,
} from '../cluster/index.js';
import { rfc3339 } from './duration.js';
import type { JsonValue } from './go-yaml.js';

type Json = { [key: string]: JsonValue };

export function metaView(meta: ObjectMeta, namespaced: boolean): Json {
  const out: Json = { name: meta.name };
  if (namespaced) out.namespace = meta.namespace;
  out.uid = meta.uid;
  out.resourceVersion = meta.resourceVersion;
  out.creationTimestamp = rfc3339(meta.creationTimestamp);
  if (Object.keys(meta.labels).length > 0) out.labels = { ...meta.labels };
  if (Object.keys(meta.annotations).length > 0) out.annotations = { ...meta.annotations };
  return out;
}

const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

export function podView(pod: Pod, now: number): Json {
  const ready = isPodReady(pod, now);
  const ip = visiblePodIP(pod, now);
  const containers: JsonValue[] = pod.spec.containers.map((c) => {
    const out: Json = { name: c.name, image: c.image };
    if (c.ports.length > 0) {
      out.ports = c.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol }));
    }
    if (c.env.length > 0) out.env = c.env.map((e) => ({ name: e.name, value: e.value }));
    out.resources = c.resources
      ? { ...(c.resources.limits ? { limits: { ...c.resources.limits } } : {}), ...(c.resources.requests ? { requests: { ...c.resources.requests } } : {}) }
      : {};
    out.volumeMounts = [{ name: pod.tokenVolume, readOnly: true, mountPath: SA_MOUNT }];
    out.terminationMessagePath = '/dev/termination-log';
    out.terminationMessagePolicy = 'File';
    out.imagePullPolicy = c.imagePullPolicy;
    return out;
  });
  const toleration = (key: string): Json => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  const spec: Json = {
    volumes: [
      {
        name: pod.tokenVolume,
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ],
    containers,
    restartPolicy: pod.spec.restartPolicy,
    terminationGracePeriodSeconds: pod.spec.terminationGracePeriodSeconds,
    dnsPolicy: pod.spec.dnsPolicy,
    serviceAccountName: 'default',
    serviceAccount: 'default',
    ...(pod.spec.nodeName !== undefined ? { nodeName: pod.spec.nodeName } : {}),
    ...(pod.spec.hostNetwork ? { hostNetwork: true } : {}),
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: [toleration('node.kubernetes.io/not-ready'), toleration('node.kubernetes.io/unreachable')],
    ...(pod.spec.priorityClassName ? { priorityClassName: pod.spec.priorityClassName } : {}),
    priority: pod.spec.priority ?? 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
  const conditions: JsonValue[] = podConditions(pod, now).map((c) => ({
    type: c.type,
    status: c.status,
    lastProbeTime: null,
    lastTransitionTime: rfc3339(c.at),
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
    ...(c.message !== undefined ? { message: c.message } : {}),
  }));
  if (pod.spec.nodeName === undefined) {
    // A pod the scheduler has not placed: its condition says why; no node, no IP, no containers yet.
    return { kind: 'Pod', apiVersion: 'v1', metadata: podMetadata(pod), spec, status: { phase: 'Pending', conditions, qosClass: pod.status.qosClass } };
  }
  const containerStatuses: JsonValue[] = pod.spec.containers.map((c) => {
    const st = containerState(pod, now);
    const state: Json =
      st.state === 'running'
        ? { running: { startedAt: rfc3339(st.startedAt) } }
        : st.state === 'terminated'
          ? { terminated: terminatedView(st.terminated, pod.status.containerID) }
          : { waiting: { ...('message' in st ? { message: st.message } : {}), reason: st.reason } };
    const restarts = restartsOf(pod, now);
    // The image has been pulled once the container has run, whatever it does now.
    const pulled = st.state === 'running' || st.state === 'terminated' || restarts.count > 0;
    const out: Json = {
      name: c.name,
      state,
      lastState: lastStateView(pod, now),
      ready,
      restartCount: restarts.count,
      image: pulled ? qualified(c.image) : c.image,
      imageID: pulled ? pod.status.imageID : '',
    };
    if (pulled) out.containerID = pod.status.containerID;
    out.started = st.state === 'running';
    out.volumeMounts = [{ name: pod.tokenVolume, mountPath: SA_MOUNT, readOnly: true, recursiveReadOnly: 'Disabled' }];
    return out;
  });
  const hostIP = pod.status.hostIP ?? '';
  const status: Json = {
    phase: podPhase(pod, now),
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
  };
  if (ip) {
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  status.startTime = rfc3339(pod.timeline.scheduledAt);
  status.containerStatuses = containerStatuses;
  status.qosClass = pod.status.qosClass;
  return { kind: 'Pod', apiVersion: 'v1', metadata: podMetadata(pod), spec, status };
}

function podMetadata(pod: Pod): Json {
  const metadata = metaView(pod.metadata, true);
  if (pod.owner?.kind === 'Node') {
    // A static pod's mirror: owned by its node, with no generated name.
    metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: pod.owner.name, uid: pod.owner.uid, controller: true }];
  } else if (pod.owner) {
    metadata.generateName = pod.generateName ?? `${pod.owner.name}-`;
    metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: pod.owner.kind, name: pod.owner.name, uid: pod.owner.uid, controller: true, blockOwnerDeletion: true },
    ];
  } else if (pod.generateName) {
    // An orphan (its owner deleted with --cascade=orphan) keeps the name it was generated from.
    metadata.generateName = pod.generateName;
  }
  if (pod.terminating) {
    metadata.deletionTimestamp = rfc3339(pod.terminating.deletionTimestamp);
    metadata.deletionGracePeriodSeconds = pod.terminating.graceSeconds;
  }
  return inMetaOrder(metadata);
}

/** ObjectMeta's fields in Go struct order (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go), as the API serialises them. */
const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

export function inMetaOrder(metadata: Json): Json {
  const out: Json = {};
  for (const key of META_ORDER) if (key in metadata && metadata[key] !== undefined) out[key] = metadata[key];
  for (const [key, value] of Object.entries(metadata)) if (!(key in out)) out[key] = value;
  return out;
}

/** The container's previous run, ended by a restart (an image change, or an exit). */
function lastStateView(pod: Pod, now: number): Json {
  const last = restartsOf(pod, now).last;
  if (!last) return {};
  return { terminated: terminatedView(last, pod.lastTermination?.containerID ?? pod.status.containerID) };
}

function terminatedView(t: Terminated, containerID: string): Json {
  return { exitCode: t.exitCode, reason: t.reason, startedAt: rfc3339(t.startedAt), finishedAt: rfc3339(t.finishedAt), containerID };
}

function qualified(image: string): string {
  let rest = image.replace(/^docker\.io\//, '');
  if (!/:[^/]+$/.test(rest)) rest += ':latest';
  if (!rest.includes('/')) rest = `library/${rest}`;
  return `docker.io/${rest}`;
}

export function serviceView(service: Service, now?: number): Json {
  const s = service.spec;
  const spec: Json = {
    ports: s.ports.map((p) => {
      const out: Json = {};
      if (p.name) out.name = p.name;
      out.protocol = p.protocol;
      out.port = p.port;
      out.targetPort = p.targetPort;
      if (p.nodePort !== undefined) out.nodePort = p.nodePort;
      return out;
    }),
  };
  if (s.selector !== undefined) spec.selector = { ...s.selector };
  if (s.type !== 'ExternalName') {
    spec.clusterIP = s.clusterIP;
    spec.clusterIPs = [...s.clusterIPs];
  }
  spec.type = s.type;
  if (s.externalIPs !== undefined && s.externalIPs.length > 0) spec.externalIPs = [...s.externalIPs];
  if (s.healthCheckNodePort !== undefined) spec.healthCheckNodePort = s.healthCheckNodePort;
  if (s.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  if (s.externalName !== undefined) spec.externalName = s.externalName;
  spec.sessionAffinity = s.sessionAffinity;
  if (s.externalTrafficPolicy !== undefined) spec.externalTrafficPolicy = s.externalTrafficPolicy;
  if (s.type !== 'ExternalName') {
    spec.ipFamilies = [...s.ipFamilies];
    spec.ipFamilyPolicy = s.ipFamilyPolicy;
  }
  if (s.allocateLoadBalancerNodePorts !== undefined) spec.allocateLoadBalancerNodePorts = s.allocateLoadBalancerNodePorts;
  spec.internalTrafficPolicy = s.internalTrafficPolicy;
  if (s.ports.length === 0) delete spec.ports;
  // The cloud's answer, once it has come: the API server defaults ipMode to VIP (LoadBalancerIPMode).
  const lb = service.loadBalancer;
  const ingress: Json = s.type === 'LoadBalancer' && lb && now !== undefined && now >= lb.readyAt ? { ingress: [{ ip: lb.ip, ipMode: 'VIP' }] } : {};
  return { kind: 'Service', apiVersion: 'v1', metadata: metaView(service.metadata, true), spec, status: { loadBalancer: ingress } };
}

/** When the kubelet last reported its node's status: every 5 minutes while nothing changes (nodeStatusReportFrequency). */
export const nodeHeartbeat = (now: number): number => now - (now % 300_000);

export function nodeView(node: Node, now: number): Json {
  const i = node.status.nodeInfo;
  const ready = rfc3339(node.metadata.creationTimestamp + 30_000);
  // The kubelet reports node status every 5 minutes when nothing changes (nodeStatusReportFrequency),
  // so describe and -o yaml show the same last heartbeat.
  const heartbeat = rfc3339(nodeHeartbeat(now));
  const condition = (type: string, status: string, reason: string, message: string): Json => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: rfc3339(node.metadata.creationTimestamp),
    reason,
    message,
  });
  const spec: Json = { podCIDR: node.spec.podCIDR, podCIDRs: [node.spec.podCIDR] };
  if (node.spec.taints.length > 0) spec.taints = node.spec.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect }));
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: metaView(node.metadata, false),
    spec,
    status: {
      capacity: { ...node.status.capacity },
      allocatable: { ...node.status.allocatable },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        { ...condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'), lastTransitionTime: ready },
      ],
      addresses: node.status.addresses.map((a) => ({ type: a.type, address: a.address })),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: i.machineID,
        systemUUID: i.systemUUID,
        bootID: i.bootID,
        kernelVersion: i.kernelVersion,
        osImage: i.osImage,
        containerRuntimeVersion: i.containerRuntimeVersion,
        kubeletVersion: i.kubeletVersion,
        kubeProxyVersion: i.kubeProxyVersion,
        operatingSystem: i.operatingSystem,
        architecture: i.architecture,
      },
    },
  };
}

export function endpointsView(endpoints: Endpoints): Json {
  const address = (a: { ip: string; nodeName: string; podName: string; podUid: string }): Json =>
    a.podName === ''
      ? { ip: a.ip }
      : { ip: a.ip, nodeName: a.nodeName, targetRef: { kind: 'Pod', namespace: endpoints.metadata.namespace, name: a.podName, uid: a.podUid } };
  const subsets: JsonValue[] = endpoints.subsets.map((s) => {
    const out: Json = {};
    if (s.addresses.length > 0) out.addresses = s.addresses.map(address);
    if (s.notReadyAddresses.length > 0) out.notReadyAddresses = s.notReadyAddresses.map(address);
    out.ports = s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol }));
    return out;
  });
  const view: Json = { kind: 'Endpoints', apiVersion: 'v1', metadata: metaView(endpoints.metadata, true) };
  if (subsets.length > 0) view.subsets = subsets;
  return view;
}

export function endpointsViewFor(cluster: Cluster, service: Service): Json {
  return endpointsView(endpointsFor(cluster, service));
}
