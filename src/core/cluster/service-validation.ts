// ValidateService (pkg/apis/core/validation), in the order the API server checks,
// so that several causes come out together and in the same order.

import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './field-error.js';
import { validateLabels, validateMetadata } from './metadata-validation.js';
import { isDNS1035Label, isDNS1123Label, isValidPortName, isValidPortNum } from './names.js';
import { PROTOCOLS, SERVICE_TYPES, type IntOrString, type Labels } from './types.js';
import { append } from '../append.js';

/** A service after defaulting, before validation: fields may still hold unsupported values. */
export interface DraftServicePort {
  readonly name: string;
  readonly protocol: string;
  readonly port: number;
  readonly targetPort: IntOrString;
  readonly nodePort: number;
}

export interface DraftService {
  readonly name: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly type: string;
  readonly clusterIP: string;
  readonly ports: readonly DraftServicePort[];
  readonly selector?: Labels;
  readonly sessionAffinity: string;
  readonly externalTrafficPolicy: string;
  readonly externalName: string;
  readonly externalIPs: readonly string[];
  readonly healthCheckNodePort: number;
}

export function isExternallyAccessible(type: string): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}

/** How Go prints the (protocol, port) key of a duplicate port with %#v. */
function servicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validateTargetPort(target: IntOrString, path: string): FieldError[] {
  if (typeof target === 'number') return isValidPortNum(target).map((msg) => invalid(path, target, msg));
  return isValidPortName(target).map((msg) => invalid(path, target, msg));
}

export function validateService(svc: DraftService): FieldError[] {
  const errors = validateMetadata(svc.name, svc.labels, svc.annotations, isDNS1035Label);

  if (svc.ports.length === 0 && svc.clusterIP !== 'None' && svc.type !== 'ExternalName') errors.push(required('spec.ports'));
  if (svc.type === 'ExternalName') {
    const cname = svc.externalName.replace(/\.$/, '');
    if (cname === '') errors.push(required('spec.externalName'));
  }

  const names = new Set<string>();
  svc.ports.forEach((sp, i) => {
    const path = `spec.ports[${i}]`;
    if (svc.ports.length > 1 && sp.name === '') errors.push(required(`${path}.name`));
    else if (sp.name !== '') {
      for (const msg of isDNS1123Label(sp.name)) errors.push(invalid(`${path}.name`, sp.name, msg));
      if (names.has(sp.name)) errors.push(duplicate(`${path}.name`, { kind: 'string', value: sp.name }));
      else names.add(sp.name);
    }
    for (const msg of isValidPortNum(sp.port)) errors.push(invalid(`${path}.port`, sp.port, msg));
    if (sp.protocol === '') errors.push(required(`${path}.protocol`));
    else if (!(PROTOCOLS as readonly string[]).includes(sp.protocol)) errors.push(notSupported(`${path}.protocol`, sp.protocol, PROTOCOLS));
    append(errors, validateTargetPort(sp.targetPort, `${path}.targetPort`));
  });

  if (svc.selector !== undefined) append(errors, validateLabels(svc.selector, 'spec.selector'));

  svc.externalIPs.forEach((ip, i) => {
    if (!/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(ip)) {
      errors.push(invalid(`spec.externalIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
  });

  if (svc.sessionAffinity === '') errors.push(required('spec.sessionAffinity'));
  else if (svc.sessionAffinity !== 'ClientIP' && svc.sessionAffinity !== 'None') {
    errors.push(notSupported('spec.sessionAffinity', svc.sessionAffinity, ['ClientIP', 'None']));
  }

  if (svc.type === '') errors.push(required('spec.type'));
  else if (!(SERVICE_TYPES as readonly string[]).includes(svc.type)) errors.push(notSupported('spec.type', svc.type, SERVICE_TYPES));

  // The per-type checks of ValidateService's switch on spec.type.
  if (svc.type === 'LoadBalancer') {
    if (svc.clusterIP === 'None') errors.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
    svc.ports.forEach((sp, i) => {
      if (sp.port === 10250) errors.push(invalid(`spec.ports[${i}]`, sp.port, 'may not expose port 10250 externally since it is used by kubelet'));
    });
  }
  if (svc.type === 'NodePort' && svc.clusterIP === 'None') errors.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (svc.type === 'ClusterIP') {
    svc.ports.forEach((sp, i) => {
      if (sp.nodePort !== 0) errors.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }

  const nodePorts = new Set<string>();
  svc.ports.forEach((sp, i) => {
    if (sp.nodePort === 0) return;
    const key = `${sp.protocol}/${sp.nodePort}`;
    if (nodePorts.has(key)) errors.push(duplicate(`spec.ports[${i}].nodePort`, { kind: 'number', value: sp.nodePort }));
    nodePorts.add(key);
  });

  const ports = new Set<string>();
  svc.ports.forEach((sp, i) => {
    const key = `${sp.protocol}/${sp.port}`;
    if (ports.has(key)) errors.push(duplicate(`spec.ports[${i}]`, { kind: 'raw', text: servicePortKey(sp.protocol, sp.port) }));
    ports.add(key);
  });

  if (!isExternallyAccessible(svc.type)) {
    if (svc.externalTrafficPolicy !== '') {
      errors.push(invalid('spec.externalTrafficPolicy', svc.externalTrafficPolicy, 'may only be set for externally-accessible services'));
    }
  } else if (svc.externalTrafficPolicy === '') errors.push(required('spec.externalTrafficPolicy'));
  else if (svc.externalTrafficPolicy !== 'Cluster' && svc.externalTrafficPolicy !== 'Local') {
    errors.push(notSupported('spec.externalTrafficPolicy', svc.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errors;
}
