// A tall question (a manifest to find the bug in, items to sort) says how to answer it where a
// window of 80x24 or 60x20 shows it: under the prompt, before its body, not below the fold.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCourse } from '../../src/core/course/loader.js';
import { formatProblem } from '../../src/core/course/model.js';
import { initialNav, navigate } from '../../src/core/course/navigation.js';
import { emptyProgress } from '../../src/core/progress/model.js';
import { lineText } from '../../src/text/line.js';
import { lessonFrame } from '../../src/ui/screens/lesson.js';

const manifest = Array.from({ length: 16 }, (_, i) => `line${i + 1}: value`).join('\n          ');
const bug = `
      - id: bug-here
        kind: bug
        concepts: [selectors-endpoints]
        prompt: The Service below has no endpoints. Which line is the bug?
        code: |
          ${manifest}
        line: 8
        why: Line 8 is the bug.
        wrong:
          - line: 2
            why: Line 2 is fine.`;
const single = `
      - id: one-of-four
        kind: single
        concepts: [node-port]
        prompt: Which port goes in the URL?
        options:
          - text: the node port
            correct: true
            why: It is open on every node.
          - text: the Service's port
            why: It is on the cluster IP.`;

const order = `
      - id: hops-in-order
        kind: order
        concepts: [node-port]
        prompt: Put the hops in order.
        items:
          - text: "The browser sends the request to a worker node's external IP, on node port 31231, from outside"
          - text: "Node port 31231 routes the request to the Service, on its port 80, whose rules pick an endpoint"
          - text: "nginx, listening on containerPort 80 in the container, answers with the page it serves"`;

function frameOf(questions: string, columns: number, rows: number): string[] {
  const text = `format: 1\nid: q\ntitle: Q\nsummary: S\nsteps:\n  - id: quiz\n    kind: quiz\n    title: Check yourself\n    text: Questions.\n    questions:${questions}\n`;
  const loaded = loadCourse({ lessons: [{ file: 'q.yml', text }], manifests: new Map() });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n'));
  const state = navigate(initialNav(loaded.course, emptyProgress, null, { seed: 2, files: new Map() }), {
    type: 'open-place',
    place: { lesson: 'q', step: 'quiz' },
  });
  return lessonFrame(state, { columns, rows }, { color: false, plain: false }).lines.map(lineText);
}

describe('how to answer a question, in view', () => {
  for (const [columns, rows] of [
    [80, 24],
    [60, 20],
  ] as const) {
    it(`a 16-line manifest's bug question says ↑/↓ choose the line at ${columns}x${rows}, before the code`, () => {
      const lines = frameOf(bug, columns, rows);
      const how = lines.findIndex((l) => l.includes('↑/↓ choose the line that breaks it'));
      const code = lines.findIndex((l) => /^\S?\s+1 │ line1: value/.test(l));
      assert.ok(how >= 0, lines.join('\n'));
      assert.ok(code < 0 || how < code, 'the keys come before the code');
    });
  }

  it('a short question keeps the keys after its options', () => {
    const lines = frameOf(single, 80, 24);
    const how = lines.findIndex((l) => l.includes('choose · enter answer'));
    const option = lines.findIndex((l) => l.includes("the Service's port"));
    assert.ok(how > option && option >= 0, lines.join('\n'));
  });

  for (const columns of [60, 80]) {
    it(`every item of an order question reads in full at ${columns} columns, wrapped under its number`, () => {
      const lines = frameOf(order, columns, 24);
      const text = lines.join(' ').replace(/\s+/g, ' ');
      for (const item of ['on node port 31231, from outside', 'whose rules pick an endpoint', 'answers with the page it serves'])
        assert.ok(text.includes(item), `${item}\n${lines.join('\n')}`);
      for (const l of lines) assert.ok(l.length <= columns, l);
    });
  }
});
