// The fields of the core/v1 objects the simulator accepts, so that unknown fields
// can be rejected the way the API server's strict decoding does. Fields the
// simulator ignores are still listed (as 'any'), because they are real.

import { getOwn } from '../own.js';

export type FieldSchema =
  | 'string'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'any'
  | 'stringMap'
  | 'intOrString'
  | { readonly struct: string; readonly fields: Readonly<Record<string, FieldSchema>> }
  | { readonly list: FieldSchema };

const struct = (name: string, fields: Record<string, FieldSchema>): FieldSchema => ({ struct: name, fields });
const list = (of: FieldSchema): FieldSchema => ({ list: of });

export const OBJECT_META = struct('ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'any',
  deletionTimestamp: 'any',
  deletionGracePeriodSeconds: 'int64',
  labels: 'stringMap',
  annotations: 'stringMap',
  ownerReferences: 'any',
  finalizers: 'any',
  managedFields: 'any',
});

const SERVICE_PORT = struct('ServicePort', {
  name: 'string',
  protocol: 'string',
  appProtocol: 'string',
  port: 'int32',
  targetPort: 'intOrString',
  nodePort: 'int32',
});

export const SERVICE_SCHEMA = struct('Service', {
  apiVersion: 'string',
  kind: 'string',
  metadata: OBJECT_META,
  spec: struct('ServiceSpec', {
    ports: list(SERVICE_PORT),
    selector: 'stringMap',
    clusterIP: 'string',
    clusterIPs: list('string'),
    type: 'string',
    externalIPs: list('string'),
    sessionAffinity: 'string',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: list('string'),
    externalName: 'string',
    externalTrafficPolicy: 'string',
    healthCheckNodePort: 'int32',
    publishNotReadyAddresses: 'bool',
    sessionAffinityConfig: 'any',
    ipFamilies: list('string'),
    ipFamilyPolicy: 'string',
    allocateLoadBalancerNodePorts: 'bool',
    loadBalancerClass: 'string',
    internalTrafficPolicy: 'string',
    trafficDistribution: 'string',
  }),
  status: 'any',
});

const CONTAINER_PORT = struct('ContainerPort', {
  name: 'string',
  hostPort: 'int32',
  containerPort: 'int32',
  protocol: 'string',
  hostIP: 'string',
});

const ENV_VAR = struct('EnvVar', { name: 'string', value: 'string', valueFrom: 'any' });

const CONTAINER = struct('Container', {
  name: 'string',
  image: 'string',
  command: list('string'),
  args: list('string'),
  workingDir: 'string',
  ports: list(CONTAINER_PORT),
  envFrom: 'any',
  env: list(ENV_VAR),
  resources: 'any',
  resizePolicy: 'any',
  restartPolicy: 'string',
  volumeMounts: 'any',
  volumeDevices: 'any',
  livenessProbe: 'any',
  readinessProbe: 'any',
  startupProbe: 'any',
  lifecycle: 'any',
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  imagePullPolicy: 'string',
  securityContext: 'any',
  stdin: 'bool',
  stdinOnce: 'bool',
  tty: 'bool',
});

export const POD_SCHEMA = struct('Pod', {
  apiVersion: 'string',
  kind: 'string',
  metadata: OBJECT_META,
  spec: struct('PodSpec', {
    volumes: 'any',
    initContainers: list(CONTAINER),
    containers: list(CONTAINER),
    ephemeralContainers: 'any',
    restartPolicy: 'string',
    terminationGracePeriodSeconds: 'int64',
    activeDeadlineSeconds: 'int64',
    dnsPolicy: 'string',
    nodeSelector: 'stringMap',
    serviceAccountName: 'string',
    serviceAccount: 'string',
    automountServiceAccountToken: 'bool',
    nodeName: 'string',
    hostNetwork: 'bool',
    hostPID: 'bool',
    hostIPC: 'bool',
    shareProcessNamespace: 'bool',
    securityContext: 'any',
    imagePullSecrets: 'any',
    hostname: 'string',
    subdomain: 'string',
    affinity: 'any',
    schedulerName: 'string',
    tolerations: 'any',
    hostAliases: 'any',
    priorityClassName: 'string',
    priority: 'int32',
    dnsConfig: 'any',
    readinessGates: 'any',
    runtimeClassName: 'string',
    enableServiceLinks: 'bool',
    preemptionPolicy: 'string',
    overhead: 'any',
    topologySpreadConstraints: 'any',
    setHostnameAsFQDN: 'bool',
    os: 'any',
    hostUsers: 'bool',
    schedulingGates: 'any',
    resourceClaims: 'any',
    resources: 'any',
  }),
  status: 'any',
});

export type DecodeProblem = { readonly kind: 'unknown-field'; readonly path: string } | { readonly kind: 'type'; readonly message: string };

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** A schema's Go type as the decoder names it: `[]v1.ServicePort`, `map[string]string`, `[][]string`. */
function goTypeName(schema: FieldSchema): string {
  if (typeof schema === 'string')
    return schema === 'stringMap' ? 'map[string]string' : schema === 'intOrString' ? 'intstr.IntOrString' : schema === 'any' ? 'interface {}' : schema;
  return 'struct' in schema ? `v1.${schema.struct}` : `[]${goTypeName(schema.list)}`;
}

/** Walks a decoded manifest against a schema, collecting unknown fields and type mismatches (Go's messages). */
export function checkAgainstSchema(
  value: unknown,
  schema: FieldSchema,
  path: string,
  goPath: string,
  owner: string,
  field: string,
  problems: DecodeProblem[],
): void {
  if (value === null || value === undefined || schema === 'any') return;
  const typeError = (goType: string): void => {
    problems.push({ kind: 'type', message: `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ${owner}.${goPath} of type ${goType}` });
  };
  if (schema === 'string') {
    if (typeof value !== 'string') typeError('string');
    return;
  }
  if (schema === 'int32' || schema === 'int64') {
    if (typeof value !== 'number' || !Number.isInteger(value)) typeError(schema);
    return;
  }
  if (schema === 'bool') {
    if (typeof value !== 'boolean') typeError('bool');
    return;
  }
  if (schema === 'stringMap') {
    if (typeof value !== 'object' || Array.isArray(value)) typeError('map[string]string');
    else
      for (const v of Object.values(value))
        if (typeof v !== 'string' && v !== null)
          problems.push({ kind: 'type', message: `json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${owner}.${goPath} of type string` });
    return;
  }
  if (schema === 'intOrString') {
    if (typeof value !== 'string' && typeof value !== 'number') typeError('intstr.IntOrString');
    return;
  }
  if ('list' in schema) {
    if (!Array.isArray(value)) {
      typeError(goTypeName(schema));
      return;
    }
    value.forEach((item, i) => checkAgainstSchema(item, schema.list, `${path}[${i}]`, goPath, owner, field, problems));
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    typeError(`v1.${schema.struct}`);
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childSchema = getOwn(schema.fields, key);
    const childPath = path === '' ? key : `${path}.${key}`;
    if (childSchema === undefined) {
      problems.push({ kind: 'unknown-field', path: childPath });
      continue;
    }
    const childGoPath = goPath === '' ? key : `${goPath}.${key}`;
    checkAgainstSchema(child, childSchema, childPath, childGoPath, schema.struct, key, problems);
  }
}

/** A pod template (a Deployment's or a ReplicaSet's spec.template): its metadata and a pod's spec. */
export const POD_TEMPLATE_SCHEMA: FieldSchema = struct('PodTemplateSpec', {
  metadata: OBJECT_META,
  spec: (POD_SCHEMA as { fields: Record<string, FieldSchema> }).fields.spec as FieldSchema,
});
