// kubectl patch (svc|pod|deployment) NAME -p PATCH [--type=strategic|merge|json]
// (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go). The patch is applied to the object as
// the API serves it; the result goes through the same update rules as any other change: a
// service's are validated (a type change gets or drops its node ports), a pod's spec may only
// change its containers' images, a deployment's replicas and images roll out.

import {
  DEFAULT_NAMESPACE,
  decodeObject,
  findDeployment,
  findPod,
  findService,
  podSpecRefusal,
  updateDeployment,
  updateService,
  writePodUpdate,
  type ApiError,
  type Cluster,
  type Pod,
} from '../cluster/index.js';
import { yaml } from '../yaml.js';
import { podView, serviceView } from './api-view.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { actionSuffix, clusterFor, DRY_RUN_FLAG, dryRunOf, klogWarning } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { flagValue } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { jsonPatch, mergePatch, strategicMerge } from './patch-merge.js';
import { qualifiedSingular } from './resources.js';
import { oneTarget } from './workload-target.js';
import { deploymentView } from './workload-views.js';
import { jsonText } from '../json-text.js';

export const PATCH_HELP = `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

Examples:
  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

Usage:
  kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]
`;

type Json = JsonValue;
const obj = (v: unknown): Record<string, Json> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, Json>) : {});
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );

function patchPod(cluster: Cluster, live: Pod, patched: Record<string, Json>): { ok: true; cluster: Cluster } | { ok: false; error: ApiError } {
  const before = podView(live, cluster.now);
  const specBefore = obj(before.spec);
  const specAfter = obj(patched.spec);
  const containersAfter = Array.isArray(specAfter.containers) ? specAfter.containers : [];
  const imagesOnly = (spec: Record<string, Json>, images: Json[]) => ({
    ...spec,
    containers: (Array.isArray(spec.containers) ? spec.containers : []).map((c, i) => ({ ...obj(c), image: images[i] ?? null })),
  });
  const images = containersAfter.map((c) => obj(c).image ?? null);
  if (containersAfter.length !== live.spec.containers.length || stable(imagesOnly(specBefore, images)) !== stable(specAfter)) {
    const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
    const updates = containersAfter.map((c) => {
      const o = obj(c);
      return {
        name: jsonText(o.name ?? ''),
        ports: (Array.isArray(o.ports) ? o.ports : []).map((p) => {
          const q = obj(p);
          return {
            ...(typeof q.name === 'string' ? { name: q.name } : {}),
            containerPort: num(q.containerPort) ?? 0,
            ...(typeof q.protocol === 'string' ? { protocol: q.protocol } : {}),
            ...(num(q.hostPort) !== undefined ? { hostPort: num(q.hostPort) } : {}),
          };
        }),
        env: (Array.isArray(o.env) ? o.env : []).map((e) => ({ name: jsonText(obj(e).name ?? ''), value: jsonText(obj(e).value ?? '') })),
        ...(typeof o.imagePullPolicy === 'string' ? { imagePullPolicy: o.imagePullPolicy } : {}),
        ...(o.resources !== undefined ? { resources: resourcesOf(obj(o.resources)) } : {}),
      };
    });
    const restartPolicy = typeof specAfter.restartPolicy === 'string' ? specAfter.restartPolicy : live.spec.restartPolicy;
    return { ok: false, error: podSpecRefusal(live, updates, restartPolicy) };
  }
  const meta = obj(patched.metadata);
  const labels = Object.fromEntries(Object.entries(obj(meta.labels)).map(([k, v]) => [k, jsonText(v)]));
  const annotations = Object.fromEntries(Object.entries(obj(meta.annotations)).map(([k, v]) => [k, jsonText(v)]));
  const written = writePodUpdate(
    cluster,
    live,
    live.spec.containers.map((c, i) => jsonText(images[i] ?? c.image)),
    { labels, annotations },
  );
  return written.ok ? { ok: true, cluster: written.cluster } : { ok: false, error: written.error };
}

export type PatchType = 'strategic' | 'merge' | 'json';

/** What a patch did: the cluster after it (changed or not), or the API's refusal, or a patch that could not be applied. */
export type PatchOutcome =
  | { readonly ok: true; readonly cluster: Cluster; readonly changed: boolean }
  | { readonly ok: false; readonly error: ApiError }
  | { readonly ok: false; readonly unapplied: string };

/** The kinds a patch reaches in this cluster. */
export type PatchedKind = 'Service' | 'Pod' | 'Deployment';

/**
 * Applies a patch to a live object as the API server does: to the object as the API serves it,
 * then through the same update rules as any other change. The sandbox's kubectl patch and the lab's
 * API both call this; `unapplied` is a JSON patch whose operations do not fit the object.
 */
export function patchLive(
  cluster: Cluster,
  kind: PatchedKind,
  name: string,
  type: PatchType,
  patch: Json,
  namespace: string = DEFAULT_NAMESPACE,
): PatchOutcome {
  const notFound = (plural: string): PatchOutcome => ({ ok: false, error: { kind: 'NotFound', message: `${plural} "${name}" not found`, causes: [] } });
  let view: Record<string, Json>;
  if (kind === 'Service') {
    const live = findService(cluster, name, namespace);
    if (!live) return notFound('services');
    view = serviceView(live);
  } else if (kind === 'Pod') {
    const live = findPod(cluster, name, namespace);
    if (!live) return notFound('pods');
    view = podView(live, cluster.now);
  } else {
    const live = findDeployment(cluster, name, namespace);
    if (!live) return notFound('deployments.apps');
    view = deploymentView(cluster, live);
  }
  let patched: Json;
  if (type === 'json') {
    const r = jsonPatch(view, patch);
    if (!r.ok) return { ok: false, unapplied: r.error };
    patched = r.value;
  } else {
    patched = type === 'merge' ? mergePatch(view, patch) : strategicMerge(view, patch);
  }
  if (stable(patched) === stable(view)) return { ok: true, cluster, changed: false };
  const after = obj(patched);
  if (kind === 'Service') {
    const meta = obj(after.metadata);
    const manifest = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, ...(meta.labels ? { labels: meta.labels } : {}), ...(meta.annotations ? { annotations: meta.annotations } : {}) },
      spec: after.spec,
    };
    const decoded = decodeObject(manifest);
    if (!decoded.ok) return { ok: false, error: decoded.error };
    if (decoded.object.kind !== 'Service') return { ok: false, unapplied: 'not a service' };
    const updated = updateService(cluster, { ...decoded.object.input, namespace });
    return updated.ok ? { ok: true, cluster: updated.cluster, changed: true } : { ok: false, error: updated.error };
  }
  if (kind === 'Pod') {
    const live = findPod(cluster, name, namespace);
    if (!live) return notFound('pods');
    const r = patchPod(cluster, live, after);
    return r.ok ? { ok: true, cluster: r.cluster, changed: true } : r;
  }
  const spec = obj(after.spec);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  const containers = (Array.isArray(obj(obj(spec.template).spec).containers) ? (obj(obj(spec.template).spec).containers as Json[]) : []).map(obj);
  const updated = updateDeployment(
    cluster,
    name,
    (d) => ({
      ...d.spec,
      replicas: replicas ?? d.spec.replicas,
      template: {
        ...d.spec.template,
        containers: d.spec.template.containers.map((c) => ({ ...c, image: jsonText(containers.find((x) => x.name === c.name)?.image ?? c.image) })),
      },
    }),
    namespace,
  );
  return updated.ok ? { ok: true, cluster: updated.cluster, changed: true } : { ok: false, error: updated.error };
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const patchText = flagValue(parsed, 'patch');
  if (patchText === undefined || patchText === '')
    return fail(cluster, clientError('must specify --patch or --patch-file containing the contents of the patch'));
  const kind = flagValue(parsed, 'type') ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(kind)) return fail(cluster, clientError(`--type must be one of [json merge strategic], not "${kind}"`));
  if (parsed.positional.length === 0) return fail(cluster, clientError('You must provide one or more resources by argument or filename.'));
  const target = oneTarget(parsed.positional);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const { type, name } = target;
  let patch: Json;
  try {
    // kubectl reads the patch as YAML, of which JSON is a part: {spec: {type: NodePort}} works too.
    patch = yaml().parse(patchText) as Json;
  } catch (error) {
    return fail(cluster, clientError(`unable to parse "${patchText}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
  }
  if (type.kind !== 'Service' && type.kind !== 'Pod' && type.kind !== 'Deployment') {
    return fail(
      cluster,
      clientError(`patch works on services, pods and deployments in this simulated cluster (kubectl patch svc NAME -p '{"spec":{"type":"NodePort"}}')`),
    );
  }
  // patch.go RunPatch: a server dry run sends the patch with dryRun=All and keeps nothing; a client
  // dry run patches the object it read, locally, and the API never sees it.
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const warning = dry.warning ? klogWarning(cluster.now, 'helpers.go:702', dry.warning) : '';
  const outcome = patchLive(clusterFor(cluster, dry.mode), type.kind, name, kind as PatchType, patch, ctx.namespace);
  const ref = `${qualifiedSingular(type)}/${name}`;
  if (dry.mode === 'client' && !outcome.ok && 'error' in outcome && outcome.error.kind !== 'NotFound') {
    return { cluster, stdout: `${ref} patched${actionSuffix(dry.mode)}\n`, stderr: warning, exitCode: 0 };
  }
  if (!outcome.ok) {
    if ('unapplied' in outcome) return fail(cluster, `The request is invalid: ${outcome.unapplied}\n`);
    if (outcome.error.kind === 'NotFound') return fail(cluster, apiErrorText(missingObject(cluster, type, name, ctx.namespace)));
    return fail(cluster, apiErrorText(outcome.error));
  }
  return {
    cluster: dry.mode === 'none' ? outcome.cluster : cluster,
    stdout: `${ref} patched${outcome.changed ? '' : ' (no change)'}${actionSuffix(dry.mode)}\n`,
    stderr: warning,
    exitCode: 0,
  };
}

export const patchCommand: CommandDef = {
  name: 'patch',
  flags: [
    { name: 'patch', short: 'p', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'patch-file', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'local', kind: 'bool' },
    { name: 'subresource', kind: 'string' },
  ],
  help: PATCH_HELP,
  run,
};

/** A container's resources from the patched pod: quantities as the text they were given in. */
function resourcesOf(resources: Record<string, Json>): { limits?: Record<string, string>; requests?: Record<string, string> } {
  const list = (v: Json | undefined): Record<string, string> | undefined =>
    v === undefined || v === null ? undefined : Object.fromEntries(Object.entries(obj(v)).map(([k, q]) => [k, jsonText(q)]));
  const limits = list(resources.limits);
  const requests = list(resources.requests);
  return { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) };
}
