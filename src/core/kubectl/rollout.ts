// kubectl rollout status deployment/NAME: waits, in virtual time, for the rollout to finish and
// prints each state it passes through (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go).
// Also rollout history and rollout undo for deployments.

import {
  advanceClock,
  deploymentStatus,
  findDeployment,
  ownedReplicaSets,
  podsOfReplicaSet,
  revisionOf,
  updateDeployment,
  type Cluster,
  type Deployment,
} from '../cluster/index.js';
import { missingObject } from './lookup.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { parseDuration } from './wait-duration.js';
import { apiErrorText, clientError } from './errors.js';
import { flagValue } from './flags.js';
import { qualifiedSingular } from './resources.js';
import { oneTarget } from './workload-target.js';
import { formatTable } from './tabwriter.js';

export const ROLLOUT_HELP =
  'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets\n\nExamples:\n  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n  # Restart deployments with the \'app=nginx\' label\n  kubectl rollout restart deployment --selector=app=nginx\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n\nUse "kubectl rollout <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';

/** rollout_status.go DeploymentStatusViewer: the message, and whether the rollout is done. */
export function rolloutStatusLine(cluster: Cluster, d: Deployment): { text: string; done: boolean } {
  const st = deploymentStatus(cluster, d);
  const name = d.metadata.name;
  const want = d.spec.replicas;
  if (st.updatedReplicas < want)
    return { text: `Waiting for deployment "${name}" rollout to finish: ${st.updatedReplicas} out of ${want} new replicas have been updated...`, done: false };
  if (st.replicas > st.updatedReplicas)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${st.replicas - st.updatedReplicas} old replicas are pending termination...`,
      done: false,
    };
  if (st.availableReplicas < st.updatedReplicas)
    return {
      text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas} of ${st.updatedReplicas} updated replicas are available...`,
      done: false,
    };
  return { text: `deployment "${name}" successfully rolled out`, done: true };
}

/** The next moment a pod of the deployment becomes ready, if any. */
function nextChange(cluster: Cluster, d: Deployment): number | undefined {
  let soonest: number | undefined;
  for (const rs of ownedReplicaSets(cluster, d)) {
    for (const pod of podsOfReplicaSet(cluster, rs)) {
      const t = pod.timeline.startedAt;
      if (t > cluster.now && (soonest === undefined || t < soonest)) soonest = t;
    }
  }
  return soonest;
}

function status(ctx: CommandContext, args: readonly string[]): KubectlResult {
  let cluster = ctx.cluster;
  const target = oneTarget(args);
  if (!target.ok) return fail(cluster, clientError(target.error));
  if (target.type.kind !== 'Deployment') return fail(cluster, clientError(`no status viewer has been implemented for ${target.type.kind}`));
  if (!findDeployment(cluster, target.name, ctx.namespace)) {
    return fail(cluster, apiErrorText(missingObject(cluster, target.type, target.name, ctx.namespace)));
  }
  const timeoutText = flagValue(ctx.parsed, 'timeout') ?? '0s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined)
    return fail(cluster, clientError(`invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`));
  const watch = (flagValue(ctx.parsed, 'watch') ?? 'true') !== 'false';
  // No timeout: wait as long as the deployment's progress deadline (600s) at most.
  const deadline = cluster.now + (timeout > 0 ? timeout : 600_000);
  const out = new Output();
  let last = '';
  for (;;) {
    const d = findDeployment(cluster, target.name, ctx.namespace);
    if (!d) return out.result(cluster);
    const line = rolloutStatusLine(cluster, d);
    if (line.text !== last) out.out(line.text);
    last = line.text;
    if (line.done || !watch) return out.result(cluster);
    const next = nextChange(cluster, d);
    if (next === undefined || next > deadline) {
      cluster = advanceClock(cluster, deadline - cluster.now);
      out.err(clientError(timeout > 0 ? 'timed out waiting for the condition' : `deployment "${target.name}" exceeded its progress deadline`));
      return out.result(cluster);
    }
    cluster = advanceClock(cluster, next - cluster.now);
  }
}

function history(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster } = ctx;
  const target = oneTarget(args);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const d = target.type.kind === 'Deployment' ? findDeployment(cluster, target.name, ctx.namespace) : undefined;
  if (!d) return fail(cluster, apiErrorText(missingObject(cluster, target.type, target.name, ctx.namespace)));
  const rows = [
    ['REVISION', 'CHANGE-CAUSE'],
    ...ownedReplicaSets(cluster, d)
      .map(revisionOf)
      .sort((a, b) => a - b)
      .map((r) => [String(r), '<none>']),
  ];
  return { cluster, stdout: `${qualifiedSingular(target.type)}/${d.metadata.name} \n${formatTable(rows)}\n`, stderr: '', exitCode: 0 };
}

function undo(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster } = ctx;
  const target = oneTarget(args);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const d = target.type.kind === 'Deployment' ? findDeployment(cluster, target.name, ctx.namespace) : undefined;
  if (!d) return fail(cluster, apiErrorText(missingObject(cluster, target.type, target.name, ctx.namespace)));
  const byRevision = ownedReplicaSets(cluster, d).sort((a, b) => revisionOf(b) - revisionOf(a));
  const previous = byRevision[1];
  if (!previous) return fail(cluster, clientError('no rollout history found for deployment "' + d.metadata.name + '"'));
  const hashKey = 'pod-template-hash';
  const { [hashKey]: _hash, ...labels } = previous.spec.template.labels;
  void _hash;
  const updated = updateDeployment(
    cluster,
    d.metadata.name,
    (live) => ({ ...live.spec, template: { labels, containers: previous.spec.template.containers } }),
    d.metadata.namespace,
  );
  if (!updated.ok) return fail(cluster, apiErrorText(updated.error));
  return { cluster: updated.cluster, stdout: `${qualifiedSingular(target.type)}/${d.metadata.name} rolled back\n`, stderr: '', exitCode: 0 };
}

function run(ctx: CommandContext): KubectlResult {
  const [sub, ...rest] = ctx.parsed.positional;
  // A subcommand without a resource: rollout/rollout_status.go Complete (and history's, undo's).
  if ((sub === 'status' || sub === 'history' || sub === 'undo') && rest.length === 0 && flagValue(ctx.parsed, 'filename') === undefined)
    return fail(ctx.cluster, clientError('required resource not specified'));
  if (sub === 'status') return status(ctx, rest);
  if (sub === 'history') return history(ctx, rest);
  if (sub === 'undo') return undo(ctx, rest);
  // Without a subcommand kubectl prints the help and fails (the real client: help on stdout, status 1).
  if (sub === undefined) return { cluster: ctx.cluster, stdout: ROLLOUT_HELP, stderr: '', exitCode: 1 };
  return fail(ctx.cluster, clientError(`"kubectl rollout ${sub}" is not part of this simulated cluster; rollout status, history and undo are`));
}

export const rolloutCommand: CommandDef = {
  name: 'rollout',
  flags: [
    { name: 'timeout', kind: 'string' },
    { name: 'watch', short: 'w', kind: 'string', noOptDefVal: 'true' },
    { name: 'revision', kind: 'int' },
    { name: 'to-revision', kind: 'int' },
    { name: 'filename', short: 'f', kind: 'strings' },
  ],
  help: ROLLOUT_HELP,
  run,
};
