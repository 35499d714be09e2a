// A core/v1 Service sent as protobuf, turned into the manifest the JSON path takes
// (field numbers from staging/src/k8s.io/api/core/v1/generated.proto; empty values dropped as
// Go's omitempty drops them in JSON).

import { int, mapEntries, readFields, text, type WireField } from './protobuf.js';

type Obj = Record<string, unknown>;

const first = (fields: readonly WireField[], n: number): WireField | undefined => fields.find((f) => f.number === n);
const all = (fields: readonly WireField[], n: number): WireField[] => fields.filter((f) => f.number === n);

function setText(out: Obj, key: string, field: WireField | undefined): void {
  if (field && field.bytes && field.bytes.length > 0) out[key] = text(field);
}

function setInt(out: Obj, key: string, field: WireField | undefined): void {
  if (field && field.varint !== undefined && field.varint !== 0n) out[key] = int(field);
}

/** ObjectMeta: name=1, generateName=2, namespace=3, labels=11, annotations=12. */
export function objectMeta(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = {};
  setText(out, 'name', first(f, 1));
  setText(out, 'generateName', first(f, 2));
  setText(out, 'namespace', first(f, 3));
  const labels = mapEntries(f, 11);
  if (labels) out.labels = labels;
  const annotations = mapEntries(f, 12);
  if (annotations) out.annotations = annotations;
  return out;
}

/** IntOrString: type=1 (0 int, 1 string), intVal=2, strVal=3. */
function intOrString(raw: Uint8Array): number | string {
  const f = readFields(raw);
  const type = first(f, 1);
  if (type && int(type) === 1) return text(first(f, 3) ?? { number: 3, wireType: 2 });
  const value = first(f, 2);
  return value ? int(value) : 0;
}

/** ServicePort: name=1, protocol=2, port=3, targetPort=4, nodePort=5, appProtocol=6. */
function servicePort(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = {};
  setText(out, 'name', first(f, 1));
  setText(out, 'protocol', first(f, 2));
  setInt(out, 'port', first(f, 3));
  const target = first(f, 4);
  if (target?.bytes) {
    const value = intOrString(target.bytes);
    if (value !== 0 && value !== '') out.targetPort = value;
  }
  setInt(out, 'nodePort', first(f, 5));
  setText(out, 'appProtocol', first(f, 6));
  return out;
}

const strings = (fields: readonly WireField[], n: number): string[] => all(fields, n).map(text);

/** ServiceSpec: ports=1, selector=2, clusterIP=3, type=4, externalIPs=5, sessionAffinity=7, externalName=10, externalTrafficPolicy=11, healthCheckNodePort=12, clusterIPs=18, internalTrafficPolicy=22. */
function serviceSpec(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const out: Obj = {};
  const ports = all(f, 1).map((p) => servicePort(p.bytes ?? new Uint8Array()));
  if (ports.length > 0) out.ports = ports;
  const selector = mapEntries(f, 2);
  if (selector) out.selector = selector;
  setText(out, 'clusterIP', first(f, 3));
  const clusterIPs = strings(f, 18);
  if (clusterIPs.length > 0) out.clusterIPs = clusterIPs;
  setText(out, 'type', first(f, 4));
  const externalIPs = strings(f, 5);
  if (externalIPs.length > 0) out.externalIPs = externalIPs;
  setText(out, 'sessionAffinity', first(f, 7));
  setText(out, 'externalName', first(f, 10));
  setText(out, 'externalTrafficPolicy', first(f, 11));
  setInt(out, 'healthCheckNodePort', first(f, 12));
  setText(out, 'internalTrafficPolicy', first(f, 22));
  return out;
}

/** Service: metadata=1, spec=2 (status is the server's). */
export function serviceManifest(raw: Uint8Array): Obj {
  const f = readFields(raw);
  const meta = first(f, 1);
  const spec = first(f, 2);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta?.bytes ? objectMeta(meta.bytes) : {},
    spec: spec?.bytes ? serviceSpec(spec.bytes) : {},
  };
}

/** A core/v1 Namespace sent as protobuf (`kubectl create namespace`): metadata=1; spec and status carry nothing the lab keeps. */
export function namespaceManifest(raw: Uint8Array): Obj {
  const meta = first(readFields(raw), 1);
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta?.bytes ? objectMeta(meta.bytes) : {} };
}
