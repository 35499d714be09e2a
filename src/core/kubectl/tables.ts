// The columns `kubectl get` shows for each kind (pkg/printers/internalversion/printers.go).

import {
  containerState,
  restartsOf,
  formatLabels,
  isPodReady,
  loadBalancerIngressIP,
  nodeAddress,
  visiblePodIP,
  type Cluster,
  type Endpoints,
  type Node,
  type Pod,
  type Service,
} from '../cluster/index.js';
import { age } from './duration.js';

export interface TableDef<T> {
  readonly headers: readonly string[];
  readonly wideHeaders: readonly string[];
  row(item: T, cluster: Cluster): string[];
  wideRow(item: T, cluster: Cluster): string[];
  /**
   * Where the wide columns go, when not all at the end: indexes into headers followed by
   * wideHeaders, in the order `-o wide` prints them (the order of the server's column definitions).
   */
  readonly wideOrder?: readonly number[];
}

/** The columns of a table, with whether each is wide-only (priority 1), in the order they print. */
export function tableColumns<T>(def: TableDef<T>, wide: boolean): { name: string; wideOnly: boolean }[] {
  const all = [...def.headers.map((name) => ({ name, wideOnly: false })), ...def.wideHeaders.map((name) => ({ name, wideOnly: true }))];
  if (!wide) return all.filter((c) => !c.wideOnly);
  return def.wideOrder ? def.wideOrder.map((i) => all[i] ?? { name: '', wideOnly: true }) : all;
}

/** One item's cells, in the order of tableColumns. */
export function tableCells<T>(def: TableDef<T>, item: T, cluster: Cluster, wide: boolean): string[] {
  const narrow = def.row(item, cluster);
  if (!wide) return narrow;
  const all = [...narrow, ...def.wideRow(item, cluster)];
  return def.wideOrder ? def.wideOrder.map((i) => all[i] ?? '') : all;
}

export const POD_TABLE: TableDef<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(pod, cluster) {
    const total = pod.spec.containers.length;
    const ready = isPodReady(pod, cluster.now) ? total : 0;
    const st = containerState(pod, cluster.now);
    // printers.go printPod: a pod with a deletionTimestamp is Terminating; otherwise the phase, unless a
    // container status says more (a pod with no node has none).
    const status = pod.terminating ? 'Terminating' : pod.spec.nodeName === undefined ? 'Pending' : st.state === 'running' ? 'Running' : st.reason;
    const { count: restarts, last } = restartsOf(pod, cluster.now);
    const restartText = restarts > 0 && last ? `${restarts} (${age(last.finishedAt, cluster.now)} ago)` : String(restarts);
    return [pod.metadata.name, `${ready}/${total}`, status, restartText, age(pod.metadata.creationTimestamp, cluster.now)];
  },
  wideRow(pod, cluster) {
    return [visiblePodIP(pod, cluster.now) ?? '<none>', pod.spec.nodeName || '<none>', '<none>', '<none>'];
  },
};

export function servicePorts(service: Service): string {
  if (service.spec.ports.length === 0) return '<none>';
  return service.spec.ports.map((p) => (p.nodePort !== undefined ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

/** printers.go getServiceExternalIP: a load balancer's ingress addresses, then spec.externalIPs. */
function externalIP(service: Service, cluster: Cluster): string {
  const extra = service.spec.externalIPs ?? [];
  switch (service.spec.type) {
    case 'LoadBalancer': {
      const ingress = loadBalancerIngressIP(cluster, service);
      const all = [...(ingress ? [ingress] : []), ...extra];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return service.spec.externalName ?? '<none>';
    default:
      return extra.length > 0 ? extra.join(',') : '<none>';
  }
}

export const SERVICE_TABLE: TableDef<Service> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row(svc, cluster) {
    const clusterIP = svc.spec.clusterIP === '' ? '<none>' : svc.spec.clusterIP;
    return [svc.metadata.name, svc.spec.type, clusterIP, externalIP(svc, cluster), servicePorts(svc), age(svc.metadata.creationTimestamp, cluster.now)];
  },
  wideRow(svc) {
    return [formatLabels(svc.spec.selector)];
  },
};

export function nodeRoles(node: Node): string {
  const roles = Object.keys(node.metadata.labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '')
    .sort();
  return roles.length === 0 ? '<none>' : roles.join(',');
}

export const NODE_TABLE: TableDef<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(node, cluster) {
    return [node.metadata.name, 'Ready', nodeRoles(node), age(node.metadata.creationTimestamp, cluster.now), node.status.nodeInfo.kubeletVersion];
  },
  wideRow(node) {
    const i = node.status.nodeInfo;
    return [nodeAddress(node, 'InternalIP') ?? '<none>', nodeAddress(node, 'ExternalIP') ?? '<none>', i.osImage, i.kernelVersion, i.containerRuntimeVersion];
  },
};

/** printers.formatEndpoints: up to three host:port pairs, then `+ N more...`. */
export function formatEndpoints(endpoints: Endpoints): string {
  if (endpoints.subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const subset of endpoints.subsets) {
    if (subset.ports.length === 0) {
      count += subset.addresses.length;
      for (const a of subset.addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of subset.ports) {
      count += subset.addresses.length;
      for (const a of subset.addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const ENDPOINTS_TABLE: TableDef<Endpoints> = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(ep, cluster) {
    return [ep.metadata.name, formatEndpoints(ep), age(ep.metadata.creationTimestamp, cluster.now)];
  },
  wideRow() {
    return [];
  },
};
