// kubectl explain service.spec.ports[.field]

import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { clientError } from './errors.js';
import { EXPLAIN_HELP } from './help.js';
import { renderExplain } from './explain-render.js';
import { flagBool } from './flags.js';
import { openapiSchemas } from './openapi-schemas.js';
import { resolveType, unknownTypeMessage } from './resources.js';

/** The group/version of each kind explain knows, as discovery names them. */
const GVK: Readonly<Partial<Record<string, { group: string; version: string }>>> = {
  Pod: { group: '', version: 'v1' },
  Service: { group: '', version: 'v1' },
  Node: { group: '', version: 'v1' },
  Endpoints: { group: '', version: 'v1' },
  Namespace: { group: '', version: 'v1' },
  Event: { group: '', version: 'v1' },
  Deployment: { group: 'apps', version: 'v1' },
  ReplicaSet: { group: 'apps', version: 'v1' },
};

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const [target] = parsed.positional;
  if (target === undefined) {
    return fail(
      cluster,
      clientError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.'),
    );
  }
  const [typeName = '', ...path] = target.split('.');
  const type = resolveType(typeName);
  // explain's NoResourceMatchError is printed as it is, without `error: `
  // (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr: meta.IsNoMatchError).
  if (!type || type === 'empty') return fail(cluster, `${unknownTypeMessage(typeName)}\n`);
  const gv = GVK[type.kind];
  if (!gv)
    return fail(
      cluster,
      clientError(
        `explain is simulated for pods, services, deployments, replicasets, nodes, endpoints, namespaces and events (try: kubectl explain service.spec.ports)`,
      ),
    );
  const result = renderExplain(openapiSchemas(), { ...gv, kind: type.kind }, path, flagBool(parsed, 'recursive'));
  if (!result.ok)
    return {
      cluster,
      stdout: result.text,
      stderr: `${result.error}\n`,
      exitCode: 1,
      output: [
        { stream: 'stdout', text: result.text },
        { stream: 'stderr', text: `${result.error}\n` },
      ],
    };
  return { cluster, stdout: result.text, stderr: '', exitCode: 0 };
}

export const explainCommand: CommandDef = {
  name: 'explain',
  flags: [
    { name: 'recursive', kind: 'bool' },
    { name: 'api-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: EXPLAIN_HELP,
  run,
};
