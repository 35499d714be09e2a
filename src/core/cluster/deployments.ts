// Deployments and the deployment controller (pkg/controller/deployment), in virtual time.
//
// A Deployment owns one ReplicaSet per pod template it has had; the one whose
// pod-template-hash matches the current template is the new one. A first rollout scales the new
// ReplicaSet straight to spec.replicas. A later one (a changed template) is a rolling update with
// the default strategy, 25% max surge (rounded up) and 25% max unavailable (rounded down):
// the new ReplicaSet grows while the total stays within replicas + maxSurge, and old ones shrink
// only while replicas - maxUnavailable pods stay available (rolling.go reconcileNewReplicaSet,
// reconcileOldReplicaSets). Pods become available as their containers start, so the rollout
// moves on as the virtual clock does: see settleWorkloads.

import { invalidError, notFound, type Result } from './api-error.js';
import { recordEvents } from './events.js';
import { invalid, required, type FieldError } from './field-error.js';
import { deploymentGeneration } from './generation.js';
import { sameJson, sameLabels } from './same-value.js';
import { newUid, nextRevision } from './ids.js';
import { validateMetadata } from './metadata-validation.js';
import { isDNS1123Subdomain } from './names.js';
import { deletePod, validatePod } from './pods.js';
import { isPodReady } from './pod-status.js';
import { podTemplateHash } from './pod-template-hash.js';
import { activePodsOfReplicaSet, podsOfReplicaSet, reconcileReplicaSets, replicaSetsOf, withReplicaSet } from './replicasets.js';
import { matchesSelector } from './selectors.js';
import type { WorkloadInput } from './workload-writes.js';
import {
  DEFAULT_NAMESPACE,
  type Cluster,
  type ClusterEvent,
  type Container,
  type Deployment,
  type Labels,
  type PodTemplate,
  type ReplicaSet,
} from './types.js';
import { append, largest } from '../append.js';
import { getOwn } from '../own.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

export const deploymentsOf = (cluster: Cluster): readonly Deployment[] => cluster.deployments ?? [];

export function findDeployment(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Deployment | undefined {
  return deploymentsOf(cluster).find((d) => d.metadata.name === name && d.metadata.namespace === namespace);
}

export interface DeploymentInput extends WorkloadInput {
  readonly selector: Labels;
}

/** The default RollingUpdate strategy's numbers for a replica count. */
export function rollingNumbers(replicas: number): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = Math.ceil(replicas * 0.25);
  let maxUnavailable = Math.floor(replicas * 0.25);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export const ownedReplicaSets = (cluster: Cluster, d: Deployment): ReplicaSet[] => replicaSetsOf(cluster).filter((rs) => rs.owner?.uid === d.metadata.uid);

/**
 * The ReplicaSet for the deployment's current template, if it exists yet: the one whose template
 * is the deployment's, its pod-template-hash label aside (deployment/util FindNewReplicaSet,
 * EqualIgnoreHash). CoreDNS's ReplicaSet keeps the hash kubeadm's cluster gave it.
 */
export function newReplicaSet(cluster: Cluster, d: Deployment): ReplicaSet | undefined {
  const hash = podTemplateHash(d.spec.template);
  return ownedReplicaSets(cluster, d).find((rs) => rs.metadata.labels[POD_TEMPLATE_HASH] === hash || podTemplateHash(withoutHash(rs.spec.template)) === hash);
}

function withoutHash(template: PodTemplate): PodTemplate {
  const labels: Record<string, string> = { ...template.labels };
  delete labels[POD_TEMPLATE_HASH];
  return { ...template, labels };
}

export function oldReplicaSets(cluster: Cluster, d: Deployment): ReplicaSet[] {
  const current = newReplicaSet(cluster, d);
  return ownedReplicaSets(cluster, d).filter((rs) => rs !== current);
}

export const revisionOf = (rs: ReplicaSet): number => Number(rs.metadata.annotations[REVISION_ANNOTATION] ?? '0') || 0;

export interface DeploymentStatus {
  /** Pods of every owned ReplicaSet. */
  readonly replicas: number;
  readonly updatedReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly unavailableReplicas: number;
}

export function deploymentStatus(cluster: Cluster, d: Deployment): DeploymentStatus {
  const current = newReplicaSet(cluster, d);
  let replicas = 0;
  let updated = 0;
  let ready = 0;
  for (const rs of ownedReplicaSets(cluster, d)) {
    // status.replicas counts a ReplicaSet's active pods: a terminating one no longer counts.
    for (const pod of activePodsOfReplicaSet(cluster, rs)) {
      replicas++;
      if (rs === current) updated++;
      if (isPodReady(pod, cluster.now)) ready++;
    }
  }
  return { replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: ready, unavailableReplicas: Math.max(0, d.spec.replicas - ready) };
}

/** A workload's pod template checked as a pod's (apivalidation.ValidatePodTemplateSpec), under spec.template. */
export function podTemplateErrors(name: string, template: PodTemplate): FieldError[] {
  const errors: FieldError[] = [];
  for (const e of validatePod({ name, labels: template.labels, containers: template.containers })) {
    if (e.field.startsWith('metadata.name')) continue;
    const field = e.field.startsWith('metadata.') ? `spec.template.${e.field}` : e.field.replace(/^spec\./, 'spec.template.spec.');
    errors.push({ ...e, field });
  }
  return errors;
}

export function validateDeployment(input: DeploymentInput): FieldError[] {
  const errors: FieldError[] = validateMetadata(input.name, input.labels, input.annotations, isDNS1123Subdomain);
  if (!Number.isInteger(input.replicas) || input.replicas < 0) errors.push(invalid('spec.replicas', input.replicas, 'must be greater than or equal to 0'));
  if (Object.keys(input.selector).length === 0) errors.push(required('spec.selector'));
  append(errors, podTemplateErrors(input.name, input.template));
  const labels = input.template.labels;
  const matches = Object.entries(input.selector).every(([k, v]) => labels[k] === v);
  if (!matches) {
    const goMap = `map[string]string{${Object.keys(labels)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`)
      .join(', ')}}`;
    errors.push({
      type: 'Invalid value',
      field: 'spec.template.metadata.labels',
      value: { kind: 'raw', text: goMap },
      detail: '`selector` does not match template `labels`',
    });
  }
  return errors;
}

function deploymentEvent(d: Deployment, message: string, at: number): ClusterEvent {
  return {
    involved: { kind: 'Deployment', name: d.metadata.name, namespace: d.metadata.namespace },
    involvedUid: d.metadata.uid,
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message,
    source: 'deployment-controller',
    at,
  };
}

/** Replaces one stored Deployment (same uid). */
export function withDeployment(cluster: Cluster, d: Deployment): Cluster {
  return { ...cluster, deployments: deploymentsOf(cluster).map((x) => (x.metadata.uid === d.metadata.uid ? d : x)) };
}

/** Sets a ReplicaSet's replicas, with the deployment's event and annotations. */
function scaleReplicaSet(cluster: Cluster, d: Deployment, rs: ReplicaSet, to: number, justCreated = false): Cluster {
  const from = rs.spec.replicas;
  if (from === to) return cluster;
  const revision = nextRevision(cluster);
  const { maxSurge } = rollingNumbers(d.spec.replicas);
  const updated: ReplicaSet = {
    ...rs,
    metadata: {
      ...rs.metadata,
      resourceVersion: revision.resourceVersion,
      annotations: {
        ...rs.metadata.annotations,
        [DESIRED_REPLICAS_ANNOTATION]: String(d.spec.replicas),
        [MAX_REPLICAS_ANNOTATION]: String(d.spec.replicas + maxSurge),
      },
    },
    spec: { ...rs.spec, replicas: to },
    // A ReplicaSet the controller has just made is created with its replicas (sync.go
    // getNewReplicaSet): its generation stays 1. Any later scale is an update of its spec.
    generation: justCreated ? rs.generation : rs.generation + 1,
  };
  // sync.go: "Scaled up replica set X to N" when the ReplicaSet is created, "... to N from M" after.
  const verb = to > from ? 'up' : 'down';
  const message = justCreated ? `Scaled up replica set ${rs.metadata.name} to ${to}` : `Scaled ${verb} replica set ${rs.metadata.name} to ${to} from ${from}`;
  return recordEvents(withReplicaSet(revision.cluster, updated), [deploymentEvent(d, message, cluster.now)]);
}

function nextRevisionNumber(cluster: Cluster, d: Deployment): number {
  return largest(ownedReplicaSets(cluster, d).map(revisionOf), 0) + 1;
}

/** Creates the ReplicaSet for the current template (0 replicas), or brings an old one back as the newest revision. */
function ensureNewReplicaSet(cluster: Cluster, d: Deployment): Cluster {
  const existing = newReplicaSet(cluster, d);
  const revisionNumber = String(nextRevisionNumber(cluster, d));
  if (existing) {
    // Every sync writes the new ReplicaSet's revision on the Deployment, so one a replace took
    // away comes back (sync.go getNewReplicaSet, SetDeploymentRevision).
    if (revisionOf(existing) === largest(ownedReplicaSets(cluster, d).map(revisionOf), -Infinity))
      return setDeploymentRevision(cluster, d, String(revisionOf(existing)));
    const moved: ReplicaSet = {
      ...existing,
      metadata: { ...existing.metadata, annotations: { ...existing.metadata.annotations, [REVISION_ANNOTATION]: revisionNumber } },
    };
    return setDeploymentRevision(withReplicaSet(cluster, moved), d, revisionNumber);
  }
  const hash = podTemplateHash(d.spec.template);
  const uid = newUid(cluster.rng);
  const revision = nextRevision({ ...cluster, rng: uid.rng });
  const labels = { ...d.spec.template.labels, [POD_TEMPLATE_HASH]: hash };
  const { maxSurge } = rollingNumbers(d.spec.replicas);
  const rs: ReplicaSet = {
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      uid: uid.uid,
      resourceVersion: revision.resourceVersion,
      creationTimestamp: Math.floor(cluster.now / 1000) * 1000,
      labels,
      annotations: {
        [DESIRED_REPLICAS_ANNOTATION]: String(d.spec.replicas),
        [MAX_REPLICAS_ANNOTATION]: String(d.spec.replicas + maxSurge),
        [REVISION_ANNOTATION]: revisionNumber,
      },
    },
    owner: { kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid },
    generation: 1,
    spec: { replicas: 0, selector: { ...d.spec.selector, [POD_TEMPLATE_HASH]: hash }, template: { labels, containers: d.spec.template.containers } },
  };
  const next = { ...revision.cluster, replicaSets: [...replicaSetsOf(revision.cluster), rs] };
  return setDeploymentRevision(next, d, revisionNumber);
}

function setDeploymentRevision(cluster: Cluster, d: Deployment, revision: string): Cluster {
  const live = deploymentsOf(cluster).find((x) => x.metadata.uid === d.metadata.uid) ?? d;
  if (live.metadata.annotations[REVISION_ANNOTATION] === revision) return cluster;
  return withDeployment(cluster, {
    ...live,
    metadata: { ...live.metadata, annotations: { ...live.metadata.annotations, [REVISION_ANNOTATION]: revision } },
  });
}

/**
 * The deployment controller adopts orphaned ReplicaSets its selector matches, in its namespace
 * (pkg/controller/controller_ref_manager.go ClaimReplicaSets): one left by a Deployment deleted
 * with --cascade=orphan belongs to a Deployment made again with the same selector.
 */
function adoptReplicaSets(cluster: Cluster, d: Deployment): Cluster {
  const orphans = replicaSetsOf(cluster).filter(
    (rs) => rs.owner === undefined && !rs.deleting && rs.metadata.namespace === d.metadata.namespace && matchesSelector(d.spec.selector, rs.metadata.labels),
  );
  if (orphans.length === 0) return cluster;
  let next = cluster;
  for (const rs of orphans) {
    const revision = nextRevision(next);
    const adopted: ReplicaSet = {
      ...rs,
      owner: { kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid },
      metadata: { ...rs.metadata, resourceVersion: revision.resourceVersion },
    };
    next = withReplicaSet(revision.cluster, adopted);
  }
  return next;
}

/** One pass of the deployment controller over one deployment. */
function reconcileDeployment(cluster: Cluster, d: Deployment): Cluster {
  const created = newReplicaSet(cluster, d) === undefined;
  let next = ensureNewReplicaSet(cluster, d);
  const current = newReplicaSet(next, d);
  if (!current) return next;
  const olds = oldReplicaSets(next, d).sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp);
  const oldReplicas = olds.reduce((sum, rs) => sum + rs.spec.replicas, 0);
  if (oldReplicas === 0) return scaleReplicaSet(next, d, current, d.spec.replicas, created);

  const replicas = d.spec.replicas;
  const { maxSurge, maxUnavailable } = rollingNumbers(replicas);
  // Scale the new ReplicaSet up, within replicas + maxSurge pods in all.
  const total = current.spec.replicas + oldReplicas;
  const room = Math.max(0, replicas + maxSurge - total);
  const target = Math.min(replicas, current.spec.replicas + room);
  if (target > current.spec.replicas) next = scaleReplicaSet(next, d, current, target, created);
  else if (current.spec.replicas > replicas) next = scaleReplicaSet(next, d, current, replicas);

  // Scale old ReplicaSets down while enough pods stay available.
  const now = next.now;
  const fresh = newReplicaSet(next, d) ?? current;
  const allPods = ownedReplicaSets(next, d).reduce((sum, rs) => sum + activePodsOfReplicaSet(next, rs).length, 0);
  const freshPods = activePodsOfReplicaSet(next, fresh);
  const newUnavailable = freshPods.filter((p) => !isPodReady(p, now)).length + Math.max(0, fresh.spec.replicas - freshPods.length);
  let canRemove = allPods - (replicas - maxUnavailable) - newUnavailable;
  for (const old of olds) {
    if (canRemove <= 0) break;
    const live = replicaSetsOf(next).find((rs) => rs.metadata.uid === old.metadata.uid) ?? old;
    const cut = Math.min(live.spec.replicas, canRemove);
    if (cut > 0) {
      next = scaleReplicaSet(next, d, live, live.spec.replicas - cut);
      canRemove -= cut;
    }
  }
  return next;
}

/** Runs the deployment and ReplicaSet controllers until nothing changes at this moment. */
export function reconcileWorkloads(cluster: Cluster): Cluster {
  if (deploymentsOf(cluster).length === 0 && replicaSetsOf(cluster).length === 0) return cluster;
  let next = cluster;
  for (let pass = 0; pass < 6; pass++) {
    const before = next;
    // A deployment being deleted in the foreground is left alone (deployment_controller.go syncDeployment).
    for (const d of deploymentsOf(next)) if (!d.deleting) next = reconcileDeployment(adoptReplicaSets(next, d), d);
    next = reconcileReplicaSets(next);
    if (next === before) break;
  }
  return next;
}

/**
 * Moves the clock to `until`, letting the controllers act at each moment a pod they own becomes
 * ready on the way (a rolling update takes its next step as soon as it may).
 */
export function settleWorkloads(cluster: Cluster, until: number): Cluster {
  let next = reconcileWorkloads(cluster);
  for (let steps = 0; steps < 1000; steps++) {
    const owned = new Set(replicaSetsOf(next).map((rs) => rs.metadata.uid));
    let soonest = Infinity;
    for (const pod of next.pods) {
      if (!pod.owner || !owned.has(pod.owner.uid)) continue;
      const t = pod.timeline.startedAt;
      if (t > next.now && t <= until && t < soonest) soonest = t;
    }
    if (soonest === Infinity) break;
    next = reconcileWorkloads({ ...next, now: soonest });
  }
  return reconcileWorkloads({ ...next, now: until });
}

/** A Deployment's labels and annotations, as an update (apply, replace) sets them. */
export interface DeploymentMeta {
  readonly labels: Labels;
  readonly annotations: Labels;
}

/** Changes a deployment's spec (replicas, template), and its labels and annotations when given, and lets the controllers act. */
export function updateDeployment(
  cluster: Cluster,
  name: string,
  change: (d: Deployment) => Deployment['spec'],
  namespace: string = DEFAULT_NAMESPACE,
  meta?: DeploymentMeta,
): Result<Deployment> {
  const live = findDeployment(cluster, name, namespace);
  if (!live) return { ok: false, cluster, error: notFound('deployments.apps', name) };
  const spec = change(live);
  const { labels, annotations } = meta ?? live.metadata;
  const same = sameJson(spec, live.spec) && sameLabels(labels, live.metadata.labels) && sameLabels(annotations, live.metadata.annotations);
  if (same) return { ok: true, cluster, value: live };
  const revision = nextRevision(cluster);
  const updated: Deployment = {
    ...live,
    generation: deploymentGeneration(live, spec, annotations),
    metadata: { ...live.metadata, resourceVersion: revision.resourceVersion, labels, annotations },
    spec,
  };
  const input: DeploymentInput = { name, namespace, labels, annotations, replicas: spec.replicas, selector: spec.selector, template: spec.template };
  const errors = validateDeployment(input);
  if (errors.length > 0) return { ok: false, cluster, error: invalidError('Deployment.apps', name, errors) };
  const next = reconcileWorkloads(withDeployment(revision.cluster, updated));
  return { ok: true, cluster: next, value: findDeployment(next, name, namespace) ?? updated };
}

export function scaleDeployment(cluster: Cluster, name: string, replicas: number, namespace: string = DEFAULT_NAMESPACE): Result<Deployment> {
  return updateDeployment(cluster, name, (d) => ({ ...d.spec, replicas }), namespace);
}

/** `set image`: container name -> image; unknown container names are the caller's to report. */
export function setDeploymentImages(
  cluster: Cluster,
  name: string,
  images: Readonly<Record<string, string>>,
  namespace: string = DEFAULT_NAMESPACE,
): Result<Deployment> {
  return updateDeployment(
    cluster,
    name,
    (d) => ({
      ...d.spec,
      template: {
        ...d.spec.template,
        containers: d.spec.template.containers.map((c): Container => ({ ...c, image: getOwn(images, c.name) ?? c.image })),
      },
    }),
    namespace,
  );
}

/** Deletes a deployment with its ReplicaSets and their pods (the garbage collector's cascade). */
export function deleteDeployment(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Result<Deployment> {
  const live = findDeployment(cluster, name, namespace);
  if (!live) return { ok: false, cluster, error: notFound('deployments.apps', name) };
  let next: Cluster = { ...cluster, deployments: deploymentsOf(cluster).filter((d) => d !== live) };
  for (const rs of ownedReplicaSets(cluster, live)) next = deleteReplicaSetCascade(next, rs);
  return { ok: true, cluster: next, value: live };
}

export function deleteReplicaSetCascade(cluster: Cluster, rs: ReplicaSet): Cluster {
  let next: Cluster = { ...cluster, replicaSets: replicaSetsOf(cluster).filter((r) => r.metadata.uid !== rs.metadata.uid) };
  for (const pod of podsOfReplicaSet(cluster, rs)) {
    const deleted = deletePod(next, pod.metadata.name, pod.metadata.namespace);
    if (deleted.ok) next = deleted.cluster;
  }
  return next;
}

/** `kubectl delete rs NAME`: the pods go with it; a deployment that owned it makes a new one. */
export function deleteReplicaSet(cluster: Cluster, name: string, namespace: string = DEFAULT_NAMESPACE): Result<ReplicaSet> {
  const live = replicaSetsOf(cluster).find((rs) => rs.metadata.name === name && rs.metadata.namespace === namespace);
  if (!live) return { ok: false, cluster, error: notFound('replicasets.apps', name) };
  return { ok: true, cluster: reconcileWorkloads(deleteReplicaSetCascade(cluster, live)), value: live };
}
