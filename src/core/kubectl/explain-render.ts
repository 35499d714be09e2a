// kubectl explain's plain-text output, rendered from OpenAPI v3 schemas the way kubectl 1.32's
// template renders them (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl with
// funcs.go): wrap with go-wordwrap (v1.0.1), indent every line, fields in name order with their
// guessed types, `-required-`, `ENUM:` under a field, `enum: a, b, c, d, ....` in a field list.

export interface Schema {
  readonly description?: string;
  readonly type?: string;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly items?: Schema;
  readonly additionalProperties?: Schema | boolean;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly 'x-kubernetes-group-version-kind'?: readonly { group: string; kind: string; version: string }[];
}

export type Schemas = Readonly<Record<string, Schema>>;

const refName = (ref: string): string => ref.split('/').pop() ?? '';
const resolve = (schemas: Schemas, ref: string | undefined): Schema | undefined =>
  ref && ref.startsWith('#/components/schemas/') ? schemas[refName(ref)] : undefined;
const mapOf = (s: Schema): Schema | undefined => (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);

/** github.com/mitchellh/go-wordwrap v1.0.1 WrapString: breaks at spaces, keeps runs of spaces inside a line. */
export function wordWrap(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const wordLen = () => [...word].length;
  const spaceLen = () => [...space].length;
  for (const ch of text) {
    if (ch === '\n') {
      out += space + word + ch;
      space = '';
      word = '';
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space === '' || word !== '') {
        current += spaceLen() + wordLen();
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + spaceLen() + wordLen() > limit && wordLen() < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + spaceLen() <= limit) out += space;
  } else out += space + word;
  return out;
}

const indent = (amount: number, text: string): string => {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join(`\n${pad}`);
};

/** The template's "typeGuess": []T, map[string]T, a struct's name, or the primitive type. */
export function typeGuess(schemas: Schemas, s: Schema): string {
  if (s.items) return `[]${typeGuess(schemas, s.items)}`;
  const map = mapOf(s);
  if (map) return `map[string]${typeGuess(schemas, map)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(schemas, s.allOf[0] as Schema);
  if (s.$ref) {
    const target = resolve(schemas, s.$ref);
    if (!target || !target.type || target.type === 'object') return refName(s.$ref).split('.').pop() || 'Object';
    return target.type;
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object';
}

const enumValue = (v: string | number | boolean | null): string => (v === '' ? '""' : String(v));

function enumLong(s: Schema): string {
  if (!s.enum || s.enum.length === 0) return '';
  return `ENUM:${s.enum.map((v) => `\n    ${enumValue(v)}`).join('')}`;
}

function enumShort(s: Schema, indentAmount: number): string {
  if (!s.enum || s.enum.length === 0) return '';
  const shown = s.enum.slice(0, 4).map(enumValue).join(', ');
  return `\n${' '.repeat(indentAmount)}enum: ${shown}${s.enum.length > 4 ? ', ....' : ''}`;
}

/** The template's "description": the schema's words, then those of what it refers to, each ending a line. */
function description(schemas: Schemas, s: Schema): string {
  const r = resolve(schemas, s.$ref) ?? s;
  let text = r.description ? `${r.description}\n` : '';
  for (const sub of r.allOf ?? []) text += description(schemas, sub);
  if (r.items) text += description(schemas, r.items);
  const map = mapOf(r);
  if (map) text += description(schemas, map);
  return text;
}

function fieldDetail(schemas: Schemas, owner: Schema, name: string, short: boolean, level: number): string {
  const field = owner.properties?.[name] as Schema;
  const amount = level * 2;
  let text = `${indent(amount, name)}\t<${typeGuess(schemas, field)}>`;
  if (owner.required?.includes(name)) text += ' -required-';
  text += `${enumShort(field, amount)}\n`;
  if (!short) text += `${indent(amount + 2, wordWrap(field.description || '<no description>', 78 - amount))}\n\n`;
  return text;
}

function fieldList(schemas: Schemas, s: Schema, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolve(schemas, ref) ?? s;
  let text = '';
  for (const name of Object.keys(r.properties ?? {}).sort()) {
    text += fieldDetail(schemas, r, name, recursive, level);
    if (recursive) text += fieldList(schemas, r.properties?.[name] as Schema, level + 1, recursive, next);
  }
  for (const sub of r.allOf ?? []) text += fieldList(schemas, sub, level, recursive, next);
  if (r.items) text += fieldList(schemas, r.items, level, recursive, next);
  const map = mapOf(r);
  if (map) text += fieldList(schemas, map, level, recursive, next);
  return text;
}

/** The template's "output": follows the path, then prints FIELD, DESCRIPTION and FIELDS; '' where the path leads nowhere. */
function output(schemas: Schemas, s: Schema, path: readonly string[], recursive: boolean, history: ReadonlySet<string>): string {
  const ref = s.$ref ?? '';
  const next = new Set(history).add(ref);
  const r = resolve(schemas, ref) ?? s;
  if (path.length === 0) {
    let text = `DESCRIPTION:\n${indent(4, wordWrap(description(schemas, r) || '<empty>', 76))}\n`;
    const fields = fieldList(schemas, r, 1, recursive, new Set());
    if (fields) text += `FIELDS:\n${fields}`;
    return text;
  }
  if (ref && history.has(ref)) return '';
  const [first = '', ...rest] = path;
  const sub = r.properties?.[first];
  if (sub) {
    const head = rest.length === 0 ? `FIELD: ${first} <${typeGuess(schemas, sub)}>\n${enumLong(sub)}\n\n` : '';
    return head + output(schemas, sub, rest, recursive, new Set());
  }
  if (r.items) return output(schemas, r.items, path, recursive, next);
  const map = mapOf(r);
  if (map) return output(schemas, map, path, recursive, next);
  for (const alt of r.allOf ?? []) {
    const text = output(schemas, alt, path, recursive, next);
    if (text) return text;
  }
  return '';
}

/** A path that leads nowhere still prints the KIND lines first: the template writes them before it fails. */
export type ExplainResult = { ok: true; text: string } | { ok: false; text: string; error: string };

/** `kubectl explain KIND[.field...]` for the schema of the kind with this group/version/kind. */
export function renderExplain(
  schemas: Schemas,
  gvk: { group: string; version: string; kind: string },
  path: readonly string[],
  recursive: boolean,
): ExplainResult {
  const root = Object.values(schemas).find((s) =>
    s['x-kubernetes-group-version-kind']?.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind),
  );
  const head = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  if (!root) return { ok: false, text: head, error: `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema` };
  const body = output(schemas, root, path, recursive, new Set());
  if (!body) return { ok: false, text: head, error: `error: field "${path[path.length - 1] ?? ''}" does not exist` };
  return { ok: true, text: `${head}${body}\n` };
}
