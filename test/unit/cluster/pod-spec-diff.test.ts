// The diff a refused pod update carries: go-cmp's cmp.Diff(oldPod.Spec, mungedPodSpec) of the
// internal core.PodSpec (kubernetes pkg/apis/core/validation/validation.go ValidatePodUpdate;
// field order from pkg/apis/core/types.go, Kubernetes 1.32). The layout follows go-cmp's
// cmp/report_compare.go (two equal neighbours around a change, `... // N identical fields`),
// cmp/report_reflect.go (zero fields left out, types named only on removed/inserted values) and
// cmp/report_text.go (keys aligned, a two-character mark then tabs). go-cmp turns some of those
// spaces into U+00A0 at random (report_text.go, randBool), so a real server's bytes vary from run
// to run; the sandbox prints plain spaces, and these tests expect plain spaces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createCluster,
  createPod,
  goCmpDiff,
  podSpecValue,
  podUpdateDiff,
  type Cluster,
  type GoValue,
  type Pod,
  type PodInput,
} from '../../../src/core/cluster/index.js';
import { containerValue } from '../../../src/core/cluster/pod-spec-diff.js';
import { OPENAPI_SCHEMAS } from '../../../src/core/kubectl/openapi-schemas-1.32.js';

function livePod(input: Partial<PodInput> = {}): Pod {
  const cluster: Cluster = createCluster({ seed: 1 });
  const r = createPod(cluster, { name: 'web', containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }], ...input });
  assert.ok(r.ok);
  return r.value;
}

const volumes = (pod: Pod): string =>
  `  \tVolumes:        {{Name: "${pod.tokenVolume}", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},`;

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

describe('podUpdateDiff (ValidatePodUpdate: cmp.Diff of core.PodSpec)', () => {
  it('a changed containerPort: the ContainerPort struct expanded, its neighbours and the elided fields counted', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'web', ports: [{ containerPort: 8080 }], env: [] }], 'Always');
    assert.equal(
      diff,
      lines(
        '  core.PodSpec{',
        volumes(pod),
        '  \tInitContainers: nil,',
        '  \tContainers: []core.Container{',
        '  \t\t{',
        '  \t\t\t... // 3 identical fields',
        '  \t\t\tArgs:       nil,',
        '  \t\t\tWorkingDir: "",',
        '  \t\t\tPorts: []core.ContainerPort{',
        '  \t\t\t\t{',
        '  \t\t\t\t\tName:          "",',
        '  \t\t\t\t\tHostPort:      0,',
        '- \t\t\t\t\tContainerPort: 80,',
        '+ \t\t\t\t\tContainerPort: 8080,',
        '  \t\t\t\t\tProtocol:      "TCP",',
        '  \t\t\t\t\tHostIP:        "",',
        '  \t\t\t\t},',
        '  \t\t\t},',
        '  \t\t\tEnvFrom: nil,',
        '  \t\t\tEnv:     nil,',
        '  \t\t\t... // 16 identical fields',
        '  \t\t},',
        '  \t},',
        '  \tEphemeralContainers: nil,',
        '  \tRestartPolicy:       "Always",',
        '  \t... // 29 identical fields',
        '  }',
      ),
    );
  });

  it('an added port: the equal element shown whole, the new one inserted without its type', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'web', ports: [{ containerPort: 80 }, { containerPort: 81 }], env: [] }], 'Always');
    assert.ok(
      diff.includes(
        lines(
          '  \t\t\tPorts: []core.ContainerPort{',
          '  \t\t\t\t{ContainerPort: 80, Protocol: "TCP"},',
          '+ \t\t\t\t{ContainerPort: 81, Protocol: "TCP"},',
          '  \t\t\t},',
        ),
      ),
      diff,
    );
  });

  it('a removed port list: nil on one side is a leaf, printed whole with its type', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'web', ports: [], env: [] }], 'Always');
    assert.ok(
      diff.includes(
        lines(
          '  \t\t\tWorkingDir: "",',
          '- \t\t\tPorts:      []core.ContainerPort{{ContainerPort: 80, Protocol: "TCP"}},',
          '+ \t\t\tPorts:      nil,',
          '  \t\t\tEnvFrom:    nil,',
        ),
      ),
      diff,
    );
  });

  it('an added env var, with Resources shown as {} beside it', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'web', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: 'b' }] }], 'Always');
    assert.ok(
      diff.includes(
        lines(
          '  \t\t\t... // 5 identical fields',
          '  \t\t\tPorts:        {{ContainerPort: 80, Protocol: "TCP"}},',
          '  \t\t\tEnvFrom:      nil,',
          '- \t\t\tEnv:          nil,',
          '+ \t\t\tEnv:          []core.EnvVar{{Name: "A", Value: "b"}},',
          '  \t\t\tResources:    {},',
          '  \t\t\tResizePolicy: nil,',
          '  \t\t\t... // 14 identical fields',
        ),
      ),
      diff,
    );
  });

  it('a renamed container: a new container has no service-account mount, a long removed value is expanded', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'webx', ports: [{ containerPort: 80 }], env: [] }], 'Always');
    assert.ok(
      diff.includes(
        lines(
          '  \t\t{',
          '- \t\t\tName:    "web",',
          '+ \t\t\tName:    "webx",',
          '  \t\t\tImage:   "nginx",',
          '  \t\t\tCommand: nil,',
          '  \t\t\t... // 6 identical fields',
          '  \t\t\tResizePolicy:  nil,',
          '  \t\t\tRestartPolicy: nil,',
          '- \t\t\tVolumeMounts: []core.VolumeMount{',
          '- \t\t\t\t{',
          `- \t\t\t\t\tName:      "${pod.tokenVolume}",`,
          '- \t\t\t\t\tReadOnly:  true,',
          '- \t\t\t\t\tMountPath: "/var/run/secrets/kubernetes.io/serviceaccount",',
          '- \t\t\t\t},',
          '- \t\t\t},',
          '+ \t\t\tVolumeMounts:  nil,',
          '  \t\t\tVolumeDevices: nil,',
          '  \t\t\tLivenessProbe: nil,',
          '  \t\t\t... // 10 identical fields',
        ),
      ),
      diff,
    );
  });

  it('a changed restartPolicy: an identical Containers neighbour shown at verbosity 1 (four fields, then ...)', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'web', ports: [{ containerPort: 80 }], env: [] }], 'Never');
    assert.equal(
      diff,
      lines(
        '  core.PodSpec{',
        '  \t... // 2 identical fields',
        `  \tContainers:                    {{Name: "web", Image: "nginx", Ports: {{ContainerPort: 80, Protocol: "TCP"}}, VolumeMounts: {{Name: "${pod.tokenVolume}", ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}}, ...}},`,
        '  \tEphemeralContainers:           nil,',
        '- \tRestartPolicy:                 "Always",',
        '+ \tRestartPolicy:                 "Never",',
        '  \tTerminationGracePeriodSeconds: &30,',
        '  \tActiveDeadlineSeconds:         nil,',
        '  \t... // 27 identical fields',
        '  }',
      ),
    );
  });

  it('a changed imagePullPolicy (a patch can send one) is in the diff too', () => {
    const pod = livePod();
    const diff = podUpdateDiff(pod, [{ name: 'web', ports: [{ containerPort: 80 }], env: [], imagePullPolicy: 'IfNotPresent' }], 'Always');
    assert.match(diff, /\n- \t\t\tImagePullPolicy: +"Always",\n\+ \t\t\tImagePullPolicy: +"IfNotPresent",\n/);
  });

  it('the image is set back to the live one before comparing (it may change): an image change alone is no diff', () => {
    const pod = livePod();
    assert.equal(podUpdateDiff(pod, [{ name: 'web', ports: [{ containerPort: 80 }], env: [] }], 'Always'), '');
  });
});

describe('goCmpDiff (go-cmp report rules)', () => {
  const s = (v: string): GoValue => ({ k: 'str', v });
  const t = (fields: [string, GoValue][]): GoValue => ({ k: 'struct', type: 'main.T', fields });
  it('one equal field beside a change is shown rather than counted (no "1 identical field")', () => {
    assert.equal(
      goCmpDiff(
        t([
          ['A', s('x')],
          ['B', s('1')],
          ['C', s('y')],
          ['D', s('z')],
          ['E', s('w')],
        ]),
        t([
          ['A', s('x')],
          ['B', s('2')],
          ['C', s('y')],
          ['D', s('z')],
          ['E', s('w')],
        ]),
      ),
      lines('  main.T{', '  \tA: "x",', '- \tB: "1",', '+ \tB: "2",', '  \tC: "y",', '  \tD: "z",', '  \tE: "w",', '  }'),
    );
  });
  it('equal values: no diff at all', () => {
    assert.equal(goCmpDiff(t([['A', s('x')]]), t([['A', s('x')]])), '');
  });
});

// The internal core.PodSpec and core.Container of Kubernetes 1.32. The stored copy of
// pkg/apis/core/types.go read for this is a 1.33 development tree (it has PodCondition's
// ObservedGeneration, new in 1.33) and lists 34 and 24 fields; 1.32's own field lists are checked
// here another way: the 1.32 API server's OpenAPI schema of v1.PodSpec and v1.Container
// (openapi-schemas-1.32.ts) holds every internal field under its JSON name, plus the v1-only ones
// that the internal type keeps elsewhere (pkg/apis/core/v1/conversion.go: hostNetwork, hostPID,
// hostIPC, shareProcessNamespace and hostUsers go into the internal PodSecurityContext;
// serviceAccount is the deprecated twin of serviceAccountName).
describe('the Go values follow the 1.32 types', () => {
  const jsonName = (goName: string): string => goName.replace(/^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/, (head) => head.toLowerCase());
  const fieldsOf = (v: GoValue | undefined): readonly (readonly [string, GoValue])[] => (v?.k === 'struct' ? v.fields : []);
  const names = (v: GoValue | undefined): string[] => fieldsOf(v).map(([name]) => jsonName(name));
  const field = (v: GoValue | undefined, name: string): GoValue | undefined => fieldsOf(v).find(([n]) => n === name)?.[1];
  const pod = livePod();
  const container = containerValue({ name: 'web', ports: [], env: [], resources: { limits: { cpu: '1' } } }, 'nginx', 'Always', pod.tokenVolume);
  const schema = (name: string): string[] => Object.keys(OPENAPI_SCHEMAS[`io.k8s.api.core.v1.${name}`]?.properties ?? {}).sort();

  it('core.PodSpec: the 40 fields of v1.PodSpec in 1.32 less the six the internal type keeps elsewhere', () => {
    const elsewhere = ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers', 'serviceAccount'];
    const spec = names(podSpecValue(pod, [container], 'Always'));
    assert.equal(spec.length, 34);
    assert.deepEqual(
      [...spec].sort(),
      schema('PodSpec').filter((n) => !elsewhere.includes(n)),
    );
  });

  it('core.Container: the 24 fields of v1.Container; core.ResourceRequirements: Limits, Requests, Claims', () => {
    assert.equal(names(container).length, 24);
    assert.deepEqual([...names(container)].sort(), schema('Container'));
    assert.deepEqual([...names(field(container, 'Resources'))].sort(), schema('ResourceRequirements'));
  });
});

// A container's resources in the diff, as go-cmp prints core.ResourceList
// (map[ResourceName]resource.Quantity): keys through ResourceName's String method (s"cpu"), a
// changed Quantity with its int64Amount and the canonical text ParseQuantity kept (none for
// 128Mi), an equal one at verbosity 1 (`i: {...}`), and requests defaulted from limits.
describe('podUpdateDiff: resources', () => {
  const pod = (resources?: { limits?: Record<string, string>; requests?: Record<string, string> }): Pod => {
    const live = livePod();
    return resources ? { ...live, spec: { ...live.spec, containers: live.spec.containers.map((c) => ({ ...c, resources })) } } : live;
  };
  const update = (resources: { limits?: Record<string, string>; requests?: Record<string, string> }) => [
    { name: 'web', ports: [{ containerPort: 80 }], env: [], resources },
  ];
  const around = (...inner: string[]): string =>
    lines(
      '  \t\t\t... // 6 identical fields',
      '  \t\t\tEnvFrom: nil,',
      '  \t\t\tEnv:     nil,',
      '  \t\t\tResources: core.ResourceRequirements{',
      ...inner,
      '  \t\t\t\tClaims: nil,',
      '  \t\t\t},',
      '  \t\t\tResizePolicy:  nil,',
      '  \t\t\tRestartPolicy: nil,',
      '  \t\t\t... // 13 identical fields',
    );
  const body = (diff: string): string => {
    const from = diff.indexOf('  \t\t\t... // 6 identical fields');
    const to = diff.indexOf('  \t\t},');
    return diff.slice(from, to);
  };

  it('limits set on a pod without any: Limits and the Requests they default, whole maps inserted', () => {
    const diff = podUpdateDiff(pod(), update({ limits: { cpu: '500m', memory: '128Mi' } }), 'Always');
    const map = (mark: string) => [
      `${mark} \t\t\t\t\ts"cpu":    {i: resource.int64Amount{value: 500, scale: -3}, s: "500m", Format: "DecimalSI"},`,
      `${mark} \t\t\t\t\ts"memory": {i: resource.int64Amount{value: 134217728}, Format: "BinarySI"},`,
    ];
    assert.equal(
      body(diff),
      around(
        '- \t\t\t\tLimits: nil,',
        '+ \t\t\t\tLimits: core.ResourceList{',
        ...map('+'),
        '+ \t\t\t\t},',
        '- \t\t\t\tRequests: nil,',
        '+ \t\t\t\tRequests: core.ResourceList{',
        ...map('+'),
        '+ \t\t\t\t},',
      ),
    );
  });

  it('one request changed beside an equal one: the map descended, the equal entry at verbosity 1', () => {
    const diff = podUpdateDiff(pod({ requests: { cpu: '1', memory: '10Gi' } }), update({ requests: { cpu: '1', memory: '2Gi' } }), 'Always');
    assert.equal(
      body(diff),
      around(
        '  \t\t\t\tLimits: nil,',
        '  \t\t\t\tRequests: core.ResourceList{',
        '  \t\t\t\t\ts"cpu":    {i: {...}, s: "1", Format: "DecimalSI"},',
        '- \t\t\t\t\ts"memory": {i: resource.int64Amount{value: 10737418240}, s: "10Gi", Format: "BinarySI"},',
        '+ \t\t\t\t\ts"memory": {i: resource.int64Amount{value: 2147483648}, s: "2Gi", Format: "BinarySI"},',
        '  \t\t\t\t},',
      ),
    );
  });

  it('equal amounts written differently are equal (Quantity.Equal): no change to show', () => {
    assert.doesNotMatch(podUpdateDiff(pod({ limits: { cpu: '1' } }), update({ limits: { cpu: '1000m' } }), 'Always'), /Resources: core/);
  });
});
