// The shape of a quiz question in YAML, as a valibot schema: fields, types, no unknown fields.
// What the shape cannot say (one right option, lines inside the code, known concepts) is in lint.ts.
import * as v from 'valibot';
import { QUESTION_KINDS, TYPED_RULES } from './model.js';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const id = v.pipe(v.string('must be a string'), v.regex(ID, 'must be lower-case letters, digits and single hyphens, like "which-port-is-typed"'));
const text = v.pipe(
  v.string('must be a string'),
  v.check((s) => s.trim() !== '', 'must not be empty'),
);
const wholeNumber = v.pipe(v.number('must be a number'), v.integer('must be a whole number'));
const numberOrFact = v.union([wholeNumber, v.string()], 'must be a whole number, or a placeholder such as "{{nodePort}}"');
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'must be a list');

const base = {
  id,
  prompt: text,
  concepts: v.pipe(list(v.string('must be a string')), v.minLength(1, 'must name at least one concept')),
  explain: v.optional(text),
  fallback: v.optional(v.record(v.string(), v.union([v.string(), v.number()], 'must be text or a number'), 'must be a map of fact names to values')),
};

const option = v.strictObject({ text, correct: v.optional(v.boolean('must be true or false')), why: text });
const wrongNumber = v.strictObject({ value: numberOrFact, why: text });

export const ruleSchema = v.variant(
  'rule',
  [
    v.strictObject({ rule: v.literal('number'), value: numberOrFact, wrong: v.optional(list(wrongNumber)) }),
    v.strictObject({ rule: v.literal('port-in-range'), min: wholeNumber, max: wholeNumber, wrong: v.optional(list(wrongNumber)) }),
    v.strictObject({
      rule: v.literal('text'),
      accept: v.pipe(list(text), v.minLength(1, 'must list at least one accepted answer')),
      caseSensitive: v.optional(v.boolean('must be true or false')),
      wrong: v.optional(list(v.strictObject({ value: text, why: text }))),
    }),
    v.strictObject({
      rule: v.literal('url'),
      host: text,
      alsoHosts: v.optional(list(text)),
      port: numberOrFact,
      scheme: v.optional(v.picklist(['http', 'https'], 'must be http or https')),
      wrong: v.optional(list(v.strictObject({ scheme: v.optional(text), host: v.optional(text), port: v.optional(numberOrFact), why: text }))),
    }),
  ],
  `must be one of: ${TYPED_RULES.join(', ')}`,
);

export const questionSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('single'), ...base, options: list(option) }),
    v.strictObject({ kind: v.literal('multiple'), ...base, options: list(option) }),
    v.strictObject({ kind: v.literal('typed'), ...base, answer: ruleSchema }),
    v.strictObject({ kind: v.literal('order'), ...base, items: list(v.strictObject({ text, why: v.optional(text) })) }),
    v.strictObject({ kind: v.literal('match'), ...base, pairs: list(v.strictObject({ left: text, right: text, why: text })) }),
    v.strictObject({
      kind: v.literal('bug'),
      ...base,
      code: text,
      line: wholeNumber,
      why: text,
      wrong: v.optional(list(v.strictObject({ line: wholeNumber, why: text }))),
    }),
  ],
  `must be one of: ${QUESTION_KINDS.join(', ')}`,
);

/** Every field name a question can have, for "did you mean" hints. */
export const QUESTION_FIELD_NAMES: readonly string[] = [
  ...new Set([
    ...questionSchema.options.flatMap((o) => Object.keys(o.entries)),
    ...ruleSchema.options.flatMap((o) => Object.keys(o.entries)),
    ...Object.keys(option.entries),
    'left',
    'right',
    'line',
    'scheme',
    'host',
    'port',
    'value',
  ]),
];
