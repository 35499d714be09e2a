// kubectl set selector (svc NAME | svc/NAME) KEY=VALUE,... : a Service's selector replaced whole
// (staging/src/k8s.io/kubectl/pkg/cmd/set/set_selector.go).

import { findDeployment, findPod, findService, serviceToInput, updateService } from '../cluster/index.js';
import type { CommandContext, KubectlResult } from './command.js';
import { fail } from './command.js';
import { serviceView } from './api-view.js';
import { flagValue } from './flags.js';
import { parseOutput } from './output-format.js';
import { printResult } from './print-object.js';
import { actionSuffix, dryRunOf } from './dry-run.js';
import { apiErrorText, clientError } from './errors.js';
import { NO_RESOURCES_MESSAGE } from './expose.js';
import { missingObject } from './lookup.js';
import { qualifiedSingular } from './resources.js';
import { oneTarget } from './workload-target.js';
import { setOwn } from '../own.js';

/** metav1.ParseToLabelSelector, as far as a Service's selector can hold it: equality only. */
function parseSelector(text: string): { ok: true; labels: Record<string, string> } | { ok: false; error: string } {
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (part.includes('!=')) return { ok: false, error: '"!=" is not a valid label selector operator' };
    const eq = part.indexOf('=');
    // A bare key is an Exists requirement, which updateSelectorForObject refuses for a Service.
    if (eq < 0) return { ok: false, error: `match expression [{${part} Exists []}] not supported on this object` };
    const value = part.slice(eq + 1).replace(/^=/, '');
    setOwn(labels, part.slice(0, eq), value);
  }
  return { ok: true, labels };
}

export function setSelector(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster, parsed } = ctx;
  // set_selector.go Complete: the last argument is the selector, those before it the resources.
  if (args.length === 0) return fail(cluster, clientError('one selector is required'));
  const resources = args.slice(0, -1);
  const selectorText = args[args.length - 1] ?? '';
  if (resources.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const target = oneTarget(resources);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const { type, name } = target;
  if (name === '') return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
  const selector = parseSelector(selectorText);
  if (!selector.ok) return fail(cluster, clientError(selector.error));
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const live = type.kind === 'Service' ? findService(cluster, name, ctx.namespace) : undefined;
  if (!live) {
    const exists =
      (type.kind === 'Pod' && findPod(cluster, name, ctx.namespace)) || (type.kind === 'Deployment' && findDeployment(cluster, name, ctx.namespace));
    if (type.kind === 'Service' || type.kind === 'Pod' || type.kind === 'Deployment') {
      if (!exists) return fail(cluster, apiErrorText(missingObject(cluster, type, name, ctx.namespace)));
      // set_selector.go updateSelectorForObject: every kind but a Service is refused.
      return fail(cluster, clientError('setting a selector is only supported for Services'));
    }
    return fail(cluster, clientError(`set selector works on services in this simulated cluster (kubectl set selector svc NAME KEY=VALUE)`));
  }
  const updated = updateService(cluster, { ...serviceToInput(live), selector: selector.labels });
  if (!updated.ok) return fail(cluster, apiErrorText(updated.error));
  const next = dry.mode === 'none' ? updated.cluster : cluster;
  return printResult(
    next,
    format.format,
    `${qualifiedSingular(type)}/${name}`,
    `selector updated${actionSuffix(dry.mode)}`,
    () => serviceView(updated.value),
    true,
  );
}
