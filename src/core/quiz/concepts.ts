// The ideas a quiz question can test. Tags are fixed so that results add up per idea across quizzes.

export const CONCEPTS = [
  'node-port',
  'service-port',
  'target-port',
  'container-port',
  'node-port-range',
  'service-types',
  'imperative-declarative',
  'selectors-endpoints',
] as const;

export type Concept = (typeof CONCEPTS)[number];

/** How each concept is named to the learner, e.g. in "what to revisit". */
export const CONCEPT_LABELS: Readonly<Record<Concept, string>> = {
  'node-port': 'nodePort: the port on every node',
  'service-port': "port: the Service's own port on its cluster IP",
  'target-port': 'targetPort: the port on the pod that the Service sends to',
  'container-port': 'containerPort: the port the container says it listens on',
  'node-port-range': 'the node port range, 30000-32767',
  'service-types': 'the Service types: ClusterIP, NodePort, LoadBalancer',
  'imperative-declarative': 'kubectl expose versus a YAML manifest',
  'selectors-endpoints': 'selectors, labels and endpoints',
};

export function isConcept(value: unknown): value is Concept {
  return typeof value === 'string' && (CONCEPTS as readonly string[]).includes(value);
}
