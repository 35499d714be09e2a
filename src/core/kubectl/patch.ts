// kubectl patch (svc|pod|deployment) NAME -p PATCH [--type=strategic|merge|json]
// (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go). The patch is applied to the object as
// the API serves it; the result goes through the same update rules as any other change: a
// service's are validated (a type change gets or drops its node ports), a pod's spec may only
// change its containers' images, a deployment's replicas and images roll out.

import {
  decodeObject,
  findDeployment,
  findPod,
  findService,
  invalidErrorFor,
  replacePodObject,
  updateDeployment,
  updateService,
  type Cluster,
  type Pod,
} from '../cluster/index.js';
import { parse as parseYaml } from 'yaml';
import { podView, serviceView } from './api-view.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagValue } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { jsonPatch, mergePatch, strategicMerge } from './patch-merge.js';
import { qualifiedSingular } from './resources.js';
import { oneTarget } from './workload-target.js';
import { deploymentView } from './workload-views.js';

export const PATCH_HELP = `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

Examples:
  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

Usage:
  kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]
`;

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

type Json = JsonValue;
const obj = (v: unknown): Record<string, Json> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, Json>) : {});
const stable = (v: unknown): string => JSON.stringify(v, (_k, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value));

function patchPod(cluster: Cluster, live: Pod, patched: Record<string, Json>): { cluster: Cluster } | { error: string } {
  const before = podView(live, cluster.now);
  const specBefore = obj(before.spec);
  const specAfter = obj(patched.spec);
  const containersAfter = Array.isArray(specAfter.containers) ? specAfter.containers : [];
  const imagesOnly = (spec: Record<string, Json>, images: Json[]) => ({ ...spec, containers: (Array.isArray(spec.containers) ? spec.containers : []).map((c, i) => ({ ...obj(c), image: images[i] ?? null })) });
  const images = containersAfter.map((c) => obj(c).image ?? null);
  if (containersAfter.length !== live.spec.containers.length || stable(imagesOnly(specBefore, images)) !== stable(specAfter)) {
    return { error: apiErrorText(invalidErrorFor('Pod', live.metadata.name, 'spec', POD_UPDATE_FORBIDDEN)) };
  }
  const meta = obj(patched.metadata);
  const labels = Object.fromEntries(Object.entries(obj(meta.labels)).map(([k, v]) => [k, String(v)]));
  const annotations = Object.fromEntries(Object.entries(obj(meta.annotations)).map(([k, v]) => [k, String(v)]));
  const updated: Pod = {
    ...live,
    metadata: { ...live.metadata, labels, annotations },
    spec: { ...live.spec, containers: live.spec.containers.map((c, i) => ({ ...c, image: String(images[i] ?? c.image) })) },
  };
  return { cluster: replacePodObject(cluster, updated) };
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const fail = (stderr: string): KubectlResult => ({ cluster, stdout: '', stderr, exitCode: 1 });
  const patchText = flagValue(parsed, 'patch');
  if (patchText === undefined || patchText === '') return fail(clientError('must specify --patch or --patch-file containing the contents of the patch'));
  const kind = flagValue(parsed, 'type') ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(kind)) return fail(clientError(`--type must be one of [json merge strategic], not "${kind}"`));
  if (parsed.positional.length === 0) return fail(clientError('You must provide one or more resources by argument or filename.'));
  const target = oneTarget(parsed.positional);
  if (!target.ok) return fail(clientError(target.error));
  const { type, name } = target;
  let patch: Json;
  try {
    // kubectl reads the patch as YAML, of which JSON is a part: {spec: {type: NodePort}} works too.
    patch = parseYaml(patchText) as Json;
  } catch (error) {
    return fail(clientError(`unable to parse "${patchText}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
  }
  const notFound = () => fail(apiErrorText(missingObject(cluster, type, name, ctx.namespace)));
  let view: Record<string, Json>;
  if (type.kind === 'Service') {
    const live = findService(cluster, name, ctx.namespace);
    if (!live) return notFound();
    view = serviceView(live);
  } else if (type.kind === 'Pod') {
    const live = findPod(cluster, name, ctx.namespace);
    if (!live) return notFound();
    view = podView(live, cluster.now);
  } else if (type.kind === 'Deployment') {
    const live = findDeployment(cluster, name, ctx.namespace);
    if (!live) return notFound();
    view = deploymentView(cluster, live);
  } else {
    return fail(clientError(`patch works on services, pods and deployments in this simulated cluster (kubectl patch svc NAME -p '{"spec":{"type":"NodePort"}}')`));
  }
  let patched: Json;
  if (kind === 'json') {
    const r = jsonPatch(view, patch);
    if (!r.ok) return fail(`The request is invalid: ${r.error}\n`);
    patched = r.value;
  } else {
    patched = kind === 'merge' ? mergePatch(view, patch) : strategicMerge(view, patch);
  }
  const ref = `${qualifiedSingular(type)}/${name}`;
  if (stable(patched) === stable(view)) return { cluster, stdout: `${ref} patched (no change)\n`, stderr: '', exitCode: 0 };
  const after = obj(patched);
  if (type.kind === 'Service') {
    const meta = obj(after.metadata);
    const manifest = { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(meta.labels ? { labels: meta.labels } : {}), ...(meta.annotations ? { annotations: meta.annotations } : {}) }, spec: after.spec };
    const decoded = decodeObject(manifest);
    if (!decoded.ok) return fail(apiErrorText(decoded.error));
    if (decoded.object.kind !== 'Service') return fail(clientError('not a service'));
    const updated = updateService(cluster, { ...decoded.object.input, namespace: ctx.namespace });
    if (!updated.ok) return fail(apiErrorText(updated.error));
    return { cluster: updated.cluster, stdout: `${ref} patched\n`, stderr: '', exitCode: 0 };
  }
  if (type.kind === 'Pod') {
    const live = findPod(cluster, name, ctx.namespace);
    if (!live) return notFound();
    const r = patchPod(cluster, live, after);
    if ('error' in r) return fail(r.error);
    return { cluster: r.cluster, stdout: `${ref} patched\n`, stderr: '', exitCode: 0 };
  }
  const spec = obj(after.spec);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  const containers = (Array.isArray(obj(obj(spec.template).spec).containers) ? (obj(obj(spec.template).spec).containers as Json[]) : []).map(obj);
  const updated = updateDeployment(cluster, name, (d) => ({
    ...d.spec,
    replicas: replicas ?? d.spec.replicas,
    template: { ...d.spec.template, containers: d.spec.template.containers.map((c) => ({ ...c, image: String(containers.find((x) => x.name === c.name)?.image ?? c.image) })) },
  }), ctx.namespace);
  if (!updated.ok) return fail(apiErrorText(updated.error));
  return { cluster: updated.cluster, stdout: `${ref} patched\n`, stderr: '', exitCode: 0 };
}

export const patchCommand: CommandDef = {
  name: 'patch',
  flags: [
    { name: 'patch', short: 'p', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'patch-file', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'dry-run', kind: 'string', noOptDefVal: 'unchanged' },
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'local', kind: 'bool' },
    { name: 'subresource', kind: 'string' },
  ],
  help: PATCH_HELP,
  run,
};
