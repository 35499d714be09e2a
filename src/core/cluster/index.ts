// The simulated cluster's public API.

export * from './types.js';
export { createCluster, advanceClock, type CreateClusterOptions } from './create-cluster.js';
export { createPod, deletePod, findPod, scheduleWaiting, validatePod, type PodInput, type ContainerInput, type ContainerPortInput } from './pods.js';
export {
  createService,
  updateService,
  replaceService,
  deleteService,
  findService,
  serviceOnNodePort,
  serviceWithClusterIP,
  usedNodePorts,
  serviceToInput,
  type ServiceInput,
  type ServicePortInput,
} from './services.js';
export { podUpdateDiff, goCmpDiff, podSpecValue, type GoValue, type ContainerUpdate } from './pod-spec-diff.js';
export {
  createObject,
  applyObject,
  replaceObject,
  deleteObject,
  findObject,
  type ApiObject,
  type ObjectKind,
  type ApplyAction,
  type ApplyOutcome,
} from './objects.js';
export { decodeObject, isSupportedKind, type DecodedObject, type DecodeResult } from './decode.js';
export { endpointsFor, listEndpoints, findEndpoints, selectedPods, resolveTargetPort, readyEndpointsForPort } from './endpoints.js';
export { logRefusal } from './log-refusal.js';
export { podPhase, containerState, isPodReady, visiblePodIP, podConditions, restartsOf, type ContainerState } from './pod-status.js';
export { quickExitCode, runsOf, type Terminated, type QuickExit } from './crash-loop.js';
export { whatAnswers, podByIP, serveHttp, httpDate, type PortAnswer, type HttpResponse } from './answer.js';
export { appendAccessLog, formatAccessLine, type AccessLogEntry } from './access-log.js';
export { setLabels, type LabelledKind } from './labels.js';
export { eventsFor, aggregateEvents, type AggregatedEvent } from './events.js';
export { loadBalancerIngressIP, serviceWithLoadBalancerIP, LOAD_BALANCER_PROVISION_MS } from './load-balancer.js';
export { pullOutcome, normalizeImage, canonicalImage, type PullOutcome } from './images.js';
export { pullWaiting, pullEvents, type PullFailure } from './image-pull.js';
export { matchesSelector, formatLabels } from './selectors.js';
export { knownImage, parseImage, type KnownImage, type ImageTools } from './images.js';
export type { Folders } from './image-folders.js';
export { isControlPlane, nodeAddress, DEFAULT_NODES, DEFAULT_START, DEFAULT_CONFIG, type NodePlan } from './topology.js';
export { nodePortBandOffset, allocateNextNodePort, checkNodePort, formatRange } from './node-port-allocator.js';
export { allocateNextClusterIP, clusterIPBandOffset } from './cluster-ip-allocator.js';
export { serviceEnvVars } from './service-env.js';
export { randomHexFromText } from './ids.js';
export { isValidPortName, isDNS1123Label, isDNS1035Label, isDNS1123Subdomain } from './names.js';
export { formatFieldError, fieldErrorBody, type FieldError, type FieldErrorType } from './field-error.js';
export type { ApiError, ApiErrorKind, Result } from './api-error.js';
export { nextInt } from '../random.js';
export { parseIPv4, parseCidr, cidrContains, formatCidr } from './ip.js';
export {
  firewallOf,
  firewallAllows,
  firewallAllowsAll,
  firewallAllowsNone,
  openFirewall,
  closeFirewall,
  formatPortRange,
  OPEN_FIREWALL,
  MIN_PORT,
  MAX_PORT,
} from './firewall.js';
export {
  updateDeployment,
  scaleDeployment,
  setDeploymentImages,
  deleteDeployment,
  deleteReplicaSet,
  findDeployment,
  deploymentsOf,
  deploymentStatus,
  newReplicaSet,
  oldReplicaSets,
  ownedReplicaSets,
  reconcileWorkloads,
  settleWorkloads,
  rollingNumbers,
  revisionOf,
  REVISION_ANNOTATION,
  POD_TEMPLATE_HASH,
  type DeploymentInput,
  type DeploymentStatus,
} from './deployments.js';
export { deleteWorkload, collectGarbage, foregroundGoneAt, COLLECTION_DELAY_MS, PROPAGATIONS, type Propagation } from './garbage-collector.js';
export { activePodsOfReplicaSet, findReplicaSet, podsOfReplicaSet, replicaSetsOf } from './replicasets.js';
export { podTemplateHash, safeEncode } from './pod-template-hash.js';
export {
  listNamespaces,
  findNamespace,
  namespaceExists,
  createNamespace,
  deleteNamespace,
  setNamespaceLabels,
  updateNamespaceMeta,
  NAMESPACE_NAMES,
  NAMESPACE_NAME_LABEL,
  type Namespace,
  type NamespaceInput,
} from './namespaces.js';
export {
  endpointSlicesFor,
  servingTerminatingEndpointsForPort,
  listEndpointSlices,
  findEndpointSlice,
  SERVICE_NAME_LABEL,
  MANAGED_BY_LABEL,
  type EndpointSlice,
  type SliceEndpoint,
  type SlicePort,
} from './endpoint-slices.js';
export { listEventObjects, eventName, type EventObject } from './event-list.js';
export { invalidError } from './api-error.js';
export { decodeDeployment, isDeploymentManifest, type DeploymentManifest } from './deployment-manifest.js';
export { createDeployment, DEPLOYMENT_WRITES } from './deployment-writes.js';
export { decodeReplicaSet, isReplicaSetManifest, type ReplicaSetInput, type ReplicaSetManifest } from './replicaset-manifest.js';
export { scaleReplicaSet, setReplicaSetImages, REPLICASET_WRITES } from './replicaset-writes.js';
export {
  applyWorkload,
  createWorkload,
  replaceWorkload,
  type WorkloadApplyOutcome,
  type WorkloadInput,
  type WorkloadManifest,
  type WorkloadWrites,
} from './workload-writes.js';
export { placePod, fitErrorMessage, allocatablePods, activePodsOn, waitingPods, type Placement } from './scheduler.js';
export { daemonSetsOf, findDaemonSet, podsOfDaemonSet, daemonSetStatus, nodesFor, type DaemonSetStatus } from './daemonsets.js';
export { podSpecRefusal, writePodUpdate } from './pod-update.js';
export { isSystemNamespace } from './system-pods.js';
