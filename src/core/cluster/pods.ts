// Creating, scheduling and deleting pods.

import { append } from '../append.js';
import { alreadyExists, invalidError, notFound, type Result } from './api-error.js';
import { invalid, notSupported, required, type FieldError } from './field-error.js';
import { digestOf, newUid, nextRevision, randomHex, randomSuffix } from './ids.js';
import { defaultPullPolicy, knownImage, pullOutcome, qualifiedImage } from './images.js';
import { EVENT_HORIZON_MS, kubeletEvent, pullEvents, type PullFailure } from './image-pull.js';
import { containerStartLog } from './container-log.js';
import { quickExitCode, quickExitEvents, RESTART_PULL_MS, type QuickExit } from './crash-loop.js';
import { formatIPv4, parseCidr } from './ip.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.js';
import { nextInt } from '../random.js';
import { recordEvents } from './events.js';
import { eventIndex, podIndex, podsReplacing, podsWith, podsWithout, qualifiedName } from './object-index.js';
import { admitCreate } from './namespaces.js';
import { isMirrorPod, recreateMirrorPod } from './mirror-pods.js';
import { serviceEnvVars } from './service-env.js';
import { nodeAddress } from './topology.js';
import { anyRoom, placePod, waitingPods } from './scheduler.js';
import { validateMetadata } from './metadata-validation.js';
import {
  DEFAULT_NAMESPACE,
  PROTOCOLS,
  type Cluster,
  type ClusterEvent,
  type Container,
  type ContainerPort,
  type EnvVar,
  type Labels,
  type Node,
  type Pod,
  type Protocol,
  type RestartPolicy,
} from './types.js';

export interface ContainerPortInput {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: string;
}

export interface ContainerInput {
  readonly name: string;
  readonly image: string;
  readonly ports?: readonly ContainerPortInput[];
  readonly env?: readonly EnvVar[];
  readonly imagePullPolicy?: string;
  /** The names of the volumes it mounts, as a manifest lists them (absent: none written). */
  readonly volumeMounts?: readonly string[];
}

/**
 * What the scheduler and the admission plugins add to a pod's spec at create, as a manifest
 * writes it back (a PUT carries it or not; create and apply ignore it).
 */
export interface PodPlacementInput {
  readonly nodeName?: string;
  /** spec.serviceAccountName, or the deprecated spec.serviceAccount it is read from. */
  readonly serviceAccountName?: string;
  /** The names of spec.volumes. */
  readonly volumes?: readonly string[];
}

export interface PodInput extends PodPlacementInput {
  readonly name: string;
  /** Absent: `default`. */
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly containers: readonly ContainerInput[];
  readonly restartPolicy?: string;
}

const RESTART_POLICIES: readonly RestartPolicy[] = ['Always', 'Never', 'OnFailure'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

export function findPod(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Pod | undefined {
  return podIndex(cluster.pods).byName.first(qualifiedName(namespace, name));
}

export function validatePod(input: PodInput): FieldError[] {
  const errors: FieldError[] = validateMetadata(input.name, input.labels, input.annotations, isDNS1123Subdomain);
  if (input.containers.length === 0) errors.push(required('spec.containers'));
  const names = new Set<string>();
  input.containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    if (c.name === '') errors.push(required(`${path}.name`));
    else {
      for (const msg of isDNS1123Label(c.name)) errors.push(invalid(`${path}.name`, c.name, msg));
      if (names.has(c.name)) errors.push({ type: 'Duplicate value', field: `${path}.name`, value: { kind: 'string', value: c.name }, detail: '' });
      names.add(c.name);
    }
    if (c.image.trim() === '') errors.push(required(`${path}.image`));
    const portNames = new Set<string>();
    (c.ports ?? []).forEach((p, j) => {
      const pp = `${path}.ports[${j}]`;
      if (p.name !== undefined && p.name !== '') {
        for (const msg of isValidPortName(p.name)) errors.push(invalid(`${pp}.name`, p.name, msg));
        if (portNames.has(p.name)) errors.push({ type: 'Duplicate value', field: `${pp}.name`, value: { kind: 'string', value: p.name }, detail: '' });
        portNames.add(p.name);
      }
      if (p.containerPort === 0) errors.push(required(`${pp}.containerPort`));
      else for (const msg of isValidPortNum(p.containerPort)) errors.push(invalid(`${pp}.containerPort`, p.containerPort, msg));
      const protocol = p.protocol ?? 'TCP';
      if (!(PROTOCOLS as readonly string[]).includes(protocol)) errors.push(notSupported(`${pp}.protocol`, protocol, PROTOCOLS));
    });
    if (c.imagePullPolicy !== undefined && !(PULL_POLICIES as readonly string[]).includes(c.imagePullPolicy)) {
      errors.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    }
  });
  const restart = input.restartPolicy ?? 'Always';
  if (!(RESTART_POLICIES as readonly string[]).includes(restart)) errors.push(notSupported('spec.restartPolicy', restart, RESTART_POLICIES));
  return errors;
}

/** host-local IPAM: the next free address after the last one handed out, .2 to .254, wrapping. */
function allocatePodIP(cluster: Cluster, node: Node): { ip: string; host: number } | undefined {
  const cidr = parseCidr(node.spec.podCIDR);
  const used = new Set(
    podIndex(cluster.pods)
      .byNode.get(node.metadata.name)
      .map((p) => p.status.podIP),
  );
  for (let i = 1; i <= 253; i++) {
    const host = ((node.lastPodHost - 2 + i) % 253) + 2;
    const ip = formatIPv4(cidr.base + host);
    if (!used.has(ip)) return { ip, host };
  }
  return undefined;
}

export function toContainer(input: ContainerInput): Container {
  return {
    name: input.name,
    image: input.image,
    ports: (input.ports ?? []).map((p): ContainerPort => ({
      ...(p.name ? { name: p.name } : {}),
      containerPort: p.containerPort,
      protocol: (p.protocol ?? 'TCP') as Protocol,
    })),
    env: input.env ?? [],
    imagePullPolicy: (input.imagePullPolicy as Container['imagePullPolicy'] | undefined) ?? defaultPullPolicy(input.image),
  };
}

export function createPod(cluster: Cluster, input: PodInput): Result<Pod> {
  // NamespaceLifecycle admission runs before the registry validates the object.
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const refused = admitCreate(cluster, namespace, 'pods', input.name);
  if (refused) return { ok: false, cluster, error: refused };
  const errors = validatePod(input);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Pod', input.name, errors) };
  if (findPod(cluster, input.name, namespace)) return { ok: false, cluster, error: alreadyExists('Pod', input.name) };

  let rng = cluster.rng;
  const uid = newUid(rng);
  rng = uid.rng;
  const containerId = randomHex(rng, 64);
  rng = containerId.rng;
  const volumeSuffix = randomSuffix(rng, 5);
  rng = volumeSuffix.rng;
  const containers = input.containers.map(toContainer);
  const image = containers[0]?.image ?? '';
  const known = knownImage(image);
  const waiting: Pod = {
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace,
      uid: uid.uid,
      resourceVersion: '',
      creationTimestamp: Math.floor(cluster.now / 1000) * 1000,
      labels: input.labels ?? {},
      annotations: input.annotations ?? {},
    },
    spec: {
      containers,
      restartPolicy: (input.restartPolicy as RestartPolicy | undefined) ?? 'Always',
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
    },
    status: {
      qosClass: 'BestEffort',
      containerID: `containerd://${containerId.text}`,
      imageID: `${qualifiedImage(image).replace(/:[^:/]+$/, '')}@sha256:${digestOf(qualifiedImage(image))}`,
      imageSize: known?.sizeBytes ?? 7_000_000 + (parseInt(digestOf(image).slice(0, 6), 16) % 90_000_000),
    },
    timeline: UNSCHEDULED,
    serviceEnv: serviceEnvVars(cluster.services.filter((s) => s.metadata.namespace === namespace)),
    tokenVolume: `kube-api-access-${volumeSuffix.text}`,
    log: [],
  };

  const placement = placePod(cluster);
  if (!placement.ok) {
    const revision = nextRevision({ ...cluster, rng });
    const pod: Pod = {
      ...waiting,
      metadata: { ...waiting.metadata, resourceVersion: revision.resourceVersion },
      unschedulable: { message: placement.message, since: cluster.now },
    };
    const next = recordEvents({ ...revision.cluster, pods: podsWith(revision.cluster.pods, pod) }, [failedScheduling(pod, placement.message, cluster.now)]);
    return { ok: true, cluster: next, value: pod };
  }
  const bound = bindPod({ ...cluster, rng }, waiting, placement.node);
  const revision = nextRevision(bound.cluster);
  const pod: Pod = { ...bound.pod, metadata: { ...bound.pod.metadata, resourceVersion: revision.resourceVersion } };
  const next = recordEvents({ ...revision.cluster, pods: podsWith(revision.cluster.pods, pod) }, bound.events);
  return { ok: true, cluster: next, value: pod };
}

/** A pod no node has taken yet: nothing of its start-up has a time. */
const UNSCHEDULED: Pod['timeline'] = { scheduledAt: Infinity, sandboxAt: Infinity, pullStartedAt: Infinity, pulledAt: Infinity, startedAt: Infinity };

/** The scheduler's Warning for a pod it could not place (schedule_one.go handleSchedulingFailure). */
function failedScheduling(pod: Pod, message: string, at: number): ClusterEvent {
  return {
    involved: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace },
    involvedUid: pod.metadata.uid,
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
    source: 'default-scheduler',
    at,
  };
}

/**
 * The scheduler binds a pod to a node at the cluster's now, and the node's kubelet starts it:
 * the sandbox and its IP from the node's pod CIDR, the image pull, the container. Returns the
 * bound pod (its resourceVersion left as it was), the events from Scheduled on, and the cluster
 * with its random generator and the node's IPAM moved on (the pod itself is not stored).
 */
function bindPod(cluster: Cluster, waiting: Pod, node: Node): { cluster: Cluster; pod: Pod; events: ClusterEvent[] } {
  let rng = cluster.rng;
  const { name, namespace, uid } = waiting.metadata;
  const address = allocatePodIP(cluster, node) ?? { ip: '', host: node.lastPodHost };
  const containers = waiting.spec.containers;
  const first = containers[0];
  const image = first?.image ?? '';

  // Times, in ms after binding: the sandbox, the image pull, the container start.
  const sandboxJitter = nextInt(rng, 400);
  rng = sandboxJitter.state;
  const sandboxAt = cluster.now + 600 + sandboxJitter.value;
  const pullStartedAt = sandboxAt + 200;
  const alreadyPresent =
    first?.imagePullPolicy === 'IfNotPresent' &&
    eventIndex(cluster.events)
      .pulledBySource.get(`kubelet/${node.metadata.name}`)
      .some((e) => e.message.includes(`"${image}"`));
  const pullTime = nextInt(rng, 3000);
  rng = pullTime.state;
  const outcome = alreadyPresent ? ({ ok: true } as const) : pullOutcome(image);
  const pullMs = alreadyPresent ? 0 : 1500 + pullTime.value;
  const failed = !outcome.ok;
  const pulledAt = failed ? Infinity : pullStartedAt + pullMs;
  const startedAt = pulledAt + 150;
  const failure: PullFailure | undefined = outcome.ok
    ? undefined
    : { reason: outcome.reason, message: outcome.message, failMs: 400 + (pullTime.value % 800), eventsUntil: cluster.now + EVENT_HORIZON_MS };

  const pod: Pod = {
    ...waiting,
    unschedulable: undefined,
    spec: { ...waiting.spec, nodeName: node.metadata.name },
    status: { ...waiting.status, hostIP: nodeAddress(node, 'InternalIP') ?? '', podIP: address.ip },
    timeline: { scheduledAt: cluster.now, sandboxAt, pullStartedAt, pulledAt, startedAt },
    log: failed ? [] : containerStartLog(image, startedAt, node),
    ...(failure ? { imagePull: failure } : {}),
  };
  const exitCode = failed ? undefined : quickExitCode(image);
  const quick: QuickExit | undefined =
    exitCode === undefined ? undefined : { exitCode, runMs: 40 + (pullTime.value % 60), eventsUntil: cluster.now + EVENT_HORIZON_MS };
  const withQuickExit: Pod = quick
    ? { ...pod, quickExit: quick, log: exitCode === 2 ? ["curl: try 'curl --help' or 'curl --manual' for more information"] : [] }
    : pod;

  const seconds = (ms: number): string => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
  const kubelet = `kubelet/${node.metadata.name}`;
  const ev = (reason: string, message: string, at: number, source = kubelet): ClusterEvent => ({
    involved: { kind: 'Pod', name, namespace },
    involvedUid: uid,
    type: 'Normal',
    reason,
    message,
    source,
    at,
  });
  const events: ClusterEvent[] = [ev('Scheduled', `Successfully assigned ${namespace}/${name} to ${node.metadata.name}`, cluster.now, 'default-scheduler')];
  if (failure) {
    append(events, pullEvents(pod, failure, 0, failure.eventsUntil));
  } else {
    if (alreadyPresent) {
      events.push(ev('Pulled', `Container image "${image}" already present on machine`, pulledAt));
    } else {
      events.push(ev('Pulling', `Pulling image "${image}"`, pullStartedAt));
      events.push(
        ev(
          'Pulled',
          `Successfully pulled image "${image}" in ${seconds(pullMs)} (${seconds(pullMs)} including waiting). Image size: ${pod.status.imageSize} bytes.`,
          pulledAt,
        ),
      );
    }
    for (const c of containers) {
      events.push(ev('Created', `Created container: ${c.name}`, startedAt - 50));
      events.push(ev('Started', `Started container ${c.name}`, startedAt));
    }
  }
  if (quick) append(events, quickExitEvents(withQuickExit, quick, 0, quick.eventsUntil, restartEvents(withQuickExit)));
  const nodes = cluster.nodes.map((n) => (n.metadata.name === node.metadata.name ? { ...n, lastPodHost: address.host } : n));
  return { cluster: { ...cluster, rng, nodes }, pod: withQuickExit, events };
}

/**
 * The scheduler takes up the pods waiting for a node, oldest first, once room frees up (a pod
 * deleted or ended, a ReplicaSet scaled down): each that fits now is bound, with its Scheduled
 * event. The same cluster event moved every waiting pod back to the active queue (the
 * NodeResourcesFit queueing hint for an assigned pod's deletion), so each one that still fits
 * nowhere fails again: another FailedScheduling event (the pod's condition changes only if the
 * message does). A pod deleted from the API frees its place at once here.
 */
export function scheduleWaiting(cluster: Cluster): Cluster {
  const waiting = waitingPods(cluster);
  if (waiting.length === 0 || !anyRoom(cluster)) return cluster;
  let next = cluster;
  let left = waiting.length;
  for (const pod of waiting) {
    const placement = placePod(next);
    if (!placement.ok) break;
    const bound = bindPod(next, pod, placement.node);
    next = recordEvents(replacePod(bound.cluster, bound.pod), bound.events);
    left--;
  }
  if (left === 0) return next;
  const placement = placePod(next);
  if (placement.ok) return next;
  const events: ClusterEvent[] = [];
  for (const pod of waiting.slice(waiting.length - left)) {
    events.push(failedScheduling(pod, placement.message, next.now));
    if (pod.unschedulable?.message !== placement.message) {
      next = replacePod(next, { ...pod, unschedulable: { message: placement.message, since: pod.unschedulable?.since ?? next.now } });
    }
  }
  return recordEvents(next, events);
}

/**
 * The kubelet's events for each restart of a container that exits at once: the pull (again, for
 * imagePullPolicy Always; "already present" otherwise), then Created and Started.
 */
export function restartEvents(pod: Pod): (startAt: number) => ClusterEvent[] {
  const c = pod.spec.containers[0];
  const image = c?.image ?? '';
  const name = c?.name ?? '';
  return (startAt) => {
    const ev = (reason: string, message: string, at: number): ClusterEvent => kubeletEvent(pod, 'Normal', reason, message, at);
    const pulls =
      c?.imagePullPolicy === 'Always'
        ? [
            ev('Pulling', `Pulling image "${image}"`, startAt - RESTART_PULL_MS),
            ev('Pulled', `Successfully pulled image "${image}" in 896ms (896ms including waiting). Image size: ${pod.status.imageSize} bytes.`, startAt - 200),
          ]
        : [ev('Pulled', `Container image "${image}" already present on machine`, startAt - 200)];
    return [...pulls, ev('Created', `Created container: ${name}`, startAt - 50), ev('Started', `Started container ${name}`, startAt)];
  };
}

/** How long a pod stays unschedulable before the scheduler tries it again (podMaxInUnschedulablePodsDuration). */
const UNSCHEDULABLE_MAX_MS = 5 * 60_000;
/** How often the scheduler looks for such pods (flushUnschedulablePodsLeftover). */
const FLUSH_EVERY_MS = 30_000;

/** The first flush after a pod has waited five minutes since `triedAt`. */
const nextRetry = (triedAt: number): number => (Math.floor((triedAt + UNSCHEDULABLE_MAX_MS) / FLUSH_EVERY_MS) + 1) * FLUSH_EVERY_MS;

/**
 * Pods that wait with nothing changing are tried again once they have waited five minutes (the
 * queue's flush every 30s), and fail again: a FailedScheduling event each time, up to the clock.
 */
export function retryUnschedulable(cluster: Cluster): Cluster {
  const waiting = waitingPods(cluster);
  if (waiting.length === 0) return cluster;
  const placement = placePod(cluster);
  if (placement.ok) return cluster;
  const byUid = eventIndex(cluster.events).byUid;
  const events: ClusterEvent[] = [];
  for (const pod of waiting) {
    let triedAt = pod.unschedulable?.since ?? pod.metadata.creationTimestamp;
    for (const e of byUid.get(pod.metadata.uid)) if (e.reason === 'FailedScheduling' && e.at > triedAt) triedAt = e.at;
    for (let at = nextRetry(triedAt); at <= cluster.now; at = nextRetry(at)) events.push(failedScheduling(pod, placement.message, at));
  }
  return recordEvents(cluster, events);
}

export function deletePod(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Result<Pod> {
  const pod = findPod(cluster, name, namespace);
  if (!pod) return { ok: false, cluster, error: notFound('pods', name) };
  const without = { ...cluster, pods: podsWithout(cluster.pods, pod) };
  // A static pod's kubelet makes its mirror pod again at once: the pod itself never stopped.
  if (isMirrorPod(pod)) return { ok: true, cluster: recreateMirrorPod(without, pod), value: pod };
  // A bound pod's place on its node is free again: a waiting pod may take it.
  return { ok: true, cluster: pod.spec.nodeName === undefined ? without : scheduleWaiting(without), value: pod };
}

/** Replaces a stored pod (same uid), bumping its resourceVersion. */
export function replacePod(cluster: Cluster, pod: Pod): Cluster {
  const revision = nextRevision(cluster);
  const updated: Pod = { ...pod, metadata: { ...pod.metadata, resourceVersion: revision.resourceVersion } };
  return { ...revision.cluster, pods: podsReplacing(revision.cluster.pods, (p) => p.metadata.uid === pod.metadata.uid, updated) };
}

/**
 * A pod whose container image changed (apply, patch, set image): the kubelet kills the container
 * ("definition changed") and starts a new one from the new image, which is pulled first
 * (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions). RESTARTS goes up by one.
 * A container still being pulled and started is started first: the pod's worker finishes the sync
 * it is in, with the spec it began with, and the next sync restarts it (pkg/kubelet/pod_workers.go).
 * One that never started, its image refused, has nothing to kill: the next sync starts the new one.
 */
export function restartForNewImage(cluster: Cluster, pod: Pod, containerName?: string): Cluster {
  const container = pod.spec.containers.find((c) => c.name === containerName) ?? pod.spec.containers[0];
  // A pod still waiting for a node has no container to restart: the new image is simply its spec.
  if (!container || pod.spec.nodeName === undefined) return cluster;
  const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
  const neverStarts = pod.timeline.startedAt === Infinity;
  const now = neverStarts ? cluster.now : Math.max(cluster.now, pod.timeline.startedAt);
  const wasRunning = !neverStarts;
  const killedAt = now + 200;
  const pullStartedAt = killedAt + 800;
  const image = container.image;
  const outcome = pullOutcome(image);
  const pullMs = 1500 + (parseInt(digestOf(`${pod.metadata.uid}:${image}`).slice(0, 4), 16) % 2500);
  const pulledAt = outcome.ok ? pullStartedAt + pullMs : Infinity;
  const startedAt = pulledAt + 150;
  const ev = (type: 'Normal' | 'Warning', reason: string, message: string, at: number): ClusterEvent => kubeletEvent(pod, type, reason, message, at);
  const failure: PullFailure | undefined = outcome.ok
    ? undefined
    : { reason: outcome.reason, message: outcome.message, failMs: 600, eventsUntil: now + EVENT_HORIZON_MS };
  const known = knownImage(image);
  const restarted: Pod = {
    ...pod,
    status: {
      ...pod.status,
      containerID: `containerd://${digestOf(`${pod.status.containerID}:restart`)}`,
      imageID: `${qualifiedImage(image).replace(/:[^:/]+$/, '')}@sha256:${digestOf(qualifiedImage(image))}`,
      imageSize: known?.sizeBytes ?? pod.status.imageSize,
    },
    timeline: { ...pod.timeline, pullStartedAt, pulledAt, startedAt },
    log: outcome.ok && node ? containerStartLog(image, startedAt, node) : [],
    restartCount: (pod.restartCount ?? 0) + (wasRunning ? 1 : 0),
    ...(wasRunning ? { lastTermination: { startedAt: pod.timeline.startedAt, finishedAt: killedAt, containerID: pod.status.containerID } } : {}),
  };
  const next: Pod = { ...restarted, imagePull: failure };
  const events: ClusterEvent[] = wasRunning ? [ev('Normal', 'Killing', `Container ${container.name} definition changed, will be restarted`, killedAt)] : [];
  if (failure) append(events, pullEvents(next, failure, 0, failure.eventsUntil));
  else {
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
    events.push(
      ev('Normal', 'Pulling', `Pulling image "${image}"`, pullStartedAt),
      ev(
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${seconds(pullMs)} (${seconds(pullMs)} including waiting). Image size: ${next.status.imageSize} bytes.`,
        pulledAt,
      ),
      ev('Normal', 'Created', `Created container: ${container.name}`, startedAt - 50),
      ev('Normal', 'Started', `Started container ${container.name}`, startedAt),
    );
  }
  // What the kubelet had still to do for the old spec (a pull it would try again, its back-off) it
  // no longer does: the pod's kubelet events yet to come are dropped.
  const pending = (e: ClusterEvent): boolean => e.involvedUid === pod.metadata.uid && e.at > now && e.source.startsWith('kubelet');
  const kept = cluster.events.some(pending) ? cluster.events.filter((e) => !pending(e)) : cluster.events;
  return recordEvents({ ...cluster, events: kept, pods: podsReplacing(cluster.pods, (p) => p.metadata.uid === pod.metadata.uid, next) }, events);
}
