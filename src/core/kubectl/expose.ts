// kubectl expose (pod|service) NAME --port --target-port --type --name --protocol

import { dryRunCreated } from './dry-run-created.js';
import {
  createService,
  findDeployment,
  findPod,
  findReplicaSet,
  findService,
  type IntOrString,
  type ServiceInput,
  type ServicePortInput,
} from '../cluster/index.js';
import { serviceView } from './api-view.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { flagValue } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { EXPOSE_HELP } from './help.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import { resolveType, unknownTypeMessage } from './resources.js';
import { parseLabelSpec } from './run.js';

export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

function clientService(input: ServiceInput): JsonValue {
  const ports: JsonValue[] = input.ports.map((p) => {
    const out: { [k: string]: JsonValue } = {};
    if (p.name) out.name = p.name;
    out.protocol = p.protocol ?? 'TCP';
    out.port = p.port;
    out.targetPort = p.targetPort ?? p.port;
    if (p.nodePort) out.nodePort = p.nodePort;
    return out;
  });
  // core/v1 ServiceSpec.Ports is `omitempty`: `create service clusterip NAME --clusterip=None` has none.
  const spec: { [k: string]: JsonValue } = ports.length > 0 ? { ports } : {};
  if (input.selector) spec.selector = { ...input.selector };
  if (input.clusterIP) spec.clusterIP = input.clusterIP;
  if (input.type) spec.type = input.type;
  if (input.externalIPs && input.externalIPs.length > 0) spec.externalIPs = [...input.externalIPs];
  if (input.sessionAffinity) spec.sessionAffinity = input.sessionAffinity;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: input.name, creationTimestamp: null, ...(input.labels && Object.keys(input.labels).length > 0 ? { labels: { ...input.labels } } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const args = parsed.positional;
  if (args.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  let typeName: string;
  let name: string | undefined;
  if (args[0]?.includes('/')) [typeName = '', name] = (args[0] ?? '').split('/');
  else [typeName = '', name] = args;
  const type = resolveType(typeName);
  if (!type) return fail(cluster, clientError(unknownTypeMessage(typeName)));
  if (name === undefined || name === '') return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
  if (type === 'empty' || (type.kind !== 'Pod' && type.kind !== 'Service' && type.kind !== 'Deployment' && type.kind !== 'ReplicaSet')) {
    const kind = type === 'empty' ? typeName : type.kind;
    return fail(cluster, clientError(`cannot expose a ${kind}`));
  }
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));

  // A deployment or replicaset is exposed as its pod template is: its selector, its containers' ports.
  const workload =
    type.kind === 'Deployment'
      ? findDeployment(cluster, name, ctx.namespace)
      : type.kind === 'ReplicaSet'
        ? findReplicaSet(cluster, name, ctx.namespace)
        : undefined;
  const templatePod = workload && { metadata: { labels: workload.metadata.labels }, spec: { containers: workload.spec.template.containers } };
  const pod = type.kind === 'Pod' ? findPod(cluster, name, ctx.namespace) : templatePod;
  const source = type.kind === 'Service' ? findService(cluster, name, ctx.namespace) : undefined;
  if (!pod && !source) return fail(cluster, apiErrorText(missingObject(cluster, type, name, ctx.namespace)));

  let selector: Record<string, string> | undefined;
  const selectorFlag = flagValue(parsed, 'selector');
  if (selectorFlag !== undefined && selectorFlag !== '') {
    const s = parseLabelSpec(selectorFlag);
    if (!s.ok) return fail(cluster, clientError(s.error));
    selector = s.labels;
  } else if (workload) {
    selector = { ...workload.spec.selector };
  } else if (pod) {
    if (Object.keys(pod.metadata.labels).length === 0) {
      return fail(cluster, clientError("couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed"));
    }
    selector = { ...pod.metadata.labels };
  } else if (source) {
    if (!source.spec.selector || Object.keys(source.spec.selector).length === 0) {
      return fail(cluster, clientError("couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set"));
    }
    selector = { ...source.spec.selector };
  }

  const protocolFlag = flagValue(parsed, 'protocol');
  const targetFlag = flagValue(parsed, 'target-port');
  const target = (port: number): IntOrString => {
    if (targetFlag === undefined || targetFlag === '') return port;
    return /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag;
  };
  const portFlag = flagValue(parsed, 'port');
  let ports: ServicePortInput[];
  if (portFlag !== undefined && portFlag !== '') {
    const list = portFlag.split(',');
    ports = [];
    for (const [i, text] of list.entries()) {
      if (!/^[-+]?\d+$/.test(text)) return fail(cluster, clientError(`strconv.Atoi: parsing "${text}": invalid syntax`));
      const port = Number(text);
      ports.push({ ...(list.length > 1 ? { name: `port-${i + 1}` } : {}), protocol: protocolFlag ?? 'TCP', port, targetPort: target(port) });
    }
  } else {
    const found = pod
      ? pod.spec.containers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })))
      : (source?.spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol }));
    if (found.length === 0) return fail(cluster, clientError("couldn't find port via --port flag or introspection"));
    ports = found.map((p, i) => ({
      ...(found.length > 1 ? { name: `port-${i + 1}` } : {}),
      protocol: protocolFlag ?? p.protocol,
      port: p.port,
      targetPort: target(p.port),
    }));
  }

  let labels: Record<string, string> = pod ? { ...pod.metadata.labels } : { ...(source?.metadata.labels ?? {}) };
  const labelsFlag = flagValue(parsed, 'labels');
  if (labelsFlag !== undefined && labelsFlag !== '') {
    const l = parseLabelSpec(labelsFlag);
    if (!l.ok) return fail(cluster, clientError(l.error));
    labels = l.labels;
  }
  const serviceName = flagValue(parsed, 'name') ?? name;
  const typeFlag = flagValue(parsed, 'type');
  const clusterIP = flagValue(parsed, 'cluster-ip');
  const externalIP = flagValue(parsed, 'external-ip');
  const sessionAffinity = flagValue(parsed, 'session-affinity');
  // staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go createService: only None and ClientIP.
  if (sessionAffinity && sessionAffinity !== 'None' && sessionAffinity !== 'ClientIP')
    return fail(cluster, clientError(`unknown session affinity: ${sessionAffinity}`));
  const input: ServiceInput = {
    ...(externalIP ? { externalIPs: [externalIP] } : {}),
    ...(sessionAffinity ? { sessionAffinity } : {}),
    name: serviceName,
    labels,
    ports,
    ...(selector ? { selector } : {}),
    ...(typeFlag ? { type: typeFlag } : {}),
    ...(clusterIP ? { clusterIP } : {}),
  };
  const ref = `service/${serviceName}`;
  const action = `exposed${actionSuffix(dry.mode)}`;
  if (dry.mode === 'client') return printResult(cluster, format.format, ref, action, () => clientService(input), false);
  const created = createService(clusterFor(cluster, dry.mode), { ...input, namespace: ctx.namespace });
  if (!created.ok) return fail(cluster, apiErrorText(created.error));
  const next = dry.mode === 'server' ? cluster : created.cluster;
  return printResult(
    next,
    format.format,
    ref,
    action,
    () => (dry.mode === 'server' ? dryRunCreated(serviceView(created.value)) : serviceView(created.value)),
    true,
  );
}

export const exposeCommand: CommandDef = {
  name: 'expose',
  flags: [
    { name: 'port', kind: 'string' },
    { name: 'target-port', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'name', kind: 'string' },
    { name: 'protocol', kind: 'string' },
    { name: 'selector', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'cluster-ip', kind: 'string' },
    { name: 'external-ip', kind: 'string' },
    { name: 'session-affinity', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: EXPOSE_HELP,
  run,
};

export { clientService };
