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
import { parseSelector as parseLabelSelector, type Requirement } from './label-selector.js';
import { goQuote } from '../cluster/field-error.js';
import { qualifiedSingular } from './resources.js';
import { oneTarget } from './workload-target.js';
import { setOwn } from '../own.js';

interface LabelSelector {
  readonly matchLabels: Record<string, string>;
  /** Each as Go's %v prints a LabelSelectorRequirement: `{app In [a b]}`. */
  readonly matchExpressions: string[];
}

const OPERATORS: Partial<Record<Requirement['op'], string>> = { in: 'In', notin: 'NotIn', exists: 'Exists', notexists: 'DoesNotExist' };

/** metav1.ParseToLabelSelector (apimachinery pkg/apis/meta/v1/helpers.go). */
function toLabelSelector(text: string): { ok: true; selector: LabelSelector } | { ok: false; error: string } {
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) return { ok: false, error: `couldn't parse the selector string ${goQuote(text)}: ${parsed.error}` };
  const selector: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  for (const r of parsed.requirements) {
    if (r.op === 'eq') {
      setOwn(selector.matchLabels, r.key, r.value);
      continue;
    }
    if (r.op === 'gt' || r.op === 'lt') return { ok: false, error: `${goQuote(r.op)} isn't supported in label selectors` };
    if (r.op === 'neq') return { ok: false, error: '"!=" is not a valid label selector operator' };
    const values = r.op === 'in' || r.op === 'notin' ? r.values : [];
    selector.matchExpressions.push(`{${r.key} ${OPERATORS[r.op] ?? r.op} [${values.join(' ')}]}`);
  }
  return { ok: true, selector };
}

export function setSelector(ctx: CommandContext, args: readonly string[]): KubectlResult {
  const { cluster, parsed } = ctx;
  // set_selector.go Complete: the last argument is the selector, those before it the resources.
  if (args.length === 0) return fail(cluster, clientError('one selector is required'));
  const resources = args.slice(0, -1);
  const selectorText = args[args.length - 1] ?? '';
  const dry = dryRunOf(parsed);
  if (!dry.ok) return fail(cluster, clientError(dry.error));
  const selector = toLabelSelector(selectorText);
  if (!selector.ok) return fail(cluster, clientError(selector.error));
  if (resources.length === 0) return fail(cluster, clientError(NO_RESOURCES_MESSAGE));
  const target = oneTarget(resources);
  if (!target.ok) return fail(cluster, clientError(target.error));
  const { type, name } = target;
  if (name === '') return fail(cluster, clientError('resource(s) were provided, but no name was specified'));
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
  // updateSelectorForObject: a Service's selector holds labels only.
  const { matchExpressions, matchLabels } = selector.selector;
  if (matchExpressions.length > 0) return fail(cluster, clientError(`match expression [${matchExpressions.join(' ')}] not supported on this object`));
  const updated = updateService(cluster, { ...serviceToInput(live), selector: matchLabels });
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
