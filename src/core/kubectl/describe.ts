// kubectl describe: pod, service, node, endpoints (pkg/describe/describe.go).

import { notFoundLast } from './not-found-last.js';
import {
  containerState,
  restartsOf,
  type Terminated,
  eventsFor,
  formatLabels,
  isPodReady,
  loadBalancerIngressIP,
  podConditions,
  podPhase,
  endpointSlicesFor,
  visiblePodIP,
  type Cluster,
  type Endpoints,
  type Node,
  type Pod,
  type Service,
} from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { nodeHeartbeat } from './api-view.js';
import { DescribeWriter } from './describe-writer.js';
import {
  describeContainerResources,
  describeDaemonSet,
  describeDeployment,
  describeEndpointSlice,
  describeNamespace,
  describeReplicaSet,
} from './describe-workloads.js';
import { age, humanDuration, rfc1123z } from './duration.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { DESCRIBE_HELP } from './help.js';
import { parseSelector, selectorMatches, selectorRefusal } from './label-selector.js';
import { getItem, itemLabels, listItems, missingObject, type Item } from './lookup.js';
import { resolveType, slashedTargets, unknownTypeMessage, type ResourceType } from './resources.js';
import { nodeRoles } from './tables.js';
import { parseQuantity, podResources, withShare } from './node-resources.js';
import { append } from '../append.js';
import { formatSliceEndpoints } from './service-endpoints-line.js';

export function describePod(cluster: Cluster, pod: Pod): string {
  const w = new DescribeWriter();
  const now = cluster.now;
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  w.write(0, `Priority:\t${pod.spec.priority ?? 0}\n`);
  if (pod.spec.priorityClassName) w.write(0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  w.write(0, 'Service Account:\tdefault\n');
  // A pod the scheduler has not placed has no node, no start time and no container statuses yet.
  const bound = pod.spec.nodeName !== undefined;
  w.write(0, bound ? `Node:\t${pod.spec.nodeName}/${pod.status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (bound) w.write(0, `Start Time:\t${rfc1123z(pod.timeline.scheduledAt)}\n`);
  w.labels('Labels', pod.metadata.labels);
  w.annotations('Annotations', pod.metadata.annotations);
  const phase = podPhase(pod, now);
  if (pod.terminating && phase !== 'Failed' && phase !== 'Succeeded') {
    // describe.go describePod: how long until the deletionTimestamp (translateTimestampUntil), and the grace period.
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(Math.floor(pod.terminating.deletionTimestamp / 1000) * 1000 - now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.terminating.graceSeconds}s\n`);
  } else {
    w.write(0, `Status:\t${phase}\n`);
  }
  const ip = visiblePodIP(pod, now);
  w.write(0, `IP:\t${ip ?? ''}\n`);
  if (ip) {
    w.write(0, 'IPs:\n');
    w.write(1, `IP:\t${ip}\n`);
  } else w.write(0, 'IPs:\t<none>\n');
  if (pod.owner) w.write(0, `Controlled By:\t${pod.owner.kind}/${pod.owner.name}\n`);
  w.write(0, 'Containers:\n');
  const st = containerState(pod, now);
  // A container that has run (and may be waiting to run again) keeps its ID and image ID.
  const pulled = st.state === 'running' || st.state === 'terminated' || restartsOf(pod, now).count > 0;
  for (const c of pod.spec.containers) {
    w.write(1, `${c.name}:\n`);
    if (bound) w.write(2, `Container ID:\t${pulled ? pod.status.containerID : ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (bound) w.write(2, `Image ID:\t${pulled ? pod.status.imageID : ''}\n`);
    // describeContainerPorts / describeContainerHostPorts: number/protocol, no port name.
    const ports = c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(', ');
    const hostPorts = c.ports.map((p) => `0/${p.protocol}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    // describe.go describeContainerState: Running, Waiting (with its reason) or Terminated.
    const terminatedLines = (label: string, t: Terminated): void => {
      w.write(2, `${label}:\tTerminated\n`);
      w.write(3, `Reason:\t${t.reason}\n`);
      w.write(3, `Exit Code:\t${t.exitCode}\n`);
      w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
      w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
    };
    if (!bound) {
      // No status for the container: describe prints none of its state lines.
    } else if (st.state === 'running') {
      w.write(2, 'State:\tRunning\n');
      w.write(3, `Started:\t${rfc1123z(st.startedAt)}\n`);
    } else if (st.state === 'terminated') terminatedLines('State', st.terminated);
    else {
      w.write(2, 'State:\tWaiting\n');
      w.write(3, `Reason:\t${st.reason}\n`);
    }
    const restarts = restartsOf(pod, now);
    if (bound) {
      if (restarts.last) terminatedLines('Last State', restarts.last);
      w.write(2, `Ready:\t${isPodReady(pod, now) ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${restarts.count}\n`);
    }
    describeContainerResources(w, c.resources);
    if (c.env.length === 0) w.write(2, 'Environment:\t<none>\n');
    else {
      w.write(2, 'Environment:\n');
      for (const e of c.env) w.write(3, `${e.name}:\t${e.value}\n`);
    }
    w.write(2, 'Mounts:\n');
    w.write(3, `/var/run/secrets/kubernetes.io/serviceaccount from ${pod.tokenVolume} (ro)\n`);
  }
  w.write(0, 'Conditions:\n  Type\tStatus\n');
  for (const c of podConditions(pod, now)) w.write(1, `${c.type} \t${c.status} \n`);
  w.write(0, 'Volumes:\n');
  w.write(1, `${pod.tokenVolume}:\n`);
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  w.write(2, 'TokenExpirationSeconds:\t3607\n');
  w.write(2, 'ConfigMapName:\tkube-root-ca.crt\n    ConfigMapOptional:\t<nil>\n');
  w.write(2, 'DownwardAPI:\ttrue\n');
  w.write(0, `QoS Class:\t${pod.status.qosClass}\n`);
  w.labels('Node-Selectors', {});
  w.write(0, 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
  w.write(0, '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  w.events(eventsFor(cluster, pod.metadata.uid), now);
  return w.toString();
}

/** describe's Endpoints line for one service port (1.32 reads the service's EndpointSlices). */
function serviceEndpoints(cluster: Cluster, service: Service, portIndex: number): string {
  const sp = service.spec.ports[portIndex];
  if (!sp) return '<none>';
  return formatSliceEndpoints(endpointSlicesFor(cluster, service), sp.name ?? '');
}

export function describeService(cluster: Cluster, service: Service): string {
  const w = new DescribeWriter();
  const s = service.spec;
  w.write(0, `Name:\t${service.metadata.name}\n`);
  w.write(0, `Namespace:\t${service.metadata.namespace}\n`);
  w.labels('Labels', service.metadata.labels);
  w.annotations('Annotations', service.metadata.annotations);
  w.write(0, `Selector:\t${s.selector && Object.keys(s.selector).length > 0 ? formatLabels(s.selector) : '<none>'}\n`);
  w.write(0, `Type:\t${s.type}\n`);
  if (s.type !== 'ExternalName') {
    w.write(0, `IP Family Policy:\t${s.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${s.ipFamilies.join(',')}\n`);
  } else w.write(0, 'IP Families:\t<none>\n');
  w.write(0, `IP:\t${s.clusterIP}\n`);
  w.write(0, `IPs:\t${s.clusterIPs.length > 0 ? s.clusterIPs.join(',') : '<none>'}\n`);
  if (s.externalIPs && s.externalIPs.length > 0) w.write(0, `External IPs:\t${s.externalIPs.join(',')}\n`);
  if (s.externalName) w.write(0, `External Name:\t${s.externalName}\n`);
  const ingress = loadBalancerIngressIP(cluster, service);
  if (ingress) w.write(0, `LoadBalancer Ingress:\t${ingress} (VIP)\n`);
  s.ports.forEach((sp, i) => {
    const name = sp.name ?? '<unset>';
    w.write(0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
    if (sp.nodePort !== undefined) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
    w.write(0, `Endpoints:\t${serviceEndpoints(cluster, service, i)}\n`);
  });
  w.write(0, `Session Affinity:\t${s.sessionAffinity}\n`);
  if (s.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${s.externalTrafficPolicy}\n`);
  w.write(0, `Internal Traffic Policy:\t${s.internalTrafficPolicy}\n`);
  if (s.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${s.healthCheckNodePort}\n`);
  w.events(eventsFor(cluster, service.metadata.uid), cluster.now);
  return w.toString();
}

export function describeNode(cluster: Cluster, node: Node): string {
  const w = new DescribeWriter();
  const now = cluster.now;
  const i = node.status.nodeInfo;
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  w.labels('Labels', node.metadata.labels);
  w.annotations('Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints = node.spec.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  w.write(0, `Taints:\t${taints.length > 0 ? taints.join('\n\t') : '<none>'}\n`);
  w.write(0, 'Unschedulable:\tfalse\n');
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(now - (now % 10_000))}\n`);
  // The same last heartbeat -o yaml shows.
  const heartbeat = rfc1123z(nodeHeartbeat(now));
  const since = rfc1123z(node.metadata.creationTimestamp);
  const readySince = rfc1123z(node.metadata.creationTimestamp + 30_000);
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  w.write(1, `MemoryPressure \tFalse \t${heartbeat} \t${since} \tKubeletHasSufficientMemory \tkubelet has sufficient memory available\n`);
  w.write(1, `DiskPressure \tFalse \t${heartbeat} \t${since} \tKubeletHasNoDiskPressure \tkubelet has no disk pressure\n`);
  w.write(1, `PIDPressure \tFalse \t${heartbeat} \t${since} \tKubeletHasSufficientPID \tkubelet has sufficient PID available\n`);
  w.write(1, `Ready \tTrue \t${heartbeat} \t${readySince} \tKubeletReady \tkubelet is posting ready status\n`);
  w.write(0, 'Addresses:\n');
  for (const a of node.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status.capacity],
    ['Allocatable', node.status.allocatable],
  ] as const) {
    w.write(0, `${title}:\n`);
    for (const key of Object.keys(list).sort()) w.write(0, `  ${key}:\t${list[key] ?? ''}\n`);
  }
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${i.machineID}\n`);
  w.write(0, `  System UUID:\t${i.systemUUID}\n`);
  w.write(0, `  Boot ID:\t${i.bootID}\n`);
  w.write(0, `  Kernel Version:\t${i.kernelVersion}\n`);
  w.write(0, `  OS Image:\t${i.osImage}\n`);
  w.write(0, `  Operating System:\t${i.operatingSystem}\n`);
  w.write(0, `  Architecture:\t${i.architecture}\n`);
  w.write(0, `  Container Runtime Version:\t${i.containerRuntimeVersion}\n`);
  w.write(0, `  Kubelet Version:\t${i.kubeletVersion}\n`);
  if (i.kubeProxyVersion) w.write(0, `  Kube-Proxy Version:\t${i.kubeProxyVersion}\n`);
  w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  w.write(0, `PodCIDRs:\t${node.spec.podCIDR}\n`);
  // The API lists them by namespace and name; pods that have ended are not counted (describe.go describeNode's field selector).
  const key = (p: Pod): string => `${p.metadata.namespace}/${p.metadata.name}`;
  const pods = cluster.pods
    .filter((p) => p.spec.nodeName === node.metadata.name && !['Succeeded', 'Failed'].includes(podPhase(p, now)))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const cpuAlloc = parseQuantity(node.status.allocatable.cpu ?? '0', true);
  const memAlloc = parseQuantity(node.status.allocatable.memory ?? '0', false);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total = { cpuRequests: 0, cpuLimits: 0, memoryRequests: 0, memoryLimits: 0 };
  for (const p of pods) {
    const r = podResources(p);
    total.cpuRequests += r.cpuRequests;
    total.cpuLimits += r.cpuLimits;
    total.memoryRequests += r.memoryRequests;
    total.memoryLimits += r.memoryLimits;
    const cells = [
      withShare(r.cpuRequests, cpuAlloc, true),
      withShare(r.cpuLimits, cpuAlloc, true),
      withShare(r.memoryRequests, memAlloc, false),
      withShare(r.memoryLimits, memAlloc, false),
    ];
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cells.join('\t')}\t${age(p.metadata.creationTimestamp, now)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${withShare(total.cpuRequests, cpuAlloc, true)}\t${withShare(total.cpuLimits, cpuAlloc, true)}\n`);
  w.write(1, `memory\t${withShare(total.memoryRequests, memAlloc, false)}\t${withShare(total.memoryLimits, memAlloc, false)}\n`);
  for (const r of ['ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
  w.events(eventsFor(cluster, node.metadata.uid), now);
  return w.toString();
}

export function describeEndpoints(cluster: Cluster, endpoints: Endpoints): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${endpoints.metadata.name}\n`);
  w.write(0, `Namespace:\t${endpoints.metadata.namespace}\n`);
  w.labels('Labels', endpoints.metadata.labels);
  w.annotations('Annotations', endpoints.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const s of endpoints.subsets) {
    w.write(1, `Addresses:\t${s.addresses.map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${s.notReadyAddresses.map((a) => a.ip).join(',') || '<none>'}\n`);
    if (s.ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(2, `${p.name ?? '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, '\n');
  }
  w.events([], cluster.now);
  return w.toString();
}

function describeItem(cluster: Cluster, item: Item): string {
  switch (item.kind) {
    case 'Pod':
      return describePod(cluster, item.obj);
    case 'Service':
      return describeService(cluster, item.obj);
    case 'Node':
      return describeNode(cluster, item.obj);
    case 'Endpoints':
      return describeEndpoints(cluster, item.obj);
    case 'Deployment':
      return describeDeployment(cluster, item.obj);
    case 'ReplicaSet':
      return describeReplicaSet(cluster, item.obj);
    case 'Namespace':
      return describeNamespace(item.obj);
    case 'EndpointSlice':
      return describeEndpointSlice(item.obj);
    case 'Event':
      return `Name:         ${item.obj.metadata.name}\nNamespace:    ${item.obj.metadata.namespace}\nReason:       ${item.obj.event.reason}\nMessage:      ${item.obj.event.message}\n`;
    case 'DaemonSet':
      return describeDaemonSet(cluster, item.obj);
  }
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const out = new Output();
  const args = parsed.positional;
  if (args.length === 0) {
    return fail(
      cluster,
      clientError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.'),
    );
  }
  const targets: { type: ResourceType; name?: string }[] = [];
  if (args.some((a) => a.includes('/'))) {
    const slashed = slashedTargets(args);
    if (!slashed.ok) return fail(cluster, clientError(unknownTypeMessage(slashed.typeName)));
    append(targets, slashed.targets);
  } else {
    const [typeName = '', ...names] = args;
    const type = resolveType(typeName);
    if (type === 'empty') {
      out.err(flagBool(parsed, 'all-namespaces') ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`, false);
      return out.result(cluster);
    }
    if (!type) return fail(cluster, clientError(unknownTypeMessage(typeName)));
    if (names.length === 0) targets.push({ type });
    else for (const name of names) targets.push({ type, name });
  }
  const labelSelector = flagValue(parsed, 'selector') ?? '';
  const selector = parseSelector(labelSelector);
  if (!selector.ok) {
    const listed = targets.filter((target) => target.name === undefined);
    return fail(cluster, listed.map((target) => `${selectorRefusal(target.type, labelSelector, '', selector.error)}\n`).join(''));
  }
  const texts: string[] = [];
  for (const target of targets) {
    if (target.name === undefined) {
      const all = flagBool(parsed, 'all-namespaces');
      const items = listItems(cluster, target.type, all ? undefined : ctx.namespace).filter((i) => selectorMatches(selector.requirements, itemLabels(i)));
      if (items.length === 0) out.err(target.type.namespaced && !all ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found', false);
      append(
        texts,
        items.map((i) => describeItem(cluster, i)),
      );
      continue;
    }
    const exact = getItem(cluster, target.type, target.name, ctx.namespace);
    if (exact) {
      texts.push(describeItem(cluster, exact));
      continue;
    }
    const prefixed = listItems(cluster, target.type, ctx.namespace).filter((i) => i.obj.metadata.name.startsWith(target.name ?? ''));
    if (prefixed.length > 0)
      append(
        texts,
        prefixed.map((i) => describeItem(cluster, i)),
      );
    else out.err(apiErrorText(missingObject(cluster, target.type, target.name, ctx.namespace)));
  }
  out.write(texts.join('\n\n'));
  return out.result(cluster);
}

export const describeCommand: CommandDef = {
  name: 'describe',
  flags: [
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'show-events', kind: 'bool' },
  ],
  help: DESCRIBE_HELP,
  run: (ctx) => notFoundLast(run(ctx)),
};
