// A DELETE's options: kubectl sends a DeleteOptions body (`{"kind":"DeleteOptions",
// "apiVersion":"v1","propagationPolicy":"Background"}`, with `"dryRun":["All"]` for
// --dry-run=server); other clients may put the same fields in the query. The handler validates
// them before it looks for the object (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/delete.go,
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go ValidateDeleteOptions).

import { invalidError, PROPAGATIONS, type ApiError, type Propagation } from '../cluster/index.js';
import { invalid, notSupported } from '../cluster/field-error.js';
import type { ApiRequest } from './request.js';

export interface DeleteOptions {
  readonly dryRun: boolean;
  /** Absent: the resource's default (background for the apps kinds). */
  readonly propagation?: Propagation;
  /** gracePeriodSeconds: absent, each pod's own terminationGracePeriodSeconds. */
  readonly gracePeriodSeconds?: number;
}

function bodyOf(request: ApiRequest): Record<string, unknown> {
  try {
    const options: unknown = JSON.parse(request.body || '{}');
    return typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function deleteOptionsOf(request: ApiRequest): { ok: true; options: DeleteOptions } | { ok: false; error: ApiError } {
  const body = bodyOf(request);
  const bodyDryRun = Array.isArray(body.dryRun) && body.dryRun.includes('All');
  const dryRun = request.query.get('dryRun') === 'All' || bodyDryRun;
  const policyValue = typeof body.propagationPolicy === 'string' ? body.propagationPolicy : request.query.get('propagationPolicy');
  const orphanValue = typeof body.orphanDependents === 'boolean' ? String(body.orphanDependents) : request.query.get('orphanDependents');
  const causes = [];
  if (policyValue !== null && policyValue !== undefined && orphanValue !== null && orphanValue !== undefined) {
    causes.push(invalid('propagationPolicy', policyValue, 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (policyValue !== null && policyValue !== undefined && !(PROPAGATIONS as readonly string[]).includes(policyValue)) {
    causes.push(notSupported('propagationPolicy', policyValue, [...PROPAGATIONS, 'nil']));
  }
  if (causes.length > 0) return { ok: false, error: invalidError('DeleteOptions.meta.k8s.io', '', causes) };
  const propagation =
    policyValue !== null && policyValue !== undefined
      ? (policyValue as Propagation)
      : orphanValue === 'true'
        ? 'Orphan'
        : orphanValue === 'false'
          ? 'Background'
          : undefined;
  const graceValue = typeof body.gracePeriodSeconds === 'number' ? body.gracePeriodSeconds : Number(request.query.get('gracePeriodSeconds') ?? NaN);
  const grace = Number.isInteger(graceValue) ? { gracePeriodSeconds: graceValue } : {};
  return { ok: true, options: propagation ? { dryRun, propagation, ...grace } : { dryRun, ...grace } };
}
