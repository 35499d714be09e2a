// A do step's goal as a lesson writes it -> the conditions the course checks. `ran:` lines and
// `did:` maps both become deeds in kubectl's own terms (verb, type, names, flags by long name), so
// a lesson's spelling never matters, and a command or flag kubectl does not know is a lint problem.
import { canonicalType, flagSpecOf, normaliseFlag, understand, understandKubectl } from '../kubectl/understood.js';
import { deedOfLine, type Deed, type Refusal } from './deeds.js';
import type { Condition } from './goals.js';
import type { StepInput } from './schema.js';
import type { PathKey } from './yaml-position.js';
import { templateProblems } from './template.js';

type ConditionInput = Extract<StepInput, { kind: 'do' }>['goal'][number];
type OutcomeInput = {
  accepted?: true;
  refused?: true | { by?: 'api' | 'kubectl'; reason?: string; field?: string; value?: string | number; message?: string };
};

export interface GoalProblem {
  /** Where, below the condition. */
  readonly path: readonly PathKey[];
  readonly message: string;
}

/** The shell commands a `ran:` line may name (the sandbox's own). */
const PROGRAMS = ['kubectl', 'k', 'curl', 'trace', 'iptables-save', 'firewall', 'nodes', 'sleep', 'history', 'help', 'reset', 'clear'];

function outcomeOf(input: OutcomeInput): Pick<Deed, 'accepted' | 'refused'> {
  const { accepted, refused } = input;
  const refusal: Refusal | undefined =
    refused === undefined
      ? undefined
      : refused === true
        ? {}
        : {
            ...(refused.by ? { by: refused.by } : {}),
            ...(refused.reason ? { reason: refused.reason } : {}),
            ...(refused.field ? { field: refused.field } : {}),
            ...(refused.value !== undefined ? { value: String(refused.value) } : {}),
            ...(refused.message ? { message: refused.message } : {}),
          };
  return { ...(accepted ? { accepted: true } : {}), ...(refusal ? { refused: refusal } : {}) };
}

function readDid(did: Extract<ConditionInput, { did: unknown }>['did'], problems: GoalProblem[]): Deed {
  let verb: string | undefined;
  let type: string | undefined;
  if (did.verb !== undefined) {
    const read = understandKubectl(did.verb.trim().split(/\s+/));
    if (read.ok) verb = read.understood.verb;
    else problems.push({ path: ['did', 'verb'], message: `"${did.verb}" is not a kubectl command this sandbox knows` });
  }
  if (did.type !== undefined) {
    type = did.type
      .split(',')
      .map((t) => canonicalType(t.trim()))
      .every((t) => t !== undefined)
      ? [...new Set(did.type.split(',').map((t) => canonicalType(t.trim())))].join(',')
      : undefined;
    if (type === undefined) problems.push({ path: ['did', 'type'], message: `"${did.type}" is not a resource type kubectl knows` });
  }
  const flags: Record<string, string> = {};
  for (const [key, value] of Object.entries(did.flags ?? {})) {
    const name = key.replace(/^-{1,2}/, '');
    const spec = verb !== undefined ? flagSpecOf(verb, name) : undefined;
    if (!spec) {
      const message = verb === undefined ? 'flags need a "verb" to be read with' : `unknown flag "${key}" for kubectl ${verb.split(' ')[0]}`;
      problems.push({ path: ['did', 'flags', key], message });
      continue;
    }
    flags[spec.name] = normaliseFlag(spec, String(value));
  }
  const names = [...(did.name !== undefined ? [did.name] : []), ...(did.names ?? [])];
  return {
    ...(verb !== undefined || type !== undefined ? { program: 'kubectl' } : {}),
    ...(verb !== undefined ? { verb } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(names.length ? { names } : {}),
    ...(Object.keys(flags).length ? { flags } : {}),
    ...outcomeOf(did),
  };
}

/**
 * `NAME` where a `ran:` line names an object stands for any name, as in kubectl's own usage lines
 * (`kubectl create service nodeport NAME`): no object can be called that, since names are lower
 * case. The line stays as written, for the checklist.
 */
export const ANY_NAME = 'NAME';

function anyName(deed: Deed): Deed {
  if (!deed.names?.includes(ANY_NAME)) return deed;
  const names = deed.names.filter((n) => n !== ANY_NAME);
  const rest: Deed = Object.fromEntries(Object.entries(deed).filter(([key]) => key !== 'names'));
  return names.length ? { ...rest, names } : rest;
}

/** One condition, with `ran` and `did` read into a deed; problems are pushed with their place. */
export function readCondition(input: ConditionInput, problems: GoalProblem[]): Condition {
  const says = input.says !== undefined ? { says: input.says } : {};
  for (const message of input.says !== undefined ? templateProblems(input.says) : []) problems.push({ path: ['says'], message });
  if ('ran' in input) {
    const program = input.ran.trim().split(/\s+/)[0] ?? '';
    const read = understand(input.ran);
    if (!PROGRAMS.includes(program)) {
      problems.push({ path: ['ran'], message: `"${program}" is not a command the sandbox runs (known: ${PROGRAMS.join(', ')})` });
    } else if (!read.ok) {
      problems.push({ path: ['ran'], message: `kubectl would not understand this command: ${read.error}` });
    }
    const deed = deedOfLine(input.ran, outcomeOf(input));
    if (!deed) return { ran: input.ran, ...says };
    return { did: anyName(deed), ...says };
  }
  if ('did' in input) return { did: readDid(input.did, problems), ...says };
  if ('anyOf' in input) {
    const anyOf = input.anyOf.map((inner, i) => {
      const found: GoalProblem[] = [];
      const read = readCondition(inner, found);
      for (const problem of found) problems.push({ path: ['anyOf', i, ...problem.path], message: problem.message });
      return read;
    });
    return { anyOf, ...says };
  }
  if ('firewall' in input) {
    const { port } = input.firewall;
    if (typeof port === 'string') {
      const problem =
        templateProblems(port)[0] ??
        (/^\s*(\d{1,5}|\{\{[^{}]*\}\})\s*$/.test(port) ? null : 'must be a port, or one template such as "{{service.NAME.nodePort}}"');
      if (problem) problems.push({ path: ['firewall', 'port'], message: problem });
    }
    return input;
  }
  return input;
}
