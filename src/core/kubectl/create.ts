// kubectl create -f FILE, and kubectl create service clusterip|nodeport|loadbalancer NAME

import { RECURSIVE_FLAG } from './recursive-flag.js';
import { createObject, createService, isValidPortName, type Cluster, type IntOrString, type ServiceInput, type ServicePortInput } from '../cluster/index.js';
import { serviceView } from './api-view.js';
import { apiObjectView } from './object-view.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG, dryRunOf } from './dry-run.js';
import { apiErrorText, clientError, flagError, statusMessage, usageError } from './errors.js';
import { flagValue, flagValues } from './flags.js';
import { CREATE_HELP, CREATE_SERVICE_CLUSTERIP_HELP, CREATE_SERVICE_HELP, CREATE_SERVICE_LOADBALANCER_HELP, CREATE_SERVICE_NODEPORT_HELP } from './help.js';
import { clientService } from './expose.js';
import { entryNamespace, loadManifests, reportUnusable } from './manifests.js';
import { writeWorkloadFile } from './workload-files.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import { dryRunCreated } from './dry-run-created.js';
import { createDeploymentCmd } from './create-deployment.js';
import { createNamespaceCmd } from './create-namespace.js';

/** create_service.go parsePorts: `80`, `80:8080` or `80:http`. */
export function parseTcp(spec: string): { ok: true; port: number; targetPort: IntOrString } | { ok: false; error: string } {
  const [portText = '', targetText] = spec.split(':');
  if (!/^\d+$/.test(portText)) return { ok: false, error: `strconv.ParseUint: parsing "${portText}": invalid syntax` };
  const port = Number(portText);
  if (port > 65535) return { ok: false, error: `strconv.ParseUint: parsing "${portText}": value out of range` };
  if (targetText === undefined) return { ok: true, port, targetPort: port };
  if (/^[-+]?\d+$/.test(targetText)) {
    const n = Number(targetText);
    if (n < 1 || n > 65535) return { ok: false, error: 'must be between 1 and 65535, inclusive' };
    return { ok: true, port, targetPort: n };
  }
  const problems = isValidPortName(targetText);
  if (problems.length > 0) return { ok: false, error: problems.join(',') };
  return { ok: true, port, targetPort: targetText };
}

const SERVICE_KINDS: Record<string, { type: string; help: string }> = {
  clusterip: { type: 'ClusterIP', help: CREATE_SERVICE_CLUSTERIP_HELP },
  nodeport: { type: 'NodePort', help: CREATE_SERVICE_NODEPORT_HELP },
  loadbalancer: { type: 'LoadBalancer', help: CREATE_SERVICE_LOADBALANCER_HELP },
};

/** The flags of `kubectl create` that a `create service` kind does not have. */
const SERVICE_FOREIGN_FLAGS: Record<string, readonly string[]> = {
  clusterip: ['node-port', 'image', 'replicas', 'port'],
  nodeport: ['clusterip', 'image', 'replicas', 'port'],
  loadbalancer: ['node-port', 'clusterip', 'image', 'replicas', 'port'],
};

function createServiceCmd(ctx: CommandContext, sub: string, args: readonly string[]): KubectlResult {
  const { cluster, parsed } = ctx;
  const path = `kubectl create service ${sub}`;
  const kind = SERVICE_KINDS[sub];
  if (!kind) return fail(cluster, clientError(`unknown command "${sub}" for "kubectl create service"`));
  // create_service.go: only `nodeport` has --node-port, only `clusterip` has --clusterip; cobra
  // refuses the other's flag before anything runs.
  const foreign = SERVICE_FOREIGN_FLAGS[sub]?.find((flag) => flagValue(parsed, flag) !== undefined);
  if (foreign) return fail(cluster, flagError(path, `unknown flag: --${foreign}`));
  if (args.length !== 1) return fail(cluster, usageError(path, `exactly one NAME is required, got ${args.length}`));
  const name = args[0] ?? '';
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const tcp = flagValues(parsed, 'tcp');
  const clusterIP = flagValue(parsed, 'clusterip');
  if (tcp.length === 0 && clusterIP !== 'None') return fail(cluster, clientError('at least one tcp port specifier must be provided'));
  const nodePort = Number(flagValue(parsed, 'node-port') ?? '0');
  const ports: ServicePortInput[] = [];
  for (const spec of tcp) {
    const p = parseTcp(spec);
    if (!p.ok) return fail(cluster, clientError(p.error));
    ports.push({ name: spec.replace(/:/g, '-'), protocol: 'TCP', port: p.port, targetPort: p.targetPort, ...(nodePort !== 0 ? { nodePort } : {}) });
  }
  const input: ServiceInput = {
    name,
    labels: { app: name },
    ports,
    selector: { app: name },
    type: kind.type,
    ...(clusterIP !== undefined && clusterIP !== '' ? { clusterIP } : {}),
  };
  const ref = `service/${name}`;
  const action = `created${actionSuffix(dry.mode)}`;
  if (dry.mode === 'client') return printResult(cluster, format.format, ref, action, () => clientService(input), false);
  const created = createService(clusterFor(cluster, dry.mode), { ...input, namespace: ctx.namespace });
  // create_service.go wraps the API's error: `failed to create NodePort service: <Status message>`.
  if (!created.ok) return fail(cluster, clientError(`failed to create ${kind.type} service: ${statusMessage(created.error)}`));
  const view = () => (dry.mode === 'server' ? dryRunCreated(serviceView(created.value)) : serviceView(created.value));
  // The answer is decoded into a typed core/v1 Service: -o json prints it in Go struct order.
  return printResult(dry.mode === 'server' ? cluster : created.cluster, format.format, ref, action, view, false);
}

function createFromFiles(ctx: CommandContext, files: readonly string[]): KubectlResult {
  const { parsed } = ctx;
  let cluster: Cluster = ctx.cluster;
  const out = new Output();
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const loaded = loadManifests(ctx.io, files);
  if (!loaded.ok) return fail(cluster, clientError(loaded.error));
  for (const entry of loaded.entries) {
    if (!entry.ok) {
      reportUnusable(out, entry);
      continue;
    }
    if (entry.workload) {
      const bound = entryNamespace(ctx, entry.workload);
      if (!bound.ok) {
        out.err(clientError(bound.error));
        continue;
      }
      cluster = writeWorkloadFile('create', cluster, out, entry.workload, bound.namespace ?? ctx.namespace, entry.file, {
        dry: dry.mode,
        format: format.format,
      });
      continue;
    }
    const object = entry.object;
    const target = entryNamespace(ctx, object);
    if (!target.ok) {
      out.err(clientError(target.error));
      continue;
    }
    const ref = `${object.kind.toLowerCase()}/${object.name}`;
    if (dry.mode === 'client') {
      const r = printResult(cluster, format.format, ref, `created${actionSuffix('client')}`, () => object.manifest as never, false);
      out.write(r.stdout);
      continue;
    }
    const created = createObject(clusterFor(cluster, dry.mode), object, undefined, target.namespace);
    if (!created.ok) {
      out.err(apiErrorText(created.error, { verb: 'creating', file: entry.file }));
      continue;
    }
    if (dry.mode !== 'server') cluster = created.cluster;
    const view = () => apiObjectView(created.value, created.cluster.now);
    const shown = dry.mode === 'server' ? () => dryRunCreated(view()) : view;
    const r = printResult(cluster, format.format, ref, `created${actionSuffix(dry.mode)}`, shown, true);
    out.write(r.stdout);
  }
  return out.result(cluster);
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const files = flagValues(parsed, 'filename');
  const [sub, kind, ...rest] = parsed.positional;
  if (files.length > 0) return createFromFiles(ctx, files);
  if (sub === 'service' || sub === 'svc') {
    if (kind === undefined) return fail(cluster, CREATE_SERVICE_HELP);
    return createServiceCmd(ctx, kind, rest);
  }
  if (sub === 'deployment' || sub === 'deploy') return createDeploymentCmd(ctx, parsed.positional.slice(1));
  if (sub === 'namespace' || sub === 'ns') return createNamespaceCmd(ctx, parsed.positional.slice(1));
  if (sub !== undefined) {
    if (CREATE_SUBCOMMANDS.includes(sub)) {
      return fail(
        cluster,
        clientError(
          `"kubectl create ${sub}" is not part of this simulated cluster; it creates deployments (kubectl create deployment NAME --image=IMAGE), services (kubectl create service nodeport NAME --tcp=80:80) and objects from files (kubectl create -f FILE)`,
        ),
      );
    }
    return fail(cluster, clientError(`unknown command "${sub}" for "kubectl create"`));
  }
  return fail(cluster, clientError('must specify one of -f and -k'));
}

/** kubectl create's other subcommands (and their aliases), which the simulator does not model. */
const CREATE_SUBCOMMANDS: readonly string[] = [
  'clusterrole',
  'clusterrolebinding',
  'configmap',
  'cm',
  'cronjob',
  'cj',
  'ingress',
  'ing',
  'job',
  'poddisruptionbudget',
  'pdb',
  'priorityclass',
  'pc',
  'quota',
  'resourcequota',
  'role',
  'rolebinding',
  'secret',
  'serviceaccount',
  'sa',
  'token',
];

export const createCommand: CommandDef = {
  name: 'create',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    RECURSIVE_FLAG,
    { name: 'tcp', kind: 'strings' },
    { name: 'node-port', kind: 'int' },
    { name: 'clusterip', kind: 'string' },
    { name: 'image', kind: 'strings' },
    { name: 'replicas', short: 'r', kind: 'int' },
    { name: 'port', kind: 'int' },
    { name: 'save-config', kind: 'bool' },
    { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: CREATE_HELP,
  run,
};
