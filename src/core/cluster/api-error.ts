// Errors as the API server returns them: data, so kubectl can print them exactly.

import type { FieldError } from './field-error.js';
import type { Cluster } from './types.js';

export type ApiErrorKind = 'Invalid' | 'AlreadyExists' | 'NotFound' | 'BadRequest' | 'InternalError' | 'Forbidden';

export interface ApiError {
  readonly kind: ApiErrorKind;
  /** The Status message, e.g. `services "web" already exists`. */
  readonly message: string;
  /** For Invalid: the object's kind and name, for the `The Service "x" is invalid` header. */
  readonly objectKind?: string;
  readonly objectName?: string;
  readonly causes: readonly FieldError[];
}

/** Plural resource names, as used in API messages. */
export function resourceOf(kind: string): string {
  switch (kind) {
    case 'Pod':
      return 'pods';
    case 'Service':
      return 'services';
    case 'Node':
      return 'nodes';
    case 'Endpoints':
      return 'endpoints';
    default:
      return `${kind.toLowerCase()}s`;
  }
}

export function invalidError(objectKind: string, objectName: string, causes: readonly FieldError[]): ApiError {
  return { kind: 'Invalid', message: `${objectKind} "${objectName}" is invalid`, objectKind, objectName, causes };
}

export function alreadyExists(objectKind: string, name: string): ApiError {
  return { kind: 'AlreadyExists', message: `${resourceOf(objectKind)} "${name}" already exists`, causes: [] };
}

export function notFound(resource: string, name: string): ApiError {
  return { kind: 'NotFound', message: `${resource} "${name}" not found`, causes: [] };
}

/** A request the API refuses (apimachinery errors.NewForbidden): `namespaces "default" is forbidden: REASON`. */
export function forbidden(resource: string, name: string, reason: string): ApiError {
  return { kind: 'Forbidden', message: `${resource} "${name}" is forbidden: ${reason}`, causes: [] };
}

export function badRequest(message: string): ApiError {
  return { kind: 'BadRequest', message, causes: [] };
}

export function internalError(message: string): ApiError {
  return { kind: 'InternalError', message: `Internal error occurred: ${message}`, causes: [] };
}

/** The outcome of a change to the cluster: the new cluster and a value, or an error and the cluster unchanged. */
export type Result<T> =
  { readonly ok: true; readonly cluster: Cluster; readonly value: T } | { readonly ok: false; readonly cluster: Cluster; readonly error: ApiError };
