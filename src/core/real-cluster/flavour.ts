// Which kind of cluster a context points at, from what the kubeconfig, `/version` and the node list
// say: kind, minikube, k3d, k3s, Docker Desktop, OrbStack, microk8s, the lab's own `serve`, or a
// remote cluster. A remote one (a cloud's, or any server we cannot place) may be shared with others,
// so the course asks for --yes-really before it creates anything there.

export type Flavour = 'kind' | 'minikube' | 'k3d' | 'k3s' | 'docker-desktop' | 'orbstack' | 'microk8s' | 'nodeport-lab' | 'remote';

export const FLAVOUR_NAMES: Readonly<Record<Flavour, string>> = {
  kind: 'kind',
  minikube: 'minikube',
  k3d: 'k3d',
  k3s: 'k3s',
  'docker-desktop': 'Docker Desktop',
  orbstack: 'OrbStack',
  microk8s: 'MicroK8s',
  'nodeport-lab': "nodeport-lab's own API (serve)",
  remote: 'a remote cluster',
};

/** A node as the flavour and reachability need it (from the API's Node objects). */
export interface NodeFacts {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly providerID?: string;
  readonly internalIP?: string;
  readonly externalIP?: string;
  readonly osImage?: string;
  readonly controlPlane: boolean;
}

export interface ClusterFacts {
  readonly context: string;
  readonly clusterName: string;
  readonly server: string;
  /** `/version`'s gitVersion, e.g. v1.32.2, v1.31.5+k3s1, v1.32.3-eks-4096722. */
  readonly gitVersion: string;
  readonly nodes: readonly NodeFacts[];
}

export interface Detected {
  readonly flavour: Flavour;
  /** The cloud, for a remote cluster that says which (EKS, GKE, AKS). */
  readonly cloud?: 'EKS' | 'GKE' | 'AKS';
  /** Looks shared or cloud: creating anything there needs --yes-really. */
  readonly shared: boolean;
  /** The signs it was told by, for the consent screen. */
  readonly because: string;
}

/** The host part of a server URL (brackets of an IPv6 address removed). */
export function serverHost(server: string): string {
  try {
    return new URL(server).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}

/** Loopback or an address only this machine (or its VMs and containers) can reach. */
export function isLocalHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '0.0.0.0' || /^127\./.test(host) || host.endsWith('.docker.internal') || host.endsWith('.orb.local')
  );
}

const anyNode = (facts: ClusterFacts, test: (n: NodeFacts) => boolean): NodeFacts | undefined => facts.nodes.find(test);
const hasLabel = (n: NodeFacts, prefix: string): boolean => Object.keys(n.labels).some((k) => k.startsWith(prefix));

function cloudOf(facts: ClusterFacts): Detected['cloud'] {
  const version = facts.gitVersion;
  if (
    /-eks-/.test(version) ||
    anyNode(facts, (n) => n.providerID?.startsWith('aws://') === true || hasLabel(n, 'eks.amazonaws.com/')) ||
    facts.context.startsWith('arn:aws:eks:')
  )
    return 'EKS';
  if (
    /-gke\./.test(version) ||
    anyNode(facts, (n) => n.providerID?.startsWith('gce://') === true || hasLabel(n, 'cloud.google.com/gke-')) ||
    facts.context.startsWith('gke_')
  )
    return 'GKE';
  if (anyNode(facts, (n) => n.providerID?.startsWith('azure://') === true || hasLabel(n, 'kubernetes.azure.com/'))) return 'AKS';
  return undefined;
}

export function detectFlavour(facts: ClusterFacts): Detected {
  const host = serverHost(facts.server);
  const local = isLocalHost(host);
  const found = (flavour: Flavour, because: string): Detected => ({ flavour, shared: false, because });
  const cloud = cloudOf(facts);
  if (cloud) return { flavour: 'remote', cloud, shared: true, because: `${cloud} signs (version ${facts.gitVersion}, context ${facts.context})` };

  if (anyNode(facts, (n) => n.providerID?.startsWith('kind://') === true)) return found('kind', 'a node with a kind:// provider ID');
  if (anyNode(facts, (n) => hasLabel(n, 'minikube.k8s.io/'))) return found('minikube', 'nodes labelled minikube.k8s.io/*');
  if (anyNode(facts, (n) => hasLabel(n, 'microk8s.io/'))) return found('microk8s', 'nodes labelled microk8s.io/*');
  if (facts.context === 'docker-desktop' || host === 'kubernetes.docker.internal' || anyNode(facts, (n) => n.name === 'docker-desktop'))
    return found('docker-desktop', 'the docker-desktop context or node');
  if (facts.context === 'orbstack' || host.endsWith('.orb.local') || anyNode(facts, (n) => n.name === 'orbstack'))
    return found('orbstack', 'the orbstack context or node');
  const k3s = /\+k3s/.test(facts.gitVersion) || anyNode(facts, (n) => n.providerID?.startsWith('k3s://') === true) !== undefined;
  if (k3s && (facts.context.startsWith('k3d-') || anyNode(facts, (n) => n.name.startsWith('k3d-')))) return found('k3d', 'a k3s version and k3d- node names');
  if (k3s) return found('k3s', `a k3s version (${facts.gitVersion})`);
  // Names alone, for a cluster whose nodes did not say more.
  if (facts.context.startsWith('kind-') && local) return found('kind', 'a kind- context on this machine');
  if (facts.context === 'minikube' || facts.clusterName === 'minikube') return found('minikube', 'the minikube context');
  if (facts.context === 'microk8s' || facts.clusterName === 'microk8s-cluster') return found('microk8s', 'the microk8s context');
  if (facts.context === 'nodeport-lab' && local && facts.server.startsWith('http://')) return found('nodeport-lab', "the lab's own context on the loopback");
  return {
    flavour: 'remote',
    shared: true,
    because: local ? `a server on this machine (${host}) that no known tool made` : `a server at ${host || facts.server}, not on this machine`,
  };
}

/** Facts of a node from the API's Node JSON. */
export function nodeFacts(node: unknown): NodeFacts {
  const n = (node ?? {}) as {
    metadata?: { name?: unknown; labels?: unknown };
    spec?: { providerID?: unknown };
    status?: { addresses?: unknown; nodeInfo?: { osImage?: unknown } };
  };
  const labels =
    typeof n.metadata?.labels === 'object' && n.metadata.labels !== null
      ? (Object.fromEntries(Object.entries(n.metadata.labels).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
      : {};
  const addresses = Array.isArray(n.status?.addresses) ? (n.status.addresses as { type?: unknown; address?: unknown }[]) : [];
  const address = (type: string): string | undefined => {
    const a = addresses.find((x) => x?.type === type)?.address;
    return typeof a === 'string' ? a : undefined;
  };
  const internalIP = address('InternalIP');
  const externalIP = address('ExternalIP');
  return {
    name: typeof n.metadata?.name === 'string' ? n.metadata.name : '',
    labels,
    ...(typeof n.spec?.providerID === 'string' ? { providerID: n.spec.providerID } : {}),
    ...(internalIP ? { internalIP } : {}),
    ...(externalIP ? { externalIP } : {}),
    ...(typeof n.status?.nodeInfo?.osImage === 'string' ? { osImage: n.status.nodeInfo.osImage } : {}),
    controlPlane: 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels,
  };
}
