// The simulated cluster's objects, shaped like the Kubernetes core/v1 API.
// Times are milliseconds on the cluster's virtual clock.

import type { QuickExit } from './crash-loop.js';
import type { Cidr } from './ip.js';
import type { RngState } from '../random.js';
import type { PullFailure } from './image-pull.js';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

/** A port given as a number or as the name of a container port. */
export type IntOrString = number | string;

export type Labels = Readonly<Record<string, string>>;

export interface ObjectMeta {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly resourceVersion: string;
  readonly creationTimestamp: number;
  readonly labels: Labels;
  readonly annotations: Labels;
}

// ---- Nodes ----

export type NodeAddressType = 'InternalIP' | 'ExternalIP' | 'Hostname';

export interface NodeAddress {
  readonly type: NodeAddressType;
  readonly address: string;
}

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeInfo {
  readonly architecture: string;
  readonly bootID: string;
  readonly containerRuntimeVersion: string;
  readonly kernelVersion: string;
  readonly kubeProxyVersion: string;
  readonly kubeletVersion: string;
  readonly machineID: string;
  readonly operatingSystem: string;
  readonly osImage: string;
  readonly systemUUID: string;
}

export interface Node {
  readonly kind: 'Node';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly podCIDR: string;
    readonly taints: readonly Taint[];
  };
  readonly status: {
    readonly addresses: readonly NodeAddress[];
    readonly capacity: Labels;
    readonly allocatable: Labels;
    readonly nodeInfo: NodeInfo;
  };
  /** The last host number handed out from the node's pod CIDR (host-local IPAM walks forward). */
  readonly lastPodHost: number;
}

// ---- Pods ----

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export interface EnvVar {
  readonly name: string;
  readonly value: string;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly ContainerPort[];
  readonly env: readonly EnvVar[];
  readonly imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  /** requests and limits, as quantities (`100m`, `70Mi`); absent: none. */
  readonly resources?: { readonly requests?: Labels; readonly limits?: Labels };
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly restartPolicy: RestartPolicy;
  readonly dnsPolicy: 'ClusterFirst';
  /** The node the scheduler bound the pod to; absent while the pod waits to be scheduled. */
  readonly nodeName?: string;
  readonly serviceAccountName: 'default';
  readonly terminationGracePeriodSeconds: number;
  /** The pod uses its node's network: its IP is the node's (kube-proxy, the CNI, static pods). */
  readonly hostNetwork?: boolean;
  /** system-node-critical or system-cluster-critical, with its priority; absent: none, priority 0. */
  readonly priorityClassName?: string;
  readonly priority?: number;
}

/**
 * When each step of the pod's start-up happens; the visible status follows from the clock. A pod
 * no node can take yet has every time at Infinity until the scheduler binds it.
 */
export interface PodTimeline {
  readonly scheduledAt: number;
  /** The sandbox (and with it the pod IP) exists from here on. */
  readonly sandboxAt: number;
  readonly pullStartedAt: number;
  readonly pulledAt: number;
  /** The container runs, and (with no readiness probe) the pod is ready. */
  readonly startedAt: number;
}

export interface Pod {
  readonly kind: 'Pod';
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
  readonly status: {
    /** The node's and the pod's addresses; absent while the pod has no node. */
    readonly hostIP?: string;
    readonly podIP?: string;
    readonly qosClass: 'BestEffort' | 'Burstable' | 'Guaranteed';
    readonly containerID: string;
    readonly imageID: string;
    readonly imageSize: number;
  };
  readonly timeline: PodTimeline;
  /** Service environment variables, fixed when the container starts (here: at creation). */
  readonly serviceEnv: readonly EnvVar[];
  /** The name of the projected service-account volume (kube-api-access-xxxxx). */
  readonly tokenVolume: string;
  /** Lines the container has written to stdout (what `kubectl logs` prints). */
  readonly log: readonly string[];
  /** The image cannot be pulled: the container never starts (timeline.startedAt is Infinity). */
  readonly imagePull?: PullFailure;
  /** Times the container was restarted (an image change restarts it). */
  readonly restartCount?: number;
  /** The container's previous run, when it was restarted. */
  readonly lastTermination?: { readonly startedAt: number; readonly finishedAt: number; readonly containerID: string };
  /** The ReplicaSet that made the pod (metadata.ownerReferences); absent for a bare pod. */
  readonly owner?: OwnerRef;
  /** The image's command ends at once (busybox, curl): the container exits and is restarted. */
  readonly quickExit?: QuickExit;
  /**
   * No node can take the pod (yet): the scheduler's last FitError message, and when it first
   * failed (the PodScheduled=False condition's lastTransitionTime). Absent once it is bound.
   */
  readonly unschedulable?: { readonly message: string; readonly since: number };
  /** Deleted with a grace period (its namespace is terminating): shown as Terminating until it goes. */
  readonly terminating?: PodTermination;
  /** Its owner was deleted: the garbage collector deletes it (gracefully) at this moment (garbage-collector.ts). */
  readonly collectAt?: number;
  /** metadata.generateName, kept when the pod outlives its owner (an orphan); absent: the owner's name and a dash. */
  readonly generateName?: string;
}

/** One controller owner reference (controller: true, blockOwnerDeletion: true). */
export interface OwnerRef {
  readonly kind: 'ReplicaSet' | 'Deployment' | 'DaemonSet' | 'Node';
  readonly name: string;
  readonly uid: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

// ---- Services ----

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

export type TrafficPolicy = 'Cluster' | 'Local';

export interface ServicePort {
  readonly name?: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly targetPort: IntOrString;
  readonly nodePort?: number;
}

export interface ServiceSpec {
  readonly type: ServiceType;
  readonly clusterIP: string;
  readonly clusterIPs: readonly string[];
  readonly ports: readonly ServicePort[];
  /** undefined: no selector (endpoints are managed by hand). */
  readonly selector?: Labels;
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly externalTrafficPolicy?: TrafficPolicy;
  readonly internalTrafficPolicy: TrafficPolicy;
  readonly ipFamilies: readonly ['IPv4'];
  readonly ipFamilyPolicy: 'SingleStack';
  readonly allocateLoadBalancerNodePorts?: boolean;
  readonly externalName?: string;
  /** Addresses outside the cluster that kube-proxy also routes to this service. */
  readonly externalIPs?: readonly string[];
  /** LoadBalancer with externalTrafficPolicy Local: the node port kube-proxy answers health checks on. */
  readonly healthCheckNodePort?: number;
}

export interface Service {
  readonly kind: 'Service';
  readonly metadata: ObjectMeta;
  readonly spec: ServiceSpec;
  /** A LoadBalancer's cloud load balancer: its address, reported in status from `readyAt` on. */
  readonly loadBalancer?: { readonly ip: string; readonly readyAt: number };
}

// ---- Endpoints (derived, never stored) ----

export interface EndpointAddress {
  readonly ip: string;
  readonly nodeName: string;
  readonly podName: string;
  readonly podUid: string;
}

export interface EndpointPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface EndpointSubset {
  readonly addresses: readonly EndpointAddress[];
  readonly notReadyAddresses: readonly EndpointAddress[];
  readonly ports: readonly EndpointPort[];
}

export interface Endpoints {
  readonly kind: 'Endpoints';
  readonly metadata: ObjectMeta;
  readonly subsets: readonly EndpointSubset[];
}

// ---- Deployments and ReplicaSets (apps/v1) ----

/** A pod template: the labels and containers every pod made from it gets. */
export interface PodTemplate {
  readonly labels: Labels;
  readonly containers: readonly Container[];
  /** The cluster's own workloads' priority class (system-cluster-critical, system-node-critical); absent: none. */
  readonly priorityClassName?: string;
}

/**
 * Deleted with foreground propagation: the object stays, with a deletionTimestamp and the
 * `foregroundDeletion` finalizer, until the garbage collector has deleted its dependents.
 */
export interface ForegroundDeletion {
  /** metadata.deletionTimestamp, ms. */
  readonly since: number;
  /** When its last dependent has gone and the collector removes the finalizer. */
  readonly goneAt: number;
}

export interface Deployment {
  readonly kind: 'Deployment';
  readonly metadata: ObjectMeta;
  /** Being deleted in the foreground (absent: not being deleted). */
  readonly deleting?: ForegroundDeletion;
  /** metadata.generation: bumped on every spec change. */
  readonly generation: number;
  readonly spec: {
    readonly replicas: number;
    /** spec.selector.matchLabels */
    readonly selector: Labels;
    readonly template: PodTemplate;
  };
}

export interface ReplicaSet {
  readonly kind: 'ReplicaSet';
  readonly metadata: ObjectMeta;
  /** The Deployment that controls it; absent once orphaned (its Deployment deleted with --cascade=orphan). */
  readonly owner?: OwnerRef;
  /** Its Deployment was deleted: the garbage collector deletes it at this moment (garbage-collector.ts). */
  readonly collectAt?: number;
  /** Being deleted in the foreground (absent: not being deleted). */
  readonly deleting?: ForegroundDeletion;
  /** metadata.generation: bumped on every spec change, a scale by its Deployment's controller too. */
  readonly generation: number;
  readonly spec: {
    readonly replicas: number;
    readonly selector: Labels;
    readonly template: PodTemplate;
  };
}

/** A DaemonSet (apps/v1): one pod on every node its node selector allows. */
export interface DaemonSet {
  readonly kind: 'DaemonSet';
  readonly metadata: ObjectMeta;
  readonly generation: number;
  /** Being deleted in the foreground (absent: not being deleted). */
  readonly deleting?: ForegroundDeletion;
  readonly spec: {
    /** spec.selector.matchLabels */
    readonly selector: Labels;
    readonly template: PodTemplate;
    /** spec.template.spec.nodeSelector (absent: none). */
    readonly nodeSelector?: Labels;
    /** The pods use their node's network (kube-proxy, the CNI). */
    readonly hostNetwork: boolean;
  };
  /** The controller-revision-hash label its pods carry (its ControllerRevision's). */
  readonly revisionHash: string;
}

// ---- Events ----

export interface ObjectRef {
  readonly kind: 'Pod' | 'Service' | 'Node' | 'Deployment' | 'ReplicaSet' | 'DaemonSet';
  readonly name: string;
  /** The object's namespace (absent: `default`, where a Node's events are recorded too). */
  readonly namespace?: string;
}

export interface ClusterEvent {
  readonly involved: ObjectRef;
  readonly involvedUid: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly source: string;
  readonly at: number;
  /** The container a kubelet's event is about (involvedObject.fieldPath), kept after its pod has gone. */
  readonly container?: string;
}

// ---- Namespaces ----

export interface Namespace {
  readonly kind: 'Namespace';
  readonly metadata: ObjectMeta;
  /** Deleted: the namespace controller empties it, then it is gone (absent: Active). */
  readonly terminating?: NamespaceTermination;
}

export interface NamespaceTermination {
  /** metadata.deletionTimestamp, ms. */
  readonly since: number;
  /** When the controller's next pass finds it empty and the namespace goes. */
  readonly goneAt: number;
  /** Pods still shutting down at the controller's first pass (its NamespaceContentRemaining condition). */
  readonly podsRemaining: number;
}

/** A pod being deleted gracefully: Terminating until its containers have stopped. */
export interface PodTermination {
  /** metadata.deletionTimestamp (the moment of the delete plus the grace period), ms. */
  readonly deletionTimestamp: number;
  readonly graceSeconds: number;
  /** When the kubelet has stopped it and the pod object goes. */
  readonly goneAt: number;
}

// ---- The cluster ----

export interface NodePortRange {
  readonly base: number;
  readonly size: number;
}

export interface ClusterConfig {
  readonly kubernetesVersion: string;
  readonly podCidr: Cidr;
  readonly serviceCidr: Cidr;
  readonly nodePortRange: NodePortRange;
  readonly apiServerPort: number;
}

/** Inclusive range of TCP ports, as a security group rule holds them. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The cloud firewall in front of every node (one security group for all of them, as on EKS):
 * the TCP ports it lets in from outside the cluster. Replies to allowed connections always pass.
 */
export interface Firewall {
  /** Sorted, non-overlapping, non-adjacent ranges. */
  readonly allowed: readonly PortRange[];
}

export interface Cluster {
  readonly config: ClusterConfig;
  /** Virtual clock, ms since the Unix epoch. */
  readonly now: number;
  readonly rng: RngState;
  /** The last resourceVersion handed out. */
  readonly revision: number;
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly events: readonly ClusterEvent[];
  /** Deployments, in the order they were created (absent: none). */
  readonly deployments?: readonly Deployment[];
  /** ReplicaSets, in the order they were created (absent: none). */
  readonly replicaSets?: readonly ReplicaSet[];
  /** DaemonSets: the cluster's own kube-proxy and CNI (absent: none). */
  readonly daemonSets?: readonly DaemonSet[];
  /** Namespaces made by a user (the four built-in ones are always there); absent: none. */
  readonly namespaces?: readonly Namespace[];
  /** Labels set on the built-in namespaces beyond their own name label (absent: none). */
  readonly builtinNamespaceLabels?: Readonly<Record<string, Labels>>;
  /** The nodes' cloud firewall; absent: every port open, as on a local cluster. */
  readonly firewall?: Firewall;
  /**
   * A server dry run's throwaway copy: the allocators answer as the registry's dry run does (the
   * service CIDR's first address for a cluster IP, node ports counted up from 32769), and what
   * the request made is never kept (absent: a real request).
   */
  readonly dryRun?: boolean;
}

export const DEFAULT_NAMESPACE = 'default';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
