// One path operation of a kind the lab serves, in its OpenAPI v3 document: kubectl looks for the
// fieldValidation parameter (QueryParamVerifierV3) and then leaves validation to the server.
import type { JsonValue } from '../kubectl/go-yaml.js';

type Json = { [key: string]: JsonValue };

const FIELD_VALIDATION: Json = {
  name: 'fieldValidation',
  in: 'query',
  description: 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.',
  schema: { type: 'string', uniqueItems: true },
};

/** One path operation of a served kind, with the fieldValidation parameter kubectl looks for. */
export function operation(kind: string, action: string, group = ''): Json {
  return {
    description: `${action} a ${kind}`,
    operationId: group === '' ? `${action}CoreV1${kind}` : `${action}AppsV1Namespaced${kind}`,
    parameters: [FIELD_VALIDATION],
    responses: { '200': { description: 'OK' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group, kind, version: 'v1' },
  };
}
