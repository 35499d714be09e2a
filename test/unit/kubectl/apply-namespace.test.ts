// kubectl apply of a manifest that names no namespace: the object goes to `-n`'s namespace (or
// the kubeconfig context's), and so does the last-applied-configuration annotation. kubectl's
// builder sets the namespace on the object it read (cli-runtime pkg/resource/visitor.go
// SetNamespace, UpdateObjectNamespace) before apply serialises that object into the annotation
// (staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration), for every kind alike.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDeployment, findPod, findReplicaSet, findService, LAST_APPLIED_ANNOTATION, type Labels } from '../../../src/core/cluster/index.js';
import type { Cluster } from '../../../src/core/cluster/index.js';
import { Session } from './helpers.js';

const TEMPLATE = `spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
`;

interface Kind {
  readonly kind: string;
  readonly ref: string;
  readonly manifest: string;
  readonly annotations: (cluster: Cluster, namespace: string) => Labels | undefined;
}

const KINDS: readonly Kind[] = [
  {
    kind: 'Deployment',
    ref: 'deployment.apps/web',
    manifest: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n${TEMPLATE}`,
    annotations: (c, ns) => findDeployment(c, 'web', ns)?.metadata.annotations,
  },
  {
    kind: 'ReplicaSet',
    ref: 'replicaset.apps/web',
    manifest: `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\n${TEMPLATE}`,
    annotations: (c, ns) => findReplicaSet(c, 'web', ns)?.metadata.annotations,
  },
  {
    kind: 'Service',
    ref: 'service/web',
    manifest: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    annotations: (c, ns) => findService(c, 'web', ns)?.metadata.annotations,
  },
  {
    kind: 'Pod',
    ref: 'pod/web',
    manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    annotations: (c, ns) => findPod(c, 'web', ns)?.metadata.annotations,
  },
];

/** The same manifest with the namespace written in it. */
const withNamespace = (manifest: string, namespace: string): string => manifest.replace('  name: web\n', `  name: web\n  namespace: ${namespace}\n`);

const appliedNamespace = (annotations: Labels | undefined): unknown =>
  (JSON.parse(annotations?.[LAST_APPLIED_ANNOTATION] ?? '{}') as { metadata?: { namespace?: unknown } }).metadata?.namespace;

describe('apply -f of a manifest without a namespace: the last-applied annotation names where the object went', () => {
  for (const k of KINDS) {
    it(`${k.kind}: apply -n team writes "namespace":"team", and the manifest naming team is then unchanged`, () => {
      const s = new Session(1, { 'obj.yml': k.manifest, 'team.yml': withNamespace(k.manifest, 'team') });
      s.run('create namespace team');
      assert.equal(s.run('apply -n team -f obj.yml').stdout, `${k.ref} created\n`);
      assert.equal(appliedNamespace(k.annotations(s.cluster, 'team')), 'team');
      // The same object, its namespace now written in the file: kubectl's patch would change nothing.
      assert.equal(s.run('apply -f team.yml').stdout, `${k.ref} unchanged\n`);
    });

    it(`${k.kind}: the kubeconfig context's namespace is the annotation's when there is no -n`, () => {
      const s = new Session(1, { 'obj.yml': k.manifest });
      s.run('create namespace ctx');
      s.namespace = 'ctx';
      assert.equal(s.run('apply -f obj.yml').stdout, `${k.ref} created\n`);
      assert.equal(appliedNamespace(k.annotations(s.cluster, 'ctx')), 'ctx');
    });
  }
});
