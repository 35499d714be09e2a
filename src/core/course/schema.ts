// The shape of a lesson file, format 1. Positions for problems are found by loader.ts.
import * as v from 'valibot';
import { QUESTION_FIELD_NAMES } from '../quiz/schema.js';
import { DIAGRAM_NAMES } from './model.js';

export const FORMAT = 1;

export const KNOWN_KINDS = ['read', 'manifest', 'compare', 'do', 'quiz', 'trace'] as const;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = v.pipe(
  v.string('must be a string'),
  v.regex(ID, 'must be lower-case letters, digits and single hyphens, like "expose-the-pod"'),
);
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
  ports: v.optional(
    v.strictObject({ nodePort: v.optional(port), port: v.optional(port), targetPort: v.optional(port) }),
  ),
});

const base = {
  id,
  title: text,
  text,
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
const condition = v.union(
  [
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
        outcome: v.picklist(['answered', 'refused', 'timeout'], 'must be answered, refused or timeout'),
      }),
      ...says,
    }),
    v.strictObject({ ran: text, ...says }),
  ],
  'must be one condition: pod, service, request or ran (with an optional says)',
);

export const stepSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('read'), ...base }),
  v.strictObject({
    kind: v.literal('manifest'),
    ...base,
    file: text,
    fields: v.pipe(
      v.array(v.strictObject({ path: text, note: text }), 'must be a list'),
      v.minLength(1, 'must list at least one field'),
    ),
  }),
  v.strictObject({
    kind: v.literal('compare'),
    ...base,
    left: side,
    right: side,
    rows: v.pipe(
      v.array(v.strictObject({ aspect: text, left: text, right: text }), 'must be a list'),
      v.minLength(1, 'must have at least one row'),
    ),
  }),
  v.strictObject({
    kind: v.literal('do'),
    ...base,
    goal: v.pipe(v.array(condition, 'must be a list of conditions'), v.minLength(1, 'must have at least one condition')),
    hints: v.optional(v.array(text, 'must be a list'), []),
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
  'nodePort', 'port', 'targetPort', 'path', 'note', 'aspect', 'goal', 'hints', 'pod', 'service', 'request', 'ran', 'says',
  'image', 'labels', 'running', 'selects', 'endpoints', 'outcome', 'setup', 'command', 'questions', 'review', 'request', 'predict', 'from', 'url', 'deep',
  ...QUESTION_FIELD_NAMES,
];
