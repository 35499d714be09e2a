// OpenAPI v3 component schemas built from the same field documentation `kubectl explain` reads in
// the sandbox (kubectl/explain-docs.ts), so the learner's own `kubectl explain` prints what the
// sandbox prints. A documented field whose type is another kind's struct becomes a $ref, with the
// field's words on the field and the struct's words on the component, as kube-openapi writes them.

import type { JsonValue } from '../kubectl/go-yaml.js';
import type { FieldDoc } from '../kubectl/explain-docs.js';

type Json = { [key: string]: JsonValue };

const CORE = 'io.k8s.api.core.v1.';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

const PRIMITIVES: Readonly<Record<string, Json>> = {
  string: { type: 'string' },
  integer: { type: 'integer', format: 'int32' },
  boolean: { type: 'boolean' },
  number: { type: 'number' },
};

const ref = (name: string): Json => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });

/** Splits "field words\nStruct words" where the docs joined the two, as explain prints them. */
function split(description: string): { field: string; struct: string } {
  const at = description.indexOf('\n');
  return at < 0 ? { field: description, struct: '' } : { field: description.slice(0, at), struct: description.slice(at + 1) };
}

function isStruct(type: string): boolean {
  return /^[A-Z]/.test(type) && type !== 'IntOrString' && type !== 'Object';
}

export function addSchemas(kind: string, doc: FieldDoc, schemas: Json, gvk?: Json): void {
  schemas[CORE + kind] = structSchema(doc, doc.description, schemas, gvk);
}

function structSchema(doc: FieldDoc, description: string, schemas: Json, gvk?: Json): Json {
  const properties: Json = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(doc.fields ?? {})) {
    properties[name] = fieldSchema(field, schemas);
    if (field.required) required.push(name);
  }
  const out: Json = { description, type: 'object', properties };
  if (required.length > 0) out.required = required;
  if (gvk) out['x-kubernetes-group-version-kind'] = [gvk];
  return out;
}

function fieldSchema(field: FieldDoc, schemas: Json): Json {
  const type = field.type;
  if (type.startsWith('[]')) {
    const item = type.slice(2);
    if (isStruct(item)) {
      const words = split(field.description);
      if (!(CORE + item in schemas)) schemas[CORE + item] = structSchema(field, words.struct, schemas);
      return { description: words.field, type: 'array', items: { ...ref(CORE + item), default: {} } };
    }
    return { description: field.description, type: 'array', items: PRIMITIVES[item] ?? { type: 'string' } };
  }
  if (type === 'map[string]string') return { description: field.description, type: 'object', additionalProperties: { type: 'string', default: '' } };
  if (type === 'IntOrString') {
    schemas[INT_OR_STRING] = { type: 'string', format: 'int-or-string' };
    return { ...ref(INT_OR_STRING), description: field.description };
  }
  if (isStruct(type)) {
    const words = split(field.description);
    if (!(CORE + type in schemas)) schemas[CORE + type] = structSchema(field, words.struct, schemas);
    return { ...ref(CORE + type), description: words.field, default: {} };
  }
  return { description: field.description, ...(PRIMITIVES[type] ?? { type: 'object' }) };
}
