import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCourse } from '../../../src/core/course/loader.js';
import { formatProblem } from '../../../src/core/course/model.js';
import { fillTemplates, templateProblems } from '../../../src/core/course/template.js';
import { exposedPod, session } from '../shell/helpers.js';

describe('templates in lesson text', () => {
  it("fills values from the learner's cluster", () => {
    const { run, state } = session();
    const port = exposedPod(run);
    const podLine = run('kubectl get pods -o wide').stdout;
    const [, podIP, node] = /(10\.244\.\d+\.\d+) +(worker-\d)/.exec(podLine) ?? [];
    const nodeIP = node === 'worker-1' ? '203.0.113.11' : '203.0.113.12';
    const text =
      'curl http://{{pod.web.nodeIP}}:{{service.web.nodePort}} ({{pod.web.ip}} on {{pod.web.node}}; port {{ service.web.port }}; any worker: {{nodeIP}}; {{node.worker-2.internalIP}})';
    assert.equal(fillTemplates(text, state().cluster), `curl http://${nodeIP}:${port} (${podIP} on ${node}; port 80; any worker: 203.0.113.11; 192.168.49.4)`);
  });

  it('shows a readable placeholder for what does not exist yet, and without a cluster', () => {
    const { state } = session();
    assert.equal(fillTemplates('port {{service.my-first-service.nodePort}}', state().cluster), 'port <nodePort of my-first-service>');
    assert.equal(fillTemplates('at {{nodeIP}}', undefined), 'at <nodeIP>');
    assert.equal(fillTemplates('no templates', undefined), 'no templates');
  });

  it('names template mistakes, and lint reports them with their place', () => {
    assert.deepEqual(templateProblems('{{service.web.nodePort}} {{nodeIP}}'), []);
    assert.match(templateProblems('{{service.web.nodeport}}')[0]!, /^unknown template \{\{service\.web\.nodeport\}\}/);
    const text =
      'format: 1\nid: x\ntitle: X\nsummary: S\nsteps:\n  - id: a\n    kind: do\n    title: A\n    text: Go to {{pod.web.address}}\n    goal:\n      - ran: kubectl get pods\n    hints:\n      - Try {{svc.web}}\n';
    const result = loadCourse({ lessons: [{ file: 'x.yml', text }], manifests: new Map() });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.deepEqual(
        result.problems.map((p) => formatProblem(p).replace(/ \(known forms.*$/, '')),
        ['x.yml:9:11: unknown template {{pod.web.address}}', 'x.yml:13:9: unknown template {{svc.web}}'],
      );
    }
  });
});
