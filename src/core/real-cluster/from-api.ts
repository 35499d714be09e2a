// The real cluster's objects (the API's JSON lists of nodes, pods and services) as the simulator's
// Cluster value, so that the same goal predicates and the same tracer run over the real state.
// Pod readiness comes from the pod's Ready condition; endpoints follow from ready pods and the
// selector, as the EndpointSlice controller makes them.
import { DEFAULT_CONFIG } from '../cluster/topology.js';
import { seedRng } from '../random.js';
import type {
  Cluster,
  Container,
  ContainerPort,
  Node,
  NodeAddress,
  ObjectMeta,
  Pod,
  Protocol,
  Service,
  ServicePort,
  ServiceType,
  Taint,
} from '../cluster/types.js';
import { getOwn } from '../own.js';

type Obj = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const at = (o: Obj, ...path: string[]): unknown => path.reduce<unknown>((v, k) => getOwn(obj(v), k), o);
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
const time = (v: unknown, fallback: number): number => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : fallback;
};
const protocol = (v: unknown): Protocol => (v === 'UDP' || v === 'SCTP' ? v : 'TCP');

/** The API's answers the conversion needs: the three lists, and the time they were read. */
export interface ApiState {
  readonly nodes: unknown;
  readonly pods: unknown;
  readonly services: unknown;
  /** `/version`'s gitVersion. */
  readonly version?: string;
  /** When the state was read (ms since the epoch): the cluster's clock. */
  readonly now: number;
  /**
   * The learner's machine reaches the nodes at their InternalIP (kind, minikube, k3d on Linux): the
   * tracer, which lets a request from outside in at a node's ExternalIP, is given that address as one.
   */
  readonly hostReachesInternalIP?: boolean;
}

function meta(item: Obj, now: number): ObjectMeta {
  const m = obj(getOwn(item, 'metadata'));
  return {
    name: text(getOwn(m, 'name')),
    namespace: text(getOwn(m, 'namespace')),
    uid: text(getOwn(m, 'uid')),
    resourceVersion: text(getOwn(m, 'resourceVersion')),
    creationTimestamp: time(getOwn(m, 'creationTimestamp'), now),
    labels: strings(getOwn(m, 'labels')),
    annotations: strings(getOwn(m, 'annotations')),
  };
}

function toNode(item: Obj, now: number, hostReachesInternalIP: boolean): Node {
  const addresses: NodeAddress[] = arr(at(item, 'status', 'addresses'))
    .map(obj)
    .filter((a) => ['InternalIP', 'ExternalIP', 'Hostname'].includes(text(getOwn(a, 'type'))))
    .map((a) => ({ type: text(getOwn(a, 'type')) as NodeAddress['type'], address: text(getOwn(a, 'address')) }));
  const internal = addresses.find((a) => a.type === 'InternalIP');
  if (hostReachesInternalIP && internal && !addresses.some((a) => a.type === 'ExternalIP')) addresses.push({ type: 'ExternalIP', address: internal.address });
  const info = strings(at(item, 'status', 'nodeInfo'));
  const taints: Taint[] = arr(at(item, 'spec', 'taints'))
    .map(obj)
    .map((t) => ({
      key: text(getOwn(t, 'key')),
      ...(typeof getOwn(t, 'value') === 'string' ? { value: text(getOwn(t, 'value')) } : {}),
      effect: (['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(text(getOwn(t, 'effect')))
        ? text(getOwn(t, 'effect'))
        : 'NoSchedule') as Taint['effect'],
    }));
  return {
    kind: 'Node',
    metadata: meta(item, now),
    spec: { podCIDR: text(at(item, 'spec', 'podCIDR')), taints },
    status: {
      addresses,
      capacity: strings(at(item, 'status', 'capacity')),
      allocatable: strings(at(item, 'status', 'allocatable')),
      nodeInfo: {
        architecture: info.architecture ?? '',
        bootID: info.bootID ?? '',
        containerRuntimeVersion: info.containerRuntimeVersion ?? '',
        kernelVersion: info.kernelVersion ?? '',
        kubeProxyVersion: info.kubeProxyVersion ?? '',
        kubeletVersion: info.kubeletVersion ?? '',
        machineID: info.machineID ?? '',
        operatingSystem: info.operatingSystem ?? '',
        osImage: info.osImage ?? '',
        systemUUID: info.systemUUID ?? '',
      },
    },
    lastPodHost: 1,
  };
}

function toContainer(c: Obj): Container {
  const ports: ContainerPort[] = arr(getOwn(c, 'ports'))
    .map(obj)
    .map((p) => ({
      ...(typeof getOwn(p, 'name') === 'string' ? { name: text(getOwn(p, 'name')) } : {}),
      containerPort: num(getOwn(p, 'containerPort')) ?? 0,
      protocol: protocol(getOwn(p, 'protocol')),
    }));
  const env = arr(getOwn(c, 'env'))
    .map(obj)
    .filter((e) => typeof getOwn(e, 'value') === 'string')
    .map((e) => ({ name: text(getOwn(e, 'name')), value: text(getOwn(e, 'value')) }));
  const policy = text(getOwn(c, 'imagePullPolicy'));
  return {
    name: text(getOwn(c, 'name')),
    image: text(getOwn(c, 'image')),
    ports,
    env,
    imagePullPolicy: policy === 'Always' || policy === 'Never' ? policy : 'IfNotPresent',
  };
}

function toPod(item: Obj, now: number): Pod {
  const metadata = meta(item, now);
  const born = metadata.creationTimestamp;
  const status = obj(getOwn(item, 'status'));
  const ready = arr(getOwn(status, 'conditions'))
    .map(obj)
    .find((c) => getOwn(c, 'type') === 'Ready');
  const isReady = ready !== undefined && getOwn(ready, 'status') === 'True' && getOwn(status, 'phase') === 'Running';
  const podIP = text(getOwn(status, 'podIP'));
  const hostIP = text(getOwn(status, 'hostIP'));
  const nodeName = text(at(item, 'spec', 'nodeName'));
  const startedAt = isReady ? Math.min(time(getOwn(ready, 'lastTransitionTime'), born), now) : Infinity;
  const restartPolicy = text(at(item, 'spec', 'restartPolicy'));
  const restarts = arr(getOwn(status, 'containerStatuses'))
    .map(obj)
    .reduce((n, c) => n + (num(getOwn(c, 'restartCount')) ?? 0), 0);
  return {
    kind: 'Pod',
    metadata,
    spec: {
      containers: arr(at(item, 'spec', 'containers'))
        .map(obj)
        .map(toContainer),
      restartPolicy: restartPolicy === 'OnFailure' || restartPolicy === 'Never' ? restartPolicy : 'Always',
      dnsPolicy: 'ClusterFirst',
      ...(nodeName ? { nodeName } : {}),
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: num(at(item, 'spec', 'terminationGracePeriodSeconds')) ?? 30,
    },
    status: { ...(hostIP ? { hostIP } : {}), ...(podIP ? { podIP } : {}), qosClass: 'BestEffort', containerID: '', imageID: '', imageSize: 0 },
    timeline: {
      scheduledAt: born,
      sandboxAt: podIP ? Math.min(born, now) : Infinity,
      pullStartedAt: born,
      pulledAt: isReady ? startedAt : Infinity,
      startedAt,
    },
    serviceEnv: [],
    tokenVolume: '',
    log: [],
    ...(restarts > 0 ? { restartCount: restarts } : {}),
  };
}

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function toService(item: Obj, now: number): Service {
  const spec = obj(getOwn(item, 'spec'));
  const type = text(getOwn(spec, 'type'), 'ClusterIP') as ServiceType;
  const ports: ServicePort[] = arr(getOwn(spec, 'ports'))
    .map(obj)
    .map((p) => {
      const target = getOwn(p, 'targetPort');
      const port = num(getOwn(p, 'port')) ?? 0;
      const nodePort = num(getOwn(p, 'nodePort'));
      return {
        ...(typeof getOwn(p, 'name') === 'string' && getOwn(p, 'name') !== '' ? { name: text(getOwn(p, 'name')) } : {}),
        protocol: protocol(getOwn(p, 'protocol')),
        port,
        targetPort: typeof target === 'number' || typeof target === 'string' ? target : port,
        ...(nodePort !== undefined ? { nodePort } : {}),
      };
    });
  const selector = getOwn(spec, 'selector');
  const clusterIP = text(getOwn(spec, 'clusterIP'));
  const policy = (v: unknown): 'Cluster' | 'Local' => (v === 'Local' ? 'Local' : 'Cluster');
  return {
    kind: 'Service',
    metadata: meta(item, now),
    spec: {
      type: SERVICE_TYPES.includes(type) ? type : 'ClusterIP',
      clusterIP,
      clusterIPs: arr(getOwn(spec, 'clusterIPs')).filter((x): x is string => typeof x === 'string'),
      ports,
      ...(selector !== undefined && selector !== null ? { selector: strings(selector) } : {}),
      sessionAffinity: getOwn(spec, 'sessionAffinity') === 'ClientIP' ? 'ClientIP' : 'None',
      ...(type === 'NodePort' || type === 'LoadBalancer' ? { externalTrafficPolicy: policy(getOwn(spec, 'externalTrafficPolicy')) } : {}),
      internalTrafficPolicy: policy(getOwn(spec, 'internalTrafficPolicy')),
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ...(typeof getOwn(spec, 'externalName') === 'string' ? { externalName: text(getOwn(spec, 'externalName')) } : {}),
    },
  };
}

const items = (list: unknown): Obj[] => arr(getOwn(obj(list), 'items')).map(obj);

/** The real state as a Cluster value: the same predicates and tracer read it as they read the simulator's. */
export function clusterFromApi(state: ApiState): Cluster {
  const now = state.now;
  return {
    config: { ...DEFAULT_CONFIG, kubernetesVersion: state.version ?? DEFAULT_CONFIG.kubernetesVersion },
    now,
    rng: seedRng(1),
    revision: 0,
    nodes: items(state.nodes).map((n) => toNode(n, now, state.hostReachesInternalIP === true)),
    pods: items(state.pods)
      .map((p) => toPod(p, now))
      .filter((p) => p.metadata.name !== ''),
    services: items(state.services)
      .map((s) => toService(s, now))
      .filter((s) => s.metadata.name !== ''),
    events: [],
  };
}
