// Small questions for the quiz tests, one or more per kind, and facts for a learner's own cluster.
import type { BugQuestion, Facts, MatchQuestion, MultipleQuestion, OrderQuestion, SingleQuestion, TypedQuestion } from '../../../src/core/quiz/model.js';

export const learnerFacts: Facts = {
  serviceName: 'web-svc',
  clusterIP: '10.96.44.7',
  servicePort: 81,
  targetPort: 80,
  nodePort: 30777,
  podName: 'web',
  podIP: '10.244.1.9',
  nodeIP: '203.0.113.12',
  nodeInternalIP: '192.168.49.4',
};

export const single: SingleQuestion = {
  id: 'url-port',
  kind: 'single',
  concepts: ['node-port'],
  prompt: 'Which port goes in the URL?',
  options: [
    { text: 'port: 80', why: 'WHY-PORT: the service port lives on the cluster IP.' },
    { text: 'nodePort: 31231', correct: true, why: 'WHY-NODEPORT: opened on every node.' },
    { text: 'targetPort: 80', why: 'WHY-TARGET: the port on the pod.' },
  ],
  explain: 'EXPLAIN-URL',
};

export const multiple: MultipleQuestion = {
  id: 'types-with-node-port',
  kind: 'multiple',
  concepts: ['service-types'],
  prompt: 'Which types open a node port?',
  options: [
    { text: 'NodePort', correct: true, why: 'WHY-NP' },
    { text: 'ClusterIP', why: 'WHY-CIP' },
    { text: 'LoadBalancer', correct: true, why: 'WHY-LB' },
  ],
};

export const typedUrl: TypedQuestion = {
  id: 'your-url',
  kind: 'typed',
  concepts: ['node-port'],
  prompt: 'Service {{serviceName}}: type the URL.',
  answer: {
    rule: 'url',
    host: '{{nodeIP}}',
    port: '{{nodePort}}',
    wrong: [
      { host: '{{podIP}}', why: 'POD-IP: {{podIP}} is the pod.' },
      { host: '{{clusterIP}}', why: 'CLUSTER-IP: {{clusterIP}} is inside only.' },
      { port: '{{servicePort}}', why: 'SERVICE-PORT: {{servicePort}} is on the cluster IP.' },
    ],
  },
};

export const typedNumber: TypedQuestion = {
  id: 'service-port',
  kind: 'typed',
  concepts: ['service-port'],
  prompt: 'PORT(S) shows 80:31231/TCP. Type the service port.',
  answer: { rule: 'number', value: 80, wrong: [{ value: 31231, why: 'NODE-PORT: 31231 is the node port.' }] },
};

export const typedRange: TypedQuestion = {
  id: 'pick-node-port',
  kind: 'typed',
  concepts: ['node-port-range'],
  prompt: 'Type a node port you could pin.',
  answer: { rule: 'port-in-range', min: 30000, max: 32767, wrong: [{ value: 80, why: 'EIGHTY: a service port.' }] },
};

export const typedText: TypedQuestion = {
  id: 'default-type',
  kind: 'typed',
  concepts: ['service-types'],
  prompt: 'Default type?',
  answer: { rule: 'text', accept: ['ClusterIP'], wrong: [{ value: 'NodePort', why: 'NODEPORT-MUST-BE-ASKED' }] },
};

export const order: OrderQuestion = {
  id: 'hops',
  kind: 'order',
  concepts: ['node-port', 'service-port', 'target-port'],
  prompt: 'Order the hops.',
  items: [
    { text: 'node port', why: 'WHY-FIRST' },
    { text: 'service port', why: 'WHY-SECOND' },
    { text: 'target port', why: 'WHY-THIRD' },
    { text: 'container', why: 'WHY-FOURTH' },
  ],
};

export const match: MatchQuestion = {
  id: 'roles',
  kind: 'match',
  concepts: ['node-port', 'target-port'],
  prompt: 'Match.',
  pairs: [
    { left: 'nodePort', right: 'on every node', why: 'WHY-NODE' },
    { left: 'port', right: 'on the cluster IP', why: 'WHY-PORT' },
    { left: 'targetPort', right: 'on the pod', why: 'WHY-POD' },
  ],
};

export const bug: BugQuestion = {
  id: 'selector-typo',
  kind: 'bug',
  concepts: ['selectors-endpoints'],
  prompt: 'Which line is the bug?',
  code: 'apiVersion: v1\nkind: Service\nspec:\n  selector:\n    app: my-app\n  ports:\n    - port: 80\n',
  line: 5,
  why: 'WHY-SELECTOR',
  wrong: [{ line: 7, why: 'WHY-PORT-FINE' }],
};
