// kubectl create namespace|ns NAME (staging/src/k8s.io/kubectl/pkg/cmd/create/create_namespace.go):
// exactly one NAME; the object sent is just its name.

import { createNamespace } from '../cluster/index.js';
import type { CommandContext, KubectlResult } from './command.js';
import { fail } from './command.js';
import { actionSuffix, dryRunOf } from './dry-run.js';
import { apiErrorText, clientError, usageError } from './errors.js';
import { flagValue } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import { namespaceView } from './workload-views.js';

/** What `--dry-run=client -o yaml` prints: the request body as kubectl builds it. */
function clientNamespace(name: string): JsonValue {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} };
}

export function createNamespaceCmd(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster, parsed } = ctx;
  if (args.length !== 1) return fail(cluster, usageError('kubectl create namespace', `exactly one NAME is required, got ${args.length}`));
  const name = args[0] ?? '';
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const ref = `namespace/${name}`;
  const action = `created${actionSuffix(dry.mode)}`;
  if (dry.mode === 'client') return printResult(cluster, format.format, ref, action, () => clientNamespace(name), false);
  const created = createNamespace(cluster, { name });
  if (!created.ok) return fail(cluster, apiErrorText(created.error));
  return printResult(dry.mode === 'server' ? cluster : created.cluster, format.format, ref, action, () => namespaceView(created.value), true);
}
