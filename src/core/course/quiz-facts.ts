// Facts about the learner's own cluster for quiz questions that ask about them ("your service got
// node port {{nodePort}}..."): taken from the newest NodePort service the learner made.
import { isControlPlane, readyEndpointsForPort, type Cluster } from '../cluster/index.js';
import type { Facts } from '../quiz/index.js';

export function quizFacts(cluster: Cluster | undefined): Facts {
  if (!cluster) return {};
  const services = cluster.services.filter((s) => s.spec.type === 'NodePort' && s.spec.ports.some((p) => p.nodePort));
  const service = services[services.length - 1];
  const port = service?.spec.ports.find((p) => p.nodePort);
  if (!service || !port) return {};
  const endpoint = readyEndpointsForPort(cluster, service, port)[0];
  const pod = cluster.pods.find((p) => p.status.podIP !== undefined && p.status.podIP === endpoint?.address.ip);
  const node = cluster.nodes.find((n) => (pod ? n.metadata.name === pod.spec.nodeName : !isControlPlane(n)));
  const address = (type: string) => node?.status.addresses.find((a) => a.type === type)?.address;
  const facts: Record<string, string | number> = {
    serviceName: service.metadata.name,
    nodePort: port.nodePort!,
    servicePort: port.port,
    clusterIP: service.spec.clusterIP ?? '',
  };
  if (typeof port.targetPort === 'number') facts.targetPort = port.targetPort;
  if (pod) facts.podName = pod.metadata.name;
  if (endpoint) facts.podIP = endpoint.address.ip;
  const external = address('ExternalIP');
  const internal = address('InternalIP');
  if (external) facts.nodeIP = external;
  if (internal) facts.nodeInternalIP = internal;
  // Any worker will do: another worker's external IP reaches the same node port.
  const other = cluster.nodes
    .filter((n) => n !== node && !isControlPlane(n))
    .map((n) => n.status.addresses.find((a) => a.type === 'ExternalIP')?.address)
    .find((ip) => ip !== undefined && ip !== external);
  if (other) facts.otherNodeIP = other;
  return facts;
}
