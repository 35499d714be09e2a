// kubectl run NAME --image=IMAGE

import { createPod, createService, type ContainerPortInput, type PodInput, type ServiceInput } from '../cluster/index.js';
import { podView, serviceView } from './api-view.js';
import { clientService } from './expose.js';
import { dryRunCreated } from './dry-run-created.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG, dryRunOf, klogWarning } from './dry-run.js';
import { apiErrorText, clientError, usageError } from './errors.js';
import { flagBool, flagValue, flagValues } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { RUN_HELP } from './help.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import { setOwn } from '../own.js';

/** kubectl's label spec `a=b,c=d`. */
export function parseLabelSpec(spec: string): { ok: true; labels: Record<string, string> } | { ok: false; error: string } {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, error: `invalid label spec: ${part}` };
    setOwn(labels, part.slice(0, eq), part.slice(eq + 1));
  }
  return { ok: true, labels };
}

/** The object `kubectl run --dry-run=client -o yaml` prints (fields in Go struct order). */
function clientPod(
  name: string,
  image: string,
  labels: Record<string, string>,
  port: number | undefined,
  env: { name: string; value: string }[],
  restart: string,
): JsonValue {
  const container: { [k: string]: JsonValue } = { name, image };
  if (port !== undefined) container.ports = [{ containerPort: port }];
  if (env.length > 0) container.env = env.map((e) => ({ name: e.name, value: e.value }));
  container.resources = {};
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null, labels },
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** Between the Service and the Pod of `run --expose -o yaml`, kubectl 1.32 prints two document separators. */
const yamlSeparators = (kind: string): string => (kind === 'yaml' ? '---\n---\n' : '');

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const [name] = parsed.positional;
  const image = flagValue(parsed, 'image');
  // cobra checks the required flags before run.go's Complete looks for NAME
  // (spf13/cobra command.go execute: ValidateRequiredFlags, then RunE).
  if (image === undefined) return fail(cluster, clientError('required flag(s) "image" not set'));
  if (name === undefined) return fail(cluster, usageError('kubectl run', 'NAME is required for run'));
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const restart = flagValue(parsed, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(cluster, usageError('kubectl run', `invalid restart policy: ${restart}`));
  const portText = flagValue(parsed, 'port');
  let port: number | undefined;
  if (portText !== undefined && portText !== '') {
    if (!/^[-+]?\d+$/.test(portText)) return fail(cluster, clientError(`strconv.Atoi: parsing "${portText}": invalid syntax`));
    port = Number(portText);
  }
  const labelsText = flagValue(parsed, 'labels');
  let labels: Record<string, string> = { run: name };
  if (labelsText !== undefined && labelsText !== '') {
    const parsedLabels = parseLabelSpec(labelsText);
    if (!parsedLabels.ok) return fail(cluster, clientError(parsedLabels.error));
    labels = parsedLabels.labels;
  }
  // run.go Run: --expose needs --port; the Service it makes selects the pod's labels, carries them
  // only when --labels named them, and sends port and targetPort both to --port (generateService).
  const expose = flagBool(parsed, 'expose');
  if (expose && port === undefined) return fail(cluster, usageError('kubectl run', '--port must be set when exposing a service'));
  const service: ServiceInput | undefined =
    expose && port !== undefined
      ? {
          name,
          ...(labelsText !== undefined && labelsText !== '' ? { labels: { ...labels } } : {}),
          ports: [{ protocol: 'TCP', port, targetPort: port }],
          selector: { ...labels },
        }
      : undefined;
  const env: { name: string; value: string }[] = [];
  for (const e of flagValues(parsed, 'env')) {
    const eq = e.indexOf('=');
    if (eq < 0) return fail(cluster, clientError(`invalid env: ${e}`));
    env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  const warning = dry.warning ? klogWarning(cluster.now, 'helpers.go:702', dry.warning) : '';
  if (dry.mode === 'client') {
    const pod = printResult(
      cluster,
      format.format,
      `pod/${name}`,
      `created${actionSuffix(dry.mode)}`,
      () => clientPod(name, image, labels, port, env, restart),
      false,
      warning,
    );
    if (!service || pod.exitCode !== 0) return pod;
    const svc = printResult(cluster, format.format, `service/${name}`, `created${actionSuffix(dry.mode)}`, () => clientService(service), false);
    return { ...pod, stdout: svc.stdout + yamlSeparators(format.format.kind) + pod.stdout };
  }
  // run.go Run: the pod is made first (a clash stops everything); then generateService makes and
  // prints the Service; the pod is printed last.
  const ports: ContainerPortInput[] = port !== undefined ? [{ containerPort: port }] : [];
  const input: PodInput = { name, namespace: ctx.namespace, labels, containers: [{ name, image, ports, env }], restartPolicy: restart };
  const created = createPod(clusterFor(cluster, dry.mode), input);
  if (!created.ok) return fail(cluster, warning + apiErrorText(created.error));
  const next = dry.mode === 'server' ? cluster : created.cluster;
  let serviceOut = '';
  let after = next;
  if (service) {
    const made = createService(clusterFor(next, dry.mode), { ...service, namespace: ctx.namespace });
    if (!made.ok) return fail(next, warning + apiErrorText(made.error));
    if (dry.mode !== 'server') after = made.cluster;
    serviceOut =
      printResult(
        after,
        format.format,
        `service/${name}`,
        `created${actionSuffix(dry.mode)}`,
        () => (dry.mode === 'server' ? dryRunCreated(serviceView(made.value)) : serviceView(made.value)),
        true,
      ).stdout + yamlSeparators(format.format.kind);
  }
  const pod = printResult(
    after,
    format.format,
    `pod/${name}`,
    `created${actionSuffix(dry.mode)}`,
    () => (dry.mode === 'server' ? dryRunCreated(podView(created.value, created.cluster.now)) : podView(created.value, created.cluster.now)),
    true,
    warning,
  );
  return { ...pod, stdout: serviceOut + pod.stdout };
}

export const runCommand: CommandDef = {
  name: 'run',
  flags: [
    { name: 'image', kind: 'string' },
    { name: 'port', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'restart', kind: 'string' },
    { name: 'env', kind: 'strings' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'rm', kind: 'bool' },
    { name: 'command', kind: 'bool' },
    { name: 'image-pull-policy', kind: 'string' },
    { name: 'expose', kind: 'bool' },
  ],
  help: RUN_HELP,
  run,
};
