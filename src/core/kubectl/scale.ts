// kubectl scale deployment/NAME --replicas=N (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go)

import { findDeployment, findReplicaSet, scaleDeployment, scaleReplicaSet, type ApiError, type Cluster } from '../cluster/index.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { actionSuffix, DRY_RUN_FLAG, dryRunOf, klogWarning } from './dry-run.js';
import { apiErrorText, clientError, statusMessage } from './errors.js';
import { flagValue } from './flags.js';
import { qualifiedSingular } from './resources.js';
import { NO_RESOURCES_MESSAGE } from './expose.js';
import { oneTarget } from './workload-target.js';

// kubectl 1.32's own text (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go scaleLong, scaleExample and its flags).
export const SCALE_HELP = `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.

Examples:
  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3
  
  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web

Options:
    --all=false:
	Select all resources in the namespace of the specified resource types

    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --current-replicas=-1:
	Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.

    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    -f, --filename=[]:
	Filename, directory, or URL to files identifying the resource to set a new size

    -k, --kustomize='':
	Process the kustomization directory. This flag can't be used together with -f or -R.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

    --replicas=0:
	The new desired number of replicas. Required.

    --resource-version='':
	Precondition for resource version. Requires that the current resource version match this value in order to scale.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

    --show-managed-fields=false:
	If true, keep the managedFields when printing objects in JSON or YAML format.

    --template='':
	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

    --timeout=0s:
	The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).

Usage:
  kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** kubectl 1.32's scale wraps the lookup's error when it found nothing: `no objects passed to scale <error>` (a real kubectl against the lab prints it). */
const noObjects = (error: ApiError): string => clientError(`no objects passed to scale ${statusMessage(error)}`);

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const replicasText = flagValue(parsed, 'replicas');
  if (replicasText === undefined) return fail(cluster, clientError('required flag(s) "replicas" not set'));
  const replicas = Number(replicasText);
  // scale.go Complete reads --dry-run before Validate checks the count.
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const warning = dry.warning ? klogWarning(cluster.now, 'helpers.go:702', dry.warning) : '';
  const withWarning = (result: KubectlResult): KubectlResult => (warning ? { ...result, stderr: warning + result.stderr } : result);
  // A client dry run prints what it found; a server dry run is checked by the API and kept by nobody.
  const done = (ref: string, next: Cluster): KubectlResult =>
    withWarning({ cluster: dry.mode === 'none' ? next : cluster, stdout: `${ref} scaled${actionSuffix(dry.mode)}\n`, stderr: '', exitCode: 0 });
  if (replicas < 0) return fail(cluster, clientError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'));
  if (parsed.positional.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  const target = oneTarget(parsed.positional);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const { type, name } = target;
  if (name === '') return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
  const current = flagValue(parsed, 'current-replicas');
  if (type.kind === 'Deployment' || type.kind === 'ReplicaSet') {
    const live = type.kind === 'Deployment' ? findDeployment(cluster, name, ctx.namespace) : findReplicaSet(cluster, name, ctx.namespace);
    if (!live) return withWarning(fail(cluster, noObjects(missingObject(cluster, type, name, ctx.namespace))));
    if (dry.mode === 'client') return done(`${qualifiedSingular(type)}/${name}`, cluster);
    // scale.go's precondition, for every kind it scales.
    if (current !== undefined && Number(current) !== -1 && Number(current) !== live.spec.replicas) {
      return withWarning(fail(cluster, clientError(`Expected replicas to be ${current}, was ${live.spec.replicas}`)));
    }
    const scaled = live.kind === 'Deployment' ? scaleDeployment(cluster, name, replicas, ctx.namespace) : scaleReplicaSet(cluster, live, replicas);
    if (!scaled.ok) return withWarning(fail(cluster, apiErrorText(scaled.error)));
    return done(`${qualifiedSingular(type)}/${name}`, scaled.cluster);
  }
  return fail(
    cluster,
    clientError(
      `${qualifiedSingular(type)}s cannot be scaled; kubectl scale works on deployments and replicasets (kubectl scale deployment/NAME --replicas=N)`,
    ),
  );
}

export const scaleCommand: CommandDef = {
  name: 'scale',
  flags: [
    { name: 'replicas', kind: 'int' },
    { name: 'current-replicas', kind: 'int' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
    DRY_RUN_FLAG,
  ],
  help: SCALE_HELP,
  run,
};
