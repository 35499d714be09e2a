// ValidateObjectMeta, the parts the simulator needs: name, labels, annotation keys.

import { invalid, required, type FieldError } from './field-error.js';
import { isQualifiedName, isValidLabelValue } from './names.js';
import type { Labels } from './types.js';
import { append } from '../append.js';

export function validateLabels(labels: Labels | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(key)) errors.push(invalid(path, key, msg));
    for (const msg of isValidLabelValue(value)) errors.push(invalid(path, value, msg));
  }
  return errors;
}

export function validateMetadata(
  name: string,
  labels: Labels | undefined,
  annotations: Labels | undefined,
  nameRule: (name: string) => string[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (name === '') errors.push(required('metadata.name', 'name or generateName is required'));
  else for (const msg of nameRule(name)) errors.push(invalid('metadata.name', name, msg));
  append(errors, validateLabels(labels, 'metadata.labels'));
  for (const key of Object.keys(annotations ?? {})) {
    for (const msg of isQualifiedName(key.toLowerCase())) errors.push(invalid('metadata.annotations', key, msg));
  }
  return errors;
}
