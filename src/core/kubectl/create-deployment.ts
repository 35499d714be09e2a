// kubectl create deployment NAME --image=IMAGE... [--replicas=N] [--port=N]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go)

import { createDeployment, randomHexFromText, type Container, type DeploymentInput } from '../cluster/index.js';
import { defaultPullPolicy as defaultPullPolicyOf } from '../cluster/images.js';
import type { CommandContext, KubectlResult } from './command.js';
import { fail } from './command.js';
import { actionSuffix, dryRunOf } from './dry-run.js';
import { clientError, statusMessage, usageError } from './errors.js';
import { flagValue, flagValues } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import { deploymentView } from './workload-views.js';

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

/** The container name create_deployment.go makes from an image: its last path part, without tag or digest. */
export function containerNameFor(image: string, taken: Set<string>): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  // sanitizeAndUniquify: '_' is not allowed in a name; such a name gets a random suffix.
  if (name.includes('_')) {
    const hex = randomHexFromText(`${image}#${taken.size}`, 10);
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += SUFFIX[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % SUFFIX.length] ?? 'b';
    name = `${name.replace(/_/g, '-')}-${suffix}`;
  }
  taken.add(name);
  return name;
}

/** The object create_deployment.go builds, fields in Go struct order (for -o json). */
function clientDeployment(input: DeploymentInput, port: number | undefined): JsonValue {
  const containers: JsonValue[] = input.template.containers.map((c, i) => ({
    name: c.name,
    image: c.image,
    ...(i === 0 && port !== undefined ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: input.name, creationTimestamp: null, labels: { ...input.labels } },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: { ...input.selector } },
      template: { metadata: { creationTimestamp: null, labels: { ...input.template.labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

export function createDeploymentCmd(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster, parsed } = ctx;
  const images = flagValues(parsed, 'image');
  if (images.length === 0) return fail(cluster, clientError('required flag(s) "image" not set'));
  if (args.length !== 1) return fail(cluster, usageError('kubectl create deployment', `exactly one NAME is required, got ${args.length}`));
  const name = args[0] ?? '';
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const replicas = Number(flagValue(parsed, 'replicas') ?? '1');
  const portText = flagValue(parsed, 'port');
  const port = portText === undefined || Number(portText) < 0 ? undefined : Number(portText);
  const taken = new Set<string>();
  const containers: Container[] = images.map((image, i) => ({
    name: containerNameFor(image, taken),
    image,
    ports: i === 0 && port !== undefined ? [{ containerPort: port, protocol: 'TCP' }] : [],
    env: [],
    imagePullPolicy: defaultPullPolicyOf(image),
  }));
  const labels = { app: name };
  const input: DeploymentInput = { name, labels, replicas, selector: labels, template: { labels, containers } };
  const ref = `deployment.apps/${name}`;
  const action = `created${actionSuffix(dry.mode)}`;
  if (dry.mode === 'client') return printResult(cluster, format.format, ref, action, () => clientDeployment(input, port), false);
  const created = createDeployment(cluster, { ...input, namespace: ctx.namespace });
  // create_deployment.go wraps the API's error: `failed to create deployment: <error>` (a real kubectl against the lab prints it).
  if (!created.ok) return fail(cluster, clientError(`failed to create deployment: ${statusMessage(created.error)}`));
  return printResult(dry.mode === 'server' ? cluster : created.cluster, format.format, ref, action, () => deploymentView(created.cluster, created.value), true);
}
