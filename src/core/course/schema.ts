// The shape of a lesson file, format 1. Positions for problems are found by loader.ts.
import * as v from 'valibot';
import { QUESTION_FIELD_NAMES } from '../quiz/schema.js';
import { DIAGRAM_NAMES } from './model.js';
import { NOTE_FLAVOURS, WORLDS } from './world-notes.js';

export const FORMAT = 1;

export const KNOWN_KINDS = ['read', 'manifest', 'compare', 'do', 'quiz', 'trace'] as const;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = v.pipe(v.string('must be a string'), v.regex(ID, 'must be lower-case letters, digits and single hyphens, like "expose-the-pod"'));
const text = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));
const port = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be between 1 and 65535'),
  v.maxValue(65535, 'must be between 1 and 65535'),
);

const diagram = v.strictObject({
  name: v.picklist(DIAGRAM_NAMES, `must be one of: ${DIAGRAM_NAMES.join(', ')}`),
  description: text,
  ports: v.optional(v.strictObject({ nodePort: v.optional(port), port: v.optional(port), targetPort: v.optional(port) })),
});

const flavour = v.picklist(NOTE_FLAVOURS, `must be one of: ${NOTE_FLAVOURS.join(', ')}`);
/** Text for one world: `world: lab`, or `world: cluster` with an optional flavour or list of them. */
const note = v.strictObject({
  world: v.picklist(WORLDS, `must be one of: ${WORLDS.join(', ')}`),
  flavour: v.optional(
    v.union(
      [flavour, v.pipe(v.array(flavour), v.minLength(1, 'must name at least one flavour'))],
      `must be a flavour or a list of them: ${NOTE_FLAVOURS.join(', ')}`,
    ),
  ),
  text,
});

const base = {
  id,
  title: text,
  text,
  notes: v.optional(v.array(note, 'must be a list of notes, each with world and text')),
  diagram: v.optional(diagram),
  /** A deep dive, off the core path. */
  deep: v.optional(v.boolean('must be true or false')),
};

const side = v.strictObject({
  title: text,
  code: v.optional(text),
  file: v.optional(text),
  command: v.optional(text),
});

const name = v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, 'must be a Kubernetes object name'));
const says = { says: v.optional(text) };
/** How a command must have ended: `accepted: true`, or `refused:` (true, or what the refusal named). */
const refusalFields = v.strictObject({
  by: v.optional(v.picklist(['api', 'kubectl'], 'must be api or kubectl')),
  reason: v.optional(text),
  field: v.optional(text),
  value: v.optional(v.union([v.string(), v.number()], 'must be a string or a number')),
  message: v.optional(text),
});
const refusal = v.lazy((input: unknown) =>
  input !== null && typeof input === 'object' ? refusalFields : v.literal(true, 'must be true, or a map with by, reason, field, value or message'),
);
const outcome = { accepted: v.optional(v.literal(true, 'must be true (leave it out when it does not matter)')), refused: v.optional(refusal) };
/** Ways to meet a do step's goal: each a list of command lines. */
const solutions = v.pipe(
  v.array(v.pipe(v.array(text, 'must be a list of command lines'), v.minLength(1, 'must have at least one command line')), 'must be a list of command lists'),
  v.minLength(1, 'must list at least one solution'),
);
const leafConditions = [
  v.strictObject({
    pod: v.strictObject({
      name: v.optional(name),
      image: v.optional(text),
      labels: v.optional(v.record(v.string(), v.string())),
      running: v.optional(v.boolean('must be true or false')),
    }),
    ...says,
  }),
  v.strictObject({
    service: v.strictObject({
      name: v.optional(name),
      type: v.optional(v.picklist(['ClusterIP', 'NodePort', 'LoadBalancer'], 'must be ClusterIP, NodePort or LoadBalancer')),
      port: v.optional(port),
      targetPort: v.optional(v.union([port, text])),
      nodePort: v.optional(port),
      selects: v.optional(name),
      endpoints: v.optional(v.boolean('must be true or false')),
    }),
    ...says,
  }),
  v.strictObject({
    request: v.strictObject({
      service: v.optional(name),
      port: v.optional(port),
      outcome: v.picklist(['answered', 'refused', 'timeout'], 'must be answered, refused or timeout'),
    }),
    ...says,
  }),
  v.strictObject({ ran: text, ...outcome, ...says }),
  v.strictObject({
    did: v.strictObject({
      verb: v.optional(text),
      type: v.optional(text),
      name: v.optional(name),
      names: v.optional(v.array(name, 'must be a list of names')),
      flags: v.optional(
        v.record(v.string(), v.union([v.string(), v.number(), v.boolean()], 'must be a string, a number or true/false'), 'must be a map of flag: value'),
      ),
      ...outcome,
    }),
    ...says,
  }),
  v.strictObject({
    firewall: v.strictObject({
      port: v.union([port, text], 'must be a port, or a template such as "{{service.NAME.nodePort}}"'),
      open: v.boolean('must be true (the port is let in) or false (it is kept out)'),
    }),
    ...says,
  }),
] as const;
const LEAF_KEYS = ['pod', 'service', 'request', 'ran', 'did', 'firewall'] as const;
const anyLeaf = v.union(leafConditions, 'must be one condition: pod, service, request, ran, did or firewall (with an optional says)');
/** One condition of an `anyOf`: any kind but another `anyOf`. */
const leafCondition = v.lazy((input: unknown) => {
  const keys = input && typeof input === 'object' ? LEAF_KEYS.filter((k) => k in input) : [];
  const only = keys.length === 1 ? leafConditions[LEAF_KEYS.indexOf(keys[0]!)] : undefined;
  return only ?? anyLeaf;
});
const conditions = [
  ...leafConditions,
  v.strictObject({
    anyOf: v.pipe(v.array(leafCondition, 'must be a list of conditions'), v.minLength(2, 'must list at least two conditions, any one of which meets it')),
    ...says,
  }),
] as const;
const CONDITION_KEYS = [...LEAF_KEYS, 'anyOf'] as const;
const anyCondition = v.union(conditions, 'must be one condition: pod, service, request, ran, did, firewall or anyOf (with an optional says)');
/** A condition is checked against the one kind its key names, so a mistake inside it is named. */
const condition = v.lazy((input: unknown) => {
  const keys = input && typeof input === 'object' ? CONDITION_KEYS.filter((k) => k in input) : [];
  const only = keys.length === 1 ? conditions[CONDITION_KEYS.indexOf(keys[0]!)] : undefined;
  return only ?? anyCondition;
});

export const stepSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('read'), ...base }),
  v.strictObject({
    kind: v.literal('manifest'),
    ...base,
    file: text,
    fields: v.pipe(v.array(v.strictObject({ path: text, note: text }), 'must be a list'), v.minLength(1, 'must list at least one field')),
  }),
  v.strictObject({
    kind: v.literal('compare'),
    ...base,
    left: side,
    right: side,
    rows: v.pipe(v.array(v.strictObject({ aspect: text, left: text, right: text }), 'must be a list'), v.minLength(1, 'must have at least one row')),
  }),
  v.strictObject({
    kind: v.literal('do'),
    ...base,
    goal: v.pipe(v.array(condition, 'must be a list of conditions'), v.minLength(1, 'must have at least one condition')),
    hints: v.optional(v.array(text, 'must be a list'), []),
    solutions: v.optional(solutions),
  }),
  v.strictObject({
    kind: v.literal('trace'),
    ...base,
    request: v.strictObject({
      from: v.picklist(['outside', 'pod', 'load-balancer'], 'must be outside, pod or load-balancer'),
      url: v.optional(text),
      pod: v.optional(name),
      service: v.optional(name),
    }),
    predict: v.optional(v.boolean('must be true or false'), false),
  }),
  v.strictObject({
    kind: v.literal('quiz'),
    ...base,
    // Each question is checked by the quiz engine's own lint (see loader.ts).
    questions: v.optional(v.array(v.unknown(), 'must be a list of questions'), []),
    /** A review: every question of the course's other quizzes, in course order, after its own. */
    review: v.optional(v.boolean('must be true or false'), false),
  }),
]);

export const lessonSchema = v.strictObject({
  format: v.literal(FORMAT, `must be ${FORMAT}, the lesson format this version of nodeport-lab reads`),
  id,
  title: text,
  summary: text,
  /** The whole lesson is a deep dive. */
  deep: v.optional(v.boolean('must be true or false')),
  setup: v.optional(v.array(text, 'must be a list of sandbox commands'), []),
  // Each step is checked on its own (see loader.ts), so one broken step does not hide the others.
  steps: v.pipe(v.array(v.unknown(), 'must be a list'), v.minLength(1, 'must have at least one step')),
});

export type LessonInput = v.InferOutput<typeof lessonSchema>;
export type StepInput = v.InferOutput<typeof stepSchema>;

/** Every field name the format knows, for "did you mean" hints. */
export const FIELD_NAMES = [
  ...Object.keys(lessonSchema.entries),
  ...new Set(stepSchema.options.flatMap((o) => Object.keys(o.entries))),
  ...Object.keys(diagram.entries),
  ...Object.keys(side.entries),
  'nodePort',
  'port',
  'targetPort',
  'path',
  'note',
  'aspect',
  'goal',
  'hints',
  'pod',
  'service',
  'request',
  'ran',
  'says',
  'did',
  'verb',
  'type',
  'name',
  'names',
  'flags',
  'accepted',
  'refused',
  'by',
  'reason',
  'field',
  'value',
  'message',
  'solutions',
  'image',
  'labels',
  'running',
  'selects',
  'endpoints',
  'outcome',
  'setup',
  'command',
  'questions',
  'review',
  'request',
  'predict',
  'from',
  'url',
  'deep',
  ...QUESTION_FIELD_NAMES,
];
