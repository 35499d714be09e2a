// API errors as the API server sends them: a metav1.Status with its HTTP code
// (apimachinery pkg/api/errors/errors.go), so a real kubectl prints the same line the sandbox does.

import { fieldErrorBody, type ApiError, type FieldError } from '../cluster/index.js';
import { statusMessage } from '../kubectl/errors.js';
import type { JsonValue } from '../kubectl/go-yaml.js';

/** The cause reason for each field error type (apimachinery pkg/util/validation/field/errors.go). */
const CAUSE_REASON: Record<FieldError['type'], string> = {
  'Required value': 'FieldValueRequired',
  'Invalid value': 'FieldValueInvalid',
  'Duplicate value': 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  'Unsupported value': 'FieldValueNotSupported',
  'Internal error': 'InternalError',
};

const CODE: Record<ApiError['kind'], number> = {
  Invalid: 422,
  AlreadyExists: 409,
  NotFound: 404,
  BadRequest: 400,
  InternalError: 500,
  Forbidden: 403,
};

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
}

export function statusCode(error: ApiError): number {
  return CODE[error.kind];
}

/**
 * An Invalid Status's details: errors.NewInvalid takes a GroupKind, so `Deployment.apps` is the
 * kind `Deployment` of the group `apps` there (the message keeps the qualified kind).
 */
function invalidDetails(name: string, qualifiedKind: string, causes: JsonValue): { [key: string]: JsonValue } {
  const dot = qualifiedKind.indexOf('.');
  if (dot === -1) return { name, kind: qualifiedKind, causes };
  return { name, group: qualifiedKind.slice(dot + 1), kind: qualifiedKind.slice(0, dot), causes };
}

/** metav1.Status for an error; `details` names the object as errors.NewNotFound and friends do. */
export function statusOf(error: ApiError, details: StatusDetails = {}): { [key: string]: JsonValue } {
  const code = statusCode(error);
  if (error.kind === 'Invalid') {
    const causes = error.causes.map((c) => ({ reason: CAUSE_REASON[c.type], message: fieldErrorBody(c), field: c.field }));
    const message = statusMessage(error);
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason: 'Invalid',
      details: invalidDetails(error.objectName ?? details.name ?? '', error.objectKind ?? details.kind ?? '', causes),
      code,
    };
  }
  const body: { [key: string]: JsonValue } = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: error.message, reason: error.kind };
  if (error.kind !== 'InternalError' && error.kind !== 'BadRequest') {
    const d: { [key: string]: JsonValue } = {};
    if (details.name !== undefined) d.name = details.name;
    if (details.kind !== undefined) d.kind = details.kind;
    body.details = d;
  }
  body.code = code;
  return body;
}

/** A Status for a failure the API server says in its own words (an unknown path, a bad verb). */
export function plainStatus(code: number, reason: string, message: string): { [key: string]: JsonValue } {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details: {}, code };
}
