import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCourse, type SourceFile } from '../../../src/core/course/loader.js';
import { formatProblem } from '../../../src/core/course/model.js';
import { manifestFacts, mentions } from '../../../src/core/course/quiz-order.js';

const service = `apiVersion: v1
kind: Service
metadata:
  name: pinned-service
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 31231
`;

const manifestStep = (deep: boolean) =>
  `  - id: the-manifest\n    kind: manifest\n${deep ? '    deep: true\n' : ''}    title: The manifest\n    text: Walk through it.\n    file: svc.yml\n    fields:\n      - path: spec.ports[0].nodePort\n        note: The node port it pins.\n`;
const quizStep = (deep: boolean) =>
  `  - id: the-quiz\n    kind: quiz\n${deep ? '    deep: true\n' : ''}    title: Quiz\n    text: One question.\n    questions:\n` +
  `      - id: which-port\n        kind: single\n        concepts: [node-port]\n        prompt: What is 31231 in the manifest?\n        options:\n` +
  `          - text: The node port\n            correct: true\n            why: It is pinned under the port.\n` +
  `          - text: The Service's port\n            why: That is 80.\n`;
const lesson = (steps: string) => `format: 1\nid: only\ntitle: Only\nsummary: One lesson.\nsteps:\n${steps}`;

function problems(steps: string): string[] {
  const lessons: SourceFile[] = [{ file: 'only.yml', text: lesson(steps) }];
  const result = loadCourse({ lessons, manifests: new Map([['svc.yml', { file: 'svc.yml', text: service }]]) });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('a quiz asks only about what came before it', () => {
  const table: [string, string, string[]][] = [
    [
      'a core quiz before the manifest that pins its port',
      quizStep(false) + manifestStep(false),
      ['only.yml:11:13: this question cites "31231", which no core step before it shows: ask it after the step that introduces it'],
    ],
    ['the same quiz after the manifest', manifestStep(false) + quizStep(false), []],
    [
      'a core quiz after a manifest shown only in a deep dive',
      manifestStep(true) + quizStep(false),
      ['only.yml:20:13: this question cites "31231", which no core step before it shows: ask it after the step that introduces it'],
    ],
    ['a deep quiz after that deep dive', manifestStep(true) + quizStep(true), []],
  ];
  for (const [what, steps, expected] of table) {
    it(what, () => assert.deepEqual(problems(steps), expected));
  }

  it('knows a manifest by its file name, its objects and the node ports it pins', () => {
    assert.deepEqual(manifestFacts('svc.yml', service), ['svc.yml', 'pinned-service', '31231']);
  });

  const words: [string, string, boolean][] = [
    ['kubectl describe pod myapp-pod.', 'myapp-pod', true],
    ['the Service myapp-pod-nodeport-service', 'myapp-pod', false],
    ['`kubectl apply -f pod-definition.yml`', 'pod-definition.yml', true],
    ['port 131231', '31231', false],
    ['80:31231/TCP', '31231', true],
  ];
  for (const [text, fact, expected] of words) {
    it(`"${fact}" ${expected ? 'is' : 'is not'} in "${text}"`, () => assert.equal(mentions(text, fact), expected));
  }
});
