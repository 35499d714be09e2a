// kubectl describe for deployments, replicasets, namespaces and endpointslices
// (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeDeployment,
// describeReplicaSet, DescribePodTemplate, describeNamespace, describeEndpointSliceV1).

import {
  daemonSetStatus,
  deploymentStatus,
  eventsFor,
  formatLabels,
  oldReplicaSets,
  newReplicaSet,
  podPhase,
  activePodsOfReplicaSet,
  podsOfReplicaSet,
  podsOfDaemonSet,
  type Cluster,
  type DaemonSet,
  type Deployment,
  type Labels,
  type EndpointSlice,
  type Namespace,
  type PodTemplate,
  type ReplicaSet,
} from '../cluster/index.js';
import { DescribeWriter } from './describe-writer.js';
import { rfc1123z } from './duration.js';
import { terminationConditions } from '../cluster/namespace-termination.js';
import { deploymentConditions, replicaSetCounts } from './workload-views.js';

/** DescribePodTemplate with describeContainers' "  " indent. */
/** describeContainerResources: Limits, then Requests, each resource on its own line, by name. */
export function describeContainerResources(w: DescribeWriter, resources: { readonly requests?: Labels; readonly limits?: Labels } | undefined): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const name of Object.keys(list).sort()) w.write(3, `${name}:\t${list[name] ?? ''}\n`);
  }
}

export function describePodTemplate(w: DescribeWriter, template: PodTemplate, nodeSelector: Labels = {}): void {
  w.write(0, 'Pod Template:\n');
  w.labels('  Labels', template.labels);
  w.write(0, '  Containers:\n');
  for (const c of template.containers) {
    w.write(1, ` ${c.name}:\n`);
    w.write(2, `Image:\t${c.image}\n`);
    // describeContainerPorts: number and protocol, no port name (as kubectl 1.32 prints them).
    const ports = c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(', ');
    const hostPorts = c.ports.map((p) => `0/${p.protocol}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    describeContainerResources(w, c.resources);
    if (c.env.length === 0) w.write(2, 'Environment:\t<none>\n');
    else {
      w.write(2, 'Environment:\n');
      for (const e of c.env) w.write(3, `${e.name}:\t${e.value}\n`);
    }
    w.write(2, 'Mounts:\t<none>\n');
  }
  w.write(0, '  Volumes:\t<none>\n');
  if (template.priorityClassName) w.write(1, `Priority Class Name:\t${template.priorityClassName}\n`);
  w.labels('  Node-Selectors', nodeSelector);
  w.write(0, '  Tolerations:\t<none>\n');
}

const rsSummary = (cluster: Cluster, list: readonly ReplicaSet[]): string =>
  list.length === 0
    ? '<none>'
    : list.map((rs) => `${rs.metadata.name} (${activePodsOfReplicaSet(cluster, rs).length}/${rs.spec.replicas} replicas created)`).join(', ');

export function describeDeployment(cluster: Cluster, d: Deployment): string {
  const w = new DescribeWriter();
  const st = deploymentStatus(cluster, d);
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  w.labels('Labels', d.metadata.labels);
  w.annotations('Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas} desired | ${st.updatedReplicas} updated | ${st.replicas} total | ${st.availableReplicas} available | ${st.unavailableReplicas} unavailable\n`,
  );
  w.write(0, 'StrategyType:\tRollingUpdate\n');
  w.write(0, 'MinReadySeconds:\t0\n');
  w.write(0, 'RollingUpdateStrategy:\t25% max unavailable, 25% max surge\n');
  describePodTemplate(w, d.spec.template);
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of deploymentConditions(cluster, d)) w.write(1, `${c.type} \t${c.status}\t${c.reason}\n`);
  // deploymentutil.GetAllReplicaSets: every old ReplicaSet, scaled down or not, by name.
  const olds = oldReplicaSets(cluster, d).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const current = newReplicaSet(cluster, d);
  w.write(0, `OldReplicaSets:\t${rsSummary(cluster, olds)}\n`);
  w.write(0, `NewReplicaSet:\t${rsSummary(cluster, current ? [current] : [])}\n`);
  w.events(eventsFor(cluster, d.metadata.uid), cluster.now);
  return w.toString();
}

export function describeReplicaSet(cluster: Cluster, rs: ReplicaSet): string {
  const w = new DescribeWriter();
  const { current } = replicaSetCounts(cluster, rs);
  const pods = podsOfReplicaSet(cluster, rs);
  const running = pods.filter((p) => podPhase(p, cluster.now) === 'Running').length;
  const waiting = pods.filter((p) => podPhase(p, cluster.now) === 'Pending').length;
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabels(rs.spec.selector)}\n`);
  w.labels('Labels', rs.metadata.labels);
  w.annotations('Annotations', rs.metadata.annotations);
  if (rs.owner) w.write(0, `Controlled By:\t${rs.owner.kind}/${rs.owner.name}\n`);
  w.write(0, `Replicas:\t${current} current / ${rs.spec.replicas} desired\n`);
  w.write(0, `Pods Status:\t${running} Running / ${waiting} Waiting / 0 Succeeded / 0 Failed\n`);
  describePodTemplate(w, rs.spec.template);
  w.events(eventsFor(cluster, rs.metadata.uid), cluster.now);
  return w.toString();
}

export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  w.labels('Labels', ns.metadata.labels);
  w.annotations('Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.terminating ? 'Terminating' : 'Active'}\n`);
  if (ns.terminating) {
    // describe.go describeNamespace: the namespace controller's conditions, times in RFC 1123.
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of terminationConditions(ns.terminating)) w.write(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason}\t${c.message}\n`);
  }
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.toString();
}

export function describeEndpointSlice(slice: EndpointSlice): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${slice.metadata.name}\n`);
  w.write(0, `Namespace:\t${slice.metadata.namespace}\n`);
  w.labels('Labels', slice.metadata.labels);
  w.annotations('Annotations', slice.metadata.annotations);
  w.write(0, `AddressType:\t${slice.addressType}\n`);
  if (slice.ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of slice.ports) w.write(1, `${p.name === '' ? '<unset>' : p.name}\t${p.port}\t${p.protocol}\n`);
  }
  if (slice.endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of slice.endpoints) {
      w.write(1, `- Addresses:\t${e.address}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.ready ? 'true' : 'false'}\n`);
      w.write(2, 'Hostname:\t<unset>\n');
      if (e.podName) w.write(2, `TargetRef:\tPod/${e.podName}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, 'Zone:\t<unset>\n');
    }
  }
  w.events([], 0);
  return w.toString();
}

/** describe.go describeDaemonSet. */
export function describeDaemonSet(cluster: Cluster, ds: DaemonSet): string {
  const w = new DescribeWriter();
  const st = daemonSetStatus(cluster, ds);
  const pods = podsOfDaemonSet(cluster, ds);
  const running = pods.filter((p) => podPhase(p, cluster.now) === 'Running').length;
  const waiting = pods.filter((p) => podPhase(p, cluster.now) === 'Pending').length;
  // kubectl 1.32's describeDaemonSet prints no Namespace line.
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Selector:\t${formatLabels(ds.spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${ds.spec.nodeSelector && Object.keys(ds.spec.nodeSelector).length > 0 ? formatLabels(ds.spec.nodeSelector) : '<none>'}\n`);
  w.labels('Labels', ds.metadata.labels);
  w.annotations('Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st.desired}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st.current}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.upToDate}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st.available}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st.misscheduled}\n`);
  w.write(0, `Pods Status:\t${running} Running / ${waiting} Waiting / 0 Succeeded / 0 Failed\n`);
  describePodTemplate(w, ds.spec.template, ds.spec.nodeSelector ?? {});
  w.events(eventsFor(cluster, ds.metadata.uid), cluster.now);
  return w.toString();
}
