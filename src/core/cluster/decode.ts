// Turns a manifest (YAML or JSON already parsed into plain data) into a pod or
// service input, rejecting unknown fields the way strict decoding does.

import { badRequest, type ApiError } from './api-error.js';
import { POD_SCHEMA, SERVICE_SCHEMA, checkAgainstSchema, type DecodeProblem } from './manifest-schema.js';
import type { ContainerInput, PodInput } from './pods.js';
import type { ServiceInput, ServicePortInput } from './services.js';
import type { NamespaceInput } from './namespaces.js';
import type { EnvVar, Labels } from './types.js';
import { setOwn } from '../own.js';

export type DecodedObject =
  | { readonly kind: 'Pod'; readonly name: string; readonly input: PodInput; readonly manifest: Readonly<Record<string, unknown>> }
  | { readonly kind: 'Service'; readonly name: string; readonly input: ServiceInput; readonly manifest: Readonly<Record<string, unknown>> }
  | {
      readonly kind: 'Namespace';
      readonly name: string;
      readonly input: NamespaceInput & { readonly namespace?: undefined };
      readonly manifest: Readonly<Record<string, unknown>>;
    };

export type DecodeResult = { readonly ok: true; readonly object: DecodedObject } | { readonly ok: false; readonly error: ApiError };

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The object a manifest's field holds, or an empty one. */
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** A manifest's string map (labels, annotations, matchLabels): its string values, own properties only. */
export function labels(v: unknown): Labels | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') setOwn(out, k, val);
  return out;
}

/** The strict decoder's refusal: the first type error, or every unknown field. */
export function problemsMessage(kind: string, problems: readonly DecodeProblem[]): string {
  const typeProblem = problems.find((p) => p.kind === 'type');
  const prefix = `${kind} in version "v1" cannot be handled as a ${kind}: `;
  if (typeProblem && typeProblem.kind === 'type') return prefix + typeProblem.message;
  const unknown = problems.map((p) => (p.kind === 'unknown-field' ? `unknown field "${p.path}"` : '')).filter((s) => s !== '');
  return `${prefix}strict decoding error: ${unknown.join(', ')}`;
}

export function toPodInput(m: Obj): PodInput {
  const meta = obj(m.metadata);
  const spec = obj(m.spec);
  const containers = arr(spec.containers).map((c): ContainerInput => {
    const co = obj(c);
    const env = arr(co.env).map((e): EnvVar => ({ name: str(obj(e).name) ?? '', value: str(obj(e).value) ?? '' }));
    return {
      name: str(co.name) ?? '',
      image: str(co.image) ?? '',
      ports: arr(co.ports).map((p) => {
        const po = obj(p);
        const name = str(po.name);
        const protocol = str(po.protocol);
        return { containerPort: num(po.containerPort) ?? 0, ...(name !== undefined ? { name } : {}), ...(protocol !== undefined ? { protocol } : {}) };
      }),
      env,
      ...(str(co.imagePullPolicy) !== undefined ? { imagePullPolicy: str(co.imagePullPolicy) ?? '' } : {}),
      ...(Array.isArray(co.volumeMounts) ? { volumeMounts: co.volumeMounts.map((v) => str(obj(v).name) ?? '') } : {}),
    };
  });
  const l = labels(meta.labels);
  const a = labels(meta.annotations);
  const restartPolicy = str(spec.restartPolicy);
  const serviceAccountName = str(spec.serviceAccountName) ?? str(spec.serviceAccount);
  return {
    name: str(meta.name) ?? '',
    ...(str(meta.namespace) ? { namespace: str(meta.namespace) } : {}),
    ...(l ? { labels: l } : {}),
    ...(a ? { annotations: a } : {}),
    containers,
    ...(restartPolicy !== undefined ? { restartPolicy } : {}),
    ...(str(spec.nodeName) !== undefined ? { nodeName: str(spec.nodeName) } : {}),
    ...(serviceAccountName !== undefined ? { serviceAccountName } : {}),
    ...(Array.isArray(spec.volumes) ? { volumes: spec.volumes.map((v) => str(obj(v).name) ?? '') } : {}),
  };
}

function toServiceInput(m: Obj): ServiceInput {
  const meta = obj(m.metadata);
  const spec = obj(m.spec);
  const ports = arr(spec.ports).map((p): ServicePortInput => {
    const po = obj(p);
    const target = po.targetPort;
    const name = str(po.name);
    const protocol = str(po.protocol);
    const nodePort = num(po.nodePort);
    return {
      port: num(po.port) ?? 0,
      ...(name !== undefined ? { name } : {}),
      ...(protocol !== undefined ? { protocol } : {}),
      ...(typeof target === 'number' || typeof target === 'string' ? { targetPort: target } : {}),
      ...(nodePort !== undefined ? { nodePort } : {}),
    };
  });
  const opt = (key: string, value: unknown): Obj => (typeof value === 'string' ? { [key]: value } : {});
  const l = labels(meta.labels);
  const a = labels(meta.annotations);
  const selector = labels(spec.selector);
  return {
    name: str(meta.name) ?? '',
    ...(str(meta.namespace) ? { namespace: str(meta.namespace) } : {}),
    ...(l ? { labels: l } : {}),
    ...(a ? { annotations: a } : {}),
    ports,
    ...(selector ? { selector } : {}),
    ...opt('type', spec.type),
    ...opt('clusterIP', spec.clusterIP),
    ...opt('sessionAffinity', spec.sessionAffinity),
    ...opt('externalTrafficPolicy', spec.externalTrafficPolicy),
    ...opt('externalName', spec.externalName),
    ...(Array.isArray(spec.externalIPs) ? { externalIPs: spec.externalIPs.map((ip) => String(ip)) } : {}),
    ...(num(spec.healthCheckNodePort) !== undefined ? { healthCheckNodePort: num(spec.healthCheckNodePort) } : {}),
  };
}

/** The kinds the simulated API server serves, by apiVersion/kind. */
export function isSupportedKind(apiVersion: string, kind: string): boolean {
  return apiVersion === 'v1' && (kind === 'Pod' || kind === 'Service' || kind === 'Namespace');
}

/** A Namespace manifest: its name, labels and annotations are all a namespace holds here. */
function toNamespaceInput(m: Obj): NamespaceInput {
  const meta = obj(m.metadata);
  const l = labels(meta.labels);
  const a = labels(meta.annotations);
  return { name: str(meta.name) ?? '', ...(l ? { labels: l } : {}), ...(a ? { annotations: a } : {}) };
}

/** Decodes a manifest whose apiVersion is v1 and kind is Pod or Service. */
export function decodeObject(manifest: unknown): DecodeResult {
  const m = obj(manifest);
  const kind = str(m.kind);
  if (kind === 'Namespace') {
    const input = toNamespaceInput(m);
    return { ok: true, object: { kind, name: input.name, input, manifest: m } };
  }
  if (kind !== 'Pod' && kind !== 'Service') return { ok: false, error: badRequest(`no kind "${kind ?? ''}" is registered for version "v1"`) };
  const problems: DecodeProblem[] = [];
  checkAgainstSchema(m, kind === 'Pod' ? POD_SCHEMA : SERVICE_SCHEMA, '', '', kind, '', problems);
  if (problems.length > 0) return { ok: false, error: badRequest(problemsMessage(kind, problems)) };
  if (kind === 'Pod') {
    const input = toPodInput(m);
    return { ok: true, object: { kind, name: input.name, input, manifest: m } };
  }
  const input = toServiceInput(m);
  return { ok: true, object: { kind, name: input.name, input, manifest: m } };
}
