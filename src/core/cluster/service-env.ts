// The environment variables the kubelet gives a container for each service that
// exists when it starts (pkg/kubelet/envvars): FOO_SERVICE_HOST, FOO_PORT_80_TCP, ...

import type { EnvVar, Service } from './types.js';

export function envVarName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

export function serviceEnvVars(services: readonly Service[]): EnvVar[] {
  const result: EnvVar[] = [];
  const visible = services
    .filter((s) => s.spec.clusterIP !== '' && s.spec.clusterIP !== 'None' && s.spec.type !== 'ExternalName' && s.spec.ports.length > 0)
    .slice()
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  for (const service of visible) {
    const prefix = envVarName(service.metadata.name);
    const ip = service.spec.clusterIP;
    const [first] = service.spec.ports;
    if (!first) continue;
    result.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    result.push({ name: `${prefix}_SERVICE_PORT`, value: String(first.port) });
    for (const sp of service.spec.ports) {
      if (sp.name) result.push({ name: `${prefix}_SERVICE_PORT_${envVarName(sp.name)}`, value: String(sp.port) });
    }
    service.spec.ports.forEach((sp, i) => {
      const proto = sp.protocol.toLowerCase();
      const url = `${proto}://${ip}:${sp.port}`;
      if (i === 0) result.push({ name: `${prefix}_PORT`, value: url });
      const portPrefix = `${prefix}_PORT_${sp.port}_${sp.protocol.toUpperCase()}`;
      result.push({ name: portPrefix, value: url });
      result.push({ name: `${portPrefix}_PROTO`, value: proto });
      result.push({ name: `${portPrefix}_PORT`, value: String(sp.port) });
      result.push({ name: `${portPrefix}_ADDR`, value: ip });
    });
  }
  return result;
}
