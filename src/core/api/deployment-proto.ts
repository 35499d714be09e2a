// An apps/v1 Deployment sent as protobuf (`kubectl create deployment` uses a typed client), turned
// into the manifest the JSON path takes. Field numbers from staging/src/k8s.io/api/apps/v1/generated.proto
// and core/v1/generated.proto; only what the lab's deployments keep is read, the rest is skipped.

import { int, mapEntries, readFields, text, type WireField } from './protobuf.js';
import { objectMeta } from './service-proto.js';

type Obj = Record<string, unknown>;

const first = (fields: readonly WireField[], n: number): WireField | undefined => fields.find((f) => f.number === n);
const all = (fields: readonly WireField[], n: number): WireField[] => fields.filter((f) => f.number === n);
const bytesOf = (field: WireField | undefined): Uint8Array | undefined => (field?.bytes ? field.bytes : undefined);

/** ContainerPort: name=1, hostPort=2, containerPort=3, protocol=4. */
function containerPort(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = {};
  const name = first(f, 1);
  if (name?.bytes?.length) out.name = text(name);
  const port = first(f, 3);
  if (port) out.containerPort = int(port);
  const protocol = first(f, 4);
  if (protocol?.bytes?.length) out.protocol = text(protocol);
  return out;
}

/** EnvVar: name=1, value=2. */
function envVar(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const name = first(f, 1);
  const value = first(f, 2);
  return { name: name ? text(name) : '', ...(value?.bytes?.length ? { value: text(value) } : {}) };
}

/** Container: name=1, image=2, command=3, args=4, ports=6, env=7, imagePullPolicy=14. */
function container(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = {};
  const name = first(f, 1);
  out.name = name ? text(name) : '';
  const image = first(f, 2);
  if (image?.bytes?.length) out.image = text(image);
  const command = all(f, 3).map(text);
  if (command.length > 0) out.command = command;
  const args = all(f, 4).map(text);
  if (args.length > 0) out.args = args;
  const ports = all(f, 6).flatMap((p) => (p.bytes ? [containerPort(p.bytes)] : []));
  if (ports.length > 0) out.ports = ports;
  const env = all(f, 7).flatMap((e) => (e.bytes ? [envVar(e.bytes)] : []));
  if (env.length > 0) out.env = env;
  const pull = first(f, 14);
  if (pull?.bytes?.length) out.imagePullPolicy = text(pull);
  return out;
}

/** PodSpec: containers=2, restartPolicy=3. */
function podSpec(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = { containers: all(f, 2).flatMap((c) => (c.bytes ? [container(c.bytes)] : [])) };
  const restart = first(f, 3);
  if (restart?.bytes?.length) out.restartPolicy = text(restart);
  return out;
}

/** PodTemplateSpec: metadata=1, spec=2. */
function podTemplate(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const meta = bytesOf(first(f, 1));
  const spec = bytesOf(first(f, 2));
  return { metadata: meta ? objectMeta(meta) : {}, spec: spec ? podSpec(spec) : { containers: [] } };
}

/** DeploymentSpec: replicas=1, selector=2 (LabelSelector: matchLabels=1), template=3. */
function deploymentSpec(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = {};
  const replicas = first(f, 1);
  if (replicas) out.replicas = int(replicas);
  const selector = bytesOf(first(f, 2));
  if (selector) {
    const matchLabels = mapEntries(readFields(selector), 1);
    out.selector = matchLabels ? { matchLabels } : {};
  }
  const template = bytesOf(first(f, 3));
  if (template) out.template = podTemplate(template);
  return out;
}

/** Deployment: metadata=1, spec=2 (status is the server's). */
export function deploymentManifest(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const meta = bytesOf(first(f, 1));
  const spec = bytesOf(first(f, 2));
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta ? objectMeta(meta) : {}, spec: spec ? deploymentSpec(spec) : {} };
}
