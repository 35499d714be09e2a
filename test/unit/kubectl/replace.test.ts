// kubectl replace -f of every kind a learner writes (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go):
// a Deployment and a ReplicaSet through the workload routine, a Pod as ValidatePodUpdate
// (pkg/apis/core/validation/validation.go) lets it change, a Namespace's labels
// (pkg/registry/core/namespace/strategy.go), and --force (forceReplace: delete, wait, create).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPod } from '../../../src/core/cluster/index.js';
import { Session } from './helpers.js';

const pod = (labels: string, image: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  labels:\n${labels}\nspec:\n${extra}  containers:\n    - name: c\n      image: ${image}\n`;
const deployment = (replicas: number): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n`;

const files = {
  'pod.yml': pod('    app: p1', 'nginx'),
  'pod-relabelled.yml': pod('    app: p2\n    tier: front', 'nginx:1.27'),
  'dep.yml': deployment(2),
  'dep-3.yml': deployment(3),
  'ns.yml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    tier: x\n',
};

describe('kubectl replace -f', () => {
  it('a Deployment: replaced, or NotFound with the file; dry runs keep it; -o name', () => {
    const s = new Session(2, files);
    const missing = s.run('replace -f dep.yml');
    assert.equal(missing.stderr, 'Error from server (NotFound): error when replacing "dep.yml": deployments.apps "web" not found\n');
    assert.equal(s.run('create -f dep.yml').stdout, 'deployment.apps/web created\n');
    assert.equal(s.run('replace -f dep-3.yml --dry-run=server').stdout, 'deployment.apps/web replaced (server dry run)\n');
    assert.equal(s.run('replace -f dep-3.yml --dry-run=client').stdout, 'deployment.apps/web replaced (dry run)\n');
    assert.equal(s.run('get deploy web -o jsonpath={.spec.replicas}').stdout, '2');
    assert.equal(s.run('replace -f dep-3.yml -o name').stdout, 'deployment.apps/web\n');
    assert.equal(s.run('get deploy web -o jsonpath={.spec.replicas}').stdout, '3');
  });

  it('a Pod from its own -o yaml: labels replaced whole, a new image restarts the container (kuberuntime_manager.go computePodActions)', () => {
    const s = new Session(2, files);
    assert.equal(s.run('replace -f pod.yml').stderr, 'Error from server (NotFound): error when replacing "pod.yml": pods "p1" not found\n');
    s.run('apply -f pod.yml');
    s.wait(10);
    const yaml = s.run('get pod p1 -o yaml').stdout;
    s.write('live.yml', yaml);
    assert.equal(s.run('replace -f live.yml').stdout, 'pod/p1 replaced\n');
    assert.equal(findPod(s.cluster, 'p1')?.restartCount ?? 0, 0);
    const edited = yaml
      .replace(/\n {2}annotations:\n(?: {4}.*\n)+/, '\n')
      .replace('    app: p1\n', '    app: p2\n    tier: front\n')
      .replace('  - image: nginx\n', '  - image: nginx:1.27\n');
    s.write('edited.yml', edited);
    const replaced = s.run('replace -f edited.yml');
    assert.equal(replaced.stderr, '');
    assert.equal(replaced.stdout, 'pod/p1 replaced\n');
    const live = findPod(s.cluster, 'p1');
    assert.deepEqual(live?.metadata.labels, { app: 'p2', tier: 'front' });
    // PUT keeps nothing of the old metadata: the last-applied annotation is gone.
    assert.deepEqual(live?.metadata.annotations, {});
    assert.equal(live?.spec.containers[0]?.image, 'nginx:1.27');
    assert.equal(live?.restartCount, 1);
  });

  it('a Pod from its original manifest: refused, the spec lacking what the scheduler and admission added at create', () => {
    const s = new Session(2, files);
    s.run('apply -f pod.yml');
    s.wait(10);
    const pod = findPod(s.cluster, 'p1');
    assert.ok(pod?.spec.nodeName);
    const refused = s.run('replace -f pod-relabelled.yml');
    assert.equal(refused.exitCode, 1);
    assert.equal(refused.stdout, '');
    // ValidatePodUpdate (pkg/apis/core/validation/validation.go): the one cause `spec: Forbidden:`,
    // its message, then cmp.Diff(oldPod.Spec, mungedPodSpec). The munged spec has the old images and
    // tolerations (DefaultTolerationSeconds adds its two on update too:
    // plugin/pkg/admission/defaulttolerationseconds/admission.go), the old priority and preemption
    // policy (plugin/pkg/admission/priority/admission.go keeps them on update), but no service
    // account, token volume nor mount (plugin/pkg/admission/serviceaccount/admission.go mutates on
    // create only) and no node. The diff's layout follows from reading go-cmp
    // (report_compare.go: leaves at verbosity 3, `... // N identical fields` with two neighbours;
    // report_reflect.go: zero fields left out, `{...}` past the verbosity; report_text.go: keys
    // aligned per run of one-line values); no real cluster printed it here, and go-cmp swaps some
    // spaces for U+00A0 at random, which this does not.
    const v = pod.tokenVolume;
    assert.equal(
      refused.stderr,
      'The Pod "p1" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
        '  core.PodSpec{\n' +
        '- \tVolumes: []core.Volume{\n' +
        '- \t\t{\n' +
        `- \t\t\tName:         "${v}",\n` +
        '- \t\t\tVolumeSource: core.VolumeSource{Projected: &core.ProjectedVolumeSource{...}},\n' +
        '- \t\t},\n' +
        '- \t},\n' +
        '+ \tVolumes:        nil,\n' +
        '  \tInitContainers: nil,\n' +
        '  \tContainers: []core.Container{\n' +
        '  \t\t{\n' +
        '  \t\t\t... // 9 identical fields\n' +
        '  \t\t\tResizePolicy:  nil,\n' +
        '  \t\t\tRestartPolicy: nil,\n' +
        '- \t\t\tVolumeMounts: []core.VolumeMount{\n' +
        '- \t\t\t\t{\n' +
        `- \t\t\t\t\tName:      "${v}",\n` +
        '- \t\t\t\t\tReadOnly:  true,\n' +
        '- \t\t\t\t\tMountPath: "/var/run/secrets/kubernetes.io/serviceaccount",\n' +
        '- \t\t\t\t},\n' +
        '- \t\t\t},\n' +
        '+ \t\t\tVolumeMounts:  nil,\n' +
        '  \t\t\tVolumeDevices: nil,\n' +
        '  \t\t\tLivenessProbe: nil,\n' +
        '  \t\t\t... // 10 identical fields\n' +
        '  \t\t},\n' +
        '  \t},\n' +
        '  \tEphemeralContainers: nil,\n' +
        '  \tRestartPolicy:       "Always",\n' +
        '  \t... // 2 identical fields\n' +
        '  \tDNSPolicy:                    "ClusterFirst",\n' +
        '  \tNodeSelector:                 nil,\n' +
        '- \tServiceAccountName:           "default",\n' +
        '+ \tServiceAccountName:           "",\n' +
        '  \tAutomountServiceAccountToken: nil,\n' +
        `- \tNodeName:                     "${pod.spec.nodeName}",\n` +
        '+ \tNodeName:                     "",\n' +
        '  \tSecurityContext:              &{},\n' +
        '  \tImagePullSecrets:             nil,\n' +
        '  \t... // 20 identical fields\n' +
        // The cause's message ends with the diff's newline, and MultilineError (cmd/util/helpers.go) adds one.
        '  }\n\n',
    );
    assert.deepEqual(findPod(s.cluster, 'p1')?.metadata.labels, { app: 'p1' });
    assert.equal(findPod(s.cluster, 'p1')?.spec.containers[0]?.image, 'nginx');
  });

  it('a Pod whose spec changes beyond the images: the 422 with its go-cmp diff', () => {
    const s = new Session(2, files);
    s.run('apply -f pod.yml');
    const yaml = s.run('get pod p1 -o yaml').stdout;
    s.write('never.yml', yaml.replace('  restartPolicy: Always\n', '  restartPolicy: Never\n'));
    const refused = s.run('replace -f never.yml');
    assert.equal(refused.exitCode, 1);
    assert.match(refused.stderr, /^The Pod "p1" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
    assert.match(refused.stderr, /\n- \tRestartPolicy: +"Always",\n\+ \tRestartPolicy: +"Never",\n/);
    assert.doesNotMatch(refused.stderr, /NodeName|Volumes/);
    assert.equal(findPod(s.cluster, 'p1')?.spec.restartPolicy, 'Always');
  });

  it("a Namespace: its labels become the file's, with its name label kept", () => {
    const s = new Session(2, files);
    s.run('create namespace team');
    s.run('label namespace team old=1');
    assert.equal(s.run('replace -f ns.yml').stdout, 'namespace/team replaced\n');
    assert.equal(s.run('get ns team -o jsonpath={.metadata.labels}').stdout, '{"kubernetes.io/metadata.name":"team","tier":"x"}');
  });

  it('--force: deleted, waited for, created; a missing one is no error; no dry run', () => {
    const s = new Session(2, files);
    s.run('apply -f pod.yml');
    s.wait(5);
    const uid = findPod(s.cluster, 'p1')?.metadata.uid;
    const forced = s.run('replace --force -f pod-relabelled.yml');
    assert.equal(forced.stdout, 'pod "p1" deleted\npod/p1 replaced\n');
    assert.notEqual(findPod(s.cluster, 'p1')?.metadata.uid, uid);
    assert.deepEqual(findPod(s.cluster, 'p1')?.metadata.labels, { app: 'p2', tier: 'front' });
    s.run('delete pod p1');
    // delete.go DeleteResult counts the file's object as found even when its DELETE is NotFound.
    assert.equal(s.run('replace --force -f pod.yml -o name').stdout, 'pod/p1\n');
    assert.equal(s.run('replace --force -f pod.yml --dry-run=client').stderr, 'error: --dry-run can not be used when --force is set\n');
    s.run('create -f dep.yml');
    assert.equal(s.run('replace --force -f dep-3.yml').stdout, 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n');
    assert.equal(s.run('get deploy web -o jsonpath={.spec.replicas}').stdout, '3');
  });
});
