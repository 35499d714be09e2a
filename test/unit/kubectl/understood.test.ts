// What kubectl understood from a line, whatever its spelling, and how a command ended.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerOf, parseCause } from '../../../src/core/kubectl/answer.js';
import { canonicalType, understand, type Understood } from '../../../src/core/kubectl/understood.js';
import { session } from '../shell/helpers.js';

const read = (line: string): Understood => {
  const result = understand(line);
  if (!result.ok) throw new Error(`${line}: ${result.error}`);
  return result.understood;
};

describe('what kubectl understood', () => {
  it('reads TYPE/NAME, short names and the long type name as one type and name', () => {
    const want = read('kubectl describe pod my-first-pod');
    assert.deepEqual([want.verb, want.type, want.names], ['describe', 'pods', ['my-first-pod']]);
    for (const line of [
      'kubectl describe pod/my-first-pod',
      'kubectl describe po/my-first-pod',
      'k describe pods my-first-pod',
      'kubectl describe Pod my-first-pod',
      'kubectl describe pods.v1 my-first-pod',
    ]) {
      assert.deepEqual(read(line), want, line);
    }
    assert.deepEqual(read('kubectl describe service/my-first-service'), read('kubectl describe svc my-first-service'));
  });

  it('reads each flag by its long name, in any spelling kubectl accepts', () => {
    const wide = read('kubectl get pods -o wide');
    assert.deepEqual(wide.flags, { output: 'wide' });
    for (const line of [
      'kubectl get pods -owide',
      'kubectl get pods -o=wide',
      'kubectl get pods --output wide',
      'kubectl get pods --output=wide',
      'k get po -owide',
    ]) {
      assert.deepEqual(read(line), wide, line);
    }
    const a = read('kubectl create service nodeport too-low --tcp=80:80 --node-port=29999');
    assert.deepEqual([a.verb, a.type, a.names, a.flags], ['create service nodeport', 'services', ['too-low'], { tcp: '80:80', 'node-port': '29999' }]);
    assert.deepEqual(read('kubectl create svc nodeport too-low --node-port 29999 --tcp 80:80'), a);
    assert.deepEqual(read('kubectl create svc nodeport too-low --tcp=80:80 --node-port=029999').flags['node-port'], '29999', 'an int flag is a number');
  });

  it('ignores the order of flags and lets them come before the names', () => {
    const want = read('kubectl expose pod my-first-pod --type=NodePort --name=no-port');
    assert.deepEqual(read('kubectl expose pod my-first-pod --name=no-port --type=NodePort'), want);
    assert.deepEqual(read('kubectl expose --name no-port pod --type NodePort my-first-pod'), want);
    assert.deepEqual(read('kubectl -n default get svc').flags, { namespace: 'default' }, 'a global flag before the verb');
  });

  it('keeps apart what kubectl tells apart', () => {
    assert.notDeepEqual(read('kubectl get pods'), read('kubectl get svc'));
    assert.notDeepEqual(read('kubectl describe pod web'), read('kubectl describe pod webby'));
    assert.notDeepEqual(read('kubectl expose pod web --port=80'), read('kubectl expose pod web --port=81'));
    assert.equal(read('kubectl run web --image nginx -- sleep 1').type, 'pods');
    assert.deepEqual(read('kubectl label pod web app=x --overwrite').args, ['app=x']);
    assert.deepEqual(read('kubectl logs pod/web').names, ['web']);
  });

  it("reads the sandbox's nodes as kubectl get nodes -o wide, and other commands by their words", () => {
    assert.deepEqual(read('nodes'), read('kubectl get nodes -o wide'));
    assert.deepEqual(read('firewall close 31000'), { program: 'firewall', verb: 'close', names: [], flags: {}, args: ['31000'] });
  });

  it('understands nothing where kubectl would refuse to parse', () => {
    assert.equal(understand('kubectl get pods --prot=80').ok, false);
    assert.equal(understand('kubectl frobnicate pods').ok, false);
    assert.equal(understand('kubectl get pods -o').ok, false);
  });

  it('knows every short name of the types kubectl has', () => {
    assert.deepEqual(['po', 'svc', 'no', 'ep', 'deploy', 'rs', 'ns', 'cm'].map(canonicalType), [
      'pods',
      'services',
      'nodes',
      'endpoints',
      'deployments',
      'replicasets',
      'namespaces',
      'configmaps',
    ]);
    assert.equal(canonicalType('pd'), undefined);
  });
});

describe('how a command ended', () => {
  it("reads the API's refusal of an out-of-range nodePort as the field and the value", () => {
    const { run } = session();
    const r = run('kubectl create service nodeport too-low --tcp=80:80 --node-port=29999');
    const answer = answerOf(r.exitCode, r.stderr);
    assert.equal(answer.accepted, false);
    if (answer.accepted) return;
    assert.deepEqual([answer.by, answer.reason], ['api', 'Invalid']);
    assert.deepEqual(answer.causes, [{ field: 'spec.ports[0].nodePort', type: 'Invalid value', value: '29999' }]);
  });

  it("tells kubectl's own refusals from the API's, and reads AlreadyExists", () => {
    const { run } = session();
    const own = run('kubectl create service nodeport no-port');
    assert.deepEqual(answerOf(own.exitCode, own.stderr), {
      accepted: false,
      by: 'kubectl',
      causes: [],
      message: 'at least one tcp port specifier must be provided',
    });
    run('kubectl create service nodeport web --tcp=80');
    const again = run('kubectl create service nodeport web --tcp=80');
    const answer = answerOf(again.exitCode, again.stderr);
    assert.equal(!answer.accepted && answer.reason, 'AlreadyExists');
    const ok = run('kubectl get svc');
    assert.deepEqual(answerOf(ok.exitCode, ok.stderr), { accepted: true });
  });

  it('reads each cause of a refusal with several, quoted values unquoted', () => {
    const stderr = 'The Service "x" is invalid: \n* spec.type: Unsupported value: "NodePrt": supported values: "ClusterIP"\n* spec.ports: Required value\n';
    const answer = answerOf(1, stderr);
    assert.ok(!answer.accepted);
    assert.deepEqual(answer.causes, [
      { field: 'spec.type', type: 'Unsupported value', value: 'NodePrt' },
      { field: 'spec.ports', type: 'Required value' },
    ]);
    assert.equal(parseCause('not a cause'), null);
  });
});
