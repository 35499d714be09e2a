// `kubectl get` columns for deployments, replicasets, namespaces, endpointslices and events
// (pkg/printers/internalversion/printers.go: printDeployment, printReplicaSet, printNamespace,
// printEndpointSlice, printEvent).

import {
  daemonSetStatus,
  deploymentStatus,
  formatLabels,
  type Cluster,
  type DaemonSet,
  type Deployment,
  type EndpointSlice,
  type EventObject,
  type Namespace,
  type PodTemplate,
  type ReplicaSet,
} from '../cluster/index.js';
import { age } from './duration.js';
import type { TableDef } from './tables.js';
import { replicaSetCounts } from './workload-views.js';

const containerNames = (t: PodTemplate): string => t.containers.map((c) => c.name).join(',');
const containerImages = (t: PodTemplate): string => t.containers.map((c) => c.image).join(',');

export const DEPLOYMENT_TABLE: TableDef<Deployment> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(d, cluster) {
    const st = deploymentStatus(cluster, d);
    return [
      d.metadata.name,
      `${st.readyReplicas}/${d.spec.replicas}`,
      String(st.updatedReplicas),
      String(st.availableReplicas),
      age(d.metadata.creationTimestamp, cluster.now),
    ];
  },
  wideRow(d) {
    return [containerNames(d.spec.template), containerImages(d.spec.template), formatLabels(d.spec.selector)];
  },
};

export const REPLICASET_TABLE: TableDef<ReplicaSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(rs, cluster) {
    const { current, ready } = replicaSetCounts(cluster, rs);
    return [rs.metadata.name, String(rs.spec.replicas), String(current), String(ready), age(rs.metadata.creationTimestamp, cluster.now)];
  },
  wideRow(rs) {
    return [containerNames(rs.spec.template), containerImages(rs.spec.template), formatLabels(rs.spec.selector)];
  },
};

export const NAMESPACE_TABLE: TableDef<Namespace> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  row(ns, cluster) {
    return [ns.metadata.name, ns.terminating ? 'Terminating' : 'Active', age(ns.metadata.creationTimestamp, cluster.now)];
  },
  wideRow() {
    return [];
  },
};

/** printers.go listWithMoreString: up to three, then `+ N more...`; none is <unset>. */
function listWithMore(items: readonly string[]): string {
  const max = 3;
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

export const ENDPOINTSLICE_TABLE: TableDef<EndpointSlice> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(slice, cluster) {
    return [
      slice.metadata.name,
      slice.addressType,
      listWithMore(slice.ports.map((p) => String(p.port))),
      listWithMore(slice.endpoints.map((e) => e.address)),
      age(slice.metadata.creationTimestamp, cluster.now),
    ];
  },
  wideRow() {
    return [];
  },
};

export const EVENT_TABLE: TableDef<EventObject> = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  // printers.go's event columns: Last Seen, Type, Reason, Object, Subobject*, Source*, Message,
  // First Seen*, Count*, Name* (* priority 1, shown by -o wide).
  wideOrder: [0, 1, 2, 3, 5, 6, 4, 7, 8, 9],
  row(e, cluster: Cluster) {
    const ev = e.event;
    // printers.go printEvent: LAST SEEN is the last of the counted events.
    return [age(e.lastAt, cluster.now), ev.type, ev.reason, `${ev.involved.kind.toLowerCase()}/${ev.involved.name}`, ev.message];
  },
  wideRow(e, cluster: Cluster) {
    // formatEventSource: the component, then `, ` and the host when there is one.
    const [component = '', host] = e.event.source.split('/');
    return [e.fieldPath ?? '', host ? `${component}, ${host}` : component, age(e.firstAt, cluster.now), String(e.count), e.metadata.name];
  },
};

/** printers.go printDaemonSet: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const DAEMONSET_TABLE: TableDef<DaemonSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(ds, cluster) {
    const st = daemonSetStatus(cluster, ds);
    const nodeSelector = ds.spec.nodeSelector && Object.keys(ds.spec.nodeSelector).length > 0 ? formatLabels(ds.spec.nodeSelector) : '<none>';
    return [
      ds.metadata.name,
      String(st.desired),
      String(st.current),
      String(st.ready),
      String(st.upToDate),
      String(st.available),
      nodeSelector,
      age(ds.metadata.creationTimestamp, cluster.now),
    ];
  },
  wideRow(ds) {
    const containers = ds.spec.template.containers;
    return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(','), formatLabels(ds.spec.selector)];
  },
};
