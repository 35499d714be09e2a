// How a node port is reached from the learner's machine, per flavour and operating system: the URL
// to curl (when there is one), the way it works, and its limits, said plainly.
import { serverHost, type Flavour, type NodeFacts } from './flavour.js';

export type Platform = 'linux' | 'darwin' | 'win32' | string;

export interface ReachInput {
  readonly flavour: Flavour;
  readonly platform: Platform;
  readonly server: string;
  readonly context: string;
  readonly nodes: readonly NodeFacts[];
  readonly nodePort: number;
  /** The service's name and namespace, for the port-forward and `minikube service` lines. */
  readonly service: string;
  readonly namespace: string;
  /** The Service's own port, which port-forward reaches. */
  readonly servicePort: number;
}

export interface Recipe {
  /** The URL that should answer, when one does without more commands. */
  readonly url?: string;
  /** What makes it work, in a sentence. */
  readonly how: string;
  /** A command the learner runs first (in another terminal), when one is needed. */
  readonly command?: string;
  /** What may stop it. */
  readonly limits?: string;
}

/** The cluster `nodeport-lab cluster create` makes: its name and the node ports it maps to localhost. */
export const LAB_KIND_CLUSTER = 'nodeport-lab';
export const LAB_KIND_RANGE = { from: 31200, to: 31239 } as const;
/** Pinned node ports the lessons use outside that range, also mapped (the API refuses them on this cluster). */
export const LAB_KIND_EXTRA_PORTS: readonly number[] = [30080];

const workerFirst = (nodes: readonly NodeFacts[]): NodeFacts[] => [...nodes.filter((n) => !n.controlPlane), ...nodes.filter((n) => n.controlPlane)];
const nodeIP = (nodes: readonly NodeFacts[]): string | undefined => workerFirst(nodes).find((n) => n.internalIP)?.internalIP;

function portForward(input: ReachInput, why: string): Recipe {
  return {
    url: 'http://127.0.0.1:8080',
    how: `${why} So the request goes through kubectl port-forward instead: it reaches the Service's pods, but not through the node port (kube-proxy's rules are skipped).`,
    command: `kubectl port-forward -n ${input.namespace} service/${input.service} 8080:${input.servicePort}`,
  };
}

export function reachRecipe(input: ReachInput): Recipe {
  const ip = nodeIP(input.nodes);
  const linux = input.platform === 'linux';
  const port = input.nodePort;
  switch (input.flavour) {
    case 'nodeport-lab':
      return { url: `http://127.0.0.1:${port}`, how: 'The lab opens every node port on 127.0.0.1, standing for the first worker.' };
    case 'kind': {
      if (linux && ip)
        return { url: `http://${ip}:${port}`, how: "On Linux the node containers' addresses on the kind Docker network are reachable from the host." };
      const ours = input.context === `kind-${LAB_KIND_CLUSTER}`;
      const mapped = (port >= LAB_KIND_RANGE.from && port <= LAB_KIND_RANGE.to) || LAB_KIND_EXTRA_PORTS.includes(port);
      if (ours && mapped)
        return { url: `http://localhost:${port}`, how: 'nodeport-lab cluster create mapped this node port to localhost (kind extraPortMappings).' };
      if (ours)
        return {
          ...portForward(input, `Node port ${port} is not one the cluster maps to localhost (${LAB_KIND_RANGE.from}-${LAB_KIND_RANGE.to}).`),
          limits: 'Docker Desktop does not route to the kind network from macOS or Windows.',
        };
      return {
        ...portForward(input, "On macOS and Windows the kind network is inside Docker's VM, out of reach."),
        limits: "A cluster made with 'nodeport-lab cluster create' maps the lessons' node ports to localhost.",
      };
    }
    case 'minikube': {
      const docker = serverHost(input.server).startsWith('127.') || serverHost(input.server) === 'localhost';
      if (!docker && ip) return { url: `http://${ip}:${port}`, how: 'minikube ip: the node is reachable from this machine.' };
      return {
        how: "With the Docker driver on macOS and Windows the node is inside Docker's VM; minikube opens a tunnel and prints the URL to use.",
        command: `minikube service ${input.service} -n ${input.namespace} --url`,
        limits: 'Keep that command running while you curl; the URL it prints has a local port, not the node port.',
      };
    }
    case 'k3d': {
      if (linux && ip) return { url: `http://${ip}:${port}`, how: "On Linux the k3d node containers' addresses are reachable from the host." };
      return {
        ...portForward(input, 'k3d only publishes the ports given at creation (k3d cluster create -p "PORT:PORT@server:0").'),
        limits: `Re-create the cluster with -p "${port}:${port}@server:0" to reach the node port itself.`,
      };
    }
    case 'docker-desktop':
    case 'orbstack':
      return {
        url: `http://localhost:${port}`,
        how: `${input.flavour === 'orbstack' ? 'OrbStack' : 'Docker Desktop'} forwards node ports to localhost.`,
        limits: 'Best effort: a node port another program holds on localhost is not forwarded.',
      };
    case 'k3s':
    case 'microk8s':
      if (ip)
        return {
          url: `http://${ip}:${port}`,
          how: 'The node is this machine or a VM it can reach.',
          ...(linux ? {} : { limits: 'Inside a VM, a firewall on the VM can drop the request.' }),
        };
      return { url: `http://localhost:${port}`, how: 'The node is this machine.' };
    case 'remote': {
      const external = workerFirst(input.nodes).find((n) => n.externalIP)?.externalIP;
      if (external)
        return {
          url: `http://${external}:${port}`,
          how: "The nodes' external address.",
          limits: 'A cloud firewall (security group) in front of the nodes may drop it: the course cannot open it for you.',
        };
      return portForward(input, 'The nodes have no external address.');
    }
  }
}
